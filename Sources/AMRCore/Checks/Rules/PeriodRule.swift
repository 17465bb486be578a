/// Dates and years agree with the plan's period: targets and measurements fall inside it (a
/// baseline and reference dates of measures may lie before it), and a carry-over comes from an
/// earlier year.
enum PeriodRule: PlanRule {
    static let id = "period"

    static func check(_ context: inout CheckContext) {
        let plan = context.plan
        guard let period = plan.period else { return }
        let words = context.words
        // A target quoted as background (an earlier plan's) is not one of this plan's.
        for target in plan.targets where !target.background {
            if let date = target.date, !period.contains(date) {
                context.report(id, at: target.pointer + "/date",
                               words.targetDateOutside(target.name, date, period.start, period.end), hint: words.targetDateHint)
            }
            if let baseline = target.baseline, let date = target.date, baseline.date > date {
                context.report(id, at: target.pointer + "/baseline/date",
                               words.baselineAfter(target.name, baseline.date, date), hint: words.baselineAfterHint)
            }
        }
        for budget in plan.budgets {
            if let from = budget.carryOver?.fromYear, from >= period.start.year {
                context.report(id, at: budget.pointer + "/carryOver/from",
                               words.carryOverYear(from, period.start, period.end), hint: words.carryOverYearHint)
            }
        }
    }
}
