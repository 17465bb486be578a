/// Formats a monitor: targets with their progress and lights, sub-projects with theirs, and the
/// changes since an earlier monitor. `progress` shows the targets only.
public struct MonitorRenderer {
    public var locale: NumberLocale
    /// ANSI colours in the table format (only on a terminal, never with NO_COLOR).
    public var colour: Bool
    /// Include sub-projects and changes (amr monitor) or targets only (amr progress).
    public var full: Bool

    public init(locale: NumberLocale, colour: Bool = false, full: Bool = true) {
        self.locale = locale
        self.colour = colour
        self.full = full
    }

    public func render(_ report: MonitorReport, as format: OutputFormat) -> String {
        switch format {
        case .markdown: markdown(report)
        case .csv: csv(report)
        case .json: json(report).text
        case .html: MonitorHTML(renderer: self).page(report)
        default: table(report)
        }
    }

    // MARK: - Numbers

    func number(_ value: ExactDecimal?) -> String { value.map { locale.format($0) } ?? "" }

    /// A count that may be fractional on a trajectory: whole when whole, else one decimal.
    func number(_ value: Fraction?) -> String {
        guard let value else { return "" }
        return value.decimal(value.denominator == 1 ? 0 : 1).map { locale.format($0) } ?? value.description
    }

    func signed(_ value: Fraction?) -> String {
        guard let value else { return "" }
        let text = number(value)
        return value.numerator > 0 ? "+" + text : text
    }

    func percent(_ value: Fraction?) -> String {
        guard let value, let hundred = value.multiplied(by: Fraction(100)), let one = hundred.decimal(1) else { return "" }
        let whole = one.significand % 10 == 0 ? ExactDecimal(significand: one.significand / 10) : one
        return locale.format(whole) + "%"
    }

    func realised(_ progress: TargetProgress) -> String {
        guard let realised = progress.realised else { return "" }
        return "\(number(realised.value)) (\(realised.date))"
    }

    static func label(_ light: TrafficLight) -> String { light.rawValue }

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

    func ansi(_ light: TrafficLight, _ text: String) -> String {
        guard colour else { return text }
        let code: String
        switch light.colour {
        case .green: code = "32"
        case .orange: code = "33"
        case .red: code = "31"
        default: code = "90"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    func summaryLine(_ report: MonitorReport) -> String {
        report.summary(includingSubprojects: full).map { "\($0.count) \($0.light.rawValue)" }.joined(separator: " · ")
    }

    static func truncated(_ text: String, _ width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }

    // MARK: - Table

    func table(_ report: MonitorReport) -> String {
        var out = "\(report.planTitle)\n\(report.regionName), as of \(report.asOf)\n"
        out += "lights: \(summaryLine(report))\n"
        if !report.targets.isEmpty {
            out += "\nTARGETS\n"
            var table = TextTable(headers: ["light", "target", "expected", "realised", "of expected", "of target", "gap"],
                                  alignments: [.left, .left, .right, .right, .right, .right, .right])
            for progress in report.targets {
                table.append(["● " + progress.light.rawValue, Self.truncated(progress.target.name, 48), number(progress.expected),
                              realised(progress), percent(progress.performance), percent(progress.ofTarget), signed(progress.gap)])
            }
            out += colourLights(table.render(), report.targets.map(\.light))
        }
        if full && !report.subprojects.isEmpty {
            out += "\nSUB-PROJECTS\n"
            var table = TextTable(headers: ["light", "sub-project", "status", "note"], alignments: [.left, .left, .left, .left])
            for row in report.subprojects {
                let name = (row.subproject.number.map { "\($0). " } ?? "") + row.subproject.name
                table.append(["● " + row.light.rawValue, Self.truncated(name, 44), row.subproject.status?.rawValue ?? "",
                              Self.truncated((row.disagreement.map { "⚠ \($0). " } ?? "") + (row.subproject.note ?? ""), 60)])
            }
            out += colourLights(table.render(), report.subprojects.map(\.light))
        }
        if full, let changes = report.changes {
            out += "\nCHANGES SINCE \(report.previousAsOf.map(String.init(describing:)) ?? "the previous monitor")\n"
            out += changes.isEmpty ? "no lights changed\n" : changes.map { "  " + changeLine($0) + "\n" }.joined()
        }
        return out
    }

    /// Colours the light cell of each data row (the rows after the header and the rule).
    func colourLights(_ text: String, _ lights: [TrafficLight]) -> String {
        guard colour else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, light) in lights.enumerated() where index + 2 < lines.count {
            let line = lines[index + 2]
            let cell = "● " + light.rawValue
            if line.hasPrefix(cell) { lines[index + 2] = ansi(light, cell) + line.dropFirst(cell.count) }
        }
        return lines.joined(separator: "\n")
    }

    func changeLine(_ change: MonitorReport.Change, dutch: Bool = false) -> String {
        var line = "\(change.name): \(change.before?.rawValue ?? (dutch ? "nieuw" : "new")) → \(change.after?.rawValue ?? (dutch ? "vervallen" : "gone"))"
        if let before = change.realisedBefore, let now = change.realisedNow {
            let arrow = Fraction(now) > Fraction(before) ? "↑" : (Fraction(now) < Fraction(before) ? "↓" : "→")
            line += " (\(dutch ? "gerealiseerd" : "realised") \(number(before)) \(arrow) \(number(now)))"
        }
        return line
    }

    // MARK: - Markdown

    func markdown(_ report: MonitorReport) -> String {
        let e = AllocationRenderer.markdownEscaped
        var out = "## \(e(report.planTitle))\n\n\(e(report.regionName)), as of \(report.asOf). "
        out += "Lights: " + report.summary(includingSubprojects: full).map { "\(Self.symbol($0.light)) \($0.count) \($0.light.rawValue)" }.joined(separator: ", ") + ".\n"
        if !report.targets.isEmpty {
            out += "\n### Targets\n\n| light | target | expected | realised | of expected | of target | gap |\n|---|---|---:|---:|---:|---:|---:|\n"
            for p in report.targets {
                out += "| \(Self.symbol(p.light)) \(p.light.rawValue) | \(e(p.target.name)) | \(number(p.expected)) | \(realised(p)) | \(percent(p.performance)) | \(percent(p.ofTarget)) | \(signed(p.gap)) |\n"
            }
        }
        if full && !report.subprojects.isEmpty {
            out += "\n### Sub-projects\n\n| light | sub-project | status | note |\n|---|---|---|---|\n"
            for row in report.subprojects {
                let name = (row.subproject.number.map { "\($0). " } ?? "") + row.subproject.name
                let note = (row.disagreement.map { "⚠ \($0). " } ?? "") + (row.subproject.note ?? "")
                out += "| \(Self.symbol(row.light)) \(row.light.rawValue)\(row.fromStatus ? "\\*" : "") | \(e(name)) | \(row.subproject.status?.rawValue ?? "") | \(e(note)) |\n"
            }
            if report.subprojects.contains(where: \.fromStatus) { out += "\n\\* light read from the status; the plan gives no colour here\n" }
        }
        if full, let changes = report.changes {
            out += "\n### Changes since \(report.previousAsOf.map(String.init(describing:)) ?? "the previous monitor")\n\n"
            out += changes.isEmpty ? "No lights changed.\n" : changes.map { "- \(e(changeLine($0)))\n" }.joined()
        }
        return out
    }

    // MARK: - CSV

    func csv(_ report: MonitorReport) -> String {
        var writer = CSVWriter(locale: locale)
        writer.append(["kind", "id", "name", "light", "as_of", "expected", "realised", "realised_date", "of_expected_pct",
                       "of_target_pct", "gap", "target", "status", "note"].map(CSVWriter.Cell.text))
        func decimal(_ f: Fraction?, _ d: Int = 1) -> CSVWriter.Cell {
            guard let value = f?.decimal(f?.denominator == 1 ? 0 : d) else { return .empty }
            return .number(value)
        }
        func pct(_ f: Fraction?) -> CSVWriter.Cell { decimal(f.flatMap { $0.multiplied(by: Fraction(100)) }) }
        for p in report.targets {
            writer.append([.text("target"), .text(p.target.id), .text(p.target.name), .text(p.light.rawValue), .text(p.asOf.description),
                           decimal(p.expected), p.realised.map { .number($0.value) } ?? .empty,
                           p.realised.map { .text($0.date.description) } ?? .empty, pct(p.performance), pct(p.ofTarget),
                           decimal(p.gap), p.target.value.map(CSVWriter.Cell.number) ?? .empty, .empty, .text(p.reason)])
        }
        if full {
            for row in report.subprojects {
                let note = (row.disagreement.map { "⚠ \($0). " } ?? "") + (row.subproject.note ?? "")
                writer.append([.text("subproject"), .text(row.subproject.id), .text(row.subproject.name), .text(row.light.rawValue),
                               .text(report.asOf.description), .empty, .empty, .empty, .empty, .empty, .empty, .empty,
                               .text(row.subproject.status?.rawValue ?? ""), .text(note)])
            }
        }
        return writer.text
    }

    // MARK: - JSON

    func json(_ report: MonitorReport) -> JSONOutput {
        func fraction(_ f: Fraction?) -> JSONOutput {
            guard let f, let value = f.decimal(f.denominator == 1 ? 0 : 2) else { return .null }
            return .string(value.description)
        }
        func pct(_ f: Fraction?) -> JSONOutput { fraction(f.flatMap { $0.multiplied(by: Fraction(100)) }) }
        func measurement(_ m: Measurement?) -> JSONOutput {
            guard let m else { return .null }
            return .object(["date": .string(m.date.description), "value": .string(m.value.description), "kind": .string(m.kind.rawValue)])
        }
        var object: [String: JSONOutput] = [
            "plan": .string(report.planID),
            "title": .string(report.planTitle),
            "region": .string(report.regionName),
            "asOf": .string(report.asOf.description),
            "summary": .object(Dictionary(uniqueKeysWithValues: report.summary(includingSubprojects: full).map { ($0.light.rawValue, JSONOutput.number(String($0.count))) })),
            "targets": .array(report.targets.map { p in
                var t: [String: JSONOutput] = [
                    "id": .string(p.target.id), "name": .string(p.target.name), "light": .string(p.light.rawValue),
                    "reason": .string(p.reason), "expected": fraction(p.expected), "realised": measurement(p.realised),
                    "outlook": measurement(p.outlook), "ofExpectedPercent": pct(p.performance), "ofTargetPercent": pct(p.ofTarget),
                    "gap": fraction(p.gap), "target": p.target.value.map { .string($0.description) } ?? .null,
                    "direction": .string(p.target.direction.rawValue), "orangeFromPercent": .string(p.orangeFrom.description),
                ]
                if p.countedFromPlacements { t["countedFromPlacements"] = .bool(true) }
                return .object(t)
            }),
        ]
        if full {
            object["subprojects"] = .array(report.subprojects.map { row in
                var s: [String: JSONOutput] = ["id": .string(row.subproject.id), "name": .string(row.subproject.name),
                                               "light": .string(row.light.rawValue)]
                if let programme = row.subproject.programme { s["programme"] = .string(programme) }
                if let number = row.subproject.number { s["number"] = .number(String(number)) }
                if let status = row.subproject.status { s["status"] = .string(status.rawValue) }
                if let note = row.subproject.note { s["note"] = .string(note) }
                if let disagreement = row.disagreement { s["disagreement"] = .string(disagreement) }
                return .object(s)
            })
            if let changes = report.changes {
                object["previousAsOf"] = report.previousAsOf.map { .string($0.description) } ?? .null
                object["changes"] = .array(changes.map { c in
                    .object(["kind": .string(c.kind.rawValue), "id": .string(c.id), "name": .string(c.name),
                             "before": c.before.map { .string($0.rawValue) } ?? .null, "after": c.after.map { .string($0.rawValue) } ?? .null,
                             "realisedBefore": c.realisedBefore.map { .string($0.description) } ?? .null,
                             "realisedNow": c.realisedNow.map { .string($0.description) } ?? .null])
                })
            }
        }
        return .object(object)
    }
}
