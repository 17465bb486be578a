/// A percentage a plan requires of a base above a threshold, and the amounts it derives from it.
/// Rijnmond's Social Return: every purchase of € 50.000 or more carries social return of, on
/// average, 5% of the contract value; over a purchase volume of 2,5 to 3 billion that is 125 to
/// 150 million a year.
public struct Requirement: Hashable, Sendable {
    /// An amount the plan derives from the requirement: `percent` of `base`.
    public struct Estimate: Hashable, Sendable {
        public var label: String?
        public var base: Money
        public var amount: Money
        public var note: String?
        public var pointer: String
    }

    public var id: String
    public var name: String
    public var theme: String?
    /// The percentage required.
    public var percent: ExactDecimal
    /// What the percentage is of, in words (`opdrachtwaarde`).
    public var of: String?
    /// The requirement applies to bases of at least this amount (a threshold such as € 50.000).
    public var minimum: Money?
    /// The percentage is an average over all cases, not a minimum for each.
    public var average: Bool
    public var estimates: [Estimate]
    public var alsoStated: [AlsoStated]
    public var source: SourceReference?
    public var note: String?
    public var pointer: String
}
