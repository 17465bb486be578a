/// Reads one table of an OpenDocument spreadsheet (`.ods`, as LibreOffice and many municipalities
/// save) as records, as `WorkbookReader` reads an `.xlsx`: the table named (any case) or the
/// first; messages name the sheet and cell. Repeated rows and cells (`number-rows-repeated`,
/// `number-columns-repeated`) are counted, not copied, while they are empty: a table padded
/// with a million empty rows costs nothing. Hidden or filtered-away rows and hidden columns that
/// hold values are refused, as in a workbook. Numbers come from `office:value`, read as decimal
/// text (`ExcelNumber.normalized`), never through floating point.
enum ODSReader {
    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    static func records(_ archive: inout ZipArchive, file: String, sheet: String?, limits: InputLimits) throws(LoadError) -> [CSVRecord] {
        guard let content = try archive.contents(of: "content.xml") else {
            throw ZipArchive.damaged(file, "it has no content.xml, which holds an OpenDocument spreadsheet's tables")
        }
        var handler = Handler(file: file, wanted: sheet, maximumFields: max(limits.maximumFileSize / 16, 65_536))
        try XMLPart.parse(content, part: "content.xml", file: file, into: &handler)
        guard let name = handler.chosenName else {
            if let sheet {
                throw LoadError.workbook(file: file, "the spreadsheet has no sheet '\(WeightTable.shown(sheet))'; its sheets are "
                                         + handler.names.map { "'\(WeightTable.shown($0))'" }.joined(separator: ", "))
            }
            throw LoadError.workbook(file: file, "this OpenDocument spreadsheet (.ods) has no table; save the table again from LibreOffice, or as .xlsx or CSV")
        }
        let quoted = SourceLocation.quotedSheetName(name)
        if !handler.hiddenRows.isEmpty {
            let listed = handler.hiddenRows.prefix(5).map(String.init).joined(separator: ", ") + (handler.hiddenRows.count > 5 ? ", …" : "")
            throw LoadError.workbook(file: file, "sheet \(quoted) has hidden rows with values (\(listed)), for example filtered away; amr reads every row and does not guess whether those count: show them and delete the rows that do not belong, or copy the visible rows to a new sheet")
        }
        if let column = handler.hiddenColumnUsed {
            throw LoadError.workbook(file: file, "sheet \(quoted) has a hidden column with values (\(SourceLocation.columnLetters(column))); amr does not guess whether it counts: show it, or delete it if it does not belong")
        }
        return handler.records
    }

    struct Handler: XMLPartHandler {
        let file: String
        let wanted: String?
        let maximumFields: Int
        var names: [String] = []
        var chosenName: String?
        var inChosen = false
        var depth = 0
        var records: [CSVRecord] = []
        var fieldCount = 0
        var hiddenRows: [Int] = []
        var hiddenColumnUsed: Int?
        /// Columns (1-based) hidden by their `table:table-column`.
        var hiddenColumns: [ClosedRange<Int>] = []
        var columnCount = 0

        var rowNumber = 0
        var rowRepeat = 1
        var rowHidden = false
        var fields: [String] = []
        var columns: [Int] = []
        var numeric: Set<Int> = []
        var column = 0
        var cell: Cell?
        var paragraphs = 0

        struct Cell {
            var repeats: Int
            var value: String?
            var isNumber: Bool
            var text = ""
        }

        static func count(_ attributes: [String: String], _ name: String) -> Int {
            attributes[name].flatMap { Int($0) }.map { max(1, $0) } ?? 1
        }

        mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError) {
            if inChosen { depth += 1 }
            switch (namespace, name) {
            case (ODSReader.tableNamespace?, "table") where !inChosen:
                let tableName = attributes["table:name"] ?? "Blad\(names.count + 1)"
                names.append(tableName)
                if chosenName == nil, wanted.map({ $0.lowercased() == tableName.lowercased() }) ?? true {
                    chosenName = tableName
                    inChosen = true
                    depth = 0
                }
            case (ODSReader.tableNamespace?, "table-column") where inChosen:
                let repeats = Self.count(attributes, "table:number-columns-repeated")
                let first = columnCount + 1
                columnCount = min(columnCount + repeats, 1 << 20)
                if let visibility = attributes["table:visibility"], visibility != "visible" {
                    hiddenColumns.append(first...max(first, columnCount))
                }
            case (ODSReader.tableNamespace?, "table-row") where inChosen:
                rowRepeat = Self.count(attributes, "table:number-rows-repeated")
                rowHidden = (attributes["table:visibility"] ?? "visible") != "visible"
                fields = []
                columns = []
                numeric = []
                column = 0
            case (ODSReader.tableNamespace?, "table-cell"), (ODSReader.tableNamespace?, "covered-table-cell"):
                guard inChosen else { break }
                let repeats = Self.count(attributes, "table:number-columns-repeated")
                switch attributes["office:value-type"] {
                case "float", "percentage", "currency":
                    cell = Cell(repeats: repeats, value: attributes["office:value"], isNumber: true)
                case "boolean":
                    cell = Cell(repeats: repeats, value: attributes["office:boolean-value"].map { $0 == "true" ? "TRUE" : "FALSE" }, isNumber: false)
                case "date":
                    cell = Cell(repeats: repeats, value: attributes["office:date-value"].map { String($0.prefix(10)) }, isNumber: false)
                default:
                    cell = Cell(repeats: repeats, value: nil, isNumber: false)
                }
                paragraphs = 0
            case (ODSReader.textNamespace?, "p") where cell != nil:
                if paragraphs > 0 { cell?.text += "\n" }
                paragraphs += 1
            case (ODSReader.textNamespace?, "s") where cell != nil:
                cell?.text += String(repeating: " ", count: min(Self.count(attributes, "text:c"), 1_000))
            case (ODSReader.textNamespace?, "tab") where cell != nil:
                cell?.text += "\t"
            case (ODSReader.textNamespace?, "line-break") where cell != nil:
                cell?.text += "\n"
            default: break
            }
        }

        mutating func end(_ name: String, namespace: String?) throws(LoadError) {
            guard inChosen else { return }
            defer { depth -= 1 }
            if depth == 0 { inChosen = false; return }
            guard namespace == ODSReader.tableNamespace else { return }
            switch name {
            case "table-cell", "covered-table-cell":
                guard let done = cell else { return }
                cell = nil
                var value = done.value ?? done.text
                if done.isNumber, let raw = done.value {
                    guard let normalized = ExcelNumber.normalized(raw) else {
                        throw .csv(SourceLocation(file: file, line: rowNumber + 1, column: column + 1, sheet: chosenName),
                                   "the number '\(WeightTable.shown(raw))' stored in this cell cannot be read; type it again")
                    }
                    value = normalized
                }
                if value.isEmpty {
                    column = min(column + done.repeats, 1 << 20)
                    return
                }
                for _ in 0..<done.repeats {
                    column += 1
                    guard fields.count < maximumFields else { break }
                    fields.append(value)
                    columns.append(column)
                    if done.isNumber { numeric.insert(fields.count - 1) }
                }
            case "table-row":
                defer { rowNumber = min(rowNumber + rowRepeat, 1 << 22) }
                guard !fields.isEmpty else { return }
                for used in columns where hiddenColumnUsed == nil && hiddenColumns.contains(where: { $0.contains(used) }) {
                    hiddenColumnUsed = used
                }
                for offset in 0..<rowRepeat {
                    if rowHidden {
                        if hiddenRows.count < 6 { hiddenRows.append(rowNumber + offset + 1) }
                        continue
                    }
                    fieldCount += fields.count
                    guard fieldCount <= maximumFields else {
                        throw .csv(SourceLocation(file: file, line: rowNumber + offset + 1, column: 1, sheet: chosenName),
                                   "the sheet has more than \(maximumFields) cells up to here; amr reads tables, not databases: if it is genuine, raise AMR_MAX_FILE_SIZE")
                    }
                    // Fields by column position, empty between cells, as a workbook's row.
                    let width = columns.last ?? 0
                    var row = [String](repeating: "", count: width)
                    var rowNumeric: Set<Int> = []
                    for (index, position) in columns.enumerated() {
                        row[position - 1] = fields[index]
                        if numeric.contains(index) { rowNumeric.insert(position - 1) }
                    }
                    records.append(CSVRecord(fields: row, line: rowNumber + offset + 1, columns: Array(1...max(1, width)),
                                             numeric: rowNumeric, sheet: chosenName))
                }
            default: break
            }
        }

        mutating func characters(_ text: String) throws(LoadError) {
            guard cell != nil, paragraphs > 0 else { return }
            cell?.text += text
        }
    }
}
