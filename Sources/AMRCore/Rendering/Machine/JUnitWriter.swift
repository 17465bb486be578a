/// `amr check` findings as a JUnit XML test report, for CI systems that show test results
/// (GitLab, Jenkins, Azure DevOps): one test case per file given, named by its path, with a
/// `<failure>` per error found in it. No timestamps and `time="0"`, so the same findings give
/// the same bytes.
///
/// Warnings fail nothing: they go, with every error, into the test case's `<system-out>`, which
/// is also where readers find all of a file's errors, since Jenkins and Azure DevOps show only
/// the first `<failure>` of a test case. A file that could not be read is a test case with an
/// `<error>` (the test could not run), as JUnit reports a test that threw.
public struct JUnitWriter {
    /// The `classname` of every test case; Jenkins groups by it.
    public static let className = "amr.check"
    public static let suiteName = "amr check"

    /// amr's version, written as a suite property (the CLI owns it).
    public var toolVersion: String

    public init(toolVersion: String) {
        self.toolVersion = toolVersion
    }

    /// The report. `files` are all the files given, in order, whether they could be checked or
    /// not; `unusable` are those that could not.
    public func write(_ findings: [Finding], files: [String], unusable: [UnusableFile]) -> String {
        var order: [String] = []
        var seen = Set<String>()
        for file in files + findings.map(\.location.file) where seen.insert(file).inserted { order.append(file) }
        var byFile: [String: [Finding]] = [:]
        for finding in findings { byFile[finding.location.file, default: []].append(finding) }
        var problems: [String: [UnusableFile]] = [:]
        for problem in unusable { problems[problem.file, default: []].append(problem) }

        let failed = order.filter { file in byFile[file, default: []].contains { $0.severity == .error } }.count
        let broken = order.filter { problems[$0] != nil }.count
        let errors = findings.filter { $0.severity == .error }.count
        let counts = "tests=\"\(order.count)\" failures=\"\(failed)\" errors=\"\(broken)\""

        // Jenkins' schema allows `skipped` on a suite only; GitLab reads the test case's `file`,
        // an attribute that schema does not list and Jenkins ignores.
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(Self.suiteName)\" \(counts) time=\"0\">\n"
        out += "  <testsuite name=\"\(Self.suiteName)\" \(counts) skipped=\"0\" time=\"0\">\n"
        out += "    <properties>\n"
        out += "      <property name=\"amr.version\" value=\"\(Self.escaped(toolVersion, attribute: true))\"/>\n"
        out += "      <property name=\"amr.findings.errors\" value=\"\(errors)\"/>\n"
        out += "      <property name=\"amr.findings.warnings\" value=\"\(findings.filter { $0.severity == .warning }.count)\"/>\n"
        out += "    </properties>\n"
        for file in order {
            let name = Self.escaped(file, attribute: true)
            let opening = "    <testcase name=\"\(name)\" classname=\"\(Self.className)\" file=\"\(name)\" time=\"0\""
            let found = byFile[file, default: []]
            let unreadable = problems[file, default: []]
            if found.isEmpty && unreadable.isEmpty {
                out += opening + "/>\n"
                continue
            }
            out += opening + ">\n"
            for problem in unreadable {
                out += "      <error message=\"\(Self.escaped(problem.message, attribute: true))\" type=\"unusable-file\">"
                out += Self.escaped(problem.message, attribute: false) + "</error>\n"
            }
            for finding in found where finding.severity == .error {
                let firstLine = finding.message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? ""
                out += "      <failure message=\"\(Self.escaped(firstLine, attribute: true))\" type=\"\(Self.escaped(finding.rule, attribute: true))\">"
                out += Self.escaped(Self.report(finding), attribute: false) + "</failure>\n"
            }
            if !found.isEmpty {
                out += "      <system-out>" + Self.escaped(found.map(Self.report).joined(), attribute: false) + "</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n"
        out += "</testsuites>\n"
        return out
    }

    /// A finding as `amr check` writes it in text, without the source excerpts:
    /// `file:line:col: error[rule]: message`, its notes and its hint.
    static func report(_ finding: Finding) -> String {
        var out = "\(finding.location): \(finding.severity.rawValue)[\(finding.rule)]: \(finding.message)\n"
        for related in finding.related { out += "\(related.location): note: \(related.message)\n" }
        if let hint = finding.hint { out += "   = hint: \(hint)\n" }
        return out
    }

    /// Text safe in XML 1.0 (see `XMLText.escaped`).
    public static func escaped(_ text: String, attribute: Bool) -> String { XMLText.escaped(text, attribute: attribute) }
}
