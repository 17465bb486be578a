/// A placement export in a workbook sheet, counted as it is read: each row with a value is
/// turned into one CSV line (every field quoted, as a CSV export of the sheet would be) and
/// handed to the same scanner that counts a CSV file, so a workbook counts exactly as its CSV
/// does; only a few batches of rows and the lines of one are ever in memory (`PlacementLines`),
/// never the sheet or its text. A large sheet uses three threads: one inflates the part
/// (`PrefetchedSource`), one scans its XML into rows and copies them into batches, one turns
/// the rows into lines and counts them. Messages about a line are turned back into the sheet's
/// cells (`Blad1!C7`).
public struct PlacementSheet: Sendable {
    let workbook: WorkbookSheet?
    /// An OpenDocument spreadsheet's table instead (`.ods`).
    let openDocument: ODSSheet?

    /// The sheet `sheet` (or the one the workbook opens on) of the workbook in `bytes`; the
    /// workbook's structure, shared strings and styles are read now, the rows when counted. An
    /// OpenDocument spreadsheet (`.ods`) is recognised by its `mimetype` and read the same way.
    public init(bytes: [UInt8], file: String, sheet: String? = nil, limits: InputLimits = .standard) throws(LoadError) {
        openDocument = try ODSReader.open(bytes: bytes, file: file, sheet: sheet, limits: limits)
        workbook = openDocument == nil ? try WorkbookReader.open(bytes: bytes, file: file, sheet: sheet, limits: limits) : nil
    }

    /// Counts the sheet once for each counter, in one pass over its rows.
    func count(_ counters: [PlacementCounter], file: String) throws(LoadError) -> [PlacementCounts] {
        for counter in counters where counter.groupBy.count > ScanStorage.dimensionCapacity {
            throw .unusable(SourceLocation(file: file, line: 1, column: 1),
                            "cannot group by \(counter.groupBy.count) keys; group by at most \(ScanStorage.dimensionCapacity)")
        }
        var scanners = counters.map { PlacementScanner(counter: $0, file: file) }
        // A large sheet is inflated ahead and counted on threads of their own while its rows
        // are read, unless the counter was asked for one thread.
        let oneThread = !counters.allSatisfy { $0.threads > 1 }
        if let openDocument {
            let threaded = !oneThread && openDocument.entry.size >= PrefetchedSource.minimumSize
            var rows = openDocument.rows(readAhead: threaded)
            scanners = try Self.feed(&rows, to: scanners, threaded: threaded)
            try openDocument.checkHidden(rows)
        } else if var sheet = workbook {
            let threaded = !oneThread && sheet.partSize >= PrefetchedSource.minimumSize
            var rows = try sheet.rows(readAhead: threaded)
            scanners = try Self.feed(&rows, to: scanners, threaded: threaded)
            try sheet.checkHidden(rows)
        }
        var results: [PlacementCounts] = []
        for scanner in scanners {
            try scanner.finish()
            results.append(scanner.result())
        }
        return results
    }

    /// Hands every row of `rows` to the scanners as CSV lines, in batches (`PlacementLines`);
    /// the scanners as they are after the last row.
    static func feed<Rows: SheetRowSource>(_ rows: inout Rows, to scanners: [PlacementScanner], threaded: Bool) throws(LoadError) -> [PlacementScanner] {
        // Made at the first row: an OpenDocument table's name, for messages, is known once it is found.
        guard try rows.nextRow() else { return scanners }
        let lines = PlacementLines(scanners: scanners, sheet: rows.sheet, threaded: threaded)
        defer { lines.cancel() }
        var writer = lines.writer()
        while true {
            try lines.add(rows.row, to: &writer)
            let more: Bool
            do {
                more = try rows.nextRow()
            } catch {
                // A bad value in a row before this one is reported first, as when counting row by row.
                _ = try lines.finish(writer)
                throw error
            }
            guard more else { break }
        }
        return try lines.finish(writer)
    }

    /// The CSV line of a row: its fields from column A to its last value, each in quotes with
    /// `"` doubled; a line break in a cell becomes a space (a record is one line), and a
    /// date-time cell (`2018-01-01 13:05:00`) counts on its day. `textColumns` gets the byte
    /// column (1-based) where each field starts, for messages.
    static func line(for row: SheetRow, into line: inout [UInt8], textColumns: inout [Int]) {
        line.removeAll(keepingCapacity: true)
        textColumns.removeAll(keepingCapacity: true)
        var next = 0
        for column in 1...max(1, row.width) {
            if column > 1 { line.append(UInt8(ascii: ",")) }
            textColumns.append(line.count + 1)
            line.append(UInt8(ascii: "\""))
            if next < row.cells.count && row.cells[next].column == column {
                let cell = row.cells[next]
                next += 1
                let end = isDateTime(row.text, cell.start, cell.end) ? cell.start + 10 : cell.end
                for index in cell.start..<end {
                    let byte = row.text[index]
                    switch byte {
                    case 0x0A, 0x0D: line.append(0x20)
                    case 0x22: line.append(contentsOf: [0x22, 0x22])
                    default: line.append(byte)
                    }
                }
            }
            line.append(UInt8(ascii: "\""))
        }
        line.append(UInt8(ascii: "\n"))
    }

    /// The same line as `line(for:into:textColumns:)`, written into `buffer` at `offset`
    /// without the columns (only a message needs those, `PlacementLines.textColumns` finds
    /// them again): where the line ends.
    static func line(for row: SheetRow, into buffer: LineBuffer, at offset: Int = 0) -> Int {
        // Per field two quotes and a comma, per byte at most two (a doubled quote), a newline.
        buffer.reserve(offset + 3 * max(1, row.width) + 2 * row.text.count + 1, keeping: offset)
        return row.text.withUnsafeBufferPointer { text in
            row.cells.withUnsafeBufferPointer { cells in
                line(text: text, cells: cells, to: buffer.pointer, at: offset)
            }
        }
    }

    /// The line of a row whose text is `text` and cells `cells` (as `SheetRow` holds them),
    /// written at `out + offset`, where there is room for the longest line the row can make
    /// (`3 * width + 2 * text.count + 1` bytes): where the line ends. The counting loop's
    /// version, a million times per national export, so it writes through a pointer.
    static func line(text: UnsafeBufferPointer<UInt8>, cells: UnsafeBufferPointer<SheetRow.Cell>, to out: UnsafeMutablePointer<UInt8>, at offset: Int) -> Int {
        let width = max(1, cells.last?.column ?? 0)
        var n = offset
        var next = 0
        for column in 1...width {
            if column > 1 {
                out[n] = UInt8(ascii: ",")
                n += 1
            }
            out[n] = UInt8(ascii: "\"")
            n += 1
            if next < cells.count && cells[next].column == column {
                let cell = cells[next]
                next += 1
                let end = isDateTime(text, cell.start, cell.end) ? cell.start + 10 : cell.end
                var index = cell.start
                while index < end {
                    let byte = text[index]
                    switch byte {
                    case 0x0A, 0x0D:
                        out[n] = 0x20
                        n += 1
                    case 0x22:
                        out[n] = 0x22
                        out[n + 1] = 0x22
                        n += 2
                    default:
                        out[n] = byte
                        n += 1
                    }
                    index += 1
                }
            }
            out[n] = UInt8(ascii: "\"")
            n += 1
        }
        out[n] = UInt8(ascii: "\n")
        return n + 1
    }

    /// `2018-01-01 13:05` or `2018-01-01 13:05:00`, as a workbook's date-time cell reads.
    static func isDateTime(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        bytes.withUnsafeBufferPointer { isDateTime($0, start, end) }
    }

    /// `isDateTime` on the bytes of a row as the counting loop has them: digits everywhere but
    /// at 4, 7 (`-`), 10 (a space), 13 (`:`) and 16 (not looked at).
    static func isDateTime(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let count = end - start
        guard count == 16 || count == 19, bytes[start + 10] == UInt8(ascii: " "), bytes[start + 4] == UInt8(ascii: "-"),
              bytes[start + 7] == UInt8(ascii: "-"), bytes[start + 13] == UInt8(ascii: ":") else { return false }
        for offset in 0..<count where offset != 4 && offset != 7 && offset != 10 && offset != 13 && offset != 16 {
            let byte = bytes[start + offset]
            guard byte >= 48 && byte <= 57 else { return false }
        }
        return true
    }

    /// The error with its place in the row's line replaced by the sheet's cell.
    static func relocated(_ error: LoadError, row: SheetRow, textColumns: [Int], sheet: String) -> LoadError {
        guard let location = error.location, location.line == row.number else { return error }
        let index = textColumns.lastIndex { $0 <= location.column } ?? 0
        let cell = SourceLocation(file: location.file, line: location.line, column: index + 1, sheet: sheet)
        switch error {
        case .csv(_, let message): return .csv(cell, message)
        case .encoding(_, let message): return .encoding(cell, message)
        case .unusable(_, let message): return .unusable(cell, message)
        default: return error
        }
    }
}

extension PlacementCounter {
    /// Counts a placement export from a workbook sheet; messages name its cells.
    public func count(_ sheet: PlacementSheet, file: String) throws(LoadError) -> PlacementCounts {
        let counts = try sheet.count([self], file: file)
        return counts[0]
    }

    /// The placements each target with a filter counts in a workbook sheet, up to `asOf`: all
    /// targets in one pass over the sheet.
    public static func realised(for plan: Plan, asOf: PlanDate, sheet: PlacementSheet, file: String) throws(LoadError) -> [String: Measurement] {
        var counters: [PlacementCounter] = []
        _ = try realised(for: plan, asOf: asOf, file: file) { counter throws(LoadError) in
            counters.append(counter)
            return PlacementCounts(dimensions: [], rows: [], total: 0, records: 0)
        }
        let counts = try sheet.count(counters, file: file)
        var index = 0
        return try realised(for: plan, asOf: asOf, file: file) { _ throws(LoadError) in
            defer { index += 1 }
            return counts[index]
        }
    }
}
