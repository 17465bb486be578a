/// The stated shares of an allocation add up to its stated amount (Haaglanden 2018's table adds
/// up to € 159.499,99 for € 159.500,00).
enum AllocationSumRule: PlanRule {
    static let id = "allocation-sum"

    static func check(_ context: inout CheckContext) {
        for allocation in context.plan.allocations {
            let stated = allocation.shares.compactMap(\.stated)
            guard !stated.isEmpty, stated.count == allocation.shares.count else { continue }
            let amount: Money
            let pointer: String
            if let given = allocation.amount {
                amount = given
                pointer = allocation.pointer + "/amount"
            } else if let basis = allocation.basis, let computed = context.plan.amount(of: basis) {
                amount = computed
                pointer = allocation.pointer + "/basis"
            } else {
                continue
            }
            guard let sum = context.sum(stated, rule: id, at: allocation.pointer + "/shares") else { continue }
            let d = allocation.unit.decimals
            if sum != amount {
                context.report(id, at: pointer,
                               context.words.allocationSum(allocation.name ?? allocation.id, context.money(sum, decimals: d), context.money(amount, decimals: d),
                                                           context.gap(sum, amount, decimals: d)),
                               hint: context.words.allocationSumHint,
                               stated: amount.description, expected: sum.description)
            }
        }
    }
}
