/// A table cell's text read as plans print numbers: `1.536`, `€ 104.360,18`, `€ 2 miljoen`,
/// `12,64%`, `5%¹`, `336*`, thousands grouped with a space, a no-break or a narrow no-break space,
/// `€ 120.000,-`; `-` and `n.v.t.` as "no value". Strict: a text that is not exactly one of these
/// shapes is text, never a guess (`12.5` in a Dutch document is neither 125 nor 12,5).
struct CellNumber: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// A count or an amount.
        case number
        /// A percentage: `value` is the number before the `%`.
        case percentage
    }

    var kind: Kind
    var value: ExactDecimal
    /// Printed with a currency sign or word (`€`, `EUR`, `euro`).
    var isMoney: Bool
    /// Multiplied by a word (`2 miljoen`): a rounded statement, whose last digits were never printed.
    var isScaled: Bool
    /// A footnote mark followed it (`336*`, `5%¹`).
    var hasMark: Bool

    /// How a document writes its numbers.
    enum Notation: Hashable, Sendable {
        /// `1.536`, `104.360,18`.
        case dutch
        /// `1,536`, `104,360.18`.
        case english
    }

    /// What a cell holds when it is not a number.
    enum Reading: Hashable, Sendable {
        case number(CellNumber)
        /// Empty, or a mark meaning "no value" (`-`, `n.v.t.`): not a number, not a text either.
        case blank
        case text
    }

    static let placeholders: Set<String> = ["-", "–", "—", "−", "n.v.t.", "n.v.t", "nvt", "nvt.", "n.b.", "n.b", "nb", "x", "…", "...",
                                            "n/a", "na", "n.a.", "--", "---", "p.m.", "pm"]
    static let marks: Set<Character> = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰", "*", "†", "‡"]
    static let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\t"]

    /// Reads `text` in `notation`.
    static func read(_ text: String, notation: Notation) -> Reading {
        var s = Substring(text)
        func trim() {
            while let first = s.first, spaces.contains(first) || first.isNewline { s = s.dropFirst() }
            while let last = s.last, spaces.contains(last) || last.isNewline { s = s.dropLast() }
        }
        trim()
        if s.isEmpty { return .blank }
        if placeholders.contains(s.lowercased()) { return .blank }
        var hasMark = false
        while let last = s.last, marks.contains(last) {
            s = s.dropLast()
            hasMark = true
            trim()
        }
        var isMoney = false
        for prefix in ["€", "EUR", "eur"] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
            isMoney = true
            trim()
            break
        }
        var isPercentage = false
        if s.hasSuffix("%") {
            s = s.dropLast()
            isPercentage = true
            trim()
        }
        var multiplier: Int64 = 1
        let lower = s.lowercased()
        for (word, factor) in [(" miljoen", Int64(1_000_000)), (" mln.", 1_000_000), (" mln", 1_000_000), (" million", 1_000_000),
                               (" miljard", 1_000_000_000), (" duizend", 1_000), (" euro", 1)] where lower.hasSuffix(word) {
            s = s.dropLast(word.count)
            if factor == 1 { isMoney = true } else { multiplier = factor }
            trim()
            break
        }
        if !isMoney, s.hasSuffix("€") {
            s = s.dropLast()
            isMoney = true
            trim()
        }
        if isPercentage && (isMoney || multiplier != 1) { return .text }
        var negative = false
        if let first = s.first, first == "-" || first == "−" || first == "–" {
            negative = true
            s = s.dropFirst()
            trim()
        }
        guard let plain = plainDigits(s, notation: notation) else { return .text }
        guard case .success(var value) = ExactDecimal.parse((negative ? "-" : "") + plain) else { return .text }
        if multiplier != 1 {
            guard let scaled = value.multiplied(by: multiplier) else { return .text }
            value = scaled
        } else if isMoney && !isPercentage {
            // An amount must also be one for amr's amount reader, and the same amount: the project
            // has one rule for money typed by people, and a cell never reads looser than it.
            let reader = AmountReader(notation: notation == .dutch ? .nl : .en)
            guard case .success(let money) = reader.read((negative ? "-" : "") + String(s)),
                  ExactDecimal(significand: money.cents, scale: 2).isEqual(to: value) else { return .text }
        }
        return .number(CellNumber(kind: isPercentage ? .percentage : .number, value: value, isMoney: isMoney,
                                  isScaled: multiplier != 1, hasMark: hasMark))
    }

    /// `104.360,18` → `104360.18` in Dutch notation; nil unless the digits are grouped by
    /// threes throughout (or not grouped at all) with at most one decimal separator.
    static func plainDigits(_ text: Substring, notation: Notation) -> String? {
        let decimalMark: Character = notation == .dutch ? "," : "."
        let groupMarks: Set<Character> = notation == .dutch ? [".", " ", "\u{00A0}", "\u{202F}", "\u{2009}"]
                                                           : [",", " ", "\u{00A0}", "\u{202F}", "\u{2009}"]
        var whole = Substring(text)
        var fraction: Substring?
        if let index = text.firstIndex(of: decimalMark) {
            whole = text[..<index]
            fraction = text[text.index(after: index)...]
        }
        if let f = fraction, f == "-" || f == "--" || f == "—" { fraction = nil }  // `€ 120.000,-`: whole euros
        if let f = fraction, f.isEmpty || !f.allSatisfy(\.isASCIIDigit) { return nil }
        guard let first = whole.first, first.isASCIIDigit else { return nil }
        var groups: [Substring] = []
        var separator: Character?
        var current = whole.startIndex
        for index in whole.indices where groupMarks.contains(whole[index]) {
            // One kind of separator per number: `1.234 567` is no number.
            if let separator, separator != whole[index] { return nil }
            separator = whole[index]
            groups.append(whole[current..<index])
            current = whole.index(after: index)
        }
        groups.append(whole[current...])
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        return fraction.map { digits + "." + $0 } ?? String(digits)
    }
}

extension ExactDecimal {
    /// `self × factor`, nil on overflow.
    func multiplied(by factor: Int64) -> ExactDecimal? {
        let (product, overflow) = significand.multipliedReportingOverflow(by: factor)
        return overflow ? nil : ExactDecimal(significand: product, scale: scale)
    }
}
