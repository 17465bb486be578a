import Foundation

/// A sheet's rows handed to the placement scanners as CSV lines (`PlacementSheet.line`), in
/// batches of consecutive rows: one `consume` per batch instead of one per row, and for a large
/// sheet on a second thread, counting one batch while the reader scans the next rows. The
/// reader only copies each row's text and cells into the batch (`RowBatch`); the lines are
/// written where they are counted, so that the reader's thread, the slowest of the three, does
/// as little per row as it can.
///
/// Counts, messages and which error is reported are those of counting each row as it is read:
/// the scanners see the same lines, numbered by their rows, in the same order; a batch ends
/// where a row number is skipped (an empty row) so that line numbers stay row numbers; when
/// several scanners fail in one batch, the error of the earliest row (then the first scanner)
/// is the one; and a reader that fails itself first lets the counting of the rows before it
/// finish (`finish()`), so a bad value in an earlier row still comes first.
///
/// Memory is bounded: `slots` batches of about `batchBytes` bytes of rows, and the lines of
/// one; the reader waits while all are queued.
final class PlacementLines: @unchecked Sendable {
    /// A batch's rows, text and cell records: about 64 KiB of lines for a placement export (a
    /// cell's record takes more than its text), so that handing a batch over (a lock and a
    /// wake-up) is rare next to the rows in it.
    static let batchBytes = 1 << 18
    static let slots = 3

    private var scanners: [PlacementScanner]
    private let sheet: String
    private let threaded: Bool
    private let batches: [RowBatch]
    /// The lines of the batch being counted: the counting thread's (the caller's, unthreaded).
    private let lines = LineBuffer(capacity: 1 << 16)
    // Guarded by `condition`: the batches [head, head + queued) are the counter's (the one at
    // `head` being counted), the one at `head + queued` the reader's.
    private let condition = NSCondition()
    private var head = 0
    private var queued = 0
    private var failure: LoadError?
    private var closing = false
    private var cancelled = false
    private var threadDone = false
    private var started = false

    /// `threaded`: count on a second thread (for a large sheet); else each batch is counted
    /// when it is full, on the caller's thread.
    init(scanners: [PlacementScanner], sheet: String, threaded: Bool) {
        self.scanners = scanners
        self.sheet = sheet
        self.threaded = threaded
        batches = (0..<(threaded ? Self.slots : 1)).map { _ in RowBatch() }
    }

    /// What fills the first batch, on the reader's thread.
    func writer() -> RowBatch.Writer { RowBatch.Writer(batches[0]) }

    /// Adds a row with a value; throws a counting error of an earlier row as soon as it is known.
    @inline(__always)
    func add(_ row: SheetRow, to writer: inout RowBatch.Writer) throws(LoadError) {
        if writer.count > 0 && (row.number != writer.firstRow + writer.count || writer.bytes >= Self.batchBytes) {
            try submit(&writer)
        }
        writer.append(row)
    }

    /// Hands a full batch over (or counts it now, unthreaded) and starts the next.
    private func submit(_ writer: inout RowBatch.Writer) throws(LoadError) {
        let batch = writer.seal()
        if !threaded {
            if let error = count(batch) { throw error }
            writer = RowBatch.Writer(batch)
            return
        }
        condition.lock()
        if !started {
            started = true
            let thread = Thread { [self] in run() }
            thread.name = "amr-count"
            thread.start()
        }
        queued += 1
        condition.broadcast()
        while queued == batches.count && failure == nil { condition.wait() }
        let error = failure
        let next = batches[(head + queued) % batches.count]
        condition.unlock()
        if let error { throw error }
        writer = RowBatch.Writer(next)
    }

    /// Counts what is left and returns the scanners; the first counting error is thrown.
    func finish(_ writer: RowBatch.Writer) throws(LoadError) -> [PlacementScanner] {
        var writer = writer
        if writer.count > 0 { try submit(&writer) }
        if threaded {
            condition.lock()
            closing = true
            condition.broadcast()
            while started && !threadDone { condition.wait() }
            let error = failure
            condition.unlock()
            if let error { throw error }
        }
        return scanners
    }

    /// Stops the thread without counting what is queued (the reader failed or gave up).
    func cancel() {
        guard threaded else { return }
        condition.lock()
        cancelled = true
        condition.broadcast()
        while started && !threadDone { condition.wait() }
        condition.unlock()
    }

    /// The thread: counts queued batches in order until closed, cancelled or failed.
    private func run() {
        while true {
            condition.lock()
            while queued == 0 && !closing && !cancelled { condition.wait() }
            if cancelled || failure != nil || queued == 0 {
                threadDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = batches[head]
            condition.unlock()
            let error = count(batch)
            condition.lock()
            head = (head + 1) % batches.count
            queued -= 1
            if let error { failure = error }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Writes a batch's lines and counts them with every scanner: the error of the earliest
    /// row, then first scanner.
    private func count(_ batch: RowBatch) -> LoadError? {
        let used = batch.lines(into: lines)
        let text = UnsafeBufferPointer(start: lines.pointer, count: used)
        var first: (row: Int, error: LoadError)?
        for index in scanners.indices {
            scanners[index].line = batch.firstRow
            do {
                _ = try scanners[index].consume(text, final: true)
            } catch {
                let row = scanners[index].line
                if first == nil || row < first?.row ?? Int.max { first = (row, error) }
            }
        }
        guard let first else { return nil }
        return relocated(first.error, in: batch)
    }

    /// The error with its line and column turned into the sheet's cell.
    private func relocated(_ error: LoadError, in batch: RowBatch) -> LoadError {
        guard let line = error.location?.line, line >= batch.firstRow, line - batch.firstRow < batch.count else { return error }
        let cells = batch.row(line - batch.firstRow)
        let width = max(1, cells.cells.last?.column ?? 0)
        let buffer = LineBuffer(capacity: 3 * width + 2 * cells.text.count + 1)
        let end = PlacementSheet.line(text: cells.text, cells: cells.cells, to: buffer.pointer, at: 0)
        var row = SheetRow()
        row.number = line
        let columns = Self.textColumns(UnsafeBufferPointer(start: buffer.pointer, count: end))
        return PlacementSheet.relocated(error, row: row, textColumns: columns, sheet: sheet)
    }

    /// Where each field of a line that `PlacementSheet.line` wrote starts (1-based), as its
    /// `textColumns`: every field is in quotes with its own quotes doubled, so a single quote
    /// closes it.
    static func textColumns(_ line: UnsafeBufferPointer<UInt8>) -> [Int] {
        var columns: [Int] = []
        var index = 0
        let count = line.count
        while index < count {
            columns.append(index + 1)
            index += 1
            while index < count {
                if line[index] == 0x22 {
                    if index + 1 < count && line[index + 1] == 0x22 {
                        index += 2
                        continue
                    }
                    break
                }
                index += 1
            }
            index += 1
            guard index < count, line[index] == UInt8(ascii: ",") else { break }
            index += 1
        }
        return columns
    }
}
