/// The output formats amr writes; each command accepts a subset.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, markdown, csv, json, html, text, github, xlsx, sarif, junit

    /// The format a file name asks for by its extension (`verdeling.xlsx`), if any.
    public static func implied(byFileName name: String) -> OutputFormat? {
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "xlsx": return .xlsx
        case "html", "htm": return .html
        case "md", "markdown": return .markdown
        case "csv": return .csv
        case "json": return .json
        default: return nil
        }
    }
}
