/// Consecutive rows of a sheet as the reader copied them, for `PlacementLines`: their text and
/// their cells back to back, exactly as `SheetRow` holds them, so that the reader's thread does
/// no more per row than two copies and the lines are written where they are counted.
///
/// The memory is reused from batch to batch and grows when a row needs more. A `Writer` fills
/// it; the counting side reads it once it is handed over (`count`, `firstRow`).
final class RowBatch {
    /// Where a row's text and cells end (its start being where the row before ended).
    struct End {
        var text: Int
        var cells: Int
    }

    private(set) var text: UnsafeMutablePointer<UInt8>
    private(set) var textCapacity: Int
    /// A cell's `start` and `end` count from its own row's text.
    private(set) var cells: UnsafeMutablePointer<SheetRow.Cell>
    private(set) var cellCapacity: Int
    private(set) var ends: UnsafeMutablePointer<End>
    private(set) var endCapacity: Int
    /// Rows handed over; row `index` is row number `firstRow + index` of the sheet.
    private(set) var count = 0
    private(set) var firstRow = 0

    init(textCapacity: Int = 1 << 15, cellCapacity: Int = 1 << 10, endCapacity: Int = 1 << 8) {
        self.textCapacity = textCapacity
        self.cellCapacity = cellCapacity
        self.endCapacity = endCapacity
        text = .allocate(capacity: textCapacity)
        cells = .allocate(capacity: cellCapacity)
        ends = .allocate(capacity: endCapacity)
    }

    deinit {
        text.deallocate()
        cells.deallocate()
        ends.deallocate()
    }

    /// Makes room for `texts` bytes, `cellCount` cells and `rows` rows, keeping what `kept`
    /// rows (ending at `end`) hold.
    func reserve(texts: Int, cellCount: Int, rows: Int, keeping end: End, rows kept: Int) {
        Self.grow(&text, capacity: &textCapacity, to: texts, keeping: end.text)
        Self.grow(&cells, capacity: &cellCapacity, to: cellCount, keeping: end.cells)
        Self.grow(&ends, capacity: &endCapacity, to: rows, keeping: kept)
    }

    /// Moves `pointer` to memory for at least `needed` values (at least twice its `capacity`),
    /// keeping its first `count`; nothing when it has room.
    private static func grow<Value>(_ pointer: inout UnsafeMutablePointer<Value>, capacity: inout Int, to needed: Int, keeping count: Int) {
        guard needed > capacity else { return }
        let grown = UnsafeMutablePointer<Value>.allocate(capacity: Swift.max(needed, capacity * 2))
        grown.initialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = grown
        capacity = Swift.max(needed, capacity * 2)
    }

    /// The text and cells of row `index`.
    func row(_ index: Int) -> (text: UnsafeBufferPointer<UInt8>, cells: UnsafeBufferPointer<SheetRow.Cell>) {
        let textStart = index == 0 ? 0 : ends[index - 1].text
        let cellStart = index == 0 ? 0 : ends[index - 1].cells
        return (UnsafeBufferPointer(start: text + textStart, count: ends[index].text - textStart),
                UnsafeBufferPointer(start: cells + cellStart, count: ends[index].cells - cellStart))
    }

    /// The CSV lines of the rows (`PlacementSheet.line`), back to back in `buffer`: how many
    /// bytes they take.
    func lines(into buffer: LineBuffer) -> Int {
        guard count > 0 else { return 0 }
        // Room for the longest lines the rows can make, reserved once.
        var widths = 0
        var cellStart = 0
        for index in 0..<count {
            let cellEnd = ends[index].cells
            widths += cellEnd > cellStart ? Swift.max(1, cells[cellEnd - 1].column) : 1
            cellStart = cellEnd
        }
        buffer.reserve(3 * widths + 2 * ends[count - 1].text + count)
        var used = 0
        for index in 0..<count {
            let row = row(index)
            used = PlacementSheet.line(text: row.text, cells: row.cells, to: buffer.pointer, at: used)
        }
        return used
    }

    /// Fills a batch on the reader's thread: the state of the filling lives in this value (a
    /// local of the reading loop), not in the class, so that a row costs two copies and no
    /// access checks or locks.
    struct Writer {
        private(set) var batch: RowBatch
        private var text: UnsafeMutablePointer<UInt8>
        private var textCapacity: Int
        private var textCount = 0
        private var cells: UnsafeMutablePointer<SheetRow.Cell>
        private var cellCapacity: Int
        private var cellCount = 0
        private var ends: UnsafeMutablePointer<End>
        private var endCapacity: Int
        /// Rows written, the first one's number.
        private(set) var count = 0
        private(set) var firstRow = 0

        init(_ batch: RowBatch) {
            self.batch = batch
            text = batch.text
            textCapacity = batch.textCapacity
            cells = batch.cells
            cellCapacity = batch.cellCapacity
            ends = batch.ends
            endCapacity = batch.endCapacity
        }

        /// What the rows written take in memory.
        var bytes: Int {
            textCount + cellCount * MemoryLayout<SheetRow.Cell>.stride + count * MemoryLayout<End>.stride
        }

        /// Copies a row after the ones written.
        mutating func append(_ row: SheetRow) {
            let textSize = row.text.count
            let cellSize = row.cells.count
            if textCount + textSize > textCapacity || cellCount + cellSize > cellCapacity || count == endCapacity {
                batch.reserve(texts: textCount + textSize, cellCount: cellCount + cellSize, rows: count + 1,
                              keeping: End(text: textCount, cells: cellCount), rows: count)
                self = Writer(batch, keeping: self)
            }
            if count == 0 { firstRow = row.number }
            row.text.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { (text + textCount).initialize(from: base, count: textSize) }
            }
            row.cells.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { (cells + cellCount).initialize(from: base, count: cellSize) }
            }
            textCount += textSize
            cellCount += cellSize
            ends[count] = End(text: textCount, cells: cellCount)
            count += 1
        }

        /// The batch's memory as it is now (grown), with what was written so far.
        private init(_ batch: RowBatch, keeping written: Writer) {
            self.init(batch)
            textCount = written.textCount
            cellCount = written.cellCount
            count = written.count
            firstRow = written.firstRow
        }

        /// Hands the rows written to the batch, for counting.
        func seal() -> RowBatch {
            batch.count = count
            batch.firstRow = firstRow
            return batch
        }
    }
}
