extension ReportDocument {
    /// The document with every text in it shown visibly (`TerminalText.visible`): what the
    /// writers for terminals and logs (table, Markdown) write, so a name from a file cannot
    /// drive the terminal or start a line of its own. Numbers, dates and lights are left alone.
    var visibleText: ReportDocument {
        let v = TerminalText.visible
        var copy = self
        copy.title = v(title)
        copy.reference = reference.map(v)
        copy.subtitle = subtitle.map(v)
        copy.facts = facts.map(\.visibleText)
        copy.sections = sections.map { section in
            var section = section
            section.heading = section.heading.map(v)
            section.name = section.name.map(v)
            section.blocks = section.blocks.map(\.visibleText)
            return section
        }
        copy.credits = credits.map(v)
        return copy
    }
}

extension ReportDocument.Fact {
    var visibleText: ReportDocument.Fact { .init(TerminalText.visible(label), TerminalText.visible(value)) }
}

extension ReportDocument.Block {
    var visibleText: ReportDocument.Block {
        let v = TerminalText.visible
        switch self {
        case .facts(let facts): return .facts(facts.map(\.visibleText))
        case .table(var table):
            table.columns = table.columns.map { column in
                var column = column
                column.heading = v(column.heading)
                return column
            }
            table.rows = table.rows.map { $0.map(\.visibleText) }
            table.total = table.total.map { $0.map(\.visibleText) }
            table.caption = table.caption.map(v)
            return .table(table)
        case .paragraph(let text): return .paragraph(v(text))
        case .list(let items): return .list(items.map(v))
        case .lights(let label, let counts):
            return .lights(v(label), counts.map { .init(light: $0.light, count: $0.count, label: v($0.label)) })
        case .chart(var chart):
            chart.title = v(chart.title)
            chart.lightLabel = v(chart.lightLabel)
            return .chart(chart)
        case .footnote(let text): return .footnote(v(text))
        }
    }
}

extension ReportDocument.Cell {
    var visibleText: ReportDocument.Cell {
        switch self {
        case .text(let text): .text(TerminalText.visible(text))
        case .strong(let text): .strong(TerminalText.visible(text))
        case .light(let light, let label, let derived): .light(light, label: TerminalText.visible(label), derived: derived)
        default: self
        }
    }
}
