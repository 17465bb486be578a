/// One row of a sheet as `WorksheetScanner` hands it out: the cells that hold a value, in column
/// order, their text in one byte buffer reused from row to row.
struct SheetRow {
    struct Cell {
        /// 1 = A.
        var column: Int
        var start: Int
        var end: Int
        /// A number stored as a number (plain decimal text with `.`).
        var numeric: Bool
        /// The shared string the text is, or -1.
        var shared: Int
    }

    var number = 0
    var hidden = false
    var text: [UInt8] = []
    var cells: [Cell] = []

    /// One more than the rightmost column with a value.
    var width: Int { cells.last?.column ?? 0 }

    func string(_ cell: Cell) -> String { String(decoding: text[cell.start..<cell.end], as: UTF8.self) }
}

/// Reads a worksheet part (`xl/worksheets/sheet1.xml`) row by row as it is inflated, without a
/// tree, a String per cell or the sheet in memory: the reader of every workbook table, for the
/// weights (`WorkbookReader.records`) and for placement exports of a million rows
/// (`PlacementSheet`).
///
/// Rows and cells may carry their reference (`r="7"`, `r="B7"`) or follow on from the previous
/// one; either way they must come in order. Every value is text: shared and inline strings as
/// written, numbers as `ExcelNumber.normalized` gives them, dates and times as `ExcelDate`
/// renders them, booleans as `TRUE`/`FALSE`, errors as written (`#N/A`, so a weight that is one
/// is reported where it is used), and a formula without a stored result as `=` and its formula.
/// A row is handed out when it holds a value; trailing empty cells are dropped.
///
/// Limits: Excel's grid (1,048,576 rows × 16,384 columns) and its 32,767 characters per cell,
/// so that a hostile cell of 50 MB is refused after 128 KiB of it, not after reading it whole.
struct WorksheetScanner {
    /// Excel's grid: 1,048,576 rows by 16,384 columns.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384
    /// Excel's limit on a cell's text, in characters (UTF-16 units).
    static let maximumCellLength = 32_767
    /// The bytes that many characters can take in UTF-8 at most: beyond it, refused at once.
    static let maximumCellBytes = 4 * maximumCellLength

    let file: String
    let sheet: String
    let part: String
    let sharedStrings: SharedStrings
    let styles: [ExcelDate.Kind]
    let date1904: Bool

    private var scanner: XMLScanner
    private let main: XMLScanner.Namespace
    private let strict: XMLScanner.Namespace

    /// The row handed out by the last `nextRow()`.
    private(set) var row = SheetRow()
    /// Rows with values the user does not see (filtered away or hidden): how many, the first five.
    private(set) var hiddenRowCount = 0
    private(set) var firstHiddenRows: [Int] = []
    /// Hidden columns (`<col hidden="1">`), by column, and the leftmost of them that holds a value.
    private var hiddenColumns: [Bool] = []
    private(set) var firstHiddenColumnUsed: Int?

    private var inSheetData = false
    private var rowNumber = 0
    private var lastColumn = 0
    private var inCell = false
    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellTypeText = ""
    private var cellStyle = 0
    private var value = CellBytes()
    private var hasValue = false
    private var formula = CellBytes()
    private var hasFormula = false
    private var inline = CellBytes()
    private var hasInline = false
    private var target = Target.none
    private var phoneticDepth = 0
    private var finished = false

    /// Where text goes.
    private enum Target { case none, value, formula, inline }

    enum CellType { case shared, number, string, inlineString, boolean, error, date, unknown }

    init(source: any XMLByteSource, file: String, sheet: String, part: String, sharedStrings: SharedStrings, styles: [ExcelDate.Kind], date1904: Bool) {
        self.file = file
        self.sheet = sheet
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.date1904 = date1904
        scanner = XMLScanner(source: source)
        main = scanner.namespace("http://schemas.openxmlformats.org/spreadsheetml/2006/main")
        strict = scanner.namespace("http://purl.oclc.org/ooxml/spreadsheetml/main")
    }

    func location(_ row: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(1, row), column: max(1, column), sheet: sheet)
    }

    func damaged(_ row: Int, _ column: Int, _ what: String) -> LoadError {
        .csv(location(row, column), "the workbook is damaged: \(what); save it again from Excel")
    }

    /// Reads up to the next row with a value (in `row`); false at the end of the sheet.
    mutating func nextRow() throws(LoadError) -> Bool {
        guard !finished else { return false }
        do {
            while true {
                switch try scanner.next() {
                case .startElement:
                    guard scanner.elementNamespace == main || scanner.elementNamespace == strict else { continue }
                    try start()
                case .endElement:
                    guard scanner.elementNamespace == main || scanner.elementNamespace == strict else { continue }
                    if try end() { return true }
                case .text:
                    try text()
                case .endOfDocument:
                    finished = true
                    return false
                }
            }
        } catch {
            throw XMLPart.loadError(error, part: part, file: file)
        }
    }

    /// The elements a sheet's reader acts on, told apart by their local name's length and first
    /// byte and then compared whole: one switch per tag instead of a chain of comparisons, a
    /// dozen million times in a national export.
    private enum Element { case c, v, f, t, isElement, row, rPh, col, sheetData, other }

    @inline(__always)
    private func element() -> Element {
        let name = scanner.localNameBytes
        switch name.count {
        case 1:
            switch name[0] {
            case 0x63: return .c
            case 0x76: return .v
            case 0x74: return .t
            case 0x66: return .f
            default: return .other
            }
        case 2: return name[0] == 0x69 && name[1] == 0x73 ? .isElement : .other
        case 3:
            if scanner.hasLocalName("row") { return .row }
            if scanner.hasLocalName("rPh") { return .rPh }
            if scanner.hasLocalName("col") { return .col }
            return .other
        case 9: return scanner.hasLocalName("sheetData") ? .sheetData : .other
        default: return .other
        }
    }

    private mutating func start() throws(LoadError) {
        switch element() {
        case .c:
            guard inSheetData && rowNumber > 0 else { return }
            try startCell()
            try takePlainChildren()
        case .v:
            guard inCell else { return }
            hasValue = true
            try read(into: .value)
        case .row:
            guard inSheetData else { return }
            try startRow()
        case .f:
            guard inCell else { return }
            hasFormula = true
            try read(into: .formula)
        case .isElement:
            guard inCell else { return }
            hasInline = true
            // `<is><t>text</t>`: the text taken whole, as the events of `<t>` would give it.
            let main = self.main, strict = self.strict
            if phoneticDepth == 0, let child = scanner.plainChild({ namespace, name in
                (namespace == main || namespace == strict) && name.count == 1 && name[0] == 0x74
            }) {
                try keep(child.text, in: .inline)
                target = .none
            }
        case .t:
            guard inCell && hasInline && phoneticDepth == 0 else { return }
            try read(into: .inline)
        case .rPh:
            if inCell { phoneticDepth += 1 }
        case .sheetData:
            inSheetData = true
        case .col:
            guard !inSheetData else { return }
            let hidden = scanner.attribute("hidden")
            if hidden == "1" || hidden == "true", let min = scanner.attribute("min").flatMap({ Int($0) }), let max = scanner.attribute("max").flatMap({ Int($0) }), min <= max,
               min <= Self.maximumColumns, max >= 1 {
                if hiddenColumns.isEmpty { hiddenColumns = [Bool](repeating: false, count: Self.maximumColumns + 1) }
                for column in Swift.max(1, min)...Swift.min(max, Self.maximumColumns) { hiddenColumns[column] = true }
            }
        case .other:
            return
        }
    }

    private mutating func startRow() throws(LoadError) {
        // One pass over the attributes for r and hidden; a value with references to decode is
        // looked up the general way.
        var hidden = false
        var reference: Int?? = nil
        for index in 0..<scanner.attributeCount {
            let attribute = scanner.rawAttribute(at: index)
            guard attribute.namespace == .none else { continue }
            if attribute.name.count == 1 && attribute.name[0] == 0x72 { // r
                reference = attribute.needsDecoding ? scanner.withAttribute("r") { Self.digits($0) } : Self.digits(attribute.value)
            } else if Self.isHiddenName(attribute.name) {
                hidden = attribute.needsDecoding ? scanner.withAttribute("hidden") { Self.isTrue($0) } ?? false : Self.isTrue(attribute.value)
            }
        }
        var number = rowNumber + 1
        if let plain = reference {
            // Not plain digits: as Swift's Int reads it (a sign is allowed).
            guard let given = plain ?? scanner.attribute("r").flatMap({ Int($0) }), given >= 1 else {
                throw damaged(rowNumber + 1, 1, "row number '\(WeightTable.shown(scanner.attribute("r") ?? ""))' is not a number")
            }
            number = given
        }
        guard number > rowNumber else { throw damaged(number, 1, "row \(number) comes after row \(rowNumber)") }
        guard number <= Self.maximumRows else {
            throw .csv(location(Self.maximumRows, 1), "the sheet has rows beyond row \(Self.maximumRows), Excel's last; this is not a sheet saved by Excel")
        }
        rowNumber = number
        lastColumn = 0
        row.number = number
        row.hidden = hidden
        row.text.removeAll(keepingCapacity: true)
        row.cells.removeAll(keepingCapacity: true)
    }

    private mutating func startCell() throws(LoadError) {
        // One pass over the attributes finds r, t and s (the cell's only unprefixed ones in
        // SpreadsheetML besides cm, vm and ph); a value with references to decode is looked up
        // the general way.
        var reference: (row: Int, column: Int)?? = nil
        var type: CellType?
        var style: Int?? = nil
        for index in 0..<scanner.attributeCount {
            let attribute = scanner.rawAttribute(at: index)
            guard attribute.namespace == .none, attribute.name.count == 1 else { continue }
            switch attribute.name[0] {
            case 0x72: // r
                reference = attribute.needsDecoding ? scanner.withAttribute("r") { Self.parseReference($0) } : Self.parseReference(attribute.value)
            case 0x74: // t
                type = attribute.needsDecoding ? scanner.withAttribute("t") { Self.cellType($0) } : Self.cellType(attribute.value)
            case 0x73: // s
                style = attribute.needsDecoding ? scanner.withAttribute("s") { Self.digits($0) } : Self.digits(attribute.value)
            default:
                continue
            }
        }
        var column = lastColumn + 1
        if let reference {
            guard let (cellRow, referenceColumn) = reference else {
                throw damaged(rowNumber, column, "cell reference '\(WeightTable.shown(scanner.attribute("r") ?? ""))' is not a cell such as B7")
            }
            guard cellRow == rowNumber else { throw damaged(rowNumber, referenceColumn, "cell \(scanner.attribute("r") ?? "") is in row \(rowNumber)") }
            column = referenceColumn
        }
        guard column > lastColumn else { throw damaged(rowNumber, column, "cell \(SourceLocation.cellReference(row: rowNumber, column: column)) comes twice or out of order") }
        guard column <= Self.maximumColumns else { throw .csv(location(rowNumber, 1), "the sheet has cells beyond column XFD, Excel's last; this is not a sheet saved by Excel") }
        lastColumn = column
        inCell = true
        cellColumn = column
        cellType = type ?? .number
        if cellType == .unknown { cellTypeText = scanner.attribute("t") ?? "" }
        cellStyle = 0
        if let style {
            cellStyle = style ?? (scanner.attribute("s").flatMap { Int($0) } ?? 0)
        }
        // Only what holds something is cleared: most cells have a value and nothing else.
        value.removeAll()
        formula.removeAll()
        inline.removeAll()
        hasValue = false
        hasFormula = false
        hasInline = false
        phoneticDepth = 0
    }

    /// A cell's `<v>` and `<f>` written plainly (`<v>45002</v>`), taken whole right after the
    /// cell's start: the same as their events would give (`start`, `text`, `end`), without them.
    private mutating func takePlainChildren() throws(LoadError) {
        let main = self.main, strict = self.strict
        while let child = scanner.plainChild({ namespace, name in
            (namespace == main || namespace == strict) && name.count == 1 && (name[0] == 0x76 || name[0] == 0x66)
        }) {
            if child.name[0] == 0x76 {
                hasValue = true
                try keep(child.text, in: .value)
            } else {
                hasFormula = true
                try keep(child.text, in: .formula)
            }
            target = .none
        }
    }

    /// The text of a `<v>`, `<f>` or `<t>` just started: taken whole when it is plain (most
    /// values are digits closed at once), else from the `.text` events that follow.
    private mutating func read(into target: Target) throws(LoadError) {
        if let text = scanner.plainContent() {
            try keep(text, in: target)
        } else {
            self.target = target
        }
    }

    /// Appends a piece of the cell's text the scanner handed out whole (a view of its buffer)
    /// to the text `target` names.
    private mutating func keep(_ piece: UnsafeBufferPointer<UInt8>, in target: Target) throws(LoadError) {
        switch target {
        case .none: return
        case .value: value.append(piece, padded: true)
        case .formula: formula.append(piece, padded: true)
        case .inline: inline.append(piece, padded: true)
        }
        try checkLength(of: target)
    }

    /// Refuses a cell whose text `target` names has grown past what Excel allows.
    private func checkLength(of target: Target) throws(LoadError) {
        let count = switch target {
        case .none: 0
        case .value: value.count
        case .formula: formula.count
        case .inline: inline.count
        }
        if count > Self.maximumCellBytes { throw tooLong() }
    }

    /// Handles an end tag; true when it ended a row with a value.
    private mutating func end() throws(LoadError) -> Bool {
        switch element() {
        case .c:
            guard inCell else { return false }
            inCell = false
            target = .none
            try finishCell()
        case .v, .f, .t:
            target = .none
        case .row:
            guard inSheetData && rowNumber > 0 else { return false }
            return finishRow()
        case .rPh:
            if inCell { phoneticDepth = max(0, phoneticDepth - 1) }
        case .sheetData:
            inSheetData = false
        case .isElement, .col, .other:
            break
        }
        return false
    }

    private mutating func text() throws(LoadError) {
        switch target {
        case .none:
            return
        case .value: value.appendText(of: &scanner)
        case .formula: formula.appendText(of: &scanner)
        case .inline: inline.appendText(of: &scanner)
        }
        try checkLength(of: target)
    }

    private func tooLong() -> LoadError {
        .csv(location(rowNumber, cellColumn), "cell \(SourceLocation.cellReference(row: rowNumber, column: cellColumn)) holds more than \(Self.maximumCellLength) characters, Excel's limit for a cell; this is not a sheet saved by Excel")
    }

    /// Drops trailing empty cells; a row left without a value is skipped, as a blank line in a
    /// CSV file is.
    private mutating func finishRow() -> Bool {
        while let last = row.cells.last, last.start == last.end { row.cells.removeLast() }
        guard !row.cells.isEmpty else { return false }
        if row.hidden {
            hiddenRowCount += 1
            if firstHiddenRows.count < 5 { firstHiddenRows.append(row.number) }
        }
        if !hiddenColumns.isEmpty {
            for cell in row.cells where cell.start < cell.end && hiddenColumns[cell.column] {
                firstHiddenColumnUsed = min(firstHiddenColumnUsed ?? cell.column, cell.column)
                break
            }
        }
        return true
    }

    /// The text of the cell just closed, appended to the row (nothing when it holds nothing).
    private mutating func finishCell() throws(LoadError) {
        // Views of the cell's text, unchanged until the next cell starts.
        let value = self.value.bytes, formula = self.formula.bytes, inline = self.inline.bytes
        if value.count > Self.maximumCellLength || formula.count > Self.maximumCellLength || inline.count > Self.maximumCellLength {
            for bytes in [value, formula, inline] where String(decoding: bytes, as: UTF8.self).utf16.count > Self.maximumCellLength { throw tooLong() }
        }
        let start = row.text.count
        var numeric = false
        var shared = -1
        switch cellType {
        case .shared:
            guard hasValue else { return }
            let trimmed = Self.trimmed(value)
            let index: Int
            if let plain = Self.digits(UnsafeBufferPointer(rebasing: value[trimmed])) {
                index = plain
            } else {
                guard let parsed = Int(String(decoding: value[trimmed], as: UTF8.self)), parsed >= 0 else {
                    throw damaged(rowNumber, cellColumn, "cell \(reference) refers to shared string '\(WeightTable.shown(String(decoding: value, as: UTF8.self)))', which is not an index")
                }
                index = parsed
            }
            guard index < sharedStrings.count else {
                throw damaged(rowNumber, cellColumn, "cell \(reference) refers to shared string \(index), but the workbook has \(sharedStrings.count)")
            }
            let range = sharedStrings.range(index)
            sharedStrings.bytes.withUnsafeBufferPointer { bytes in
                row.text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
            }
            shared = index
        case .inlineString:
            if hasInline {
                appendUnescaped(inline)
            } else if hasValue {
                appendUnescaped(value)
            } else {
                return
            }
        case .string:
            if hasValue {
                appendUnescaped(value)
            } else if hasFormula {
                appendFormula()
            } else {
                return
            }
        case .boolean:
            guard hasValue else {
                guard hasFormula else { return }
                appendFormula()
                break
            }
            switch String(decoding: value[Self.trimmed(value)], as: UTF8.self) {
            case "1", "true": row.text.append(contentsOf: "TRUE".utf8)
            case "0", "false": row.text.append(contentsOf: "FALSE".utf8)
            default: throw damaged(rowNumber, cellColumn, "cell \(reference) is a boolean holding '\(WeightTable.shown(String(decoding: value, as: UTF8.self)))'")
            }
        case .error:
            if hasValue {
                row.text.append(contentsOf: value[Self.trimmed(value)])
            } else if hasFormula {
                appendFormula()
            } else {
                return
            }
        case .date:
            // An ISO 8601 date (strict OOXML); shown as the date, with the time when there is one.
            guard hasValue else {
                guard hasFormula else { return }
                appendFormula()
                break
            }
            var text = String(decoding: value[Self.trimmed(value)], as: UTF8.self)
            if text.hasSuffix("T00:00:00") { text.removeLast(9) }
            row.text.append(contentsOf: text.replacingOccurrences(of: "T", with: " ").utf8)
        case .number:
            // A formula whose result was never stored (openpyxl writes `<v/>`) has no number.
            let trimmed = Self.trimmed(value)
            guard hasValue, !(trimmed.isEmpty && hasFormula) else {
                guard hasFormula else { return }
                appendFormula()
                break
            }
            let kind = styles.indices.contains(cellStyle) ? styles[cellStyle] : .number
            if appendPlainNumber(UnsafeBufferPointer(rebasing: value[trimmed]), kind: kind, numeric: &numeric) { break }
            let text = String(decoding: value, as: UTF8.self)
            guard let number = ExcelNumber.normalized(text) else {
                throw damaged(rowNumber, cellColumn, "cell \(reference) is a number holding '\(WeightTable.shown(text))'")
            }
            if kind != .number, let date = ExcelDate.text(serial: number, kind: kind, date1904: date1904) {
                row.text.append(contentsOf: date.utf8)
            } else {
                row.text.append(contentsOf: number.utf8)
                numeric = true
            }
        case .unknown:
            throw damaged(rowNumber, cellColumn, "cell \(reference) has the unknown type '\(WeightTable.shown(cellTypeText))'")
        }
        row.cells.append(SheetRow.Cell(column: cellColumn, start: start, end: row.text.count, numeric: numeric, shared: shared))
    }

    private var reference: String { SourceLocation.cellReference(row: rowNumber, column: cellColumn) }

    private mutating func appendFormula() {
        row.text.append(UInt8(ascii: "="))
        row.text.append(contentsOf: formula.bytes)
    }

    private mutating func appendUnescaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        if SharedStringsPart.containsEscape(bytes, from: 0) {
            row.text.append(contentsOf: SharedStringsPart.unescaped(String(decoding: bytes, as: UTF8.self)).utf8)
        } else {
            row.text.append(contentsOf: bytes)
        }
    }

    /// Serial day 0 of the 1900 date system, and of the days after Excel's 1900-02-29.
    static let day1899December31 = ExcelDate.days(year: 1899, month: 12, day: 31)
    static let day1899December30 = ExcelDate.days(year: 1899, month: 12, day: 30)

    /// The common number: 1 to 15 digits without a leading zero (or `0`), which
    /// `ExcelNumber.normalized` leaves as it is; a whole date in the 1900 system written
    /// straight as `YYYY-MM-DD`. False for anything else, which takes the general path.
    private mutating func appendPlainNumber(_ digits: UnsafeBufferPointer<UInt8>, kind: ExcelDate.Kind, numeric: inout Bool) -> Bool {
        let count = digits.count
        guard count >= 1 && count <= 15, kind != .time else { return false }
        var whole = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return false }
            whole = whole * 10 + Int(byte - 0x30)
        }
        if digits[0] == 0x30 && count > 1 { return false }
        if kind == .number || count > 7 || whole > ExcelDate.maximumSerial {
            row.text.append(contentsOf: digits)
            numeric = true
            return true
        }
        guard !date1904, whole != 0, whole != 60 else { return false }
        let (year, month, day) = ExcelDate.civil(days: (whole < 60 ? Self.day1899December31 : Self.day1899December30) + whole)
        guard year >= 1000 && year <= 9999 else { return false }
        // `YYYY-MM-DD` in one append.
        let date: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            UInt8(0x30 + year / 1000), UInt8(0x30 + year / 100 % 10), UInt8(0x30 + year / 10 % 10), UInt8(0x30 + year % 10), 0x2D,
            UInt8(0x30 + month / 10), UInt8(0x30 + month % 10), 0x2D, UInt8(0x30 + day / 10), UInt8(0x30 + day % 10))
        withUnsafeBytes(of: date) { row.text.append(contentsOf: $0) }
        return true
    }

    /// The range of `bytes` without XML white space at either end.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// `hidden`.
    static func isHiddenName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 6 && name[0] == 0x68 && name[1] == 0x69 && name[2] == 0x64 && name[3] == 0x64 && name[4] == 0x65 && name[5] == 0x6E
    }

    /// `1` or `true`.
    static func isTrue(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (bytes.count == 1 && bytes[0] == 0x31) || (bytes.count == 4 && bytes[0] == 0x74 && bytes[1] == 0x72 && bytes[2] == 0x75 && bytes[3] == 0x65)
    }

    /// The number written in 1 to 18 plain digits, else nil (then the caller parses the text
    /// the general way, as Swift's `Int` would).
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 1 && bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static func cellType(_ bytes: UnsafeBufferPointer<UInt8>) -> CellType {
        switch bytes.count {
        case 1:
            switch bytes[0] {
            case 0x73: return .shared   // s
            case 0x6E: return .number   // n
            case 0x62: return .boolean  // b
            case 0x65: return .error    // e
            case 0x64: return .date     // d
            default: return .unknown
            }
        case 3 where bytes[0] == 0x73 && bytes[1] == 0x74 && bytes[2] == 0x72: return .string
        // `inlineStr`, byte by byte: comparing with a String's UTF-8 view cost 5% of reading
        // an inline-string sheet.
        case 9 where bytes[0] == 0x69 && bytes[1] == 0x6E && bytes[2] == 0x6C && bytes[3] == 0x69 && bytes[4] == 0x6E
            && bytes[5] == 0x65 && bytes[6] == 0x53 && bytes[7] == 0x74 && bytes[8] == 0x72: return .inlineString
        default: return .unknown
        }
    }

    /// `B7` → (row 7, column 2); nil when it is not a cell reference inside Excel's grid.
    @inline(__always)
    static func parseReference(_ bytes: UnsafeBufferPointer<UInt8>) -> (row: Int, column: Int)? {
        // The common shape first: capital letters then digits, as every writer puts them.
        let count = bytes.count
        var i = 0
        var letters = 0
        while i < count && i < 3 {
            let letter = bytes[i] &- 0x41
            guard letter < 26 else { break }
            letters = letters &* 26 &+ Int(letter) &+ 1
            i &+= 1
        }
        if i > 0 && i < count {
            var digits = 0
            var j = i
            while j < count && digits <= maximumRows {
                let digit = bytes[j] &- 0x30
                guard digit < 10 else { break }
                digits = digits &* 10 &+ Int(digit)
                j &+= 1
            }
            if j == count && digits >= 1 && digits <= maximumRows && letters <= maximumColumns { return (digits, letters) }
        }
        return generalReference(bytes)
    }

    /// `B7`, `$B$7`, `b7`: any reference the general way.
    static func generalReference(_ bytes: UnsafeBufferPointer<UInt8>) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        var letters = 0
        for byte in bytes {
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

    static func parseReference(_ text: String) -> (row: Int, column: Int)? {
        var text = text
        return text.withUTF8 { parseReference($0) }
    }
}


/// One cell's text as it is read (a value, a formula, an inline string), in memory reused from
/// cell to cell and reached through a pointer: no copy-on-write check or reallocation per piece
/// of a million cells. Held by reference, as the scanner's buffer is: the reader owning it is
/// not copied.
struct CellBytes {
    private let storage = XMLScannerArray<UInt8>(capacity: 64)
    private var pointer: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init() { pointer = storage.pointer }

    var isEmpty: Bool { count == 0 }

    /// The text, valid until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pointer, count: count) }

    mutating func removeAll() { count = 0 }

    /// Appends the current `.text` piece of `scanner`, decoded.
    mutating func appendText(of scanner: inout XMLScanner) {
        scanner.withText { append($0) }
    }

    /// Appends `piece`; `padded`: eight bytes may be read from its start whatever its length
    /// (a view of the scanner's buffer, which has that room), so a short piece is one word
    /// copied instead of a call to memmove.
    mutating func append(_ piece: UnsafeBufferPointer<UInt8>, padded: Bool = false) {
        guard let source = piece.baseAddress, !piece.isEmpty else { return }
        // Eight bytes of room past the text, for the word copy.
        while count + piece.count + 8 > storage.capacity {
            storage.grow(keeping: count)
            pointer = storage.pointer
        }
        if padded && piece.count <= 8 {
            UnsafeMutableRawPointer(pointer + count).storeBytes(of: UnsafeRawPointer(source).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            (pointer + count).initialize(from: source, count: piece.count)
        }
        count += piece.count
    }
}
