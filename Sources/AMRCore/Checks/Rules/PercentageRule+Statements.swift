/// Percentages stated in the text as statements of their own (`percentages`), and percentages
/// whose base the file does not give.
extension PercentageRule {
    /// A referenced number: its readings (as stated, and as its sums imply), where it is and
    /// what it is called; or why it cannot be found.
    enum Resolved {
        case number([ExactDecimal], pointer: String?, what: String)
        case missing(String)
    }

    static func checkStatements(_ context: inout CheckContext) {
        let words = context.words
        for statement in context.plan.percentages {
            let name = statement.text.map { "\"\($0)\"" } ?? words.percentageNamed(statement.id)
            let at = statement.pointer + "/percent"
            guard let countReference = statement.count else {
                context.report(id, .warning, at: at, words.noCount(name, context.number(statement.percent)), hint: words.noCountHint)
                continue
            }
            guard let baseReference = statement.base else {
                context.report(id, .warning, at: at, words.noBase(name, context.number(statement.percent)), hint: words.noBaseHint)
                continue
            }
            let count = resolve(countReference, at: statement.pointer + "/count", context: context)
            let base = resolve(baseReference, at: statement.pointer + "/base", context: context)
            guard case .number(let counts, let countPointer, let countName) = count, case .number(let bases, let basePointer, let baseName) = base else {
                for case .missing(let reason) in [count, base] {
                    context.report(id, at: at, words.cannotCheck("\(name) (\(context.number(statement.percent))%)", reason), hint: words.referenceHint)
                }
                continue
            }
            let decimals = statement.decimals ?? statement.percent.scale
            let accepted = counts.contains { c in
                bases.contains { b in
                    guard !b.isZero, let check = PercentageCheck(count: c, base: b, decimals: decimals, rounding: statement.rounding) else { return false }
                    if check.accepts(statement.percent) { return true }
                    // "ca. 80%", "bijna 18%": within 10% of the stated percentage.
                    guard statement.approximately, let gap = check.exact.distance(to: Fraction(statement.percent)),
                          let size = Fraction(statement.percent).distance(to: Fraction(0)), let tenth = size.divided(by: Fraction(10)) else { return false }
                    return gap <= tenth
                }
            }
            guard !accepted, let firstBase = bases.first, let firstCount = counts.first else { continue }
            var related: [Finding.Related] = []
            if let countPointer { related.append(Finding.Related(location: context.loaded.location(of: countPointer), message: words.theCount(countName, context.number(firstCount)))) }
            if let basePointer { related.append(Finding.Related(location: context.loaded.location(of: basePointer), message: words.theBase(baseName, context.number(firstBase)))) }
            guard let check = PercentageCheck(count: firstCount, base: firstBase, decimals: decimals, rounding: statement.rounding) else {
                context.append(Finding(rule: id, severity: .error, location: context.loaded.location(of: at),
                                       message: words.baseIsZero(name, context.number(statement.percent), baseName),
                                       hint: words.baseIsZeroHint, related: related))
                continue
            }
            context.append(Finding(
                rule: id, severity: .error, location: context.loaded.location(of: at),
                message: words.statement(name, statement.approximately, context.number(statement.percent), countName, context.number(firstCount), baseName,
                                         context.number(firstBase), check.words(context.locale)),
                hint: words.statementHint,
                stated: statement.percent.description, expected: check.expected.description, related: related))
        }
    }

    /// A target that states a percentage but no base: a warning that says what to add.
    static func checkPercentagesWithoutBase(_ context: inout CheckContext) {
        for target in context.plan.targets where target.percent != nil && target.base == nil && !target.background {
            guard let percent = target.percent, target.value != nil else { continue }
            context.report(id, .warning, at: target.pointer + "/percent",
                           context.words.percentWithoutBase(target.name, context.number(percent)), hint: context.words.percentWithoutBaseHint)
        }
    }

    static func resolve(_ reference: NumberReference, at pointer: String, context: CheckContext) -> Resolved {
        let plan = context.plan
        let words = context.words
        switch reference {
        case .value(let value):
            return .number([value], pointer: nil, what: words.numberStated)
        case .target(let id):
            guard let index = plan.targets.firstIndex(where: { $0.id == id }) else { return .missing(words.noTarget(id)) }
            guard let value = plan.targets[index].value else { return .missing(words.targetWithoutValue(id)) }
            return .number([value], pointer: plan.targets[index].pointer + "/value", what: words.targetNamed(plan.targets[index].name))
        case .cell(let tableID, let rowKey, let column):
            guard let table = plan.table(id: tableID) else { return .missing(words.noTable(tableID)) }
            let names = TableNames(table: table, plan: plan, words: context.words)
            let ref: TableAnalysis.RowRef
            if let rowKey {
                guard let index = table.rows.firstIndex(where: { $0.municipality?.rawValue == rowKey || $0.cluster == rowKey || $0.label == rowKey }) else {
                    return .missing(words.noRowKey(table.title, rowKey))
                }
                ref = .row(index)
            } else {
                ref = .total
            }
            guard table.column(column) != nil else { return .missing(words.noColumnKey(table.title, column)) }
            guard let cell = table.cell(ref, column) else {
                // A total row printed empty: the sum of the rows.
                let values = table.rows.map { $0.cells[column]?.value }
                if ref == .total, !values.isEmpty, values.allSatisfy({ $0 != nil }), let sum = ExactDecimal.sum(values.compactMap { $0 }) {
                    return .number([sum], pointer: nil, what: words.sumOfColumn(names.column(column), table.title))
                }
                return .missing(words.rowWithoutCell(names.row(ref), table.title, names.column(column)))
            }
            let readings = TableAnalysis(table, context: context).readings(cell, at: .init(row: ref, column: column))
            return .number(readings, pointer: cell.pointer, what: names.cell(ref, column))
        case .measure(let measure, let subject, let date):
            let codes: [MunicipalityCode]
            let name: String
            if let subject, let cluster = plan.region.clusters.first(where: { $0.id == subject }) {
                codes = cluster.municipalities
                name = cluster.name
            } else if let subject {
                guard let municipality = plan.region.municipalities.first(where: { $0.code.rawValue == subject }) else {
                    return .missing(words.notMunicipalityOrCluster(subject, plan.region.name))
                }
                codes = [municipality.code]
                name = municipality.name
            } else {
                codes = plan.region.municipalities.map(\.code)
                name = plan.region.name
            }
            switch TablePercentageRule.observation(measure, of: codes, on: date, plan: plan, name: name, words: words) {
            case .value(let value, let pointer, let what):
                // A measure other statements dispute is also read as most of them state it, so a
                // wrong measure is reported once (consistency), not again at every percentage
                // and change that uses it.
                var readings = [value]
                let consensus = ConsistencyRule.consensus(context)
                if !consensus.isEmpty,
                   case .value(let agreed, _, _) = TablePercentageRule.observation(measure, of: codes, on: date, plan: plan, name: name, words: words, consensus: consensus),
                   !agreed.isEqual(to: value) {
                    readings.append(agreed)
                }
                return .number(readings, pointer: pointer, what: what)
            case .missing(let reason): return .missing(reason)
            }
        }
    }
}
