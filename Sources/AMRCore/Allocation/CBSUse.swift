/// The CBS figures an allocation uses or is checked against, kept as data so that each report
/// words them in its own language: the credit ("Bron: CBS", table, reference date), the region
/// split over, the rows of a weights file that differ from CBS, and how the region membership was made (with its caveats).
public struct CBSUse: Hashable, Sendable {
    /// A row of a weights file whose weight is not CBS's figure for its municipality.
    public struct Difference: Hashable, Sendable {
        public var name: String
        public var weight: ExactDecimal
        public var cbs: ExactDecimal
    }

    /// A municipality whose region in the year used is uncertain.
    public struct Caveat: Hashable, Sendable {
        /// `Weesp (GM0457)`.
        public var municipality: String
        /// The region CBS puts it in, and the ones it may have belonged to instead (`Label (AM18)`).
        public var cbsRegion: String
        public var otherRegions: [String]
    }

    public var source: CBSSource
    /// The region, `Haaglanden (AM21)`, when the split is over a region's municipalities.
    public var region: String?
    public var municipalities: Int
    /// For a weights file checked against the region: its rows that differ from CBS (empty when
    /// none does); nil when CBS's figures are the weights.
    public var differences: [Difference]?
    public var caveats: [Caveat] = []
    /// A set of municipalities named one by one without a name (`--municipalities` without
    /// `--name`): reports say "3 gemeenten" in the reader's language rather than a label.
    public var unnamedSet = false
    /// How the region membership used was made; nil when no region's membership was used (a
    /// split over a set of municipalities someone named).
    public var membership: RegionMembership? = nil
    /// The CBS tables the membership comes from.
    public var membershipTables: [String] { source.regionTables }

    public var year: Int { source.year }

    /// The remarks in plain English with ISO-free wording, a stable text for JSON.
    public var englishNotes: [String] {
        var notes: [String] = []
        if let differences {
            let date = "CBS's inhabitants on 1 January \(year)"
            if differences.isEmpty {
                notes.append("The weights equal \(date) for all \(municipalities) municipalities.")
            } else {
                notes.append("The weights differ from \(date) in \(differences.count) of \(municipalities) rows: "
                             + differences.map { "\($0.name) \($0.weight) (CBS \($0.cbs))" }.joined(separator: ", ")
                             + "; the file's weights were used (they may be for another date).")
            }
        }
        if let note = membershipNote(MembershipWording.english) { notes.append(note) }
        return notes
    }

    /// The note on the region membership used, in `wording`'s language.
    public func membershipNote(_ wording: MembershipWording) -> String? {
        wording.note(year: year, membership: membership, caveats: caveats, tables: membershipTables)
    }

    /// The caveats for `region` in `figures`' year, as data.
    static func caveats(for region: RegionCode, in figures: CBSYear) -> [Caveat] {
        caveats(MembershipCaveat.caveats(for: region, in: figures), in: figures)
    }

    /// Every caveat of `figures`' year, as data.
    static func caveats(in figures: CBSYear) -> [Caveat] {
        caveats(MembershipCaveat.caveats(in: figures), in: figures)
    }

    static func caveats(_ list: [MembershipCaveat], in figures: CBSYear) -> [Caveat] {
        list.map { caveat in
            func label(_ code: RegionCode) -> String { figures.region(code)?.label ?? code.rawValue }
            return Caveat(municipality: "\(caveat.name) (\(caveat.municipality))", cbsRegion: label(caveat.cbsRegion),
                          otherRegions: caveat.otherRegions.map(label))
        }
    }
}
