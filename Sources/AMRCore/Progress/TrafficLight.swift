/// A line's light in a monitor (stoplicht): derived from progress for a target, stated or read
/// from the status for a sub-project.
public enum TrafficLight: String, Hashable, Sendable, CaseIterable, Comparable {
    case green = "groen"
    case orange = "oranje"
    case red = "rood"
    case grey = "grijs"
    case done = "afgerond"
    case onHold = "on hold"
    case notStarted = "niet gestart"

    /// The colour a reader sees: done counts as green, on hold and not started as grey.
    public var colour: TrafficLight {
        switch self {
        case .done: .green
        case .onHold, .notStarted: .grey
        default: self
        }
    }

    /// Worst first, for sorting and summaries.
    var severity: Int {
        switch self {
        case .red: 0
        case .orange: 1
        case .green: 2
        case .done: 3
        case .onHold: 4
        case .notStarted: 5
        case .grey: 6
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.severity < rhs.severity }

    init(_ stated: Subproject.Light) {
        switch stated {
        case .green: self = .green
        case .orange: self = .orange
        case .red: self = .red
        case .grey: self = .grey
        }
    }

    /// The light a sub-project's status implies: on track is green, delayed orange.
    init(_ status: Subproject.Status) {
        switch status {
        case .done: self = .done
        case .onHold: self = .onHold
        case .notStarted: self = .notStarted
        case .delayed: self = .orange
        case .onTrack, .inProgress, .commissioned: self = .green
        }
    }
}
