/// Writes CSV that spreadsheets open as intended. For Dutch Excel (`nl`): `;` between fields,
/// a decimal comma and a UTF-8 byte-order mark; for `en`: `,` and `.`, no BOM. Text cells that a
/// spreadsheet would run as a formula get a leading `'`; numbers are left alone.
public struct CSVWriter {
    public let locale: NumberLocale
    private var lines: [String] = []

    public init(locale: NumberLocale) { self.locale = locale }

    var separator: String { locale == .nl ? ";" : "," }

    /// One row of cells.
    public mutating func append(_ cells: [Cell]) {
        lines.append(cells.map(render).joined(separator: separator))
    }

    /// The document, rows ended by CRLF as RFC 4180 says.
    public var text: String {
        (locale == .nl ? "\u{FEFF}" : "") + lines.map { $0 + "\r\n" }.joined()
    }

    /// A cell: text, or an exact number written in the locale's notation without grouping.
    public enum Cell: Sendable {
        case text(String)
        case number(ExactDecimal)
        case empty
    }

    func render(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let value): return locale.format(value, grouping: false)
        case .text(let text): return Self.quoteIfNeeded(Self.neutralised(text), separator: separator)
        }
    }

    /// Text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab, CR, NUL first)
    /// gets a leading `'` (OWASP's advice for CSV injection).
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        let dangerous: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{0}"]
        return dangerous.contains(first) ? "'" + text : text
    }

    static func quoteIfNeeded(_ text: String, separator: String) -> String {
        let separatorByte = separator.utf8.first ?? UInt8(ascii: ",")
        let needsQuotes = text.utf8.contains { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
            // Quoted, a name such as `::error::x` cannot begin a GitHub workflow command when
            // the CSV is printed into a CI log; the value is the same.
            || text.utf8.first == UInt8(ascii: ":")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
