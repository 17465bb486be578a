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
    public var direction: Direction
    public var cumulative: Bool
    public var baseline: Baseline?
    public var date: PlanDate?
    public var period: DatePeriod?
    public var indicative: Bool
    public var parts: [TargetPart]
    public var filter: [String: String]
    public var measurements: [Measurement]
    public var source: SourceReference?
    public var note: String?
    public var pointer: String
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
    public var source: String?
    public var note: String?
}
