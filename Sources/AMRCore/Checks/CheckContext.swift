/// What every rule needs while checking one plan: the plan, where its values are in the file,
/// the words and the notation of the reader's language, and the list of findings to add to.
public struct CheckContext {
    public let loaded: LoadedPlan
    public let locale: NumberLocale
    /// The words of the messages, in the locale's language.
    let words: CheckWording
    public private(set) var findings: [Finding] = []

    public init(loaded: LoadedPlan, locale: NumberLocale) {
        self.loaded = loaded
        self.locale = locale
        words = CheckWording.of(locale)
    }

    public var plan: Plan { loaded.plan }

    mutating func report(_ rule: String, _ severity: Finding.Severity = .error, at pointer: String, _ message: String,
                         hint: String? = nil, stated: String? = nil, expected: String? = nil) {
        findings.append(Finding(rule: rule, severity: severity, location: loaded.location(of: pointer), message: message,
                                hint: hint, stated: stated, expected: expected))
    }

    mutating func append(_ finding: Finding) { findings.append(finding) }

    /// Leaves out the findings a later look shows to be one finding elsewhere.
    mutating func remove(where found: (Finding) -> Bool) { findings.removeAll(where: found) }

    /// `€ 159.500,00` in the context's locale.
    /// `decimals` 0 shows whole euros as `€ 240.001` (and cents only where there are any).
    func money(_ amount: Money, decimals: Int = 2) -> String { locale.format(amount, decimals: decimals) }

    /// How far `stated` is from `expected`, in words: `€ 0,01 te weinig`, `€ 0,01 te veel`.
    func gap(_ stated: Money, _ expected: Money, decimals: Int = 2) -> String {
        let difference = Int128(stated.cents) - Int128(expected.cents)
        let size = Money(cents: Int64(clamping: difference.magnitude))
        return words.gap(money(size, decimals: decimals), difference < 0)
    }

    /// A decimal in the context's locale, with grouping: `2.850`, `12,5`.
    func number(_ value: ExactDecimal) -> String { locale.format(value) }
}
