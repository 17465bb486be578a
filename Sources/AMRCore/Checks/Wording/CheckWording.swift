/// The words of `amr check`: every rule's message, hint, summary and help, the places and
/// numbers they name, and the summary line under the findings. One file per language
/// (`CheckWording+Dutch.swift`, `+English.swift`), reached from the locale like the report
/// wordings, apart from the big `Wording` so that other areas' words merge without conflicts.
/// Amounts and numbers come in already written in the locale's notation; rule ids, JSON keys and
/// JSON pointers stay as they are in every language.
struct CheckWording: Sendable {
    /// A rule's one-line summary and its paragraph of help (SARIF's rule descriptions).
    struct RuleText: Sendable {
        var summary: String
        var help: String
    }

    /// Summary and help of every rule, by rule id.
    var rules: [String: RuleText]

    // MARK: Shared

    /// `€ 0,01 short` (`short`) or `€ 0,01 too much`.
    var gap: @Sendable (_ size: String, _ short: Bool) -> String
    /// `a, b and c`.
    var list: @Sendable ([String]) -> String
    var tooLargeToAdd: String
    var tooLargeHint: String
    /// `the total row "Totaal"`, `the total row`.
    var totalRow: @Sendable (_ label: String?) -> String
    var rowNumber: @Sendable (Int) -> String
    /// `"27+" of Zeewijk in "WW naar leeftijd"`.
    var cell: @Sendable (_ column: String, _ row: String, _ table: String) -> String
    /// `"uitstroom"`, a column named on its own.
    var column: @Sendable (String) -> String
    /// A percentage in words: `8,82…%`, with the ones it may be printed as.
    var percentRounded: @Sendable (_ exact: String, _ rounding: Rounding, _ allowed: String) -> String
    var percentEither: @Sendable (_ exact: String, _ floor: String, _ ceiling: String) -> String
    /// `, rounded down` after a count.
    var rounding: @Sendable (Rounding) -> String

    // MARK: Sums of budgets, carry-overs, allocations, grand totals

    var budgetLines: @Sendable (_ budget: String, _ sum: String, _ total: String, _ gap: String) -> String
    var budgetLinesHint: String
    var lineParts: @Sendable (_ line: String, _ sum: String, _ amount: String, _ gap: String) -> String
    var linePartsHint: String
    var lineYears: @Sendable (_ line: String, _ sum: String, _ amount: String, _ gap: String) -> String
    var lineYearsHint: String
    var linePartsInYear: @Sendable (_ line: String, _ year: Int, _ sum: String, _ amount: String, _ gap: String) -> String
    var yearColumn: @Sendable (_ year: Int, _ sum: String, _ total: String, _ gap: String) -> String
    var yearColumnHint: String
    var yearsGrandTotal: @Sendable (_ years: [Int], _ sum: String, _ total: String, _ gap: String) -> String
    var droppedDigitHint: String
    var carryOverParts: @Sendable (_ sum: String, _ stated: String, _ gap: String) -> String
    var carryOverPartsHint: String
    /// `the total € … of budget "b"`, and ` less the carry-over € …`.
    var budgetTotal: @Sendable (_ total: String, _ budget: String) -> String
    var lessCarryOver: @Sendable (_ carryOver: String) -> String
    var amountToSplit: @Sendable (_ stated: String, _ how: String, _ expected: String, _ gap: String) -> String
    var amountToSplitHint: String
    var allocationSum: @Sendable (_ allocation: String, _ sum: String, _ amount: String, _ gap: String) -> String
    var allocationSumHint: String
    var grandTotalUnnamed: String
    var grandTotal: @Sendable (_ total: String, _ stated: String, _ parts: [String], _ sum: String, _ gap: String) -> String

    // MARK: Shares of an allocation

    var keyNotPrinted: @Sendable (_ allocation: String, _ measure: String, _ date: PlanDate?, _ missing: [String]?) -> String
    var keyNotPrintedHint: @Sendable (_ whereToAdd: String) -> String
    var splitImpossible: @Sendable (_ reason: String) -> String
    var splitImpossibleHint: String
    var exactSplitHint: @Sendable (_ method: ApportionmentMethod, _ unit: String) -> String
    var roundedOnItsOwn: @Sendable (_ hint: String) -> String
    var shareByCBS: @Sendable (_ name: String, _ stated: String, _ date: PlanDate, _ exact: String, _ gap: String) -> String
    var shareByCBSHint: @Sendable (_ date: PlanDate, _ key: String) -> String
    var share: @Sendable (_ name: String, _ stated: String, _ exact: String, _ gap: String) -> String

    // MARK: Formulas

    var formulaTooLarge: @Sendable (_ line: String) -> String
    var hoursFormula: @Sendable (_ perWeek: String, _ weeks: String, _ rate: String) -> String
    var formula: @Sendable (_ formula: String, _ product: String, _ line: String, _ amount: String) -> String
    var formulaHint: String

    // MARK: Targets, levels and changes

    var targetParts: @Sendable (_ target: String, _ parts: String, _ sum: String, _ value: String) -> String
    var targetPartsHint: String
    var growthAlone: @Sendable (_ target: String, _ growth: String) -> String
    var growthAloneHint: String
    var level: @Sendable (_ target: String, _ value: String, _ baseline: String, _ growth: String, _ level: String) -> String
    var levelHint: String
    var changeNamed: @Sendable (_ id: String) -> String
    var cannotCheck: @Sendable (_ what: String, _ reason: String) -> String
    var referenceHint: String
    var changeFrom: @Sendable (_ what: String, _ value: String) -> String
    var changeTo: @Sendable (_ what: String, _ value: String) -> String
    var changeValue: @Sendable (_ change: String, _ approximately: Bool, _ value: String, _ from: String, _ to: String, _ difference: String) -> String
    var changeValueHint: String
    var changePercent: @Sendable (_ change: String, _ percent: String, _ difference: String, _ from: String, _ words: String) -> String
    var changePercentHint: String

    // MARK: Tables of counts

    var countRows: @Sendable (_ table: String, _ sum: String, _ total: String) -> String
    var rowsHint: String
    var keyWeights: String
    var keyTotal: @Sendable (_ key: String, _ sum: String, _ printed: String) -> String
    var keyTotalHint: String
    var innerNumber: @Sendable (_ cell: String, _ stated: String, _ rowTotal: String, _ columnTotal: String, _ byRow: String, _ byColumn: String) -> String
    var innerNumberHint: @Sendable (_ right: String) -> String
    var rowTotalOf: @Sendable (_ row: String, _ value: String) -> String
    var columnTotalOf: @Sendable (_ column: String, _ value: String) -> String
    /// `the column total of "uitstroom": 48`, beside a percentage.
    var columnTotalBeside: @Sendable (_ column: String, _ value: String) -> String
    /// An inner number that its sum and its percentage both correct; `rowTotal` or the column's.
    var innerByPercentage: @Sendable (_ cell: String, _ stated: String, _ rowTotal: Bool, _ total: String, _ percentColumn: String, _ percent: String, _ right: String) -> String
    var innerByPercentageHint: @Sendable (_ right: String) -> String
    var percentOfRow: @Sendable (_ percentColumn: String, _ row: String, _ percent: String) -> String
    var ofWhom: @Sendable (_ cell: String, _ part: String, _ whole: String, _ wholeValue: String) -> String
    var ofWhomHint: String
    var wholeOf: @Sendable (_ whole: String, _ value: String) -> String
    var columnTotals: @Sendable (_ table: String, _ sum: String, _ stated: String) -> String
    var columnTotalsHint: String
    var rowColumns: @Sendable (_ row: String, _ table: String, _ sum: String, _ stated: String) -> String
    var rowColumnsHint: String
    var columnRows: @Sendable (_ column: String, _ table: String, _ sum: String, _ stated: String) -> String

    // MARK: Percentages

    var targetNamed: @Sendable (_ name: String) -> String
    var stepOf: @Sendable (_ date: PlanDate) -> String
    var percentOf: @Sendable (_ percent: String, _ base: String, _ result: String) -> String
    var eurosExactly: @Sendable (_ amount: String) -> String
    var estimate: @Sendable (_ label: String?, _ requirement: String, _ amount: String, _ words: String) -> String
    var estimateHint: String
    var percentage: @Sendable (_ what: String, _ value: String, _ words: String, _ rounded: String?) -> String
    var percentageHint: @Sendable (_ rounding: Bool) -> String
    var percentageNamed: @Sendable (_ id: String) -> String
    var noCount: @Sendable (_ name: String, _ percent: String) -> String
    var noCountHint: String
    var noBase: @Sendable (_ name: String, _ percent: String) -> String
    var noBaseHint: String
    var theCount: @Sendable (_ what: String, _ value: String) -> String
    var theBase: @Sendable (_ what: String, _ value: String) -> String
    var baseIsZero: @Sendable (_ name: String, _ percent: String, _ base: String) -> String
    var baseIsZeroHint: String
    var statement: @Sendable (_ name: String, _ approximately: Bool, _ percent: String, _ count: String, _ countValue: String, _ base: String, _ baseValue: String, _ words: String) -> String
    var statementHint: String
    var percentWithoutBase: @Sendable (_ target: String, _ percent: String) -> String
    var percentWithoutBaseHint: String
    // What a reference names, or why it names nothing.
    var numberStated: String
    var noTarget: @Sendable (_ id: String) -> String
    var targetWithoutValue: @Sendable (_ id: String) -> String
    var noTable: @Sendable (_ id: String) -> String
    var noRowKey: @Sendable (_ table: String, _ row: String) -> String
    var noColumnKey: @Sendable (_ table: String, _ column: String) -> String
    var sumOfColumn: @Sendable (_ column: String, _ table: String) -> String
    var rowWithoutCell: @Sendable (_ row: String, _ table: String, _ column: String) -> String
    var notMunicipalityOrCluster: @Sendable (_ subject: String, _ region: String) -> String
    // A percentage column of a table.
    var tablePercent: @Sendable (_ cell: String, _ percent: String) -> String
    var noCountCell: @Sendable (_ what: String, _ column: String) -> String
    var noCountCellHint: String
    var baseMissing: @Sendable (_ what: String, _ reason: String) -> String
    var baseMissingHint: String
    var tableBaseIsZero: @Sendable (_ what: String, _ base: String) -> String
    var tablePercentage: @Sendable (_ what: String, _ count: String, _ base: String, _ words: String) -> String
    var tablePercentageHint: @Sendable (_ rounding: Bool) -> String
    var rowHasNoBase: @Sendable (_ row: String, _ column: String) -> String
    var noTotalToAdd: @Sendable (_ table: String, _ column: String) -> String
    var noTotalRowForBase: @Sendable (_ table: String) -> String
    var noRowForBase: @Sendable (_ table: String, _ row: String) -> String
    var noCellForBase: @Sendable (_ row: String, _ column: String, _ table: String) -> String
    var totalBaseUnknown: @Sendable (_ row: String) -> String
    var rowsTooLarge: @Sendable (_ measure: String) -> String
    var measureOfRows: @Sendable (_ measure: String) -> String
    var rowNotMunicipality: @Sendable (_ row: String, _ measure: String) -> String
    var notMunicipalityOf: @Sendable (_ code: String, _ region: String) -> String
    var noObservation: @Sendable (_ municipality: String, _ measure: String, _ date: PlanDate?) -> String
    var severalObservations: @Sendable (_ municipality: String, _ measure: String) -> String
    var measureTooLarge: @Sendable (_ measure: String, _ name: String) -> String
    var measureOf: @Sendable (_ measure: String, _ name: String, _ date: PlanDate?) -> String

    // MARK: Numbers stated twice

    var keyedWhat: @Sendable (_ measure: String, _ category: String?, _ subject: String, _ date: PlanDate) -> String
    var inMeasures: @Sendable (_ source: String?) -> String
    var inTable: @Sendable (_ table: String) -> String
    var observation: @Sendable (_ position: Int, _ measure: String) -> String
    var keyed: @Sendable (_ what: String, _ value: String, _ place: String, _ other: String, _ otherPlace: String) -> String
    var keyedHint: String
    /// A measure that every statement using it contradicts the same way.
    var measureContradicted: @Sendable (_ what: String, _ stated: String, _ statements: Int, _ right: String) -> String
    var measureContradictedHint: String
    var valueIn: @Sendable (_ value: String, _ place: String) -> String
    var anotherPlace: String
    var repeatedWrong: @Sendable (_ what: String, _ stated: String, _ repeated: String, _ places: [String]) -> String
    var repeatedWrongHint: String
    var statedAsIn: @Sendable (_ value: String, _ place: String) -> String
    var repeated: @Sendable (_ what: String, _ stated: String, _ repeated: String, _ place: String) -> String
    var repeatedHint: String
    var statedHere: @Sendable (_ value: String) -> String
    var budgetYearTotal: @Sendable (_ year: Int, _ budget: String) -> String
    var budgetTotalOf: @Sendable (_ budget: String) -> String
    var lineAmountInYear: @Sendable (_ line: String, _ year: Int) -> String
    var lineAmount: @Sendable (_ line: String) -> String
    var allocationAmount: @Sendable (_ allocation: String) -> String
    var targetPercent: @Sendable (_ target: String) -> String
    var targetBase: @Sendable (_ target: String) -> String
    var stepPercent: @Sendable (_ date: PlanDate, _ target: String) -> String
    var step: @Sendable (_ date: PlanDate, _ target: String) -> String
    var measurementLevel: @Sendable (_ date: PlanDate, _ target: String) -> String
    var measurementValue: @Sendable (_ date: PlanDate, _ target: String) -> String
    var channelOn: @Sendable (_ channel: String, _ date: PlanDate, _ target: String) -> String
    var columnTotalIn: @Sendable (_ column: String, _ table: String) -> String
    var requirementMinimum: @Sendable (_ requirement: String) -> String
    var requirementPercent: @Sendable (_ requirement: String) -> String

    // MARK: Channels

    var channelNotOther: @Sendable (_ channel: String, _ other: String) -> String
    var channelNotOtherHint: @Sendable (_ ids: [String]) -> String
    var channels: @Sendable (_ date: PlanDate, _ target: String, _ value: String, _ sum: String) -> String
    var alsoCounts: @Sendable (_ channels: [(name: String, overlaps: String)]) -> String
    var channelsHint: String

    // MARK: References, ids and dates

    var centreNotInRegion: @Sendable (_ code: String) -> String
    var addMunicipalityHint: String
    var emptyCluster: @Sendable (_ cluster: String) -> String
    var emptyClusterHint: String
    var clusterMember: @Sendable (_ cluster: String, _ code: String, _ region: String) -> String
    var shareOutside: @Sendable (_ allocation: String, _ code: String, _ region: String) -> String
    var targetOutside: @Sendable (_ target: String, _ code: String, _ region: String) -> String
    var tableRowOutside: @Sendable (_ table: String, _ code: String, _ region: String) -> String
    /// `kind` is the plan's list: `budget`, `allocation`, `theme`, `programme`, `subproject`, `cluster`.
    var missingId: @Sendable (_ kind: String, _ id: String) -> String
    var defineHint: @Sendable (_ kind: String) -> String
    var knownHint: @Sendable (_ known: [String]) -> String
    var didYouMean: @Sendable (_ near: String) -> String
    /// `what` is `municipality code`, `cluster id`, `theme id`, … (the English name of the list's key).
    var duplicate: @Sendable (_ what: String, _ value: String, _ line: Int) -> String
    var duplicateHint: @Sendable (_ key: String) -> String
    var targetDateOutside: @Sendable (_ target: String, _ date: PlanDate, _ start: PlanDate, _ end: PlanDate) -> String
    var targetDateHint: String
    var baselineAfter: @Sendable (_ target: String, _ baseline: PlanDate, _ date: PlanDate) -> String
    var baselineAfterHint: String
    var carryOverYear: @Sendable (_ year: Int, _ start: PlanDate, _ end: PlanDate) -> String
    var carryOverYearHint: String
    var unknownKey: @Sendable (_ key: String, _ suggestion: String?, _ known: [String]) -> String
    var unknownKeyStrictHint: String

    // MARK: CBS

    var cbsKeyDate: @Sendable (_ allocation: String, _ date: PlanDate, _ years: String) -> String
    var cbsKeyDateHint: @Sendable (_ example: String) -> String
    var cbsShareWithoutMunicipality: @Sendable (_ allocation: String) -> String
    var cbsShareWithoutMunicipalityHint: String
    var mergedInto: @Sendable (_ into: [String]) -> String
    var cbsNoMunicipality: @Sendable (_ code: String, _ year: Int, _ allocation: String, _ merged: String) -> String
    var cbsNoMunicipalityHint: @Sendable (_ year: Int) -> String
    var lastFirstOfJanuary: @Sendable (_ year: Int, _ date: PlanDate) -> String
    var checkCodeHint: String
    var mergedHint: @Sendable (_ code: String, _ year: Int, _ into: [String]) -> String
    var cbsLacks: @Sendable (_ name: String, _ code: String, _ measure: String, _ date: PlanDate, _ year: Int) -> String
    var cbsDiffers: @Sendable (_ name: String, _ code: String, _ value: String, _ measure: String, _ date: PlanDate, _ cbs: String, _ reference: String) -> String
    var cbsDiffersHint: @Sendable (_ source: String) -> String
    var notARegion: @Sendable (_ code: String, _ year: Int) -> String
    var notARegionHint: @Sendable (_ year: Int) -> String
    var notAMunicipality: @Sendable (_ name: String, _ code: String, _ year: Int, _ successor: String) -> String
    var notAMunicipalityHint: @Sendable (_ year: Int, _ region: String) -> String
    var mergedOn: @Sendable (_ year: Int, _ into: [String]) -> String
    var elsewhere: @Sendable (_ name: String, _ code: String, _ home: String, _ year: Int, _ region: String, _ origin: String?) -> String
    var elsewhereHint: String
    var notListed: @Sendable (_ name: String, _ code: String, _ region: String, _ year: Int, _ origin: String?) -> String
    var notListedHint: String
    /// Where a year's membership comes from: `amr uses the membership of 2016 for 2017`.
    var origin: @Sendable (_ membership: RegionMembership, _ year: Int) -> String
    var caveatClause: @Sendable (_ caveat: MembershipCaveat, _ figures: CBSYear) -> String
    var caveatHint: @Sendable (_ origin: String, _ clause: String) -> String

    // MARK: The summary, and the words around findings in the machine formats

    /// `checked 4 files: 2 errors, 1 warning`, with notes, unusable and skipped files when there are any.
    var summary: @Sendable (_ files: Int, _ errors: Int, _ warnings: Int, _ notes: Int, _ unusable: Int, _ skipped: Int) -> String
    /// ` (see also …)` and ` (hint: …)` after an annotation's message.
    var seeAlso: @Sendable (_ places: String) -> String
    var hint: @Sendable (_ hint: String) -> String
    var standardInput: String
    var unknownRuleSummary: @Sendable (_ id: String) -> String
    var unknownRuleHelp: @Sendable (_ id: String) -> String
    /// Why a file was left out of a directory scan.
    var skipReason: @Sendable (PlanFileScan.Reason) -> String
    var skipped: @Sendable (_ file: String, _ reason: String) -> String
    var nothingLeft: @Sendable (_ afterExclude: Bool) -> String

    /// The wording of `locale`'s language.
    static func of(_ locale: NumberLocale) -> CheckWording {
        switch locale {
        case .nl: .dutch
        case .en: .english
        }
    }

    /// `a, b and c` with `word` for "and".
    static func joined(_ items: [String], and word: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + last
    }

    static func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
}
