import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// `amr allocate --total … --region …`: the split by CBS inhabitants with no input file, and a
/// weights file checked against the region.
@Suite struct RegionAllocationTests {
    func temporaryFile(_ text: String, name: String = "weights.csv") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-region-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    struct Share: Equatable {
        var code: String?
        var name: String
        var weight: String
        var amount: String
    }

    func shares(_ outcome: Outcome) throws -> [Share] {
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        guard case .array(let items)? = json.value(at: "/shares")?.kind else { return [] }
        return items.map { item in
            func text(_ key: String) -> String? {
                if case .string(let s)? = item.value(at: "/\(key)")?.kind { return s }
                return nil
            }
            return Share(code: text("code"), name: text("name") ?? "", weight: text("weight") ?? "", amount: text("amount") ?? "")
        }
    }

    func string(_ outcome: Outcome, _ pointer: String) throws -> String? {
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        if case .string(let s)? = json.value(at: pointer)?.kind { return s }
        return nil
    }

    @Test func haaglanden2024SplitsByCBSInhabitantsExactly() throws {
        let outcome = TestSupport.run(["allocate", "--total", "159500", "--region", "haaglanden", "--year", "2024", "--format", "json"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        let rows = try shares(outcome)
        #expect(rows.map(\.code) == ["GM0503", "GM0518", "GM1842", "GM0603", "GM1783"])
        #expect(rows.map(\.name) == ["Delft", "'s-Gravenhage", "Midden-Delfland", "Rijswijk (ZH.)", "Westland"])
        #expect(rows.map(\.weight) == ["109577", "566221", "19377", "59642", "115941"])
        let cents = rows.compactMap { try? Money.parse($0.amount).get().cents }
        #expect(cents.count == 5)
        #expect(cents.reduce(0, +) == 15_950_000)
        // The quota rule: every share is the floor or the ceiling of 159,500 × w / 870,758.
        for (row, amount) in zip(rows, cents) {
            let weight = Int128(Int(row.weight) ?? 0)
            let exact = Int128(15_950_000) * weight
            let floor = exact / 870_758
            #expect(Int128(amount) == floor || Int128(amount) == floor + 1)
        }
        #expect(try string(outcome, "/key") == "inwoners on 2024-01-01 (CBS 85984NED)")
        #expect(try string(outcome, "/weightTotal") == "870758")
        #expect(try string(outcome, "/source")?.hasPrefix("Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inhabitants on 1 January 2024") == true)
    }

    @Test func theSameFiguresThroughAWeightsFileGiveTheSameSplit() throws {
        let direct = TestSupport.run(["allocate", "--total", "159500", "--region", "haaglanden", "--year", "2024", "--format", "json"])
        // The CSV `amr regions` writes, read back as a weights file.
        let regions = TestSupport.run(["regions", "haaglanden", "--year", "2024", "--format", "csv"])
        #expect(regions.exitCode == 0)
        let exported = try temporaryFile(regions.stdout)
        let viaExport = TestSupport.run(["allocate", "--total", "159500", "--weights", exported, "--region", "haaglanden", "--year", "2024", "--format", "json"])
        #expect(viaExport.exitCode == 0)
        #expect(try shares(viaExport).map { [$0.code, $0.amount] } == shares(direct).map { [$0.code, $0.amount] })
        #expect(try string(viaExport, "/notes/0") == "The weights equal CBS's inhabitants on 1 January 2024 for all 5 municipalities.")
        // A hand-typed sheet with the names people write, in another order, without codes.
        let typed = try temporaryFile("gemeente;inwoners\nDen Haag;566.221\nRijswijk;59.642\nWestland;115.941\nDelft;109.577\nMidden-Delfland;19.377\n")
        let viaTyped = TestSupport.run(["allocate", "--total", "159500", "--weights", typed, "--region", "AM21", "--year", "2024", "--format", "json"])
        #expect(viaTyped.exitCode == 0)
        let byCode = Dictionary(uniqueKeysWithValues: try shares(direct).map { ($0.code ?? "", $0.amount) })
        let typedShares = try shares(viaTyped)
        #expect(typedShares.map(\.name) == ["Den Haag", "Rijswijk", "Westland", "Delft", "Midden-Delfland"])
        #expect(typedShares.map(\.code) == ["GM0518", "GM0603", "GM1783", "GM0503", "GM1842"])
        #expect(typedShares.allSatisfy { byCode[$0.code ?? ""] == $0.amount })
    }

    @Test func weightsThatDifferFromCBSAreNotedNeverChanged() throws {
        let file = "Fixtures/haaglanden-inwoners-2017.csv"
        let plain = TestSupport.run(["allocate", "--total", "159500", "--weights", file, "--format", "json"])
        let checked = TestSupport.run(["allocate", "--total", "159500", "--weights", file, "--region", "haaglanden", "--year", "2024", "--format", "json"])
        #expect(checked.exitCode == 0)
        #expect(try shares(checked).map(\.amount) == shares(plain).map(\.amount))
        #expect(try shares(checked).map(\.weight) == ["101381", "524882", "19034", "105885", "51027"])
        #expect(try shares(checked).map(\.code) == ["GM0503", "GM0518", "GM1842", "GM1783", "GM0603"])
        let note = try #require(try string(checked, "/notes/0"))
        #expect(note.hasPrefix("The weights differ from CBS's inhabitants on 1 January 2024 in 5 of 5 rows: Delft 101381 (CBS 109577), Den Haag 524882 (CBS 566221)"))
        let table = TestSupport.run(["allocate", "--total", "159500", "--weights", file, "--region", "haaglanden", "--year", "2024", "--locale", "en"])
        #expect(table.stdout.contains("The weights differ from CBS's inhabitants on 1 January 2024 in 5 of 5 rows: Delft 101,381 (CBS 109,577)"))
        #expect(table.stdout.hasSuffix("Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inhabitants on 1 January 2024; regions: Gebieden in Nederland 86247NED (CC BY 4.0).\n"))
        let dutch = TestSupport.run(["allocate", "--total", "159500", "--weights", file, "--region", "haaglanden", "--year", "2024"])
        #expect(dutch.stdout.contains("De gewichten wijken in 5 van de 5 rijen af van de inwonertallen van het CBS op 1 januari 2024: Delft 101.381 (CBS 109.577)"))
        #expect(dutch.stdout.hasSuffix("Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inwoners op 1 januari 2024; regio-indeling: Gebieden in Nederland 86247NED (CC BY 4.0).\n"))
    }

    @Test func missingDuplicateAndForeignMunicipalitiesAreErrors() throws {
        let missing = try temporaryFile("gemeente,inwoners\nDelft,1\nDen Haag,2\nWestland,3\n")
        let outcome = TestSupport.run(["allocate", "--total", "100", "--weights", missing, "--region", "haaglanden", "--year", "2024"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "amr: error: \(missing):2:1: the rows do not match the 5 municipalities of Haaglanden (AM21) on 1 January 2024: missing Midden-Delfland (GM1842), Rijswijk (ZH.) (GM0603); correct the file, or leave out --region to split over its rows as they are\n")

        let twice = try temporaryFile("gemeente,inwoners\nDelft,1\nDen Haag,2\nWestland,3\n's-Gravenhage,4\nMidden-Delfland,5\nRijswijk,6\n")
        let twiceOutcome = TestSupport.run(["allocate", "--total", "100", "--weights", twice, "--region", "haaglanden", "--year", "2024"])
        #expect(twiceOutcome.exitCode == 2)
        #expect(twiceOutcome.stderr.contains(":5:1: the rows do not match"))
        #expect(twiceOutcome.stderr.contains("'s-Gravenhage (GM0518) appears 2 times, on lines 3 and 5"))
        #expect(!twiceOutcome.stderr.contains("missing"))

        let foreign = try temporaryFile("code;gemeente;inwoners\nGM0503;Delft;1\nGM0518;Den Haag;2\nGM1783;Westland;3\nGM1842;Midden-Delfland;4\nGM0603;Rijswijk;5\nGM0546;Leiden;6\n")
        let foreignOutcome = TestSupport.run(["allocate", "--total", "100", "--weights", foreign, "--region", "haaglanden", "--year", "2024"])
        #expect(foreignOutcome.exitCode == 2)
        #expect(foreignOutcome.stderr.contains(":7:1: the rows do not match"))
        #expect(foreignOutcome.stderr.contains("line 7: Leiden (GM0546) is in Holland Rijnland (AM19), not in Haaglanden"))

        let unknown = try temporaryFile("gemeente;inwoners\nDelft;1\nDen Haag;2\nWestland;3\nMidden-Delfland;4\nRijswyk;5\n")
        let unknownOutcome = TestSupport.run(["allocate", "--total", "100", "--weights", unknown, "--region", "haaglanden", "--year", "2024"])
        #expect(unknownOutcome.exitCode == 2)
        #expect(unknownOutcome.stderr.contains("line 6: 'Rijswyk' is not a municipality on 1 January 2024 (did you mean Rijswijk (ZH.) (GM0603)?)"))
        #expect(unknownOutcome.stderr.contains("missing Rijswijk (ZH.) (GM0603)"))

        let contradicting = try temporaryFile("code;gemeente;inwoners\nGM0503;Westland;1\nGM0518;Den Haag;2\nGM1783;Delft;3\nGM1842;Midden-Delfland;4\nGM0603;Rijswijk;5\n")
        let contradictingOutcome = TestSupport.run(["allocate", "--total", "100", "--weights", contradicting, "--region", "haaglanden", "--year", "2024"])
        #expect(contradictingOutcome.exitCode == 2)
        #expect(contradictingOutcome.stderr.contains("line 2: code GM0503 is Delft, but the name 'Westland' is Westland (GM1783)"))
    }

    @Test func aNameSharedByTwoMunicipalitiesIsClearWithinTheRegion() throws {
        let figures = try #require(try CBSData.embedded().year(2024))
        let am15 = try #require(RegionCode("AM15"))
        let region = try #require(figures.region(am15))
        let lines = region.municipalities.map { m in (m.code.rawValue == "GM0373" ? "Bergen" : m.name) + ";" + String(m.inhabitants) }
        let file = try temporaryFile("gemeente;inwoners\n" + lines.joined(separator: "\n") + "\n")
        let outcome = TestSupport.run(["allocate", "--total", "1000", "--weights", file, "--region", "noord-holland-noord", "--year", "2024", "--format", "json"])
        #expect(outcome.exitCode == 0)
        #expect(try shares(outcome).contains { $0.name == "Bergen" && $0.code == "GM0373" })
        // Outside its region "Bergen" stays ambiguous.
        let other = try temporaryFile("gemeente;inwoners\nBergen;1\n")
        let ambiguous = TestSupport.run(["allocate", "--total", "1000", "--weights", other, "--region", "haaglanden", "--year", "2024"])
        #expect(ambiguous.stderr.contains("line 2: 'Bergen' may be Bergen (NH.) (GM0373) or Bergen (L.) (GM0893); write the code"))
    }

    @Test func everyExistingOptionWorksWithARegion() throws {
        let euros = TestSupport.run(["allocate", "--total", "159500", "--region", "haaglanden", "--year", "2024", "--unit", "1", "--format", "json"])
        #expect(try shares(euros).map(\.amount) == ["20072", "103717", "3549", "10925", "21237"])
        let dhondt = TestSupport.run(["allocate", "--total", "10", "--region", "haaglanden", "--year", "2024", "--unit", "1", "--method", "dhondt", "--format", "json"])
        #expect(try shares(dhondt).map(\.amount).compactMap { Int($0) }.reduce(0, +) == 10)
        #expect(try string(dhondt, "/method") == "dhondt")
        let csv = TestSupport.run(["allocate", "--total", "159500", "--region", "haaglanden", "--year", "2024", "--format", "csv", "--locale", "en"])
        #expect(csv.stdout == """
            name,code,inwoners,amount\r
            Delft,GM0503,109577,20071.63\r
            's-Gravenhage,GM0518,566221,103716.82\r
            Midden-Delfland,GM1842,19377,3549.36\r
            Rijswijk (ZH.),GM0603,59642,10924.85\r
            Westland,GM1783,115941,21237.34\r
            "Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inhabitants on 1 January 2024; regions: Gebieden in Nederland 86247NED (CC BY 4.0)."\r

            """)
        let markdown = TestSupport.run(["allocate", "--total", "159500", "--region", "haaglanden", "--year", "2024", "--format", "markdown"])
        #expect(markdown.stdout.contains("| 's-Gravenhage | 566.221 | 65,03% | € 103.716,82 |"))
        #expect(markdown.stdout.contains("Bron: CBS, 85984NED"))
        let latest = TestSupport.run(["allocate", "--total", "100", "--region", "AM21", "--format", "json"])
        #expect(try string(latest, "/key") == "inwoners on 2025-01-01 (CBS 70072ned)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("amr-region-\(UUID().uuidString).txt").path
        let written = TestSupport.run(["allocate", "--total", "100", "--region", "haaglanden", "-o", output])
        #expect(written.stdout == "")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("Bron: CBS"))
    }

    @Test func membershipCaveatIn2020To2023() throws {
        let gooi = TestSupport.run(["allocate", "--total", "1000", "--region", "gooi-en-vechtstreek", "--year", "2021", "--locale", "en"])
        #expect(gooi.exitCode == 0)
        let dutch = TestSupport.run(["allocate", "--total", "1000", "--region", "gooi-en-vechtstreek", "--year", "2021"])
        #expect(dutch.stdout.contains("Voor 2020–2023 is de CBS-regio-indeling van 2026 met terugwerkende kracht gebruikt: in 2021 hoorde Weesp (GM0457) mogelijk bij Gooi en Vechtstreek (AM12) in plaats van bij Groot Amsterdam (AM18). De eigen gemeentelijst van een plan gaat voor."))
        #expect(gooi.stdout.contains("Region membership for 2020–2023 is CBS's 2026 membership applied backwards: in 2021 Weesp (GM0457) may have belonged to Gooi en Vechtstreek (AM12) rather than Groot Amsterdam (AM18). A plan's own list of municipalities wins."))
        let later = TestSupport.run(["allocate", "--total", "1000", "--region", "gooi-en-vechtstreek", "--year", "2024"])
        #expect(!later.stdout.contains("Region membership"))
        let haaglanden = TestSupport.run(["allocate", "--total", "1000", "--region", "haaglanden", "--year", "2021"])
        #expect(!haaglanden.stdout.contains("Region membership"))
    }

    @Test(arguments: [
        (["allocate", "--region", "haaglanden"], "--region needs --total AMOUNT: the amount to split (see 'amr help allocate')"),
        (["allocate", "--total", "5", "--year", "2024"], "--year picks the year of the CBS figures for --region; add --region REGION or --municipalities LIST (see 'amr help allocate')"),
        (["allocate", "--total", "5", "--region", "haaglanden", "--year", "2014"], "--year 2014: amr has no CBS figures for 2014; it has 1 January 2015–2025 (see 'amr help allocate')"),
        (["allocate", "--total", "5", "--region", "haaglanden", "--year", "24"], "--year 24: amr has no CBS figures for 24; it has 1 January 2015–2025 (see 'amr help allocate')"),
        (["allocate", "--total", "5", "--region", "haaglanden", "--year", "last"], "--year 'last' is not a year; give one of 2015–2025, e.g. --year 2025 (see 'amr help allocate')"),
        (["allocate", "Fixtures/haaglanden-2018.json", "--total", "5", "--region", "haaglanden"], "give either a plan file or --total with --region, not both (see 'amr help allocate')"),
        (["allocate", "--total", "5", "--region", "haaglanden", "--allocation", "x"], "--allocation picks an allocation in a plan file; it does not go with --region (see 'amr help allocate')"),
        (["allocate", "--total", "5.5", "--region", "haaglanden", "--unit", "1"], "--total 5.5 is not a multiple of --unit 1; give a total in whole units or a smaller unit (see 'amr help allocate')"),
        (["allocate", "--total", "5", "--region", "westland"], "'westland' is not a labour-market region: Westland (GM1783) is a municipality in Haaglanden (AM21): give that region as haaglanden or AM21 (see 'amr help allocate')"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let outcome = TestSupport.run(arguments)
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "amr: error: \(message)\n")
    }
}

/// A weights file checked against a region may end in a row named after the region: its total.
@Suite struct RegionTotalRowTests {
    @Test func aLastRowNamedAfterTheRegionIsItsTotal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-region-total-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("haaglanden.csv")
        try Data("gemeente;inwoners\nDelft;109.577\nDen Haag;566.221\nMidden-Delfland;19.377\nRijswijk;59.642\nWestland;115.941\nHaaglanden;870.759\n".utf8).write(to: file)
        let outcome = TestSupport.run(["allocate", "--total", "159500", "--weights", file.path, "--region", "haaglanden", "--year", "2024", "--format", "json"])
        // A stated total one off: the split is over the five municipalities, and the exit code says the total differs.
        #expect(outcome.exitCode == 1, "\(outcome.stderr)")
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        #expect(json.value(at: "/totalRow/label")?.kind == .string("Haaglanden"))
        #expect(json.value(at: "/totalRow/recognisedBy")?.kind == .string("name"))
        #expect(json.value(at: "/totalRow/matches")?.kind == .bool(false))
        #expect(json.value(at: "/shares/4/name")?.kind == .string("Westland"))
        #expect(json.value(at: "/shares/5") == nil)
        #expect(json.value(at: "/shares/1/amount")?.kind == .string("103716.82"))
    }
}
