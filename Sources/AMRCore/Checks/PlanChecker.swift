/// Runs every rule over a plan and returns the findings, sorted by position.
public enum PlanChecker {
    /// The rules, in the order they are documented.
    static let rules: [any PlanRule.Type] = [
        BudgetSumRule.self, CarryOverRule.self, AllocationSumRule.self, AllocationShareRule.self, GrandTotalRule.self, FormulaRule.self, TargetSplitRule.self,
        CountTotalRule.self, TableRowTotalRule.self, TableColumnTotalRule.self, PercentageRule.self, TablePercentageRule.self,
        ConsistencyRule.self, TransparencyOverlapRule.self, ReferenceRule.self, DuplicateIdRule.self, PeriodRule.self,
        CBSInhabitantsRule.self, CBSMembershipRule.self,
    ]

    /// Id and summary of each rule, for help text and documentation.
    public static var ruleSummaries: [(id: String, summary: String)] {
        ruleDescriptors.map { ($0.id, $0.summary) }
    }

    /// The id under which unknown keys are reported.
    public static let unknownKeyRule = "unknown-key"

    /// Every rule with its help text and default severity, in the order they are documented;
    /// unknown keys last.
    public static var ruleDescriptors: [RuleDescriptor] {
        rules.map { RuleDescriptor(id: $0.id, summary: $0.summary, help: $0.help, defaultSeverity: .error) } + [
            RuleDescriptor(id: unknownKeyRule, summary: unknownKeySummary,
                           help: "A key the plan format does not define is ignored, which hides a typo such as \"ammount\": the amount is then missing. It is a warning, and an error with --strict; the message suggests the nearest known key.",
                           defaultSeverity: .warning),
        ]
    }

    static let unknownKeySummary = "keys the plan format does not define (a typo such as \"ammount\")"

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
