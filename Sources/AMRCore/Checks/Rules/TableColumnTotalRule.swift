/// In a table with columns and a stated total row, each column's rows add up to its stated
/// total (cells the plan prints empty add nothing; a total printed empty is not checked).
enum TableColumnTotalRule: PlanRule {
    static let id = TableAnalysis.columnRule
    static let summary = "each column of a table adds up to its stated total"
    static let help = "A table that prints a total row states, for each column, the sum of its rows. Each stated column total must equal the sum of the rows (cells printed empty are left out); an \"of whom\" column is checked the same way within itself. When a row total and a column total disagree by the same amount, the finding is placed at the cell that explains both."

    static func check(_ context: inout CheckContext) {
        for table in context.plan.tables where table.form == .columns {
            for finding in TableAnalysis(table, context: context).findings where finding.rule == id { context.append(finding) }
        }
    }
}
