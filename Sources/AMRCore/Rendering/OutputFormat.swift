/// The output formats amr writes; each command accepts a subset.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, markdown, csv, json, html, text, github, xlsx, ods, docx, odt, sarif, junit

    /// The format a file name asks for by its extension (`verdeling.xlsx`), if any.
    public static func implied(byFileName name: String) -> OutputFormat? {
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "xlsx": return .xlsx
        case "ods": return .ods
        case "docx": return .docx
        case "odt": return .odt
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        case "csv": return .csv
        case "json": return .json
        default: return nil
        }
    }

    /// A file for an office suite (a workbook or a word-processor document): bytes, not text,
    /// written to a file or a pipe but never to a terminal.
    public var isOfficeFile: Bool { [.xlsx, .ods, .docx, .odt].contains(self) }

    /// What the format is called in a message: `a workbook`, `a Word document`.
    public var fileKind: String {
        switch self {
        case .xlsx: "a workbook"
        case .ods: "an OpenDocument spreadsheet"
        case .docx: "a Word document"
        case .odt: "an OpenDocument text"
        default: "a report"
        }
    }

    /// The documents as a file of this format (`isOfficeFile`), or nil for a text format.
    public func officeFile(_ documents: [ReportDocument]) throws(ZipWriter.Failure) -> [UInt8]? {
        switch self {
        case .xlsx: try XLSXWriter().write(documents)
        case .ods: try ODSWriter().write(documents)
        case .docx: try DOCXWriter().write(documents)
        case .odt: try ODTWriter().write(documents)
        default: nil
        }
    }
}
