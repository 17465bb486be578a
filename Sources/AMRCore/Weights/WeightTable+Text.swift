/// Names and messages: StatLine footers and aggregates, cleaned names, values as messages
/// show them, column letters.
extension WeightTable {
    /// A StatLine closing line: `© Centraal Bureau voor de Statistiek …`, `Bron: CBS`.
    static func isFooter(_ record: CSVRecord) -> Bool {
        guard record.fields.filter({ !$0.isEmpty }).count == 1, let first = record.fields.first else { return false }
        let lowered = first.lowercased()
        // "Bron:" or "Bron CBS", never a name such as Bronckhorst.
        return ["©", "(c)", "bron:", "bron ", "source:", "source ", "centraal bureau voor de statistiek"].contains { lowered.hasPrefix($0) }
    }

    /// The country, a province, a COROP area or a landsdeel as a StatLine export writes them.
    static func isAggregate(_ raw: String) -> Bool {
        let name = trimmed(raw)
        return ["nederland", "netherlands", "the netherlands"].contains(name.lowercased())
            || [" (PV)", " (LD)", " (CR)", " (COROP)"].contains { name.hasSuffix($0) }
    }

    /// `Delft (gemeente)` → `Delft`.
    static func cleanName(_ name: String) -> String {
        for suffix in nameSuffixes where name.hasSuffix(suffix) {
            return trimmed(String(name.dropLast(suffix.count)))
        }
        return name
    }

    /// Digits with optional sign, `.`, `,` and spaces: how a number looks before it is read.
    static func isNumberLike(_ text: String) -> Bool {
        var sawDigit = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": sawDigit = true
            case "-", "+", "\u{2212}": if offset != 0 { return false }
            case ".", ",", " ", "\u{A0}", "\u{202F}": if !sawDigit { return false }
            default: return false
            }
        }
        return sawDigit
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// A value as a message shows it: on one line, escaped as `TerminalText` does, and at most 40 characters.
    static func shown(_ text: String) -> String {
        var result = ""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset == 40 { return result + "…" }
            result += TerminalText.needsEscape(scalar) ? TerminalText.escaped(scalar) : String(scalar)
        }
        return result
    }

    /// A spreadsheet column letter: 0 is `A`, 26 is `AA`.
    static func columnLetter(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(Character(Unicode.Scalar(UInt8(65 + remainder)))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static func describe(_ delimiter: UInt8) -> String {
        delimiter == UInt8(ascii: "\t") ? "tab-separated" : "'\(Character(Unicode.Scalar(delimiter)))'-separated"
    }
}
