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

        public init(files: Int, findings: [Finding]) {
            self.files = files
            errors = findings.filter { $0.severity == .error }.count
            warnings = findings.count - errors
        }

        /// `checked 4 files: 2 errors, 1 warning`.
        public var line: String {
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            return "checked \(plural(files, "file")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
        }
    }

    public init() {}

    /// Compiler-style text. `sources` gives each file's lines for the excerpt under a finding.
    /// Each related place follows as a `file:line:col: note:` line with its own excerpt, as
    /// compilers write notes, and the hint comes last.
    public func text(_ findings: [Finding], summary: Summary, sources: [String: [String]]) -> String {
        var out = ""
        for finding in findings {
            out += "\(finding.location): \(finding.severity.rawValue)[\(finding.rule)]: \(finding.message)\n"
            out += Self.excerpt(finding.location, sources: sources)
            for related in finding.related {
                out += "\(related.location): note: \(related.message)\n"
                out += Self.excerpt(related.location, sources: sources)
            }
            if let hint = finding.hint { out += "   = hint: \(hint)\n" }
        }
        if !findings.isEmpty { out += "\n" }
        return out + summary.line + "\n"
    }

    /// The line of `location` with a caret under its column, when the file's text is at hand
    /// (not for a workbook cell, whose row is no line of text).
    static func excerpt(_ location: SourceLocation, sources: [String: [String]]) -> String {
        guard location.sheet == nil, location.place == nil, let lines = sources[location.file], lines.indices.contains(location.line - 1) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let sourceLine = lines[location.line - 1]
        let prefix = sourceLine.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return " \(number) | \(sourceLine)\n \(gutter) | \(prefix)^\n"
    }

    /// `{ "findings": [ … ], "summary": { … } }` with sorted keys.
    public func json(_ findings: [Finding], summary: Summary) -> String {
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
        return JSONOutput.object([
            "findings": .array(items),
            "summary": .object([
                "files": .number(String(summary.files)),
                "errors": .number(String(summary.errors)),
                "warnings": .number(String(summary.warnings)),
            ]),
        ]).text
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`. An
    /// annotation has one place, so related places are named in the message ("see also …").
    public func github(_ findings: [Finding], summary: Summary) -> String {
        var out = ""
        for finding in findings {
            let l = finding.location
            // A place in a document is no line of text: a file-level annotation that names it.
            let position = l.place == nil ? ",line=\(l.line),col=\(l.column)" : ""
            let properties = "file=\(Self.property(l.file))\(position),title=\(Self.property("amr \(finding.rule)"))"
            var message = l.place.map { "\($0): " + finding.message } ?? finding.message
            for related in finding.related { message += " (see also \(related.location): \(related.message))" }
            if let hint = finding.hint { message += " (hint: \(hint))" }
            out += "::\(finding.severity.rawValue) \(properties)::\(Self.data(message))\n"
        }
        return out + summary.line + "\n"
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
