import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Same input, same bytes, in every format; outputs that are safe in spreadsheets and browsers.
@Suite struct SafetyTests {
    /// Every command in every format and language.
    static let runs: [[String]] = {
        let human = ["table", "markdown", "html", "xlsx", "ods", "docx", "odt", "csv", "json"]
        var runs: [[String]] = []
        for locale in ["nl", "en"] {
            for format in human {
                let options = ["--format", format, "--locale", locale]
                runs.append(["allocate", "Fixtures/haaglanden-2018.json"] + options)
                runs.append(["allocate", "Fixtures/veenstreek-2019-2021.json"] + options)
                runs.append(["allocate", "--total", "159500", "--weights", "Fixtures/haaglanden-inwoners-2017.csv"] + options)
                runs.append(["monitor", "Fixtures/veenstreek-monitor-2021.json", "--previous", "Fixtures/veenstreek-monitor-2021-q1.json"] + options)
                runs.append(["monitor", "Fixtures/gooi-vechtstreek-monitor-2020.json"] + options)
                runs.append(["progress", "Fixtures/zuid-kennemerland-ijmond-2017.json"] + options)
                runs.append(["placements", "Fixtures/plaatsingen-haaglanden-2018.csv", "--by", "gemeente,doelgroep,month"] + options)
            }
            for format in ["text", "json", "github", "sarif", "junit"] {
                runs.append(["check", "Fixtures", "--format", format, "--locale", locale])
            }
        }
        return runs + [["schema"]]
    }()

    @Test(arguments: runs)
    func sameInputSameBytes(arguments: [String]) {
        let first = TestSupport.run(arguments)
        let second = TestSupport.run(arguments)
        #expect(first.exitCode != 2, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(Array(first.stdout.utf8) == Array(second.stdout.utf8))
        #expect(first.binary == second.binary)
        #expect(!first.stdout.isEmpty || !first.binary.isEmpty)
    }

    @Test func jsonOutputsParse() throws {
        for arguments in Self.runs where arguments.contains("json") || arguments.contains("sarif") || arguments == ["schema"] {
            let outcome = TestSupport.run(arguments)
            #expect(throws: Never.self) { try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout") }
        }
    }

    @Test func spreadsheetFormulasAreNeutralised() throws {
        var writer = CSVWriter(locale: .nl)
        writer.append([.text("=HYPERLINK(\"http://x\")"), .text("+31"), .text("-2"), .text("@SUM(A1)"), .text("\tx"), .text("\rx"),
                       .text("Den Haag"), .number(ExactDecimal(significand: -123_450, scale: 2))])
        // Quoted where the text needs it; numbers are left alone.
        #expect(writer.text == "\u{FEFF}\"'=HYPERLINK(\"\"http://x\"\")\";'+31;'-2;'@SUM(A1);'\tx;\"'\rx\";Den Haag;-1234,50\r\n")
    }

    @Test func hostileNamesStayInertInEveryFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let weights = directory.appendingPathComponent("w.csv")
        try Data("naam,gewicht\n\"=cmd|' /C calc'!A0\",1\n\"<script>alert(1)</script>\",2\n\"quote \"\" and \\\\ back\",3\n".utf8).write(to: weights)
        let csv = TestSupport.run(["allocate", "--total", "6", "--weights", weights.path, "--format", "csv", "--locale", "en"])
        #expect(csv.stdout.contains("\r\n'=cmd|' /C calc'!A0,1,1.00\r\n"))
        let json = TestSupport.run(["allocate", "--total", "6", "--weights", weights.path, "--format", "json"])
        let parsed = try JSONReader.parse(Array(json.stdout.utf8), file: "stdout")
        #expect(parsed.value(at: "/shares/2/name")?.kind == .string("quote \" and \\\\ back"))
        let markdown = TestSupport.run(["allocate", "--total", "6", "--weights", weights.path, "--format", "markdown"])
        #expect(markdown.stdout.contains("\\<script\\>alert(1)\\</script\\>"))
    }

    @Test func limitsCanBeRaisedOrLowered() {
        let plan = TestSupport.fixture("haaglanden-2018.json")
        let small = Tool.run(["check", plan], environment: Environment(variables: ["AMR_MAX_FILE_SIZE": "1000"]))
        #expect(small.exitCode == 2)
        #expect(small.stderr == "amr: error: \(plan): cannot read: larger than 1000 bytes; if it really is a plan or weights file, raise AMR_MAX_FILE_SIZE\n")
        let shallow = Tool.run(["check", plan], environment: Environment(variables: ["AMR_MAX_JSON_DEPTH": "3"]))
        #expect(shallow.stderr.contains("nesting deeper than 3 levels"))
        let wrong = Tool.run(["check", plan], environment: Environment(variables: ["AMR_MAX_JSON_DEPTH": "deep"]))
        #expect(wrong.exitCode == 2)
        #expect(wrong.stderr.contains("AMR_MAX_JSON_DEPTH=deep is not a positive whole number"))
        let fine = Tool.run(["check", plan], environment: Environment(variables: ["AMR_MAX_JSON_DEPTH": "50"]))
        #expect(fine.exitCode == 1)
    }
}
