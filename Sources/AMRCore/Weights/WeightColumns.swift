/// Which columns of a weights table hold the names and the weights, as the user says it:
/// a header as written (`Inw.`, `Aantal inwoners`; case and surrounding spaces aside) or a
/// spreadsheet column letter (`C`). Either may be left to the reader to find.
public struct WeightColumns: Sendable, Equatable {
    public var name: String?
    public var weight: String?

    public init(name: String? = nil, weight: String? = nil) {
        self.name = name
        self.weight = weight
    }

    /// The 0-based index of a column letter (`A` is 0, `AA` is 26), or nil when `text` is not
    /// one to three letters.
    static func letterIndex(_ text: String) -> Int? {
        let letters = text.uppercased()
        guard (1...3).contains(letters.count), letters.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        var index = 0
        for scalar in letters.unicodeScalars { index = index * 26 + Int(scalar.value - 64) }
        return index - 1
    }

    static func key(_ text: String) -> String { WeightTable.trimmed(text).lowercased() }

    /// The column of `fields` headed `wanted`, by header first (a header may be one letter),
    /// then by letter.
    static func index(of wanted: String, in fields: [String]) -> Int? {
        if let byHeader = fields.firstIndex(where: { key($0) == key(wanted) && !key($0).isEmpty }) { return byHeader }
        return letterIndex(WeightTable.trimmed(wanted))
    }

    /// The header row: the first of the top rows holding every header given as text (one that
    /// is not a column letter), or nil when only letters are given.
    static func headerRow(for wanted: [String], in records: [CSVRecord], limit: Int) -> Int?? {
        let texts = wanted.filter { text in letterIndex(WeightTable.trimmed(text)) == nil }
        let all = wanted
        guard !all.isEmpty else { return .some(nil) }
        for row in 0..<min(records.count, limit) {
            let keys = Set(records[row].fields.map(key))
            if !texts.isEmpty, texts.allSatisfy({ keys.contains(key($0)) }) { return .some(row) }
            // A header that is one letter (`A`) as text.
            if texts.isEmpty, all.allSatisfy({ keys.contains(key($0)) }) { return .some(row) }
        }
        return texts.isEmpty ? .some(nil) : nil
    }
}
