/// In a table with a row-total column, each row's count columns add up to its row total; an
/// "of whom" column is not added and is never more than its whole. One wrong number that also
/// breaks its column is reported once, at the number (see `TableAnalysis`).
enum TableRowTotalRule: PlanRule {
    static let id = TableAnalysis.rowRule

    static func check(_ context: inout CheckContext) {
        for table in context.plan.tables where table.form == .columns {
            for finding in TableAnalysis(table, context: context).findings where finding.rule == id { context.append(finding) }
        }
    }
}
