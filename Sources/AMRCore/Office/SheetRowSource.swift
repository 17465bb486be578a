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
