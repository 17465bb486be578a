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
        var widths = table.columns.map { $0.heading.count }
        for line in rows + (total.map { [$0] } ?? []) {
            for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.text.count + (cell.light == nil ? 0 : 2)) }
        }
        return Table(headings: table.columns.map(\.heading), right: table.columns.map { $0.alignment == .right },
                     widths: widths, rows: rows, total: total)
    }

    /// Column widths in `unit`s that fill `room`, in proportion to each column's text but with
    /// long text columns cut back first, so that number columns never wrap.
    static func columnWidths(_ table: Table, room: Int, perCharacter: Int) -> [Int] {
        let natural = table.widths.map { max(4, min(50, $0)) + 2 }
        let total = natural.reduce(0, +)
        guard total > 0 else { return [] }
        if total * perCharacter <= room {
            // Spread the spare room over the columns so the table spans the page.
            return natural.map { $0 * room / total }
        }
        // Too wide: numbers and short words (a light) keep their width, long text columns share
        // what is left and wrap.
        let keeps = zip(natural, table.right).map { $1 || $0 <= 12 }
        let fixed = zip(natural, keeps).filter(\.1).map(\.0).reduce(0, +) * perCharacter
        let flexible = zip(natural, keeps).filter { !$0.1 }.map(\.0).reduce(0, +)
        if fixed < room * 3 / 4, flexible > 0 {
            let share = room - fixed
            return zip(natural, keeps).map { $1 ? $0 * perCharacter : $0 * share / flexible }
        }
        return natural.map { $0 * room / total }
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
            return table.widths.map { max(4, min(50, $0)) + 2 }.reduce(0, +) * perCharacter > portraitRoom
        }
    }
}
