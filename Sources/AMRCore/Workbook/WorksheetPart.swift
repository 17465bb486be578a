/// A worksheet part (`xl/worksheets/sheet1.xml`) read into records, one per row that holds a
/// value: the row number as `line`, fields at their columns (a missing cell is an empty field),
/// columns numbered from 1 = A, numeric cells listed in `numeric`.
///
/// Rows and cells may carry their reference (`r="7"`, `r="B7"`) or follow on from the previous
/// one; either way they must come in order. Every value is text: shared and inline strings as
/// written, numbers as `ExcelNumber.normalized` gives them, dates and times as `ExcelDate`
/// renders them, booleans as `TRUE`/`FALSE`, errors as written (`#N/A`, so a weight that is one
/// is reported where it is used), and a formula without a stored result as `=` and its formula.
struct WorksheetPart: XMLPartHandler {
    /// Excel's grid: 1,048,576 rows by 16,384 columns.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    let file: String
    let sheet: String
    let part: String
    let sharedStrings: [String]
    let styles: [ExcelDate.Kind]
    let date1904: Bool
    /// Most fields (cells, counting the empty ones between) all records may hold together.
    let maximumFields: Int

    var records: [CSVRecord] = []
    /// Rows and columns the user does not see (filtered away or hidden) that hold values.
    private(set) var hiddenRows: [Int] = []
    private var hiddenColumns: [ClosedRange<Int>] = []
    private(set) var hiddenColumnsUsed: Set<Int> = []
    private var rowHidden = false
    private var fieldCount = 0

    private var inSheetData = false
    private var row = 0
    private var lastColumn = 0
    private var cells: [(column: Int, text: String, numeric: Bool)] = []

    private var inCell = false
    private var cellColumn = 0
    private var cellType = "n"
    private var cellStyle = 0
    private var value: String?
    private var formula: String?
    private var inlineText: String?
    private var target: Target = .none
    private var phoneticDepth = 0

    /// Where characters go.
    private enum Target { case none, value, formula, inline }

    init(file: String, sheet: String, part: String, sharedStrings: [String], styles: [ExcelDate.Kind], date1904: Bool, maximumFields: Int) {
        self.file = file
        self.sheet = sheet
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        self.maximumFields = maximumFields
    }

    func location(_ row: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(1, row), column: max(1, column), sheet: sheet)
    }

    func damaged(_ row: Int, _ column: Int, _ what: String) -> LoadError {
        .csv(location(row, column), "the workbook is damaged: \(what); save it again from Excel")
    }

    mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError) {
        guard let namespace, XMLPart.spreadsheetNamespaces.contains(namespace) else { return }
        switch name {
        case "sheetData":
            inSheetData = true
        case "col" where !inSheetData:
            if attributes["hidden"] == "1" || attributes["hidden"] == "true",
               let min = attributes["min"].flatMap({ Int($0) }), let max = attributes["max"].flatMap({ Int($0) }), min <= max {
                hiddenColumns.append(min...max)
            }
        case "row" where inSheetData:
            rowHidden = attributes["hidden"] == "1" || attributes["hidden"] == "true"
            var number = row + 1
            if let text = attributes["r"] {
                guard let given = Int(text), given >= 1 else { throw damaged(row + 1, 1, "row number '\(WeightTable.shown(text))' is not a number") }
                number = given
            }
            guard number > row else { throw damaged(number, 1, "row \(number) comes after row \(row)") }
            guard number <= Self.maximumRows else { throw .csv(location(Self.maximumRows, 1), "the sheet has rows beyond row \(Self.maximumRows), Excel's last; this is not a sheet saved by Excel") }
            row = number
            lastColumn = 0
            cells.removeAll(keepingCapacity: true)
        case "c" where inSheetData && row > 0:
            var column = lastColumn + 1
            if let reference = attributes["r"] {
                guard let (cellRow, cellColumn) = Self.parseReference(reference) else {
                    throw damaged(row, column, "cell reference '\(WeightTable.shown(reference))' is not a cell such as B7")
                }
                guard cellRow == row else { throw damaged(row, cellColumn, "cell \(reference) is in row \(row)") }
                column = cellColumn
            }
            guard column > lastColumn else { throw damaged(row, column, "cell \(SourceLocation.cellReference(row: row, column: column)) comes twice or out of order") }
            guard column <= Self.maximumColumns else { throw .csv(location(row, 1), "the sheet has cells beyond column XFD, Excel's last; this is not a sheet saved by Excel") }
            lastColumn = column
            inCell = true
            cellColumn = column
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value = nil
            formula = nil
            inlineText = nil
            phoneticDepth = 0
        case "v" where inCell:
            value = value ?? ""
            target = .value
        case "f" where inCell:
            formula = formula ?? ""
            target = .formula
        case "is" where inCell:
            inlineText = inlineText ?? ""
        case "rPh" where inCell:
            phoneticDepth += 1
        case "t" where inCell && inlineText != nil && phoneticDepth == 0:
            target = .inline
        default:
            break
        }
    }

    mutating func end(_ name: String, namespace: String?) throws(LoadError) {
        guard let namespace, XMLPart.spreadsheetNamespaces.contains(namespace) else { return }
        switch name {
        case "sheetData":
            inSheetData = false
        case "row" where inSheetData && row > 0:
            try finishRow()
        case "c" where inCell:
            inCell = false
            target = .none
            if let field = try field() { cells.append((cellColumn, field.text, field.numeric)) }
        case "v", "f", "t":
            target = .none
        case "rPh" where inCell:
            phoneticDepth = max(0, phoneticDepth - 1)
        default:
            break
        }
    }

    mutating func characters(_ text: String) throws(LoadError) {
        switch target {
        case .none: break
        case .value: value?.append(text)
        case .formula: formula?.append(text)
        case .inline: inlineText?.append(text)
        }
    }

    /// The text of the cell just closed, or nil when it holds nothing.
    mutating func field() throws(LoadError) -> (text: String, numeric: Bool)? {
        let reference = SourceLocation.cellReference(row: row, column: cellColumn)
        switch cellType {
        case "s":
            guard let value else { return nil }
            guard let index = Int(value.trimmingXMLSpace), index >= 0 else {
                throw damaged(row, cellColumn, "cell \(reference) refers to shared string '\(WeightTable.shown(value))', which is not an index")
            }
            guard index < sharedStrings.count else {
                throw damaged(row, cellColumn, "cell \(reference) refers to shared string \(index), but the workbook has \(sharedStrings.count)")
            }
            return (sharedStrings[index], false)
        case "inlineStr":
            if let inlineText { return (SharedStringsPart.unescaped(inlineText), false) }
            return value.map { (SharedStringsPart.unescaped($0), false) }
        case "str":
            if let value { return (SharedStringsPart.unescaped(value), false) }
            return formula.map { ("=" + $0, false) }
        case "b":
            guard let value else { return formula.map { ("=" + $0, false) } }
            switch value.trimmingXMLSpace {
            case "1", "true": return ("TRUE", false)
            case "0", "false": return ("FALSE", false)
            default: throw damaged(row, cellColumn, "cell \(reference) is a boolean holding '\(WeightTable.shown(value))'")
            }
        case "e":
            return value.map { ($0.trimmingXMLSpace, false) } ?? formula.map { ("=" + $0, false) }
        case "d":
            // An ISO 8601 date (strict OOXML); shown as the date, with the time when there is one.
            guard let value else { return formula.map { ("=" + $0, false) } }
            var text = value.trimmingXMLSpace
            if text.hasSuffix("T00:00:00") { text.removeLast(9) }
            return (text.replacingOccurrences(of: "T", with: " "), false)
        case "n":
            // A formula whose result was never stored (openpyxl writes `<v/>`) has no number.
            guard let value, !(value.trimmingXMLSpace.isEmpty && formula != nil) else { return formula.map { ("=" + $0, false) } }
            guard let number = ExcelNumber.normalized(value) else {
                throw damaged(row, cellColumn, "cell \(reference) is a number holding '\(WeightTable.shown(value))'")
            }
            let kind = styles.indices.contains(cellStyle) ? styles[cellStyle] : .number
            if kind != .number, let date = ExcelDate.text(serial: number, kind: kind, date1904: date1904) {
                return (date, false)
            }
            return (number, true)
        default:
            throw damaged(row, cellColumn, "cell \(reference) has the unknown type '\(WeightTable.shown(cellType))'")
        }
    }

    /// Turns the row's cells into a record, with empty fields for missing cells; a row without
    /// a value is skipped, as a blank line in a CSV file is.
    mutating func finishRow() throws(LoadError) {
        while let last = cells.last, last.text.isEmpty { cells.removeLast() }
        guard let width = cells.last?.column else { return }
        if rowHidden { hiddenRows.append(row) }
        for cell in cells where !cell.text.isEmpty && hiddenColumns.contains(where: { $0.contains(cell.column) }) {
            hiddenColumnsUsed.insert(cell.column)
        }
        guard fieldCount <= maximumFields - width else {
            throw .csv(location(row, 1), "the sheet has more than \(maximumFields) cells up to here; amr reads tables, not databases: if it is genuine, raise AMR_MAX_FILE_SIZE")
        }
        fieldCount += width
        var fields = [String](repeating: "", count: width)
        var numeric: Set<Int> = []
        for cell in cells {
            fields[cell.column - 1] = cell.text
            if cell.numeric { numeric.insert(cell.column - 1) }
        }
        records.append(CSVRecord(fields: fields, line: row, columns: Array(1...width), numeric: numeric, sheet: sheet))
    }

    /// `B7` → (row 7, column 2); nil when it is not a cell reference inside Excel's grid.
    static func parseReference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        var letters = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit, letters < 3 else { return nil }
                letters += 1
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, row <= maximumRows else { return nil }
                sawDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
        }
        guard sawDigit, row >= 1, row <= maximumRows, column >= 1, column <= maximumColumns else { return nil }
        return (row, column)
    }
}

fileprivate extension String {
    /// The text without XML white space (space, tab, CR, LF) at either end.
    var trimmingXMLSpace: String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
