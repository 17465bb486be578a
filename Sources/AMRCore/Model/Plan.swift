/// A regional plan (jaarplan, uitvoeringsplan, actieplan, monitor) as read from a plan file.
public struct Plan: Hashable, Sendable {
    /// The plan-file format version this amr reads and writes.
    public static let schemaVersion = 1

    public var id: String
    public var title: String
    public var kind: String
    public var source: SourceReference?
    public var region: Region
    public var period: DatePeriod?
    public var themes: [Theme]
    public var budgets: [Budget]
    public var allocations: [AllocationSpec]
    public var grandTotals: [GrandTotal]
    public var tables: [CountTable]
    public var targets: [Target]
    public var programmes: [Programme]
    public var subprojects: [Subproject]
    public var notes: [String]
    /// The plan's traffic-light threshold: orange at or above this % of expected (default 80).
    public var orangeFrom: ExactDecimal?
    /// Percentages the plan requires of a base (Social Return), with the amounts it derives.
    public var requirements: [Requirement] = []
    /// Percentages the text states as statements of their own.
    public var percentages: [PercentageStatement] = []
    /// Changes between two dated figures the text states.
    public var changes: [ChangeStatement] = []

    public func budget(id: String) -> Budget? { budgets.first { $0.id == id } }

    /// The first table with this id.
    public func table(id: String) -> CountTable? { tables.first { $0.id == id } }

    /// The amount an allocation basis gives: the budget's total, less its carry-over if asked;
    /// nil when the budget, its total or the carry-over is missing.
    public func amount(of basis: AllocationBasis) -> Money? {
        guard let budget = budget(id: basis.budget), let total = budget.total else { return nil }
        guard basis.lessCarryOver else { return total }
        return budget.carryOver.flatMap { try? total.subtracting($0.amount) }
    }
}
