/// Writes documents as GitHub-flavoured Markdown: a heading, the facts as a list, tables with
/// right-aligned numbers and a bold total row, lights as coloured symbols with their word.
/// Charts become nothing here: the table's trend column carries the compact trend.
public struct MarkdownWriter {
    public init() {}

    public func write(_ documents: [ReportDocument]) -> String {
        documents.map(write).joined(separator: "\n")
    }

    public func write(_ document: ReportDocument) -> String {
        TerminalText.guardingCommands(unguarded(document.visibleText))
    }

    func unguarded(_ document: ReportDocument) -> String {
        let e = Self.escaped
        let cells = CellText(locale: document.locale)
        var out = ""
        if !document.title.isEmpty { out += "## " + e(document.title) + "\n\n" }
        if let subtitle = document.subtitle { out += e(subtitle) + "\n\n" }
        if !document.facts.isEmpty { out += facts(document.facts) + "\n" }
        for section in document.sections {
            if let heading = section.heading { out += "### " + e(heading) + "\n\n" }
            for block in section.blocks {
                let text = render(block, cells)
                if !text.isEmpty { out += text + "\n" }
            }
        }
        if !document.credits.isEmpty { out += document.credits.map { "*" + e($0) + "*" }.joined(separator: "  \n") + "\n" }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    func facts(_ facts: [ReportDocument.Fact]) -> String {
        facts.map { "- **\(Self.escaped($0.label)):** \(Self.escaped($0.value))\n" }.joined()
    }

    func render(_ block: ReportDocument.Block, _ cells: CellText) -> String {
        switch block {
        case .facts(let list): return facts(list)
        case .table(let table): return (table.caption.map { "**\(Self.escaped($0))**\n\n" } ?? "") + render(table, cells)
        case .paragraph(let text): return Self.escaped(text) + "\n"
        case .footnote(let text): return "<small>" + Self.escaped(text) + "</small>\n"
        case .list(let items): return items.map { "- " + Self.escaped($0) + "\n" }.joined()
        case .lights(let label, let counts):
            return Self.escaped(label.prefix(1).uppercased() + label.dropFirst()) + ": "
                + counts.map { "\(Self.symbol($0.light)) \($0.count) \(Self.escaped($0.label))" }.joined(separator: ", ") + ".\n"
        case .chart: return ""
        }
    }

    func render(_ table: ReportDocument.Table, _ cells: CellText) -> String {
        var out = "| " + table.columns.map { Self.escaped($0.heading) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined() + "\n"
        func line(_ row: [ReportDocument.Cell], bold: Bool) -> String {
            let texts = table.columns.indices.map { index -> String in
                guard index < row.count else { return "" }
                let text = cell(row[index], cells)
                if bold, !text.isEmpty, case .difference = row[index] { return text }
                return bold && !text.isEmpty ? "**\(text)**" : text
            }
            return "| " + texts.joined(separator: " | ") + " |\n"
        }
        for row in table.rows { out += line(row, bold: false) }
        if let total = table.total { out += line(total, bold: true) }
        return out
    }

    func cell(_ cell: ReportDocument.Cell, _ cells: CellText) -> String {
        switch cell {
        case .light(let light, let label, let derived): "\(Self.symbol(light)) \(Self.escaped(label))\(derived ? "\\*" : "")"
        case .text(let text), .strong(let text): Self.escaped(text)
        default: cells.text(cell)
        }
    }

    static func symbol(_ light: TrafficLight) -> String {
        switch light {
        case .green: "🟢"
        case .orange: "🟠"
        case .red: "🔴"
        case .grey, .notStarted: "⚪"
        case .done: "✅"
        case .onHold: "⏸️"
        }
    }

    /// Text with Markdown's special characters escaped and line breaks flattened.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
