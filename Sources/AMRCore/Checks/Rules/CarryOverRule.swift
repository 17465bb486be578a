/// A carry-over equals the sum of its parts, and an allocation based on a budget less its
/// carry-over states exactly that amount (Haaglanden 2018: 286.500 − 127.000 = 159.500).
enum CarryOverRule: PlanRule {
    static let id = "carry-over"
    static let summary = "the carry-over equals its parts; the amount to split equals total − carry-over"
    static let help = "Money left from an earlier year (overschot, overheveling) is deducted before a budget is split. A carry-over that lists its parts must equal their sum, and an allocation based on a budget less its carry-over must state exactly the total less the carry-over (Haaglanden 2018: € 286.500,00 − € 127.000,00 = € 159.500,00)."

    static func check(_ context: inout CheckContext) {
        for budget in context.plan.budgets {
            guard let carryOver = budget.carryOver, !carryOver.parts.isEmpty else { continue }
            let parts = BudgetSumRule.sums(carryOver.parts)
            if !parts.accepts(carryOver.amount), let expected = parts.expected {
                context.report(id, at: carryOver.pointer + "/amount",
                               "the parts of the carry-over add up to \(context.money(expected)) but the stated carry-over is \(context.money(carryOver.amount)) (\(context.gap(carryOver.amount, expected)))",
                               hint: "correct the carry-over or the part that is off",
                               stated: carryOver.amount.description, expected: expected.description)
            }
        }
        for allocation in context.plan.allocations {
            guard let basis = allocation.basis, let stated = allocation.amount,
                  let budget = context.plan.budget(id: basis.budget), let total = BudgetSumRule.total(of: budget) else { continue }
            let totals = [total] + [BudgetSumRule.sums(budget.lines).computed].compactMap { $0 }
            var carries: [Money] = [.zero]
            var how = "the total \(context.money(total)) of budget \"\(budget.id)\""
            if basis.lessCarryOver, let carryOver = budget.carryOver {
                let readings = BudgetSumRule.carryOver(carryOver)
                carries = [readings.stated, readings.computed].compactMap { $0 }
                how += " less the carry-over \(context.money(carryOver.amount))"
            }
            let candidates = totals.flatMap { t in carries.compactMap { try? t.subtracting($0) } }
            guard let expected = candidates.first, !candidates.contains(stated) else { continue }
            context.report(id, at: allocation.pointer + "/amount",
                           "the amount to split is stated as \(context.money(stated)) but \(how) is \(context.money(expected)) (\(context.gap(stated, expected)))",
                           hint: "correct the amount, the budget total or the carry-over",
                           stated: stated.description, expected: expected.description)
        }
    }
}
