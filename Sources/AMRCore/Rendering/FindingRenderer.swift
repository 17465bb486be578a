/// Writes `amr check` findings like a compiler: `file:line:col: error[rule]: message`, the
/// offending line with a caret, a hint; or as JSON, or as GitHub workflow annotations.
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
    public func text(_ findings: [Finding], summary: Summary, sources: [String: [String]]) -> String {
        var out = ""
        for finding in findings {
            let l = finding.location
            out += "\(l.file):\(l.line):\(l.column): \(finding.severity.rawValue)[\(finding.rule)]: \(finding.message)\n"
            if let lines = sources[l.file], lines.indices.contains(l.line - 1) {
                let number = String(l.line)
                let gutter = String(repeating: " ", count: number.count)
                let sourceLine = lines[l.line - 1]
                out += " \(number) | \(sourceLine)\n"
                let prefix = sourceLine.prefix(max(0, l.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
                out += " \(gutter) | \(prefix)^\n"
            }
            if let hint = finding.hint { out += "   = hint: \(hint)\n" }
        }
        if !findings.isEmpty { out += "\n" }
        return out + summary.line + "\n"
    }

    /// `{ "findings": [ … ], "summary": { … } }` with sorted keys.
    public func json(_ findings: [Finding], summary: Summary) -> String {
        let items: [JSONOutput] = findings.map { finding in
            var object: [String: JSONOutput] = [
                "rule": .string(finding.rule),
                "severity": .string(finding.severity.rawValue),
                "file": .string(finding.location.file),
                "line": .number(String(finding.location.line)),
                "column": .number(String(finding.location.column)),
                "pointer": .string(finding.location.pointer ?? ""),
                "message": .string(finding.message),
            ]
            if let hint = finding.hint { object["hint"] = .string(hint) }
            if let stated = finding.stated { object["stated"] = .string(stated) }
            if let expected = finding.expected { object["expected"] = .string(expected) }
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

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
    public func github(_ findings: [Finding], summary: Summary) -> String {
        var out = ""
        for finding in findings {
            let l = finding.location
            let properties = "file=\(Self.property(l.file)),line=\(l.line),col=\(l.column),title=\(Self.property("amr \(finding.rule)"))"
            var message = finding.message
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
