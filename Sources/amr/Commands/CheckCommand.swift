import AMRCore
import Foundation

/// `amr check`: the arithmetic and structure of plan files, for CI. Findings on stdout like a
/// compiler's; exit 1 when there are errors (or warnings with --strict), 2 when a file is unusable.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "check that a plan's numbers add up (for CI)"
    static let usage = "amr check [options] FILE|DIRECTORY|- ..."
    static var details: String {
        """
        Checks every stated total against its parts, every allocation against the exact split, every
        formula against its amount, and the references and dates of each plan file. A Word (.docx) or
        OpenDocument (.odt) plan is checked as written: the totals, subtotals, row totals and
        percentages of its tables, where amr is certain what they mean. Directories are searched for
        *.json, *.docx and *.odt files; '-' reads a plan from standard input. Unknown keys are warnings
        (errors with --strict). A file that cannot be read or parsed is reported on stderr and makes
        the exit status 2.

        FORMATS
          text     like a compiler: file:line:col, the line with a caret, notes, a hint
          json     { "findings": [...], "summary": {...} } with stable English keys
          github   GitHub Actions annotations on the pull request
          sarif    SARIF 2.1.0 for code scanning (github/codeql-action/upload-sarif)
          junit    JUnit XML for CI test reports: a test case per file, a failure per error

        RULES
        """ + "\n" + ruleList
    }

    /// The rules, one a line, the summaries in a column after the longest id.
    static var ruleList: String {
        let rules = PlanChecker.ruleSummaries
        let width = (rules.map(\.id.count).max() ?? 0) + 2
        return rules.map { "  \($0.id.padding(toLength: width, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n")
    }

    static let examples = [
        "amr check Fixtures/",
        "amr check --format github plans/*.json",
        "amr check --format sarif -o amr.sarif plans/",
        "amr check --format junit -o amr-check.xml plans/",
        "amr check --strict --format json Fixtures/haaglanden-2018.json",
    ]
    static let options = [
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "output format, default text", choices: ["text", "json", "github", "sarif", "junit"]),
        OptionSpec(long: "strict", short: nil, value: nil, help: "treat warnings (unknown keys) as errors"),
        OptionSpec(long: "locale", short: "l", value: "LOCALE", help: "number notation in messages, default nl", choices: ["nl", "en"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
        OptionSpec(long: "verbose", short: "v", value: nil, help: "list the document tables amr did not check, and why (on stderr)"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        guard !arguments.operands.isEmpty else {
            throw UsageError("give the plan files or directories to check, e.g. 'amr check Fixtures/'", command: name)
        }
        let strict = arguments.has("strict")
        let locale = arguments.value("locale").flatMap(NumberLocale.init(rawValue:)) ?? .nl
        var files: [String] = []
        for operand in arguments.operands { files += try expand(operand) }
        let limits = try environment.limits()
        var findings: [Finding] = []
        var sources: [String: [String]] = [:]
        var unusable: [UnusableFile] = []
        var checked = 0
        let regionNames = (try? CBSData.embedded())?.regionNamesForTotals ?? []
        for file in files {
            let display = displayName(file)
            do {
                let bytes = try FileInput.read(file, displayName: display, maximumSize: limits.maximumFileSize)
                if DocumentReader.handles(file) {
                    // A Word or OpenDocument plan: the tables it prints, checked where amr is certain.
                    let document = try DocumentReader.read(bytes: bytes, file: display, limits: limits, regionNames: regionNames)
                    findings += try document.findings(locale: locale)
                    if arguments.has("verbose") { outcome.stderr += document.skippedTables(locale: locale).map { $0 + "\n" }.joined() }
                    checked += 1
                    continue
                }
                let loaded = try PlanLoader.load(bytes: bytes, file: display, limits: limits)
                sources[display] = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
                    .map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
                findings += PlanChecker.check(loaded, locale: locale, strict: strict)
                checked += 1
            } catch {
                outcome.stderr += "amr: error: \(error)\n"
                unusable.append(UnusableFile(file: display, message: "\(error)", location: error.location))
            }
        }
        findings.sort()
        let summary = FindingRenderer.Summary(files: checked, findings: findings)
        let renderer = FindingRenderer()
        let text: String
        switch arguments.value("format") ?? "text" {
        case "json": text = renderer.json(findings, summary: summary)
        case "github": text = renderer.github(findings, summary: summary)
        case "sarif": text = SARIFWriter(toolVersion: Tool.version).write(findings, files: files.map(displayName), unusable: unusable)
        case "junit": text = JUnitWriter(toolVersion: Tool.version).write(findings, files: files.map(displayName), unusable: unusable)
        default: text = renderer.text(findings, summary: summary, sources: sources)
        }
        // When no file could be checked there is no result: the messages on stderr are all.
        if !unusable.isEmpty && checked == 0 { return 2 }
        try OutputFile.write(text, to: arguments.value("output"), inputs: files, outcome: &outcome)
        if !unusable.isEmpty { return 2 }
        return summary.errors > 0 ? 1 : 0
    }

    /// How a file is named in output: as given, standard input as `<stdin>`.
    static func displayName(_ file: String) -> String { file == "-" ? "<stdin>" : file }

    /// A file as is; a directory as its `*.json` files, recursively, in sorted order.
    static func expand(_ operand: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard operand != "-", FileManager.default.fileExists(atPath: operand, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [operand]
        }
        guard let enumerator = FileManager.default.enumerator(atPath: operand) else {
            throw LoadError.unreadable(file: operand, reason: "cannot list the directory")
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let isDocument = DocumentReader.extensions.contains { relative.lowercased().hasSuffix("." + $0) }
            guard relative.hasSuffix(".json") || isDocument, !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let base = operand.hasSuffix("/") ? String(operand.dropLast()) : operand
            found.append(base + "/" + relative)
        }
        if found.isEmpty {
            throw LoadError.unreadable(file: operand, reason: "the directory holds no .json plan files and no .docx or .odt documents")
        }
        return found.sorted()
    }
}
