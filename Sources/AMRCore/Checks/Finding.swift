/// Something `amr check` found in a plan file: which rule, how bad, where exactly, and what the
/// number should be. Problems found are values; only unreadable files throw.
public struct Finding: Hashable, Sendable, Comparable {
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// A number that is wrong; fails CI.
        case error
        /// A number that may be wrong (it differs from CBS's, a key is unknown); an error with --strict.
        case warning
        /// Something that could not be checked and how to make it checkable (a key whose
        /// figures the plan does not print). Never fails CI, not even with --strict.
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
    }

    /// The rule's stable id, e.g. `allocation-sum`.
    public var rule: String
    public var severity: Severity
    /// File, line, column and JSON pointer of the offending value.
    public var location: SourceLocation
    /// What is wrong, in plain words, with the stated and the expected value.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The value as stated in the file, as plain text (`"159499.99"`), when there is one.
    public var stated: String?
    /// The value the rule expects, as plain text.
    public var expected: String?
    /// Other places the finding involves (the second statement of a number stated twice), each
    /// with a short message saying what is there.
    public var related: [Related]

    /// Another place a finding involves.
    public struct Related: Hashable, Sendable {
        public var location: SourceLocation
        public var message: String

        public init(location: SourceLocation, message: String) {
            self.location = location
            self.message = message
        }
    }

    public init(rule: String, severity: Severity, location: SourceLocation, message: String,
                hint: String? = nil, stated: String? = nil, expected: String? = nil, related: [Related] = []) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.stated = stated
        self.expected = expected
        self.related = related
    }

    /// Sorted by file, then position, then rule; not by message, which depends on the language.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        (lhs.location.file, lhs.location.line, lhs.location.column, lhs.rule)
            < (rhs.location.file, rhs.location.line, rhs.location.column, rhs.rule)
    }

    /// `findings` sorted, findings at the same place of the same rule in the order they were
    /// found: so the order is the same in every language.
    public static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { $0.element < $1.element || (!($1.element < $0.element) && $0.offset < $1.offset) }.map(\.element)
    }
}
