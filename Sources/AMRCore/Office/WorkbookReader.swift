/// Reads one sheet of an Excel workbook (`.xlsx`, Office Open XML SpreadsheetML) as records, so
/// the readers of CSV tables read workbooks too; messages then name the sheet and cell
/// (`inwoners.xlsx:Blad1!B7`).
///
/// The workbook part is found through the package relationships (`_rels/.rels`), else
/// `[Content_Types].xml`, else at `xl/workbook.xml`; its sheets, shared strings and styles
/// through its own relationships. The sheet is the one named (case-insensitively) or the first
/// visible worksheet. What each cell becomes is described at `WorksheetPart`; numbers follow
/// `ExcelNumber` (at most 15 significant digits, never through `Double`), dates `ExcelDate`.
///
/// Limits: the zip container's (`ZipArchive`, bounded by `InputLimits.maximumFileSize`),
/// Excel's grid (1,048,576 rows × 16,384 columns), and at most `maximumFileSize / 16` fields in
/// all (at least 65,536), so a sparse sheet cannot expand into more memory than its file could.
public enum WorkbookReader {
    /// What the first bytes of a file say it is.
    public enum Signature: Equatable, Sendable {
        /// A zip archive (`PK\u{3}\u{4}`): an `.xlsx` workbook, or an `.ods` one, or another zip.
        case zip
        /// An OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`): an old `.xls` workbook, or an
        /// `.xlsx` encrypted with a password.
        case ole
        /// Anything else: text such as CSV.
        case other
    }

    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// What `bytes` hold, by their first bytes (not by the file's extension).
    public static func signature(of bytes: [UInt8]) -> Signature {
        if bytes.starts(with: ZipArchive.signature) { return .zip }
        if bytes.starts(with: oleSignature) { return .ole }
        return .other
    }

    /// The message for an OLE compound file given where a table is expected.
    public static func oleMessage(file: String) -> LoadError {
        .workbook(file: file, "this is an old Excel 97-2003 workbook (.xls) or a password-protected one, which amr does not read; save it in Excel as Excel Workbook (.xlsx) without a password, or as CSV")
    }

    /// The records of the sheet named `sheet` (any case), or else of the sheet the workbook opens
    /// on (its active tab, when that is a visible worksheet) or the first visible worksheet, of
    /// the workbook in `bytes`; `file` is the name used in messages. Rows or columns the user
    /// cannot see (hidden, filtered away) that hold values are refused: whether they count is
    /// not amr's to guess.
    public static func records(bytes: [UInt8], file: String, sheet: String? = nil, limits: InputLimits = .standard) throws(LoadError) -> [CSVRecord] {
        if signature(of: bytes) == .zip {
            var archive = try ZipArchive(bytes: bytes, file: file, maximumSize: limits.maximumFileSize)
            if let type = try ODSReader.mimeType(&archive) {
                return try ODSReader.records(&archive, type: type, file: file, sheet: sheet, limits: limits)
            }
        }
        var opened = try open(bytes: bytes, file: file, sheet: sheet, limits: limits)
        var rows = try opened.rows()
        let records = try rows.records(file: file, maximumFields: opened.maximumFields)
        try opened.checkHidden(rows)
        return records
    }

    /// The sheet `sheet` (or the one the workbook opens on) of the workbook in `bytes`, with what
    /// reading its cells needs: the shared strings, the styles that make a number a date, the
    /// date system. Its rows are read by `WorkbookSheet.rows()`.
    static func open(bytes: [UInt8], file: String, sheet: String? = nil, limits: InputLimits = .standard) throws(LoadError) -> WorkbookSheet {
        if signature(of: bytes) == .ole { throw oleMessage(file: file) }
        var archive = try ZipArchive(bytes: bytes, file: file, maximumSize: limits.maximumFileSize)

        if let type = try ODSReader.mimeType(&archive) {
            // Spreadsheets (.ods) are opened by `ODSReader.open`; this refuses the other kinds.
            _ = try ODSReader.open(&archive, type: type, file: file, sheet: sheet, limits: limits)
            throw LoadError.workbook(file: file, "this is an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx)")
        }
        let workbookName = try workbookPartName(&archive, file: file)
        guard let workbookBytes = try archive.contents(of: workbookName) else {
            throw LoadError.workbook(file: file, "this zip archive is not an Excel workbook: it has no \(workbookName); save the table as .xlsx or CSV")
        }
        var workbook = WorkbookPart()
        try XMLPart.parse(workbookBytes, part: workbookName, file: file, into: &workbook)
        guard workbook.sawWorkbook else {
            throw LoadError.workbook(file: file, "part \(workbookName) is not a SpreadsheetML workbook; save the table as .xlsx or CSV")
        }
        let relationshipsName = RelationshipsPart.partName(for: workbookName)
        guard let relationshipBytes = try archive.contents(of: relationshipsName) else {
            throw ZipArchive.damaged(file, "it has no \(relationshipsName), which says where the sheets are")
        }
        var relationships = RelationshipsPart()
        try XMLPart.parse(relationshipBytes, part: relationshipsName, file: file, into: &relationships)

        let chosen = try choose(sheet, in: workbook.sheets, active: workbook.activeTab, relationships: relationships, file: file)
        guard let relationship = relationships.relationships.first(where: { $0.id == chosen.relationshipID }) else {
            throw ZipArchive.damaged(file, "sheet '\(WeightTable.shown(chosen.name))' has no relationship '\(WeightTable.shown(chosen.relationshipID))' in \(relationshipsName)")
        }
        guard relationship.role == "worksheet" else {
            throw LoadError.workbook(file: file, "sheet '\(WeightTable.shown(chosen.name))' is a \(relationship.role == "chartsheet" ? "chart sheet" : relationship.role), not a table; pick a worksheet with --sheet")
        }
        guard !relationship.external, let sheetPart = RelationshipsPart.resolve(relationship.target, from: workbookName) else {
            throw LoadError.workbook(file: file, "sheet '\(WeightTable.shown(chosen.name))' points outside the workbook (\(WeightTable.shown(relationship.target))); save the workbook again from Excel")
        }

        let maximumFields = max(limits.maximumFileSize / 16, 65_536)
        var sharedStrings = SharedStrings()
        if let target = relationships.first(role: "sharedStrings"), let name = RelationshipsPart.resolve(target.target, from: workbookName) {
            guard let source = try archive.source(of: name) else {
                throw ZipArchive.damaged(file, "its shared strings part \(name) is missing")
            }
            // Each string a sheet uses takes a cell of at least 8 bytes in some part; more
            // strings than that are no workbook's, only memory to fill.
            let otherParts = archive.entries.reduce(0) { $0 + ($1.name.lowercased() == name.lowercased() ? 0 : $1.size) }
            sharedStrings = try SharedStringsPart.read(source, part: name, file: file, maximumCount: min(maximumFields, 65_536 + otherParts / 8))
        }
        var styles = StylesPart()
        if let target = relationships.first(role: "styles"), let name = RelationshipsPart.resolve(target.target, from: workbookName),
           let bytes = try archive.contents(of: name) {
            try XMLPart.parse(bytes, part: name, file: file, into: &styles)
            styles.finish()
        }
        guard archive.entry(named: sheetPart) != nil else {
            throw ZipArchive.damaged(file, "sheet '\(WeightTable.shown(chosen.name))' should be in \(WeightTable.shown(sheetPart)), which is missing")
        }
        return WorkbookSheet(file: file, name: chosen.name, part: sheetPart, archive: archive, sharedStrings: sharedStrings,
                             styles: styles.kinds, date1904: workbook.date1904, maximumFields: maximumFields)
    }

    /// The workbook part: the package's officeDocument relationship, else the main part named in
    /// `[Content_Types].xml`, else `xl/workbook.xml`.
    static func workbookPartName(_ archive: inout ZipArchive, file: String) throws(LoadError) -> String {
        if let bytes = try archive.contents(of: "_rels/.rels") {
            var package = RelationshipsPart()
            try XMLPart.parse(bytes, part: "_rels/.rels", file: file, into: &package)
            if let office = package.first(role: "officeDocument"), let name = RelationshipsPart.resolve(office.target, from: "") {
                return name
            }
        }
        if let bytes = try archive.contents(of: "[Content_Types].xml") {
            var types = ContentTypesPart()
            try XMLPart.parse(bytes, part: "[Content_Types].xml", file: file, into: &types)
            if let name = types.mainPart { return name }
        }
        return "xl/workbook.xml"
    }

    /// The sheet asked for, or the one the workbook opens on, or the first visible one.
    static func choose(_ name: String?, in sheets: [WorkbookPart.Sheet], active: Int = 0, relationships: RelationshipsPart,
                       file: String) throws(LoadError) -> WorkbookPart.Sheet {
        let names = sheets.map(\.name)
        guard let name else {
            let isWorksheet = { (sheet: WorkbookPart.Sheet) in relationships.relationships.first { $0.id == sheet.relationshipID }?.role == "worksheet" }
            if sheets.indices.contains(active), !sheets[active].hidden, isWorksheet(sheets[active]) { return sheets[active] }
            let worksheets = sheets.filter(isWorksheet)
            guard let first = worksheets.first(where: { !$0.hidden }) ?? worksheets.first ?? sheets.first else {
                throw LoadError.workbook(file: file, "the workbook has no sheets; save the table in it again from Excel")
            }
            return first
        }
        if let sheet = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return sheet
        }
        let listed = names.map { "'\(WeightTable.shown($0))'" }
        let known = switch listed.count {
        case 0: "it has no sheets"
        case 1: "its only sheet is \(listed[0])"
        default: "its sheets are " + listed.dropLast().joined(separator: ", ") + " and " + (listed.last ?? "")
        }
        throw LoadError.workbook(file: file, "the workbook has no sheet '\(WeightTable.shown(name))'; \(known)")
    }
}
