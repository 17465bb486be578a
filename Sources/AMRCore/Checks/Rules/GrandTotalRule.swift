/// A total stated over several allocations or budgets (the contributions of 2019–2021 together)
/// equals their sum. Real plans drop a digit here: "€ 79.500" for € 795.000.
enum GrandTotalRule: PlanRule {
    static let id = "grand-total"

    static func check(_ context: inout CheckContext) {
        let plan = context.plan
        for total in plan.grandTotals {
            var amounts: [Money] = []
            var complete = true
            for id in total.allocations {
                guard let allocation = plan.allocations.first(where: { $0.id == id }) else {
                    ReferenceRule.missing("allocation", id, among: plan.allocations.map(\.id), at: total.pointer + "/allocations", in: &context)
                    complete = false
                    continue
                }
                if let amount = allocation.amount ?? allocation.basis.flatMap(plan.amount(of:)) { amounts.append(amount) } else { complete = false }
            }
            for id in total.budgets {
                guard let budget = plan.budget(id: id) else {
                    ReferenceRule.missing("budget", id, among: plan.budgets.map(\.id), at: total.pointer + "/budgets", in: &context)
                    complete = false
                    continue
                }
                if let amount = BudgetSumRule.total(of: budget) { amounts.append(amount) } else { complete = false }
            }
            guard complete, let sum = context.sum(amounts, rule: id, at: total.pointer + "/amount"), sum != total.amount else { continue }
            let parts = total.allocations + total.budgets
            let units = total.allocations.compactMap { id in plan.allocations.first { $0.id == id }?.unit.decimals }
            let d = total.budgets.isEmpty ? (units.max() ?? 2) : 2
            context.report(id, at: total.pointer + "/amount",
                           context.words.grandTotal(total.name.map { "\"\($0)\"" } ?? context.words.grandTotalUnnamed, context.money(total.amount, decimals: d), parts,
                                                    context.money(sum, decimals: d), context.gap(total.amount, sum, decimals: d)),
                           hint: context.words.droppedDigitHint, stated: total.amount.description, expected: sum.description)
        }
    }

    /// The sum of what `total` names, when every part is there and it fits.
    static func sum(of total: GrandTotal, in plan: Plan) -> Money? {
        var amounts: [Money] = []
        for id in total.allocations {
            guard let allocation = plan.allocations.first(where: { $0.id == id }),
                  let amount = allocation.amount ?? allocation.basis.flatMap(plan.amount(of:)) else { return nil }
            amounts.append(amount)
        }
        for id in total.budgets {
            guard let budget = plan.budget(id: id), let amount = BudgetSumRule.total(of: budget) else { return nil }
            amounts.append(amount)
        }
        return BudgetSumRule.sum(amounts)
    }
}
