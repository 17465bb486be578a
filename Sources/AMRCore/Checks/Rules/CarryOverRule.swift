/// A carry-over equals the sum of its parts, and an allocation based on a budget less its
/// carry-over states exactly that amount (Haaglanden 2018: 286.500 − 127.000 = 159.500).
enum CarryOverRule: PlanRule {
    static let id = "carry-over"

    static func check(_ context: inout CheckContext) {
        for budget in context.plan.budgets {
            guard let carryOver = budget.carryOver, !carryOver.parts.isEmpty else { continue }
            let parts = BudgetSumRule.sums(carryOver.parts)
            if !parts.accepts(carryOver.amount), let expected = parts.expected {
                context.report(id, at: carryOver.pointer + "/amount",
                               context.words.carryOverParts(context.money(expected), context.money(carryOver.amount), context.gap(carryOver.amount, expected)),
                               hint: context.words.carryOverPartsHint,
                               stated: carryOver.amount.description, expected: expected.description)
            }
        }
        for allocation in context.plan.allocations {
            guard let basis = allocation.basis, let stated = allocation.amount,
                  let budget = context.plan.budget(id: basis.budget), let total = BudgetSumRule.total(of: budget) else { continue }
            let totals = [total] + [BudgetSumRule.sums(budget.lines).computed].compactMap { $0 }
            var carries: [Money] = [.zero]
            var how = context.words.budgetTotal(context.money(total), budget.id)
            if basis.lessCarryOver, let carryOver = budget.carryOver {
                let readings = BudgetSumRule.carryOver(carryOver)
                carries = [readings.stated, readings.computed].compactMap { $0 }
                how += context.words.lessCarryOver(context.money(carryOver.amount))
            }
            let candidates = totals.flatMap { t in carries.compactMap { try? t.subtracting($0) } }
            guard let expected = candidates.first, !candidates.contains(stated) else { continue }
            context.report(id, at: allocation.pointer + "/amount",
                           context.words.amountToSplit(context.money(stated), how, context.money(expected), context.gap(stated, expected)),
                           hint: context.words.amountToSplitHint,
                           stated: stated.description, expected: expected.description)
        }
    }
}
