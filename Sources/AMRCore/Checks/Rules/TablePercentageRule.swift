/// A percentage column matches its count over its base under the plan's rounding: "outflow 52,
/// 8% of the caseload" where the caseload is another column, a column of another table (the
/// row for the same municipality, cluster or label), or a measure of the municipalities.
enum TablePercentageRule: PlanRule {
    static let id = "table-percentage"

    /// A percentage's base for one row, or why there is none.
    enum BaseLookup {
        /// The base, the pointer of the number it was read from (nil for a sum), and its name.
        case value(ExactDecimal, pointer: String?, what: String)
        case missing(String)
    }

    static func check(_ context: inout CheckContext) {
        let plan = context.plan
        var analyses: [String: TableAnalysis] = [:]
        func analysis(_ table: CountTable) -> TableAnalysis {
            if let done = analyses[table.id] { return done }
            let made = TableAnalysis(table, context: context)
            analyses[table.id] = made
            return made
        }
        let consensus = ConsistencyRule.consensus(context)
        let words = context.words
        for table in plan.tables where table.form == .columns {
            let names = TableNames(table: table, plan: plan, words: context.words)
            let refs: [TableAnalysis.RowRef] = table.rows.indices.map { .row($0) } + (table.hasTotalRow ? [.total] : [])
            for column in table.columns {
                guard case .percentage(let spec) = column.kind else { continue }
                for ref in refs {
                    guard let percent = table.cell(ref, column.id) else { continue }
                    let what = words.tablePercent(words.cell(column.title, names.row(ref), table.title), context.number(percent.value))
                    let location = context.loaded.location(of: percent.pointer)
                    guard let count = table.cell(ref, spec.count) else {
                        context.append(Finding(rule: id, severity: .error, location: location,
                                               message: words.noCountCell(what, names.column(spec.count)), hint: words.noCountCellHint))
                        continue
                    }
                    let counts = analysis(table).readings(count, at: .init(row: ref, column: spec.count))
                    let lookup = base(of: ref, spec: spec, column: column, table: table, context: context)
                    guard case .value(let base, let basePointer, let baseName) = lookup else {
                        if case .missing(let reason) = lookup {
                            context.append(Finding(rule: id, severity: .error, location: location, message: words.baseMissing(what, reason),
                                                   hint: words.baseMissingHint))
                        }
                        continue
                    }
                    var bases = [base]
                    if let basePointer, let baseCell = baseCell(of: ref, spec: spec, table: table, plan: plan), baseCell.cell.pointer == basePointer {
                        bases = analysis(baseCell.table).readings(baseCell.cell, at: baseCell.ref)
                    }
                    // A measure that other statements dispute is also read as most of them state it.
                    if case .measure = spec.base, !consensus.isEmpty,
                       case .value(let agreed, _, _) = self.base(of: ref, spec: spec, column: column, table: table, context: context, consensus: consensus) {
                        bases.append(agreed)
                    }
                    let decimals = spec.decimals ?? percent.value.scale
                    var related: [Finding.Related] = []
                    if case .column = spec.base {} else if let basePointer {
                        related.append(Finding.Related(location: context.loaded.location(of: basePointer), message: words.theBase(baseName, context.number(base))))
                    }
                    let accepted = counts.contains { c in
                        bases.contains { b in !b.isZero && (PercentageCheck(count: c, base: b, decimals: decimals, rounding: spec.rounding)?.accepts(percent.value) ?? true) }
                    }
                    if !accepted && base.isZero {
                        context.append(Finding(rule: id, severity: .error, location: location,
                                               message: words.tableBaseIsZero(what, baseName), hint: words.baseIsZeroHint,
                                               related: related))
                        continue
                    }
                    guard !accepted, let check = PercentageCheck(count: count.value, base: base, decimals: decimals, rounding: spec.rounding) else { continue }
                    context.append(Finding(
                        rule: id, severity: .error, location: location,
                        message: words.tablePercentage(what, context.number(count.value), context.number(base), check.words(context.locale)),
                        hint: words.tablePercentageHint(spec.rounding != nil),
                        stated: percent.value.description, expected: check.expected.description, related: related))
                }
            }
        }
    }

    /// The cell a percentage's base is read from, when it is a cell of a table.
    static func baseCell(of ref: TableAnalysis.RowRef, spec: CountTable.PercentageSpec, table: CountTable, plan: Plan)
        -> (table: CountTable, ref: TableAnalysis.CellRef, cell: CountTable.Cell)? {
        switch spec.base {
        case .column(let column):
            return table.cell(ref, column).map { (table, .init(row: ref, column: column), $0) }
        case .table(let other, let column):
            guard let otherTable = plan.table(id: other), let otherRef = matchingRow(ref, in: table, other: otherTable),
                  let cell = otherTable.cell(otherRef, column) else { return nil }
            return (otherTable, .init(row: otherRef, column: column), cell)
        case .measure, .fixed:
            return nil
        }
    }

    /// The row of `other` for the same municipality, cluster or label as `ref` of `table`.
    static func matchingRow(_ ref: TableAnalysis.RowRef, in table: CountTable, other: CountTable) -> TableAnalysis.RowRef? {
        guard case .row(let index) = ref else { return other.hasTotalRow ? .total : nil }
        let row = table.rows[index]
        let match = other.rows.firstIndex { candidate in
            if let code = row.municipality { return candidate.municipality == code }
            if let cluster = row.cluster { return candidate.municipality == nil && candidate.cluster == cluster }
            return candidate.municipality == nil && candidate.cluster == nil && candidate.label == row.label
        }
        return match.map { .row($0) }
    }

    /// The base of a percentage in one row (its total row: the base table's total, or the sum of
    /// the rows' bases for a measure).
    static func base(of ref: TableAnalysis.RowRef, spec: CountTable.PercentageSpec, column: CountTable.Column, table: CountTable,
                     context: CheckContext, consensus: [ConsistencyRule.Key: ExactDecimal] = [:]) -> BaseLookup {
        let plan = context.plan
        let words = context.words
        let names = TableNames(table: table, plan: plan, words: context.words)
        switch spec.base {
        case .column(let base):
            guard let cell = table.cell(ref, base) else { return .missing(words.rowHasNoBase(names.row(ref), names.column(base))) }
            return .value(cell.value, pointer: cell.pointer, what: words.column(names.column(base)))
        case .table(let other, let base):
            guard let otherTable = plan.table(id: other) else { return .missing(words.noTable(other)) }
            let otherNames = TableNames(table: otherTable, plan: plan, words: context.words)
            // A total row's base where the base table prints no total: the sum of its rows.
            if ref == .total, otherTable.totals[base] == nil {
                let values = otherTable.rows.map { $0.cells[base]?.value }
                guard !values.isEmpty, values.allSatisfy({ $0 != nil }), let sum = ExactDecimal.sum(values.compactMap { $0 }) else {
                    return .missing(words.noTotalToAdd(otherTable.title, otherNames.column(base)))
                }
                return .value(sum, pointer: nil, what: words.sumOfColumn(otherNames.column(base), otherTable.title))
            }
            guard let otherRef = matchingRow(ref, in: table, other: otherTable) else {
                return .missing(ref == .total ? words.noTotalRowForBase(otherTable.title) : words.noRowForBase(otherTable.title, names.row(ref)))
            }
            guard let cell = otherTable.cell(otherRef, base) else {
                return .missing(words.noCellForBase(otherNames.row(otherRef), otherNames.column(base), otherTable.title))
            }
            return .value(cell.value, pointer: cell.pointer, what: otherNames.cell(otherRef, base))
        case .fixed(let reference):
            switch PercentageRule.resolve(reference, at: spec.pointer + "/base", context: context) {
            case .number(let values, let pointer, let what): return .value(values[0], pointer: pointer, what: what)
            case .missing(let reason): return .missing(reason)
            }
        case .measure(let measure, let stated):
            let date = stated ?? column.date ?? table.date
            switch ref {
            case .total:
                var values: [ExactDecimal] = []
                for index in table.rows.indices {
                    guard case .value(let value, _, _) = base(of: .row(index), spec: spec, column: column, table: table, context: context,
                                                              consensus: consensus) else {
                        return .missing(words.totalBaseUnknown(names.row(.row(index))))
                    }
                    values.append(value)
                }
                guard let sum = ExactDecimal.sum(values) else { return .missing(words.rowsTooLarge(measure)) }
                return .value(sum, pointer: nil, what: words.measureOfRows(measure))
            case .row(let index):
                let row = table.rows[index]
                if let code = row.municipality {
                    return observation(measure, of: [code], on: date, plan: plan, name: names.row(ref), words: words, consensus: consensus)
                }
                if let clusterID = row.cluster, let cluster = plan.region.clusters.first(where: { $0.id == clusterID }) {
                    return observation(measure, of: cluster.municipalities, on: date, plan: plan, name: names.row(ref), words: words, consensus: consensus)
                }
                return .missing(words.rowNotMunicipality(names.row(ref), measure))
            }
        }
    }

    /// The measure on a date for one municipality (with the pointer of its value) or summed over
    /// several; with `consensus`, a value other statements dispute is taken as most of them state it.
    static func observation(_ measure: String, of codes: [MunicipalityCode], on date: PlanDate?, plan: Plan, name: String, words: CheckWording,
                            consensus: [ConsistencyRule.Key: ExactDecimal] = [:]) -> BaseLookup {
        var values: [ExactDecimal] = []
        var pointer: String?
        for code in codes {
            guard let index = plan.region.municipalities.firstIndex(where: { $0.code == code }) else {
                return .missing(words.notMunicipalityOf(code.rawValue, plan.region.name))
            }
            let municipality = plan.region.municipalities[index]
            let series = municipality.measures[measure] ?? []
            let matching = series.indices.filter { date == nil || series[$0].date == date }
            guard matching.count == 1, let only = matching.first else {
                return .missing(matching.isEmpty ? words.noObservation(municipality.name, measure, date) : words.severalObservations(municipality.name, measure))
            }
            let observed = series[only]
            let agreed = observed.date.flatMap { consensus[ConsistencyRule.Key(subject: code.rawValue, measure: measure, category: nil, date: $0)] }
            values.append(agreed ?? observed.value)
            pointer = "/region/municipalities/\(index)/measures/\(measure.jsonPointerEscaped)/\(only)/value"
        }
        guard let sum = ExactDecimal.sum(values) else { return .missing(words.measureTooLarge(measure, name)) }
        return .value(sum, pointer: codes.count == 1 ? pointer : nil, what: words.measureOf(measure, name, date))
    }
}
