/// Writes documents for a terminal: the title and facts, then each section with its heading in
/// capitals and its tables padded to their widest cell, numbers right-aligned, a rule before
/// the total row. Lights are coloured only when `colour` is set (a terminal without NO_COLOR).
///
/// Long texts: with `wide` nothing is cut; with a known `width` (the terminal's) a table is cut
/// only when it does not fit, widest text column first; without one, each column's
/// `terminalWidth` caps it.
public struct TextWriter {
    public var colour: Bool
    /// The terminal's width in columns, when known.
    public var width: Int?
    /// Show every text whole, however wide the table.
    public var wide: Bool

    public init(colour: Bool = false, width: Int? = nil, wide: Bool = false) {
        self.colour = colour
        self.width = width
        self.wide = wide
    }

    public func write(_ documents: [ReportDocument]) -> String {
        documents.map(write).joined(separator: "\n")
    }

    public func write(_ document: ReportDocument) -> String {
        TerminalText.guardingCommands(unguarded(document.visibleText))
    }

    func unguarded(_ document: ReportDocument) -> String {
        let cells = CellText(locale: document.locale)
        var out = ""
        if !document.title.isEmpty { out += document.title + (document.reference.map { "  [\($0)]" } ?? "") + "\n" }
        if let subtitle = document.subtitle { out += subtitle + "\n" }
        out += facts(document.facts)
        var first = out.isEmpty
        for section in document.sections {
            if !first { out += "\n" }
            first = false
            if let heading = section.heading { out += heading.uppercased() + "\n" }
            var previous: ReportDocument.Block?
            for block in section.blocks {
                if case .chart = block { continue }
                if let previous, !(isProse(previous) && isProse(block)) { out += "\n" }
                out += render(block, cells)
                previous = block
            }
        }
        if !document.credits.isEmpty { out += "\n" + document.credits.map { $0 + "\n" }.joined() }
        return out
    }

    func isProse(_ block: ReportDocument.Block) -> Bool {
        switch block {
        case .paragraph, .footnote: true
        default: false
        }
    }

    func facts(_ facts: [ReportDocument.Fact]) -> String {
        let width = (facts.map(\.label.count).max() ?? 0) + 3
        return facts.map { $0.label.padding(toLength: width, withPad: " ", startingAt: 0) + $0.value + "\n" }.joined()
    }

    func render(_ block: ReportDocument.Block, _ cells: CellText) -> String {
        switch block {
        case .facts(let list): facts(list)
        case .table(let table): (table.caption.map { $0 + "\n" } ?? "") + render(table, cells)
        case .paragraph(let text), .footnote(let text): text + "\n"
        case .list(let items): items.map { "  " + $0 + "\n" }.joined()
        case .lights(let label, let counts):
            "\(label): " + counts.map { paint($0.light, "\($0.count) \($0.label)") }.joined(separator: " · ") + "\n"
        case .chart: ""
        }
    }

    func render(_ table: ReportDocument.Table, _ cells: CellText) -> String {
        let shown = table.columns.indices.filter { !table.columns[$0].detail }
        let caps = caps(table, shown: shown, cells)
        func texts(_ row: [ReportDocument.Cell]) -> [String] {
            shown.enumerated().map { position, index in
                index < row.count ? CellText.truncated(cells.text(row[index]), caps[position]) : ""
            }
        }
        let headers = shown.map { table.columns[$0].heading }
        let body = table.rows.map(texts)
        let total = table.total.map(texts)
        var widths = headers.map(\.count)
        for row in body + (total.map { [$0] } ?? []) {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        func line(_ texts: [String], lights: [ReportDocument.Cell]? = nil) -> String {
            var parts: [String] = []
            for (position, text) in texts.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[position] - text.count))
                var cell = text
                if let lights, case .light(let light, _, _) = lights[shown[position]] { cell = paint(light, text) }
                parts.append(table.columns[shown[position]].alignment == .right ? padding + cell : cell + padding)
            }
            return String(parts.joined(separator: "  ").trailingSpacesRemoved) + "\n"
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(headers) + rule
        for (index, row) in body.enumerated() {
            let source = table.rows[index]
            out += line(row, lights: source.count >= table.columns.count ? source : nil)
        }
        if let total { out += rule + line(total) }
        return out
    }

    /// The width each shown column is cut to (nil: not cut).
    func caps(_ table: ReportDocument.Table, shown: [Int], _ cells: CellText) -> [Int?] {
        if wide { return shown.map { _ in nil } }
        guard let width else { return shown.map { table.columns[$0].terminalWidth } }
        // Natural widths, uncut.
        var widths = shown.map { table.columns[$0].heading.count }
        for row in table.rows + (table.total.map { [$0] } ?? []) {
            for (position, index) in shown.enumerated() where index < row.count {
                widths[position] = max(widths[position], cells.text(row[index]).replacingOccurrences(of: "\n", with: " ").count)
            }
        }
        var caps: [Int?] = shown.map { _ in nil }
        var total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        // Cut the widest cuttable column (one with a terminalWidth) one character at a time;
        // none below 16 characters or its heading.
        while total > width {
            let candidates = shown.indices.filter { position in
                table.columns[shown[position]].terminalWidth != nil && widths[position] > max(16, table.columns[shown[position]].heading.count)
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            caps[widest] = widths[widest]
            total -= 1
        }
        return caps
    }

    func paint(_ light: TrafficLight, _ text: String) -> String {
        guard colour else { return text }
        let code = switch light.colour {
        case .green: "32"
        case .orange: "33"
        case .red: "31"
        default: "90"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension String {
    /// The text without the spaces at its end.
    var trailingSpacesRemoved: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
