/// Writes `amr check` findings like a compiler: `file:line:col: error[rule]: message`, the
/// offending line with a caret, notes on related places, a hint; or as JSON, or as GitHub
/// workflow annotations. SARIF and JUnit XML have writers of their own (`SARIFWriter`,
/// `JUnitWriter`).
public struct FindingRenderer {
    /// The result of checking some files.
    public struct Summary: Hashable, Sendable {
        public var files: Int
        public var errors: Int
        public var warnings: Int
        /// Findings that say what could not be checked (never a failure).
        public var notes: Int
        /// Files that could not be used at all.
        public var unusable: Int
        /// Files a directory scan left out as clearly not plans (package.json, JSON Schemas).
        public var skipped: Int

        public init(files: Int, findings: [Finding], unusable: Int = 0, skipped: Int = 0) {
            self.files = files
            errors = findings.filter { $0.severity == .error }.count
            warnings = findings.filter { $0.severity == .warning }.count
            notes = findings.filter { $0.severity == .note }.count
            self.unusable = unusable
            self.skipped = skipped
        }

        /// `4 bestanden gecontroleerd: 2 fouten, 1 waarschuwing` (nl) or `checked 4 files: 2
        /// errors, 1 warning` (en); notes, unusable and skipped files only when there are any:
        /// `checked 3 files: 0 errors, 0 warnings, 1 note; 1 file could not be used`.
        public func line(_ locale: NumberLocale) -> String {
            CheckWording.of(locale).summary(files, errors, warnings, notes, unusable, skipped)
        }
    }

    /// The language of the summary line and of the words around messages (`see also`, `hint`).
    public var locale: NumberLocale

    public init(locale: NumberLocale = .nl) {
        self.locale = locale
    }

    /// Compiler-style text. `sources` gives each file's lines for the excerpt under a finding.
    /// Each related place follows as a `file:line:col: note:` line with its own excerpt, as
    /// compilers write notes, and the hint comes last.
    /// File names, messages and source lines are shown visibly (`TerminalText`), and no line can
    /// begin a workflow command (a file named `::error …`).
    public func text(_ findings: [Finding], summary: Summary, sources: [String: [String]]) -> String {
        let v = TerminalText.visible
        var out = ""
        for finding in findings {
            out += "\(v(finding.location.description)): \(finding.severity.rawValue)[\(finding.rule)]: \(v(finding.message))\n"
            out += Self.excerpt(finding.location, sources: sources)
            for related in finding.related {
                out += "\(v(related.location.description)): note: \(v(related.message))\n"
                out += Self.excerpt(related.location, sources: sources)
            }
            if let hint = finding.hint { out += "   = hint: \(v(hint))\n" }
        }
        if !findings.isEmpty { out += "\n" }
        return TerminalText.guardingCommands(out + summary.line(locale) + "\n")
    }

    /// The line of `location` with a caret under its column, when the file's text is at hand
    /// (not for a workbook cell, whose row is no line of text).
    static func excerpt(_ location: SourceLocation, sources: [String: [String]]) -> String {
        guard location.sheet == nil, location.place == nil, let lines = sources[location.file], lines.indices.contains(location.line - 1) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        // Tabs stay (the caret lines up under them); anything else invisible is escaped, and the
        // caret counts the escapes before it.
        let raw = lines[location.line - 1]
        let sourceLine = TerminalText.visibleKeepingTabs(raw)
        let before = TerminalText.visibleKeepingTabs(String(raw.prefix(max(0, location.column - 1))))
        let prefix = before.map { $0 == "\t" ? "\t" : " " }.joined()
        return " \(number) | \(sourceLine)\n \(gutter) | \(prefix)^\n"
    }

    /// `{ "findings": [ … ], "summary": { … } }` with sorted keys. A file that could not be used
    /// is a finding of the rule `unusable-file` (an error, at the place the error names), so a
    /// consumer that reads the findings sees every file; the summary counts such files as
    /// `unusable`, and notes and skipped files, when there are any.
    public func json(_ findings: [Finding], summary: Summary, unusable: [UnusableFile] = []) -> String {
        func place(_ location: SourceLocation, message: String) -> [String: JSONOutput] {
            var object: [String: JSONOutput] = [
                "file": .string(location.file),
                "line": .number(String(location.line)),
                "column": .number(String(location.column)),
                "pointer": .string(location.pointer ?? ""),
                "message": .string(message),
            ]
            if let sheet = location.sheet { object["sheet"] = .string(sheet) }
            if let place = location.place { object["place"] = .string(place) }
            return object
        }
        let items: [JSONOutput] = findings.map { finding in
            var object = place(finding.location, message: finding.message)
            object["rule"] = .string(finding.rule)
            object["severity"] = .string(finding.severity.rawValue)
            if let hint = finding.hint { object["hint"] = .string(hint) }
            if let stated = finding.stated { object["stated"] = .string(stated) }
            if let expected = finding.expected { object["expected"] = .string(expected) }
            if !finding.related.isEmpty {
                object["related"] = .array(finding.related.map { .object(place($0.location, message: $0.message)) })
            }
            return .object(object)
        }
        let problems: [JSONOutput] = unusable.map { problem in
            var object = place(problem.location ?? SourceLocation(file: problem.file, line: 0, column: 0), message: problem.message)
            object["rule"] = .string(UnusableFile.rule)
            object["severity"] = .string(Finding.Severity.error.rawValue)
            return .object(object)
        }
        var counts: [String: JSONOutput] = [
            "files": .number(String(summary.files)),
            "errors": .number(String(summary.errors)),
            "warnings": .number(String(summary.warnings)),
        ]
        if summary.notes > 0 { counts["notes"] = .number(String(summary.notes)) }
        if summary.unusable > 0 { counts["unusable"] = .number(String(summary.unusable)) }
        if summary.skipped > 0 { counts["skipped"] = .number(String(summary.skipped)) }
        return JSONOutput.object([
            "findings": .array(problems + items),
            "summary": .object(counts),
        ]).text
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`. An
    /// annotation has one place, so related places are named in the message ("see also …").
    /// A file that could not be used is an `::error` annotation on the file (at the line the
    /// error names, when it names one).
    public func github(_ findings: [Finding], summary: Summary, unusable: [UnusableFile] = []) -> String {
        var out = ""
        for problem in unusable {
            var properties = "file=\(Self.property(TerminalText.visible(problem.file)))"
            if let l = problem.location, l.sheet == nil, l.line >= 1 { properties += ",line=\(l.line),col=\(l.column)" }
            properties += ",title=\(Self.property("amr \(UnusableFile.rule)"))"
            out += "::error \(properties)::\(Self.data(TerminalText.visible(problem.message)))\n"
        }
        for finding in findings {
            let l = finding.location
            // A place in a document is no line of text: a file-level annotation that names it.
            let position = l.place == nil ? ",line=\(l.line),col=\(l.column)" : ""
            let properties = "file=\(Self.property(TerminalText.visible(l.file)))\(position),title=\(Self.property("amr \(finding.rule)"))"
            var message = l.place.map { "\($0): " + finding.message } ?? finding.message
            let words = CheckWording.of(locale)
            for related in finding.related { message += words.seeAlso("\(related.location): \(related.message)") }
            if let hint = finding.hint { message += words.hint(hint) }
            // Shown visibly first (an escape sequence would reach the log), then escaped as the
            // workflow-command format requires.
            out += "::\(Self.command(finding.severity)) \(properties)::\(Self.data(TerminalText.visible(message)))\n"
        }
        return out + summary.line(locale) + "\n"
    }

    /// The workflow command of a severity: GitHub calls a note a `notice`.
    static func command(_ severity: Finding.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// Escaping of a workflow command's message (GitHub's `escapeData`).
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of a workflow command's property (GitHub's `escapeProperty`).
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
