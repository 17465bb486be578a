/// Placement counts as a document: the file, the period and the number of records, then one row
/// per group sorted by its keys, and the total.
public enum PlacementDocument {
    public static func build(_ counts: PlacementCounts, file: String, from: PlanDate? = nil, to: PlanDate? = nil,
                             locale: NumberLocale) -> ReportDocument {
        let w = Wording.of(locale)
        var facts = [ReportDocument.Fact(w.fileLabel, file)]
        let period = [from.map { w.fromDate(w.date($0)) }, to.map { w.toDate(w.date($0)) }].compactMap { $0 }
        if !period.isEmpty { facts.append(.init(w.periodLabel, period.joined(separator: " "))) }
        facts.append(.init(w.recordsLabel, w.recordsRead(locale.format(Int64(counts.records)), locale.format(Int64(counts.total)))))

        var columns = counts.dimensions.map { ReportDocument.Table.Column(w.dimension($0)) }
        columns.append(.init(w.count, alignment: .right, summable: true))
        var table = ReportDocument.Table(columns: columns)
        for row in counts.rows {
            table.rows.append(row.keys.map(ReportDocument.Cell.text) + [.number(ExactDecimal(significand: Int64(row.count)))])
        }
        let total = ReportDocument.Cell.number(ExactDecimal(significand: Int64(counts.total)))
        if counts.dimensions.isEmpty {
            table.rows = [[total]]
        } else {
            table.total = [.strong(w.total)] + Array(repeating: .empty, count: counts.dimensions.count - 1) + [total]
        }
        return ReportDocument(locale: locale, title: w.placementsTitle, facts: facts,
                              sections: [.init(name: w.placementsTitle, blocks: [.table(table)])])
    }
}
