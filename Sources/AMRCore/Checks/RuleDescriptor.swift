/// What a consumer of findings needs to know about one rule: its stable id, a one-line summary,
/// a longer help text and the severity its findings have by default. SARIF's `tool.driver.rules`
/// and the help of `amr check` are made from these.
public struct RuleDescriptor: Hashable, Sendable {
    /// The stable id used in findings, e.g. `allocation-sum`.
    public var id: String
    /// One line saying what the rule checks.
    public var summary: String
    /// A paragraph: what is checked, why it goes wrong in real plans, what to do.
    public var help: String
    /// The severity of the rule's findings unless an option changes it (`--strict`).
    public var defaultSeverity: Finding.Severity

    public init(id: String, summary: String, help: String, defaultSeverity: Finding.Severity) {
        self.id = id
        self.summary = summary
        self.help = help
        self.defaultSeverity = defaultSeverity
    }

    /// The id in PascalCase, as SARIF's `reportingDescriptor.name` is usually written:
    /// `allocation-sum` → `AllocationSum`.
    public var name: String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
