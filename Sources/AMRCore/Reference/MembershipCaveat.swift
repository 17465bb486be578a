/// A municipality whose labour-market region in a year is uncertain. CBS's region membership
/// for 2020–2023 is its 2026 membership applied backwards (see PROVENANCE.md of the CBS data);
/// an older, non-CBS list (VNG, around 2019–2020) puts four municipalities elsewhere, and
/// Vijfheerenlanden took part in two regions until July 2020. For 2017–2019, whose membership is
/// another year's, the municipalities CBS puts elsewhere in the table year on the other side are
/// uncertain too. Outputs that use the membership say so; a plan's own list always wins.
public struct MembershipCaveat: Hashable, Sendable {
    public let municipality: MunicipalityCode
    public let name: String
    /// The region CBS's data puts it in.
    public let cbsRegion: RegionCode
    /// The region(s) it may have belonged to instead.
    public let otherRegions: [RegionCode]

    /// The years whose membership is CBS's 2026 division applied backwards.
    public static let backwardYears = 2020...2023

    /// The four municipalities an older, non-CBS list places elsewhere; they hold wherever the
    /// membership used is that of 2020–2023 (so also for 2019, which takes 2020's).
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
    /// CBS puts in the region or that may have belonged to it.
    public static func caveats(for region: RegionCode, in figures: CBSYear) -> [MembershipCaveat] {
        caveats(in: figures).filter { $0.cbsRegion == region || $0.otherRegions.contains(region) }
    }

    /// Every caveat for `figures`' year, by code: the four of 2020–2023 where that membership is
    /// used, and for a year without a table of its own, the municipalities whose region differs
    /// in the table year on the other side (see `RegionMembership`).
    public static func caveats(in figures: CBSYear) -> [MembershipCaveat] {
        var byCode: [MunicipalityCode: MembershipCaveat] = [:]
        if backwardYears.contains(figures.membership.basis) {
            for caveat in all where figures.municipality(caveat.municipality) != nil { byCode[caveat.municipality] = caveat }
        }
        for (code, others) in figures.membership.uncertain {
            guard let municipality = figures.municipality(code) else { continue }
            let known = byCode[code]?.otherRegions ?? []
            byCode[code] = MembershipCaveat(municipality: code, name: municipality.name, cbsRegion: municipality.region,
                                            otherRegions: known + others.filter { !known.contains($0) })
        }
        return byCode.keys.sorted().compactMap { byCode[$0] }
    }

    /// The caveat for one municipality in `figures`' year, if it has one.
    public static func caveat(for municipality: MunicipalityCode, in figures: CBSYear) -> MembershipCaveat? {
        caveats(in: figures).first { $0.municipality == municipality }
    }

    /// `Weesp (GM0457) may have belonged to Gooi en Vechtstreek (AM12) rather than Groot Amsterdam (AM18)`.
    public func clause(in figures: CBSYear) -> String {
        func label(_ code: RegionCode) -> String { figures.region(code)?.label ?? code.rawValue }
        let others = otherRegions.map(label)
        let alternatives = others.count > 1 ? others.dropLast().joined(separator: ", ") + " or " + (others.last ?? "") : (others.first ?? "")
        return "\(name) (\(municipality)) may have belonged to \(alternatives) rather than \(label(cbsRegion))"
    }

    /// The sentence for outputs that use `figures`' membership (English, for JSON and CSV);
    /// nil when nothing needs saying.
    public static func note(_ caveats: [MembershipCaveat], in figures: CBSYear) -> String? {
        MembershipWording.english.note(figures, caveats: CBSUse.caveats(caveats, in: figures))
    }
}
