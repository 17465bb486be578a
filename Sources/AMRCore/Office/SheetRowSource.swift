/// What hands out a sheet's rows with values one at a time, whatever the file: an Excel sheet
/// (`WorksheetScanner`) or an OpenDocument table (`ODSTableScanner`). The placement counter and
/// the table readers take rows from either, so an export counts the same in every format.
protocol SheetRowSource {
    /// The row handed out by the last `nextRow()`.
    var row: SheetRow { get }
    /// The sheet's name, for messages (`Blad1!C7`).
    var sheet: String { get }
    /// Reads up to the next row with a value (in `row`); false at the end of the sheet.
    mutating func nextRow() throws(LoadError) -> Bool
}

extension WorksheetScanner: SheetRowSource {}

extension SheetRowSource {
    /// The rest of the sheet's rows as records, fields by column position (empty between
    /// cells), for the weights readers of .xlsx and .ods alike. At most `maximumFields` cells in
    /// all. A shared string becomes one String however many cells use it (they share its
    /// storage), so a string repeated in a million cells costs its length once.
    mutating func records(file: String, maximumFields: Int) throws(LoadError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fieldCount = 0
        var sharedTexts: [Int: String] = [:]
        while try nextRow() {
            let row = self.row
            let width = row.width
            guard fieldCount <= maximumFields - width else {
                throw .csv(SourceLocation(file: file, line: row.number, column: 1, sheet: sheet),
                           "the sheet has more than \(maximumFields) cells up to here; amr reads tables, not databases: if it is genuine, raise AMR_MAX_FILE_SIZE")
            }
            fieldCount += width
            var fields = [String](repeating: "", count: width)
            var numeric: Set<Int> = []
            for cell in row.cells {
                if cell.shared >= 0 {
                    if let text = sharedTexts[cell.shared] {
                        fields[cell.column - 1] = text
                    } else {
                        let text = row.string(cell)
                        sharedTexts[cell.shared] = text
                        fields[cell.column - 1] = text
                    }
                } else {
                    fields[cell.column - 1] = row.string(cell)
                }
                if cell.numeric { numeric.insert(cell.column - 1) }
            }
            records.append(CSVRecord(fields: fields, line: row.number, columns: Array(1...max(1, width)), numeric: numeric, sheet: sheet))
        }
        return records
    }
}
