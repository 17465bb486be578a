/// A file that cannot be used at all. Every case names the place and says what would be right;
/// `description` is the one-line message the CLI prints.
public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read (missing, a directory, no permission).
    case unreadable(file: String, reason: String)
    /// The file's bytes are not text in a supported encoding.
    case encoding(SourceLocation, String)
    /// The JSON text is malformed.
    case syntax(SourceLocation, String)
    /// A value has the wrong type or an invalid content; `expected` says what would be right.
    case invalidValue(SourceLocation, found: String, expected: String)
    /// A required key is absent.
    case missingKey(SourceLocation, key: String)
    /// A CSV row could not be used.
    case csv(SourceLocation, String)
    /// The plan file is of a newer schema version than this amr understands.
    case unsupportedVersion(SourceLocation, found: Int, supported: Int)
    /// The input is well-formed but cannot be used as asked (all weights zero, an unknown
    /// reference, …); the message says why and what would be right.
    case unusable(SourceLocation, String)
    /// A workbook (`.xlsx`) cannot be read as a whole: a damaged or unsupported zip container,
    /// a missing or malformed part, an unknown sheet; the message says which and what to do.
    case workbook(file: String, String)

    public var location: SourceLocation? {
        switch self {
        case .unreadable, .workbook: nil
        case .encoding(let l, _), .syntax(let l, _), .invalidValue(let l, _, _), .missingKey(let l, _),
             .csv(let l, _), .unsupportedVersion(let l, _, _), .unusable(let l, _): l
        }
    }

    /// The message without the location prefix.
    public var message: String {
        switch self {
        case .unreadable(_, let reason): "cannot read: \(reason)"
        case .workbook(_, let m): m
        case .encoding(_, let m), .syntax(_, let m), .csv(_, let m), .unusable(_, let m): m
        case .invalidValue(_, let found, let expected): "\(found); expected \(expected)"
        case .missingKey(_, let key): "missing required key \"\(key)\""
        case .unsupportedVersion(_, let found, let supported): "schemaVersion \(found) is newer than this amr understands (\(supported))"
        }
    }

    /// The one-line message, shown visibly (`TerminalText`): a file or value name with a line
    /// break or an escape sequence in it stays on the line.
    public var description: String { TerminalText.visible(unescapedDescription) }

    var unescapedDescription: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .workbook(let file, let message):
            return "\(file): \(message)"
        case .encoding(let l, let message):
            return "\(l): \(message)"
        case .syntax(let l, let message):
            return "\(l): invalid JSON: \(message)"
        case .invalidValue(let l, let found, let expected):
            return "\(l): \(Self.at(l))\(found); expected \(expected)"
        case .missingKey(let l, let key):
            return "\(l): \(Self.at(l))missing required key \"\(key)\""
        case .csv(let l, let message):
            return "\(l): \(message)"
        case .unusable(let l, let message):
            return "\(l): \(Self.at(l))\(message)"
        case .unsupportedVersion(let l, let found, let supported):
            return "\(l): schemaVersion \(found) is newer than this amr understands (\(supported)); upgrade amr or write schemaVersion \(supported)"
        }
    }

    private static func at(_ l: SourceLocation) -> String {
        guard let pointer = l.pointer else { return "" }
        return "\(pointer.isEmpty ? "/" : pointer): "
    }
}
