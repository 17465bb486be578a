/// Each stated share equals the exact share for the plan's key, method and unit. A share that
/// was rounded on its own (Den Haag's 104.360,185… → 104.360,18) is an error with the exact value.
enum AllocationShareRule: PlanRule {
    static let id = "allocation-share"
    static let summary = "each stated share equals the exact share for the plan's key, method and unit"
    static let help = "Each stated share must equal the exact share for the plan's key (inhabitants at the reference date, another measure, equal shares or a mix), method and rounding unit: by largest remainder, the floor or the ceiling of its exact quota, the units left over going to the largest remainders. A share rounded on its own (Den Haag's 104.360,185… stated as 104.360,18) is reported with the exact value."

    static func check(_ context: inout CheckContext) {
        for allocation in context.plan.allocations where allocation.shares.contains(where: { $0.stated != nil }) {
            let report: AllocationReport
            do throws(LoadError) {
                report = try PlanAllocator.allocate(allocation, in: context.loaded)
            } catch {
                let location = error.location ?? context.loaded.location(of: allocation.pointer)
                context.append(Finding(rule: id, severity: .error, location: location,
                                       message: "the exact split cannot be made: \(error.message)",
                                       hint: "fix this so the stated shares can be checked"))
                continue
            }
            let d = allocation.unit.decimals
            let units = report.total.cents / report.unit.cents
            let quotas = try? Apportionment.quotas(units, weights: report.rows.map(\.integerWeight))
            for (index, row) in report.rows.enumerated() {
                guard let stated = row.stated, stated != row.amount else { continue }
                var hint = "'amr allocate' shows the exact split (\(report.method.displayName), unit \(context.money(Money(cents: report.unit.cents), decimals: d)))"
                if let quota = quotas?[index] {
                    let rounded = quota.whole + (quota.remainderNumerator >= quota.denominator - quota.remainderNumerator ? 1 : 0)
                    if let naive = Money(unitsOf: report.unit, count: rounded), naive == stated {
                        hint = "this share was rounded on its own, which loses or adds units in the sum; " + hint
                    }
                }
                context.report(id, at: allocation.pointer + "/shares/\(index)/stated",
                               "the share of \(row.name) is stated as \(context.money(stated, decimals: d)) but the exact share is \(context.money(row.amount, decimals: d)) (\(context.gap(stated, row.amount, decimals: d)))",
                               hint: hint, stated: stated.description, expected: row.amount.description)
            }
        }
    }
}

extension Money {
    /// `count` units of `unit`, or nil when that does not fit.
    init?(unitsOf unit: RoundingUnit, count: Int64) {
        let (cents, overflow) = count.multipliedReportingOverflow(by: unit.cents)
        if overflow { return nil }
        self.init(cents: cents)
    }
}
