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
        case .date(let date): Self.date(date, locale)
        case .light(_, let label, let derived): "● " + label + (derived ? "*" : "")
        case .dated(let value, let date): "\(locale.format(value)) (\(Self.date(date, locale)))"
        case .datedPercent(let value, let date): "\(locale.format(value))% (\(Self.date(date, locale)))"
        case .signedPercent(let value): (value.significand > 0 ? "+" : "") + locale.format(value) + "%"
        }
    }

    /// A date in a table: `30-11-2020` in Dutch, `2020-11-30` in English.
    static func date(_ date: PlanDate, _ locale: NumberLocale) -> String {
        guard locale == .nl else { return date.description }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(two(date.day))-\(two(date.month))-\(date.year)"
    }

    /// Text cut to `width` characters with `…`, on one line.
    static func truncated(_ text: String, _ width: Int?) -> String {
        // Foundation's replacingOccurrences costs microseconds a call, a report of eight thousand
        // rows a noticeable part of a second: only text with a line break goes through it.
        let flat = text.utf8.contains(0x0A) ? text.replacingOccurrences(of: "\n", with: " ") : text
        guard let width, flat.count > width else { return flat }
        return String(flat.prefix(max(0, width - 1))) + "…"
    }
}
