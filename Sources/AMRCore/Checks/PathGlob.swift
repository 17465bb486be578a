/// A shell-style pattern for `amr check --exclude`: `*` and `?` within one path segment, `**`
/// across segments, `[abc]` one of a set. A pattern without `/` matches any segment of a path
/// (a file's or a directory's name: `drafts`, `*.draft.json`); one with `/` matches the path
/// from its start (`plans/archive/**`), or a directory above the file (`plans/archive`).
public struct PathGlob: Hashable, Sendable {
    public let pattern: String
    private let parts: [Substring]
    private let anySegment: Bool

    public init(_ pattern: String) {
        var text = Substring(pattern)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        self.pattern = pattern
        anySegment = !text.contains("/")
        parts = text.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Whether `path` (as given or as found in a directory) or a directory above it matches.
    public func matches(_ path: String) -> Bool {
        var text = Substring(path)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        let segments = text.split(separator: "/", omittingEmptySubsequences: true)
        if anySegment, let only = parts.first {
            return segments.contains { Self.segment(Array(only.unicodeScalars), Array($0.unicodeScalars)) }
        }
        // A match of the whole path or of a leading part of it (a directory above the file).
        for count in stride(from: segments.count, through: 1, by: -1) where Self.path(parts[...], segments[..<count]) {
            return true
        }
        return false
    }

    private static func path(_ pattern: ArraySlice<Substring>, _ segments: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return segments.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var remaining = segments
            while true {
                if path(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = segments.first, Self.segment(Array(first.unicodeScalars), Array(segment.unicodeScalars)) else { return false }
        return path(pattern.dropFirst(), segments.dropFirst())
    }

    /// One segment against one pattern segment, by dynamic programming (no backtracking blow-up).
    static func segment(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        // matched[j]: the pattern so far matches text[..<j].
        var matched = [Bool](repeating: false, count: text.count + 1)
        matched[0] = true
        var index = 0
        while index < pattern.count {
            let character = pattern[index]
            var next = [Bool](repeating: false, count: text.count + 1)
            switch character {
            case "*":
                var reached = false
                for j in 0...text.count {
                    reached = reached || matched[j]
                    next[j] = reached
                }
                index += 1
            case "[":
                if let close = pattern[(index + 1)...].firstIndex(of: "]"), close > index + 1 {
                    var set = Array(pattern[(index + 1)..<close])
                    let negated = set.first == "!" || set.first == "^"
                    if negated { set.removeFirst() }
                    for j in 0..<text.count where matched[j] {
                        next[j + 1] = contains(set, text[j]) != negated
                    }
                    index = close + 1
                } else {
                    for j in 0..<text.count where matched[j] && text[j] == "[" { next[j + 1] = true }
                    index += 1
                }
            case "?":
                for j in 0..<text.count where matched[j] { next[j + 1] = true }
                index += 1
            default:
                for j in 0..<text.count where matched[j] && text[j] == character { next[j + 1] = true }
                index += 1
            }
            matched = next
        }
        return matched[text.count]
    }

    /// `a-z0-9_` style sets.
    private static func contains(_ set: [Unicode.Scalar], _ scalar: Unicode.Scalar) -> Bool {
        var i = 0
        while i < set.count {
            if i + 2 < set.count, set[i + 1] == "-" {
                if set[i].value <= scalar.value && scalar.value <= set[i + 2].value { return true }
                i += 3
            } else {
                if set[i] == scalar { return true }
                i += 1
            }
        }
        return false
    }
}
