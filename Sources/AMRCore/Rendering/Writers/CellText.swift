/// A document cell as plain text in a locale: what the terminal, Markdown and HTML writers show.
struct CellText {
    let locale: NumberLocale

    func text(_ cell: ReportDocument.Cell) -> String {
        switch cell {
        case .empty: ""
        case .text(let text), .strong(let text): text
        case .number(let value): locale.format(value)
        case .money(let amount, let decimals): locale.format(amount, decimals: decimals)
        case .difference(let amount, let decimals): amount.cents == 0 ? "" : locale.formatSigned(amount, decimals: decimals)
        case .signed(let value): value.significand > 0 ? "+" + locale.format(value) : locale.format(value)
        case .percent(let value): locale.format(value) + "%"
        case .date(let date): date.description
        case .light(_, let label, let derived): "● " + label + (derived ? "*" : "")
        case .dated(let value, let date): "\(locale.format(value)) (\(date))"
        }
    }

    /// Text cut to `width` characters with `…`, on one line.
    static func truncated(_ text: String, _ width: Int?) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard let width, flat.count > width else { return flat }
        return String(flat.prefix(max(0, width - 1))) + "…"
    }
}
