import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// `amr check` as a CI job runs it: every file accounted for in every format, documents written
/// even when no file could be used, directory scans that skip what is not a plan, --exclude.
@Suite struct CheckCITests {
    /// A scratch folder with a good plan, a broken one and what a plans repository also holds.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amr-check-ci-\(UUID().uuidString)")
        let plans = folder.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans.appendingPathComponent("node_modules/x"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: plans.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        let good = try String(contentsOf: URL(fileURLWithPath: TestSupport.fixture("rijnmond-2022-2025.json")), encoding: .utf8)
        try good.write(to: plans.appendingPathComponent("good.json"), atomically: true, encoding: .utf8)
        try "{ \"schemaVersion\": 1, \"id\": \"broken\",\n  \"title\": }".write(to: plans.appendingPathComponent("broken.json"), atomically: true, encoding: .utf8)
        try "{ \"half\": ".write(to: plans.appendingPathComponent("drafts/draft.json"), atomically: true, encoding: .utf8)
        try "{ \"name\": \"plans\", \"version\": \"1.0.0\" }".write(to: plans.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        try "{ \"name\": \"x\" }".write(to: plans.appendingPathComponent("node_modules/x/index.json"), atomically: true, encoding: .utf8)
        let schema = TestSupport.run(["schema"]).stdout
        try schema.write(to: plans.appendingPathComponent("plan.schema.json"), atomically: true, encoding: .utf8)
        return folder
    }

    static let brokenOnly = ["check", "plans/broken.json"]

    @Test func aSchemaPackageJSONAndNodeModulesAreSkippedWithANote() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = TestSupport.run(["check", "--exclude", "drafts", "--exclude", "broken.json", "plans"], in: folder)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout == "1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen; 3 bestanden overgeslagen (geen plan)\n")
        #expect(outcome.stderr.contains("amr: note: plans/node_modules overgeslagen: een map node_modules"))
        #expect(outcome.stderr.contains("amr: note: plans/package.json overgeslagen: een npm-pakketbeschrijving"))
        #expect(outcome.stderr.contains("amr: note: plans/plan.schema.json overgeslagen: een JSON Schema"))
        // In English with --locale en.
        let english = TestSupport.run(["check", "--locale", "en", "--exclude", "drafts", "--exclude", "broken.json", "plans"], in: folder)
        #expect(english.stdout == "checked 1 file: 0 errors, 0 warnings; 3 files skipped as not a plan\n")
        #expect(english.stderr.contains("amr: note: skipped plans/node_modules: a node_modules folder"))
        #expect(english.stderr.contains("amr: note: skipped plans/package.json: an npm package manifest"))
        #expect(english.stderr.contains("amr: note: skipped plans/plan.schema.json: a JSON Schema"))
    }

    /// A plan that fails to load is never skipped: a broken file is reported.
    @Test func aBrokenPlanInAScanIsReportedNotHidden() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = TestSupport.run(["check", "plans"], in: folder)
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr.contains("amr: error: plans/broken.json:2:12"))
        #expect(outcome.stderr.contains("amr: error: plans/drafts/draft.json"))
        #expect(outcome.stdout.hasSuffix("1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen; 2 bestanden konden niet worden gebruikt; 3 bestanden overgeslagen (geen plan)\n"))
    }

    @Test func excludeTakesGlobsAndPaths() {
        #expect(PathGlob("drafts").matches("plans/drafts/a.json"))
        #expect(PathGlob("*.draft.json").matches("plans/x.draft.json"))
        #expect(!PathGlob("*.draft.json").matches("plans/x.json"))
        #expect(PathGlob("plans/archive/**").matches("plans/archive/2019/a.json"))
        #expect(PathGlob("./plans/archive").matches("plans/archive/a.json"))
        #expect(!PathGlob("plans/archive").matches("old/plans/archive/a.json"))
        #expect(PathGlob("**/202[0-2]-*.json").matches("a/b/2021-plan.json"))
        #expect(!PathGlob("**/202[0-2]-*.json").matches("a/b/2023-plan.json"))
        #expect(PathGlob("pl?ns").matches("plans/a.json"))
    }

    /// A hook given only files that are no plans (or all excluded) has nothing to check: said, no failure.
    @Test func nothingLeftToCheckIsANoteNotAFailure() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = TestSupport.run(["check", "--exclude", "plans", "plans"], in: folder)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "amr: note: geen planbestanden over om te controleren na --exclude\n")
        #expect(outcome.stdout == "0 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen\n")
        let english = TestSupport.run(["check", "--locale", "en", "--exclude", "plans", "plans"], in: folder)
        #expect(english.stderr == "amr: note: no plan files left to check after --exclude\n")
        #expect(english.stdout == "checked 0 files: 0 errors, 0 warnings\n")
        let manifest = TestSupport.run(["check", "--format", "json", "plans/package.json"], in: folder)
        #expect(manifest.exitCode == 0)
        #expect(manifest.stderr.contains("amr: note: plans/package.json overgeslagen: een npm-pakketbeschrijving"))
        let json = try JSONReader.parse(Array(manifest.stdout.utf8), file: "stdout")
        #expect(json.value(at: "/summary/skipped")?.kind == .number("1"))
    }

    @Test func githubAnnotatesAnUnusableFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = TestSupport.run(Self.brokenOnly + ["--format", "github"], in: folder)
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout.hasPrefix("::error file=plans/broken.json,line=2,col=12,title=amr unusable-file::"))
        #expect(outcome.stdout.hasSuffix("0 bestanden gecontroleerd: 0 fouten, 0 waarschuwingen; 1 bestand kon niet worden gebruikt\n"))
    }

    @Test func jsonListsAnUnusableFileAsAFinding() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = TestSupport.run(Self.brokenOnly + ["--format", "json"], in: folder)
        #expect(outcome.exitCode == 2)
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        #expect(json.value(at: "/findings/0/rule")?.kind == .string("unusable-file"))
        #expect(json.value(at: "/findings/0/file")?.kind == .string("plans/broken.json"))
        #expect(json.value(at: "/findings/0/line")?.kind == .number("2"))
        #expect(json.value(at: "/summary/unusable")?.kind == .number("1"))
        #expect(json.value(at: "/summary/files")?.kind == .number("0"))
    }

    @Test(arguments: ["junit", "sarif"])
    func reportsAreWrittenWhenNoFileCouldBeUsed(format: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = TestSupport.run(Self.brokenOnly + ["--format", format, "-o", "report.out"], in: folder)
        #expect(outcome.exitCode == 2)
        let written = try String(contentsOf: folder.appendingPathComponent("report.out"), encoding: .utf8)
        if format == "junit" {
            #expect(written.contains("<testcase name=\"plans/broken.json\""))
            #expect(written.contains("<error message=\"plans/broken.json:2:12"))
            #expect(written.contains("type=\"unusable-file\""))
            #expect(written.contains("errors=\"1\""))
        } else {
            let json = try JSONReader.parse(Array(written.utf8), file: "sarif")
            #expect(json.value(at: "/runs/0/invocations/0/executionSuccessful")?.kind == .bool(false))
            #expect(json.value(at: "/runs/0/invocations/0/toolExecutionNotifications/0/descriptor/id")?.kind == .string("unusable-file"))
            #expect(json.value(at: "/runs/0/artifacts/0/location/uri")?.kind == .string("plans/broken.json"))
        }
    }

    /// A FIFO in a folder would block a reader for ever: a scan skips it with a note.
    @Test func aFIFOInAScanIsSkipped() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("plans/pipe.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let outcome = TestSupport.run(["check", "--exclude", "drafts", "--exclude", "broken.json", "plans"], in: folder)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr.contains("amr: note: plans/pipe.json overgeslagen: geen gewoon bestand"))
    }
}
