/// A municipality (gemeente) as CBS lists it on 1 January of a year: code, official name,
/// inhabitants, its labour-market region and province.
public struct CBSMunicipality: Hashable, Sendable {
    public let code: MunicipalityCode
    /// The official CBS name in that year ("'s-Gravenhage", "Rijswijk (ZH.)" from 2024).
    public let name: String
    /// Population on 1 January of the year.
    public let inhabitants: Int
    public let region: RegionCode
    public let provinceCode: String
    public let provinceName: String
    /// The CBS "Gebieden in Nederland" table the region membership comes from (`86247NED`).
    public let regionTable: String
}
