/// Dates and years agree with the plan's period: targets and measurements fall inside it (a
/// baseline and reference dates of measures may lie before it), and a carry-over comes from an
/// earlier year.
enum PeriodRule: PlanRule {
    static let id = "period"

    static func check(_ context: inout CheckContext) {
        let plan = context.plan
        guard let period = plan.period else { return }
        let span = "\(period.start) – \(period.end)"
        // A target quoted as background (an earlier plan's) is not one of this plan's.
        for target in plan.targets where !target.background {
            if let date = target.date, !period.contains(date) {
                context.report(id, at: target.pointer + "/date",
                               "target \"\(target.name)\" is for \(date), outside the plan period \(span)",
                               hint: "correct the date or the plan's period")
            }
            if let baseline = target.baseline, let date = target.date, baseline.date > date {
                context.report(id, at: target.pointer + "/baseline/date",
                               "the baseline of \"\(target.name)\" (\(baseline.date)) lies after the target date \(date)",
                               hint: "the baseline (nulmeting) is where counting starts; it comes first")
            }
        }
        for budget in plan.budgets {
            if let from = budget.carryOver?.fromYear, from >= period.start.year {
                context.report(id, at: budget.pointer + "/carryOver/from",
                               "the carry-over comes from \(from), not from a year before the plan period \(span)",
                               hint: "a carry-over (overschot) is money left from an earlier year")
            }
        }
    }
}
