/// A labour-market region (arbeidsmarktregio) as CBS divides the country in a year: its code,
/// name and municipalities (alphabetical, as CBS lists them) with their inhabitants.
public struct CBSRegion: Hashable, Sendable {
    public let code: RegionCode
    public let name: String
    public let municipalities: [CBSMunicipality]

    /// The name as a command-line slug: `gooi-en-vechtstreek`, `zaanstreek-waterland`.
    public var slug: String { PlaceName.key(name) }

    /// The sum of the municipalities' inhabitants.
    public var inhabitants: Int { municipalities.reduce(0) { $0 + $1.inhabitants } }

    /// `Haaglanden (AM21)`.
    public var label: String { "\(name) (\(code))" }

    /// The CBS tables the membership of its municipalities comes from, sorted.
    public var regionTables: [String] { Array(Set(municipalities.map(\.regionTable))).sorted() }
}
