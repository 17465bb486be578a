/// An amount of euros as an exact integer number of cents. Arithmetic is overflow-checked and
/// throws; there is no floating point anywhere near money.
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The amount in cents (minor units).
    public let cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)

    /// Reads an amount from its literal text (`"159500.00"`, `"159500"`, `"-0.01"`).
    /// More than two decimals is an error, not a silent rounding.
    public static func parse<S: StringProtocol>(_ text: S) -> Result<Money, MoneyParseError> {
        switch ExactDecimal.parse(text) {
        case .failure(.tooLarge):
            return .failure(.tooLarge(String(text)))
        case .failure(.tooManyDecimals):
            return .failure(.tooManyDecimals(String(text)))
        case .failure(let error):
            return .failure(.notAnAmount(error))
        case .success(let decimal):
            if let money = Money.exactly(decimal) { return .success(money) }
            // Either digits beyond the cents, or a whole number of cents that does not fit.
            return .failure(decimal.hasDigits(beyond: 2) ? .tooManyDecimals(String(text)) : .tooLarge(String(text)))
        }
    }

    /// The largest amount: 2⁶³ − 1 cents, € 92.233.720.368.547.758,07. The smallest is its negative.
    public static let largest = Money(cents: .max)

    /// The amount a decimal denotes, or nil when it has more than two decimals or does not fit.
    public static func exactly(_ decimal: ExactDecimal) -> Money? {
        decimal.scaled(to: 2).map(Money.init(cents:))
    }

    public func adding(_ other: Money) throws(ArithmeticOverflow) -> Money {
        let (sum, overflow) = cents.addingReportingOverflow(other.cents)
        if overflow { throw ArithmeticOverflow(operation: "\(self) + \(other)") }
        return Money(cents: sum)
    }

    public func subtracting(_ other: Money) throws(ArithmeticOverflow) -> Money {
        let (difference, overflow) = cents.subtractingReportingOverflow(other.cents)
        if overflow { throw ArithmeticOverflow(operation: "\(self) - \(other)") }
        return Money(cents: difference)
    }

    /// The sum of amounts, overflow-checked.
    public static func sum<C: Sequence>(_ amounts: C) throws(ArithmeticOverflow) -> Money where C.Element == Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Plain decimal text with two decimals: `"159500.00"`.
    public var description: String { ExactDecimal(significand: cents, scale: 2).description }
}

/// Why a text is not an amount of money.
public enum MoneyParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnAmount(ExactDecimal.ParseError)
    case tooManyDecimals(String)
    /// Beyond ±(2⁶³ − 1) cents.
    case tooLarge(String)

    public var description: String {
        switch self {
        case .notAnAmount(let error): error.description
        case .tooManyDecimals(let text): "'\(text)' with more than 2 decimals (amounts are in whole cents)"
        case .tooLarge(let text):
            text.hasPrefix("-") ? "'\(text)', which is too large a negative amount" : "'\(text)', which is too large"
        }
    }
}

/// An arithmetic result that does not fit; thrown instead of trapping.
public struct ArithmeticOverflow: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public var description: String { "the result of \(operation) is too large to compute exactly" }
}
