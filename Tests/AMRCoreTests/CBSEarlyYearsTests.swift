import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// CBS figures for 2015–2019, region membership for years without a CBS table, sets of
/// municipalities someone names, and mergers across years (issue 20).
@Suite struct CBSEarlyYearsTests {
    let data: CBSData

    init() throws { data = try CBSData.embedded() }

    @Test func membershipOfEachYearSaysWhereItComesFrom() throws {
        let kinds = try (2015...2025).map { try #require(data.year($0)).membership }
        #expect(kinds.map(\.kind) == [.derived, .codesOnly, .derived, .derived, .derived, .own, .own, .own, .own, .own, .own])
        #expect(kinds.map(\.basis) == [2016, 2016, 2016, 2016, 2020, 2020, 2021, 2022, 2023, 2024, 2025])
    }

    @Test func haaglanden2017IsItsFiveMunicipalitiesWithTheirInhabitants() throws {
        let outcome = TestSupport.run(["allocate", "--total", "159500", "--region", "haaglanden", "--year", "2017", "--format", "csv", "--locale", "en"])
        #expect(outcome.exitCode == 0)
        let rows = outcome.stdout.split(whereSeparator: \.isNewline).map(String.init)
        #expect(rows.contains { $0.hasPrefix("Delft,GM0503,101381,") })
        #expect(rows.contains { $0.hasPrefix("Westland,GM1783,105632,") })
        #expect(rows.filter { $0.contains(",GM") }.count == 5)
        #expect(outcome.stdout.contains("Bron: CBS, Wijk- en Buurtkaart 2017, inhabitants on 1 January 2017; regions: Gebieden in Nederland 83287NED"))
        #expect(outcome.stdout.contains("amr has no CBS table of the labour-market regions for 2017: it uses the membership of 2016"))
        let figures = try #require(data.year(2017))
        let haaglanden = try PlaceResolver(data: data, figures: figures).region("haaglanden")
        #expect(haaglanden.municipalities.map(\.name) == ["Delft", "'s-Gravenhage", "Midden-Delfland", "Rijswijk", "Westland"])
        #expect(haaglanden.inhabitants == 101_381 + 524_882 + 19_034 + 51_027 + 105_632)
    }

    @Test func regions2016AreNamedOnlyAfterCheckingTheirMembers() throws {
        let outcome = TestSupport.run(["regions", "--year", "2016", "--locale", "en"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.contains("come as codes only: amr names each after the region of 2020 that holds most of its municipalities; FoodValley AM31 (AM38 in 2020)"))
        let figures = try #require(data.year(2016))
        let am31 = try #require(RegionCode("AM31"))
        let foodValley = try #require(figures.region(am31))
        #expect(foodValley.name == "FoodValley")
        #expect(foodValley.municipalities.count == 8)
        // Weesp was in Gooi en Vechtstreek in CBS's table of 2016, not in Groot Amsterdam as CBS puts it from 2020.
        let weespCode = try #require(MunicipalityCode("GM0457"))
        let weesp = try #require(figures.municipality(weespCode))
        #expect(figures.region(of: weesp)?.name == "Gooi en Vechtstreek")
    }

    @Test func aYearWithoutTableCarriesItsCaveats() throws {
        let figures = try #require(data.year(2017))
        let caveats = MembershipCaveat.caveats(in: figures)
        #expect(caveats.contains { $0.name == "Weesp" && $0.cbsRegion.rawValue == "AM12" && $0.otherRegions.map(\.rawValue) == ["AM18"] })
        let note = try #require(MembershipCaveat.note(caveats, in: figures))
        #expect(note.contains("Weesp (GM0457) may have belonged to Groot Amsterdam (AM18) rather than Gooi en Vechtstreek (AM12)"))
    }

    @Test func aSetAcrossTwoLabourMarketRegions() throws {
        // Holland Rijnland's joint arrangement: twelve municipalities of the labour-market region
        // Holland Rijnland and Voorschoten of Zuid-Holland Centraal.
        let list = "Alphen aan den Rijn, Hillegom, Kaag en Braassem, Katwijk, Leiden, Leiderdorp, Lisse, Nieuwkoop, Noordwijk, Oegstgeest, Teylingen, Voorschoten, Zoeterwoude"
        let outcome = TestSupport.run(["allocate", "--total", "1000000", "--municipalities", list, "--name", "Holland Rijnland", "--year", "2024", "--format", "json"])
        #expect(outcome.exitCode == 0)
        let figures = try #require(data.year(2024))
        let resolver = PlaceResolver(data: data, figures: figures)
        let members = try list.split(separator: ",").map { try resolver.municipality($0.trimmingCharacters(in: .whitespaces)) }
        #expect(Set(members.map(\.region.rawValue)) == ["AM19", "AM34"])
        let report = MunicipalitySet(name: "Holland Rijnland", municipalities: members)
        let total = try Money.parse("1000000").get()
        let direct = try RegionAllocator.allocate(total, over: report, figures: figures)
        #expect(direct.rows.count == 13)
        #expect(try Money.sum(direct.rows.map(\.amount)) == total)
        #expect(direct.weightTotal?.description == String(members.reduce(0) { $0 + $1.inhabitants }))
        #expect(outcome.stdout.components(separatedBy: "\"code\": \"GM").count - 1 == 13)
        #expect(outcome.stdout.contains("\"name\": \"Voorschoten\""))
        #expect(outcome.stdout.contains("\"context\": \"Holland Rijnland, 13 municipalities on 1 January 2024\""))
        // The same set through --region holland-rijnland is another set: Voorschoten is not in it.
        let region = try resolver.region("holland-rijnland")
        #expect(!region.municipalities.contains { $0.name == "Voorschoten" })
    }

    @Test func aSetFromAFileOnePerLineOrACSVColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = directory.appendingPathComponent("set.txt"), table = directory.appendingPathComponent("set.csv")
        try "# members\nDelft\nGM1783\n\nNuenen, Gerwen en Nederwetten\n".write(to: lines, atomically: true, encoding: .utf8)
        try "nr;gemeente;inwoners\n1;Delft;1\n2;Westland;2\n".write(to: table, atomically: true, encoding: .utf8)
        let one = TestSupport.run(["regions", "--municipalities-file", lines.path, "--year", "2017", "--format", "csv", "--locale", "en"])
        #expect(one.exitCode == 0)
        #expect(one.stdout.contains("GM0503,Delft,Zuid-Holland,101381") && one.stdout.contains("GM1783,Westland,Zuid-Holland,105632"))
        #expect(one.stdout.contains("GM0820,\"Nuenen, Gerwen en Nederwetten\""))
        let two = TestSupport.run(["regions", "--municipalities-file", table.path, "--year", "2017", "--format", "csv", "--locale", "en"])
        #expect(two.exitCode == 0)
        #expect(two.stdout.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("GM") }.map { $0.prefix(6) } == ["GM0503", "GM1783"])
        try "Delft\nDelfd\n".write(to: lines, atomically: true, encoding: .utf8)
        let bad = TestSupport.run(["regions", "--municipalities-file", lines.path, "--year", "2017"])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("set.txt:2:1") && bad.stderr.contains("did you mean Delft (GM0503)"))
    }

    @Test func aMergedNameGetsItsSuccessor() throws {
        let outcome = TestSupport.run(["allocate", "--total", "100", "--municipalities", "Leiden, Bussum, Leidn", "--year", "2020"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("Bussum (GM0381) is not a municipality on 1 January 2020; CBS lists it on 1 January 2015 only; on 1 January 2016 it merged into Gooise Meren (GM1942)"))
        #expect(outcome.stderr.contains("'Leidn' is not a municipality on 1 January 2020; did you mean Leiden (GM0546)"))
        // Haren joined Groningen in 2019; Littenseradiel was split over three in 2018.
        let haren = TestSupport.run(["regions", "--municipalities", "Haren", "--year", "2024"])
        #expect(haren.stderr.contains("on 1 January 2019 it merged into Groningen (GM0014)"))
        let split = TestSupport.run(["regions", "--municipalities", "Littenseradiel", "--year", "2019"])
        #expect(split.stderr.contains("merged into (split over) Leeuwarden (GM0080), Súdwest-Fryslân (GM1900) and Waadhoeke (GM1949)"))
        let weesp = try #require(MunicipalityCode("GM0457"))
        #expect(data.successors(of: weesp, in: 2023).map(\.rawValue) == ["GM0363"])
        #expect(data.successors(of: weesp, in: 2022).isEmpty)
    }

    @Test func initWritesAPlanForASet() throws {
        let outcome = TestSupport.run(["init", "--municipalities", "Leiden, Katwijk", "--name", "Leidse regio", "--year", "2018"])
        #expect(outcome.exitCode == 0)
        let loaded = try PlanLoader.load(bytes: Array(outcome.stdout.utf8), file: "p.json")
        #expect(loaded.plan.region.name == "Leidse regio")
        #expect(loaded.plan.region.code == nil)
        #expect(loaded.plan.region.municipalities.map(\.code.rawValue) == ["GM0546", "GM0537"])
        #expect(TestSupport.run(["init", "--municipalities", "Leiden"]).stderr.contains("add --name NAME"))
    }

    @Test func theHaaglanden2018PlanWarnsAboutWestlandOnly() throws {
        let outcome = TestSupport.run(["check", "--locale", "en", "Fixtures/haaglanden-2018.json"])
        let warnings = outcome.stdout.split(separator: "\n").filter { $0.contains("[cbs-inhabitants]") || $0.contains("[cbs-membership]") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("Westland (GM1783) has 105,885 inwoners on 2017-09-27, but CBS gives 105,632 on 1 January 2017, the last 1 January before 2017-09-27") == true)
    }
}

extension CBSEarlyYearsTests {
    @Test func aSpreadsheetNamingAMergedMunicipalitySaysWhatItBecame() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-merged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("inwoners.csv")
        try "gemeente,inwoners\nBussum,32870\nHilversum,87000\n".write(to: file, atomically: true, encoding: .utf8)
        let outcome = TestSupport.run(["allocate", "--total", "100", "--weights", file.path, "--region", "gooi-en-vechtstreek", "--year", "2020"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr.contains("line 2: Bussum (GM0381) is not a municipality on 1 January 2020 (CBS lists it on 1 January 2015 only; on 1 January 2016 it merged into Gooise Meren (GM1942))"))
    }
}

extension CBSEarlyYearsTests {
    @Test func aPlanKeyedToAYearAfterAMergerSaysWhatItBecame() throws {
        // Groot Amsterdam's starter plan of 2022 lists Weesp; keyed to 1 January 2023 it cannot be split.
        let plan = TestSupport.run(["init", "--region", "groot-amsterdam", "--year", "2022"]).stdout
        let keyed = plan.replacingOccurrences(of: "\"source\": \"cbs\", \"date\": \"2022-01-01\"", with: "\"source\": \"cbs\", \"date\": \"2023-01-01\"")
        #expect(keyed != plan)
        let loaded = try PlanLoader.load(bytes: Array(keyed.utf8), file: "p.json")
        let messages = PlanChecker.check(loaded, locale: .en).filter { $0.rule == "cbs-inhabitants" }.map(\.message)
        #expect(messages.contains("CBS has no municipality GM0457 on 1 January 2023, so allocation \"bijdrage-2022\" has no inhabitants for it; by then it had merged into Amsterdam (GM0363)"))
    }

    /// A set without --name is named by its size in the reader's language, in title and facts.
    @Test func anUnnamedSetIsNamedByItsSizeInTheReadersLanguage() {
        let dutch = TestSupport.run(["allocate", "--total", "100000", "--municipalities", "Leiden, Katwijk, Voorschoten", "--year", "2019"])
        #expect(dutch.exitCode == 0)
        #expect(dutch.stdout.hasPrefix("Verdeling naar inwonertal, 3 gemeenten 2019\n"))
        #expect(dutch.stdout.contains("3 gemeenten op 1 januari 2019"))
        #expect(!dutch.stdout.contains("municipalities"))
        let english = TestSupport.run(["allocate", "--total", "100000", "--municipalities", "Leiden, Katwijk, Voorschoten", "--year", "2019", "--locale", "en"])
        #expect(english.stdout.contains("3 municipalities on 1 January 2019"))
        #expect(!english.stdout.contains("gemeenten"))
    }
}
