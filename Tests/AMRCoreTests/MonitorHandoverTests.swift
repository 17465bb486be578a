import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// A monitor an analyst can hand over: changes in CSV and on their own sheet, a --previous that
/// cannot be compared refused, counts whole and percentages with `%`, tables as wide as the
/// terminal.
@Suite struct MonitorHandoverTests {
    static let now = "Fixtures/veenstreek-monitor-2021.json"
    static let earlier = "Fixtures/veenstreek-monitor-2021-q1.json"

    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("amr-mon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func csvCarriesThePreviousLightTheChangeAndTheTrend() {
        let with = TestSupport.run(["monitor", Self.now, "--previous", Self.earlier, "--format", "csv"])
        #expect(with.exitCode == 0)
        let lines = with.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix(";note;previous_light;change;trend") == true)
        #expect(lines.contains { $0.hasPrefix("target;matches-zuid;") && $0.hasSuffix(";oranje;better;160") })
        #expect(lines.contains { $0.hasPrefix("target;servicenorm;") && $0.hasSuffix(";groen;worse;-6") })
        #expect(lines.contains { $0.hasPrefix("target;werkgevers-noord;") && $0.hasSuffix(";rood;same;18") })
        #expect(lines.contains { $0.hasPrefix("subproject;") && $0.hasSuffix(";groen;changed;") })
        let without = TestSupport.run(["monitor", Self.now, "--format", "csv"])
        #expect(without.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").first?.hasSuffix(";note") == true)
        #expect(without.stdout != with.stdout)
    }

    @Test func lightChanges() {
        #expect(MonitorRenderer.change(from: .orange, to: .green) == "better")
        #expect(MonitorRenderer.change(from: .green, to: .red) == "worse")
        #expect(MonitorRenderer.change(from: .red, to: .red) == "same")
        #expect(MonitorRenderer.change(from: nil, to: .red) == "new")
        #expect(MonitorRenderer.change(from: .green, to: .done) == "changed")
    }

    @Test func theWorkbookPutsTheChangesOnASheetOfTheirOwn() throws {
        let path = try directory().appendingPathComponent("m.xlsx").path
        let outcome = TestSupport.run(["monitor", Self.now, "--previous", Self.earlier, "--format", "xlsx", "-o", path])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let changes = try WorkbookReader.records(bytes: bytes, file: "m.xlsx", sheet: "Wijzigingen")
        #expect(changes.contains { $0.fields.contains("Matches, cluster Zuid") })
        let tables = try WorkbookReader.records(bytes: bytes, file: "m.xlsx", sheet: "Tabellen")
        #expect(!tables.contains { $0.fields.contains("Matches, cluster Zuid") })
    }

    @Test func aPreviousMonitorThatCannotBeComparedIsRefused() throws {
        let later = TestSupport.run(["monitor", Self.earlier, "--previous", Self.now])
        #expect(later.exitCode == 2)
        #expect(later.stdout == "")
        #expect(later.stderr.hasPrefix("amr: error: --previous Fixtures/veenstreek-monitor-2021.json stands at 2021-06-30, which is not before this report's date 2021-03-31; give an earlier monitor as --previous"))
        let same = TestSupport.run(["monitor", Self.now, "--previous", Self.now])
        #expect(same.exitCode == 2)
        let region = TestSupport.run(["monitor", Self.now, "--previous", "Fixtures/gooi-vechtstreek-monitor-2020.json"])
        #expect(region.exitCode == 2)
        #expect(region.stderr.hasPrefix("amr: error: --previous Fixtures/gooi-vechtstreek-monitor-2020.json is a monitor of Gooi en Vechtstreek, but Fixtures/veenstreek-monitor-2021.json is of Veenstreek; give an earlier monitor of Veenstreek, or leave out --previous"))
        // The same region, no line in common: another plan.
        let text = try String(contentsOfFile: TestSupport.root.appendingPathComponent(Self.earlier).path, encoding: .utf8)
        let other = try directory().appendingPathComponent("other.json")
        try Data(text.replacingOccurrences(of: "\"id\": \"", with: "\"id\": \"x-").utf8).write(to: other)
        let plan = TestSupport.run(["monitor", Self.now, "--previous", other.path])
        #expect(plan.exitCode == 2)
        #expect(plan.stderr.contains("has no target or sub-project in common with Fixtures/veenstreek-monitor-2021.json (lines are matched by id), so it is another plan"))
    }

    @Test func countsAreWholeAndPercentagesCarryPercent() {
        let table = TestSupport.run(["monitor", Self.now])
        #expect(table.stdout.contains("19.756") && !table.stdout.contains("19.755,6"))
        #expect(!table.stdout.contains("59,5"))
        #expect(table.stdout.contains("80%") && table.stdout.contains("76% (30-06-2021)") && table.stdout.contains("-4%"))
        let json = TestSupport.run(["monitor", Self.now, "--format", "json"])
        #expect(json.stdout.contains("\"expected\": \"19755.62\""))
        let html = TestSupport.run(["monitor", Self.now, "--format", "html"])
        #expect(html.stdout.contains("text-anchor=\"end\">80%</text>"))
        let english = TestSupport.run(["monitor", Self.now, "--locale", "en"])
        #expect(english.stdout.contains("19,756") && english.stdout.contains("76% (2021-06-30)"))
    }

    @Test func tablesUseTheTerminalsWidth() {
        let name = "Werkzoekenden zichtbaar voor werkgevers (35% van 72.000 in 2021)"
        func run(_ arguments: [String], columns: String?) -> String {
            Tool.run(["monitor", Self.now] + arguments,
                     environment: Environment(variables: columns.map { ["COLUMNS": $0] } ?? [:], stdoutIsTerminal: false)).stdout
        }
        #expect(run([], columns: "250").contains(name))
        let narrow = run([], columns: "120")
        #expect(!narrow.contains(name))
        #expect(narrow.contains("Werkzoekenden zichtbaar voor w"))
        #expect(narrow.split(separator: "\n").filter { $0.hasPrefix("●") }.allSatisfy { $0.count <= 120 })
        #expect(run(["--wide"], columns: "120").contains(name))
        #expect(run(["--wide"], columns: nil).contains(name))
        // Without a terminal or COLUMNS, the fixed caps (a file keeps its layout).
        #expect(!run([], columns: nil).contains(name))
    }
}
