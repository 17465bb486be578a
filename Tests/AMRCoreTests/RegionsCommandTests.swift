import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// `amr regions`: the 35 regions, or one region's municipalities, in every format, with the
/// credit to CBS.
@Suite struct RegionsCommandTests {
    @Test func allRegionsWithTotals() {
        let outcome = TestSupport.run(["regions", "--year", "2024"])
        #expect(outcome.exitCode == 0)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Arbeidsmarktregio's op 1 januari 2024")
        #expect(lines.filter { $0.hasPrefix("AM") }.count == 35)
        #expect(lines.contains("AM21    Haaglanden                           5     870.758"))
        #expect(lines.contains("totaal  35 regio's                         342  17.942.942"))
        #expect(lines.last == "Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inwoners op 1 januari 2024; regio-indeling: Gebieden in Nederland 86247NED (CC BY 4.0).")
        let english = TestSupport.run(["regions", "--year", "2024", "--locale", "en"]).stdout.split(separator: "\n").map(String.init)
        #expect(english.first == "Labour-market regions (arbeidsmarktregio's) on 1 January 2024")
        #expect(english.contains("total  35 regions                              342   17,942,942"))
        #expect(english.last == "Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inhabitants on 1 January 2024; regions: Gebieden in Nederland 86247NED (CC BY 4.0).")
    }

    @Test func theDefaultYearIsTheLatest() {
        #expect(TestSupport.run(["regions"]).stdout.hasPrefix("Arbeidsmarktregio's op 1 januari 2025\n"))
    }

    @Test func oneRegionInEveryFormat() throws {
        let table = TestSupport.run(["regions", "Gooi en Vechtstreek", "--year", "2024", "--locale", "en"])
        #expect(table.stdout.contains("GM0402  Hilversum     Noord-Holland       92,978") || table.stdout.contains("Hilversum"))
        #expect(table.stdout.hasPrefix("Gooi en Vechtstreek (AM12): municipalities on 1 January 2024\n"))
        #expect(table.stdout.contains("total   7 municipalities"))
        let json = try JSONReader.parse(Array(TestSupport.run(["regions", "AM21", "--year", "2024", "--format", "json"]).stdout.utf8), file: "j")
        #expect(json.value(at: "/region/code")?.kind == .string("AM21"))
        #expect(json.value(at: "/region/slug")?.kind == .string("haaglanden"))
        #expect(json.value(at: "/municipalities/1/name")?.kind == .string("'s-Gravenhage"))
        #expect(json.value(at: "/municipalities/1/inhabitants")?.kind == .number("566221"))
        #expect(json.value(at: "/total/inhabitants")?.kind == .number("870758"))
        #expect(json.value(at: "/source/table")?.kind == .string("85984NED"))
        #expect(json.value(at: "/source/date")?.kind == .string("2024-01-01"))
        #expect(json.value(at: "/source/licence")?.kind == .string("CC BY 4.0"))
        let all = try JSONReader.parse(Array(TestSupport.run(["regions", "--year", "2020", "--format", "json"]).stdout.utf8), file: "j")
        #expect(all.value(at: "/total/municipalities")?.kind == .number("355"))
        #expect(all.value(at: "/total/inhabitants")?.kind == .number("17407585"))
        #expect(all.value(at: "/notes/0") != nil)
        let markdown = TestSupport.run(["regions", "haaglanden", "--year", "2024", "--format", "markdown"]).stdout
        #expect(markdown.contains("| GM0518 | 's-Gravenhage | Zuid-Holland | 566.221 |"))
        #expect(markdown.contains("| **totaal** | **5 gemeenten** |  | **870.758** |"))
        #expect(markdown.hasSuffix("*Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inwoners op 1 januari 2024; regio-indeling: Gebieden in Nederland 86247NED (CC BY 4.0).*\n"))
        let csv = TestSupport.run(["regions", "haaglanden", "--year", "2024", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("\u{FEFF}code;name;province;inhabitants\r\nGM0503;Delft;Zuid-Holland;109577\r\n"))
        #expect(csv.hasSuffix("\"Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inhabitants on 1 January 2024; regions: Gebieden in Nederland 86247NED (CC BY 4.0).\"\r\n"))
    }

    @Test func theCaveatIn2020To2023() {
        let gooi = TestSupport.run(["regions", "gooi-en-vechtstreek", "--year", "2020", "--locale", "en"]).stdout
        #expect(gooi.contains("Weesp (GM0457) may have belonged to Gooi en Vechtstreek (AM12) rather than Groot Amsterdam (AM18)"))
        let dutch = TestSupport.run(["regions", "gooi-en-vechtstreek", "--year", "2020"]).stdout
        #expect(dutch.contains("in 2020 hoorde Weesp (GM0457) mogelijk bij Gooi en Vechtstreek (AM12) in plaats van bij Groot Amsterdam (AM18)"))
        #expect(!TestSupport.run(["regions", "haaglanden", "--year", "2020"]).stdout.contains("Region membership"))
        #expect(!TestSupport.run(["regions", "--year", "2024"]).stdout.contains("Region membership"))
        let csv = TestSupport.run(["regions", "--year", "2023", "--format", "csv", "--locale", "en"]).stdout
        #expect(csv.contains("(CC BY 4.0).\"\r\nRegion membership for 2020–2023 is CBS's 2026 membership applied backwards: in 2023 Renkum (GM0274)"))
    }

    @Test func aRegionAsAWorkbookSumsItsInhabitants() throws {
        let outcome = TestSupport.run(["regions", "haaglanden", "--year", "2024", "--format", "xlsx"])
        #expect(outcome.exitCode == 0)
        let records = try WorkbookReader.records(bytes: outcome.binary, file: "regio.xlsx")
        let total = try #require(records.first { $0.fields.first == "totaal" })
        #expect(total.fields[3] == "870758")
        #expect(records.contains { $0.fields == ["GM0518", "'s-Gravenhage", "Zuid-Holland", "566221"] })
    }

    @Test(arguments: [
        (["regions", "haaglandn"], "'haaglandn' is not a labour-market region; did you mean haaglanden (AM21 Haaglanden)? ('amr regions' lists them all) (see 'amr help regions')"),
        (["regions", "--year", "2026"], "--year 2026: amr has no CBS figures for 2026; it has 1 January 2015–2025 (see 'amr help regions')"),
        (["regions", "--format", "pdf"], "'pdf' is not a valid value for --format; expected one of: table, markdown, html, xlsx, ods, docx, odt, csv, json; type --format table (see 'amr help regions')"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let outcome = TestSupport.run(arguments)
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "amr: error: \(message)\n")
    }
}
