/// One arithmetic or structural rule of `amr check`. Each rule declares its id next to its code
/// and reports every violation it finds, never stopping at the first. Its summary and help, like
/// its messages, are in the wording catalogues (`CheckWording.rules`), one per language.
protocol PlanRule: Sendable {
    /// Stable id used in output and documentation, e.g. `budget-sum`.
    static var id: String { get }
    static func check(_ context: inout CheckContext)
}

extension CheckContext {
    /// Exact sum of amounts; nil (and a finding) when it does not fit.
    mutating func sum(_ amounts: [Money], rule: String, at pointer: String) -> Money? {
        var total: Int64 = 0
        for amount in amounts {
            let (s, overflow) = total.addingReportingOverflow(amount.cents)
            if overflow {
                report(rule, at: pointer, words.tooLargeToAdd, hint: words.tooLargeHint)
                return nil
            }
            total = s
        }
        return Money(cents: total)
    }

    /// Exact sum of decimals; nil when it does not fit.
    func sum(_ values: [ExactDecimal]) -> ExactDecimal? { ExactDecimal.sum(values) }
}

extension ExactDecimal {
    /// Equal as numbers, whatever the number of decimals (`1.50` == `1.5`).
    func isEqual(to other: ExactDecimal) -> Bool {
        let scale = max(scale, other.scale)
        guard let a = scaled(to: scale), let b = other.scaled(to: scale) else { return false }
        return a == b
    }
}
