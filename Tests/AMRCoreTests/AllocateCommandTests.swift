import Foundation
import Testing
@testable import AMRCore
@testable import amr

@Suite struct AllocateCommandTests {
    let h2018 = "Fixtures/haaglanden-2018.json"
    let h2017 = "Fixtures/haaglanden-2017.json"

    /// A temporary weights file with `text`; the directory is unique per call.
    func weightsFile(_ text: String, name: String = "weights.csv") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func shares(_ outcome: Outcome) throws -> [(name: String, amount: String, stated: String?)] {
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        guard case .array(let items)? = json.value(at: "/shares")?.kind else { return [] }
        return items.map { item in
            func text(_ key: String) -> String? {
                if case .string(let s)? = item.value(at: "/\(key)")?.kind { return s }
                return nil
            }
            return (text("name") ?? "", text("amount") ?? "", text("stated"))
        }
    }

    func string(_ outcome: Outcome, _ pointer: String) throws -> String? {
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        if case .string(let s)? = json.value(at: pointer)?.kind { return s }
        return nil
    }

    @Test func haaglanden2018GivesDenHaagTheLostCent() throws {
        let outcome = TestSupport.run(["allocate", h2018, "--format", "json"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr == "")
        let rows = try shares(outcome)
        #expect(rows.map(\.amount) == ["20157.18", "104360.19", "3784.45", "21052.69", "10145.49"])
        #expect(rows.map(\.stated) == ["20157.18", "104360.18", "3784.45", "21052.69", "10145.49"])
        let cents = rows.compactMap { try? Money.parse($0.amount).get().cents }
        #expect(cents.reduce(0, +) == 15_950_000)
        #expect(try string(outcome, "/total") == "159500.00")
        #expect(try string(outcome, "/unit") == "0.01")
        #expect(try string(outcome, "/method") == "largest-remainder")
        #expect(try string(outcome, "/shares/1/difference") == "-0.01")
        #expect(try string(outcome, "/shares/0/difference") == "0.00")
        #expect(try string(outcome, "/statedSum") == "159499.99")
        #expect(try string(outcome, "/sumDifference") == "-0.01")
        #expect(try string(outcome, "/basis/budgetTotal") == "286500.00")
        #expect(try string(outcome, "/basis/carryOver") == "127000.00")
    }

    @Test func haaglanden2017SumsExactlyAndReportsTheExtraCent() throws {
        let outcome = TestSupport.run(["allocate", h2017, "--format", "json"])
        #expect(outcome.exitCode == 1)
        let rows = try shares(outcome)
        #expect(rows.count == 5)
        let cents = rows.compactMap { try? Money.parse($0.amount).get().cents }
        #expect(cents.count == 5 && cents.reduce(0, +) == 15_400_000)
        #expect(try string(outcome, "/statedSum") == "154000.01")
        #expect(try string(outcome, "/sumDifference") == "0.01")
    }

    @Test func tableNamesTheWrongRowAndTheSumInDutchByDefault() {
        let outcome = TestSupport.run(["allocate", h2018])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("De vermelde verdeling wijkt in 1 rij af: Den Haag is € 0,01 te laag vermeld."))
        #expect(outcome.stdout.contains("De vermelde aandelen tellen op tot € 159.499,99, € 0,01 minder dan € 159.500,00."))
        #expect(outcome.stdout.contains("gemeente   inwoners  % inwoners  exact aandeel       vermeld  verschil"))
    }

    @Test func tableNamesTheWrongRowAndTheSumInEnglish() {
        let outcome = TestSupport.run(["allocate", h2018, "--locale", "en"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("Den Haag is stated €0.01 too low"))
        #expect(outcome.stdout.contains("The stated shares add up to €159,499.99, €0.01 short of €159,500.00."))
        #expect(!outcome.stdout.contains("vermeld"))
    }

    @Test(arguments: ["table", "markdown", "html", "csv", "json"], ["nl", "en"])
    func haaglanden2018Golden(format: String, locale: String) {
        let outcome = TestSupport.run(["allocate", h2018, "--format", format, "--locale", locale])
        #expect(outcome.exitCode == 1)
        let suffix = locale == "nl" ? "" : "-en"
        TestSupport.expectGolden(outcome.stdout, "allocate-haaglanden-2018\(suffix).\(ReportCommandTests.extension(format))")
    }

    @Test func englishCSVAndDeterminism() {
        let first = TestSupport.run(["allocate", h2018, "--format", "csv", "--locale", "en"])
        let second = TestSupport.run(["allocate", h2018, "--format", "csv", "--locale", "en"])
        #expect(first == second)
        #expect(!first.stdout.hasPrefix("\u{FEFF}"))
        TestSupport.expectGolden(first.stdout, "allocate-haaglanden-2018-en.csv")
        let dutch = TestSupport.run(["allocate", h2018, "--format", "csv"])
        #expect(dutch.stdout.hasPrefix("\u{FEFF}name;code;inwoners;amount;stated;difference\r\n"))
        #expect(dutch.stdout.contains("\r\nDen Haag;GM0518;524882;104360,19;104360,18;-0,01\r\n"))
    }

    @Test func adHocSplitFromACSV() throws {
        let path = try weightsFile("gemeente,inwoners\nDelft,101381\nDen Haag,524882\nMidden-Delfland,19034\nWestland,105885\nRijswijk,51027\n")
        let outcome = TestSupport.run(["allocate", "--total", "159500.00", "--weights", path, "--format", "json"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        #expect(try shares(outcome).map(\.amount) == ["20157.18", "104360.19", "3784.45", "21052.69", "10145.49"])
        let euros = TestSupport.run(["allocate", "--total", "159500", "--weights", path, "--unit", "1", "--format", "json"])
        let wholeEuros = try shares(euros).map(\.amount)
        #expect(wholeEuros == ["20157", "104360", "3784", "21053", "10146"])
    }

    @Test func divisorMethodsFromTheCommandLine() throws {
        let path = try weightsFile("naam;stemmen\nA;100000\nB;80000\nC;30000\nD;20000\n")
        let dhondt = TestSupport.run(["allocate", "--total", "8", "--weights", path, "--unit", "1", "--method", "dhondt", "--format", "json"])
        #expect(try shares(dhondt).map(\.amount) == ["4", "3", "1", "0"])
        let webster = TestSupport.run(["allocate", "--total", "8", "--weights", path, "--unit", "1", "--method", "sainte-lague", "--format", "json"])
        #expect(try shares(webster).map(\.amount) == ["3", "3", "1", "1"])
    }

    @Test func edgeCases() throws {
        let one = try weightsFile("naam,gewicht\nAlleen,7\n")
        #expect(try shares(TestSupport.run(["allocate", "--total", "100", "--weights", one, "--format", "json"])).map(\.amount) == ["100.00"])
        let someZero = try weightsFile("naam,gewicht\nA,0\nB,1\nC,0\nD,2\n")
        #expect(try shares(TestSupport.run(["allocate", "--total", "0.01", "--weights", someZero, "--format", "json"])).map(\.amount)
                == ["0.00", "0.00", "0.00", "0.01"])
        #expect(try shares(TestSupport.run(["allocate", "--total", "0", "--weights", someZero, "--format", "json"])).map(\.amount)
                == ["0.00", "0.00", "0.00", "0.00"])
    }

    @Test func inputErrorsExitTwoWithOneLineOnStderr() throws {
        let allZero = try weightsFile("naam,gewicht\nA,0\nB,0\n")
        let negative = try weightsFile("naam,gewicht\nA,5\nB,-1\n")
        let cases: [([String], String)] = [
            (["allocate", "--total", "100", "--weights", allZero], "all weights are zero"),
            (["allocate", "--total", "100", "--weights", negative], "negative"),
            (["allocate", "--total", "159500.05", "--weights", allZero, "--unit", "0.10"], "multiple"),
            (["allocate", h2018, "--method", "hare"], "unknown method 'hare'"),
            (["allocate", h2018, "--unit", "0.001"], "--unit '0.001' has more than 2 decimals"),
            (["allocate", h2018, "--unit", "0"], "--unit '0' is not a rounding unit; type a positive amount in euros such as 0,01, 1 or 100"),
            (["allocate", "--total", "159,500,00", "--weights", allZero], "--total '159,500,00' groups its digits other than in threes or has its decimal mark twice; type 1250000, 1.250.000 or 1.250.000,50"),
            (["allocate", "--total", "100"], "--total needs --weights FILE.csv"),
            (["allocate"], "give a plan file"),
            (["allocate", "Fixtures/missing.json"], "Fixtures/missing.json: cannot read: no such file"),
            (["allocate", "Fixtures"], "Fixtures: cannot read: it is a directory; give a file"),
            (["allocate", h2018, "--allocation", "bijdrage-2019"], "has no allocation 'bijdrage-2019'; did you mean 'bijdrage-2018'?"),
            (["allocate", h2018, "--fromat", "csv"], "unknown option '--fromat' for 'amr allocate'; did you mean '--format'?"),
            (["alocate", h2018], "unknown command 'alocate'; did you mean 'allocate'?"),
        ]
        for (arguments, fragment) in cases {
            let outcome = TestSupport.run(arguments)
            #expect(outcome.exitCode == 2, "\(arguments)")
            #expect(outcome.stdout == "", "\(arguments)")
            #expect(outcome.stderr.contains(fragment), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("amr: error: "), "\(arguments)")
        }
    }

    @Test func outputFileIsWrittenAndInputsAreProtected() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("verdeling.csv").path
        let outcome = TestSupport.run(["allocate", h2018, "--format", "csv", "-o", target])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout == "")
        let written = String(decoding: FileManager.default.contents(atPath: target) ?? Data(), as: UTF8.self)
        #expect(written == TestSupport.run(["allocate", h2018, "--format", "csv"]).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["verdeling.csv"])
        let overwrite = TestSupport.run(["allocate", h2018, "-o", h2018])
        #expect(overwrite.exitCode == 2)
        #expect(overwrite.stderr.contains("cannot write the output over an input file"))
        let nowhere = TestSupport.run(["allocate", h2018, "-o", "/nonexistent-dir/x.txt"])
        #expect(nowhere.exitCode == 2)
        #expect(nowhere.stderr.hasPrefix("amr: error: /nonexistent-dir/x.txt: cannot write"))
    }

    @Test func helpAndVersion() {
        let help = TestSupport.run(["allocate", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("amr allocate --total AMOUNT --weights FILE.csv"))
        #expect(help.stdout == TestSupport.run(["help", "allocate"]).stdout)
        #expect(TestSupport.run(["--help"]).stdout.contains("allocate"))
        #expect(TestSupport.run(["--version"]).stdout.hasPrefix("amr \(Tool.version)"))
        #expect(TestSupport.run([]).exitCode == 0)
    }
}
