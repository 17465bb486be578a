import Foundation

/// A JSON value as written in a file, with the line and column where it starts. Numbers keep
/// their literal text so amounts are never rounded through `Double`; object members keep their
/// order so output and findings follow the file.
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case object([JSONMember])
        case array([JSONValue])
        case string(String)
        /// The number's literal text, e.g. `159500.00`.
        case number(String)
        case bool(Bool)
        case null
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    /// The value at a JSON pointer (RFC 6901) below this one, or nil.
    public func value(at pointer: String) -> JSONValue? {
        guard !pointer.isEmpty else { return self }
        var current = self
        for rawToken in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = rawToken.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current.kind {
            case .object(let members):
                guard let member = members.first(where: { $0.key == token }) else { return nil }
                current = member.value
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// A short name of the value's type for messages: `an object`, `a string "abc"`.
    public var summary: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string(let s): s.count > 40 ? "a string \"\(s.prefix(37))...\"" : "a string \"\(s)\""
        case .number(let n): "the number \(n.count > 40 ? String(n.prefix(37)) + "..." : n)"
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        }
    }
}

/// One `"key": value` of an object, with the position of the key.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var line: Int
    public var column: Int
    public var value: JSONValue
}

extension String {
    /// Escapes a key for use as a JSON pointer token (RFC 6901).
    var jsonPointerEscaped: String {
        replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
