/// The monitor as one self-contained HTML page for a meeting: inline CSS and SVG, no scripts,
/// fonts or addresses elsewhere; prints on A4. Headings follow the locale (Dutch by default).
struct MonitorHTML {
    let renderer: MonitorRenderer

    var dutch: Bool { renderer.locale == .nl }

    func t(_ nl: String, _ en: String) -> String { dutch ? nl : en }

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

    static func cssClass(_ light: TrafficLight) -> String {
        switch light.colour {
        case .green: "green"
        case .orange: "orange"
        case .red: "red"
        default: "grey"
        }
    }

    func page(_ report: MonitorReport) -> String {
        let e = Self.escaped
        var out = """
        <!DOCTYPE html>
        <html lang="\(dutch ? "nl" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(report.planTitle))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <header>
        <h1>\(e(report.planTitle))</h1>
        <p class="meta">\(e(report.regionName)) · \(t("stand per", "as of")) \(report.asOf)</p>
        </header>

        """
        out += "<section class=\"summary\" aria-label=\"\(t("Samenvatting", "Summary"))\">\n"
        for entry in report.summary(includingSubprojects: renderer.full) {
            out += "<span class=\"pill \(Self.cssClass(entry.light))\"><b>\(entry.count)</b> \(e(entry.light.rawValue))</span>\n"
        }
        out += "</section>\n"
        if !report.targets.isEmpty {
            out += "<section>\n<h2>\(t("Doelen", "Targets"))</h2>\n"
            out += "<p class=\"legend\"><span class=\"key realised\"></span> \(t("gerealiseerd", "realised")) <span class=\"key expected\"></span> \(t("verwacht op", "expected on")) \(report.asOf) <span class=\"key target\"></span> \(t("doel", "target"))</p>\n"
            for progress in report.targets { out += target(progress) }
            out += "</section>\n"
        }
        if renderer.full && !report.subprojects.isEmpty {
            out += "<section>\n<h2>\(t("Deelprojecten", "Sub-projects"))</h2>\n"
            let groups = Dictionary(grouping: report.subprojects) { $0.subproject.programme ?? "" }
            let order = report.programmes.map(\.id).filter { groups[$0] != nil } + (groups[""] != nil ? [""] : [])
            for programme in order {
                let name = report.programmes.first { $0.id == programme }?.name
                if let name { out += "<h3>\(e(name))</h3>\n" }
                out += "<table>\n<thead><tr><th class=\"light\">\(t("Licht", "Light"))</th><th class=\"num\">#</th><th>\(t("Deelproject", "Sub-project"))</th><th>\(t("Status", "Status"))</th><th>\(t("Toelichting", "Note"))</th></tr></thead>\n<tbody>\n"
                for row in groups[programme] ?? [] {
                    let status = row.subproject.status?.rawValue.replacingOccurrences(of: "-", with: " ") ?? ""
                    var note = e(row.subproject.note ?? "")
                    if let conflict = row.conflict { note = "<span class=\"warn\">⚠ \(e(conflict.words(dutch: dutch)))</span> " + note }
                    let derived = row.fromStatus ? "<sup class=\"derived\">*</sup>" : ""
                    out += "<tr><td class=\"light\"><span class=\"dot \(Self.cssClass(row.light))\"></span>\(e(row.light.rawValue))\(derived)</td><td class=\"num\">\(row.subproject.number.map(String.init) ?? "")</td><td>\(e(row.subproject.name))</td><td>\(e(status))</td><td class=\"note\">\(note)</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            if report.subprojects.contains(where: \.fromStatus) {
                out += "<p class=\"footnote\">* \(t("licht afgeleid uit de status; het plan geeft hier geen kleur", "light read from the status; the plan gives no colour here"))</p>\n"
            }
            out += "</section>\n"
        }
        if renderer.full, let changes = report.changes {
            out += "<section>\n<h2>\(t("Veranderingen sinds", "Changes since")) \(report.previousAsOf.map(String.init(describing:)) ?? t("de vorige monitor", "the previous monitor"))</h2>\n"
            if changes.isEmpty {
                out += "<p>\(t("Geen lichten veranderd.", "No lights changed."))</p>\n"
            } else {
                out += "<ul class=\"changes\">\n" + changes.map { "<li>\(e(renderer.changeLine($0, dutch: dutch)))</li>\n" }.joined() + "</ul>\n"
            }
            out += "</section>\n"
        }
        out += "<footer>\(t("Gemaakt met amr", "Made with amr")) · \(e(report.planID))</footer>\n</body>\n</html>\n"
        return out
    }

    func target(_ p: TargetProgress) -> String {
        let e = Self.escaped
        var out = "<div class=\"target\">\n<div class=\"head\"><span class=\"dot \(Self.cssClass(p.light))\"></span><span class=\"name\">\(e(p.target.name))</span><span class=\"light-label\">\(e(p.light.rawValue))</span></div>\n"
        out += bar(p)
        var figures: [String] = []
        if let realised = p.realised {
            figures.append("\(t("gerealiseerd", "realised")) <b>\(renderer.number(realised.value))</b> (\(realised.date))")
        } else {
            figures.append(t("nog geen meting", "no measurement yet"))
        }
        if let expected = p.expected { figures.append("\(t("verwacht", "expected")) \(renderer.number(expected))") }
        if let value = p.target.value {
            figures.append("\(t("doel", "target")) \(renderer.number(value))\(p.target.date.map { " (\($0))" } ?? "")")
        }
        if p.performance != nil { figures.append("\(renderer.percent(p.performance)) \(t("van verwacht", "of expected"))") }
        if p.gap != nil { figures.append("\(t("verschil", "gap")) \(renderer.signed(p.gap))") }
        out += "<p class=\"figures\">" + figures.joined(separator: " · ") + "</p>\n"
        var notes: [String] = [e(p.why.words(dutch: dutch))]
        if let outlook = p.outlook {
            notes.append("\(t("indicatie", "outlook")) \(renderer.number(outlook.value)) (\(outlook.date)\(outlook.source.map { ", " + e($0) } ?? ""))")
        }
        if p.target.indicative { notes.append(t("indicatief, geen taakstelling", "indicative, not binding")) }
        if !p.target.parts.isEmpty {
            notes.append(p.target.parts.map { "\(e($0.name ?? $0.id)) \(renderer.number($0.value))" }.joined(separator: " + "))
        }
        if p.target.direction == .lower { notes.append(t("lager is beter", "lower is better")) }
        out += "<p class=\"reason\">" + notes.joined(separator: " · ") + "</p>\n</div>\n"
        return out
    }

    /// A bar: realised against the expected value (a dark mark) and the target (the end tick).
    func bar(_ p: TargetProgress) -> String {
        guard p.realised != nil, p.target.value != nil else { return "" }
        let width = 600
        let candidates = [p.target.value.map(Fraction.init), p.realised.map { Fraction($0.value) }, p.expected].compactMap { $0 }
        guard let top = candidates.max(), top > .zero else { return "" }
        let scale = top.multiplied(by: Fraction(21, 20)) ?? top
        func x(_ value: Fraction?) -> Int? {
            guard let value, let f = value.divided(by: scale).flatMap({ $0.multiplied(by: Fraction(Int128(width))) }) else { return nil }
            return Int(clamping: max(0, min(Int128(width), f.rounded)))
        }
        var svg = "<svg class=\"bar\" viewBox=\"0 0 \(width) 28\" width=\"100%\" height=\"28\" role=\"img\" aria-label=\"\(Self.escaped(p.target.name))\">"
        svg += "<rect x=\"0\" y=\"6\" width=\"\(width)\" height=\"16\" rx=\"3\" class=\"track\"/>"
        if let realised = x(p.realised.map { Fraction($0.value) }) {
            svg += "<rect x=\"0\" y=\"6\" width=\"\(realised)\" height=\"16\" rx=\"3\" class=\"fill \(Self.cssClass(p.light))\"/>"
        }
        if let target = x(p.target.value.map(Fraction.init)) {
            svg += "<rect x=\"\(max(0, target - 2))\" y=\"2\" width=\"3\" height=\"24\" class=\"target-mark\"/>"
        }
        if let expected = x(p.expected) {
            svg += "<rect x=\"\(max(0, expected - 1))\" y=\"0\" width=\"2\" height=\"28\" class=\"expected-mark\"/>"
        }
        return svg + "</svg>\n"
    }

    static let css = """

    @page { size: A4; margin: 14mm; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d2329; margin: 0 auto; max-width: 60rem; padding: 1.5rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    header { border-bottom: 3px solid #1d2329; margin-bottom: 1rem; }
    h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid #c8ced4; padding-bottom: .2rem; }
    h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
    .meta { color: #56606a; margin: 0 0 .6rem; }
    .summary { display: flex; flex-wrap: wrap; gap: .5rem; }
    .pill { border-radius: 1rem; padding: .2rem .75rem; border: 1px solid; font-size: .95rem; }
    .pill.green { background: #e3f4e8; border-color: #2e8b47; }
    .pill.orange { background: #fdf0dd; border-color: #d9822b; }
    .pill.red { background: #fbe4e4; border-color: #c93c37; }
    .pill.grey { background: #eef0f2; border-color: #8a939c; }
    .legend { color: #56606a; font-size: .85rem; }
    .key { display: inline-block; width: .9rem; height: .7rem; vertical-align: middle; margin-left: .6rem; }
    .key.realised { background: #2e8b47; }
    .key.expected { width: 2px; height: .9rem; background: #1d2329; }
    .key.target { width: 3px; height: .9rem; background: #8a939c; }
    .target { break-inside: avoid; padding: .5rem 0 .6rem; border-bottom: 1px solid #eef0f2; }
    .head { display: flex; align-items: center; gap: .5rem; font-weight: 600; }
    .head .name { flex: 1; }
    .light-label { font-weight: normal; color: #56606a; }
    .dot { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .35rem; vertical-align: -1px; flex: none; }
    .dot.green, .fill.green { background: #2e8b47; fill: #2e8b47; }
    .dot.orange, .fill.orange { background: #d9822b; fill: #d9822b; }
    .dot.red, .fill.red { background: #c93c37; fill: #c93c37; }
    .dot.grey, .fill.grey { background: #8a939c; fill: #8a939c; }
    .bar { display: block; max-width: 600px; margin: .3rem 0; }
    .track { fill: #eef0f2; }
    .expected-mark { fill: #1d2329; }
    .target-mark { fill: #8a939c; }
    .figures { margin: .1rem 0; }
    .reason { margin: 0; color: #56606a; font-size: .85rem; }
    table { border-collapse: collapse; width: 100%; font-size: .88rem; }
    th, td { text-align: left; vertical-align: top; padding: .35rem .45rem; border-bottom: 1px solid #e1e5e9; }
    th { background: #f4f6f8; font-weight: 600; }
    td.light { white-space: nowrap; }
    .num { text-align: right; width: 2rem; }
    tr { break-inside: avoid; }
    .warn { color: #a5521a; font-weight: 600; }
    .derived { color: #56606a; margin-left: .1rem; }
    .footnote { color: #56606a; font-size: .8rem; margin: .4rem 0 0; }
    .changes li { margin: .2rem 0; }
    footer { margin-top: 2rem; color: #8a939c; font-size: .8rem; }
    @media print { body { padding: 0; font-size: 11pt; } h2 { break-after: avoid; } }

    """
}
