/// A table of an OpenDocument spreadsheet, ready to be read: `rows()` streams its rows from
/// `content.xml` as it is inflated. Made by `ODSReader.open`; which table it is (the one named,
/// or the first) is settled as the rows are read, since the tables are all in that one part.
struct ODSSheet: Sendable {
    let file: String
    /// The table asked for (any case), or nil for the first.
    let wanted: String?
    let archive: ZipArchive
    /// `content.xml`.
    let entry: ZipArchive.Entry
    /// Most fields (cells, counting the empty ones between) all records may hold together.
    let maximumFields: Int

    /// A reader of the table's rows, from the first; a big content.xml is inflated ahead on a
    /// second thread unless `readAhead` is false (`--threads 1`).
    func rows(readAhead: Bool = true) -> ODSTableScanner {
        let source = ZipEntrySource(archive: archive, entry: entry)
        return ODSTableScanner(source: readAhead ? PrefetchedSource.reading(source) : source, file: file, part: entry.name, sheet: wanted,
                        maximumCells: maximumFields.multipliedReportingOverflow(by: ODSReader.streamedPartFactor).partialValue)
    }

    /// Refuses, once the table is read, rows and columns the user cannot see that hold values:
    /// amr reads every row and does not guess whether those count.
    func checkHidden(_ rows: ODSTableScanner) throws(LoadError) {
        let quoted = SourceLocation.quotedSheetName(rows.sheet)
        if rows.hiddenRowCount > 0 {
            let listed = rows.firstHiddenRows.map(String.init).joined(separator: ", ") + (rows.hiddenRowCount > 5 ? ", …" : "")
            throw LoadError.workbook(file: file, "sheet \(quoted) has hidden rows with values (\(listed)), for example filtered away; amr reads every row and does not guess whether those count: show them and delete the rows that do not belong, or copy the visible rows to a new sheet")
        }
        if let column = rows.firstHiddenColumnUsed {
            throw LoadError.workbook(file: file, "sheet \(quoted) has a hidden column with values (\(SourceLocation.columnLetters(column))); amr does not guess whether it counts: show it, or delete it if it does not belong")
        }
    }
}
