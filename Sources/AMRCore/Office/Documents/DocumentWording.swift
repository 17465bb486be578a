/// The words of `amr check` on a Word or OpenDocument file: where in the document (table, row,
/// column), what was compared, and why amr takes a row or column for a total. One file per
/// language (`DocumentWording+Dutch.swift`, `+English.swift`), reached from the locale.
struct DocumentWording: Sendable {
    /// `tabel 4 "Uitstroom naar betaald werk 2018"`, `tabel 4`.
    var table: @Sendable (_ number: Int, _ caption: String?) -> String
    /// `rij "Totaal"`, `rij 7` for a row without a label.
    var row: @Sendable (_ label: String, _ number: Int) -> String
    var column: @Sendable (_ name: String) -> String
    /// Where an amount printed as a column's heading is: `kopregel`.
    var headingRow: String
    /// `600 vermeld, de rijen tellen op tot 504`.
    var columnTotal: @Sendable (_ stated: String, _ sum: String) -> String
    /// `218 vermeld, de kolommen "< 27", "27–65" en "> 65" tellen op tot 208`.
    var rowTotal: @Sendable (_ stated: String, _ columns: [String], _ sum: String) -> String
    /// An inner number that breaks its row and its column by as much.
    var innerNumber: @Sendable (_ stated: String, _ right: String) -> String
    /// `8% vermeld, 15 van 170 is 8,82…% (afgerond 9%)`.
    var percentage: @Sendable (_ stated: String, _ count: String, _ base: String, _ exact: String) -> String
    /// ` (afgerond 9%)`: the percentage as the plan rounds.
    var rounded: @Sendable (_ percentage: String) -> String
    /// Any other difference: `X vermeld, verwacht Y`.
    var other: @Sendable (_ stated: String, _ expected: String) -> String
    // Why amr believes it.
    var becauseLabel: @Sendable (_ row: String) -> String
    var becauseRegion: @Sendable (_ row: String) -> String
    /// A last row taken for the total because some of its columns are exactly the sums of the rows above.
    var becauseSums: @Sendable (_ row: String, _ columns: [String]) -> String
    var becauseHeading: @Sendable (_ column: String) -> String
    var becauseRowTotal: @Sendable (_ column: String, _ addends: [String]) -> String
    var becausePercentage: @Sendable (_ column: String, _ count: String, _ base: String, _ rounding: Rounding?) -> String
    var becauseShare: @Sendable (_ column: String, _ count: String, _ rounding: Rounding?) -> String
    /// `"Aantal"`, or `"Aantal" in tabel 2 "…"` for a count printed in another table.
    var count: @Sendable (_ column: String, _ table: String?) -> String
    /// `"Bestand" in tabel 2 "…", in de rij met dezelfde naam`: a base read by the row's label.
    var sameRow: @Sendable (_ column: String, _ table: String) -> String
    /// `het totaal van "Aantal" in tabel 2 "…" (1.234)`: a base that is a stated total.
    var totalOf: @Sendable (_ column: String, _ table: String, _ total: String) -> String
    /// Why amr takes a base in another table: it explains the other rows.
    var becauseOtherTable: @Sendable (_ column: String, _ count: String, _ base: String, _ rounding: Rounding?) -> String
    /// `--verbose`: a percentage column no base explains.
    var unexplainedPercentage: @Sendable (_ place: String) -> String
    var group: @Sendable (_ subtotal: String) -> String
    /// `--verbose`: a table amr did not check, and why.
    var skipped: @Sendable (_ table: String, _ reason: TableInterpreter.Skip) -> String
    /// `a, b en c`.
    var list: @Sendable ([String]) -> String

    static func of(_ locale: NumberLocale) -> DocumentWording {
        switch locale {
        case .nl: dutch
        case .en: english
        }
    }

    static func joined(_ items: [String], and word: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + last
    }
}
