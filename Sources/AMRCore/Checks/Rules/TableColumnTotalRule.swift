/// In a table with columns and a stated total row, each column's rows add up to its stated
/// total (cells the plan prints empty add nothing; a total printed empty is not checked).
enum TableColumnTotalRule: PlanRule {
    static let id = TableAnalysis.columnRule

    static func check(_ context: inout CheckContext) {
        for table in context.plan.tables where table.form == .columns {
            for finding in TableAnalysis(table, context: context).findings where finding.rule == id { context.append(finding) }
        }
    }
}
