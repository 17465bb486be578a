/// A carry-over equals the sum of its parts, and an allocation based on a budget less its
/// carry-over states exactly that amount (Haaglanden 2018: 286.500 − 127.000 = 159.500).
enum CarryOverRule: PlanRule {
    static let id = "carry-over"
    static let summary = "the carry-over equals its parts; the amount to split equals total − carry-over"

    static func check(_ context: inout CheckContext) {
        for budget in context.plan.budgets {
            guard let carryOver = budget.carryOver, !carryOver.parts.isEmpty,
                  let parts = BudgetSumRule.effectiveAmounts(carryOver.parts),
                  let sum = context.sum(parts, rule: id, at: carryOver.pointer + "/amount") else { continue }
            if sum != carryOver.amount {
                context.report(id, at: carryOver.pointer + "/amount",
                               "the parts of the carry-over add up to \(context.money(sum)) but the stated carry-over is \(context.money(carryOver.amount)) (\(context.gap(carryOver.amount, sum)))",
                               hint: "correct the carry-over or the part that is off",
                               stated: carryOver.amount.description, expected: sum.description)
            }
        }
        for allocation in context.plan.allocations {
            guard let basis = allocation.basis, let stated = allocation.amount,
                  let budget = context.plan.budget(id: basis.budget), let total = budget.total else { continue }
            var expected = total
            var how = "the total \(context.money(total)) of budget \"\(budget.id)\""
            if basis.lessCarryOver, let carry = budget.carryOver {
                guard let difference = try? total.subtracting(carry.amount) else { continue }
                expected = difference
                how += " less the carry-over \(context.money(carry.amount))"
            }
            if expected != stated {
                context.report(id, at: allocation.pointer + "/amount",
                               "the amount to split is stated as \(context.money(stated)) but \(how) is \(context.money(expected)) (\(context.gap(stated, expected)))",
                               hint: "correct the amount, the budget total or the carry-over",
                               stated: stated.description, expected: expected.description)
            }
        }
    }
}
