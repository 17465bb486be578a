extension ExactDecimal {
    /// The sign of `a − b` by value, whatever the scales (`1.50` equals `1.5`). `==` on
    /// `ExactDecimal` compares the written form, so totals are compared with this.
    public static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let scale = max(a.scale, b.scale)
        // Only one side is scaled up. Should it not fit in 128 bits, its magnitude is beyond
        // any Int64 significand, so its sign decides.
        let (left, leftOverflow) = scaledUp(a.significand, by: scale - a.scale)
        let (right, rightOverflow) = scaledUp(b.significand, by: scale - b.scale)
        if leftOverflow { return a.significand < 0 ? -1 : 1 }
        if rightOverflow { return b.significand < 0 ? 1 : -1 }
        return left == right ? 0 : (left < right ? -1 : 1)
    }

    /// `a − b` exactly, or nil when it does not fit.
    public static func difference(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
        let scale = max(a.scale, b.scale)
        guard let left = a.scaled(to: scale), let right = b.scaled(to: scale) else { return nil }
        let (value, overflow) = left.subtractingReportingOverflow(right)
        return overflow ? nil : ExactDecimal(significand: value, scale: scale)
    }

    /// Whether the value has a non-zero digit after the first `decimals` decimals (`1.001` has
    /// one beyond 2; `1.000` has none).
    public func hasDigits(beyond decimals: Int) -> Bool {
        var v = significand
        for _ in 0..<max(0, scale - decimals) {
            if v % 10 != 0 { return true }
            v /= 10
        }
        return false
    }

    static func scaledUp(_ significand: Int64, by exponent: Int) -> (Int128, overflow: Bool) {
        var result = Int128(significand)
        for _ in 0..<max(0, exponent) {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return (result, true) }
            result = next
        }
        return (result, false)
    }
}
