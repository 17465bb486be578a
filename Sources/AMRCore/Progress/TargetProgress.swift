/// Where a target stands at a date: what was expected on its trajectory, what was realised, the
/// ratios and the gap, and the light they give.
public struct TargetProgress: Hashable, Sendable {
    public var target: Target
    public var asOf: PlanDate
    /// The value the trajectory expects at `asOf`; nil for an indicator without a target value.
    public var expected: Fraction?
    /// The latest realised measurement on or before `asOf`.
    public var realised: Measurement?
    /// The latest indication or forecast, for the outlook.
    public var outlook: Measurement?
    /// The measurement before `realised`, for the trend.
    public var previous: Measurement?
    /// How well the target does against its trajectory, for the light: realised / expected, and
    /// for lower-is-better expected / realised (so that higher is better either way), or nil.
    public var performance: Fraction?
    /// realised / expected, whatever the direction: what "of expected" shows (for a
    /// lower-is-better target more than 100% is worse), or nil.
    public var ofExpected: Fraction? {
        guard let value = realised.map({ Fraction($0.value) }), let expected, !expected.isZero else { return nil }
        return value.divided(by: expected)
    }
    /// realised / target value, or nil.
    public var ofTarget: Fraction?
    /// realised − expected, or nil.
    public var gap: Fraction?
    public var light: TrafficLight
    /// Why the light is what it is.
    public var why: ProgressReason
    /// Why the light is what it is, in English words (CSV and JSON).
    public var reason: String { why.description }
    /// The threshold used for orange, in percent.
    public var orangeFrom: ExactDecimal
    /// Where the realised value came from when it was counted from placement records.
    public var countedFromPlacements: Bool
    /// Every realised measurement on or before `asOf`, in date order: the trend.
    public var history: [Measurement] = []
    /// The trajectory's points (start, steps, target), for drawing the expected path.
    public var path: [PathPoint] = []

    /// A point of the expected path.
    public struct PathPoint: Hashable, Sendable {
        public var date: PlanDate
        public var value: Fraction
    }
}

/// Why a target has its light.
public enum ProgressReason: Hashable, Sendable {
    case noMeasurement(PlanDate)
    case indicator
    case beforeStart(PlanDate)
    /// The target has only a date, which has not come yet: no trajectory to compare with.
    case beforeDue(PlanDate)
    /// The target has no date or period: nothing to measure progress against.
    case noDate
    case atOrAbove
    case belowWithin(ExactDecimal)
    case below(ExactDecimal)
    case atOrBelow
    case aboveWithin(ExactDecimal)
    case tooFarAbove(ExactDecimal)

    /// The reason in plain English with ISO dates: a stable text for JSON and CSV (reports for
    /// people take their words from `Wording`).
    public var description: String {
        switch self {
        case .noMeasurement(let date): "no measurement on or before \(date)"
        case .indicator: "an indicator without a target value"
        case .beforeStart(let date): "before the start of the target (\(date))"
        case .beforeDue(let date): "the target is due on \(date); without steps there is no expected value before it"
        case .noDate: "the target has no date or period; only realised against the target is shown"
        case .atOrAbove: "at or above the expected value"
        case .belowWithin(let t): "below the expected value, at least \(t)% of it"
        case .below(let t): "below \(t)% of the expected value"
        case .atOrBelow: "at or below the expected value"
        case .aboveWithin(let t): "above the expected value, which is still at least \(t)% of the realised value"
        case .tooFarAbove(let t): "too far above the expected value, which is less than \(t)% of the realised value"
        }
    }
}
