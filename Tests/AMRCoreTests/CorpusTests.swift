import Foundation
import Testing
@testable import amr

/// The bad-input corpus: every case in Corpus/cases.json runs amr in-process and must exit with
/// its code, print nothing on stdout and exactly its one-line message on stderr. Rewritten with
/// AMR_UPDATE_GOLDEN=1 (review the diff: every message must name the place and what is right).
@Suite struct CorpusTests {
    struct Case: Codable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var exitCode: Int32
        var stderr: String
        var testDescription: String { name }
    }

    static let manifest = TestSupport.root.appendingPathComponent("Tests/AMRCoreTests/Corpus/cases.json")

    static func cases() -> [Case] {
        guard let data = FileManager.default.contents(atPath: manifest.path),
              let cases = try? JSONDecoder().decode([Case].self, from: data) else { return [] }
        return cases
    }

    @Test func theCorpusHasAtLeastFiftyCases() {
        #expect(Self.cases().count >= 50)
        #expect(Set(Self.cases().map(\.name)).count == Self.cases().count)
    }

    @Test(arguments: cases())
    func badInputGivesAOneLineMessageAndExitTwo(_ testCase: Case) {
        let outcome = TestSupport.run(testCase.arguments)
        #expect(outcome.stdout == "", "\(testCase.name) printed on stdout")
        if TestSupport.updating { Self.record(testCase.name, outcome) ; return }
        #expect(outcome.exitCode == testCase.exitCode, "\(testCase.name)")
        #expect(outcome.stderr == testCase.stderr, "\(testCase.name)")
        #expect(outcome.stderr.hasPrefix("amr: error: "), "\(testCase.name)")
    }

    static let recorder = NSLock()

    static func record(_ name: String, _ outcome: Outcome) {
        recorder.lock()
        defer { recorder.unlock() }
        var all = cases()
        guard let index = all.firstIndex(where: { $0.name == name }) else { return }
        all[index].exitCode = outcome.exitCode
        all[index].stderr = outcome.stderr
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        if let data = try? encoder.encode(all) { try? data.write(to: manifest) }
    }
}
