import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// `amr init`: a starter plan for every region and year that loads, passes `amr check` and
/// follows `amr schema` as written.
@Suite struct InitCommandTests {
    @Test(arguments: Array(2015...2025))
    func everyRegionsStarterPlanPassesCheckAndTheSchema(year: Int) throws {
        let data = try CBSData.embedded()
        let figures = try data.figures(for: year)
        let schema = try JSONReader.parse(Array(PlanSchema.text.utf8), file: "schema")
        #expect(figures.regions.count == 35)
        for region in figures.regions {
            let outcome = TestSupport.run(["init", "--region", region.code.rawValue, "--year", String(year)])
            #expect(outcome.exitCode == 0, "\(region.label) \(year)")
            #expect(outcome.stderr == "")
            let file = "\(region.slug)-\(year).json"
            let loaded = try PlanLoader.load(bytes: Array(outcome.stdout.utf8), file: file)
            #expect(loaded.warnings.isEmpty)
            #expect(PlanChecker.check(loaded, locale: .nl, strict: true).map { "\($0.location): \($0.rule): \($0.message)" } == [], "\(file)")
            let value = try JSONReader.parse(Array(outcome.stdout.utf8), file: file)
            #expect(SchemaValidator(root: schema).validate(value, against: schema) == [], "\(file)")
            // Every municipality of the region, with its CBS inhabitants on 1 January.
            let plan = loaded.plan
            #expect(plan.region.code == region.code)
            #expect(plan.region.municipalities.map(\.code) == region.municipalities.map(\.code))
            #expect(plan.region.municipalities.map { $0.observations(of: "inwoners", on: figures.date).first?.value }
                    == region.municipalities.map { ExactDecimal(significand: Int64($0.inhabitants)) })
            #expect(plan.region.centreMunicipality == nil)
            #expect(plan.allocations.first?.key == .cbsInhabitants(date: figures.date))
            #expect(plan.allocations.first?.shares.compactMap(\.municipality) == region.municipalities.map(\.code))
            #expect(plan.budgets.first?.lines.isEmpty == true && plan.budgets.first?.total == nil)
            // The note on membership: for a year without a CBS table of the regions, and for 2016's
            // codes, always; for 2020–2023 where a municipality's membership is uncertain.
            let backwards = plan.notes.contains { $0.hasPrefix("Region membership for 2020–2023") }
            let derived = plan.notes.contains { $0.hasPrefix("amr has no CBS table of the labour-market regions for \(year)") }
            let codes = plan.notes.contains { $0.hasPrefix("CBS's regions of 2016") }
            switch figures.membership.kind {
            case .own: #expect(backwards == !MembershipCaveat.caveats(for: region.code, in: figures).isEmpty && !derived && !codes)
            case .derived: #expect(derived && !backwards && !codes)
            case .codesOnly: #expect(codes && !backwards && !derived)
            }
        }
    }

    @Test func onceFilledInItSplitsExactly() throws {
        let outcome = TestSupport.run(["init", "--region", "zaanstreek-waterland", "--year", "2025"])
        let filled = outcome.stdout.replacingOccurrences(of: "\"lines\": [] }", with: "\"lines\": [ { \"name\": \"Werkgeversservicepunt\", \"amount\": \"250000.00\" } ], \"total\": \"250000.00\" }")
        let loaded = try PlanLoader.load(bytes: Array(filled.utf8), file: "p.json")
        let report = try PlanAllocator.allocate(try #require(loaded.plan.allocations.first), in: loaded)
        #expect(report.rows.count == 7)
        #expect(try Money.sum(report.rows.map(\.amount)) == Money(cents: 25_000_000))
        #expect(PlanChecker.check(loaded).isEmpty)
    }

    @Test func itDoesNotOverwriteAPlanWithoutForce() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("amr-init-\(UUID().uuidString).json").path
        let first = TestSupport.run(["init", "--region", "haaglanden", "-o", path])
        #expect(first.exitCode == 0 && first.stdout == "")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path))
        let second = TestSupport.run(["init", "--region", "haaglanden", "-o", path])
        #expect(second.exitCode == 2)
        #expect(second.stderr == "amr: error: \(path) exists; amr init does not overwrite a plan file: choose another name, or add --force (see 'amr help init')\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}")
        let forced = TestSupport.run(["init", "--region", "haaglanden", "-o", path, "--force"])
        #expect(forced.exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{\n  \"schemaVersion\": 1,"))
        let checked = TestSupport.run(["check", path])
        #expect(checked.exitCode == 0)
        #expect(checked.stdout == "1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen\n")
    }

    @Test(arguments: [
        (["init"], "give the region with --region REGION, e.g. --region haaglanden (see 'amr help init')"),
        (["init", "haaglanden"], "give the region with --region REGION, e.g. --region haaglanden (got 'haaglanden'; write --region haaglanden) (see 'amr help init')"),
        (["init", "--region", "haaglanden", "extra.json"], "'amr init' takes no files; write the plan with -o FILE (see 'amr help init')"),
        (["init", "--region", "Veenstreek"], "'Veenstreek' is not a labour-market region; 'amr regions' lists the regions with their codes and names (see 'amr help init')"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let outcome = TestSupport.run(arguments)
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: \(message)\n")
    }
}
