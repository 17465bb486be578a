/// An allocation (verdeling) as a plan states it: the amount, the key it is proportional to, the
/// rounding, and the published shares.
public struct AllocationSpec: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var source: SourceReference?
    /// The year the split is for, in a plan that covers several years.
    public var year: Int?
    /// The stated amount to split.
    public var amount: Money?
    /// Where the amount comes from when it is a budget's total less its carry-over.
    public var basis: AllocationBasis?
    public var key: AllocationKey
    public var method: ApportionmentMethod
    public var unit: RoundingUnit
    /// The key's total as printed in the table.
    public var statedWeightTotal: ExactDecimal?
    public var shares: [ShareSpec]
    public var pointer: String
    /// The amount printed elsewhere in the document.
    public var alsoStated: [AlsoStated] = []
}

/// The amount of an allocation taken from a budget.
public struct AllocationBasis: Hashable, Sendable {
    public var budget: String
    public var lessCarryOver: Bool
}

/// What an allocation is proportional to.
public enum AllocationKey: Hashable, Sendable {
    /// Each municipality's observation of a measure (inhabitants, job seekers, …) at a date.
    case measure(name: String, date: PlanDate?)
    /// Each municipality's inhabitants on 1 January of a year as CBS gives them, from the figures
    /// amr carries (`{ "measure": "inwoners", "source": "cbs", "date": "2024-01-01" }`).
    case cbsInhabitants(date: PlanDate)
    /// Equal shares.
    case equal
    /// A weighted mix of measures, each normalised to its own total; percents add up to 100.
    case mix([MixComponent])
    /// The weights are stated in each share.
    case stated

    public struct MixComponent: Hashable, Sendable {
        public var measure: String
        public var date: PlanDate?
        public var percent: ExactDecimal
    }
}

/// One published row of an allocation.
public struct ShareSpec: Hashable, Sendable {
    public var municipality: MunicipalityCode?
    public var label: String?
    public var weight: ExactDecimal?
    public var stated: Money?
    public var pointer: String
}
