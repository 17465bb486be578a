/// A report document as a flow of paragraphs and tables, the shape a word processor wants: what
/// the Word (.docx) and OpenDocument text (.odt) writers share, so that both show the same words
/// and the same cell text as the Markdown and HTML reports (see `CellText`).
struct TextDocumentLayout {
    enum Item: Equatable {
        case title(String)
        case subtitle(String)
        case heading(String)
        /// A table's own heading (a programme's name).
        case caption(String)
        case fact(label: String, value: String)
        case paragraph(String)
        case small(String)
        case bullet(String)
        case table(Table)
        case credit(String)
    }

    struct Table: Equatable {
        var headings: [String]
        var right: [Bool]
        /// The longest text in each column, in characters, for the column widths.
        var widths: [Int]
        /// The longest word in each column: below it a number would break inside itself.
        var words: [Int]
        var rows: [[Cell]]
        var total: [Cell]?
    }

    struct Cell: Equatable {
        var text: String
        var bold = false
        /// The colour of the light before the text, if the cell is a light.
        var light: TrafficLight?
    }

    let items: [Item]
    /// A language tag for the document (`nl-NL`, `en-GB`).
    let language: String

    init(_ documents: [ReportDocument]) {
        var items: [Item] = []
        for document in documents {
            let cells = CellText(locale: document.locale)
            if !document.title.isEmpty { items.append(.title(document.title)) }
            if let subtitle = document.subtitle { items.append(.subtitle(subtitle)) }
            for fact in document.facts { items.append(.fact(label: fact.label, value: fact.value)) }
            for section in document.sections {
                if let heading = section.heading { items.append(.heading(heading)) }
                for block in section.blocks {
                    switch block {
                    case .facts(let facts): items += facts.map { .fact(label: $0.label, value: $0.value) }
                    case .table(let table):
                        if let caption = table.caption { items.append(.caption(caption)) }
                        items.append(.table(Self.table(table, cells)))
                    case .paragraph(let text): items.append(.paragraph(text))
                    case .footnote(let text): items.append(.small(text))
                    case .list(let list): items += list.map { .bullet($0) }
                    case .lights(let label, let counts):
                        let text = label.prefix(1).uppercased() + label.dropFirst() + ": "
                            + counts.map { "\($0.count) \($0.label)" }.joined(separator: ", ") + "."
                        items.append(.paragraph(text))
                    case .chart: break
                    }
                }
            }
            items += document.credits.map { .credit($0) }
        }
        self.items = items
        language = documents.first?.locale == .en ? "en-GB" : "nl-NL"
    }

    static func table(_ table: ReportDocument.Table, _ cells: CellText) -> Table {
        let count = table.columns.count
        func row(_ source: [ReportDocument.Cell], bold: Bool) -> [Cell] {
            (0..<count).map { index in
                guard index < source.count else { return Cell(text: "") }
                let cell = source[index]
                switch cell {
                case .light(let light, let label, let derived):
                    return Cell(text: label + (derived ? "*" : ""), bold: bold, light: light.colour)
                case .strong(let text): return Cell(text: text, bold: true)
                default: return Cell(text: cells.text(cell), bold: bold)
                }
            }
        }
        let rows = table.rows.map { row($0, bold: false) }
        let total = table.total.map { row($0, bold: true) }
        // A heading may wrap between its words, but not within one; bold letters are wider.
        var widths = table.columns.map { column in
            (column.heading.split(separator: " ").map(\.count).max() ?? 0) * 13 / 10 + 1
        }
        for line in rows + (total.map { [$0] } ?? []) {
            for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.text.count + (cell.light == nil ? 0 : 2)) }
        }
        var words = widths.map { _ in 0 }
        for line in rows + (total.map { [$0] } ?? []) {
            for (index, cell) in line.enumerated() {
                words[index] = max(words[index], (cell.text.split(separator: " ").map(\.count).max() ?? 0) + (cell.light == nil ? 0 : 2))
            }
        }
        return Table(headings: table.columns.map(\.heading), right: table.columns.map { $0.alignment == .right },
                     widths: widths, words: words, rows: rows, total: total)
    }

    /// Column widths in `unit`s that fill `room`, in proportion to each column's text; when the
    /// table is too wide the longest columns are cut back first (to a common cap, where their text
    /// wraps), so that numbers and short words such as a light's never wrap.
    static func columnWidths(_ table: Table, room: Int, perCharacter: Int) -> [Int] {
        let natural = table.widths.map { max(4, min(50, $0)) + 3 }
        guard !natural.isEmpty else { return [] }
        // Text columns are cut back first (down to 10 characters), numbers only if that is not enough.
        func capped(_ cap: Int, numbersToo: Bool) -> [Int] {
            natural.indices.map { index in
                table.right[index] ? (numbersToo ? max(min(natural[index], cap), min(natural[index], table.words[index] + 3)) : natural[index])
                    : min(natural[index], cap)
            }
        }
        var cap = natural.max() ?? 0
        var numbersToo = false
        while cap > 6, capped(cap, numbersToo: numbersToo).reduce(0, +) * perCharacter > room {
            if cap <= 8 && !numbersToo {
                numbersToo = true
                cap = natural.max() ?? 0
            } else {
                cap -= 1
            }
        }
        let widths = capped(cap, numbersToo: numbersToo)
        let used = widths.reduce(0, +) * perCharacter
        guard used < room else { return widths.map { $0 * room / max(1, widths.reduce(0, +)) } }
        // Spread what is left so the table spans the page: over the columns that were cut back,
        // else over all.
        let cut = zip(natural, widths).map { $0 > $1 }
        let receivers = cut.contains(true) ? cut : cut.map { _ in true }
        let weight = zip(natural, receivers).filter(\.1).map(\.0).reduce(0, +)
        var result = zip(widths, zip(natural, receivers)).map { width, pair in
            width * perCharacter + (pair.1 ? (room - used) * pair.0 / max(1, weight) : 0)
        }
        if let last = result.indices.last { result[last] += room - result.reduce(0, +) }
        return result
    }

    /// The RGB colour of a light's dot.
    static func colour(_ light: TrafficLight) -> String {
        switch light {
        case .green: "2E7D32"
        case .orange: "EF6C00"
        case .red: "C62828"
        default: "9E9E9E"
        }
    }

    /// True when some table is too wide for a portrait page at `perCharacter` units a character.
    func wantsLandscape(portraitRoom: Int, perCharacter: Int) -> Bool {
        items.contains { item in
            guard case .table(let table) = item else { return false }
            return table.widths.map { max(4, min(50, $0)) + 3 }.reduce(0, +) * perCharacter > portraitRoom
        }
    }
}
