/// The same quantity stated in several places agrees: one municipality's (or cluster's) measure
/// at one date in different tables or in the region's measures (Oostermeer 412 in one table, 389
/// in another), and every number with `alsoStated` repeats (a measure's budget of € 120.000 in
/// the text and € 125.400 in the table). A disagreement is one finding at the later statement,
/// with the earlier one as its related place.
///
/// A number that its own sums correct (a subtotal, a table total) is compared in both readings,
/// as stated and as computed, so one wrong number is not reported again here.
enum ConsistencyRule: PlanRule {
    static let id = "consistency"

    /// One statement of a keyed quantity.
    struct Statement {
        var value: ExactDecimal
        /// The values it may be read as (as stated, and as its sums imply).
        var readings: [ExactDecimal]
        var pointer: String
        /// `in "Bijstand naar leeftijd"`, `in the region's measures`.
        var place: String
        /// The unit the statement is rounded to (a table of UWV's rounded counts).
        var roundedTo: ExactDecimal? = nil
        /// What tells it apart from another statement in the same place (`observation 2 of "bijstand"`).
        var detail: String? = nil
        /// Whether the sums of its own table that run through it hold (its row adds up to its
        /// row total, its column to the total row); nil where no sum runs through it (a measure in
        /// the region's measures). Against such a statement a corroborated one is right.
        var corroborated: Bool? = nil

        /// The place, told apart from `other`'s when the two would read the same.
        func place(beside other: Statement) -> String {
            guard place == other.place, let detail else { return place }
            return place + " (\(detail))"
        }

        func agrees(with other: Statement) -> Bool {
            readings.contains { a in other.readings.contains { b in
                if b.isEqual(to: a) { return true }
                // Rounded statements agree with what rounds to them: each may be off the true
                // number by half its unit.
                let halves = [roundedTo, other.roundedTo].compactMap { $0 }.compactMap { Fraction($0).divided(by: Fraction(2)) }
                guard !halves.isEmpty, case let allowed = halves.dropFirst().reduce(halves[0], { $0.adding($1) ?? $0 }),
                      let gap = Fraction(a).distance(to: Fraction(b)) else { return false }
                return gap <= allowed
            } }
        }
    }

    struct Key: Hashable {
        var subject: String
        var measure: String
        var category: String?
        var date: PlanDate
    }

    static func check(_ context: inout CheckContext) {
        checkKeyed(&context)
        checkRepeats(&context)
    }

    // MARK: - Municipality × measure × date

    static func checkKeyed(_ context: inout CheckContext) {
        let keyed = keyedStatements(context)
        let words = context.words
        for key in keyed.order {
            guard let group = keyed.groups[key], group.count > 1, let best = reference(in: group) else { continue }
            let name = keyed.subjects[key.subject] ?? key.subject
            let what = words.keyedWhat(key.measure, key.category, name, key.date)
            for statement in group where !statement.agrees(with: best) {
                context.append(Finding(
                    rule: id, severity: .error, location: context.loaded.location(of: statement.pointer),
                    message: words.keyed(what, context.number(statement.value), statement.place(beside: best), context.number(best.value), best.place(beside: statement)),
                    hint: words.keyedHint,
                    stated: statement.value.description, expected: best.value.description,
                    related: [Finding.Related(location: context.loaded.location(of: best.pointer), message: words.valueIn(context.number(best.value), best.place(beside: statement)))]))
            }
        }
    }

    /// Every statement of a municipality's or cluster's measure at a date, grouped by that key in
    /// file order, and the subjects' names.
    static func keyedStatements(_ context: CheckContext) -> (order: [Key], groups: [Key: [Statement]], subjects: [String: String]) {
        let plan = context.plan
        var groups: [Key: [Statement]] = [:]
        var subjects: [String: String] = [:]
        var order: [Key] = []
        func add(_ key: Key, _ statement: Statement) {
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(statement)
        }
        for (index, municipality) in plan.region.municipalities.enumerated() {
            subjects[municipality.code.rawValue] = municipality.name
            for (measure, series) in municipality.measures.sorted(by: { $0.key < $1.key }) {
                for (position, observation) in series.enumerated() {
                    guard let date = observation.date else { continue }
                    add(Key(subject: municipality.code.rawValue, measure: measure, category: nil, date: date),
                        Statement(value: observation.value, readings: [observation.value],
                                  pointer: "/region/municipalities/\(index)/measures/\(measure.jsonPointerEscaped)/\(position)/value",
                                  place: context.words.inMeasures(observation.source),
                                  detail: context.words.observation(position + 1, measure)))
                }
            }
        }
        for cluster in plan.region.clusters { subjects["cluster:" + cluster.id] = cluster.name }
        for table in plan.tables {
            let analysis = TableAnalysis(table, context: context)
            for column in table.columns {
                guard let (measure, category) = keyedMeasure(column, in: table) else { continue }
                for (index, row) in table.rows.enumerated() {
                    guard let cell = row.cells[column.id], let date = cell.date ?? column.date ?? table.date else { continue }
                    let subject: String
                    if let code = row.municipality { subject = code.rawValue } else if let cluster = row.cluster { subject = "cluster:" + cluster } else { continue }
                    add(Key(subject: subject, measure: measure, category: category, date: date),
                        Statement(value: cell.value, readings: analysis.readings(cell, at: .init(row: .row(index), column: column.id)),
                                  pointer: cell.pointer, place: context.words.inTable(table.title), roundedTo: table.roundedTo,
                                  corroborated: corroborated(table, row: index, column: column.id)))
                }
            }
        }
        for key in order {
            groups[key]?.sort { context.loaded.location(of: $0.pointer) < context.loaded.location(of: $1.pointer) }
        }
        return (order, groups, subjects)
    }

    /// The statement most others agree with: the one the others are compared with. Of equals,
    /// the earliest, unless nothing checks the earliest (a measure in the region's measures) and
    /// its table's sums confirm another: so a wrong measure is the one reported, once, where it is.
    static func reference(in group: [Statement]) -> Statement? {
        let support = group.map { statement in group.filter { $0.agrees(with: statement) }.count }
        guard let most = support.max() else { return nil }
        let best = group.indices.filter { support[$0] == most }
        guard let first = best.first else { return nil }
        if group[first].corroborated == nil,
           let confirmed = best.first(where: { group[$0].corroborated == true && !group[$0].agrees(with: group[first]) }) {
            return group[confirmed]
        }
        return group[first]
    }

    /// Whether the sums of `table` that run through the cell of `row` and `column` hold (within
    /// the table's rounding): its row over the count columns against the row total, and its
    /// column over the rows against the total row; nil when no sum runs through it.
    static func corroborated(_ table: CountTable, row index: Int, column: String) -> Bool? {
        guard table.rows.indices.contains(index), !table.rows[index].national else { return nil }
        func holds(_ parts: [ExactDecimal], _ total: ExactDecimal) -> Bool {
            guard !parts.isEmpty, let sum = ExactDecimal.sum(parts), let delta = sum.minus(total) else { return false }
            return delta.isZero || table.withinRounding(delta, parts: parts.count)
        }
        var sums = 0
        let row = table.rows[index]
        if table.form == .columns, let totalColumn = table.totalColumn?.id, let total = row.cells[totalColumn],
           column == totalColumn || table.addendColumns.contains(where: { $0.id == column }) {
            guard holds(table.addendColumns.compactMap { row.cells[$0.id]?.value }, total.value) else { return false }
            sums += 1
        }
        if let total = table.totals[column] {
            guard holds(table.rows.filter { !$0.national }.compactMap { $0.cells[column]?.value }, total.value) else { return false }
            sums += 1
        }
        return sums > 0 ? true : nil
    }

    /// For each quantity stated more than once, the value most statements agree with; another
    /// rule that uses a disputed number (a percentage's base) also accepts this reading.
    static func consensus(_ context: CheckContext) -> [Key: ExactDecimal] {
        let keyed = keyedStatements(context)
        var result: [Key: ExactDecimal] = [:]
        for (key, group) in keyed.groups where group.count > 1 {
            if let best = reference(in: group) { result[key] = best.value }
        }
        return result
    }

    /// The measure (and category) a column's values are, when the plan says so: the column's own
    /// measure, or the table's for its row total, its single column or a column with a category.
    static func keyedMeasure(_ column: CountTable.Column, in table: CountTable) -> (String, String?)? {
        if column.isPercentage { return nil }
        if let measure = column.measure { return (measure, column.category) }
        guard let measure = table.measure else { return nil }
        if column.kind == .total || table.form == .singleColumn { return (measure, nil) }
        return column.category.map { (measure, $0) }
    }

    // MARK: - alsoStated

    /// A number that carries repeats: what it is called, how to write it, its readings.
    struct Host {
        var what: String
        var stated: ExactDecimal
        var readings: [ExactDecimal]
        var pointer: String
        var money: Bool = false
        var percent: Bool = false
    }

    static func checkRepeats(_ context: inout CheckContext) {
        let plan = context.plan
        let words = context.words
        func money(_ amount: Money) -> ExactDecimal { ExactDecimal(significand: amount.cents, scale: 2) }
        func compare(_ repeats: [AlsoStated], _ host: (AlsoStated) -> Host?) {
            // Repeats of the same number (same key and year) are judged together: when they all
            // agree with each other and not with the number, the number is the one that is off,
            // and that is one finding, at the number.
            var groups: [[AlsoStated]] = []
            for repeated in repeats {
                if let index = groups.firstIndex(where: { $0[0].key == repeated.key && $0[0].year == repeated.year }) {
                    groups[index].append(repeated)
                } else {
                    groups.append([repeated])
                }
            }
            for group in groups {
                guard let host = host(group[0]) else { continue }
                func show(_ value: ExactDecimal) -> String {
                    if host.money, let amount = Money.exactly(value) { return context.money(amount) }
                    return context.number(value) + (host.percent ? "%" : "")
                }
                func place(_ repeated: AlsoStated) -> String {
                    repeated.source.flatMap { source in
                        let citation = source.citation
                        return citation.isEmpty ? source.note.map { "\"\($0)\"" } : citation
                    } ?? words.anotherPlace
                }
                let disagreeing = group.filter { repeated in !host.readings.contains { repeated.agrees(with: $0) } }
                guard let first = disagreeing.first else { continue }
                if group.count > 1, disagreeing.count == group.count, group.allSatisfy({ $0.value.isEqual(to: first.value) }) {
                    context.append(Finding(
                        rule: id, severity: .error, location: context.loaded.location(of: host.pointer),
                        message: words.repeatedWrong(host.what, show(host.stated), show(first.value), group.map(place)),
                        hint: words.repeatedWrongHint,
                        stated: host.stated.description, expected: first.value.description,
                        related: group.map { Finding.Related(location: context.loaded.location(of: $0.pointer), message: words.statedAsIn(show($0.value), place($0))) }))
                    continue
                }
                for repeated in disagreeing {
                    context.append(Finding(
                        rule: id, severity: .error, location: context.loaded.location(of: repeated.pointer),
                        message: words.repeated(host.what, show(host.stated), show(repeated.value), place(repeated)),
                        hint: words.repeatedHint,
                        stated: repeated.value.description, expected: host.stated.description,
                        related: [Finding.Related(location: context.loaded.location(of: host.pointer), message: words.statedHere(show(host.stated)))]))
                }
            }
        }

        for budget in plan.budgets {
            let title = budget.title ?? budget.id
            compare(budget.alsoStated) { repeated in
                if let year = repeated.year {
                    guard let stated = budget.totals[year] else { return nil }
                    let sums = BudgetSumRule.sums(budget.lines, year: year)
                    return Host(what: words.budgetYearTotal(year, title), stated: money(stated),
                                readings: [stated, sums.stated, sums.computed].compactMap { $0.map(money) }, pointer: budget.pointer + "/totals/\(year)", money: true)
                }
                guard let total = budget.total else { return nil }
                // With years the grand total is read over the columns as well, so a grand total
                // that is off is not also reported against the text that repeats it rightly.
                let sums = budget.years.isEmpty ? BudgetSumRule.sums(budget.lines) : BudgetSumRule.grandTotalSums(budget)
                return Host(what: words.budgetTotalOf(title), stated: money(total),
                            readings: [total, sums.stated, sums.computed].compactMap { $0.map(money) }, pointer: budget.pointer + "/total", money: true)
            }
            func lines(_ list: [BudgetLine]) {
                for line in list {
                    compare(line.alsoStated) { repeated in
                        if let year = repeated.year {
                            guard let stated = line.amounts[year] else { return nil }
                            return Host(what: words.lineAmountInYear(line.name, year), stated: money(stated),
                                        readings: [stated, BudgetSumRule.computedAmount(line, year: year)].compactMap { $0.map(money) },
                                        pointer: line.pointer + "/amounts/\(year)", money: true)
                        }
                        guard let amount = line.amount else { return nil }
                        return Host(what: words.lineAmount(line.name), stated: money(amount),
                                    readings: [amount, BudgetSumRule.computedAmount(line)].compactMap { $0.map(money) }, pointer: line.pointer + "/amount", money: true)
                    }
                    lines(line.lines)
                }
            }
            lines(budget.lines)
            lines(budget.carryOver?.parts ?? [])
        }
        for allocation in plan.allocations {
            compare(allocation.alsoStated) { _ in
                // Read also as its stated shares add up, so an amount printed wrong (allocation-sum)
                // is not reported again against the text that repeats it rightly.
                let shares = allocation.shares.compactMap(\.stated)
                let sum = shares.count == allocation.shares.count && !shares.isEmpty ? BudgetSumRule.sum(shares) : nil
                return allocation.amount.map { Host(what: words.allocationAmount(allocation.name ?? allocation.id), stated: money($0),
                                                    readings: [money($0)] + (sum.map { [money($0)] } ?? []),
                                                    pointer: allocation.pointer + "/amount", money: true) }
            }
        }
        for total in plan.grandTotals {
            compare(total.alsoStated) { _ in
                Host(what: "\"\(total.name ?? total.id)\"", stated: money(total.amount),
                     readings: [money(total.amount)] + (GrandTotalRule.sum(of: total, in: plan).map { [money($0)] } ?? []),
                     pointer: total.pointer + "/amount", money: true)
            }
        }
        for target in plan.targets {
            compare(target.alsoStated) { repeated in
                switch repeated.key {
                case "percent"?:
                    return target.percent.map { Host(what: words.targetPercent(target.name), stated: $0, readings: [$0], pointer: target.pointer + "/percent", percent: true) }
                case "base"?:
                    return target.base.map { Host(what: words.targetBase(target.name), stated: $0, readings: [$0], pointer: target.pointer + "/base") }
                default:
                    // Read also as its parts add up (target-split reports a target that is off them).
                    let parts = target.parts.isEmpty ? nil : ExactDecimal.sum(target.parts.map(\.value))
                    return target.value.map { Host(what: words.targetNamed(target.name), stated: $0, readings: [$0] + (parts.map { [$0] } ?? []),
                                                   pointer: target.pointer + "/value") }
                }
            }
            for point in target.trajectory {
                compare(point.alsoStated) { repeated in
                    if repeated.key == "percent" {
                        return point.percent.map { Host(what: words.stepPercent(point.date, target.name), stated: $0, readings: [$0],
                                                        pointer: point.pointer + "/percent", percent: true) }
                    }
                    return point.value.map { Host(what: words.step(point.date, target.name), stated: $0, readings: [$0], pointer: point.pointer + "/value") }
                }
            }
            for measurement in target.measurements {
                compare(measurement.alsoStated) { repeated in
                    if repeated.key == "level" {
                        return measurement.level.map { Host(what: words.measurementLevel(measurement.date, target.name), stated: $0, readings: [$0], pointer: measurement.pointer + "/level") }
                    }
                    let counted = measurement.channels.isEmpty ? nil : ExactDecimal.sum(measurement.channels.filter { $0.overlapsWith == nil }.map(\.value))
                    return Host(what: words.measurementValue(measurement.date, target.name), stated: measurement.value,
                                readings: [measurement.value] + (counted.map { [$0] } ?? []), pointer: measurement.pointer + "/value")
                }
                for channel in measurement.channels {
                    compare(channel.alsoStated) { _ in
                        Host(what: words.channelOn(channel.name ?? channel.id, measurement.date, target.name), stated: channel.value,
                             readings: [channel.value], pointer: channel.pointer + "/value")
                    }
                }
            }
        }
        for table in plan.tables {
            let analysis = TableAnalysis(table, context: context)
            let names = TableNames(table: table, plan: plan, words: context.words)
            let refs: [TableAnalysis.RowRef] = table.rows.indices.map { .row($0) } + [.total]
            for ref in refs {
                for column in table.columns {
                    guard let cell = table.cell(ref, column.id), !cell.alsoStated.isEmpty else { continue }
                    let what = ref == .total ? words.columnTotalIn(column.title, table.title) : words.cell(column.title, names.row(ref), table.title)
                    compare(cell.alsoStated) { _ in
                        Host(what: what, stated: cell.value, readings: analysis.readings(cell, at: .init(row: ref, column: column.id)),
                             pointer: cell.pointer, percent: column.isPercentage)
                    }
                }
            }
        }
        for requirement in plan.requirements {
            compare(requirement.alsoStated) { repeated in
                if repeated.key == "minimum" {
                    return requirement.minimum.map { Host(what: words.requirementMinimum(requirement.name), stated: money($0), readings: [money($0)],
                                                          pointer: requirement.pointer + "/minimum", money: true) }
                }
                return Host(what: words.requirementPercent(requirement.name), stated: requirement.percent, readings: [requirement.percent],
                            pointer: requirement.pointer + "/percent", percent: true)
            }
        }
    }
}
