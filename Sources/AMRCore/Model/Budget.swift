/// A budget (begroting) as published: a tree of lines with stated amounts, a stated total and
/// an optional carry-over. Stated amounts are kept as printed, errors included; the checker
/// compares them with the sums.
public struct Budget: Hashable, Sendable {
    public var id: String
    public var title: String?
    public var source: SourceReference?
    public var lines: [BudgetLine]
    /// The stated total; in a budget with year columns, the grand total over the years.
    public var total: Money?
    /// The year columns of a multi-year budget, in order; empty for a one-year budget.
    public var years: [Int]
    /// The stated column totals per year.
    public var totals: [Int: Money]
    public var carryOver: CarryOver?
    /// JSON pointer of the budget in its file.
    public var pointer: String
    /// The total (or, with `year`, a column total) printed elsewhere in the document.
    public var alsoStated: [AlsoStated] = []
}

/// One line of a budget; a line with `lines` states a subtotal of its parts.
public struct BudgetLine: Hashable, Sendable {
    public var id: String?
    public var name: String
    /// The stated amount; in a budget with year columns, the row total over the years.
    public var amount: Money?
    /// The stated amount per year, in a budget with year columns.
    public var amounts: [Int: Money]
    public var lines: [BudgetLine]
    public var formula: CostFormula?
    public var note: String?
    public var pointer: String
    /// Who pays for the line, as the plan says (`Regio`, `Gemeenten`, `UWV`).
    public var financier: String?
    /// The amount (or, with `year`, a year's amount) printed elsewhere in the document.
    public var alsoStated: [AlsoStated] = []
}

/// How a cost line was computed, as the plan states it.
public enum CostFormula: Hashable, Sendable {
    /// `count × unitPrice` (8 trajectories × €8,000).
    case count(ExactDecimal, unitPrice: Money)
    /// `hoursPerWeek × weeks × rate` (16 h/week × 46 weeks × €75/h).
    case hours(perWeek: ExactDecimal, weeks: ExactDecimal, rate: Money)
    /// `fte × annualCost × partOfYear` (2.5 FTE × €62,000, half of it in the starting year).
    case staff(fte: ExactDecimal, annualCost: Money, partOfYear: ExactDecimal)
}

/// Money left from an earlier year (overschot, overheveling), deducted before a split.
public struct CarryOver: Hashable, Sendable {
    public var fromYear: Int?
    public var amount: Money
    public var parts: [BudgetLine]
    public var note: String?
    public var pointer: String
}
