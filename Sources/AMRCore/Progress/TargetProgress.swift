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
    /// realised / expected (for lower-is-better: expected / realised), or nil.
    public var performance: Fraction?
    /// realised / target value, or nil.
    public var ofTarget: Fraction?
    /// realised − expected, or nil.
    public var gap: Fraction?
    public var light: TrafficLight
    /// Why the light is what it is, in words.
    public var reason: String
    /// The threshold used for orange, in percent.
    public var orangeFrom: ExactDecimal
    /// Where the realised value came from when it was counted from placement records.
    public var countedFromPlacements: Bool
}
