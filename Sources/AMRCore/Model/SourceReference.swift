/// Where a number comes from: the document, its section, its publisher. Every fixture records it
/// so a reader can look the published figure up.
public struct SourceReference: Hashable, Sendable {
    public var document: String?
    public var title: String?
    public var section: String?
    public var publisher: String?
    public var published: PlanDate?
    public var url: String?
    public var note: String?

    /// A short citation: `Jaarplan 2018, Schema 3`.
    public var citation: String {
        [title ?? document, section].compactMap { $0 }.joined(separator: ", ")
    }
}
