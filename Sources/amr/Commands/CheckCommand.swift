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
        *.json, *.docx and *.odt files; what is clearly not a plan (package.json, a JSON Schema such as
        'amr schema' writes, node_modules, FIFOs) is skipped with a note, and --exclude leaves out
        more. '-' reads a plan from standard input. Unknown keys are warnings (errors with
        --strict); notes say what could not be checked and never fail. A file that cannot be read
        or parsed is reported on stderr and in every format, and makes the exit status 2. Findings
        are in Dutch; --locale en gives them in English (rule ids and JSON keys stay the same).

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
        "amr check --exclude drafts --exclude '*.schema.json' plans/",
    ]
    static let options = [
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "output format, default text", choices: ["text", "json", "github", "sarif", "junit"]),
        OptionSpec(long: "strict", short: nil, value: nil, help: "treat warnings (unknown keys) as errors"),
        OptionSpec(long: "locale", short: "l", value: "LOCALE", help: "language and number notation of the findings: nl (default, € 159.500,00) or en", choices: ["nl", "en"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
        OptionSpec(long: "verbose", short: "v", value: nil, help: "list the document tables amr did not check, and why (on stderr)"),
        OptionSpec(long: "exclude", short: "x", value: "GLOB", help: "leave out files and directories matching GLOB (repeatable): drafts, '*.draft.json', 'plans/archive/**'",
                   repeatable: true),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        guard !arguments.operands.isEmpty else {
            throw UsageError("give the plan files or directories to check, e.g. 'amr check Fixtures/'", command: name)
        }
        let strict = arguments.has("strict")
        let locale = arguments.value("locale").flatMap(NumberLocale.init(rawValue:)) ?? .nl
        var scan = PlanFileScan(excludes: arguments.all("exclude").map(PathGlob.init))
        for operand in arguments.operands { try scan.add(operand) }
        for note in scan.notes(locale) { outcome.stderr += "amr: note: \(note)\n" }
        let files = scan.files
        let limits = try environment.limits()
        var findings: [Finding] = []
        var sources: [String: [String]] = [:]
        var unusable: [UnusableFile] = []
        var checked = 0
        let regionNames = (try? CBSData.embedded())?.regionNamesForTotals ?? []
        for file in files {
            switch checkFile(file, locale: locale, strict: strict, limits: limits, regionNames: regionNames) {
            case .checked(let found, let lines, let skippedTables):
                findings += found
                if arguments.has("verbose") { outcome.stderr += skippedTables.map { $0 + "\n" }.joined() }
                sources[displayName(file)] = lines
                checked += 1
            case .unusable(let problem):
                outcome.stderr += "amr: error: \(problem.description)\n"
                unusable.append(problem.file)
            }
        }
        findings = Finding.ordered(findings)
        let summary = FindingRenderer.Summary(files: checked, findings: findings, unusable: unusable.count, skipped: scan.skipped.count)
        let renderer = FindingRenderer(locale: locale)
        let names = files.map(displayName)
        let text: String
        let format = arguments.value("format") ?? "text"
        switch format {
        case "json": text = renderer.json(findings, summary: summary, unusable: unusable)
        case "github": text = renderer.github(findings, summary: summary, unusable: unusable)
        case "sarif": text = SARIFWriter(toolVersion: Tool.version, locale: locale).write(findings, files: names, unusable: unusable)
        case "junit": text = JUnitWriter(toolVersion: Tool.version).write(findings, files: names, unusable: unusable)
        default: text = renderer.text(findings, summary: summary, sources: sources)
        }
        // The documents for machines are written even when no file could be used (a CI's report
        // upload then shows why); text, for people, then has nothing to add to stderr's lines.
        if checked > 0 || unusable.isEmpty || format != "text" {
            try OutputFile.write(text, to: arguments.value("output"), inputs: files, outcome: &outcome)
        }
        if !unusable.isEmpty { return 2 }
        return summary.errors > 0 ? 1 : 0
    }

    /// What checking one input gave. A new kind of input (a document next to the plan files)
    /// adds a case to `checkFile`, not to the loop.
    enum FileResult {
        /// The file's findings, its lines (for the excerpts under text findings; none for a
        /// document) and the document tables amr did not check (shown with --verbose).
        case checked([Finding], lines: [String]?, skippedTables: [String])
        /// The file could not be used at all; `description` is the stderr line.
        case unusable(Unusable)
    }

    struct Unusable {
        var file: UnusableFile
        var description: String
    }

    /// Reads, loads and checks one file; never throws, so every file is accounted for.
    static func checkFile(_ file: String, locale: NumberLocale, strict: Bool, limits: InputLimits,
                          regionNames: [String] = []) -> FileResult {
        let display = displayName(file)
        do {
            let bytes = try FileInput.read(file, displayName: display, maximumSize: limits.maximumFileSize)
            if DocumentReader.handles(file) {
                // A Word or OpenDocument plan: the tables it prints, checked where amr is certain.
                let document = try DocumentReader.read(bytes: bytes, file: display, limits: limits, regionNames: regionNames)
                return .checked(try document.findings(locale: locale), lines: nil, skippedTables: document.skippedTables(locale: locale))
            }
            let loaded = try PlanLoader.load(bytes: bytes, file: display, limits: limits)
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            return .checked(PlanChecker.check(loaded, locale: locale, strict: strict), lines: lines, skippedTables: [])
        } catch {
            return .unusable(Unusable(file: UnusableFile(file: display, message: "\(error)", location: error.location), description: "\(error)"))
        }
    }

    /// The files an operand names, as `amr check` reads them (see `PlanFileScan`).
    static func expand(_ operand: String) throws -> [String] {
        var scan = PlanFileScan()
        try scan.add(operand)
        return scan.files
    }

    /// How a file is named in output: as given, standard input as `<stdin>`.
    static func displayName(_ file: String) -> String { file == "-" ? "<stdin>" : file }
}
