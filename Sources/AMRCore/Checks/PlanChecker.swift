/// Runs every rule over a plan and returns the findings, sorted by position.
public enum PlanChecker {
    /// The rules, in the order they are documented.
    static let rules: [any PlanRule.Type] = [
        BudgetSumRule.self, CarryOverRule.self, AllocationSumRule.self, AllocationShareRule.self, GrandTotalRule.self, FormulaRule.self, TargetSplitRule.self,
        CountTotalRule.self, TableRowTotalRule.self, TableColumnTotalRule.self, PercentageRule.self, TablePercentageRule.self,
        ConsistencyRule.self, TransparencyOverlapRule.self, ReferenceRule.self, DuplicateIdRule.self, PeriodRule.self,
        CBSInhabitantsRule.self, CBSMembershipRule.self,
    ]

    /// Id and summary of each rule, for help text and documentation (in English, as all of
    /// amr's help is).
    public static var ruleSummaries: [(id: String, summary: String)] {
        ruleDescriptors(locale: .en).map { ($0.id, $0.summary) }
    }

    /// The id under which unknown keys are reported.
    public static let unknownKeyRule = "unknown-key"

    /// Every rule with its summary, help text (in the locale's language) and default severity,
    /// in the order they are documented; unknown keys last.
    public static func ruleDescriptors(locale: NumberLocale) -> [RuleDescriptor] {
        let words = CheckWording.of(locale)
        func descriptor(_ id: String, _ severity: Finding.Severity) -> RuleDescriptor {
            let text = words.rules[id]
            return RuleDescriptor(id: id, summary: text?.summary ?? id, help: text?.help ?? id, defaultSeverity: severity)
        }
        return rules.map { descriptor($0.id, .error) } + [descriptor(unknownKeyRule, .warning)]
    }

    /// All findings for `loaded`. Unknown keys are warnings, or errors when `strict`.
    public static func check(_ loaded: LoadedPlan, locale: NumberLocale = .nl, strict: Bool = false) -> [Finding] {
        var context = CheckContext(loaded: loaded, locale: locale)
        for rule in rules { rule.check(&context) }
        MeasureCorrection.collapse(&context)
        let words = context.words
        for warning in loaded.warnings {
            context.append(Finding(rule: unknownKeyRule, severity: strict ? .error : .warning, location: warning.location,
                                   message: words.unknownKey(warning.key, warning.suggestion, warning.known),
                                   hint: strict ? words.unknownKeyStrictHint : nil))
        }
        return Finding.ordered(context.findings)
    }
}
