/// The result of an allocation, ready to render: each party's exact share next to the share the
/// plan states, and how the amount and the key were arrived at. Renderers only format it.
public struct AllocationReport: Hashable, Sendable {
    /// One party of the split, in input order.
    public struct Row: Hashable, Sendable {
        public var name: String
        public var code: MunicipalityCode?
        /// The key's value for this party, as given (nil for a mix of keys, see `integerWeight`).
        public var weight: ExactDecimal?
        /// The weight the engine used: proportional to the key, scaled to whole numbers.
        public var integerWeight: Int128
        /// The exact share.
        public var amount: Money
        /// The share as the plan states it.
        public var stated: Money?
        /// `stated − amount`: how far the published share is off (negative: too low).
        public var difference: Money?
    }

    /// The amount split, when it is a budget's total less its carry-over.
    public struct AmountBasis: Hashable, Sendable {
        public var budget: String
        public var budgetTotal: Money
        public var carryOver: Money?
        public var amount: Money
    }

    /// The allocation's id in its plan; nil for an ad hoc split.
    public var id: String?
    /// What is split, in the plan's words: `Verdeling naar inwonertal (Schema 3)`.
    public var title: String
    /// The plan or file the split comes from: `Haaglanden 2018`, `weights.csv`.
    public var context: String
    public var total: Money
    public var basis: AmountBasis?
    public var unit: RoundingUnit
    public var method: ApportionmentMethod
    /// The key in words: `inwoners on 2017-09-27`.
    public var keyDescription: String
    /// The name column's heading: `municipality`, or the weights file's own (`gemeente`).
    public var nameHeading: String
    /// The weight column's heading: `inwoners`.
    public var weightName: String
    public var weightTotal: ExactDecimal?
    public var statedWeightTotal: ExactDecimal?
    public var rows: [Row]
    /// The amount the plan states for the split, when it states one.
    public var statedAmount: Money?
    /// What `context` is, when it is neither a plan nor a file: `region`.
    public var contextLabel: String? = nil
    /// The credit for reference figures the split uses ("Bron: CBS, 85984NED …, CC BY 4.0").
    public var source: String? = nil
    /// Remarks on the input that do not change the split: weights that differ from CBS's figures,
    /// uncertain region membership.
    public var notes: [String] = []

    /// The sum of the stated shares, when every row states one.
    public var statedSum: Money? {
        guard !rows.isEmpty, rows.allSatisfy({ $0.stated != nil }) else { return nil }
        return try? Money.sum(rows.compactMap(\.stated))
    }

    /// `statedSum − total`; nil when not every row states a share.
    public var sumDifference: Money? {
        statedSum.flatMap { try? $0.subtracting(total) }
    }

    /// Rows whose stated share is not the exact one.
    public var differingRows: [Row] {
        rows.filter { ($0.difference?.cents ?? 0) != 0 }
    }

    /// Whether any share is stated at all.
    public var hasStatedShares: Bool { rows.contains { $0.stated != nil } }

    /// True unless a stated share, or the stated amount, differs from the exact split.
    public var matchesStated: Bool {
        differingRows.isEmpty && (statedAmount.map { $0 == total } ?? true)
    }
}
