/// A table of counts as published: named columns (counts by category, an "of whom" part, the row
/// total, percentages of a base), one row per municipality, cluster or label, and the stated
/// total row. The oldest plan files write a single column (`rows: [{ municipality, value }]`,
/// `total`); they are read into the same shape, with one column whose id is `value`.
public struct CountTable: Hashable, Sendable {
    /// How the file wrote the table; the single-column form is checked by `count-total`, the form
    /// with columns by the `table-…` rules.
    public enum Form: String, Hashable, Sendable { case singleColumn, columns }

    /// A column of the table, in the published order.
    public struct Column: Hashable, Sendable {
        /// What a column holds, which decides how it adds up.
        public enum Kind: Hashable, Sendable {
            /// A count that is an addend of the row total (a category such as "< 27").
            case count
            /// An "of whom" column: a part of the column with this id, never added to the row total.
            case part(of: String)
            /// The row total: the sum of the count columns.
            case total
            /// A percentage of a base.
            case percentage(PercentageSpec)
        }

        public var id: String
        /// The heading as printed.
        public var name: String?
        /// What the column counts when it differs from the table's measure (`matches`).
        public var measure: String?
        /// The category of the table's measure it counts (`< 27`, `0–40%`).
        public var category: String?
        /// The reference date of the column's values when it differs from the table's.
        public var date: PlanDate?
        public var source: SourceReference?
        public var kind: Kind
        public var pointer: String

        /// The heading to show: the printed name, else the id.
        public var title: String { name ?? id }

        public var isPercentage: Bool {
            if case .percentage = kind { return true }
            return false
        }

        /// The column this one is a part of, for an "of whom" column.
        public var wholeColumn: String? {
            if case .part(let whole) = kind { return whole }
            return nil
        }
    }

    /// A percentage column: `count` as a percentage of `base`, rounded as the plan rounds.
    public struct PercentageSpec: Hashable, Sendable {
        /// The id of the column (in the same table) whose value is expressed as a percentage.
        public var count: String
        public var base: PercentageBase
        /// How the plan rounds; nil accepts the percentage rounded either way.
        public var rounding: Rounding?
        /// The number of decimals printed; nil takes each stated value's own decimals.
        public var decimals: Int?
        /// JSON pointer of the `percent` object.
        public var pointer: String
    }

    /// What a percentage is of.
    public enum PercentageBase: Hashable, Sendable {
        /// Another column of the same row.
        case column(String)
        /// A column of another table, in the row for the same municipality, cluster or label.
        case table(String, column: String)
        /// A measure of the row's municipality (summed over a cluster's municipalities) at a date
        /// (the table's date when left out).
        case measure(String, date: PlanDate?)
        /// One number for every row: a figure printed once (`{ "value": 3775 }`) or one cell of a
        /// table (`{ "table", "column", "row" }`; its total row when `row` is left out).
        case fixed(NumberReference)
    }

    /// One stated number in a table.
    public struct Cell: Hashable, Sendable {
        public var value: ExactDecimal
        /// The reference date of this value when it differs from its column's and table's.
        public var date: PlanDate?
        /// The same number printed elsewhere in the document.
        public var alsoStated: [AlsoStated]
        public var note: String?
        /// JSON pointer of the number itself.
        public var pointer: String
    }

    /// A row: for a municipality, a cluster or a printed label.
    public struct Row: Hashable, Sendable {
        public var municipality: MunicipalityCode?
        public var cluster: String?
        /// The row's name as printed.
        public var label: String?
        /// Column id → cell; a column the plan leaves empty has no cell.
        public var cells: [String: Cell]
        public var note: String?
        public var pointer: String
        /// The figure of the whole country (or another area beyond the region) printed beside the
        /// region's for comparison: no part of any sum of the table.
        public var national: Bool = false

        /// The cell of a column, if the plan prints one.
        public func cell(_ column: String) -> Cell? { cells[column] }

        /// The value of the single column of a table in the single-column form.
        public var value: ExactDecimal? { cells[CountTable.singleColumnID]?.value }

        /// The row's name to show: its label as printed, else its municipality's or cluster's
        /// name in the region, else the code or id.
        public func displayName(in region: Region) -> String {
            if let label { return label }
            if let municipality { return region.municipality(municipality)?.name ?? municipality.rawValue }
            if let cluster { return region.clusters.first { $0.id == cluster }?.name ?? cluster }
            return "a row"
        }
    }

    /// The id of the one column of a table in the single-column form.
    public static let singleColumnID = "value"

    public var id: String
    public var name: String?
    /// What the table counts (`bijstand`, `outflow`); columns may narrow it by category.
    public var measure: String?
    /// The reference date (peildatum) of its values.
    public var date: PlanDate?
    public var columns: [Column]
    public var rows: [Row]
    /// The stated total row: column id → cell; empty where the plan prints no total row, and
    /// without cells where it prints them empty.
    public var totals: [String: Cell]
    /// The total row's label as printed (`Totaal`, `Rijnmond`).
    public var totalLabel: String?
    public var source: SourceReference?
    public var note: String?
    public var form: Form
    public var pointer: String
    /// The unit every number of the table is rounded to as published (UWV rounds counts to
    /// tens): sums and repeats are compared within that rounding.
    public var roundedTo: ExactDecimal? = nil

    /// The table's name, or its id.
    public var title: String { name ?? id }

    /// The stated total of a table in the single-column form.
    public var total: ExactDecimal? { totals[Self.singleColumnID]?.value }

    public func column(_ id: String) -> Column? { columns.first { $0.id == id } }

    /// The columns a row total adds up: the counts of the table's own measure (a count column of
    /// another measure, such as matches beside job seekers, is no addend).
    public var addendColumns: [Column] {
        columns.filter { $0.kind == .count && ($0.measure == nil || $0.measure == measure) }
    }

    /// The row-total column, if the table has one.
    public var totalColumn: Column? { columns.first { $0.kind == .total } }

    /// Whether the plan prints a total row.
    public var hasTotalRow: Bool { !totals.isEmpty }
}
