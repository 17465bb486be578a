/// Every word a human-readable report uses, in one language. The document builders take their
/// words from here and nowhere else, so a language is one file (`Wording+Dutch.swift`,
/// `Wording+English.swift`) and a third one is one more. Error messages and machine formats
/// (JSON keys, CSV headers) stay English and are not here.
public struct Wording: Sendable {
    // MARK: Dates and numbers

    /// Month names, January first, for dates in running text (`27 september 2017`).
    var months: [String]
    /// `27 september 2017` (nl) or `27 September 2017` (en).
    func date(_ date: PlanDate) -> String { Self.longDate(date, months: months) }

    static func longDate(_ date: PlanDate, months: [String]) -> String {
        let month = months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
        return "\(date.day) \(month) \(date.year)"
    }

    var total: String

    // MARK: Allocation

    var planLabel: String
    var fileLabel: String
    var amountLabel: String
    var keyLabel: String
    var methodLabel: String
    var sourceLabel: String
    /// Where a plan states the table (vindplaats).
    var statedInLabel: String
    var municipality: String
    var exactShare: String
    var stated: String
    var statedMinusExact: String
    /// `= begroting begroting-2018 € 286.500,00 − overschot € 127.000,00`.
    var basis: @Sendable (_ budget: String, _ budgetTotal: String, _ carryOver: String?) -> String
    var measureOn: @Sendable (_ measure: String, _ date: String) -> String
    var equalShares: String
    var statedWeights: String
    var fromFile: @Sendable (_ column: String, _ file: String) -> String
    var method: @Sendable (ApportionmentMethod) -> String
    var roundedTo: @Sendable (_ unit: String) -> String
    /// One plain sentence: how the split was made and that it adds up.
    var explanation: @Sendable (_ method: ApportionmentMethod, _ key: String, _ unit: String, _ total: String) -> String
    var planStatesOtherAmount: @Sendable (_ stated: String, _ budget: String, _ fromBudget: String) -> String
    var weightTotalDiffers: @Sendable (_ stated: String, _ weightName: String, _ computed: String) -> String
    var splitMatches: String
    /// `Den Haag is € 0,01 te laag vermeld`.
    var rowOff: @Sendable (_ name: String, _ size: String, _ tooLow: Bool) -> String
    var splitDiffers: @Sendable (_ rows: Int, _ details: [String]) -> String
    var statedSumOff: @Sendable (_ sum: String, _ size: String, _ short: Bool, _ total: String) -> String
    var statedSumExact: @Sendable (_ total: String) -> String
    /// `blad 2018`: the sheet a table was read from.
    var sheetNamed: @Sendable (String) -> String
    /// The sheet of a split in a workbook.
    var splitSheet: String
    /// A budget named by its id: `begroting begroting-2018`.
    var budgetNamed: @Sendable (String) -> String
    var adHocTitle: @Sendable (_ weight: String, _ name: String) -> String
    var regionLabel: String
    var codeHeading: String
    var municipalitiesHeading: String
    var inhabitantsHeading: String
    var provinceHeading: String
    var regionsCount: @Sendable (Int) -> String
    var municipalitiesCount: @Sendable (Int) -> String
    var regionsTitle: @Sendable (_ date: String) -> String
    var regionMunicipalitiesTitle: @Sendable (_ region: String, _ date: String) -> String
    /// `Haaglanden (AM21), 5 gemeenten op 1 januari 2024`.
    var regionContext: @Sendable (_ region: String, _ municipalities: Int, _ date: String) -> String
    /// The title of a split over a region by CBS inhabitants.
    var regionTitle: @Sendable (_ region: String, _ year: Int) -> String
    /// The credit for CBS figures (CC BY 4.0): "Bron: CBS", the table and the reference date.
    var cbsCredit: @Sendable (_ source: CBSSource, _ date: String) -> String
    var cbsWeightsEqual: @Sendable (_ date: String, _ municipalities: Int) -> String
    var cbsWeightsDiffer: @Sendable (_ date: String, _ rows: Int, _ municipalities: Int, _ details: [String]) -> String
    /// `Weesp (GM0457) kan bij Gooi en Vechtstreek (AM12) hebben gehoord in plaats van Groot Amsterdam (AM18)`.
    var membershipClause: @Sendable (_ municipality: String, _ others: [String], _ cbsRegion: String) -> String
    var membershipCaveat: @Sendable (_ years: String, _ year: Int, _ clauses: [String]) -> String
    /// `Regel 7 ("Totaal")`, `Rij 7 van blad Inwoners ("Totaal")`.
    var totalRowPlace: @Sendable (_ line: Int, _ sheet: String?, _ label: String) -> String
    /// `de 5 rijen op regels 2–6` (a text file), `de 5 rijen 10–14` (a sheet).
    var rowsSpan: @Sendable (_ count: Int, _ first: Int, _ last: Int, _ sheet: Bool) -> String
    var totalRowEmpty: @Sendable (_ place: String, _ subtotal: Bool) -> String
    var totalRowBySum: @Sendable (_ place: String, _ value: String, _ rows: String) -> String
    var totalRowMatches: @Sendable (_ place: String, _ subtotal: Bool, _ value: String, _ rows: String) -> String
    var totalRowDiffers: @Sendable (_ place: String, _ subtotal: Bool, _ value: String, _ rows: String, _ sum: String, _ gap: String?, _ more: Bool) -> String
    var totalRowExplanation: @Sendable (_ name: String, _ line: Int) -> String
    var shareColumnIsStatedSplit: @Sendable (_ header: String) -> String
    var shareColumnAgrees: @Sendable (_ header: String, _ percentages: Bool, _ compared: Int, _ all: Bool) -> String
    var shareColumnDiffers: @Sendable (_ header: String, _ percentages: Bool, _ details: [String]) -> String
    var shareDifference: @Sendable (_ name: String, _ stated: String, _ exact: String) -> String

    // MARK: Monitor and progress

    var asOf: @Sendable (_ region: String, _ date: String) -> String
    /// `stand` beside the report date on a chart.
    var asOfLabel: String
    var lights: String
    var light: @Sendable (TrafficLight) -> String
    var status: @Sendable (Subproject.Status) -> String
    var targets: String
    var tablesHeading: String
    /// A stated total that does not add up: of a column (`column`), a row (`row`) or the table.
    var tableMismatch: @Sendable (_ column: String?, _ row: String?, _ stated: String, _ sum: String) -> String
    /// Cells of a table with another reference date than the table's.
    var otherDates: @Sendable ([String]) -> String
    /// `stand per 1 november 2021` under a table.
    var tableDate: @Sendable (String) -> String
    var subprojects: String
    var changesSince: @Sendable (_ date: String?) -> String
    var noChanges: String
    var lightHeading: String
    var targetHeading: String
    var expected: String
    var realised: String
    var ofExpected: String
    var ofTarget: String
    var gap: String
    var trend: String
    var explanationHeading: String
    var subproject: String
    var statusHeading: String
    var note: String
    var reason: @Sendable (ProgressReason) -> String
    var disagreement: @Sendable (MonitorReport.Disagreement) -> String
    var derivedFootnote: String
    var outlook: String
    var indicative: String
    var lowerIsBetter: String
    var newLine: String
    var goneLine: String
    var madeWith: String

    // MARK: Placements

    var placementsTitle: String
    var count: String
    var dimension: @Sendable (PlacementDimension) -> String
    var periodLabel: String
    var recordsLabel: String
    var fromDate: @Sendable (String) -> String
    var toDate: @Sendable (String) -> String
    var recordsRead: @Sendable (_ records: String, _ counted: String) -> String

    /// The wording of `locale`'s language.
    public static func of(_ locale: NumberLocale) -> Wording {
        switch locale {
        case .nl: .dutch
        case .en: .english
        }
    }
}
