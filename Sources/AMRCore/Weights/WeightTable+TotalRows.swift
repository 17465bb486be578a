/// Total rows: which labels make a row a total, subtotal or summary rather than a party.
extension WeightTable {
    /// What a label says a row is.
    enum LabelKind {
        case total, subtotal, summary
    }

    static let totalWords: Set<String> = ["totaal", "total", "totalen", "totals", "eindtotaal", "som", "sum"]
    static let subtotalWords: Set<String> = ["subtotaal", "subtotal", "sub-totaal", "sub-total", "tussentotaal"]
    static let summaryWords: Set<String> = ["gemiddelde", "gemiddeld", "average", "mean", "mediaan", "median", "minimum", "maximum",
                                            "aantal", "count", "number"]
    /// Labels of the table's own total, with no cluster named: such a row never closes a cluster.
    static let plainTotals: Set<String> = ["totaal", "total", "totalen", "totals", "eindtotaal", "som", "sum", "generaal totaal",
                                           "totaal generaal", "grand total"]

    /// Whether a first field labels a total (`Totaal`, `Totaal Haaglanden`, `Generaal totaal`,
    /// `Eindtotaal:`, `Som van inwoners`, `Noord totaal`), a subtotal (`Subtotaal BAR`) or a
    /// summary that is no party either (`Gemiddelde`). Whole words only, so `Someren` and
    /// `Totaalbeeld` are names; no Dutch municipality (2020–2025) starts or ends with one of them.
    static func labelKind(_ text: String) -> LabelKind? {
        let words = labelKey(text).split(separator: " ").map { String($0) }
        guard let first = words.first, let last = words.last else { return nil }
        if subtotalWords.contains(first) || subtotalWords.contains(last) { return .subtotal }
        if summaryWords.contains(first) { return .summary }
        if totalWords.contains(first) { return .total }
        if words.count > 1, ["totaal", "total", "eindtotaal"].contains(last) { return .total }
        return nil
    }

    /// A label compared without case, surrounding punctuation, extra spaces or a `regio` prefix:
    /// `Totaal:` is `totaal`, `Regio Haaglanden` is `haaglanden`.
    static func labelKey(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).map { word in
            String(word.drop { ":*(".contains($0) }.reversed().drop { ":*.)".contains($0) }.reversed())
        }.filter { !$0.isEmpty }
        if words.count > 1, ["regio", "arbeidsmarktregio", "region"].contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// A row with a municipality's CBS code is a municipality, never a total.
    static func hasMunicipalityCode(_ record: CSVRecord, _ layout: Layout) -> Bool {
        guard let column = layout.code, column < record.fields.count else { return false }
        return MunicipalityCode(record.fields[column]) != nil
    }
}
