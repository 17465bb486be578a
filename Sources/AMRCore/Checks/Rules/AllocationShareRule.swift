/// Each stated share equals the exact share for the plan's key, method and unit. A share that
/// was rounded on its own (Den Haag's 104.360,185… → 104.360,18) is an error with the exact value.
enum AllocationShareRule: PlanRule {
    static let id = "allocation-share"

    static func check(_ context: inout CheckContext) {
        let codes = Set(context.plan.region.municipalities.map(\.code))
        for stated in context.plan.allocations where stated.shares.contains(where: { $0.stated != nil }) {
            // A share for a municipality outside the region, or a basis budget that is not there,
            // is the reference rule's finding, at that place: the split is not also reported as
            // impossible.
            if stated.shares.contains(where: { $0.municipality.map { !codes.contains($0) } ?? false })
                || stated.basis.map({ context.plan.budget(id: $0.budget) == nil }) == true { continue }
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
                    context.report(id, .note, at: stated.pointer + "/key",
                                   context.words.keyNotPrinted(stated.name ?? stated.id, missing.measure, missing.date, missing.none ? nil : missing.municipalities),
                                   hint: context.words.keyNotPrintedHint(missing.whereToAdd))
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
                                       message: context.words.splitImpossible(error.message),
                                       hint: context.words.splitImpossibleHint))
                continue
            }
            let d = allocation.unit.decimals
            let units = report.total.cents / report.unit.cents
            let quotas = try? Apportionment.quotas(units, weights: report.rows.map(\.integerWeight))
            for (index, row) in report.rows.enumerated() {
                guard let stated = row.stated, stated != row.amount else { continue }
                var hint = context.words.exactSplitHint(report.method, context.money(Money(cents: report.unit.cents), decimals: d))
                if let quota = quotas?[index] {
                    let rounded = quota.whole + (quota.remainderNumerator >= quota.denominator - quota.remainderNumerator ? 1 : 0)
                    if let naive = Money(unitsOf: report.unit, count: rounded), naive == stated {
                        hint = context.words.roundedOnItsOwn(hint)
                    }
                }
                if let date = fromCBS {
                    // CBS's figures may differ from the ones the plan used: a warning, said so.
                    context.report(id, .warning, at: allocation.pointer + "/shares/\(index)/stated",
                                   context.words.shareByCBS(row.name, context.money(stated, decimals: d), date, context.money(row.amount, decimals: d),
                                                            context.gap(stated, row.amount, decimals: d)),
                                   hint: context.words.shareByCBSHint(date, report.keyDescription),
                                   stated: stated.description, expected: row.amount.description)
                    continue
                }
                context.report(id, at: allocation.pointer + "/shares/\(index)/stated",
                               context.words.share(row.name, context.money(stated, decimals: d), context.money(row.amount, decimals: d), context.gap(stated, row.amount, decimals: d)),
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
