/// A monitor (voortgangsrapportage) at a date: every target's progress, every sub-project's
/// light, where stated and derived lights disagree, and what changed since an earlier monitor.
public struct MonitorReport: Hashable, Sendable {
    /// A sub-project as the monitor shows it.
    public struct SubprojectRow: Hashable, Sendable {
        public var subproject: Subproject
        /// The light shown: the stated one, else the one its status implies, else grey.
        public var light: TrafficLight
        /// True when the plan gives no light and `light` is read from the status.
        public var fromStatus: Bool
        /// Set when the stated light and the status (or a linked target's light) disagree.
        public var conflict: Disagreement?
        /// The disagreement in English words.
        public var disagreement: String? { conflict?.description }
    }

    /// A stated light that its status, or its targets' progress, contradicts.
    public struct Disagreement: Hashable, Sendable {
        public var stated: TrafficLight
        public var implied: TrafficLight
        /// The status that implies `implied`; nil when the sub-project's targets do.
        public var status: Subproject.Status?

        /// In plain English, a stable text for JSON and CSV.
        public var description: String {
            if let status {
                return "stated \(stated.rawValue), but the status \"\(status.rawValue)\" suggests \(implied.rawValue)"
            }
            return "stated \(stated.rawValue), but its targets' progress gives \(implied.rawValue)"
        }
    }

    /// A line whose light changed since the previous monitor.
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case target, subproject }
        public var kind: Kind
        public var id: String
        public var name: String
        public var before: TrafficLight?
        public var after: TrafficLight?
        /// Realised before and now (targets).
        public var realisedBefore: ExactDecimal?
        public var realisedNow: ExactDecimal?
    }

    /// A table of the plan as the monitor shows it: headings, one row per municipality, cluster
    /// or label with the cells the plan prints (nil where it leaves one empty), and the stated
    /// total row when the plan prints one.
    public struct TableView: Hashable, Sendable {
        public struct Column: Hashable, Sendable {
            public var id: String
            public var title: String
            public var isPercentage: Bool
        }

        public struct Row: Hashable, Sendable {
            public var name: String
            public var cells: [ExactDecimal?]
            /// Each cell's own reference date, where it states one other than the table's.
            public var dates: [PlanDate?]
        }

        /// A stated total that its parts do not add up to (`amr check` says which number is off).
        public struct Mismatch: Hashable, Sendable {
            /// The column, for a column total; nil for a row total.
            public var column: String?
            /// The row, for a row total; nil for the total row.
            public var row: String?
            public var stated: ExactDecimal
            public var sum: ExactDecimal
        }

        public var id: String
        public var title: String
        public var date: PlanDate?
        public var source: String?
        public var columns: [Column]
        public var rows: [Row]
        public var totalLabel: String?
        /// The stated total row, cell by cell; nil when the plan prints none.
        public var totals: [ExactDecimal?]?
        /// Stated totals that do not equal the sum of their parts, so a reader is not misled.
        public var mismatches: [Mismatch] = []

        init(_ table: CountTable, region: Region) {
            id = table.id
            title = table.title
            date = table.date
            source = table.source.map(\.citation).flatMap { $0.isEmpty ? nil : $0 }
            // The single-column form's one column is headed by what it counts.
            let single = table.form == .singleColumn
            columns = table.columns.map { Column(id: $0.id, title: single ? "" : $0.title, isPercentage: $0.isPercentage) }
            let tableDate = table.date
            rows = table.rows.map { row in
                Row(name: row.displayName(in: region), cells: table.columns.map { row.cell($0.id)?.value },
                    dates: table.columns.map { column in row.cell(column.id)?.date.flatMap { $0 == tableDate ? nil : $0 } })
            }
            totalLabel = table.totalLabel
            totals = table.hasTotalRow || table.totalLabel != nil ? table.columns.map { table.totals[$0.id]?.value } : nil
            mismatches = Self.mismatches(table, region: region)
        }

        /// Column totals against their rows, and row totals against their count columns.
        static func mismatches(_ table: CountTable, region: Region) -> [Mismatch] {
            var found: [Mismatch] = []
            for column in table.columns where !column.isPercentage {
                guard let stated = table.totals[column.id]?.value else { continue }
                let parts = table.rows.map { $0.cell(column.id)?.value }
                guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }), let sum = ExactDecimal.sum(parts.compactMap { $0 }),
                      !sum.isEqual(to: stated) else { continue }
                found.append(Mismatch(column: table.form == .singleColumn ? nil : column.title, row: nil, stated: stated, sum: sum))
            }
            guard let totalColumn = table.totalColumn else { return found }
            let addends = table.addendColumns
            for row in table.rows {
                guard let stated = row.cell(totalColumn.id)?.value else { continue }
                let parts = addends.map { row.cell($0.id)?.value }
                guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }), let sum = ExactDecimal.sum(parts.compactMap { $0 }),
                      !sum.isEqual(to: stated) else { continue }
                found.append(Mismatch(column: nil, row: row.displayName(in: region), stated: stated, sum: sum))
            }
            return found
        }
    }

    public var planTitle: String
    public var planID: String
    public var regionName: String
    public var asOf: PlanDate
    public var targets: [TargetProgress]
    public var subprojects: [SubprojectRow]
    public var programmes: [Programme]
    /// The plan's tables, as published.
    public var tables: [TableView] = []
    /// Lines compared with the previous monitor; nil when there is none.
    public var changes: [Change]?
    public var previousAsOf: PlanDate?
    /// Every line's light in the previous monitor, keyed `target/ID` and `subproject/ID`.
    public var previousLights: [String: TrafficLight] = [:]
    /// Every target's realised value in the previous monitor, keyed `target/ID`.
    public var previousRealised: [String: ExactDecimal] = [:]

    /// How many lines have each light, worst first, targets and sub-projects together.
    public var summary: [(light: TrafficLight, count: Int)] { summary(includingSubprojects: true) }

    public func summary(includingSubprojects: Bool) -> [(light: TrafficLight, count: Int)] {
        let all = targets.map(\.light) + (includingSubprojects ? subprojects.map(\.light) : [])
        return TrafficLight.allCases.sorted().compactMap { light in
            let count = all.filter { $0 == light }.count
            return count > 0 ? (light, count) : nil
        }
    }

    /// The worst colour among all lines, for --fail-on.
    public var worst: TrafficLight? { worst(includingSubprojects: true) }

    public func worst(includingSubprojects: Bool) -> TrafficLight? {
        (targets.map(\.light) + (includingSubprojects ? subprojects.map(\.light) : [])).map(\.colour).min()
    }
}

/// Builds monitor reports.
public enum MonitorBuilder {
    public static func report(_ plan: Plan, asOf: PlanDate, orangeFrom: ExactDecimal? = nil,
                              counts: [String: Measurement] = [:], previous: Plan? = nil, previousAsOf: PlanDate? = nil) -> MonitorReport {
        let targets = ProgressCalculator.progress(of: plan, asOf: asOf, orangeFrom: orangeFrom, counts: counts)
        let rows = plan.subprojects.map { row($0, targets: targets) }
        var report = MonitorReport(planTitle: plan.title, planID: plan.id, regionName: plan.region.name, asOf: asOf,
                                   targets: targets, subprojects: rows, programmes: plan.programmes,
                                   tables: plan.tables.map { MonitorReport.TableView($0, region: plan.region) }, changes: nil, previousAsOf: nil)
        if let previous {
            let date = previousAsOf ?? ProgressCalculator.latestMeasurement(in: previous) ?? asOf
            let earlier = self.report(previous, asOf: date, orangeFrom: orangeFrom)
            report.previousAsOf = date
            report.changes = changes(from: earlier, to: report)
            for p in earlier.targets {
                report.previousLights["target/" + p.target.id] = p.light
                if let value = p.realised?.value { report.previousRealised["target/" + p.target.id] = value }
            }
            for row in earlier.subprojects { report.previousLights["subproject/" + row.subproject.id] = row.light }
        }
        return report
    }

    static func row(_ subproject: Subproject, targets: [TargetProgress]) -> MonitorReport.SubprojectRow {
        let stated = subproject.light.map(TrafficLight.init)
        let fromStatus = subproject.status.map(TrafficLight.init)
        let linked = targets.filter { $0.target.subproject == subproject.id && $0.target.value != nil && $0.realised != nil }
        var disagreement: MonitorReport.Disagreement?
        // "in uitvoering" and "opdracht verstrekt" say nothing about being on track, so they never
        // contradict a stated light; on track, delayed, on hold, not started and done do.
        let decisive = subproject.status.map { ![.inProgress, .commissioned].contains($0) } ?? false
        if let stated, let fromStatus, decisive, stated.colour != fromStatus.colour {
            disagreement = .init(stated: stated, implied: fromStatus.colour, status: subproject.status)
        } else if let stated, let worst = linked.map(\.light).min(), worst.colour != stated.colour {
            disagreement = .init(stated: stated, implied: worst, status: nil)
        }
        return MonitorReport.SubprojectRow(subproject: subproject, light: stated ?? fromStatus ?? .grey,
                                           fromStatus: stated == nil && fromStatus != nil, conflict: disagreement)
    }

    static func changes(from earlier: MonitorReport, to now: MonitorReport) -> [MonitorReport.Change] {
        var changes: [MonitorReport.Change] = []
        for progress in now.targets {
            let before = earlier.targets.first { $0.target.id == progress.target.id }
            let realisedBefore = before?.realised?.value
            let realisedNow = progress.realised?.value
            let valuesChanged = !(realisedBefore.map { a in realisedNow.map { a.isEqual(to: $0) } ?? false } ?? (realisedNow == nil))
            guard before?.light != progress.light || valuesChanged else { continue }
            changes.append(.init(kind: .target, id: progress.target.id, name: progress.target.name, before: before?.light,
                                 after: progress.light, realisedBefore: realisedBefore, realisedNow: realisedNow))
        }
        for row in now.subprojects {
            let before = earlier.subprojects.first { $0.subproject.id == row.subproject.id }
            guard before?.light != row.light else { continue }
            changes.append(.init(kind: .subproject, id: row.subproject.id, name: row.subproject.name, before: before?.light,
                                 after: row.light, realisedBefore: nil, realisedNow: nil))
        }
        return changes
    }
}
