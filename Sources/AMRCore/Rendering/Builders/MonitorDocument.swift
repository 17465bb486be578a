/// The monitor (or, without sub-projects and changes, the progress report) as a document: a
/// summary of lights, the targets with their trend, a chart for each target with a history, the
/// sub-projects per programme, and what changed since the previous monitor.
public enum MonitorDocument {
    public static func build(_ report: MonitorReport, locale: NumberLocale, full: Bool) -> ReportDocument {
        let w = Wording.of(locale)
        var document = ReportDocument(locale: locale, title: report.planTitle,
                                      subtitle: w.asOf(report.regionName, w.date(report.asOf)))
        let summary = report.summary(includingSubprojects: full).map {
            ReportDocument.LightCount(light: $0.light, count: $0.count, label: w.light($0.light))
        }
        if !summary.isEmpty { document.sections.append(.init(blocks: [.lights(w.lights, summary)])) }
        if !report.targets.isEmpty {
            document.sections.append(targets(report, w, locale))
        }
        if full && !report.subprojects.isEmpty {
            document.sections.append(subprojects(report, w))
        }
        if !report.tables.isEmpty {
            document.sections.append(tables(report, w, locale))
        }
        if full, let changes = report.changes {
            let since = report.previousAsOf.map(w.date)
            // A table, so that a workbook puts the changes on a sheet of their own.
            let blocks: [ReportDocument.Block] = changes.isEmpty
                ? [.paragraph(w.noChanges)]
                : [.table(changeTable(changes, report: report, w, locale))]
            document.sections.append(.init(heading: w.changesSince(since), name: ChangeWording.of(locale).sheet, blocks: blocks))
        }
        return document
    }

    // MARK: - Targets

    static func targets(_ report: MonitorReport, _ w: Wording, _ locale: NumberLocale) -> ReportDocument.Section {
        // The trend column only where some target has two measurements to compare.
        let trends = report.targets.map { trend($0, locale) }
        let showTrend = trends.contains { $0 != nil }
        var table = ReportDocument.Table(columns: [
            .init(w.lightHeading), .init(w.targetHeading, terminalWidth: 48), .init(w.expected, alignment: .right),
            .init(w.realised, alignment: .right), .init(w.ofExpected, alignment: .right), .init(w.ofTarget, alignment: .right),
            .init(w.gap, alignment: .right),
        ] + (showTrend ? [.init(w.trend, alignment: .right)] : []) + [.init(w.explanationHeading, detail: true)])
        var charts: [ReportDocument.Block] = []
        for (p, trend) in zip(report.targets, trends) {
            // A percentage target shows `%` on every number; a count of people or jobs is shown
            // whole (the exact expected value stays in JSON).
            let isPercent = isPercentage(p.target)
            table.rows.append([
                .light(p.light, label: w.light(p.light), derived: false),
                .text(p.target.name),
                isPercent ? (display(p.expected).map(ReportDocument.Cell.percent) ?? .empty) : (whole(p.expected).map(ReportDocument.Cell.number) ?? .empty),
                p.realised.map { isPercent ? .datedPercent($0.value, $0.date) : .dated($0.value, $0.date) } ?? .empty,
                percent(p.ofExpected).map(ReportDocument.Cell.percent) ?? .empty,
                percent(p.ofTarget).map(ReportDocument.Cell.percent) ?? .empty,
                isPercent ? (display(p.gap).map(ReportDocument.Cell.signedPercent) ?? .empty) : (whole(p.gap).map(ReportDocument.Cell.signed) ?? .empty),
            ] + (showTrend ? [trend.map(ReportDocument.Cell.text) ?? .empty] : []) + [.text(explanation(p, w, locale))])
            if p.history.count >= 2 { charts.append(.chart(chart(p, w))) }
        }
        return .init(heading: w.targets, name: w.targets, blocks: [.table(table)] + charts)
    }

    /// Whether a target is measured in percent (`"measure": "percent"`).
    static func isPercentage(_ target: Target) -> Bool {
        ["percent", "percentage", "%", "procent"].contains((target.measure ?? "").lowercased())
    }

    /// A count of people or jobs as a person reads it: whole, rounded half away from zero
    /// (19.755,6 expected people are 19.756).
    static func whole(_ value: Fraction?) -> ExactDecimal? {
        value?.decimal(0)
    }

    /// A value that may be fractional on a trajectory: whole when whole, else one decimal.
    static func display(_ value: Fraction?) -> ExactDecimal? {
        guard let value else { return nil }
        return value.decimal(value.denominator == 1 ? 0 : 1)
    }

    /// A ratio in percent with one decimal, dropped when it is zero (`130`, `187,3`).
    static func percent(_ value: Fraction?) -> ExactDecimal? {
        guard let value, let hundred = value.multiplied(by: Fraction(100)), let one = hundred.decimal(1) else { return nil }
        return one.significand % 10 == 0 ? ExactDecimal(significand: one.significand / 10) : one
    }

    /// `↑ +6.000`: the change since the previous realised measurement.
    static func trend(_ p: TargetProgress, _ locale: NumberLocale) -> String? {
        let isPercent = isPercentage(p.target)
        guard let now = p.realised, let before = p.previous,
              let change = Fraction(now.value).subtracting(Fraction(before.value)),
              let shown = isPercent ? display(change) : whole(change) else { return nil }
        let arrow = change.numerator > 0 ? "↑" : (change.numerator < 0 ? "↓" : "→")
        return arrow + " " + (change.numerator > 0 ? "+" : "") + locale.format(shown) + (isPercent ? "%" : "")
    }

    /// Why the light is what it is, and what else the plan says of the target.
    static func explanation(_ p: TargetProgress, _ w: Wording, _ locale: NumberLocale) -> String {
        var parts = [w.reason(p.why)]
        if let outlook = p.outlook {
            parts.append("\(w.outlook) \(locale.format(outlook.value)) (\(w.date(outlook.date))\(outlook.source.map { ", " + $0 } ?? ""))")
        }
        if p.target.indicative { parts.append(w.indicative) }
        if !p.target.parts.isEmpty {
            parts.append(p.target.parts.map { "\($0.name ?? $0.id) \(locale.format($0.value))" }.joined(separator: " + "))
        }
        if p.target.direction == .lower { parts.append(w.lowerIsBetter) }
        return parts.joined(separator: " · ")
    }

    static func chart(_ p: TargetProgress, _ w: Wording) -> ReportDocument.TrendChart {
        let target = p.target.value.flatMap { value in
            (p.target.date ?? p.target.period?.end).map { ReportDocument.TrendChart.Point(date: $0, value: Fraction(value)) }
        }
        return ReportDocument.TrendChart(
            title: p.target.name, light: p.light, lightLabel: w.light(p.light),
            realised: p.history.map { .init(date: $0.date, value: Fraction($0.value)) },
            expected: p.path.map { .init(date: $0.date, value: $0.value) },
            target: target, asOf: p.asOf, lowerIsBetter: p.target.direction == .lower,
            labels: .init(realised: w.realised, expected: w.expected, target: w.targetHeading, asOf: w.asOfLabel,
                          lowerIsBetter: w.lowerIsBetter, months: w.months), percent: isPercentage(p.target))
    }

    // MARK: - Sub-projects

    static func subprojects(_ report: MonitorReport, _ w: Wording) -> ReportDocument.Section {
        let columns: [ReportDocument.Table.Column] = [
            .init(w.lightHeading), .init(w.subproject, terminalWidth: 44), .init(w.statusHeading), .init(w.note, terminalWidth: 60),
        ]
        var groups: [(caption: String?, rows: [MonitorReport.SubprojectRow])] = []
        let byProgramme = Dictionary(grouping: report.subprojects) { $0.subproject.programme ?? "" }
        let order = report.programmes.map(\.id).filter { byProgramme[$0] != nil }
            + Set(byProgramme.keys).subtracting(report.programmes.map(\.id)).subtracting([""]).sorted()
            + (byProgramme[""] != nil ? [""] : [])
        for id in order {
            let name = report.programmes.first { $0.id == id }?.name ?? (id.isEmpty ? nil : id)
            groups.append((name, byProgramme[id] ?? []))
        }
        if groups.count == 1 { groups[0].caption = nil }
        var blocks: [ReportDocument.Block] = []
        for group in groups {
            var table = ReportDocument.Table(columns: columns, caption: group.caption)
            for row in group.rows {
                let name = (row.subproject.number.map { "\($0). " } ?? "") + row.subproject.name
                let note = (row.conflict.map { "⚠ \(w.disagreement($0)). " } ?? "") + (row.subproject.note ?? "")
                table.rows.append([
                    .light(row.light, label: w.light(row.light), derived: row.fromStatus), .text(name),
                    .text(row.subproject.status.map(w.status) ?? ""), .text(note),
                ])
            }
            blocks.append(.table(table))
        }
        if report.subprojects.contains(where: \.fromStatus) { blocks.append(.footnote(w.derivedFootnote)) }
        return .init(heading: w.subprojects, name: w.subprojects, blocks: blocks)
    }

    // MARK: - Tables

    /// The plan's tables as published: one table per plan table, its date and source under it.
    static func tables(_ report: MonitorReport, _ w: Wording, _ locale: NumberLocale) -> ReportDocument.Section {
        var blocks: [ReportDocument.Block] = []
        for view in report.tables {
            var table = ReportDocument.Table(
                columns: [.init("")] + view.columns.map { .init($0.title.isEmpty ? w.count : $0.title, alignment: .right, summable: !$0.isPercentage) },
                caption: view.title)
            func cells(_ values: [ExactDecimal?]) -> [ReportDocument.Cell] {
                zip(view.columns, values).map { column, value in
                    guard let value else { return .empty }
                    return column.isPercentage ? .percent(value) : .number(value)
                }
            }
            for row in view.rows { table.rows.append([.text(row.name)] + cells(row.cells)) }
            if let totals = view.totals { table.total = [.strong(view.totalLabel ?? w.total)] + cells(totals) }
            blocks.append(.table(table))
            for mismatch in view.mismatches {
                blocks.append(.paragraph(w.tableMismatch(mismatch.column, mismatch.row, locale.format(mismatch.stated), locale.format(mismatch.sum))))
            }
            // Cells with a reference date of their own, named so that no number is read at the wrong date.
            let ownDates = view.rows.flatMap { row in
                zip(view.columns, row.dates).compactMap { column, date in
                    date.map { "\(row.name)\(column.title.isEmpty ? "" : ", " + column.title): \(w.date($0))" }
                }
            }
            let about = [view.date.map { w.tableDate(w.date($0)) }, ownDates.isEmpty ? nil : w.otherDates(ownDates),
                         view.source.map { "\(w.sourceLabel): \($0)" }].compactMap { $0 }
            if !about.isEmpty { blocks.append(.footnote(about.joined(separator: " · "))) }
        }
        return .init(heading: w.tablesHeading, name: w.tablesHeading, blocks: blocks)
    }

    // MARK: - Changes

    static func changeTable(_ changes: [MonitorReport.Change], report: MonitorReport, _ w: Wording, _ locale: NumberLocale) -> ReportDocument.Table {
        let c = ChangeWording.of(locale)
        var table = ReportDocument.Table(columns: [
            .init(c.kind), .init(c.line, terminalWidth: 48), .init(c.before), .init(c.after),
            .init(c.realisedBefore, alignment: .right), .init(c.realisedNow, alignment: .right), .init(w.trend, alignment: .right),
        ])
        for change in changes {
            let target = change.kind == .target ? report.targets.first { $0.target.id == change.id }?.target : nil
            let isPercent = target.map(isPercentage) ?? false
            func value(_ v: ExactDecimal?) -> ReportDocument.Cell {
                guard let v else { return .empty }
                return isPercent ? .percent(v) : .number(v)
            }
            var trend = ReportDocument.Cell.empty
            if let before = change.realisedBefore, let now = change.realisedNow,
               let difference = Fraction(now).subtracting(Fraction(before)),
               let shown = isPercent ? display(difference) : whole(difference) {
                let arrow = difference.numerator > 0 ? "↑ +" : (difference.numerator < 0 ? "↓ " : "→ ")
                trend = .text(arrow + locale.format(shown) + (isPercent ? "%" : ""))
            }
            table.rows.append([
                .text(change.kind == .target ? c.target : c.subproject), .text(change.name),
                change.before.map { .light($0, label: w.light($0), derived: false) } ?? .text(w.newLine),
                change.after.map { .light($0, label: w.light($0), derived: false) } ?? .text(w.goneLine),
                value(change.realisedBefore), value(change.realisedNow), trend,
            ])
        }
        return table
    }

    static func changeLine(_ change: MonitorReport.Change, _ w: Wording, _ locale: NumberLocale) -> String {
        var line = "\(change.name): \(change.before.map(w.light) ?? w.newLine) → \(change.after.map(w.light) ?? w.goneLine)"
        if let before = change.realisedBefore, let now = change.realisedNow {
            let arrow = Fraction(now) > Fraction(before) ? "↑" : (Fraction(now) < Fraction(before) ? "↓" : "→")
            line += " (\(w.realised) \(locale.format(before)) \(arrow) \(locale.format(now)))"
        }
        return line
    }
}
