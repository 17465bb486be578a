import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Spreadsheets found by review that were split wrongly with exit 0: each now either splits over
/// exactly its municipalities or stops with a message (exit 2), never silently.
@Suite struct WeightsReviewTests {
    static let folder = "Tests/AMRCoreTests/Regressions/weights/"

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var exitCode: Int32
        /// The shares' names for a split, or the message's text for a refusal.
        var expected: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        // A one-cell cluster heading after a cluster total no longer ends the table.
        Case(file: "h3.csv", exitCode: 2, expected: ["h3.csv:6:1: this row has 1 field"]),
        // Bronckhorst is a municipality, not a "Bron:" footer.
        Case(file: "h1.csv", exitCode: 2, expected: ["h1.csv:4:13: weight for 'Bronckhorst' is missing"]),
        // A plain Totaal that differs is the table's total, not the last cluster's.
        Case(file: "f2.csv", exitCode: 1, expected: ["A", "B", "C", "D"]),
        Case(file: "f3.csv", exitCode: 2, expected: ["f3.csv:8:1: 'Aantal gemeenten' is a summary row"]),
        Case(file: "f6.csv", exitCode: 2, expected: ["f6.csv:9:1: 'Nederland' comes after the total row on line 7"]),
        Case(file: "e2.csv", exitCode: 2, expected: ["e2.csv:2:1: the first row, 'Haaglanden' (802.209), is exactly the sum of the rows below it"]),
        Case(file: "s1.csv", exitCode: 2, expected: ["s1.csv:4:1: 'Nederland' is an aggregate"]),
        Case(file: "m4.csv", exitCode: 0, expected: ["Delft", "Den Haag", "Rijswijk"]),
        Case(file: "m5.xlsx", exitCode: 2, expected: ["m5.xlsx:Sheet!B1: no column is headed as the weights (inwoners, gewicht, …) and 2 could be: '2023', '2024'"]),
        Case(file: "m6.xlsx", exitCode: 0, expected: ["Delft", "Den Haag", "Rijswijk"]),
        Case(file: "g5.csv", exitCode: 2, expected: ["g5.csv:2:7: '101' and '381' look like one number, 101,381"]),
        Case(file: "g7.csv", exitCode: 2, expected: ["g7.csv:3:10: '524' and '882' look like one number, 524,882"]),
        Case(file: "c_regionoff.csv", exitCode: 1, expected: ["Delft", "Den Haag", "Midden-Delfland", "Westland", "Rijswijk"]),
        // Workbooks: hidden (filtered) rows and hidden columns are not guessed at.
        Case(file: "w2_hidden.xlsx", exitCode: 2, expected: ["w2_hidden.xlsx: sheet Sheet has hidden rows with values (3, 5)"]),
        Case(file: "m7.xlsx", exitCode: 2, expected: ["m7.xlsx: sheet Sheet has a hidden column with values (B)"]),
        // A formula saved without its result (openpyxl) says so.
        Case(file: "r2.xlsx", exitCode: 2, expected: ["r2.xlsx:Blad1!B4: weight '=SUM(B2:B3)' is a formula whose result the workbook does not store"]),
        // A conditional format's number format does not make a number a date.
        Case(file: "r4.xlsx", exitCode: 0, expected: ["A", "B"]),
        // "Bijdrage per inwoner" is a rate, not a stated split.
        Case(file: "k2.csv", exitCode: 0, expected: ["Delft", "Den Haag", "Midden-Delfland", "Westland", "Rijswijk"]),
        // The sheet the workbook opens on (2018), not the first (2017).
        Case(file: "ms.xlsx", exitCode: 0, expected: ["Delft", "Den Haag"]),
    ]

    @Test func theSheetReadIsTheActiveOneAndIsNamed() throws {
        let outcome = TestSupport.run(["allocate", "--total", "1000", "--weights", Self.folder + "ms.xlsx"])
        #expect(outcome.stdout.contains("bestand          \(Self.folder)ms.xlsx, blad 2018\n"))
        let json = try JSONReader.parse(Array(TestSupport.run(["allocate", "--total", "1000", "--weights", Self.folder + "ms.xlsx", "--format", "json"]).stdout.utf8), file: "j")
        #expect(json.value(at: "/sheet")?.kind == .string("2018"))
        let first = TestSupport.run(["allocate", "--total", "1000", "--weights", Self.folder + "ms.xlsx", "--sheet", "2017"])
        #expect(first.stdout.contains("blad 2017"))
    }

    /// Placement workbooks: a date-time cell counts on its day; a `;` inside a quoted heading
    /// does not make `;` the separator.
    @Test(arguments: ["p3.xlsx", "p4.xlsx"])
    func placementWorkbooksAsSavedByOfficers(file: String) throws {
        let outcome = TestSupport.run(["placements", Self.folder + file, "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "j")
        #expect(json.value(at: "/total")?.kind == .number("420"))
    }

    @Test(arguments: cases)
    func neverSilentlyWrong(_ c: Case) throws {
        let outcome = TestSupport.run(["allocate", "--total", "1000", "--weights", Self.folder + c.file, "--format", "json"])
        #expect(outcome.exitCode == c.exitCode, "\(outcome.stderr)")
        if c.exitCode == 2 {
            #expect(outcome.stdout == "")
            #expect(outcome.stderr.hasPrefix("amr: error: " + Self.folder + c.expected[0]), "\(outcome.stderr)")
            return
        }
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        guard case .array(let shares)? = json.value(at: "/shares")?.kind else { Issue.record("no shares"); return }
        let names = shares.indices.compactMap { index -> String? in
            if case .string(let name)? = json.value(at: "/shares/\(index)/name")?.kind { return name }
            return nil
        }
        #expect(names == c.expected)
        let cents = shares.indices.compactMap { index -> Int64? in
            if case .string(let amount)? = json.value(at: "/shares/\(index)/amount")?.kind { return try? Money.parse(amount).get().cents }
            return nil
        }
        #expect(cents.reduce(0, +) == 100_000)
    }
}
