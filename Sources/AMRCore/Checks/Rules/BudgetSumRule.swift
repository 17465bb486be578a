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
