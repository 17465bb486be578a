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
        /// The budget's title as published (`Benodigde middelen 2018`).
        public var budgetTitle: String? = nil
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
    /// What the split is proportional to.
    public var key: Key
    /// The name column's heading: `municipality`, or the weights file's own (`gemeente`).
    public var nameHeading: String
    /// The weight column's heading: `inwoners`.
    public var weightName: String
    public var weightTotal: ExactDecimal?
    public var statedWeightTotal: ExactDecimal?
    public var rows: [Row]
    /// The amount the plan states for the split, when it states one.
    public var statedAmount: Money?
    /// The sheet of a workbook the weights were read from.
    public var sheet: String? = nil
    /// The CBS figures the split uses or was checked against (credit, region, differences).
    public var cbs: CBSUse? = nil
    /// The weights table's total row (ad hoc splits): never a party, its value checked.
    public var totalRow: TotalRow? = nil
    /// The weights table's subtotal rows (clusters), each checked against its rows.
    public var subtotalRows: [TotalRow] = []
    /// The weights table's share columns, compared with the exact split.
    public var shareColumns: [ShareColumnCheck] = []
    /// Where the key's figures come from, as the plan cites them (`cbs.nl, geraadpleegd op …`).
    public var keySources: [String] = []
    /// Where the plan states the split (`Jaarplan 2018, Schema 3`).
    public var statedIn: String? = nil

    /// What a split is proportional to, for the words of a report.
    public enum Key: Hashable, Sendable {
        /// Each municipality's observation of a measure at a date.
        case measure(String, date: PlanDate?)
        case equal
        /// Weights stated per share.
        case stated
        /// A weighted mix of measures.
        case mix([MixPart])
        /// The weight column of a file.
        case file(column: String, file: String)
        /// CBS's inhabitants on a date, from one of its tables (`85984NED`).
        case cbsInhabitants(date: PlanDate, table: String)
    }

    /// One measure of a mix of keys with its percent.
    public struct MixPart: Hashable, Sendable {
        public var percent: ExactDecimal
        public var measure: String
        public var date: PlanDate?
    }

    /// The key in plain English, a stable text for JSON: `inwoners on 2017-09-27`.
    public var keyDescription: String {
        switch key {
        case .measure(let name, let date): name + (date.map { " on \($0)" } ?? "")
        case .equal: "equal shares"
        case .stated: "weights stated per share"
        case .mix(let parts): parts.map { "\($0.percent)% \($0.measure)" + ($0.date.map { " on \($0)" } ?? "") }.joined(separator: " + ")
        case .file(let column, let file): "\(column) from \(file)"
        case .cbsInhabitants(let date, let table): "inwoners on \(date) (CBS \(table))"
        }
    }

    /// Each row's part of the whole key, in percent (display only; the amounts are exact).
    public func sharePercent(_ row: Row, decimals: Int = 2) -> ExactDecimal? {
        var sum: Int128 = 0
        for other in rows {
            let (s, overflow) = sum.addingReportingOverflow(other.integerWeight)
            if overflow { return nil }
            sum = s
        }
        guard sum > 0 else { return nil }
        return Fraction(row.integerWeight, sum).multiplied(by: Fraction(100))?.decimal(decimals)
    }

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

    /// Whether the stated total of the weights (a plan's `statedWeightTotal`, a table's total
    /// row) and every subtotal equal the sum of their rows.
    public var weightTotalsMatch: Bool {
        if let totalRow, !totalRow.matches { return false }
        if subtotalRows.contains(where: { !$0.matches }) { return false }
        if totalRow == nil, let stated = statedWeightTotal, let computed = weightTotal, ExactDecimal.compare(stated, computed) != 0 { return false }
        return true
    }

    /// True unless a stated share, the stated amount, a stated weight total or subtotal, or a
    /// share column differs from the exact split.
    public var matchesStated: Bool {
        differingRows.isEmpty && (statedAmount.map { $0 == total } ?? true) && weightTotalsMatch
            && shareColumns.allSatisfy(\.matches)
    }
}
