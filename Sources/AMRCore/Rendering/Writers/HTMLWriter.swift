/// Writes documents as one self-contained HTML page (inline CSS and SVG; no scripts, fonts or
/// addresses elsewhere) that prints on A4 and reads in black and white: every light carries its
/// word, charts use line styles rather than colour alone. Several documents (the allocations of
/// one plan) each start on a new printed page.
public struct HTMLWriter {
    public init() {}

    public func write(_ documents: [ReportDocument]) -> String {
        let first = documents.first
        let language = first?.locale == .en ? "en" : "nl"
        var out = """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Self.escaped(first?.title ?? "amr"))</title>
        <style>\(Self.css)</style>
        </head>
        <body>

        """
        for document in documents { out += article(document) }
        return out + "</body>\n</html>\n"
    }

    func article(_ document: ReportDocument) -> String {
        let e = Self.escaped
        let cells = CellText(locale: document.locale)
        var out = "<article>\n<header>\n"
        if !document.title.isEmpty { out += "<h1>\(e(document.title))</h1>\n" }
        if let subtitle = document.subtitle { out += "<p class=\"meta\">\(e(subtitle))</p>\n" }
        out += "</header>\n"
        if !document.facts.isEmpty { out += facts(document.facts) }
        for section in document.sections {
            out += "<section>\n"
            if let heading = section.heading { out += "<h2>\(e(heading))</h2>\n" }
            var charts: [ReportDocument.TrendChart] = []
            for block in section.blocks {
                if case .chart(let chart) = block {
                    charts.append(chart)
                    continue
                }
                if !charts.isEmpty {
                    out += chartGrid(charts, document.locale)
                    charts = []
                }
                out += render(block, cells)
            }
            if !charts.isEmpty { out += chartGrid(charts, document.locale) }
            out += "</section>\n"
        }
        out += "<footer>" + (document.credits + [Wording.of(document.locale).madeWith]).map(e).joined(separator: "<br>\n") + "</footer>\n"
        return out + "</article>\n"
    }

    func facts(_ facts: [ReportDocument.Fact]) -> String {
        "<dl class=\"facts\">\n" + facts.map { "<dt>\(Self.escaped($0.label))</dt><dd>\(Self.escaped($0.value))</dd>\n" }.joined() + "</dl>\n"
    }

    func render(_ block: ReportDocument.Block, _ cells: CellText) -> String {
        let e = Self.escaped
        switch block {
        case .facts(let list): return facts(list)
        case .table(let table): return render(table, cells)
        case .paragraph(let text): return "<p>\(e(text))</p>\n"
        case .footnote(let text): return "<p class=\"footnote\">\(e(text))</p>\n"
        case .list(let items): return "<ul class=\"changes\">\n" + items.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        case .lights(let label, let counts):
            return "<p class=\"summary\" aria-label=\"\(e(label))\">" + counts.map {
                "<span class=\"pill \(Self.cssClass($0.light))\"><b>\($0.count)</b> \(e($0.label))</span>"
            }.joined(separator: " ") + "</p>\n"
        case .chart: return ""
        }
    }

    func render(_ table: ReportDocument.Table, _ cells: CellText) -> String {
        var out = table.caption.map { "<h3>\(Self.escaped($0))</h3>\n" } ?? ""
        out += "<table>\n<thead><tr>"
        for column in table.columns {
            out += "<th\(column.alignment == .right ? " class=\"num\"" : "")>\(Self.escaped(column.heading))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        func row(_ row: [ReportDocument.Cell]) -> String {
            var out = "<tr>"
            for (index, column) in table.columns.enumerated() {
                let cell = index < row.count ? row[index] : .empty
                var classes: [String] = []
                if column.alignment == .right { classes.append("num") }
                if case .light = cell { classes.append("light") }
                if column.detail { classes.append("detail") }
                out += "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(html(cell, cells))</td>"
            }
            return out + "</tr>\n"
        }
        for cells in table.rows { out += row(cells) }
        out += "</tbody>\n"
        if let total = table.total { out += "<tfoot>\n" + row(total) + "</tfoot>\n" }
        return out + "</table>\n"
    }

    func html(_ cell: ReportDocument.Cell, _ cells: CellText) -> String {
        switch cell {
        case .light(let light, let label, let derived):
            "<span class=\"dot \(Self.cssClass(light))\"></span>\(Self.escaped(label))\(derived ? "<sup class=\"derived\">*</sup>" : "")"
        case .strong(let text): "<b>\(Self.escaped(text))</b>"
        case .text(let text) where text.hasPrefix("⚠ "):
            "<span class=\"warn\">⚠</span> " + Self.escaped(String(text.dropFirst(2)))
        default: Self.escaped(cells.text(cell))
        }
    }

    func chartGrid(_ charts: [ReportDocument.TrendChart], _ locale: NumberLocale) -> String {
        var out = "<div class=\"charts\">\n"
        for chart in charts {
            let e = Self.escaped
            out += "<figure>\n<figcaption><span class=\"dot \(Self.cssClass(chart.light))\"></span><b>\(e(chart.title))</b> · \(e(chart.lightLabel))</figcaption>\n"
            out += TrendChartSVG(chart: chart, locale: locale).svg + "\n"
            out += "<p class=\"legend\"><span class=\"key realised\"></span>\(e(chart.labels.realised)) <span class=\"key expected\"></span>\(e(chart.labels.expected))"
            if chart.target != nil { out += " <span class=\"key target\">◇</span>\(e(chart.labels.target))" }
            out += "</p>\n</figure>\n"
        }
        return out + "</div>\n"
    }

    static func cssClass(_ light: TrafficLight) -> String {
        switch light.colour {
        case .green: "green"
        case .orange: "orange"
        case .red: "red"
        default: "grey"
        }
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let css = """

    @page { size: A4; margin: 14mm; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d2329; margin: 0 auto; max-width: 60rem; padding: 1.5rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    article + article { break-before: page; margin-top: 3rem; }
    header { border-bottom: 3px solid #1d2329; margin-bottom: 1rem; }
    h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid #c8ced4; padding-bottom: .2rem; break-after: avoid; }
    h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; break-after: avoid; }
    .meta { color: #56606a; margin: 0 0 .6rem; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
    dl.facts dt { color: #56606a; }
    dl.facts dd { margin: 0; }
    .summary { display: flex; flex-wrap: wrap; gap: .5rem; }
    .pill { border-radius: 1rem; padding: .2rem .75rem; border: 1px solid; font-size: .95rem; }
    .pill.green { background: #e3f4e8; border-color: #2e8b47; }
    .pill.orange { background: #fdf0dd; border-color: #d9822b; }
    .pill.red { background: #fbe4e4; border-color: #c93c37; }
    .pill.grey { background: #eef0f2; border-color: #8a939c; }
    .dot { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .35rem; vertical-align: -1px; border: 1px solid #1d2329; }
    .dot.green { background: #2e8b47; }
    .dot.orange { background: #d9822b; }
    .dot.red { background: #c93c37; }
    .dot.grey { background: #fff; }
    table { border-collapse: collapse; width: 100%; font-size: .88rem; margin-bottom: .6rem; }
    th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid #e1e5e9; }
    th { background: #f4f6f8; font-weight: 600; }
    th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.light { white-space: nowrap; }
    td.detail { color: #56606a; font-size: .82rem; }
    tfoot td { font-weight: 600; border-top: 2px solid #1d2329; border-bottom: none; }
    tr { break-inside: avoid; }
    .warn { color: #a5521a; font-weight: 600; }
    .derived { color: #56606a; margin-left: .1rem; }
    .footnote { color: #56606a; font-size: .8rem; margin: .4rem 0 0; }
    .changes li { margin: .2rem 0; }
    .charts { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem 1.4rem; margin-top: .8rem; }
    figure { margin: 0; break-inside: avoid; }
    figcaption { font-size: .85rem; margin-bottom: .2rem; }
    svg.trend { display: block; max-width: 340px; }
    svg.trend text { font: 10px sans-serif; fill: #1d2329; }
    svg.trend .tick { fill: #56606a; }
    svg.trend .grid { stroke: #e1e5e9; stroke-width: 1; }
    svg.trend .axis { stroke: #56606a; stroke-width: 1; }
    svg.trend .asof { stroke: #1d2329; stroke-width: 1; stroke-dasharray: 1 3; }
    svg.trend .expected { fill: none; stroke: #56606a; stroke-width: 1.5; stroke-dasharray: 5 4; }
    svg.trend .realised { fill: none; stroke: #1d2329; stroke-width: 2.5; }
    svg.trend .realised-dot { fill: #1d2329; }
    svg.trend .target { fill: #fff; stroke: #1d2329; stroke-width: 1.5; }
    .legend { color: #56606a; font-size: .78rem; margin: .1rem 0 0; }
    .key { display: inline-block; width: 1.4rem; height: 0; vertical-align: middle; margin: 0 .3rem 0 .6rem; }
    .key.realised { border-top: 2.5px solid #1d2329; margin-left: 0; }
    .key.expected { border-top: 1.5px dashed #56606a; }
    .key.target { width: auto; height: auto; border: none; font-size: .9rem; }
    footer { margin-top: 2rem; color: #8a939c; font-size: .8rem; }
    @media print { body { padding: 0; font-size: 10.5pt; max-width: none; } }

    """
}
