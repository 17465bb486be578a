/// A programme a monitor reports on (e.g. "Perspectief op Werk").
public struct Programme: Hashable, Sendable {
    public var id: String
    public var name: String
    public var note: String?
    public var source: SourceReference?
}

/// A sub-project (deelproject) with its reported status and, where the plan gives one, its light.
public struct Subproject: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case notStarted = "niet-gestart"
        case commissioned = "opdracht-verstrekt"
        case inProgress = "in-uitvoering"
        case onTrack = "op-koers"
        case delayed = "vertraagd"
        case onHold = "on-hold"
        case done = "afgerond"
    }

    /// A traffic light as stated in the plan (stoplicht).
    public enum Light: String, Hashable, Sendable, CaseIterable {
        case green = "groen"
        case orange = "oranje"
        case red = "rood"
        case grey = "grijs"
    }

    public var id: String
    public var programme: String?
    public var number: Int?
    public var name: String
    public var description: String?
    public var owner: String?
    public var status: Status?
    public var light: Light?
    public var note: String?
}
