/// An exact rational number for values on a trajectory (an expected 1.234,5 placements halfway
/// through a year). Only displayed values are ever rounded, at the last moment.
public struct Fraction: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let numerator: Int128
    /// Always positive.
    public let denominator: Int128

    /// A fraction in lowest terms. A negative denominator moves its sign to the numerator; the
    /// only caller that passes one (`divided(by:)`) has ruled out Int128.min, so the negation
    /// cannot overflow.
    public init(_ numerator: Int128, _ denominator: Int128 = 1) {
        var n = numerator, d = denominator
        if d < 0 { n = 0 &- n; d = 0 &- d }
        let g = Fraction.gcd(n, d)
        self.numerator = g > 1 ? n / g : n
        self.denominator = d == 0 ? 1 : (g > 1 ? d / g : d)
    }

    public init(_ decimal: ExactDecimal) {
        var d: Int128 = 1
        for _ in 0..<decimal.scale { d *= 10 }
        self.init(Int128(decimal.significand), d)
    }

    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int128(truncatingIfNeeded: x)
    }

    public static let zero = Fraction(0)

    public var isZero: Bool { numerator == 0 }

    /// Sums, differences and products; nil when a part no longer fits in 128 bits.
    public func adding(_ other: Fraction) -> Fraction? {
        let (a, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (b, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (n, o3) = a.addingReportingOverflow(b)
        let (d, o4) = denominator.multipliedReportingOverflow(by: other.denominator)
        return o1 || o2 || o3 || o4 ? nil : Fraction(n, d)
    }

    public func subtracting(_ other: Fraction) -> Fraction? {
        let (negated, overflow) = other.numerator.multipliedReportingOverflow(by: -1)
        return overflow ? nil : adding(Fraction(negated, other.denominator))
    }

    public func multiplied(by other: Fraction) -> Fraction? {
        let (n, o1) = numerator.multipliedReportingOverflow(by: other.numerator)
        let (d, o2) = denominator.multipliedReportingOverflow(by: other.denominator)
        return o1 || o2 ? nil : Fraction(n, d)
    }

    /// self / other; nil when other is zero or a part does not fit.
    public func divided(by other: Fraction) -> Fraction? {
        // The reciprocal's denominator is negated in init; Int128.min has no negation.
        guard other.numerator != 0, other.numerator != .min else { return nil }
        return multiplied(by: Fraction(other.denominator, other.numerator))
    }

    /// The nearest whole number, halves away from zero.
    public var rounded: Int128 {
        let quotient = numerator / denominator
        let remainder = (numerator % denominator).magnitude
        guard remainder >= denominator.magnitude - remainder else { return quotient }
        return numerator < 0 ? quotient - 1 : quotient + 1
    }

    /// Rounded to `decimals` decimals (halves away from zero), as an exact decimal for display.
    public func decimal(_ decimals: Int) -> ExactDecimal? {
        var scale: Int128 = 1
        for _ in 0..<min(decimals, 12) { scale *= 10 }
        guard let scaled = multiplied(by: Fraction(scale)), let value = Int64(exactly: scaled.rounded) else { return nil }
        return ExactDecimal(significand: value, scale: decimals)
    }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        // Compare a/b < c/d as a·d < c·b, full width so nothing overflows.
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return left.high != right.high ? left.high < right.high : left.low < right.low
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
