/// Runs every rule over a plan and returns the findings, sorted by position.
public enum PlanChecker {
    /// The rules, in the order they are documented.
    static let rules: [any PlanRule.Type] = [
        BudgetSumRule.self, CarryOverRule.self, AllocationSumRule.self, AllocationShareRule.self, GrandTotalRule.self, FormulaRule.self, TargetSplitRule.self,
        CountTotalRule.self, PercentageRule.self, TransparencyOverlapRule.self, ReferenceRule.self, DuplicateIdRule.self, PeriodRule.self,
        CBSInhabitantsRule.self, CBSMembershipRule.self,
    ]

    /// Id and summary of each rule, for help text and documentation.
    public static var ruleSummaries: [(id: String, summary: String)] {
        rules.map { ($0.id, $0.summary) } + [(unknownKeyRule, "keys the plan format does not define (a typo such as \"ammount\")")]
    }

    /// The id under which unknown keys are reported.
    public static let unknownKeyRule = "unknown-key"

    /// All findings for `loaded`. Unknown keys are warnings, or errors when `strict`.
    public static func check(_ loaded: LoadedPlan, locale: NumberLocale = .nl, strict: Bool = false) -> [Finding] {
        var context = CheckContext(loaded: loaded, locale: locale)
        for rule in rules { rule.check(&context) }
        for warning in loaded.warnings {
            context.append(Finding(rule: unknownKeyRule, severity: strict ? .error : .warning, location: warning.location,
                                   message: warning.message, hint: strict ? "remove the key or correct its spelling" : nil))
        }
        return context.findings.sorted()
    }
}
