import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AMRCore
@testable import amr

/// SARIF and JUnit output of `amr check`, and related places in every format: read back as JSON
/// and XML and held to their structure, not only to golden bytes.
@Suite struct CheckFormatsTests {
    // MARK: - A sample with every kind of place

    static let planFile = "plans/veenstreek 2021.json"
    static let absoluteFile = "/srv/plans/a&b#1.json"

    /// Findings no fixture produces yet: one naming two more places (in the plan and in a
    /// workbook), one at an absolute path with characters that need escaping in every format,
    /// a warning from standard input, and one of a rule amr does not list.
    static let sample: [Finding] = [
        Finding(rule: "budget-sum", severity: .error,
                location: SourceLocation(file: planFile, line: 12, column: 30, pointer: "/notes/0"),
                message: "the budget of \"Werkgeversdienstverlening [WSP]\" is stated as € 120.000 in the text but as € 125.400 in the table",
                hint: "make both statements agree", stated: "120000", expected: "125400",
                related: [
                    Finding.Related(location: SourceLocation(file: planFile, line: 40, column: 17, pointer: "/budgets/0/lines/2/amount"),
                                    message: "stated as € 125.400 here"),
                    Finding.Related(location: SourceLocation(file: "tabellen.xlsx", line: 7, column: 2, sheet: "Begroting 2020"),
                                    message: "and as € 125.400 in the workbook"),
                ]),
        Finding(rule: "allocation-sum", severity: .error,
                location: SourceLocation(file: absoluteFile, line: 3, column: 5, pointer: "/allocations/0/amount"),
                message: "control \u{1} and <tags> & \"quotes\" ]]> ok\r\nsecond line", hint: "a hint with\ttab"),
        Finding(rule: "unknown-key", severity: .warning, location: SourceLocation(file: "<stdin>", line: 1, column: 3, pointer: "/titel"),
                message: "unknown key \"titel\" is ignored; did you mean \"title\"?"),
        Finding(rule: "example-rule", severity: .error, location: SourceLocation(file: planFile, line: 2, column: 1, pointer: "/id"),
                message: "a rule this amr does not list"),
    ].sorted()

    static let files = [absoluteFile, "<stdin>", planFile, "plans/broken.json"]
    static let unusable = [UnusableFile(file: "plans/broken.json", message: "plans/broken.json:1:22: invalid JSON: unexpected ','; expected a key in double quotes",
                                        location: SourceLocation(file: "plans/broken.json", line: 1, column: 22))]

    static var sources: [String: [String]] {
        var lines = (1...40).map { "  \"line\": \($0)," }
        lines[11] = "  \"notes\": [\"Werkgeversdienstverlening [WSP]: € 120.000 in 2020\"],"
        lines[39] = "            \"amount\": \"125400\","
        return [planFile: lines]
    }

    static func sarif() -> String { SARIFWriter(toolVersion: Tool.version, locale: .en).write(sample, files: files, unusable: unusable) }
    static func junit() -> String { JUnitWriter(toolVersion: Tool.version).write(sample, files: files, unusable: unusable) }

    @Test func sampleGolden() {
        let renderer = FindingRenderer(locale: .en)
        let summary = FindingRenderer.Summary(files: 3, findings: Self.sample)
        TestSupport.expectGolden(renderer.text(Self.sample, summary: summary, sources: Self.sources), "check-sample.txt")
        TestSupport.expectGolden(renderer.json(Self.sample, summary: summary), "check-sample.json")
        TestSupport.expectGolden(renderer.github(Self.sample, summary: summary), "check-sample.github")
        TestSupport.expectGolden(Self.sarif(), "check-sample.sarif")
        TestSupport.expectGolden(Self.junit(), "check-sample.junit.xml")
    }

    // MARK: - Related places in text, JSON and GitHub annotations

    @Test func relatedPlacesInText() {
        let text = FindingRenderer(locale: .en).text(Self.sample, summary: .init(files: 3, findings: Self.sample), sources: Self.sources)
        let lines = text.components(separatedBy: "\n")
        guard let error = lines.firstIndex(where: { $0.hasPrefix("\(Self.planFile):12:30: error[budget-sum]: ") }) else {
            Issue.record("no budget-sum line in\n\(text)")
            return
        }
        // The finding, its excerpt, each note with its own excerpt (none for a workbook cell), then the hint.
        #expect(Array(lines[error + 1 ... error + 8]) == [
            " 12 |   \"notes\": [\"Werkgeversdienstverlening [WSP]: € 120.000 in 2020\"],",
            "    |                              ^",
            "\(Self.planFile):40:17: note: stated as € 125.400 here",
            " 40 |             \"amount\": \"125400\",",
            "    |                 ^",
            "tabellen.xlsx:'Begroting 2020'!B7: note: and as € 125.400 in the workbook",
            "   = hint: make both statements agree",
            "",
        ])
    }

    @Test func relatedPlacesInJSON() throws {
        let json = FindingRenderer(locale: .en).json(Self.sample, summary: .init(files: 3, findings: Self.sample))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(root["findings"] as? [[String: Any]])
        let withRelated = findings.filter { $0["related"] != nil }
        #expect(withRelated.count == 1)
        let related = try #require(withRelated.first?["related"] as? [[String: Any]])
        #expect(related.count == 2)
        #expect(related[0]["file"] as? String == Self.planFile)
        #expect(related[0]["line"] as? Int == 40)
        #expect(related[0]["column"] as? Int == 17)
        #expect(related[0]["pointer"] as? String == "/budgets/0/lines/2/amount")
        #expect(related[0]["message"] as? String == "stated as € 125.400 here")
        #expect(related[1]["sheet"] as? String == "Begroting 2020")
        #expect(related[1]["pointer"] as? String == "")
    }

    @Test func relatedPlacesInGitHubAnnotations() {
        let github = FindingRenderer(locale: .en).github(Self.sample, summary: .init(files: 3, findings: Self.sample))
        let line = github.split(separator: "\n").first { $0.contains("title=amr budget-sum") }.map(String.init) ?? ""
        #expect(line.hasPrefix("::error file=plans/veenstreek 2021.json,line=12,col=30,title=amr budget-sum::"))
        #expect(line.hasSuffix("in the table (see also \(Self.planFile):40:17: stated as € 125.400 here) (see also tabellen.xlsx:'Begroting 2020'!B7: and as € 125.400 in the workbook) (hint: make both statements agree)"))
    }

    // MARK: - SARIF

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    @Test func sarifOfTheFixturesHasEveryRuleAndEveryFinding() throws {
        let outcome = TestSupport.run(["check", "Fixtures/", "--format", "sarif"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr == "")
        let log = try Self.object(outcome.stdout)
        #expect(log["$schema"] as? String == SARIFWriter.schemaURI)
        #expect(log["version"] as? String == "2.1.0")
        let run = try Self.run(log)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "amr")
        #expect(driver["version"] as? String == Tool.version)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == PlanChecker.ruleDescriptors(locale: .nl).map(\.id))
        for (rule, descriptor) in zip(rules, PlanChecker.ruleDescriptors(locale: .nl)) {
            #expect(rule["name"] as? String == descriptor.name)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == SARIFWriter.sentence(descriptor.summary))
            #expect((rule["fullDescription"] as? [String: Any])?["text"] as? String == descriptor.help)
            #expect((rule["help"] as? [String: Any])?["text"] as? String == descriptor.help)
            #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == descriptor.defaultSeverity.rawValue)
        }

        // One result per finding of the JSON format, at the same place with the same numbers.
        let json = try Self.object(TestSupport.run(["check", "Fixtures/", "--format", "json"]).stdout)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == findings.count)
        #expect(results.count == 15)
        var fingerprints = Set<String>()
        for (result, finding) in zip(results, findings) {
            let ruleId = try #require(result["ruleId"] as? String)
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(ruleId == finding["rule"] as? String)
            #expect(rules.indices.contains(ruleIndex) && rules[ruleIndex]["id"] as? String == ruleId)
            #expect(result["level"] as? String == finding["severity"] as? String)
            let text = try #require((result["message"] as? [String: Any])?["text"] as? String)
            #expect(text.hasPrefix(try #require(finding["message"] as? String)))
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            let artifact = try #require(physical["artifactLocation"] as? [String: Any])
            #expect(artifact["uri"] as? String == finding["file"] as? String)
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == finding["line"] as? Int)
            #expect(region["startColumn"] as? Int == finding["column"] as? Int)
            // Numbers only where the finding has them (a missing municipality has none).
            let properties = result["properties"] as? [String: Any]
            #expect(properties?["stated"] as? String == finding["stated"] as? String)
            #expect(properties?["expected"] as? String == finding["expected"] as? String)
            // Related places only where a finding names a second place (a number stated twice).
            #expect((result["relatedLocations"] as? [[String: Any]])?.count ?? 0 == ((finding["related"] as? [Any])?.count ?? 0))
            let fingerprint = try #require((result["partialFingerprints"] as? [String: Any])?[SARIFWriter.fingerprintKey] as? String)
            fingerprints.insert(fingerprint)
        }
        #expect(fingerprints.count == results.count)
        #expect((run["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool == true)
        #expect((run["artifacts"] as? [[String: Any]])?.count == 9)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func sarifRelatedLocationsAndOddPlaces() throws {
        let run = try Self.run(try Self.object(Self.sarif()))
        let rules = try #require((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        // A rule amr does not list is described after the others, so ruleIndex stays consistent.
        #expect(rules.count == PlanChecker.ruleDescriptors(locale: .nl).count + 1)
        #expect(rules.last?["id"] as? String == "example-rule")
        #expect(rules.last?["name"] as? String == "ExampleRule")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == Self.sample.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }

        let withRelated = try #require(results.first { $0["ruleId"] as? String == "budget-sum" })
        let related = try #require(withRelated["relatedLocations"] as? [[String: Any]])
        #expect(related.map { $0["id"] as? Int } == [1, 2])
        #expect(related.map { ($0["message"] as? [String: Any])?["text"] as? String } == ["stated as € 125.400 here", "and as € 125.400 in the workbook"])
        let first = try #require(related[0]["physicalLocation"] as? [String: Any])
        #expect((first["artifactLocation"] as? [String: Any])?["uri"] as? String == "plans/veenstreek%202021.json")
        #expect((first["region"] as? [String: Any])?["startLine"] as? Int == 40)
        #expect((first["region"] as? [String: Any])?["startColumn"] as? Int == 17)
        // A workbook cell has no line of text: no region, the cell as a logical location.
        let cell = try #require(related[1]["physicalLocation"] as? [String: Any])
        #expect(cell["region"] == nil)
        #expect((related[1]["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"] as? String == "'Begroting 2020'!B7")
        // The message links its related places, and brackets of its own do not become links.
        let text = try #require((withRelated["message"] as? [String: Any])?["text"] as? String)
        #expect(text == "the budget of \"Werkgeversdienstverlening \\[WSP\\]\" is stated as € 120.000 in the text but as € 125.400 in the table (see also [plans/veenstreek 2021.json:40:17](1), [tabellen.xlsx:'Begroting 2020'!B7](2)) (hint: make both statements agree)")

        let absolute = try #require(results.first { $0["ruleId"] as? String == "allocation-sum" })
        let place = try #require(((absolute["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
        #expect(place["uri"] as? String == "file:///srv/plans/a%26b%231.json")
        #expect(place["uriBaseId"] == nil)
        let stdin = try #require(results.first { $0["ruleId"] as? String == "unknown-key" })
        let input = try #require(((stdin["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
        #expect(input["uri"] == nil)
        #expect(stdin["level"] as? String == "warning")

        // The file that could not be read: a notification, and the run did not fully succeed.
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect((notifications[0]["message"] as? [String: Any])?["text"] as? String == Self.unusable[0].message)
        #expect(notifications[0]["level"] as? String == "error")
    }

    @Test func sarifURIsAndNames() {
        #expect(SARIFWriter.uri("./plans/a b.json") == "plans/a%20b.json")
        #expect(SARIFWriter.uri("c:plan%.json") == "c%3Aplan%25.json")
        #expect(SARIFWriter.uri("plans/Súdwest-Fryslân.json") == "plans/S%C3%BAdwest-Frysl%C3%A2n.json")
        #expect(SARIFWriter.uri("/tmp/x.json") == "file:///tmp/x.json")
        #expect(SARIFWriter.uri("<stdin>") == nil)
        #expect(RuleDescriptor(id: "allocation-sum", summary: "", help: "", defaultSeverity: .error).name == "AllocationSum")
        #expect(RuleDescriptor(id: "transparency-overlap", summary: "", help: "", defaultSeverity: .error).name == "TransparencyOverlap")
        #expect(SARIFWriter.sentence("the parts add up") == "The parts add up.")
    }

    @Test func helpListsEveryRuleWithItsSummaryApart() {
        let help = TestSupport.run(["help", "check"]).stdout
        for rule in PlanChecker.ruleSummaries {
            #expect(help.contains("  \(rule.id)  "), "\(rule.id) runs into its summary")
        }
        #expect(help.contains("(text|json|github|sarif|junit)"))
    }

    @Test func everyRuleHasItsOwnHelp() {
        let descriptors = PlanChecker.ruleDescriptors(locale: .nl)
        #expect(Set(descriptors.map(\.id)).count == descriptors.count)
        for descriptor in descriptors {
            #expect(descriptor.help.count > descriptor.summary.count, "\(descriptor.id) has no help text of its own")
        }
        #expect(descriptors.filter { $0.defaultSeverity == .warning }.map(\.id) == [PlanChecker.unknownKeyRule])
    }

    // MARK: - JUnit

    /// The elements of an XML document with their attributes and text, in document order.
    final class XMLCollector: NSObject, XMLParserDelegate {
        struct Element {
            var name: String
            var attributes: [String: String]
            var text = ""
            var parent: Int?
        }
        var elements: [Element] = []
        var stack: [Int] = []
        var error: Error?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: elementName, attributes: attributes, parent: stack.last))
            stack.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = stack.last { elements[last].text += string }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

        static func parse(_ text: String) throws -> [Element] {
            let collector = XMLCollector()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = collector
            let ok = parser.parse()
            #expect(ok, "not well-formed XML: \(String(describing: collector.error ?? parser.parserError))")
            return collector.elements
        }
    }

    @Test func junitOfTheFixtures() throws {
        let outcome = TestSupport.run(["check", "Fixtures/", "--format", "junit"])
        #expect(outcome.exitCode == 1)
        let elements = try XMLCollector.parse(outcome.stdout)
        #expect(elements.first?.name == "testsuites")
        let suites = elements.filter { $0.name == "testsuite" }
        #expect(suites.count == 1)
        let cases = elements.enumerated().filter { $0.element.name == "testcase" }
        let files = try CheckCommand.expand("Fixtures/")
        #expect(cases.map { $0.element.attributes["name"] } == files)
        #expect(cases.allSatisfy { $0.element.attributes["classname"] == "amr.check" && $0.element.attributes["time"] == "0" })
        let failures = elements.filter { $0.name == "failure" }
        // Errors are failures; warnings (CBS's figures) are not.
        let all = try #require(try Self.object(TestSupport.run(["check", "Fixtures/", "--format", "json"]).stdout)["findings"] as? [[String: Any]])
        let findings = all.filter { $0["severity"] as? String == "error" }
        #expect(all.count == findings.count + 2)
        #expect(failures.count == findings.count)
        #expect(failures.map { $0.attributes["type"] } == findings.map { $0["rule"] as? String })
        #expect(failures.map { $0.attributes["message"] } == findings.map { $0["message"] as? String })
        for (failure, finding) in zip(failures, findings) {
            let place = "\(finding["file"] as? String ?? ""):\(finding["line"] as? Int ?? 0):\(finding["column"] as? Int ?? 0): "
            #expect(failure.text.hasPrefix(place))
            #expect(failure.text.contains("   = hint: \(finding["hint"] as? String ?? "")"))
            // Each failure sits in the test case of its file.
            let testcase = failure.parent.map { elements[$0] }
            #expect(testcase?.attributes["name"] == finding["file"] as? String)
        }
        let failing = Set(findings.compactMap { $0["file"] as? String }).count
        for suite in [elements[0], suites[0]] {
            #expect(suite.attributes["tests"] == String(files.count))
            #expect(suite.attributes["failures"] == String(failing))
            #expect(suite.attributes["errors"] == "0")
            #expect(suite.attributes["time"] == "0")
        }
    }

    @Test func junitEscapesEverythingAndKeepsWarningsOut() throws {
        let xml = Self.junit()
        let elements = try XMLCollector.parse(xml)
        let cases = elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] } == Self.files)
        // The characters survive the round trip; the one XML 1.0 forbids is written as #x01.
        let odd = try #require(elements.first { $0.name == "failure" && $0.attributes["type"] == "allocation-sum" })
        #expect(odd.attributes["message"] == "control #x01 and <tags> & \"quotes\" ]]> ok")
        #expect(odd.text.contains("control #x01 and <tags> & \"quotes\" ]]> ok\r\nsecond line"))
        #expect(odd.text.contains("   = hint: a hint with\ttab"))
        // A warning is no failure; it is in the test case's output, and the file passes.
        let stdinCase = try #require(elements.firstIndex { $0.name == "testcase" && $0.attributes["name"] == "<stdin>" })
        #expect(!elements.contains { $0.parent == stdinCase && $0.name == "failure" })
        #expect(elements.first { $0.parent == stdinCase && $0.name == "system-out" }?.text.contains("warning[unknown-key]") == true)
        // Related places are notes in the failure's text.
        let related = try #require(elements.first { $0.name == "failure" && $0.attributes["type"] == "budget-sum" })
        #expect(related.text.contains("\n\(Self.planFile):40:17: note: stated as € 125.400 here\n"))
        // The file that could not be read is a test case in error.
        let errors = elements.filter { $0.name == "error" }
        #expect(errors.count == 1)
        #expect(errors.first?.attributes["type"] == "unusable-file")
        #expect(errors.first.flatMap { $0.parent.map { elements[$0].attributes["name"] } } == "plans/broken.json")
        #expect(elements[0].attributes["tests"] == "4")
        #expect(elements[0].attributes["failures"] == "2")
        #expect(elements[0].attributes["errors"] == "1")
        let properties = Dictionary(elements.filter { $0.name == "property" }.map { ($0.attributes["name"] ?? "", $0.attributes["value"] ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(properties == ["amr.version": Tool.version, "amr.findings.errors": "3", "amr.findings.warnings": "1"])
    }

    @Test func xmlEscaping() {
        #expect(JUnitWriter.escaped("a<b>&\"c\"\t\n\r", attribute: true) == "a&lt;b&gt;&amp;&quot;c&quot;&#9;&#10;&#13;")
        #expect(JUnitWriter.escaped("a<b>&\"c\"\t\n\r", attribute: false) == "a&lt;b&gt;&amp;\"c\"\t\n&#13;")
        #expect(JUnitWriter.escaped("\u{0}\u{8}\u{B}\u{1F}\u{7F}\u{FFFE}€", attribute: false) == "#x00#x08#x0B#x1F\u{7F}#xFFFE€")
    }

    // MARK: - Files that cannot be used

    @Test func unusableFilesInSARIFAndJUnit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let broken = directory.appendingPathComponent("broken.json").path
        try Data("{ \"schemaVersion\": 1,, }".utf8).write(to: URL(fileURLWithPath: broken))
        let message = "\(broken):1:22: invalid JSON: unexpected ','; expected a key in double quotes"

        let sarif = TestSupport.run(["check", "--format", "sarif", broken, "Fixtures/haaglanden-2018.json"])
        #expect(sarif.exitCode == 2)
        #expect(sarif.stderr == "amr: error: \(message)\n")
        let run = try Self.run(try Self.object(sarif.stdout))
        // The two errors and the Westland warning of the plan that could be read.
        #expect((run["results"] as? [[String: Any]])?.count == 3)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect((notification["message"] as? [String: Any])?["text"] as? String == message)
        let place = try #require((notification["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((place["artifactLocation"] as? [String: Any])?["uri"] as? String == "file://" + SARIFWriter.percentEncoded(broken))
        #expect((place["region"] as? [String: Any])?["startColumn"] as? Int == 22)

        let junit = TestSupport.run(["check", "--format", "junit", broken, "Fixtures/haaglanden-2018.json"])
        #expect(junit.exitCode == 2)
        let elements = try XMLCollector.parse(junit.stdout)
        #expect(elements.filter { $0.name == "testcase" }.map { $0.attributes["name"] } == [broken, "Fixtures/haaglanden-2018.json"])
        #expect(elements.first { $0.name == "error" }?.attributes["message"] == message)

        // No file usable: the SARIF is still written (a CI's upload then shows why), naming the file.
        let none = TestSupport.run(["check", "--format", "sarif", broken])
        #expect(none.exitCode == 2)
        let noneRun = try #require((try Self.object(none.stdout)["runs"] as? [[String: Any]])?.first)
        #expect(((noneRun["invocations"] as? [[String: Any]])?.first?["executionSuccessful"]) as? Bool == false)
        #expect((noneRun["results"] as? [Any])?.isEmpty == true)
    }

    @Test func sarifAndJUnitToAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("amr.sarif").path
        let outcome = TestSupport.run(["check", "--format", "sarif", "-o", path, "Fixtures/"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout == "")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == TestSupport.run(["check", "--format", "sarif", "Fixtures/"]).stdout)
    }
}
