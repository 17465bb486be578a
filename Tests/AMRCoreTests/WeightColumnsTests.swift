import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Which column holds the weights: recognised by the headers Dutch sheets use, or said with
/// --weight-column / --name-column (header or letter).
@Suite struct WeightColumnsTests {
    func table(_ text: String, columns: WeightColumns? = nil) throws(LoadError) -> WeightTable {
        try WeightTable.read(bytes: Array(text.utf8), file: "w.csv", totalNames: [], columns: columns)
    }

    @Test(arguments: ["Inwonertal", "Inw.", "Inw", "Aantal inwoners", "Bevolking", "Inwoners 1-1-2024", "inwoners op 1 januari 2024"])
    func dutchHeadersAreTheWeights(header: String) throws {
        let t = try table("Gemeente;Provincie;\(header)\nDelft;Zuid-Holland;101.381\nLeiden;Zuid-Holland;125.000\nUtrecht;Utrecht;361.924\n")
        #expect(t.rows.map(\.name) == ["Delft", "Leiden", "Utrecht"])
        #expect(t.rows.map(\.weight) == [ExactDecimal(significand: 101_381), ExactDecimal(significand: 125_000), ExactDecimal(significand: 361_924)])
        #expect(t.weightHeader == header)
    }

    @Test func aColumnOfTextIsNotTheWeights() throws {
        let t = try table("Gemeente;Provincie;Getal\nDelft;Zuid-Holland;101381\nLeiden;Zuid-Holland;125000\n")
        #expect(t.rows.map(\.weight) == [ExactDecimal(significand: 101_381), ExactDecimal(significand: 125_000)])
    }

    @Test func twoNumberColumnsWithoutAHeaderAskWhichOne() {
        #expect {
            _ = try table("Gemeente;2023;2024\nDelft;101381;102000\nLeiden;125000;126000\n")
        } throws: { error in
            "\(error)".contains("say which with --weight-column, e.g. --weight-column '2023' (or a letter such as B)")
        }
    }

    @Test(arguments: [
        (WeightColumns(weight: "Score"), [Int64(5), 7]), (WeightColumns(weight: "score"), [5, 7]), (WeightColumns(weight: "C"), [5, 7]),
        (WeightColumns(weight: "d"), [101_381, 125_000]), (WeightColumns(name: "Woonplaats", weight: "Stemmen"), [101_381, 125_000]),
    ])
    func columnsByHeaderOrLetter(columns: WeightColumns, weights: [Int64]) throws {
        let t = try table("Woonplaats;Code;Score;Stemmen\nDelft;1;5;101.381\nLeiden;2;7;125.000\n", columns: columns)
        #expect(t.rows.map(\.name) == ["Delft", "Leiden"])
        #expect(t.rows.map(\.weight) == weights.map { ExactDecimal(significand: $0) })
    }

    @Test func nameColumnByLetter() throws {
        let t = try table("Code;Plaats;Inwoners\n1;Delft;101.381\n2;Leiden;125.000\n", columns: WeightColumns(name: "B", weight: "C"))
        #expect(t.rows.map(\.name) == ["Delft", "Leiden"])
    }

    @Test func anUnknownColumnListsTheColumns() {
        #expect {
            _ = try table("Woonplaats;Code;Score\nDelft;1;5\n", columns: WeightColumns(weight: "Inwoners"))
        } throws: { error in
            "\(error)" == "w.csv:1:1: --weight-column 'Inwoners' is no header of this table; its columns are A 'Woonplaats', B 'Code', C 'Score'; type one of those headers or its letter"
        }
        #expect {
            _ = try table("Woonplaats;Score\nDelft;5\n", columns: WeightColumns(name: "A", weight: "A"))
        } throws: { error in
            "\(error)".contains("give --name-column and --weight-column different columns")
        }
    }

    @Test func columnLetters() {
        #expect(WeightColumns.letterIndex("A") == 0)
        #expect(WeightColumns.letterIndex("c") == 2)
        #expect(WeightColumns.letterIndex("AA") == 26)
        #expect(WeightColumns.letterIndex("A1") == nil)
        #expect(WeightTable.columnLetter(0) == "A")
        #expect(WeightTable.columnLetter(27) == "AB")
    }

    @Test func onTheCommandLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-cols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("w.csv").path
        try Data("Woonplaats;Code;Score;Stemmen\nDelft;1;5;101.381\nLeiden;2;7;125.000\n".utf8).write(to: URL(fileURLWithPath: path))
        let outcome = TestSupport.run(["allocate", "--total", "1.200", "--weights", path, "--weight-column", "Score", "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"amount\": \"500.00\"") && outcome.stdout.contains("\"amount\": \"700.00\""))
        let plan = TestSupport.run(["allocate", "--total", "1.200", "--weights", "Fixtures/haaglanden-2018.json"])
        #expect(plan.exitCode == 2)
        #expect(plan.stderr.hasPrefix("amr: error: Fixtures/haaglanden-2018.json is a plan file (JSON), not a weights table; to make its allocations, type 'amr allocate Fixtures/haaglanden-2018.json'"))
        let withPlan = TestSupport.run(["allocate", "Fixtures/haaglanden-2018.json", "--weight-column", "C"])
        #expect(withPlan.exitCode == 2)
        #expect(withPlan.stderr.contains("--weight-column picks a column of a --weights file"))
    }
}
