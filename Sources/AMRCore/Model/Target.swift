/// A target (doelstelling, streefcijfer) with its baseline, parts and realised measurements.
public struct Target: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable { case higher, lower }

    public var id: String
    public var name: String
    public var theme: String?
    public var programme: String?
    public var subproject: String?
    public var measure: String?
    public var value: ExactDecimal?
    public var of: ExactDecimal?
    /// For a percentage target: the percent of `base` that `value` states (35% of 72.000).
    public var percent: ExactDecimal?
    public var base: ExactDecimal?
    /// How the plan rounds `percent × base` to a whole count.
    public var rounding: Rounding?
    /// Yearly steps towards the target (8%, 20%, 35%, 50% of a base), in date order.
    public var trajectory: [TrajectoryPoint]
    /// The cluster or municipality the target is for, when not the whole region.
    public var cluster: String?
    public var municipality: MunicipalityCode?
    /// Traffic-light threshold for this target (orange at or above this % of expected).
    public var orangeFrom: ExactDecimal?
    public var direction: Direction
    public var cumulative: Bool
    public var baseline: Baseline?
    public var date: PlanDate?
    public var period: DatePeriod?
    public var indicative: Bool
    /// Quoted as background or context (an earlier plan's target), not a target of this plan:
    /// the period rule leaves its dates alone.
    public var background: Bool = false
    /// The growth the plan states beside its baseline, for a target stated as a level: "van 934
    /// naar 1.729 banen, 795 erbij". The level (`value`) is the baseline plus the growth.
    public var growth: ExactDecimal? = nil
    public var parts: [TargetPart]
    public var filter: [String: String]
    public var measurements: [Measurement]
    public var source: SourceReference?
    public var note: String?
    public var pointer: String
    /// The value (or, with `key`, the percent or base) printed elsewhere in the document.
    public var alsoStated: [AlsoStated] = []
}

/// How a count computed from a percentage is rounded.
public enum Rounding: String, Hashable, Sendable, CaseIterable {
    case down, nearest, up
}

/// A step of a target's trajectory: by `date`, `value` (or `percent` of the target's base).
public struct TrajectoryPoint: Hashable, Sendable {
    public var date: PlanDate
    public var value: ExactDecimal?
    public var percent: ExactDecimal?
    public var pointer: String
    /// The value (or, with `key`, the percent) printed elsewhere in the document.
    public var alsoStated: [AlsoStated] = []
}

/// The nulmeting: the date and value progress is counted from.
public struct Baseline: Hashable, Sendable {
    public var date: PlanDate
    public var value: ExactDecimal?
    public var source: String?
}

/// A part of a split target (market and government, say).
public struct TargetPart: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var value: ExactDecimal
    public var pointer: String
}

/// A realised (or indicated, or forecast) value of a target at a date.
public struct Measurement: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case realised, indication, forecast }

    public var date: PlanDate
    public var value: ExactDecimal
    public var level: ExactDecimal?
    public var kind: Kind
    /// The channels the value was counted over (platforms, say), when stated.
    public var channels: [Channel]
    public var source: String?
    public var note: String?
    public var pointer: String
    /// The value (or, with `key`, the level) printed elsewhere in the document.
    public var alsoStated: [AlsoStated] = []
}

/// A channel a measurement counts over; one that overlaps another is not added to the total.
public struct Channel: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var value: ExactDecimal
    /// The id of the channel this one overlaps with (its people are counted there already).
    public var overlapsWith: String?
    /// JSON pointer of the channel.
    public var pointer: String = ""
    /// The value printed elsewhere in the document.
    public var alsoStated: [AlsoStated] = []
}
