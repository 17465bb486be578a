import Foundation
import Testing
@testable import AMRCore

/// The embedded CBS figures against the facts PROVENANCE.md and DOMAIN.md state.
@Suite struct CBSDataTests {
    let data: CBSData

    init() throws { data = try CBSData.embedded() }

    // The counts and national sums of PROVENANCE.md, each recomputed from gemeenten-YYYY.csv.
    static let municipalityCounts = [2015: 393, 2016: 390, 2017: 388, 2018: 380, 2019: 355,
                                     2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342, 2025: 342]
    static let nationalTotals = [2015: 16_900_726, 2016: 16_979_120, 2017: 17_081_507, 2018: 17_181_084, 2019: 17_282_163,
                                 2020: 17_407_585, 2021: 17_475_415, 2022: 17_590_672, 2023: 17_811_291, 2024: 17_942_942, 2025: 18_044_027]

    @Test func theYearsAre2015To2025() {
        #expect(data.years.map(\.year) == Array(2015...2025))
        #expect(Array(CBSData.coveredYears) == data.years.map(\.year))
        #expect(CBSData.covers(PlanDate("2024-01-01")) && !CBSData.covers(PlanDate("2024-01-02")) && !CBSData.covers(PlanDate("2014-01-01")))
        #expect(CBSData.covers(PlanDate("2016-01-01")))
        #expect(CBSData.coversReference(PlanDate("2017-09-27")) && !CBSData.coversReference(PlanDate("2014-12-31")))
        #expect(data.latest?.year == 2025)
        #expect(data.yearRange == "2015–2025")
        #expect(data.years.allSatisfy { $0.date.description == "\($0.year)-01-01" })
    }

    @Test(arguments: Array(2015...2025))
    func municipalitiesRegionsAndTotal(year: Int) throws {
        let figures = try #require(data.year(year))
        #expect(figures.municipalities.count == Self.municipalityCounts[year])
        #expect(figures.regions.count == 35)
        #expect(figures.inhabitants == Self.nationalTotals[year])
        // From 2019 on AM01–AM38 without AM04, AM16 and AM31; CBS's 2016 table (and the years
        // that take its membership) numbers FoodValley AM31 and has no AM38.
        let missing = year <= 2018 ? [4, 16, 38] : [4, 16, 31]
        let expected = (1...38).filter { !missing.contains($0) }.map { $0 < 10 ? "AM0\($0)" : "AM\($0)" }
        #expect(figures.regions.map(\.code.rawValue) == expected)
        #expect(figures.regions.first { $0.name == "FoodValley" }?.code.rawValue == (year <= 2018 ? "AM31" : "AM38"))
    }

    @Test(arguments: Array(2015...2025))
    func everyMunicipalityIsInExactlyOneRegion(year: Int) throws {
        let figures = try #require(data.year(year))
        var seen: [MunicipalityCode: Int] = [:]
        for region in figures.regions {
            for municipality in region.municipalities {
                seen[municipality.code, default: 0] += 1
                #expect(municipality.region == region.code)
            }
        }
        #expect(seen.count == figures.municipalities.count)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(figures.regions.reduce(0) { $0 + $1.inhabitants } == figures.inhabitants)
    }

    @Test func spotValues() throws {
        let y2024 = try #require(data.year(2024)), y2025 = try #require(data.year(2025))
        let hague = try #require(MunicipalityCode("GM0518")), amsterdam = try #require(MunicipalityCode("GM0363"))
        #expect(y2024.municipality(hague)?.inhabitants == 566_221)
        #expect(y2024.municipality(hague)?.name == "'s-Gravenhage")
        #expect(y2025.municipality(hague)?.inhabitants == 568_945)
        #expect(y2024.municipality(amsterdam)?.inhabitants == 931_298)
        #expect(y2025.municipality(amsterdam)?.inhabitants == 934_526)
        // Haaglanden (AM21) in arbeidsmarktregios-2024.csv: 5 municipalities, 870,758 inhabitants.
        let am21 = try #require(RegionCode("AM21"))
        let haaglanden = try #require(y2024.region(am21))
        #expect(haaglanden.name == "Haaglanden")
        #expect(haaglanden.municipalities.map(\.code.rawValue) == ["GM0503", "GM0518", "GM1842", "GM0603", "GM1783"])
        #expect(haaglanden.inhabitants == 870_758)
        #expect(haaglanden.slug == "haaglanden")
    }

    @Test func namesChangeIn2024AndMunicipalitiesMerge() throws {
        let rijswijk = try #require(MunicipalityCode("GM0603")), weesp = try #require(MunicipalityCode("GM0457"))
        #expect(data.year(2023)?.municipality(rijswijk)?.name == "Rijswijk")
        #expect(data.year(2024)?.municipality(rijswijk)?.name == "Rijswijk (ZH.)")
        // Weesp existed on 1 January 2022 and joined Amsterdam on 24 March 2022.
        #expect(data.year(2022)?.municipality(weesp)?.name == "Weesp")
        #expect(data.year(2023)?.municipality(weesp) == nil)
    }

    @Test func inhabitantsTablePerYear() throws {
        #expect(data.years.map(\.table) == ["Wijk- en Buurtkaart 2015", "Wijk- en Buurtkaart 2016", "Wijk- en Buurtkaart 2017", "Wijk- en Buurtkaart 2018",
                                             "84378NED", "70072ned", "70072ned", "70072ned", "70072ned", "85984NED", "70072ned"])
        let wbk = try #require(data.year(2017)).source(regionTables: ["83287NED"])
        #expect(wbk.credit == "Bron: CBS, Wijk- en Buurtkaart 2017, inhabitants on 1 January 2017; regions: Gebieden in Nederland 83287NED (CC BY 4.0).")
        let source = try #require(data.year(2024)).source(regionTables: ["86247NED"])
        #expect(source.credit == "Bron: CBS, 85984NED Kerncijfers wijken en buurten 2024, inhabitants on 1 January 2024; regions: Gebieden in Nederland 86247NED (CC BY 4.0).")
    }

    @Test func slugsAreUniqueIds() throws {
        for figures in data.years {
            let slugs = figures.regions.map(\.slug)
            #expect(Set(slugs).count == 35, "\(figures.year)")
            #expect(slugs.allSatisfy { $0.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil })
        }
        let names = try #require(data.latest).regions.map(\.slug)
        #expect(names.contains("gooi-en-vechtstreek"))
        #expect(names.contains("zaanstreek-waterland"))
        #expect(names.contains("zuid-kennemerland-en-ijmond"))
    }

    @Test func malformedTablesAreRefusedNotGuessed() {
        let tables = "year|table|title\n2024|85984NED|T"
        let regions = "code|name\nAM21|Haaglanden"
        let provinces = "code|name\nPV28|Zuid-Holland"
        let header = "year|code|name|inhabitants|region|province|regionTable"
        #expect(throws: CBSDataError.self) {
            try CBSData.parse(inhabitantTables: tables, regions: regions, provinces: provinces, municipalities: "year|code\n2024|GM0518")
        }
        #expect(throws: CBSDataError.self) {
            try CBSData.parse(inhabitantTables: tables, regions: regions, provinces: provinces, municipalities: header + "\n2024|GM518|X|1|AM21|PV28|86247NED")
        }
        #expect(throws: CBSDataError.self) {
            try CBSData.parse(inhabitantTables: tables, regions: regions, provinces: provinces, municipalities: header + "\n2024|GM0518|X|-1|AM21|PV28|86247NED")
        }
        #expect(throws: CBSDataError.self) {
            try CBSData.parse(inhabitantTables: tables, regions: regions, provinces: provinces, municipalities: header + "\n2024|GM0518|X|1|AM22|PV28|86247NED")
        }
        #expect(throws: CBSDataError.self) {
            try CBSData.parse(inhabitantTables: tables, regions: regions, provinces: provinces, municipalities: header + "\n2023|GM0518|X|1|AM21|PV28|86247NED")
        }
        #expect(throws: CBSDataError.self) {
            try CBSData.parse(inhabitantTables: tables, regions: regions, provinces: provinces,
                              municipalities: header + "\n2024|GM0518|X|1|AM21|PV28|86247NED\n2024|GM0518|Y|2|AM21|PV28|86247NED")
        }
        let parsed = try? CBSData.parse(inhabitantTables: tables, regions: regions, provinces: provinces, municipalities: header + "\n2024|GM0518|X|7|AM21|PV28|86247NED")
        #expect(parsed?.year(2024)?.inhabitants == 7)
    }

    /// With AMR_CBS_DIR set to the CBS reference directory (../shared/data/cbs), the committed
    /// generated source must be exactly what scripts/generate-cbs makes of it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AMR_CBS_DIR"] != nil))
    func theGeneratedSourceIsCurrent() throws {
        let directory = try #require(ProcessInfo.processInfo.environment["AMR_CBS_DIR"])
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("amr-cbs-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestSupport.root.appendingPathComponent("scripts/generate-cbs").path, directory, "-o", output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let generated = try String(contentsOf: output, encoding: .utf8)
        let committed = try String(contentsOf: TestSupport.root.appendingPathComponent("Sources/AMRCore/Reference/CBSTables.swift"), encoding: .utf8)
        #expect(generated == committed)
    }
}
