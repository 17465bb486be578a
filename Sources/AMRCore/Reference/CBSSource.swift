/// Where CBS figures come from, for the credit every output that uses them carries
/// ("Bron: CBS", CC BY 4.0): the table and reference date of the inhabitants and, when region
/// membership is used, the "Gebieden in Nederland" tables it comes from.
public struct CBSSource: Hashable, Sendable {
    public let year: Int
    /// The reference date of the inhabitants: 1 January of `year`.
    public let date: PlanDate
    public let table: String
    public let tableTitle: String
    public let regionTables: [String]

    public static let licence = "CC BY 4.0"

    /// `Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inhabitants on 1 January 2024;
    /// regions: Gebieden in Nederland 86247NED (CC BY 4.0).`
    public var credit: String {
        var text = "Bron: CBS, \(tableName), inhabitants on 1 January \(year)"
        if !regionTables.isEmpty { text += "; regions: Gebieden in Nederland " + regionTables.joined(separator: ", ") }
        return text + " (\(Self.licence))."
    }

    /// The short form for a plan file's observations: `CBS 85984NED, 1 January 2024 (CC BY 4.0)`.
    public var observationSource: String { "Bron: CBS, \(tableName) (\(Self.licence))" }

    /// `85984NED Kerncijfers wijken en buurten 2024`, or `Wijk- en Buurtkaart 2017` for a CBS
    /// product without a StatLine id.
    public var tableName: String { tableTitle.isEmpty ? table : "\(table) \(tableTitle)" }
}
