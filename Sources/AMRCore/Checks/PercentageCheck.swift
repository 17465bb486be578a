/// Whether a stated percentage is `count / base × 100` under the plan's rounding, computed
/// exactly: "52 (8% of the caseload of 650)". Without a stated rounding the percentage rounded
/// down and up are both accepted, at the number of decimals printed.
struct PercentageCheck {
    /// `100 × count / base`, exactly.
    let exact: Fraction
    /// The decimals the percentage is printed with.
    let decimals: Int
    let rounding: Rounding?
    /// The percentages that count as right.
    let allowed: [ExactDecimal]

    /// Nil when the base is zero or the numbers do not fit.
    init?(count: ExactDecimal, base: ExactDecimal, decimals: Int, rounding: Rounding?) {
        guard !base.isZero, let hundredfold = Fraction(count).multiplied(by: Fraction(100)),
              let exact = hundredfold.divided(by: Fraction(base)) else { return nil }
        var scale: Int128 = 1
        for _ in 0..<decimals { scale *= 10 }
        guard let scaled = exact.multiplied(by: Fraction(scale)) else { return nil }
        func decimal(_ whole: Int128) -> ExactDecimal? { Int64(exactly: whole).map { ExactDecimal(significand: $0, scale: decimals) } }
        guard let floor = decimal(scaled.floor), let ceiling = decimal(scaled.ceiling), let nearest = decimal(scaled.nearestHalfUp) else { return nil }
        self.exact = exact
        self.decimals = decimals
        self.rounding = rounding
        switch rounding {
        case .down?: allowed = [floor]
        case .up?: allowed = [ceiling]
        case .nearest?: allowed = [nearest]
        case nil: allowed = floor == ceiling ? [floor] : [floor, ceiling]
        }
    }

    func accepts(_ stated: ExactDecimal) -> Bool { allowed.contains { $0.isEqual(to: stated) } }

    /// What the percentage should be, for messages and `expected`.
    var expected: ExactDecimal { rounding == nil && allowed.count == 2 ? (exact.decimal(decimals) ?? allowed[0]) : allowed[0] }

    /// `8%`, `12,62…% (rounded nearest 12,6%)`, `12,62…% (12,6% or 12,7%)`, in the locale: the
    /// exact value cut off two decimals after the printed ones, `…` where digits were cut.
    /// `negative` writes a fall (checked by its size) with its minus on every percentage.
    func words(_ locale: NumberLocale, negative: Bool = false) -> String {
        let wording = CheckWording.of(locale)
        let sign = negative ? "-" : ""
        var scale: Int128 = 1
        for _ in 0..<(decimals + 2) { scale *= 10 }
        let cut = exact.multiplied(by: Fraction(scale)).flatMap { Int64(exactly: $0.floor) }.map { ExactDecimal(significand: $0, scale: decimals + 2) }
        let isExact = cut.map { Fraction($0) == exact } ?? false
        let exactText = sign + (cut.map { locale.format($0.trimmed) } ?? exact.description) + (isExact ? "" : "…") + "%"
        if isExact && allowed.count == 1 && Fraction(allowed[0]) == exact { return exactText }
        switch rounding {
        case let rounding?: return wording.percentRounded(exactText, rounding, "\(sign)\(locale.format(allowed[0]))%")
        case nil:
            return allowed.count == 1 ? exactText : wording.percentEither(exactText, "\(sign)\(locale.format(allowed[0]))%", "\(sign)\(locale.format(allowed[1]))%")
        }
    }
}

extension Fraction {
    /// The largest whole number not above this one.
    var floor: Int128 {
        let quotient = numerator / denominator
        return numerator % denominator < 0 ? quotient - 1 : quotient
    }

    /// The smallest whole number not below this one.
    var ceiling: Int128 {
        let quotient = numerator / denominator
        return numerator % denominator > 0 ? quotient + 1 : quotient
    }

    /// The nearest whole number, halves up (as `Rounding.nearest` reads a plan).
    var nearestHalfUp: Int128 {
        let (twice, o1) = numerator.multipliedReportingOverflow(by: 2)
        let (shifted, o2) = twice.addingReportingOverflow(denominator)
        let (double, o3) = denominator.multipliedReportingOverflow(by: 2)
        // Halves away from zero is the same for the non-negative values this is used on.
        if o1 || o2 || o3 { return rounded }
        return Fraction(shifted, double).floor
    }
}
