/// How a year's labour-market region membership was made. CBS has a table of the regions for
/// 2016 (codes only) and, as amr carries them, for 2020–2025 (its 2026 division applied
/// backwards); for 2015 and 2017–2019 no table was found, so amr takes the nearest year's
/// membership through the known mergers and says so wherever it is used.
public struct RegionMembership: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A CBS table of the year (as far as amr has one; see `MembershipCaveat`).
        case own
        /// A CBS table of the year that gives the regions as codes only (2016): each is named
        /// after the region of `namesYear` that holds most of its municipalities.
        case codesOnly
        /// No table of the year: `basis`'s membership, a merged municipality following its
        /// successor and a new one its predecessors.
        case derived
    }

    public let kind: Kind
    /// The year whose CBS table gives the membership.
    public let basis: Int
    /// The year whose region names are used.
    public let namesYear: Int
    /// For `codesOnly`: the regions whose code differs from their code in `namesYear`
    /// (`FoodValley AM31 (AM38 in 2020)`).
    public let renumbered: [String]
    /// Municipalities whose region differs in the table year on the other side: they may have
    /// belonged to these regions instead (in the year's numbering).
    let uncertain: [MunicipalityCode: [RegionCode]]

    /// Whether the basis is itself CBS's 2026 division applied backwards (2020–2023).
    public var basisIsBackwards: Bool { MembershipCaveat.backwardYears.contains(basis) }

    /// Where `year`'s membership comes from, for messages: `amr uses the membership of 2016 for 2017`.
    public func origin(year: Int) -> String {
        switch kind {
        case .derived: "amr uses the membership of \(basis) for \(year)"
        case .codesOnly: "amr uses CBS's table of \(year)"
        case .own: basisIsBackwards
            ? "amr uses CBS's 2026 membership for \(MembershipCaveat.backwardYears.lowerBound)–\(MembershipCaveat.backwardYears.upperBound)"
            : "amr uses CBS's table for \(year)"
        }
    }
}
