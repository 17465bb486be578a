/// A percentage the plan states in its text as a statement of its own ("80% is 27–65 jaar",
/// "8% van het bestand stroomde uit"), with where its count and its base are printed: a number,
/// a table's cell, a measure at a date or a target. Checked by `percentage`; one whose base the
/// file does not give is a warning that says what to add.
public struct PercentageStatement: Hashable, Sendable {
    public var id: String
    /// The sentence as printed.
    public var text: String?
    public var percent: ExactDecimal
    /// The decimals printed; nil takes the stated value's own.
    public var decimals: Int?
    public var rounding: Rounding?
    /// Printed as an approximation ("ca.", "ruim", "bijna"): agrees within 10% of its value.
    public var approximately: Bool
    public var count: NumberReference?
    public var base: NumberReference?
    public var source: SourceReference?
    public var pointer: String
}

/// Where a number is stated in the plan, or the number itself.
public enum NumberReference: Hashable, Sendable {
    /// A number printed where the statement is (a single stated figure).
    case value(ExactDecimal)
    /// A cell of a table: the row of a municipality (code), cluster (id) or label, or the total
    /// row when `row` is nil.
    case cell(table: String, row: String?, column: String)
    /// A measure of a municipality (code) or cluster (id), or of the whole region when `subject`
    /// is nil (summed over its municipalities), at a date.
    case measure(String, subject: String?, date: PlanDate?)
    /// A target's value.
    case target(String)
}
