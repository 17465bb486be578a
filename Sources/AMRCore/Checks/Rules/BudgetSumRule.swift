/// Every stated subtotal of a budget equals the sum of its parts, and the stated total equals the
/// sum of the top-level lines.
enum BudgetSumRule: PlanRule {
    static let id = "budget-sum"
    static let summary = "every stated subtotal equals the sum of its parts; the total equals the sum of its lines"

    static func check(_ context: inout CheckContext) {
        for budget in context.plan.budgets {
            for line in budget.lines { checkLine(line, in: &context) }
            if let carryOver = budget.carryOver {
                for part in carryOver.parts { checkLine(part, in: &context) }
            }
            if !budget.years.isEmpty {
                checkYears(budget, in: &context)
                if budget.years.allSatisfy({ budget.totals[$0] != nil }) { continue }
            }
            guard let total = budget.total, let lines = effectiveAmounts(budget.lines),
                  let sum = context.sum(lines, rule: id, at: budget.pointer + "/total") else { continue }
            if sum != total {
                context.report(id, at: budget.pointer + "/total",
                               "the lines of budget \"\(budget.title ?? budget.id)\" add up to \(context.money(sum)) but the stated total is \(context.money(total)) (\(context.gap(total, sum)))",
                               hint: "correct the total or the line that is off",
                               stated: total.description, expected: sum.description)
            }
        }
    }

    static func checkLine(_ line: BudgetLine, in context: inout CheckContext) {
        for child in line.lines { checkLine(child, in: &context) }
        guard !line.lines.isEmpty, let amount = line.amount, let parts = effectiveAmounts(line.lines),
              let sum = context.sum(parts, rule: id, at: line.pointer + "/amount") else { return }
        if sum != amount {
            context.report(id, at: line.pointer + "/amount",
                           "the parts of \"\(line.name)\" add up to \(context.money(sum)) but the stated amount is \(context.money(amount)) (\(context.gap(amount, sum)))",
                           hint: "correct the subtotal or the part that is off",
                           stated: amount.description, expected: sum.description)
        }
    }

    /// A budget with year columns: each row's years add up to its row total, each subtotal and
    /// column total per year adds up, and the grand total is the sum of the column totals.
    static func checkYears(_ budget: Budget, in context: inout CheckContext) {
        func checkRows(_ lines: [BudgetLine]) {
            for line in lines {
                checkRows(line.lines)
                if let amount = line.amount, !line.amounts.isEmpty, budget.years.allSatisfy({ line.amounts[$0] != nil }),
                   let sum = context.sum(budget.years.compactMap { line.amounts[$0] }, rule: id, at: line.pointer + "/amount"), sum != amount {
                    context.report(id, at: line.pointer + "/amount",
                                   "the years of \"\(line.name)\" add up to \(context.money(sum)) but the stated row total is \(context.money(amount)) (\(context.gap(amount, sum)))",
                                   hint: "correct the row total or the year that is off", stated: amount.description, expected: sum.description)
                }
                guard !line.lines.isEmpty else { continue }
                for year in budget.years {
                    guard let stated = line.amounts[year], let parts = effectiveAmounts(line.lines, year: year),
                          let sum = context.sum(parts, rule: id, at: line.pointer + "/amounts/\(year)"), sum != stated else { continue }
                    context.report(id, at: line.pointer + "/amounts/\(year)",
                                   "the parts of \"\(line.name)\" in \(year) add up to \(context.money(sum)) but the stated amount is \(context.money(stated)) (\(context.gap(stated, sum)))",
                                   hint: "correct the subtotal or the part that is off", stated: stated.description, expected: sum.description)
                }
            }
        }
        checkRows(budget.lines)
        for year in budget.years {
            guard let stated = budget.totals[year], let lines = effectiveAmounts(budget.lines, year: year),
                  let sum = context.sum(lines, rule: id, at: budget.pointer + "/totals/\(year)"), sum != stated else { continue }
            context.report(id, at: budget.pointer + "/totals/\(year)",
                           "the lines of \(year) add up to \(context.money(sum)) but the stated total for \(year) is \(context.money(stated)) (\(context.gap(stated, sum)))",
                           hint: "correct the column total or the line that is off", stated: stated.description, expected: sum.description)
        }
        let columns = budget.years.compactMap { budget.totals[$0] }
        if let total = budget.total, columns.count == budget.years.count,
           let sum = context.sum(columns, rule: id, at: budget.pointer + "/total"), sum != total {
            context.report(id, at: budget.pointer + "/total",
                           "the totals of \(budget.years.map(String.init).joined(separator: ", ")) add up to \(context.money(sum)) but the stated grand total is \(context.money(total)) (\(context.gap(total, sum)))",
                           hint: "correct the grand total; a digit may have been dropped", stated: total.description, expected: sum.description)
        }
    }

    /// Each line's amount in `year`, or the sum of its parts' where it states none.
    static func effectiveAmounts(_ lines: [BudgetLine], year: Int) -> [Money]? {
        var amounts: [Money] = []
        for line in lines {
            if let amount = line.amounts[year] {
                amounts.append(amount)
            } else if !line.lines.isEmpty, let parts = effectiveAmounts(line.lines, year: year), let sum = try? Money.sum(parts) {
                amounts.append(sum)
            } else {
                return nil
            }
        }
        return amounts
    }

    /// Each line's stated amount, or the sum of its parts where it states none; nil when a line
    /// has neither, so no sum can be made.
    static func effectiveAmounts(_ lines: [BudgetLine]) -> [Money]? {
        var amounts: [Money] = []
        for line in lines {
            if let amount = line.amount {
                amounts.append(amount)
            } else if !line.lines.isEmpty, let parts = effectiveAmounts(line.lines), let sum = try? Money.sum(parts) {
                amounts.append(sum)
            } else {
                return nil
            }
        }
        return amounts
    }
}
