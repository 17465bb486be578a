/// Reads one table of an OpenDocument spreadsheet (`.ods`, as LibreOffice and many municipalities
/// save) as records, as `WorkbookReader` reads an `.xlsx`: the table named (any case) or the
/// first; messages name the sheet and cell. The table is read by `ODSTableScanner` as
/// `content.xml` is inflated: repeated empty rows and cells (`number-rows-repeated`,
/// `number-columns-repeated`) are counted, not copied, so a table padded with a million empty
/// rows costs nothing, while a repeated row with values is that many rows. Hidden or
/// filtered-away rows and hidden columns that hold values are refused, as in a workbook. Numbers
/// come from `office:value`, read as decimal text (`ExcelNumber.normalized`), never through
/// floating point.
enum ODSReader {
    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let calcextNamespace = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
    /// The `mimetype` of a spreadsheet (`.ods`); a template (`.ots`) adds `-template`.
    static let spreadsheetType = "application/vnd.oasis.opendocument.spreadsheet"
    /// How many times `InputLimits.maximumFileSize` the table's part may inflate to: it is
    /// streamed, never in memory whole, and LibreOffice writes about 500 bytes of XML for a row
    /// of four cells, twice what an .xlsx takes.
    static let streamedPartFactor = 4

    /// The most bytes the table's part may inflate to: `streamedPartFactor` × the file limit.
    static func streamedLimit(_ limits: InputLimits) -> Int {
        let (bound, overflow) = limits.maximumFileSize.multipliedReportingOverflow(by: streamedPartFactor)
        return overflow ? Int.max : bound
    }

    /// The `mimetype` of an OpenDocument package (its first entry), or nil for another zip file.
    static func mimeType(_ archive: inout ZipArchive) throws(LoadError) -> String? {
        guard let entry = archive.entry(named: "mimetype"), entry.size <= 200, let bytes = try archive.contents(of: "mimetype") else { return nil }
        let type = String(decoding: bytes, as: UTF8.self).trimmingSpaces
        return type.hasPrefix("application/vnd.oasis.opendocument") ? type : nil
    }

    /// The table `sheet` (any case; nil for the first) of the spreadsheet in `bytes`, ready to
    /// be read, when `bytes` are an OpenDocument spreadsheet; nil when they are not an
    /// OpenDocument file at all (so an Excel workbook is read as one); an error for another
    /// OpenDocument file, a password-protected spreadsheet, or one without its table part.
    static func open(bytes: [UInt8], file: String, sheet: String?, limits: InputLimits) throws(LoadError) -> ODSSheet? {
        guard WorkbookReader.signature(of: bytes) == .zip else { return nil }
        // The table's part is streamed, so it may be larger than a part read whole (checked in
        // `open` below); the other parts are read whole and held to the usual limit.
        var archive = try ZipArchive(bytes: bytes, file: file, maximumSize: streamedLimit(limits))
        guard let type = try mimeType(&archive) else { return nil }
        return try open(&archive, type: type, file: file, sheet: sheet, limits: limits)
    }

    static func open(_ archive: inout ZipArchive, type: String, file: String, sheet: String?, limits: InputLimits) throws(LoadError) -> ODSSheet {
        guard type.hasPrefix(spreadsheetType) else {
            throw LoadError.workbook(file: file, "this is an OpenDocument file of type \(WeightTable.shown(type)), not a spreadsheet (.ods); save the table as .ods, .xlsx or CSV")
        }
        if let manifest = archive.entry(named: "META-INF/manifest.xml"), manifest.size > limits.maximumFileSize {
            throw LoadError.workbook(file: file, "its part META-INF/manifest.xml inflates to \(manifest.size) bytes, more than the limit of \(limits.maximumFileSize) bytes; this is not a spreadsheet saved by LibreOffice")
        }
        if let manifest = try archive.contents(of: "META-INF/manifest.xml"),
           DocumentReader.contains(manifest, ascii: "encryption-data") {
            throw LoadError.workbook(file: file, "the spreadsheet is protected with a password (encrypted), which amr does not read; save a copy without a password (LibreOffice: File > Save As, without 'Save with password') and use that")
        }
        guard let entry = archive.entry(named: "content.xml") else {
            throw ZipArchive.damaged(file, "it has no content.xml, which holds an OpenDocument spreadsheet's tables")
        }
        let bound = streamedLimit(limits)
        guard entry.size <= bound else {
            throw LoadError.workbook(file: file, "its table part content.xml inflates to \(entry.size) bytes, more than the limit of \(bound) bytes (\(streamedPartFactor) × AMR_MAX_FILE_SIZE); if the spreadsheet is genuine, raise AMR_MAX_FILE_SIZE")
        }
        return ODSSheet(file: file, wanted: sheet, archive: archive, entry: entry, maximumFields: max(limits.maximumFileSize / 16, 65_536))
    }

    /// The records of the table `sheet` (or the first) of the spreadsheet in `archive`.
    static func records(_ archive: inout ZipArchive, type: String, file: String, sheet: String?, limits: InputLimits) throws(LoadError) -> [CSVRecord] {
        let opened = try open(&archive, type: type, file: file, sheet: sheet, limits: limits)
        var rows = opened.rows()
        let records = try rows.records(file: file, maximumFields: opened.maximumFields)
        try opened.checkHidden(rows)
        return records
    }

    /// The message for a scanner's error in the part `part` of the spreadsheet `file`.
    static func failure(_ error: XMLError, part: String, file: String) -> LoadError {
        switch error.kind {
        case .input:
            return .workbook(file: file, error.reason)
        case .refused:
            return .workbook(file: file, "part \(part) is refused (line \(error.line), column \(error.column)): \(error.reason); save the spreadsheet again from LibreOffice")
        case .limit:
            return .workbook(file: file, "part \(part) goes beyond a limit (line \(error.line), column \(error.column)): \(error.reason); this is not a spreadsheet saved by LibreOffice")
        case .malformed where error.reason.hasPrefix("the part is not UTF-8 (byte"):
            return .workbook(file: file, "the spreadsheet is damaged: part \(part) is not UTF-8 text (byte \(error.offset + 1) is not); OpenDocument files are written in UTF-8")
        case .malformed:
            return .workbook(file: file, "the spreadsheet is damaged: part \(part) is not well-formed XML (line \(error.line), column \(error.column): \(error.reason)); save it again from LibreOffice")
        }
    }
}
