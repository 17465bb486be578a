/// Draws a `TrendChart` as a small inline SVG that prints in black and white: realised values as
/// a solid line with dots, the expected path dashed, the target as an open diamond with its
/// value, the report date as a dotted vertical line. For a lower-is-better target the value axis
/// runs downward, so a line going up still means things go well; the chart says so.
/// Coordinates are computed exactly and rounded to whole units only at the end.
struct TrendChartSVG {
    let chart: ReportDocument.TrendChart
    let locale: NumberLocale

    static let width: Int128 = 340
    static let height: Int128 = 190
    static let left: Int128 = 52
    static let right: Int128 = 14
    static let top: Int128 = 16
    static let bottom: Int128 = 34

    var svg: String {
        let e = HTMLWriter.escaped
        let points = chart.realised + chart.expected + (chart.target.map { [$0] } ?? [])
        guard let firstDate = (points.map(\.date) + [chart.asOf]).min(), let lastDate = (points.map(\.date) + [chart.asOf]).max(),
              let axis = ValueAxis(values: points.map(\.value)) else { return "" }
        let startDay = Int128(firstDate.dayNumber)
        let span = max(1, Int128(lastDate.dayNumber) - startDay)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        func x(_ date: PlanDate) -> Int128 { Self.left + (Int128(date.dayNumber) - startDay) * plotWidth / span }
        func y(_ value: Fraction) -> Int128 {
            let position = axis.position(of: value, length: plotHeight)
            return chart.lowerIsBetter ? Self.top + position : Self.top + plotHeight - position
        }

        var out = "<svg class=\"trend\" viewBox=\"0 0 \(Self.width) \(Self.height)\" width=\"100%\" role=\"img\" aria-label=\"\(e(chart.title))\">"
        for tick in axis.ticks {
            let ty = y(tick)
            out += "<line class=\"grid\" x1=\"\(Self.left)\" y1=\"\(ty)\" x2=\"\(Self.width - Self.right)\" y2=\"\(ty)\"/>"
            out += "<text class=\"tick\" x=\"\(Self.left - 6)\" y=\"\(ty + 3)\" text-anchor=\"end\">\(e(axis.label(tick, locale) + unit))</text>"
        }
        let baseline = Self.height - Self.bottom
        out += "<line class=\"axis\" x1=\"\(Self.left)\" y1=\"\(baseline)\" x2=\"\(Self.width - Self.right)\" y2=\"\(baseline)\"/>"
        out += "<text class=\"tick\" x=\"\(Self.left)\" y=\"\(baseline + 14)\">\(e(dateText(firstDate)))</text>"
        out += "<text class=\"tick\" x=\"\(Self.width - Self.right)\" y=\"\(baseline + 14)\" text-anchor=\"end\">\(e(dateText(lastDate)))</text>"

        let asOfX = x(chart.asOf)
        out += "<line class=\"asof\" x1=\"\(asOfX)\" y1=\"\(Self.top - 4)\" x2=\"\(asOfX)\" y2=\"\(baseline)\"/>"
        let anchor = asOfX > Self.width - Self.right - 60 ? "end" : "start"
        out += "<text class=\"note\" x=\"\(asOfX + (anchor == "end" ? -3 : 3))\" y=\"\(Self.top - 5)\" text-anchor=\"\(anchor)\">\(e(chart.labels.asOf))</text>"

        if chart.expected.count >= 2 {
            out += "<polyline class=\"expected\" points=\"\(chart.expected.map { "\(x($0.date)),\(y($0.value))" }.joined(separator: " "))\"/>"
        }
        if let target = chart.target {
            let tx = x(target.date), ty = y(target.value)
            out += "<path class=\"target\" d=\"M\(tx) \(ty - 6)L\(tx + 6) \(ty)L\(tx) \(ty + 6)L\(tx - 6) \(ty)Z\"/>"
            let label = "\(chart.labels.target) \(axis.label(target.value, locale))\(unit)"
            let textAnchor = tx > Self.width - Self.right - 40 ? "end" : "middle"
            let labelY = chart.lowerIsBetter ? ty + 17 : ty - 9
            out += "<text class=\"note\" x=\"\(textAnchor == "end" ? tx + 6 : tx)\" y=\"\(labelY)\" text-anchor=\"\(textAnchor)\">\(e(label))</text>"
        }
        out += "<polyline class=\"realised\" points=\"\(chart.realised.map { "\(x($0.date)),\(y($0.value))" }.joined(separator: " "))\"/>"
        for point in chart.realised {
            out += "<circle class=\"realised-dot\" cx=\"\(x(point.date))\" cy=\"\(y(point.value))\" r=\"3\"/>"
        }
        if chart.lowerIsBetter {
            out += "<text class=\"note\" x=\"\(Self.left + 4)\" y=\"\(Self.top + 10)\">↑ \(e(chart.labels.lowerIsBetter))</text>"
        }
        return out + "</svg>"
    }

    /// `%` after the numbers of a chart of percentages.
    var unit: String { chart.percent ? "%" : "" }

    func dateText(_ date: PlanDate) -> String { Wording.longDate(date, months: chart.labels.months) }
}

/// A value axis with round ticks (1, 2 or 5 times a power of ten) from zero or just below the
/// smallest value to just above the largest, in exact fractions.
struct ValueAxis {
    let low: Fraction
    let high: Fraction
    let step: Fraction
    /// Decimals the tick labels need (0 for a step of 1 or more).
    let decimals: Int

    init?(values: [Fraction]) {
        guard var low = values.min(), var high = values.max() else { return nil }
        // Start at zero unless that squeezes the values into the top half.
        if low > .zero, let half = high.divided(by: Fraction(2)), low <= half { low = .zero }
        if low == high {
            guard let below = low.subtracting(Fraction(1)), let above = high.adding(Fraction(1)) else { return nil }
            low = low.isZero ? low : below
            high = above
        }
        guard let span = high.subtracting(low) else { return nil }
        // The smallest round step that needs at most five intervals.
        var magnitude = Fraction(1, 1_000_000)
        var chosen: Fraction?
        var decimals = 6
        search: while decimals > -19 {
            for factor in [1, 2, 5] as [Int128] {
                guard let candidate = magnitude.multiplied(by: Fraction(factor)),
                      let intervals = span.divided(by: candidate) else { return nil }
                if intervals <= Fraction(5) { chosen = candidate; break search }
            }
            guard let next = magnitude.multiplied(by: Fraction(10)) else { return nil }
            magnitude = next
            decimals -= 1
        }
        guard let step = chosen,
              let lowSteps = low.divided(by: step), let highSteps = high.divided(by: step),
              let floorLow = Fraction(Self.floor(lowSteps)).multiplied(by: step),
              let ceilHigh = Fraction(Self.ceil(highSteps)).multiplied(by: step) else { return nil }
        self.low = floorLow
        self.high = ceilHigh
        self.step = step
        self.decimals = max(0, decimals)
    }

    static func floor(_ value: Fraction) -> Int128 {
        let quotient = value.numerator / value.denominator
        return value.numerator < 0 && value.numerator % value.denominator != 0 ? quotient - 1 : quotient
    }

    static func ceil(_ value: Fraction) -> Int128 {
        let quotient = value.numerator / value.denominator
        return value.numerator > 0 && value.numerator % value.denominator != 0 ? quotient + 1 : quotient
    }

    var ticks: [Fraction] {
        var ticks: [Fraction] = []
        var tick = low
        while tick <= high, ticks.count < 12 {
            ticks.append(tick)
            guard let next = tick.adding(step) else { break }
            tick = next
        }
        return ticks
    }

    /// Where `value` lies from `low` (0) to `high` (`length`), rounded to a whole unit.
    func position(of value: Fraction, length: Int128) -> Int128 {
        guard let offset = value.subtracting(low), let span = high.subtracting(low),
              let ratio = offset.divided(by: span), let scaled = ratio.multiplied(by: Fraction(length)) else { return 0 }
        return scaled.rounded
    }

    func label(_ value: Fraction, _ locale: NumberLocale) -> String {
        guard let decimal = value.decimal(value.denominator == 1 ? 0 : max(1, decimals)) else { return value.description }
        return locale.format(decimal)
    }
}
