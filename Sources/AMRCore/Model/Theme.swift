/// A theme (thema) of a plan, with its owner (portefeuillehouder) and goals.
public struct Theme: Hashable, Sendable {
    public var id: String
    public var number: Int?
    public var name: String
    public var owner: String?
    public var issueOwners: [String]
    public var goals: [String]
    public var planning: String?
    public var source: SourceReference?
}
