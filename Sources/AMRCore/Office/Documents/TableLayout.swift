/// A document table's rows and columns as `TableInterpreter` understood them: its rows of data by
/// label, its total row, the columns of counts and the percentage columns no base within the table
/// explains. What `CrossTablePercentage` looks through for a percentage's base in another table.
struct TableLayout: Hashable, Sendable {
    struct Row: Hashable, Sendable {
        /// The document row (0-based).
        var row: Int
        /// The label as printed.
        var label: String
    }

    var number: Int
    var caption: String?
    /// The rows of data, in order (no totals, subtotals, reference rows or "waarvan" rows).
    var rows: [Row]
    /// The total row, when the table has one.
    var totalRow: Int?
    /// Columns of counts or amounts (the row total among them), 0-based.
    var countColumns: [Int]
    /// Percentage columns whose count and base are not both in this table.
    var openPercentages: [Int]
    /// Each value column's heading.
    var names: [Int: String]
    /// The numbers of the rows of data and the total row: row, then column.
    var numbers: [Int: [Int: ExactDecimal]]

    func value(_ row: Int, _ column: Int) -> ExactDecimal? { numbers[row]?[column] }

    /// The column's stated total, from the total row.
    func total(_ column: Int) -> ExactDecimal? { totalRow.flatMap { value($0, column) } }
}
