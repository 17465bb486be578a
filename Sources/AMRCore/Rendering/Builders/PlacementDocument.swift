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
            let keys = zip(counts.dimensions, row.keys).map { dimension, key in
                ReportDocument.Cell.text(dimension == .quarter ? quarter(key, locale: locale) : key)
            }
            table.rows.append(keys + [.number(ExactDecimal(significand: Int64(row.count)))])
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

    /// `2018-Q2` as a Dutch reader writes it, `2018-K2` (kwartaal); English keeps `Q`.
    static func quarter(_ key: String, locale: NumberLocale) -> String {
        guard locale == .nl, let q = key.range(of: "-Q", options: .backwards) else { return key }
        return key.replacingCharacters(in: q, with: "-K")
    }
}
