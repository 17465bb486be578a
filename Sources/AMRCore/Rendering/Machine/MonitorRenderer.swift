/// Formats a monitor: targets with their progress and lights, sub-projects with theirs, and the
/// changes since an earlier monitor. `progress` shows the targets only.
public struct MonitorRenderer {
    public var locale: NumberLocale
    /// ANSI colours in the table format (only on a terminal, never with NO_COLOR).
    public var colour: Bool
    /// Include sub-projects and changes (amr monitor) or targets only (amr progress).
    public var full: Bool
    /// The terminal's width for the table format, when known; `wide` cuts nothing.
    public var width: Int?
    public var wide: Bool

    public init(locale: NumberLocale, colour: Bool = false, full: Bool = true, width: Int? = nil, wide: Bool = false) {
        self.locale = locale
        self.colour = colour
        self.full = full
        self.width = width
        self.wide = wide
    }

    public func render(_ report: MonitorReport, as format: OutputFormat) -> String {
        switch format {
        case .csv: csv(report)
        case .json: json(report).text
        case .markdown: MarkdownWriter().write(document(report))
        case .html: HTMLWriter().write([document(report)])
        default: TextWriter(colour: colour, width: width, wide: wide).write(document(report))
        }
    }

    /// The report as a document in the locale's language.
    public func document(_ report: MonitorReport) -> ReportDocument {
        MonitorDocument.build(report, locale: locale, full: full)
    }

    // MARK: - CSV

    /// With `--previous`, three columns more on every line: the previous light, the change
    /// (`better`, `worse`, `same`, `changed` or `new`) and the trend of the realised value.
    func csv(_ report: MonitorReport) -> String {
        var writer = CSVWriter(locale: locale)
        let compared = report.changes != nil
        writer.append((["kind", "id", "name", "light", "as_of", "expected", "realised", "realised_date", "of_expected_pct",
                        "of_target_pct", "gap", "target", "status", "note"] + (compared ? ["previous_light", "change", "trend"] : []))
            .map(CSVWriter.Cell.text))
        func comparison(_ key: String, light: TrafficLight?, realised: ExactDecimal?) -> [CSVWriter.Cell] {
            guard compared else { return [] }
            let before = report.previousLights[key]
            var trend = CSVWriter.Cell.empty
            if let now = realised, let earlier = report.previousRealised[key],
               let difference = Fraction(now).subtracting(Fraction(earlier)),
               let value = difference.decimal(max(now.scale, earlier.scale)) {
                trend = .number(value)
            }
            return [before.map { .text($0.rawValue) } ?? .empty, .text(Self.change(from: before, to: light)), trend]
        }
        func decimal(_ f: Fraction?, _ d: Int = 1) -> CSVWriter.Cell {
            guard let value = f?.decimal(f?.denominator == 1 ? 0 : d) else { return .empty }
            return .number(value)
        }
        func pct(_ f: Fraction?) -> CSVWriter.Cell { decimal(f.flatMap { $0.multiplied(by: Fraction(100)) }) }
        for p in report.targets {
            writer.append([.text("target"), .text(p.target.id), .text(p.target.name), .text(p.light.rawValue), .text(p.asOf.description),
                           decimal(p.expected), p.realised.map { .number($0.value) } ?? .empty,
                           p.realised.map { .text($0.date.description) } ?? .empty, pct(p.ofExpected), pct(p.ofTarget),
                           decimal(p.gap), p.target.value.map(CSVWriter.Cell.number) ?? .empty, .empty, .text(p.reason)]
                          + comparison("target/" + p.target.id, light: p.light, realised: p.realised?.value))
        }
        // Table cells in long form: one line per stated number (id: table/column, name: row).
        for table in report.tables {
            let rows = table.rows.map { ($0.name, $0.cells) } + (table.totals.map { [(table.totalLabel ?? "total", $0)] } ?? [])
            for (name, cells) in rows {
                for (column, value) in zip(table.columns, cells) {
                    guard let value else { continue }
                    writer.append([.text("table"), .text("\(table.id)/\(column.id)"), .text(name), .empty,
                                   .text(table.date?.description ?? ""), .empty, .number(value), .empty, .empty, .empty, .empty, .empty, .empty,
                                   .text(column.title)] + (compared ? [.empty, .empty, .empty] : []))
                }
            }
        }
        if full {
            for row in report.subprojects {
                let note = (row.disagreement.map { "⚠ \($0). " } ?? "") + (row.subproject.note ?? "")
                writer.append([.text("subproject"), .text(row.subproject.id), .text(row.subproject.name), .text(row.light.rawValue),
                               .text(report.asOf.description), .empty, .empty, .empty, .empty, .empty, .empty, .empty,
                               .text(row.subproject.status?.rawValue ?? ""), .text(note)]
                              + comparison("subproject/" + row.subproject.id, light: row.light, realised: nil))
            }
        }
        return writer.text
    }

    /// How a line's light moved: `better`/`worse` between red, orange and green, `same`,
    /// `new` for a line the previous monitor did not have, else `changed`.
    static func change(from before: TrafficLight?, to after: TrafficLight?) -> String {
        guard let before else { return "new" }
        guard let after else { return "gone" }
        if before == after { return "same" }
        let ranked: [TrafficLight] = [.red, .orange, .green]
        guard let a = ranked.firstIndex(of: before.colour), let b = ranked.firstIndex(of: after.colour), a != b else { return "changed" }
        return b > a ? "better" : "worse"
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
                    "outlook": measurement(p.outlook), "ofExpectedPercent": pct(p.ofExpected), "ofTargetPercent": pct(p.ofTarget),
                    "gap": fraction(p.gap), "target": p.target.value.map { .string($0.description) } ?? .null,
                    "direction": .string(p.target.direction.rawValue), "orangeFromPercent": .string(p.orangeFrom.description),
                ]
                if p.countedFromPlacements { t["countedFromPlacements"] = .bool(true) }
                return .object(t)
            }),
        ]
        if !report.tables.isEmpty {
            object["tables"] = .array(report.tables.map { table in
                func values(_ cells: [ExactDecimal?]) -> JSONOutput {
                    .object(Dictionary(uniqueKeysWithValues: zip(table.columns, cells).compactMap { column, value in
                        value.map { (column.id, JSONOutput.string($0.description)) }
                    }))
                }
                var t: [String: JSONOutput] = [
                    "id": .string(table.id), "name": .string(table.title),
                    "columns": .array(table.columns.map { .object(["id": .string($0.id), "name": .string($0.title), "percentage": .bool($0.isPercentage)]) }),
                    "rows": .array(table.rows.map { .object(["name": .string($0.name), "values": values($0.cells)]) }),
                ]
                if let date = table.date { t["date"] = .string(date.description) }
                if let totals = table.totals { t["totals"] = values(totals) }
                return .object(t)
            })
        }
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
