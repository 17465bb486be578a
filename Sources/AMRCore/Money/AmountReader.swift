/// Reads an amount of euros as a person types it: on the command line (`--total`, `--unit`), in
/// a plan file's amount strings and in a spreadsheet's amount cells. One rule everywhere:
///
/// - `€`/`EUR` before or after, a sign, and spaces grouping thousands are allowed;
///   `250.000,-` is whole euros.
/// - A value with both `.` and `,` takes the last one as decimal mark (`250.000,00`,
///   `250,000.00`); a mark written twice groups thousands (`1.250.000`); a mark not followed by
///   exactly three digits is the decimal mark (`159500.5`, `12,5`).
/// - A single mark followed by exactly three digits (`250.000`, `1,500`) groups thousands when it
///   is the notation's thousands separator (`.` in Dutch, `,` in English); otherwise it is
///   refused with both readings, since an amount never has three decimals.
/// - An amount has at most two decimals, zeros included: `1.5000` is refused, never rounded.
public struct AmountReader: Sendable {
    /// The notation that settles `250.000` and `1,500`: Dutch by default.
    public var notation: NumberLocale

    public init(notation: NumberLocale = .nl) { self.notation = notation }

    /// The amount `text` denotes, or why it is none.
    public func read(_ text: String) -> Result<Money, AmountReadError> {
        let original = text
        var body = Substring(AmountReader.trimmed(text))
        if body.isEmpty { return .failure(.empty) }
        var negative = false
        func takeSign() -> Bool {
            guard let first = body.first, ["-", "+", "\u{2212}"].contains(first) else { return false }
            negative = first != "+"
            body = body.dropFirst()
            return true
        }
        var signed = takeSign()
        body = AmountReader.droppingCurrency(body)
        if !signed { signed = takeSign() }
        body = Substring(AmountReader.trimmed(String(body)))
        // `250.000,-` and `250,-`: Dutch for whole euros.
        for suffix in [",-", ",--", ",\u{2013}", ".-"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count) + (suffix.hasPrefix(",") ? ",00" : ".00")
            break
        }
        if body.isEmpty { return .failure(.notAnAmount(original)) }

        var bytes: [UInt8] = []
        for scalar in body.unicodeScalars {
            switch scalar {
            case "0"..."9", ".", ",": bytes.append(UInt8(scalar.value))
            case " ", "\u{A0}", "\u{202F}", "\u{2009}": bytes.append(UInt8(ascii: " "))
            case "e", "E":
                return .failure(bytes.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ? .exponent(original) : .notAnAmount(original))
            default: return .failure(.notAnAmount(original))
            }
        }
        let point = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        let points = bytes.filter { $0 == point }.count, commas = bytes.filter { $0 == comma }.count

        // Which byte is the decimal mark, if any.
        var decimalMark: UInt8?
        if points > 0 && commas > 0 {
            guard let last = bytes.last(where: { $0 == point || $0 == comma }) else { return .failure(.notAnAmount(original)) }
            decimalMark = last
            if (last == point ? points : commas) > 1 { return .failure(.badGrouping(original)) }
        } else if points == 1 || commas == 1 {
            let mark = points == 1 ? point : comma
            guard let at = bytes.firstIndex(of: mark) else { return .failure(.notAnAmount(original)) }
            let after = bytes[(at + 1)...]
            let integer = Array(bytes[..<at])
            if after.count == 3, after.allSatisfy(AmountReader.isDigit), AmountReader.leadsThousands(integer) {
                // `250.000`: thousands, or three decimals. An amount has two, so only the
                // notation's own thousands separator is read; the other is a question.
                let thousandsMark: UInt8 = notation == .nl ? point : comma
                if mark == thousandsMark {
                    decimalMark = nil
                } else {
                    let digits = (AmountReader.groups(integer, grouping: mark) ?? []) + Array(after)
                    guard let whole = AmountReader.cents(String(decoding: digits, as: UTF8.self), fraction: ""),
                          let whole = whole else { return .failure(.tooLarge(original)) }
                    return .failure(.ambiguous(original, thousands: whole, decimals: String(decoding: after, as: UTF8.self),
                                               integer: String(decoding: integer.filter(AmountReader.isDigit), as: UTF8.self),
                                               negative: negative, notation: notation))
                }
            } else {
                decimalMark = mark
            }
        }

        var integerBytes = bytes[...]
        var fraction = ""
        if let decimalMark, let at = bytes.lastIndex(of: decimalMark) {
            integerBytes = bytes[..<at]
            let after = bytes[(at + 1)...]
            guard !after.isEmpty, after.allSatisfy(AmountReader.isDigit) else { return .failure(.notAnAmount(original)) }
            if after.count > 2 { return .failure(.tooManyDecimals(original)) }
            fraction = String(decoding: after, as: UTF8.self)
        }
        let grouping: UInt8 = decimalMark == point ? comma : (decimalMark == comma ? point : (points > 0 ? point : comma))
        guard let digits = AmountReader.groups(Array(integerBytes), grouping: grouping) else {
            return .failure(integerBytes.isEmpty ? .notAnAmount(original) : .badGrouping(original))
        }
        guard let result = AmountReader.cents(String(decoding: digits, as: UTF8.self), fraction: fraction) else {
            return .failure(.notAnAmount(original))
        }
        guard let cents = result else { return .failure(.tooLarge(original)) }
        return .success(Money(cents: negative ? -cents.cents : cents.cents))
    }

    /// A JSON number's literal (`159500`, `159500.5`): plain digits with `.` for the cents. At
    /// most two decimals are written, zeros included, so `250.000` is refused rather than read
    /// as two hundred and fifty euros.
    public static func readPlain(_ literal: String) -> Result<Money, AmountReadError> {
        if let dot = literal.firstIndex(of: "."), literal[literal.index(after: dot)...].count > 2,
           literal[literal.index(after: dot)...].allSatisfy(\.isASCIIDigit) {
            return .failure(.tooManyDecimals(literal))
        }
        switch Money.parse(literal) {
        case .success(let money): return .success(money)
        case .failure(.tooLarge): return .failure(.tooLarge(literal))
        case .failure(.tooManyDecimals): return .failure(.tooManyDecimals(literal))
        case .failure(.notAnAmount(.exponent)): return .failure(.exponent(literal))
        case .failure(.notAnAmount(.empty)): return .failure(.empty)
        case .failure: return .failure(.notAnAmount(literal))
        }
    }

    // MARK: - Parts

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The digits of an integer part whose thousands may be grouped by `grouping` or spaces
    /// (first group 1–3 digits, then groups of 3); nil when it is grouped any other way.
    static func groups(_ bytes: [UInt8], grouping: UInt8) -> [UInt8]? {
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy(isDigit) { return bytes }
        let parts = bytes.split(omittingEmptySubsequences: false) { $0 == grouping || $0 == UInt8(ascii: " ") }
        guard let first = parts.first, (1...3).contains(first.count), parts.count > 1,
              parts.allSatisfy({ $0.allSatisfy(isDigit) }), parts.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return Array(parts.joined())
    }

    /// Whether digits before a mark can be the start of a grouped number: 1–3 digits not starting
    /// with 0, optionally after space-grouped groups (`250`, `1 250`), so `0.500` and `1234.567`
    /// are decimals, not thousands.
    static func leadsThousands(_ bytes: [UInt8]) -> Bool {
        let parts = bytes.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: " ") }
        guard let first = parts.first, (1...3).contains(first.count), first.first != UInt8(ascii: "0") else { return false }
        return parts.allSatisfy { $0.allSatisfy(isDigit) } && parts.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Whole euros and 0–2 decimals as cents: nil when not digits, `.some(nil)` when too large.
    static func cents(_ integer: String, fraction: String) -> Money?? {
        guard !integer.isEmpty, integer.utf8.allSatisfy(isDigit), fraction.utf8.allSatisfy(isDigit), fraction.count <= 2 else { return nil }
        switch Money.parse(fraction.isEmpty ? integer : integer + "." + fraction) {
        case .success(let money): return .some(money)
        default: return .some(nil)
        }
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Without a leading or trailing `€`, `EUR` or `euro`.
    static func droppingCurrency(_ text: Substring) -> Substring {
        var body = Substring(trimmed(String(text)))
        for sign in ["€", "EUR", "eur", "Eur"] {
            if body.hasPrefix(sign) { body = Substring(trimmed(String(body.dropFirst(sign.count)))); break }
        }
        for sign in ["€", "EUR", "eur", "euro", "Euro", "euro's"] {
            if body.hasSuffix(sign) { body = Substring(trimmed(String(body.dropLast(sign.count)))); break }
        }
        return body
    }
}

/// Why a typed text is not an amount; each message ends with what to type instead.
public enum AmountReadError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notAnAmount(String)
    case exponent(String)
    /// More than two decimals, zeros included.
    case tooManyDecimals(String)
    /// Thousands grouped other than in threes, or a decimal mark written twice.
    case badGrouping(String)
    case tooLarge(String)
    /// `1,500` in Dutch or `250.000` in English: the other notation's thousands, or three
    /// decimals. `integer` and `decimals` are the digits before and after the mark.
    case ambiguous(String, thousands: Money, decimals: String, integer: String, negative: Bool, notation: NumberLocale)

    public var description: String { message(in: .nl) }

    /// The message with examples in `notation`, as the user types amounts: what is wrong, then
    /// what to type instead.
    public func message(in notation: NumberLocale) -> String { problem(in: notation) + "; type " + advice(in: notation) }

    /// What is wrong, without advice: `'1.5000' has more than 2 decimals`.
    public func problem(in notation: NumberLocale) -> String {
        switch self {
        case .empty: return "is empty"
        case .notAnAmount(let text): return "'\(text)' is not an amount"
        case .exponent(let text): return "'\(text)' is in exponent notation"
        case .tooManyDecimals(let text): return "'\(text)' has more than 2 decimals, and an amount is whole cents"
        case .badGrouping(let text): return "'\(text)' groups its digits other than in threes or has its decimal mark twice"
        case .tooLarge(let text):
            let negative = text.hasPrefix("-") || text.hasPrefix("\u{2212}")
            let bound = notation.format(Money(cents: negative ? -Money.largest.cents : Money.largest.cents))
            return negative ? "'\(text)' is too large a negative amount: amounts go down to \(bound)" : "'\(text)' is too large: amounts go up to \(bound)"
        case .ambiguous(let text, let thousands, let decimals, let integer, let negative, let notation):
            let whole = Money(cents: negative ? -thousands.cents : thousands.cents)
            let mark = notation == .nl ? "," : "."
            let (own, other) = notation == .nl ? ("Dutch", "English") : ("English", "Dutch")
            return "'\(text)' can be read two ways: \(notation.format(whole)) with '\(mark)' grouping thousands (\(other) notation), or \((negative ? "-" : "") + integer + mark + decimals) with '\(mark)' as decimal \(notation == .nl ? "comma" : "point") (\(own) notation), which is three decimals where an amount has two"
        }
    }

    /// What to type instead, after "type": `250000, 250.000 or 250.000,00`.
    public func advice(in notation: NumberLocale) -> String {
        let (plain, grouped, cents) = notation == .nl ? ("250.000", "250.000,00", "250000,50") : ("250,000", "250,000.00", "250000.50")
        switch self {
        case .empty: return "an amount in euros such as 250000 or \(grouped)"
        case .notAnAmount: return "euros such as 250000, \(plain) or \(grouped)"
        case .exponent: return "the amount in digits such as 250000"
        case .tooManyDecimals: return "at most 2 decimals such as \(cents) (or \(plain) for thousands)"
        case .badGrouping: return "1250000, " + (notation == .nl ? "1.250.000 or 1.250.000,50" : "1,250,000 or 1,250,000.50")
        case .tooLarge: return "a smaller amount"
        case .ambiguous(_, let thousands, let decimals, let integer, let negative, let notation):
            let sign = negative ? "-" : ""
            let whole = Money(cents: negative ? -thousands.cents : thousands.cents)
            let mark = notation == .nl ? "," : "."
            var advice = "\(sign)\(whole.cents.magnitude / 100) for \(notation.format(whole))"
            var cut = Substring(decimals)
            while cut.count > 2, cut.last == "0" { cut = cut.dropLast() }
            if cut.count <= 2, let cents = Money.parse(sign + integer + "." + cut).success {
                advice += " or \(sign + integer + mark + cut) for \(notation.format(cents))"
            }
            return advice
        }
    }
}

extension Result {
    var success: Success? { if case .success(let value) = self { value } else { nil } }
}
