/// The unit an allocation is rounded to, as a whole number of cents: 0.01 (1 cent, the default),
/// 1 (whole euros, 100 cents), 100 (10,000 cents), …. Every share is a multiple of it.
public struct RoundingUnit: Hashable, Sendable, CustomStringConvertible {
    public let cents: Int64

    public static let cent = RoundingUnit(validCents: 1)
    public static let euro = RoundingUnit(validCents: 100)

    private init(validCents: Int64) { cents = validCents }

    /// A unit of `cents` cents; nil unless positive.
    public init?(cents: Int64) {
        guard cents > 0 else { return nil }
        self.cents = cents
    }

    /// Reads a unit in euros as typed (`"0.01"`, `"0,01"`, `"1"`, `"1.000"`; see `AmountReader`).
    /// Must be positive and a whole number of cents.
    public static func parse<S: StringProtocol>(_ text: S, notation: NumberLocale = .nl) -> RoundingUnit? {
        guard case .success(let money) = AmountReader(notation: notation).read(String(text)) else { return nil }
        return RoundingUnit(cents: money.cents)
    }

    /// How many decimals amounts in this unit show: 2 for 0.01 and 0.05, 1 for 0.10, 0 for 1 and up.
    public var decimals: Int {
        if cents % 100 == 0 { return 0 }
        if cents % 10 == 0 { return 1 }
        return 2
    }

    /// The unit in euros as plain text: `"0.01"`, `"1"`, `"100"`.
    public var description: String {
        let text = ExactDecimal(significand: cents, scale: 2).description
        guard decimals < 2 else { return text }
        var s = text
        while s.hasSuffix("0") && s.contains(".") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
