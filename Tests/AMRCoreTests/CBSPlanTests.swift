import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Plans against CBS: the `{ "measure": "inwoners", "source": "cbs", "date": … }` key and the
/// `cbs-inhabitants` and `cbs-membership` rules of `amr check`.
@Suite struct CBSPlanTests {
    let data: CBSData
    let base: String

    init() throws {
        data = try CBSData.embedded()
        let figures = try data.figures(for: 2024)
        let code = try #require(RegionCode("AM21"))
        let region = try #require(figures.region(code))
        base = StarterPlan.text(for: region, figures: figures)
    }

    func load(_ text: String) throws -> LoadedPlan {
        try PlanLoader.load(bytes: Array(text.utf8), file: "p.json")
    }

    func findings(_ text: String) throws -> [Finding] {
        PlanChecker.check(try load(text), locale: .en)
    }

    func variant(_ old: String, _ new: String, in text: String? = nil) -> String {
        let text = text ?? base
        #expect(text.contains(old), "variant: \(old) not found")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The starter plan with a total of € 159.500,00 in one budget line.
    var funded: String {
        variant("\"lines\": [] }", "\"lines\": [ { \"name\": \"Bijdrage\", \"amount\": \"159500.00\" } ], \"total\": \"159500.00\" }")
    }

    @Test func theCBSKeyTakesTheEmbeddedFigures() throws {
        let loaded = try load(funded)
        let spec = try #require(loaded.plan.allocations.first)
        #expect(spec.key == .cbsInhabitants(date: try #require(PlanDate("2024-01-01"))))
        // The plan's own observations are ignored by the key: change one and the split stays.
        let edited = try load(variant("\"value\": 566221", "\"value\": 1", in: funded))
        for plan in [loaded, edited] {
            let report = try PlanAllocator.allocate(try #require(plan.plan.allocations.first), in: plan)
            #expect(report.rows.map(\.amount.description) == ["20071.63", "103716.82", "3549.36", "10924.85", "21237.34"])
            #expect(report.keyDescription == "inwoners on 2024-01-01 (CBS 85984NED)")
            #expect(report.cbs?.source.credit == "Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inhabitants on 1 January 2024 (CC BY 4.0).")
        }
        #expect(try findings(funded).map(\.description) == [])
    }

    @Test func theKeyIsReadStrictly() throws {
        let key = "\"key\": { \"measure\": \"inwoners\", \"source\": \"cbs\", \"date\": \"2024-01-01\" }"
        let cases: [(String, String)] = [
            ("\"key\": { \"measure\": \"inwoners\", \"source\": \"statline\", \"date\": \"2024-01-01\" }",
             "p.json:27:49: /allocations/0/key/source: a string \"statline\"; expected \"cbs\" (the CBS figures amr carries), or no source to use the plan's own figures"),
            ("\"key\": { \"measure\": \"bijstand\", \"source\": \"cbs\", \"date\": \"2024-01-01\" }",
             "p.json:27:27: /allocations/0/key/measure: a string \"bijstand\"; expected \"inwoners\": the CBS figures amr carries are inhabitants"),
            ("\"key\": { \"measure\": \"inwoners\", \"source\": \"cbs\" }",
             "p.json:27:14: /allocations/0/key: missing required key \"date\""),
        ]
        for (replacement, message) in cases {
            let error = #expect(throws: LoadError.self) { try load(variant(key, replacement)) }
            #expect(error?.description == message)
        }
        // A date amr has no figures for cannot be split, and check says so.
        let march = variant("\"date\": \"2024-01-01\" },\n      \"shares\"", "\"date\": \"2024-03-01\" },\n      \"shares\"", in: funded)
        let loaded = try load(march)
        let error = #expect(throws: LoadError.self) { try PlanAllocator.allocate(try #require(loaded.plan.allocations.first), in: loaded) }
        #expect(error?.message == "CBS figures in amr are for 1 January 2015–2025, not for 2024-03-01; use a date such as \"2024-01-01\"")
        #expect(try findings(march).map(\.description) == [
            "p.json:27:64: error[cbs-inhabitants]: allocation \"bijdrage-2024\" takes CBS inhabitants on 2024-03-01, but amr has CBS figures for 1 January 2015–2025 only",
        ])
        let old = variant("\"date\": \"2024-01-01\" },\n      \"shares\"", "\"date\": \"2014-01-01\" },\n      \"shares\"", in: funded)
        #expect(try findings(old).map(\.rule) == ["cbs-inhabitants"])
    }

    @Test func statedInhabitantsThatDifferFromCBSAreWarnings() throws {
        let text = variant("\"value\": 566221", "\"value\": 566000")
        let found = try findings(text)
        #expect(found.map(\.description) == [
            "p.json:12:91: warning[cbs-inhabitants]: 's-Gravenhage (GM0518) has 566,000 inwoners on 2024-01-01, but CBS gives 566,221",
        ])
        #expect(found.first?.stated == "566000" && found.first?.expected == "566221")
        #expect(found.first?.hint == "use CBS's figure, or the date the plan's figure is really for; Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024 (CC BY 4.0)")
        // Another date is compared with CBS's figures of the last 1 January before it, and says so.
        let otherDate = variant("\"value\": 566000, \"date\": \"2024-01-01\"", "\"value\": 566000, \"date\": \"2024-06-30\"", in: text)
        #expect(try findings(otherDate).map(\.message) == [
            "'s-Gravenhage (GM0518) has 566,000 inwoners on 2024-06-30, but CBS gives 566,221 on 1 January 2024, the last 1 January before 2024-06-30",
        ])
        // The Haaglanden 2018 plan states inhabitants "consulted 27 September 2017": CBS's of
        // 1 January 2017, which four of its five figures equal; Westland's does not.
        let fixture = try PlanLoader.load(contentsOf: TestSupport.fixture("haaglanden-2018.json"))
        let cbs = PlanChecker.check(fixture, locale: .en).filter { $0.rule.hasPrefix("cbs-") }
        #expect(cbs.map(\.message) == ["Westland (GM1783) has 105,885 inwoners on 2017-09-27, but CBS gives 105,632 on 1 January 2017, the last 1 January before 2017-09-27"])
        #expect(cbs.first?.stated == "105885" && cbs.first?.expected == "105632")
    }

    @Test func tablesOfInhabitantsAreCheckedToo() throws {
        let hague = try #require(MunicipalityCode("GM0518"))
        let inhabitants = try #require(data.year(2023)?.municipality(hague)?.inhabitants)
        let table = """
          "tables": [ { "id": "inwoners", "measure": "inwoners", "date": "2023-01-01", "rows": [ { "municipality": "GM0503", "value": 1 }, { "municipality": "GM0518", "value": \(inhabitants) } ] } ],
          "notes": [
        """
        let found = try findings(variant("  \"notes\": [", table))
        #expect(found.map(\.rule) == ["cbs-inhabitants"])
        #expect(found.first?.message.hasPrefix("Delft (GM0503) has 1 inwoners on 2023-01-01, but CBS gives ") == true)
    }

    @Test func aRegionThatLacksOrHoldsAMunicipalityIsAWarning() throws {
        let withoutWestland = variant("""
            ,
                  { "code": "GM1783", "name": "Westland", "measures": { "inwoners": [ { "value": 115941, "date": "2024-01-01", "source": "Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024 (CC BY 4.0)" } ] } }
            """, "")
        let lacking = try findings(withoutWestland.replacingOccurrences(of: ",\n        { \"municipality\": \"GM1783\" }", with: ""))
        #expect(lacking.map(\.description) == [
            "p.json:10:23: warning[cbs-membership]: CBS puts Westland (GM1783) in Haaglanden (AM21) on 1 January 2024, but the plan's region does not list it",
        ])
        let leiden = variant("{ \"code\": \"GM1783\", \"name\": \"Westland\"", "{ \"code\": \"GM0546\", \"name\": \"Leiden\"")
        let holding = try findings(leiden.replacingOccurrences(of: "\"value\": 115941", with: "\"value\": 130108")
            .replacingOccurrences(of: "{ \"municipality\": \"GM1783\" }", with: "{ \"municipality\": \"GM0546\" }"))
        #expect(holding.count == 2)
        #expect(holding.contains { $0.description == "p.json:15:17: warning[cbs-membership]: CBS puts Leiden (GM0546) in Holland Rijnland (AM19) on 1 January 2024, not in Haaglanden (AM21)" })
        #expect(holding.allSatisfy { $0.severity == .warning })
    }

    @Test func theMembershipCaveatFor2020To2023() throws {
        // The Gooi en Vechtstreek monitor lists Weesp, as the region's own plans did.
        var text = try String(contentsOfFile: TestSupport.fixture("gooi-vechtstreek-monitor-2020.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"region\": {", with: "\"period\": { \"start\": \"2021-01-01\", \"end\": \"2021-12-31\" },\n  \"region\": {")
        let found = try findings(text).filter { $0.rule == "cbs-membership" }
        #expect(found.count == 2)
        let weesp = try #require(found.first { $0.message.contains("Weesp") })
        #expect(weesp.message == "CBS puts Weesp (GM0457) in Groot Amsterdam (AM18) on 1 January 2021, not in Gooi en Vechtstreek (AM12)")
        #expect(weesp.hint == "amr uses CBS's 2026 membership for 2020–2023, and Weesp (GM0457) may have belonged to Gooi en Vechtstreek (AM12) rather than Groot Amsterdam (AM18); the plan's own list wins")
        #expect(found.contains { $0.message == "CBS puts Eemnes (GM0317) in Gooi en Vechtstreek (AM12) on 1 January 2021, but the plan's region does not list it" })
        // In 2024 Weesp is part of Amsterdam: no caveat, and it is no municipality at all.
        let later = text.replacingOccurrences(of: "\"start\": \"2021-01-01\", \"end\": \"2021-12-31\"", with: "\"start\": \"2024-01-01\", \"end\": \"2024-12-31\"")
        let weesp2024 = try #require(try findings(later).first { $0.rule == "cbs-membership" && $0.message.contains("Weesp") })
        #expect(weesp2024.message == "Weesp (GM0457) is not a municipality on 1 January 2024 according to CBS: it merged on 1 January 2023 into Amsterdam (GM0363)")
        // Without a period the plan's year is unknown: nothing is checked.
        #expect(try findings(try String(contentsOfFile: TestSupport.fixture("gooi-vechtstreek-monitor-2020.json"), encoding: .utf8)).allSatisfy { !$0.rule.hasPrefix("cbs-") })
    }

    @Test func anUnknownRegionCodeIsAWarning() throws {
        let found = try findings(variant("\"code\": \"AM21\"", "\"code\": \"AM04\""))
        #expect(found.map(\.description) == [
            "p.json:8:13: warning[cbs-membership]: AM04 is not a labour-market region in CBS's division of 1 January 2024",
        ])
    }

    @Test func theSchemaKnowsTheCBSKey() throws {
        let schema = try JSONReader.parse(Array(PlanSchema.text.utf8), file: "schema")
        func errors(_ text: String) throws -> [String] {
            SchemaValidator(root: schema).validate(try JSONReader.parse(Array(text.utf8), file: "p"), against: schema)
        }
        #expect(try errors(base) == [])
        #expect(try errors(variant("\"source\": \"cbs\"", "\"source\": \"statline\"")).contains("/allocations/0/key: matches 0 of oneOf"))
        #expect(try errors(variant("\"source\": \"cbs\", \"date\": \"2024-01-01\"", "\"source\": \"cbs\"")).contains("/allocations/0/key: matches 0 of oneOf"))
        #expect(try errors(variant("\"source\": \"cbs\", \"date\": \"2024-01-01\"", "\"source\": \"cbs\", \"date\": \"2024-03-01\"")).contains("/allocations/0/key: matches 0 of oneOf"))
    }
}
