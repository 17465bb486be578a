/// A total a plan states over several allocations or budgets, e.g. the contributions of three
/// years together ("€ 795.000 over 2019–2021").
public struct GrandTotal: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var amount: Money
    /// Ids of the allocations whose amounts it adds up.
    public var allocations: [String]
    /// Ids of the budgets whose totals it adds up.
    public var budgets: [String]
    public var source: SourceReference?
    public var pointer: String
    /// The amount printed elsewhere in the document.
    public var alsoStated: [AlsoStated] = []
}
