/// How rows and columns of a table are named in messages: a row by its printed label, else its
/// municipality's or cluster's name; a column by its heading.
struct TableNames {
    let table: CountTable
    let plan: Plan

    func row(_ ref: TableAnalysis.RowRef) -> String {
        switch ref {
        case .total: return table.totalLabel.map { "the total row \"\($0)\"" } ?? "the total row"
        case .row(let index): return table.rows.indices.contains(index) ? row(table.rows[index]) : "row \(index + 1)"
        }
    }

    func row(_ row: CountTable.Row) -> String { row.displayName(in: plan.region) }

    func column(_ id: String) -> String { table.column(id)?.title ?? id }
}
