/// How rows and columns of a table are named in messages: a row by its printed label, else its
/// municipality's or cluster's name; a column by its heading.
struct TableNames {
    let table: CountTable
    let plan: Plan
    let words: CheckWording

    func row(_ ref: TableAnalysis.RowRef) -> String {
        switch ref {
        case .total: return words.totalRow(table.totalLabel)
        case .row(let index): return table.rows.indices.contains(index) ? row(table.rows[index]) : words.rowNumber(index + 1)
        }
    }

    /// `"27+" of Zeewijk in "WW naar leeftijd"`.
    func cell(_ ref: TableAnalysis.RowRef, _ column: String) -> String { words.cell(self.column(column), row(ref), table.title) }

    func row(_ row: CountTable.Row) -> String { row.displayName(in: plan.region) }

    func column(_ id: String) -> String { table.column(id)?.title ?? id }
}
