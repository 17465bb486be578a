/// Every stated subtotal of a budget equals the sum of its parts, the total the sum of its lines;
/// in a budget with year columns also each row over its years, each column and the grand total.
///
/// A sum is read two ways: as stated (each part's own stated amount) and as computed (each part
/// from its own parts or formula). A total that matches either is accepted, so one wrong number
/// is reported once, where it is, and not again at every total above it.
enum BudgetSumRule: PlanRule {
    static let id = "budget-sum"

    /// A sum of parts in both readings; nil where a part has no amount at all.
    struct Sums {
        var stated: Money?
        var computed: Money?

        func accepts(_ value: Money) -> Bool {
            (stated == nil && computed == nil) || value == stated || value == computed
        }

        var expected: Money? { stated ?? computed }
    }

    static func check(_ context: inout CheckContext) {
        for budget in context.plan.budgets {
            for line in budget.lines { checkLine(line, in: &context) }
            for part in budget.carryOver?.parts ?? [] { checkLine(part, in: &context) }
            if !budget.years.isEmpty {
                checkYears(budget, in: &context)
                continue
            }
            guard let total = budget.total else { continue }
            let parts = sums(budget.lines)
            if !parts.accepts(total), let expected = parts.expected {
                context.report(id, at: budget.pointer + "/total",
                               context.words.budgetLines(budget.title ?? budget.id, context.money(expected), context.money(total), context.gap(total, expected)),
                               hint: context.words.budgetLinesHint, stated: total.description, expected: expected.description)
            }
        }
    }

    static func checkLine(_ line: BudgetLine, in context: inout CheckContext) {
        for child in line.lines { checkLine(child, in: &context) }
        guard !line.lines.isEmpty, let amount = line.amount else { return }
        let parts = sums(line.lines)
        if !parts.accepts(amount), let expected = parts.expected {
            context.report(id, at: line.pointer + "/amount",
                           context.words.lineParts(line.name, context.money(expected), context.money(amount), context.gap(amount, expected)),
                           hint: context.words.linePartsHint, stated: amount.description, expected: expected.description)
        }
    }

    static func checkYears(_ budget: Budget, in context: inout CheckContext) {
        let years = budget.years
        func checkRows(_ lines: [BudgetLine]) {
            for line in lines {
                checkRows(line.lines)
                if let amount = line.amount {
                    let overYears = Sums(stated: sum(years.map { statedAmount(line, year: $0) }),
                                         computed: sum(years.map { computedAmount(line, year: $0) }))
                    if !overYears.accepts(amount), let expected = overYears.expected {
                        context.report(id, at: line.pointer + "/amount",
                                       context.words.lineYears(line.name, context.money(expected), context.money(amount), context.gap(amount, expected)),
                                       hint: context.words.lineYearsHint, stated: amount.description, expected: expected.description)
                    }
                }
                guard !line.lines.isEmpty else { continue }
                for year in years {
                    guard let stated = line.amounts[year] else { continue }
                    let parts = sums(line.lines, year: year)
                    if !parts.accepts(stated), let expected = parts.expected {
                        context.report(id, at: line.pointer + "/amounts/\(year)",
                                       context.words.linePartsInYear(line.name, year, context.money(expected), context.money(stated), context.gap(stated, expected)),
                                       hint: context.words.linePartsHint, stated: stated.description, expected: expected.description)
                    }
                }
            }
        }
        checkRows(budget.lines)
        for year in years {
            guard let stated = budget.totals[year] else { continue }
            let column = sums(budget.lines, year: year)
            if !column.accepts(stated), let expected = column.expected {
                context.report(id, at: budget.pointer + "/totals/\(year)",
                               context.words.yearColumn(year, context.money(expected), context.money(stated), context.gap(stated, expected)),
                               hint: context.words.yearColumnHint, stated: stated.description, expected: expected.description)
            }
        }
        if let total = budget.total {
            let columns = grandTotalSums(budget)
            if !columns.accepts(total), let expected = columns.expected {
                context.report(id, at: budget.pointer + "/total",
                               context.words.yearsGrandTotal(years, context.money(expected), context.money(total), context.gap(total, expected)),
                               hint: context.words.droppedDigitHint, stated: total.description, expected: expected.description)
            }
        }
    }

    // MARK: - Readings

    /// A budget with years: its grand total over the column totals (as stated, or as the lines
    /// give them) and over the lines' computed amounts.
    static func grandTotalSums(_ budget: Budget) -> Sums {
        Sums(stated: sum(budget.years.map { year in budget.totals[year] ?? sums(budget.lines, year: year).expected }),
             computed: sum(budget.years.map { sums(budget.lines, year: $0).computed }))
    }

    static func sums(_ lines: [BudgetLine]) -> Sums {
        Sums(stated: sum(lines.map(statedAmount)), computed: sum(lines.map(computedAmount)))
    }

    static func sums(_ lines: [BudgetLine], year: Int) -> Sums {
        Sums(stated: sum(lines.map { statedAmount($0, year: year) }), computed: sum(lines.map { computedAmount($0, year: year) }))
    }

    /// The line's stated amount, or what its parts give where it states none.
    static func statedAmount(_ line: BudgetLine) -> Money? { line.amount ?? computedAmount(line) }

    /// The line's amount from its parts, or from its formula, or as stated.
    static func computedAmount(_ line: BudgetLine) -> Money? {
        if !line.lines.isEmpty { return sum(line.lines.map(computedAmount)) }
        if let formula = line.formula, let value = FormulaRule.value(of: formula) { return value }
        return line.amount
    }

    static func statedAmount(_ line: BudgetLine, year: Int) -> Money? { line.amounts[year] ?? computedAmount(line, year: year) }

    static func computedAmount(_ line: BudgetLine, year: Int) -> Money? {
        if !line.lines.isEmpty { return sum(line.lines.map { computedAmount($0, year: year) }) }
        return line.amounts[year]
    }

    /// The budget's total as stated, or as its lines give it.
    static func total(of budget: Budget) -> Money? {
        if let total = budget.total { return total }
        if budget.years.isEmpty { return sums(budget.lines).expected }
        return sum(budget.years.map { budget.totals[$0] ?? sums(budget.lines, year: $0).expected })
    }

    /// The carry-over in both readings.
    static func carryOver(_ carryOver: CarryOver) -> Sums {
        Sums(stated: carryOver.amount, computed: carryOver.parts.isEmpty ? carryOver.amount : sums(carryOver.parts).computed)
    }

    /// Exact sum; nil when a part is missing or the sum does not fit.
    static func sum(_ amounts: [Money?]) -> Money? {
        var total = Money.zero
        for amount in amounts {
            guard let amount, let next = try? total.adding(amount) else { return nil }
            total = next
        }
        return total
    }
}
