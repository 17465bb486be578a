/// A municipality's CBS code, `GM` + 4 digits (`GM0518` is 's-Gravenhage). Codes, not names, are
/// the stable key: names change between years and sources.
public struct MunicipalityCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// A code in the form `GM####`, or nil.
    public init?(_ text: String) {
        guard CodeFormat.matches(text, prefix: "GM", digits: 4) else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A labour-market region's CBS code, `AM` + 2 digits (`AM19`).
public struct RegionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// A code in the form `AM##`, or nil.
    public init?(_ text: String) {
        guard CodeFormat.matches(text, prefix: "AM", digits: 2) else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

enum CodeFormat {
    static func matches(_ text: String, prefix: String, digits: Int) -> Bool {
        let bytes = Array(text.utf8)
        let prefixBytes = Array(prefix.utf8)
        guard bytes.count == prefixBytes.count + digits, bytes.starts(with: prefixBytes) else { return false }
        return bytes.dropFirst(prefixBytes.count).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
