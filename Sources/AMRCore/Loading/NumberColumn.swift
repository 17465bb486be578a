/// Reads a column of numbers as people type them in Dutch or English spreadsheets: `101381`,
/// `101.381`, `101,381`, `1 234 567`, `12,5`, `12.5`. Which mark is the decimal one is decided
/// for the whole column (see `WeightTable` for the rule), never guessed per value.
enum NumberColumn {
    struct Cell {
        var value: String
        var line: Int
        var column: Int
        var name: String
    }

    /// Removes spaces used as thousands separators (also non-breaking ones).
    static func stripped(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" && $0 != "'" }))
    }

    static func parse(_ cells: [(value: String, line: Int, column: Int, name: String)], header: String, file: String) throws(LoadError) -> [ExactDecimal] {
        // Evidence: which mark is the decimal one, from values that show it.
        var decimalMark: Character?
        var evidenceLine = 0
        for cell in cells {
            let text = stripped(cell.value)
            let dots = text.filter { $0 == "." }.count, commas = text.filter { $0 == "," }.count
            var shown: Character?
            if let lastDot = text.lastIndex(of: "."), let lastComma = text.lastIndex(of: ",") {
                shown = lastDot > lastComma ? "." : ","
            } else if dots > 1 {
                shown = ","
            } else if commas > 1 {
                shown = "."
            } else if dots + commas == 1, let mark = text.first(where: { $0 == "." || $0 == "," }) {
                let after = text.split(separator: mark, omittingEmptySubsequences: false).last?.count ?? 0
                if after != 3 { shown = mark }
            }
            guard let shown else { continue }
            if let decided = decimalMark, decided != shown {
                throw .csv(SourceLocation(file: file, line: cell.line, column: cell.column),
                           "weight '\(cell.value)' uses '\(shown)' as decimal mark but line \(evidenceLine) uses '\(decided)'; write all weights in the same notation")
            }
            decimalMark = shown
            evidenceLine = cell.line
        }
        let headerNamesACount = WeightTable.countWords.contains { header.lowercased().contains($0) }
        var result: [ExactDecimal] = []
        for cell in cells {
            let location = SourceLocation(file: file, line: cell.line, column: cell.column)
            let text = stripped(cell.value)
            if text.isEmpty || text == "." || text == "-" {
                throw .csv(location, "the weight of '\(cell.name)' is missing\(text == "." ? " ('.' in a CBS export means no data)" : ""); fill it in or remove the row")
            }
            var mark = decimalMark
            let separators = text.filter { $0 == "." || $0 == "," }
            if mark == nil, separators.count == 1, let only = separators.first {
                guard headerNamesACount else {
                    let digits = text.filter(\.isNumber)
                    let asDecimal = text.replacingOccurrences(of: ",", with: ".")
                    throw .csv(location, "weight '\(cell.value)' is ambiguous: '\(only)' may be a decimal mark or a thousands separator; write \(digits) or \(asDecimal)")
                }
                mark = only == "." ? "," : "."   // a count: the separator groups thousands
            }
            let normalised = try normalise(text, decimalMark: mark ?? ".", original: cell.value, header: header, location: location)
            switch ExactDecimal.parse(normalised) {
            case .success(let value):
                if value.isNegative { throw .csv(location, "the weight '\(cell.value)' of '\(cell.name)' is negative; weights must be 0 or more") }
                result.append(value)
            case .failure(.tooLarge), .failure(.tooManyDecimals):
                throw .csv(location, "weight '\(cell.value)' is too large or has too many decimals; weights up to 18 digits with at most 12 decimals")
            case .failure:
                throw notANumber(cell.value, header: header, location: location)
            }
        }
        return result
    }

    static func notANumber(_ value: String, header: String, location: SourceLocation) -> LoadError {
        .csv(location, "weight '\(value)' in column \"\(header)\" is not a number; expected a whole or decimal number like 101381 or 12,5")
    }

    /// Plain notation (`-`, digits, `.`) once the grouping marks are checked and removed.
    static func normalise(_ text: String, decimalMark: Character, original: String, header: String, location: SourceLocation) throws(LoadError) -> String {
        let grouping: Character = decimalMark == "." ? "," : "."
        var integerPart = Substring(text)
        var fraction: Substring?
        if let mark = text.lastIndex(of: decimalMark) {
            integerPart = text[..<mark]
            fraction = text[text.index(after: mark)...]
        }
        if let fraction, fraction.contains(grouping) || fraction.contains(decimalMark) {
            throw notANumber(original, header: header, location: location)
        }
        if integerPart.contains(grouping) {
            let sign = integerPart.hasPrefix("-") ? "-" : ""
            let groups = integerPart.dropFirst(sign.count).split(separator: grouping, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw notANumber(original, header: header, location: location)
            }
            integerPart = Substring(sign + groups.joined())
        }
        return fraction.map { integerPart + "." + $0 } ?? String(integerPart)
    }
}
