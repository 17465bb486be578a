/// The CBS figures for 1 January of one year: every municipality with its inhabitants and
/// region, and the 35 regions they make up.
public struct CBSYear: Hashable, Sendable {
    public let year: Int
    /// The reference date: 1 January of the year.
    public let date: PlanDate
    /// The CBS table the inhabitants come from (`85984NED`) and its title.
    public let table: String
    public let tableTitle: String
    /// Every municipality, by code.
    public let municipalities: [CBSMunicipality]
    /// Every region, by code.
    public let regions: [CBSRegion]
    /// How the region membership of the year was made (a CBS table of the year, or another
    /// year's through the mergers).
    public let membership: RegionMembership

    private let municipalityIndex: [MunicipalityCode: Int]
    private let regionIndex: [RegionCode: Int]
    /// The regions by every name they answer to, built once (see `PlaceResolver.regionKeys`).
    let regionKeys: [String: RegionCode]

    init(date: PlanDate, table: String, tableTitle: String, municipalities: [CBSMunicipality], regionNames: [RegionCode: String],
         membership: RegionMembership) {
        self.year = date.year
        self.membership = membership
        self.date = date
        self.table = table
        self.tableTitle = tableTitle
        self.municipalities = municipalities.sorted { $0.code < $1.code }
        var members: [RegionCode: [CBSMunicipality]] = [:]
        for municipality in self.municipalities { members[municipality.region, default: []].append(municipality) }
        regions = members.keys.sorted().map { code in
            let sorted = (members[code] ?? []).map { (key: PlaceName.sortKey($0.name), municipality: $0) }
                .sorted { ($0.key, $0.municipality.code) < ($1.key, $1.municipality.code) }
            return CBSRegion(code: code, name: regionNames[code] ?? code.rawValue, municipalities: sorted.map(\.municipality))
        }
        municipalityIndex = Dictionary(uniqueKeysWithValues: self.municipalities.enumerated().map { ($1.code, $0) })
        regionIndex = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.code, $0) })
        regionKeys = PlaceResolver.regionKeys(regions)
    }

    /// The municipality with this code on 1 January of the year, if CBS lists it.
    public func municipality(_ code: MunicipalityCode) -> CBSMunicipality? {
        municipalityIndex[code].map { municipalities[$0] }
    }

    /// The region with this code.
    public func region(_ code: RegionCode) -> CBSRegion? {
        regionIndex[code].map { regions[$0] }
    }

    /// The region a municipality belongs to this year.
    public func region(of municipality: CBSMunicipality) -> CBSRegion? { region(municipality.region) }

    /// The national total of inhabitants.
    public var inhabitants: Int { municipalities.reduce(0) { $0 + $1.inhabitants } }

    /// The credit for figures of this year; with `regionTables` when region membership is used.
    public func source(regionTables: [String] = []) -> CBSSource {
        CBSSource(year: year, date: date, table: table, tableTitle: tableTitle, regionTables: regionTables)
    }
}
