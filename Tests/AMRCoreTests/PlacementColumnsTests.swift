import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// A placement export whose columns are headed otherwise (`Woongemeente`), named with
/// `--column ROLE=HEADER`; Dutch quarters as `2018-K2`.
@Suite struct PlacementColumnsTests {
    static let fixture = "Fixtures/plaatsingen-haaglanden-2018.csv"

    /// The fixture with its header's `gemeente` renamed.
    func renamed(_ header: String) throws -> String {
        let text = try String(contentsOfFile: TestSupport.root.appendingPathComponent(Self.fixture).path, encoding: .utf8)
        guard let newline = text.firstIndex(of: "\n") else { return "" }
        let first = text[..<newline].replacingOccurrences(of: "gemeente", with: header)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-pl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("p.csv").path
        try Data((first + text[newline...]).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aMappedColumnCountsAsTheUsualOne() throws {
        let usual = TestSupport.run(["placements", Self.fixture, "--by", "gemeente,sector", "--format", "csv"])
        let path = try renamed("Werkgemeente")
        let mapped = TestSupport.run(["placements", path, "--by", "gemeente,sector", "--column", "gemeente=Werkgemeente", "--format", "csv"])
        #expect(usual.exitCode == 0 && mapped.exitCode == 0, "\(mapped.stderr)")
        #expect(mapped.stdout == usual.stdout)
        let twice = TestSupport.run(["placements", path, "--by", "gemeente,sector", "--column", "gemeente=Werkgemeente", "--column", "sector=sector",
                                     "--format", "csv"])
        #expect(twice.stdout == usual.stdout, "\(twice.stderr)")
    }

    @Test func woongemeenteIsRecognisedWithoutTheOption() throws {
        let usual = TestSupport.run(["placements", Self.fixture, "--by", "gemeente", "--format", "csv"])
        let mapped = TestSupport.run(["placements", try renamed("Woongemeente"), "--by", "gemeente", "--format", "csv"])
        #expect(mapped.stdout == usual.stdout, "\(mapped.stderr)")
    }

    @Test func refusalsSayWhatToType() throws {
        let path = try renamed("Werkgemeente")
        let missing = TestSupport.run(["placements", path, "--by", "gemeente"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("cannot group by gemeente: the header has no such column (found: datum, werkgemeente, sector, doelgroep, dossier); say which column it is with --column gemeente=HEADER"))
        let cases: [([String], String)] = [
            (["--column", "gemeente=Stad"], "--column gemeente=Stad: the header has no column 'Stad' (found: datum, werkgemeente, sector, doelgroep, dossier); type --column gemeente= with one of those"),
            (["--column", "gemeent=Werkgemeente"], "--column 'gemeent=Werkgemeente': 'gemeent' is not a column amr reads; did you mean --column gemeente=Werkgemeente?"),
            (["--column", "Werkgemeente"], "--column 'Werkgemeente' names no role; type --column ROLE=HEADER with ROLE one of datum, gemeente, sector, doelgroep, e.g. --column gemeente=Woongemeente"),
            (["--column", "gemeente=A", "--column", "gemeente=B"], "--column names gemeente twice; give each role once"),
        ]
        for (options, message) in cases {
            let outcome = TestSupport.run(["placements", path, "--by", "gemeente"] + options)
            #expect(outcome.exitCode == 2, "\(options)")
            #expect(outcome.stdout == "")
            #expect(outcome.stderr.contains(message), "\(options): \(outcome.stderr)")
        }
    }

    @Test func dutchQuartersAreK() {
        let nl = TestSupport.run(["placements", Self.fixture, "--by", "quarter"])
        #expect(nl.stdout.contains("2018-K2") && !nl.stdout.contains("2018-Q2"))
        let en = TestSupport.run(["placements", Self.fixture, "--by", "quarter", "--locale", "en"])
        #expect(en.stdout.contains("2018-Q2"))
        // Scripts keep the stable key.
        let csv = TestSupport.run(["placements", Self.fixture, "--by", "quarter", "--format", "csv"])
        #expect(csv.stdout.contains("2018-Q2;127"))
    }

    @Test func periodsInDutch() {
        let dutch = TestSupport.run(["placements", Self.fixture, "--by", "gemeente,kwartaal", "--format", "csv"])
        let english = TestSupport.run(["placements", Self.fixture, "--by", "gemeente,quarter", "--format", "csv"])
        #expect(dutch.exitCode == 0 && dutch.stdout == english.stdout)
        let week = TestSupport.run(["placements", Self.fixture, "--by", "week"])
        #expect(week.exitCode == 2)
        #expect(week.stderr.contains("(or jaar, kwartaal, maand); type e.g. --by gemeente,kwartaal"))
    }
}
