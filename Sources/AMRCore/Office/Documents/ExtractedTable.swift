/// A document table as amr understood it, in the terms of the plan format's tables: columns
/// (counts, the row total, "of whom" parts, percentages of a base), rows, the total row. Each
/// number remembers where it is printed, so a finding on the plan table is reported at the
/// document's table, row and column. A table with subtotals becomes several: one per group, and
/// the table of groups under its grand total.
struct ExtractedTable: Hashable, Sendable {
    /// Where a number is printed: 0-based row and column of the document table's grid.
    struct Position: Hashable, Sendable {
        var row: Int
        var column: Int
    }

    struct Value: Hashable, Sendable {
        var value: ExactDecimal
        var position: Position
    }

    struct Column: Hashable, Sendable {
        enum Kind: Hashable, Sendable {
            case count
            case total
            case part(of: String)
            case percentage(count: String, base: String, rounding: Rounding?)
            /// Each row's share of the column's stated total (the total row: 100%).
            case share(count: String, total: ExactDecimal, rounding: Rounding?)
            /// A percentage whose base (and perhaps its count) is printed in another table.
            case external(count: String, base: ExternalBase, rounding: Rounding?)
        }

        var id: String
        var name: String
        var kind: Kind
        /// The document column (0-based).
        var column: Int
    }

    /// A percentage's base in another table of the document: a column of it in the rows with
    /// the same labels (`values`, per document row of the percentage), or one stated `total`.
    struct ExternalBase: Hashable, Sendable {
        var table: Int
        var caption: String?
        /// The base column's heading, and its place in its table (0-based).
        var columnName: String
        var column: Int
        var total: ExactDecimal?
        var values: [Int: ExactDecimal]
        /// The table the count is printed in, when it is not the percentage's own.
        var countTable: Int?
        var countCaption: String?

        func value(row: Int) -> ExactDecimal? { total ?? values[row] }
    }

    struct Row: Hashable, Sendable {
        var label: String
        /// The document row (0-based).
        var row: Int
        var cells: [String: Value]
    }

    var id: String
    var name: String
    /// The document table: its number and caption.
    var table: Int
    var caption: String?
    /// The group this table is, within its document table (`Subtotaal Noord`), if any.
    var group: String?
    var columns: [Column]
    var rows: [Row]
    /// The stated total per column id; empty when there is no total row.
    var totals: [String: Value]
    var totalLabel: String?
    /// Why amr takes the total row (or column) for a total, in the reader's words (see `DocumentWording`).
    var totalReason: TotalReason?
    /// What amr left unchecked and why (a difference within the rounding of a rounded table).
    var notes: [String]

    /// How amr knows a row states the total of the others.
    enum TotalReason: Hashable, Sendable {
        /// Its label says so: `Totaal`, `Eindtotaal`, `Subtotaal Noord`.
        case label(String)
        /// It is the last row, named after a labour-market region, and another column of it is
        /// exactly the sum of the rows above.
        case regionName(String)
        /// It is the last row, and these columns of it are exactly the sums of the rows above.
        case sums(String, columns: [String])
        /// The column's heading is an amount, and the amounts under it are its parts.
        case heading
    }

    func column(_ id: String) -> Column? { columns.first { $0.id == id } }

    /// The id of the table that holds a share column's total in every row, as the plan format
    /// takes a base from another table.
    func shareBaseTable(_ column: Column) -> String { "\(id)-basis-\(column.id)" }

    /// The id of the table that holds an external base column by the percentage table's labels.
    func externalBaseTable(_ column: Column) -> String { "\(id)-basis" }
}
