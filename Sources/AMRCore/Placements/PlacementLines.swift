import Foundation

/// A sheet's rows handed to the placement scanners as CSV lines (`PlacementSheet.line`), in
/// batches of consecutive rows: one `consume` per batch instead of one per row, and for a large
/// sheet on a second thread, counting one batch while the reader scans the next rows.
///
/// Counts, messages and which error is reported are those of counting each row as it is read:
/// the scanners see the same lines, numbered by their rows, in the same order; a batch ends
/// where a row number is skipped (an empty row) so that line numbers stay row numbers; when
/// several scanners fail in one batch, the error of the earliest row (then the first scanner)
/// is the one; and a reader that fails itself first lets the counting of the rows before it
/// finish (`finish()`), so a bad value in an earlier row still comes first.
///
/// Memory is bounded: `slots` batches of about `batchBytes` bytes; the reader waits while all
/// are queued.
final class PlacementLines: @unchecked Sendable {
    static let batchBytes = 1 << 16
    static let slots = 3

    /// Lines of consecutive rows, back to back.
    final class Batch {
        let buffer = LineBuffer(capacity: PlacementLines.batchBytes + 1_024)
        var used = 0
        var firstRow = 0
        /// Where each line ends in `buffer`.
        var lineEnds: [Int] = []

        func reset() {
            used = 0
            lineEnds.removeAll(keepingCapacity: true)
        }
    }

    private var scanners: [PlacementScanner]
    private let sheet: String
    private let threaded: Bool
    private let batches: [Batch]
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
        batches = (0..<(threaded ? Self.slots : 1)).map { _ in Batch() }
    }

    /// The batch the reader fills (no lock needed: only the reader moves it, and only the
    /// reader's thread changes `queued` upwards).
    private var filling: Batch {
        condition.lock()
        defer { condition.unlock() }
        return batches[(head + queued) % batches.count]
    }

    /// Adds a row with a value; throws a counting error of an earlier row as soon as it is known.
    func add(_ row: SheetRow, into batch: inout Batch?) throws(LoadError) {
        var current = batch ?? filling
        if !current.lineEnds.isEmpty && (row.number != current.firstRow + current.lineEnds.count || current.used >= Self.batchBytes) {
            try submit(current)
            current = filling
        }
        if current.lineEnds.isEmpty { current.firstRow = row.number }
        current.used = PlacementSheet.line(for: row, into: current.buffer, at: current.used)
        current.lineEnds.append(current.used)
        batch = current
    }

    /// Hands a full batch over (or counts it now, unthreaded).
    private func submit(_ batch: Batch) throws(LoadError) {
        if !threaded {
            if let error = count(batch) { throw error }
            batch.reset()
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
        next.reset()
    }

    /// Counts what is left and returns the scanners; the first counting error is thrown.
    func finish(_ batch: Batch?) throws(LoadError) -> [PlacementScanner] {
        if let batch, !batch.lineEnds.isEmpty { try submit(batch) }
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

    /// Counts a batch with every scanner: the error of the earliest row, then first scanner.
    private func count(_ batch: Batch) -> LoadError? {
        let lines = UnsafeBufferPointer(start: batch.buffer.pointer, count: batch.used)
        var first: (row: Int, error: LoadError)?
        for index in scanners.indices {
            scanners[index].line = batch.firstRow
            do {
                _ = try scanners[index].consume(lines, final: true)
            } catch {
                let row = scanners[index].line
                if first == nil || row < first?.row ?? Int.max { first = (row, error) }
            }
        }
        guard let first else { return nil }
        return relocated(first.error, in: batch)
    }

    /// The error with its line and column turned into the sheet's cell.
    private func relocated(_ error: LoadError, in batch: Batch) -> LoadError {
        guard let line = error.location?.line, line >= batch.firstRow, line - batch.firstRow < batch.lineEnds.count else { return error }
        let index = line - batch.firstRow
        let start = index == 0 ? 0 : batch.lineEnds[index - 1]
        var row = SheetRow()
        row.number = line
        let columns = Self.textColumns(UnsafeBufferPointer(start: batch.buffer.pointer + start, count: batch.lineEnds[index] - start))
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
