/// A row of a weights table that states the total of other rows instead of being a party: the
/// `Totaal;802.209` an Excel export ends in, or a cluster's subtotal inside the table. It is never
/// allocated to; its value is checked against the rows it adds up.
public struct TotalRow: Hashable, Sendable {
    /// How the row was told apart from a party.
    public enum Recognition: String, Hashable, Sendable {
        /// Its first field says so: `Totaal`, `Subtotaal BAR`, `Eindtotaal`, `Noord totaal`, …
        case label
        /// It carries the region's name, given by the caller (the last row only).
        case name
        /// It is the last row and its weight is exactly the sum of the rows above it.
        case sum
    }

    /// A party row whose weight is exactly the difference between the stated and the computed
    /// total: an unlabelled subtotal, or a row the published total left out.
    public struct Explanation: Hashable, Sendable {
        public var name: String
        public var line: Int
        public var weight: ExactDecimal
    }

    /// The label as written (`Totaal`), or empty when the row has none.
    public var label: String
    /// Where the row is: its 1-based line (a workbook's row) and, for a workbook, its sheet.
    public var location: SourceLocation
    /// The value the row states; nil when the row is a total row left empty.
    public var stated: ExactDecimal?
    /// The exact sum of the party rows it adds up.
    public var sum: ExactDecimal
    /// How many party rows it adds up, and the lines of the first and the last of them.
    public var rowCount: Int
    public var firstLine: Int
    public var lastLine: Int
    public var recognisedBy: Recognition
    /// A subtotal inside the table (a cluster) rather than the table's total.
    public var isSubtotal: Bool
    /// When the stated value differs: a row whose weight is exactly the difference.
    public var explanation: Explanation?

    public var line: Int { location.line }

    /// True unless the row states a value that differs from the sum of its rows.
    public var matches: Bool {
        guard let stated else { return true }
        return ExactDecimal.compare(stated, sum) == 0
    }
}
