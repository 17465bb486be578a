/// A municipality whose labour-market region in 2020–2023 is uncertain. CBS's region membership
/// for those years is its 2026 membership applied backwards (see PROVENANCE.md of the CBS data);
/// an older, non-CBS list (VNG, around 2019–2020) puts these four elsewhere, and Vijfheerenlanden
/// took part in two regions until July 2020. Outputs that use those years' membership say so, and
/// a plan's own list of municipalities always wins.
public struct MembershipCaveat: Hashable, Sendable {
    public let municipality: MunicipalityCode
    public let name: String
    /// The region CBS's data puts it in.
    public let cbsRegion: RegionCode
    /// The region(s) it may have belonged to instead.
    public let otherRegions: [RegionCode]

    /// The years whose membership is the later one applied backwards.
    public static let years = 2020...2023

    static let all: [MembershipCaveat] = [
        caveat("GM0274", "Renkum", cbs: "AM38", other: ["AM07"]),
        caveat("GM0457", "Weesp", cbs: "AM18", other: ["AM12"]),
        caveat("GM0523", "Hardinxveld-Giessendam", cbs: "AM23", other: ["AM35"]),
        caveat("GM1961", "Vijfheerenlanden", cbs: "AM35", other: ["AM13"]),
    ].compactMap { $0 }

    static func caveat(_ code: String, _ name: String, cbs: String, other: [String]) -> MembershipCaveat? {
        guard let municipality = MunicipalityCode(code), let region = RegionCode(cbs) else { return nil }
        return MembershipCaveat(municipality: municipality, name: name, cbsRegion: region, otherRegions: other.compactMap(RegionCode.init))
    }

    /// The caveats that matter for `region` in `figures`' year: municipalities of that year that
    /// CBS puts in the region or that may have belonged to it. Empty outside 2020–2023.
    public static func caveats(for region: RegionCode, in figures: CBSYear) -> [MembershipCaveat] {
        guard years.contains(figures.year) else { return [] }
        return all.filter { caveat in
            figures.municipality(caveat.municipality) != nil && (caveat.cbsRegion == region || caveat.otherRegions.contains(region))
        }
    }

    /// Every caveat for `figures`' year (for a list of all regions).
    public static func caveats(in figures: CBSYear) -> [MembershipCaveat] {
        guard years.contains(figures.year) else { return [] }
        return all.filter { figures.municipality($0.municipality) != nil }
    }

    /// The caveat for one municipality in `figures`' year, if it has one.
    public static func caveat(for municipality: MunicipalityCode, in figures: CBSYear) -> MembershipCaveat? {
        guard years.contains(figures.year) else { return nil }
        return all.first { $0.municipality == municipality }
    }

    /// `Weesp (GM0457) may have belonged to Gooi en Vechtstreek (AM12) rather than Groot Amsterdam (AM18)`.
    public func clause(in figures: CBSYear) -> String {
        func label(_ code: RegionCode) -> String { figures.region(code)?.label ?? code.rawValue }
        let others = otherRegions.map(label)
        let alternatives = others.count > 1 ? others.dropLast().joined(separator: ", ") + " or " + (others.last ?? "") : (others.first ?? "")
        return "\(name) (\(municipality)) may have belonged to \(alternatives) rather than \(label(cbsRegion))"
    }

    /// One sentence for outputs that use 2020–2023 membership; nil when no caveat applies.
    public static func note(_ caveats: [MembershipCaveat], in figures: CBSYear) -> String? {
        guard !caveats.isEmpty else { return nil }
        let clauses = caveats.map { $0.clause(in: figures) }
        return "Region membership for \(years.lowerBound)–\(years.upperBound) is CBS's 2026 membership applied backwards: in \(figures.year) "
            + clauses.joined(separator: "; ") + ". A plan's own list of municipalities wins."
    }
}
