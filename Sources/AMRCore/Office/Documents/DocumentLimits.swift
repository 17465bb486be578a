/// How much of a document amr reads before it stops with a message: the same idea as the
/// workbook limits, so a crafted file cannot make it run out of memory or time.
public struct DocumentLimits: Hashable, Sendable {
    public var maximumTables = 5_000
    public var maximumRows = 20_000
    public var maximumColumns = 256
    public var maximumCells = 1_000_000
    /// Tables nested deeper than this are left out (their text is no part of the outer cell).
    public var maximumNesting = 8

    public init() {}

    public static let standard = DocumentLimits()
}
