/// Each stated share equals the exact share for the plan's key, method and unit. A share that
/// was rounded on its own (Den Haag's 104.360,185… → 104.360,18) is an error with the exact value.
enum AllocationShareRule: PlanRule {
    static let id = "allocation-share"
    static let summary = "each stated share equals the exact share for the plan's key, method and unit"
    static let help = "Each stated share must equal the exact share for the plan's key (inhabitants at the reference date, another measure, equal shares or a mix), method and rounding unit: by largest remainder, the floor or the ceiling of its exact quota, the units left over going to the largest remainders. A share rounded on its own (Den Haag's 104.360,185… stated as 104.360,18) is reported with the exact value."

    static func check(_ context: inout CheckContext) {
        for stated in context.plan.allocations where stated.shares.contains(where: { $0.stated != nil }) {
            var allocation = stated
            // The amount printed wrong (allocation-sum says so) where the text repeats the amount
            // the shares add up to: the shares are checked against that amount, so the one wrong
            // number is not reported again at every share.
            let shares = stated.shares.compactMap(\.stated)
            if let amount = stated.amount, shares.count == stated.shares.count, let sum = BudgetSumRule.sum(shares), sum != amount,
               stated.alsoStated.contains(where: { $0.key == nil && $0.agrees(with: ExactDecimal(significand: sum.cents, scale: 2))
                                                   && !$0.agrees(with: ExactDecimal(significand: amount.cents, scale: 2)) }) {
                allocation.amount = sum
            }
            // A key the plan names but does not print: the sum is checked (allocation-sum), the
            // shares only against CBS's figures where the key is theirs, else a note says how.
            var fromCBS: PlanDate?
            if let missing = PlanAllocator.missingKeyFigures(stated, in: context.plan) {
                guard let date = missing.cbsDate else {
                    let names = missing.municipalities.count > 3 ? missing.municipalities.prefix(3).joined(separator: ", ") + " and \(missing.municipalities.count - 3) more"
                                                                  : missing.municipalities.joined(separator: ", ")
                    context.report(id, .note, at: stated.pointer + "/key",
                                   "the shares of \"\(stated.name ?? stated.id)\" are checked for their sum only: the plan names the key \"\(missing.measure)\"\(missing.date.map { " on \($0)" } ?? "") but gives \(missing.none ? "no figures for it" : "none for \(names)")",
                                   hint: "add the figures the split was made with under \(missing.whereToAdd) to check each share")
                    continue
                }
                allocation = PlanAllocator.withCBSKey(stated, date: date)
                fromCBS = date
            }
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
                if let date = fromCBS {
                    // CBS's figures may differ from the ones the plan used: a warning, said so.
                    context.report(id, .warning, at: allocation.pointer + "/shares/\(index)/stated",
                                   "the share of \(row.name) is stated as \(context.money(stated, decimals: d)) but by CBS's inhabitants on \(date) the exact share is \(context.money(row.amount, decimals: d)) (\(context.gap(stated, row.amount, decimals: d)))",
                                   hint: "the plan names the key inwoners on \(date) but prints no figures, so amr used CBS's (\(report.keyDescription)); add the plan's own figures under /region/municipalities/…/measures/inwoners to check against those",
                                   stated: stated.description, expected: row.amount.description)
                    continue
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
