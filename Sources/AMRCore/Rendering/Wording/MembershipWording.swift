/// The words of the note on region membership that every output using CBS's regions carries:
/// CBS's 2026 division applied backwards (2020–2023), another year's membership for a year
/// without a table (2015, 2017–2019), or a table that gives codes only (2016).
public struct MembershipWording: Sendable {
    var clause: @Sendable (_ municipality: String, _ others: [String], _ cbsRegion: String) -> String
    var backwards: @Sendable (_ years: String, _ year: Int, _ clauses: [String]) -> String
    var derived: @Sendable (_ year: Int, _ basis: Int, _ basisBackwards: Bool, _ clauses: [String]) -> String
    var codesOnly: @Sendable (_ year: Int, _ tables: [String], _ namesYear: Int, _ renumbered: [String]) -> String

    public static func of(_ locale: NumberLocale) -> MembershipWording { locale == .en ? english : dutch }

    /// The note for `figures`' membership with `caveats`; nil when nothing needs saying (a year
    /// with its own table and no uncertain municipality).
    public func note(_ figures: CBSYear, caveats: [CBSUse.Caveat]) -> String? {
        note(year: figures.year, membership: figures.membership, caveats: caveats,
             tables: Array(Set(figures.municipalities.map(\.regionTable))).sorted())
    }

    /// The note for a use of the membership (`CBSUse`); nil when no membership was used.
    func note(year: Int, membership: RegionMembership?, caveats: [CBSUse.Caveat], tables: [String]) -> String? {
        let clauses = caveats.map { clause($0.municipality, $0.otherRegions, $0.cbsRegion) }
        switch membership?.kind {
        case .derived?:
            guard let membership else { return nil }
            return derived(year, membership.basis, membership.basisIsBackwards, clauses)
        case .codesOnly?:
            guard let membership else { return nil }
            return codesOnly(year, tables, membership.namesYear, membership.renumbered)
        case .own?, nil:
            guard !clauses.isEmpty else { return nil }
            let years = "\(MembershipCaveat.backwardYears.lowerBound)–\(MembershipCaveat.backwardYears.upperBound)"
            return backwards(years, year, clauses)
        }
    }
}
