/// A column beside the weights that states each party's share: percentages (`%`, `aandeel (%)`),
/// fractions, or amounts (`bedrag`, `bijdrage`, `verdeling`). It is never a weight; the allocator
/// compares it with the exact split.
public struct ShareColumn: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Percentages of the whole (`25,3` or `25,3%`), compared at the precision written.
        case percentage
        /// Parts of one (`0,253`), compared at the precision written.
        case fraction
        /// Amounts in euros, compared to the cent.
        case amount
    }

    /// One cell of the column, read exactly.
    public struct Value: Hashable, Sendable {
        /// The cell as written.
        public var text: String
        public var value: ExactDecimal
        public var location: SourceLocation
        /// A number a workbook stores as a binary floating-point number: compared with a margin
        /// of one unit in its last digit, since the spreadsheet computed it in binary.
        public var stored: Bool
    }

    /// The header as written.
    public var header: String
    /// Where the header is.
    public var location: SourceLocation
    /// What the column holds; nil when that cannot be told (see `problem`).
    public var kind: Kind?
    /// One value per party row, in the order of `WeightTable.rows`; nil where the cell is empty.
    public var values: [Value?]
    /// Why the column cannot be compared, when it cannot: a value that is not a number, a
    /// notation that cannot be told, an amount with more than 2 decimals.
    public var problem: String?
}
