/// Progress of targets at a date: the expected value on the trajectory (linear between its
/// points, pro rata inside a period), the realised value, and the traffic light.
public enum ProgressCalculator {
    /// The default orange threshold: at least 80% of the expected value.
    public static let defaultOrangeFrom = ExactDecimal(significand: 80)

    /// The points of a target's trajectory, in date order: where counting starts (at zero for a
    /// cumulative target or a period), the stated steps, and the target itself.
    public static func trajectory(of target: Target, in plan: Plan) -> [(date: PlanDate, value: Fraction)] {
        guard let value = target.value else { return [] }
        var points: [(date: PlanDate, value: Fraction)] = []
        if target.direction == .lower, let baseline = target.baseline, let start = baseline.value {
            points.append((baseline.date, Fraction(start)))
        } else if target.cumulative, let baseline = target.baseline {
            points.append((baseline.date, .zero))
        } else if let period = target.period {
            points.append((period.start.previousDay ?? period.start, .zero))
        }
        for step in target.trajectory {
            if let stepValue = step.value {
                points.append((step.date, Fraction(stepValue)))
            } else if let percent = step.percent, let base = target.base,
                      let computed = Fraction(percent).multiplied(by: Fraction(base)).flatMap({ $0.divided(by: Fraction(100)) }) {
                points.append((step.date, computed))
            }
        }
        if let end = target.date ?? target.period?.end {
            points.append((end, Fraction(value)))
        }
        return points.sorted { $0.date < $1.date }
    }

    /// The value the trajectory expects on `date`: linear between points, the first value before
    /// the first point and the target after the last. A target with only a date is expected in
    /// full from that date on and has no expected value before it; a target without a date or
    /// period has none at all (there is nothing to measure progress against).
    public static func expected(_ target: Target, in plan: Plan, on date: PlanDate) -> Fraction? {
        guard let value = target.value else { return nil }
        let points = trajectory(of: target, in: plan)
        guard points.count >= 2, let first = points.first, let last = points.last else {
            guard let due = target.date ?? target.period?.end, date >= due else { return nil }
            return Fraction(value)
        }
        if date <= first.date { return first.value }
        if date >= last.date { return last.value }
        for (a, b) in zip(points, points.dropFirst()) where a.date <= date && date <= b.date {
            let span = Int128(b.date.dayNumber - a.date.dayNumber)
            guard span > 0 else { return b.value }
            let elapsed = Fraction(Int128(date.dayNumber - a.date.dayNumber), span)
            return b.value.subtracting(a.value).flatMap { $0.multiplied(by: elapsed) }.flatMap { a.value.adding($0) }
        }
        return last.value
    }

    /// Progress of every target at `asOf`. `counts` gives realised values counted from placement
    /// records for targets with a filter.
    public static func progress(of plan: Plan, asOf: PlanDate, orangeFrom override: ExactDecimal? = nil,
                                counts: [String: Measurement] = [:]) -> [TargetProgress] {
        plan.targets.map { progress(of: $0, in: plan, asOf: asOf, orangeFrom: override, counted: counts[$0.id]) }
    }

    public static func progress(of target: Target, in plan: Plan, asOf: PlanDate, orangeFrom override: ExactDecimal? = nil,
                                counted: Measurement? = nil) -> TargetProgress {
        let threshold = target.orangeFrom ?? override ?? plan.orangeFrom ?? defaultOrangeFrom
        let realisedSeries = (target.measurements.filter { $0.kind == .realised } + (counted.map { [$0] } ?? []))
            .filter { $0.date <= asOf }
            .sorted { $0.date < $1.date }
        let realised = realisedSeries.last
        let previous = realisedSeries.dropLast().last
        let outlook = target.measurements.filter { $0.kind != .realised }.sorted { $0.date < $1.date }.last
        let expected = expected(target, in: plan, on: asOf)
        var result = TargetProgress(target: target, asOf: asOf, expected: expected, realised: realised, outlook: outlook,
                                    previous: previous, performance: nil, ofTarget: nil, gap: nil, light: .grey, why: .indicator,
                                    orangeFrom: threshold, countedFromPlacements: counted != nil && realised == counted)
        result.history = realisedSeries
        result.path = trajectory(of: target, in: plan).map { TargetProgress.PathPoint(date: $0.date, value: $0.value) }
        guard let realised else {
            result.why = .noMeasurement(asOf)
            return result
        }
        let value = Fraction(realised.value)
        guard let targetValue = target.value else {
            result.why = .indicator
            return result
        }
        result.ofTarget = Fraction(targetValue).isZero ? nil : value.divided(by: Fraction(targetValue))
        guard let expected else {
            result.why = (target.date ?? target.period?.end).map(ProgressReason.beforeDue) ?? .noDate
            return result
        }
        result.gap = value.subtracting(expected)
        if let start = trajectory(of: target, in: plan).first?.date, asOf < start {
            result.why = .beforeStart(start)
            return result
        }
        let needed = Fraction(threshold).divided(by: Fraction(100)) ?? Fraction(4, 5)
        switch target.direction {
        case .higher:
            result.performance = expected.isZero ? nil : value.divided(by: expected)
            if value >= expected {
                result.light = .green
                result.why = .atOrAbove
            } else if let performance = result.performance, performance >= needed {
                result.light = .orange
                result.why = .belowWithin(threshold)
            } else {
                result.light = .red
                result.why = .below(threshold)
            }
        case .lower:
            result.performance = value.isZero ? nil : expected.divided(by: value)
            if value <= expected {
                result.light = .green
                result.why = .atOrBelow
            } else if let performance = result.performance, performance >= needed {
                result.light = .orange
                result.why = .aboveWithin(threshold)
            } else {
                result.light = .red
                result.why = .tooFarAbove(threshold)
            }
        }
        return result
    }

    /// The latest realised measurement date in the plan: the default as-of date.
    public static func latestMeasurement(in plan: Plan) -> PlanDate? {
        plan.targets.flatMap { $0.measurements.filter { $0.kind == .realised }.map(\.date) }.max()
    }
}

extension PlanDate {
    /// The day before, or nil before year 1.
    var previousDay: PlanDate? {
        if day > 1 { return PlanDate(year: year, month: month, day: day - 1) }
        if month > 1 { return PlanDate(year: year, month: month - 1, day: PlanDate.daysIn(month: month - 1, year: year)) }
        return PlanDate(year: year - 1, month: 12, day: 31)
    }
}
