/// An exact decimal number: `significand / 10^scale`. Parsed from literal text, never through
/// floating point, so `"20157.18"` is exactly 2015718 / 100.
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    public let significand: Int64
    public let scale: Int

    /// The largest number of decimals accepted; beyond that a value is rejected, not rounded.
    public static let maximumScale = 12

    public init(significand: Int64, scale: Int = 0) {
        self.significand = significand
        self.scale = scale
    }

    /// Why a text is not an exact decimal; the caller adds the location.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case notANumber(String)
        case exponent(String)
        case tooManyDecimals(String, limit: Int)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .empty: "an empty value"
            case .notANumber(let text): "'\(text)', which is not a number"
            case .exponent(let text): "'\(text)' in exponent notation; write it out in plain digits"
            case .tooManyDecimals(let text, let limit): "'\(text)' with more than \(limit) decimals"
            case .tooLarge(let text): "'\(text)', which is too large"
            }
        }
    }

    /// Parses plain notation: optional `-` (or `+`), digits, optional `.` and digits.
    /// `"12abc"`, `"1.2.3"`, `"1e3"`, `"NaN"` and `" 1"` are errors.
    public static func parse<S: StringProtocol>(_ text: S) -> Result<ExactDecimal, ParseError> {
        let s = String(text)
        if s.isEmpty { return .failure(.empty) }
        var bytes = Array(s.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var value: Int64 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        // Zeros after the point are applied when a digit follows them; trailing ones that do
        // not fit are dropped, so `92233720368547758.070` is the largest amount, not too large.
        var pendingZeros = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if seenPoint {
                    if scale + pendingZeros + 1 > maximumScale { return .failure(.tooManyDecimals(s, limit: maximumScale)) }
                    if byte == UInt8(ascii: "0") {
                        pendingZeros += 1
                        continue
                    }
                    for _ in 0..<pendingZeros {
                        let (m, o) = value.multipliedReportingOverflow(by: 10)
                        if o { return .failure(.tooLarge(s)) }
                        value = m
                    }
                    scale += pendingZeros + 1
                    pendingZeros = 0
                }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                if o1 || o2 { return .failure(.tooLarge(s)) }
                value = a
            case UInt8(ascii: "."):
                if seenPoint || digits == 0 { return .failure(.notANumber(s)) }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                return .failure(digits > 0 ? .exponent(s) : .notANumber(s))
            default:
                return .failure(.notANumber(s))
            }
        }
        if digits == 0 || (seenPoint && scale + pendingZeros == 0) { return .failure(.notANumber(s)) }
        // Trailing zeros keep the written scale (`1.50` has 2 decimals) where they fit.
        while pendingZeros > 0 {
            let (m, o) = value.multipliedReportingOverflow(by: 10)
            if o { break }
            value = m
            scale += 1
            pendingZeros -= 1
        }
        return .success(ExactDecimal(significand: negative ? -value : value, scale: scale))
    }

    public var isNegative: Bool { significand < 0 }
    public var isZero: Bool { significand == 0 }

    /// The value scaled to `scale` decimals as an integer, or nil when it has more decimals
    /// than that or does not fit.
    public func scaled(to targetScale: Int) -> Int64? {
        if targetScale < scale {
            var v = significand
            for _ in 0..<(scale - targetScale) {
                if v % 10 != 0 { return nil }
                v /= 10
            }
            return v
        }
        var v = significand
        for _ in 0..<(targetScale - scale) {
            let (m, o) = v.multipliedReportingOverflow(by: 10)
            if o { return nil }
            v = m
        }
        return v
    }

    /// Plain text with exactly `scale` decimals, `.` as separator: `"20157.18"`.
    public var description: String {
        let magnitude = significand.magnitude
        var digits = String(magnitude)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return significand < 0 ? "-" + digits : digits
    }
}

extension ExactDecimal {
    /// The exact sum, or nil when it does not fit.
    public static func sum(_ values: [ExactDecimal]) -> ExactDecimal? {
        let scale = values.map(\.scale).max() ?? 0
        var total: Int64 = 0
        for value in values {
            guard let scaled = value.scaled(to: scale) else { return nil }
            let (s, o) = total.addingReportingOverflow(scaled)
            if o { return nil }
            total = s
        }
        return ExactDecimal(significand: total, scale: scale)
    }
}
