/// Reads one table of an OpenDocument spreadsheet's `content.xml` row by row as it is inflated,
/// as `WorksheetScanner` reads an Excel sheet, handing out the same `SheetRow`: the reader of
/// every `.ods` table, for the weights (`ODSReader.records`) and for placement exports
/// (`PlacementSheet`). No tree, no String per cell, never the part in memory.
///
/// The table is the one named (any case), else the first. Repetition is read as ODF defines
/// it: a row with `table:number-rows-repeated="N"` stands for N rows and a cell with
/// `table:number-columns-repeated="N"` for N cells, content included. Empty repeats are only
/// counted (LibreOffice pads a sheet with a million empty rows in one element); a repeated row
/// with values is handed out N times, with N row numbers, as N lines of a CSV export would be;
/// a repeated cell with a value fills N columns.
///
/// Every value is text, as for a workbook: numbers from `office:value` through
/// `ExcelNumber.normalized` (never floating point), dates from `office:date-value` as
/// `YYYY-MM-DD` (with ` HH:MM:SS` when they have a time of day), booleans as `TRUE`/`FALSE`,
/// strings and everything else as the cell's paragraphs show them (joined by line breaks,
/// `text:s` as spaces); comments (`office:annotation`) are not the cell's value.
///
/// Limits: LibreOffice's largest grid (16,777,216 rows, 16,384 columns) for rows and cells with
/// values, and 32,767 characters per cell, as for a workbook. Since a few bytes can repeat a row
/// millions of times, the rows handed out may together span at most `maximumCells` cells
/// (counting the empty ones between, and every repeat): the work a file makes stays in
/// proportion to a limit, as a CSV file's does to its size.
struct ODSTableScanner {
    /// LibreOffice's largest sheet (with "very large spreadsheets" on): 16,777,216 rows.
    static let maximumRows = 16_777_216
    /// LibreOffice's (and Excel's) last column, XFD.
    static let maximumColumns = 16_384

    let file: String
    let part: String
    /// The table asked for (any case), or nil for the first.
    let wanted: String?
    /// Most cells (row widths, every repeat counted) all rows handed out may span together.
    let maximumCells: Int
    private var cellsHandedOut = 0

    private var scanner: XMLScanner
    private let table: XMLScanner.Namespace
    private let text: XMLScanner.Namespace
    private let office: XMLScanner.Namespace
    private let calcext: XMLScanner.Namespace

    /// The row handed out by the last `nextRow()`.
    private(set) var row = SheetRow()
    /// The chosen table's name, once its start has been read.
    private(set) var sheet = ""
    /// The names of the tables read so far (all of them once `nextRow()` returned false).
    private(set) var names: [String] = []
    /// Rows with values the user does not see (filtered away or hidden): how many, the first five.
    private(set) var hiddenRowCount = 0
    private(set) var firstHiddenRows: [Int] = []
    /// Hidden columns (`table:visibility` collapse or filter), by column, and the leftmost of
    /// them that holds a value.
    private var hiddenColumns: [Bool] = []
    private(set) var firstHiddenColumnUsed: Int?

    private var found = false
    private var finished = false
    private var tableDepth = 0
    private var columnCount = 0
    /// Row and column groups, open now, that are collapsed (`table:display="false"`).
    private var groups: [Bool] = []
    private var collapsedGroups = 0

    private var inRow = false
    private var rowNumber = 0
    private var rowRepeat = 1
    private var rowHidden = false
    /// Copies of the current row still to hand out.
    private var pending = 0
    private var column = 0

    private var inCell = false
    private var cellDepth = 0
    private var cellRepeat = 1
    private var cellNumeric = false
    /// The cell's value came from its attributes; its paragraphs are only what it shows.
    private var cellHasValue = false
    private var paragraphs = 0
    private var paragraphDepth = 0
    private var cellStart = 0

    init(source: any XMLByteSource, file: String, part: String = "content.xml", sheet wanted: String?, maximumCells: Int = Int.max) {
        self.file = file
        self.part = part
        self.wanted = wanted
        self.maximumCells = maximumCells
        scanner = XMLScanner(source: source)
        table = scanner.namespace(ODSReader.tableNamespace)
        text = scanner.namespace(ODSReader.textNamespace)
        office = scanner.namespace(ODSReader.officeNamespace)
        calcext = scanner.namespace(ODSReader.calcextNamespace)
    }

    func location(_ row: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(1, row), column: max(1, column), sheet: sheet)
    }

    func damaged(_ row: Int, _ column: Int, _ what: String) -> LoadError {
        .csv(location(row, column), "the spreadsheet is damaged: \(what); save it again from LibreOffice")
    }

    /// Reads up to the next row with a value (in `row`); false at the end of the table. A table
    /// that is not there is an error naming the tables there are.
    mutating func nextRow() throws(LoadError) -> Bool {
        if pending > 0 {
            pending -= 1
            row.number += 1
            try handOut()
            return true
        }
        guard !finished else { return false }
        do {
            while true {
                switch try scanner.next() {
                case .startElement:
                    if scanner.elementNamespace == table {
                        try startTableElement()
                    } else if inCell && scanner.elementNamespace == text {
                        try startTextElement()
                    }
                case .endElement:
                    if scanner.elementNamespace == table {
                        if try endTableElement() { return true }
                        if finished { return false }
                    } else if inCell && paragraphDepth == scanner.depth {
                        paragraphDepth = 0
                    }
                case .text:
                    if paragraphDepth > 0 && !cellHasValue {
                        scanner.appendText(to: &row.text)
                        try checkLength()
                    }
                case .endOfDocument:
                    finished = true
                    try checkFound()
                    return false
                }
            }
        } catch {
            throw XMLPart.loadError(error, part: part, file: file, failure: ODSReader.failure)
        }
    }

    private func checkFound() throws(LoadError) {
        guard !found else { return }
        if let wanted {
            let known = names.isEmpty ? "it has no sheets" : "its sheets are " + names.map { "'\(WeightTable.shown($0))'" }.joined(separator: ", ")
            throw LoadError.workbook(file: file, "the spreadsheet has no sheet '\(WeightTable.shown(wanted))'; \(known)")
        }
        throw LoadError.workbook(file: file, "this OpenDocument spreadsheet (.ods) has no table; save the table again from LibreOffice, or as .xlsx or CSV")
    }

    // MARK: - Elements

    private mutating func startTableElement() throws(LoadError) {
        if !found {
            guard scanner.hasLocalName("table") else { return }
            let name = scanner.attribute("name", in: table) ?? "Blad\(names.count + 1)"
            if names.count < 10_000 { names.append(name) }
            if wanted.map({ $0 == name || $0.lowercased() == name.lowercased() }) ?? true {
                found = true
                sheet = name
                tableDepth = scanner.depth
            }
            return
        }
        // Tables inside a cell (sub-tables, shapes) are not rows of this one.
        guard !inCell else { return }
        if scanner.hasLocalName("table-cell") || scanner.hasLocalName("covered-table-cell") {
            guard inRow else { return }
            try startCell()
        } else if scanner.hasLocalName("table-row") {
            try startRow()
        } else if scanner.hasLocalName("table-column") {
            guard !inRow else { return }
            let repeats = try count("number-columns-repeated", row: rowNumber + 1, column: columnCount + 1)
            let first = columnCount + 1
            columnCount = min(columnCount + repeats, Self.maximumColumns + 1)
            if collapsedGroups > 0 || isHidden(), first <= Self.maximumColumns {
                if hiddenColumns.isEmpty { hiddenColumns = [Bool](repeating: false, count: Self.maximumColumns + 1) }
                for index in first...min(columnCount, Self.maximumColumns) { hiddenColumns[index] = true }
            }
        } else if scanner.hasLocalName("table-row-group") || scanner.hasLocalName("table-column-group") {
            let collapsed = scanner.attribute("display", in: table) == "false"
            groups.append(collapsed)
            if collapsed { collapsedGroups += 1 }
        }
    }

    /// Handles an end tag in the table namespace; true when it ended a row with a value.
    private mutating func endTableElement() throws(LoadError) -> Bool {
        guard found, !finished else { return false }
        if inCell {
            guard scanner.depth == cellDepth else { return false }
            inCell = false
            paragraphDepth = 0
            try finishCell()
            return false
        }
        if scanner.hasLocalName("table-row") {
            guard inRow else { return false }
            inRow = false
            return try finishRow()
        } else if scanner.hasLocalName("table-row-group") || scanner.hasLocalName("table-column-group") {
            if let collapsed = groups.popLast(), collapsed { collapsedGroups -= 1 }
        } else if scanner.depth == tableDepth {
            // The table is read; the rest of the document (other tables, named ranges) is not needed.
            finished = true
        }
        return false
    }

    private mutating func startTextElement() throws(LoadError) {
        if paragraphDepth == 0 {
            // A paragraph of the cell itself; one in a comment or a frame is deeper.
            guard scanner.depth == cellDepth + 1, scanner.hasLocalName("p") || scanner.hasLocalName("h") else { return }
            paragraphDepth = scanner.depth
            if paragraphs > 0 && !cellHasValue { row.text.append(0x0A) }
            paragraphs += 1
            return
        }
        guard !cellHasValue else { return }
        if scanner.hasLocalName("s") {
            let spaces = try count("c", in: text, row: rowNumber + 1, column: column + 1)
            row.text.append(contentsOf: repeatElement(0x20, count: min(spaces, WorksheetScanner.maximumCellBytes + 1)))
            try checkLength()
        } else if scanner.hasLocalName("tab") {
            row.text.append(0x09)
        } else if scanner.hasLocalName("line-break") {
            row.text.append(0x0A)
        }
    }

    private func isHidden() -> Bool {
        guard let visibility = scanner.attribute("visibility", in: table) else { return false }
        return visibility != "visible"
    }

    /// A repeat count (`number-rows-repeated`, `number-columns-repeated`, `text:c`): 1 when
    /// absent; a positive whole number, taken up to a bound far beyond the grid.
    private mutating func count(_ name: StaticString, in namespace: XMLScanner.Namespace? = nil, row: Int, column: Int) throws(LoadError) -> Int {
        let parsed = scanner.withAttribute(name, in: namespace ?? table) { (bytes) -> Int? in
            guard !bytes.isEmpty else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = min(value * 10 + Int(byte - 0x30), 1 << 40)
            }
            return value
        }
        guard let parsed else { return 1 }
        guard let value = parsed, value >= 1 else {
            let written = scanner.attribute(name, in: namespace ?? table) ?? ""
            throw damaged(min(row, Self.maximumRows), min(column, Self.maximumColumns), "\(name) is '\(WeightTable.shown(written))', not a count of 1 or more")
        }
        return value
    }

    // MARK: - Rows and cells

    private mutating func startRow() throws(LoadError) {
        rowRepeat = try count("number-rows-repeated", row: rowNumber + 1, column: 1)
        rowHidden = collapsedGroups > 0 || isHidden()
        inRow = true
        column = 0
        row.number = rowNumber + 1
        row.hidden = rowHidden
        row.text.removeAll(keepingCapacity: true)
        row.cells.removeAll(keepingCapacity: true)
    }

    private mutating func startCell() throws(LoadError) {
        cellRepeat = try count("number-columns-repeated", row: rowNumber + 1, column: column + 1)
        inCell = true
        cellDepth = scanner.depth
        cellStart = row.text.count
        cellNumeric = false
        cellHasValue = false
        paragraphs = 0
        paragraphDepth = 0
        guard let type = scanner.withAttribute("value-type", in: office, { Self.valueType($0) }) else { return }
        // A formula's error (#DIV/0!) is stored with a value of 0; what counts is the error it shows.
        if scanner.withAttribute("value-type", in: calcext, { Self.valueType($0) }) == .error { return }
        switch type {
        case .number:
            guard let index = scanner.attributeIndex("value", in: office) else { return }
            let value = scanner.attributeValue(at: index)
            cellHasValue = true
            if Self.isPlainInteger(value) {
                row.text.append(contentsOf: value.utf8)
            } else if let normalized = ExcelNumber.normalized(value) {
                row.text.append(contentsOf: normalized.utf8)
            } else {
                throw .csv(location(rowNumber + 1, column + 1), "cell \(SourceLocation.cellReference(row: rowNumber + 1, column: column + 1)) is a number holding '\(WeightTable.shown(value))', which is no number; type it again")
            }
            cellNumeric = true
        case .date:
            guard let value = scanner.attribute("date-value", in: office) else { return }
            cellHasValue = true
            row.text.append(contentsOf: Self.dateText(value).utf8)
        case .boolean:
            guard let value = scanner.attribute("boolean-value", in: office) else { return }
            cellHasValue = true
            switch value.lowercased() {
            case "true", "1": row.text.append(contentsOf: "TRUE".utf8)
            case "false", "0": row.text.append(contentsOf: "FALSE".utf8)
            default: row.text.append(contentsOf: value.utf8)
            }
        case .string:
            guard let value = scanner.attribute("string-value", in: office) else { return }
            cellHasValue = true
            row.text.append(contentsOf: value.utf8)
            try checkLength()
        case .error, .other:
            return
        }
    }

    private func checkLength() throws(LoadError) {
        guard row.text.count - cellStart > WorksheetScanner.maximumCellLength else { return }
        let length = String(decoding: row.text[cellStart...], as: UTF8.self).utf16.count
        guard length > WorksheetScanner.maximumCellLength else { return }
        let reference = SourceLocation.cellReference(row: min(rowNumber + 1, Self.maximumRows), column: min(column + 1, Self.maximumColumns))
        throw .csv(location(rowNumber + 1, column + 1), "cell \(reference) holds more than \(WorksheetScanner.maximumCellLength) characters, more than amr reads in a cell of a table")
    }

    /// The cell just closed: its value in `row.text`, once for each column it repeats into.
    private mutating func finishCell() throws(LoadError) {
        try checkLength()
        guard row.text.count > cellStart else {
            column = min(column + cellRepeat, Self.maximumColumns + 1)
            return
        }
        guard column + cellRepeat <= Self.maximumColumns else {
            throw .csv(location(rowNumber + 1, 1), "the sheet has cells beyond column XFD (\(Self.maximumColumns)), the last LibreOffice and Excel have; this is not a sheet saved by LibreOffice")
        }
        for _ in 0..<cellRepeat {
            column += 1
            row.cells.append(SheetRow.Cell(column: column, start: cellStart, end: row.text.count, numeric: cellNumeric, shared: -1))
        }
    }

    /// A row with values is handed out (and its repeats kept for the next calls); an empty one
    /// is only counted.
    private mutating func finishRow() throws(LoadError) -> Bool {
        let first = rowNumber + 1
        rowNumber = min(rowNumber + rowRepeat, Self.maximumRows + 1)
        guard !row.cells.isEmpty else { return false }
        guard first - 1 + rowRepeat <= Self.maximumRows else {
            throw .csv(location(Self.maximumRows, 1), "the sheet has rows with values beyond row \(Self.maximumRows), LibreOffice's last; this is not a sheet saved by LibreOffice")
        }
        row.number = first
        pending = rowRepeat - 1
        try handOut()
        if rowHidden {
            hiddenRowCount += rowRepeat
            for number in first..<(first + min(rowRepeat, 5)) where firstHiddenRows.count < 5 { firstHiddenRows.append(number) }
        }
        if !hiddenColumns.isEmpty, let used = row.cells.first(where: { hiddenColumns[$0.column] })?.column {
            firstHiddenColumnUsed = min(firstHiddenColumnUsed ?? used, used)
        }
        return true
    }

    /// Counts the row about to be handed out against `maximumCells`.
    private mutating func handOut() throws(LoadError) {
        cellsHandedOut += row.width
        guard cellsHandedOut <= maximumCells else {
            throw .csv(location(row.number, 1), "the sheet has more than \(maximumCells) cells up to here, counting the empty ones between and every repeated row; amr reads tables, not databases: if it is genuine, raise AMR_MAX_FILE_SIZE")
        }
    }

    // MARK: - Values

    enum ValueType { case number, date, boolean, string, error, other }

    static func valueType(_ bytes: UnsafeBufferPointer<UInt8>) -> ValueType {
        switch String(decoding: bytes, as: UTF8.self) {
        case "string": return .string
        case "float", "percentage", "currency": return .number
        case "date": return .date
        case "boolean": return .boolean
        case "error": return .error
        default: return .other
        }
    }

    /// 1 to 15 digits without a leading zero (or `0`): what `ExcelNumber.normalized` leaves as it is.
    static func isPlainInteger(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count >= 1 && utf8.count <= 15, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return utf8.count == 1 || utf8.first != 0x30
    }

    /// `2018-01-15` as it is; `2018-01-15T13:05:00(.5)` as `2018-01-15 13:05:00`, and as the
    /// day alone at midnight, as a workbook's date cell reads. Anything else as written, so that
    /// where a date is expected the message quotes it.
    static func dateText(_ value: String) -> String {
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        guard bytes.count >= 10, digits(0..<4), bytes[4] == 0x2D, digits(5..<7), bytes[7] == 0x2D, digits(8..<10) else { return value }
        let day = String(decoding: bytes[0..<10], as: UTF8.self)
        if bytes.count == 10 { return day }
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T"), digits(11..<13), bytes[13] == 0x3A, digits(14..<16), bytes[16] == 0x3A, digits(17..<19),
              bytes.count == 19 || (bytes[19] == UInt8(ascii: ".") && bytes.count > 20 && digits(20..<bytes.count)) else { return value }
        let clock = String(decoding: bytes[11..<19], as: UTF8.self)
        return clock == "00:00:00" ? day : day + " " + clock
    }
}

extension ODSTableScanner: SheetRowSource {}
