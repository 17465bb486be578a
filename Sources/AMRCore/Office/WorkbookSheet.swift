/// A sheet of an Excel workbook, chosen and ready to be read: `rows()` streams its rows from
/// the zip entry as it is inflated. Made by `WorkbookReader.open`.
struct WorkbookSheet: Sendable {
    let file: String
    /// The sheet's name, as its tab shows it.
    let name: String
    /// The worksheet part (`xl/worksheets/sheet1.xml`).
    let part: String
    var archive: ZipArchive
    let sharedStrings: SharedStrings
    let styles: [ExcelDate.Kind]
    let date1904: Bool
    /// Most fields (cells, counting the empty ones between) all records may hold together.
    let maximumFields: Int

    /// The worksheet part's size inflated, as the archive declares it (0 when it is missing).
    var partSize: Int { archive.entry(named: part)?.size ?? 0 }

    /// A reader of the sheet's rows, from the first; a large sheet part is inflated ahead on a
    /// second thread unless `readAhead` is false (`--threads 1`).
    mutating func rows(readAhead: Bool = true) throws(LoadError) -> WorksheetScanner {
        guard let source = try archive.source(of: part) else {
            throw ZipArchive.damaged(file, "sheet '\(WeightTable.shown(name))' should be in \(WeightTable.shown(part)), which is missing")
        }
        return WorksheetScanner(source: readAhead ? PrefetchedSource.reading(source) : source, file: file, sheet: name, part: part, sharedStrings: sharedStrings, styles: styles, date1904: date1904)
    }

    /// Refuses, once the sheet is read, rows and columns the user cannot see that hold values:
    /// amr reads every row and does not guess whether those count.
    func checkHidden(_ rows: WorksheetScanner) throws(LoadError) {
        let quoted = SourceLocation.quotedSheetName(name)
        if rows.hiddenRowCount > 0 {
            let listed = rows.firstHiddenRows.map(String.init).joined(separator: ", ") + (rows.hiddenRowCount > 5 ? ", …" : "")
            throw LoadError.workbook(file: file, "sheet \(quoted) has hidden rows with values (\(listed)), for example filtered away; amr reads every row and does not guess whether those count: show them and delete the rows that do not belong, or copy the visible rows to a new sheet")
        }
        if let column = rows.firstHiddenColumnUsed {
            throw LoadError.workbook(file: file, "sheet \(quoted) has a hidden column with values (\(SourceLocation.columnLetters(column))); amr does not guess whether it counts: show it, or delete it if it does not belong")
        }
    }
}
