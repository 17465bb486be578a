import Foundation
import Testing
@testable import AMRCore
@testable import amr

@Suite struct CheckCommandTests {
    @Test(arguments: ["text", "json", "github", "sarif", "junit"])
    func fixturesGolden(format: String) {
        let outcome = TestSupport.run(["check", "Fixtures/", "--format", format])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr == "")
        let suffix = ["text": "txt", "junit": "junit.xml"][format] ?? format
        TestSupport.expectGolden(outcome.stdout, "check-fixtures.\(suffix)")
    }

    /// The published tables' real errors and nothing else: the two Haaglanden cent errors, the
    /// Veenstreek column and grand total, the outflow table whose total is not its rows' sum, and
    /// the illustrative tables' row total, column total, number stated twice, percentage and
    /// budget line stated twice. Rijnmond 2022–2025 adds up: nothing.
    @Test func findsExactlyTheRealErrors() throws {
        let outcome = TestSupport.run(["check", "Fixtures", "--format", "json"])
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        guard case .array(let items)? = json.value(at: "/findings")?.kind else { Issue.record("no findings array"); return }
        let summary = items.map { item -> String in
            func text(_ key: String) -> String {
                switch item.value(at: "/\(key)")?.kind {
                case .string(let s)?: s
                case .number(let n)?: n
                default: ""
                }
            }
            return "\(text("file")):\(text("line")):\(text("column")) \(text("rule")) \(text("stated"))→\(text("expected"))"
        }
        #expect(summary == [
            "Fixtures/haaglanden-2017.json:30:17 allocation-sum 154000.00→154000.01",
            "Fixtures/haaglanden-2017.json:34:68 allocation-share 100782.17→100782.16",
            "Fixtures/haaglanden-2018.json:20:86 cbs-inhabitants 105885→105632",
            "Fixtures/haaglanden-2018.json:180:17 allocation-sum 159500.00→159499.99",
            "Fixtures/haaglanden-2018.json:188:68 allocation-share 104360.18→104360.19",
            "Fixtures/veenstreek-2019-2021.json:28:17 allocation-sum 240000.00→240001.00",
            "Fixtures/veenstreek-2019-2021.json:35:47 allocation-share 38364.00→38363.00",
            "Fixtures/veenstreek-2019-2021.json:83:82 grand-total 79500.00→795000.00",
            "Fixtures/veenstreek-monitor-2021.json:117:16 count-total 600→504",
            "Fixtures/veenstreek-tabellen-2020.json:30:38 consistency 120000.00→125400.00",
            "Fixtures/veenstreek-tabellen-2020.json:54:122 table-row-total 218→208",
            "Fixtures/veenstreek-tabellen-2020.json:61:29 table-column-total 287→278",
            "Fixtures/veenstreek-tabellen-2020.json:78:109 consistency 389→412",
            "Fixtures/veenstreek-tabellen-2020.json:102:77 table-percentage 8→9",
            "Fixtures/zuid-kennemerland-ijmond-2017.json:17:23 cbs-membership →",
        ])
        #expect(json.value(at: "/summary/errors")?.kind == .number("13"))
        #expect(json.value(at: "/summary/files")?.kind == .number("9"))
    }

    @Test func aCleanFileExitsZero() {
        let outcome = TestSupport.run(["check", "Fixtures/zuid-kennemerland-ijmond-2017.json", "Fixtures/gooi-vechtstreek-monitor-2020.json",
                                       "Fixtures/rijnmond-2022-2025.json"])
        #expect(outcome.exitCode == 0)
        // The one warning: CBS's table of 2016 still puts Uitgeest in Zuid-Kennemerland en IJmond,
        // which the plan (from mid-2015) no longer lists.
        #expect(outcome.stdout.hasSuffix("3 bestanden gecontroleerd: 0 fouten, 1 waarschuwing\n"))
        #expect(outcome.stdout.components(separatedBy: "warning[").count == 2)
    }

    @Test func unusableFilesExitTwoAndTheOthersAreStillChecked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let broken = directory.appendingPathComponent("broken.json").path
        try Data("{ \"schemaVersion\": 1,, }".utf8).write(to: URL(fileURLWithPath: broken))
        let outcome = TestSupport.run(["check", broken, "Fixtures/gooi-vechtstreek-monitor-2020.json"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: \(broken):1:22: invalid JSON: unexpected ','; expected a key in double quotes\n")
        #expect(outcome.stdout == "1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen; 1 bestand kon niet worden gebruikt\n")
    }

    @Test func warningsPassUnlessStrict() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("plan.json").path
        let text = try String(contentsOfFile: TestSupport.fixture("gooi-vechtstreek-monitor-2020.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"kind\": \"monitor\",", with: "\"kind\": \"monitor\", \"titel\": \"x\",")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let lenient = TestSupport.run(["check", path])
        #expect(lenient.exitCode == 0)
        #expect(lenient.stdout.contains("warning[unknown-key]: onbekende sleutel \"titel\" wordt genegeerd; bedoelt u \"title\"?"))
        #expect(lenient.stdout.hasSuffix("1 bestand gecontroleerd: 0 fouten, 1 waarschuwing\n"))
        let english = TestSupport.run(["check", "--locale", "en", path])
        #expect(english.stdout.contains("warning[unknown-key]: unknown key \"titel\" is ignored; did you mean \"title\"?"))
        #expect(english.stdout.hasSuffix("checked 1 file: 0 errors, 1 warning\n"))
        let strict = TestSupport.run(["check", "--strict", path])
        #expect(strict.exitCode == 1)
        #expect(strict.stdout.hasSuffix("1 bestand gecontroleerd: 1 fout, 0 waarschuwingen\n"))
        #expect(strict.stdout.contains("   = hint: verwijder de sleutel of corrigeer de spelling\n"))
    }

    @Test func usageErrors() {
        #expect(TestSupport.run(["check"]).stderr.contains("give the plan files or directories to check"))
        #expect(TestSupport.run(["check", "--format", "xml", "Fixtures"]).exitCode == 2)
        let missing = TestSupport.run(["check", "nope.json"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr == "amr: error: nope.json: cannot read: no such file\n")
    }

    @Test func githubAnnotationsEscapeTheirProperties() {
        #expect(FindingRenderer.property("a:b,c%") == "a%3Ab%2Cc%25")
        #expect(FindingRenderer.data("line\nbreak 100%") == "line%0Abreak 100%25")
    }
}
