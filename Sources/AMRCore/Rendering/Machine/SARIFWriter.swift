/// `amr check` findings as SARIF 2.1.0 (OASIS), the format code-scanning dashboards and many CI
/// systems import: one run whose driver lists every rule with its help, one result per finding
/// with its place (a relative path against `%SRCROOT%`, line and column), related places, a
/// stable fingerprint and the stated and expected numbers. Same findings, same bytes.
public struct SARIFWriter {
    /// The schema the output declares: the OASIS standard's, errata 01.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The base that relative paths are resolved against: the directory amr was run in, which in
    /// CI is the repository's root.
    public static let sourceRoot = "%SRCROOT%"
    /// The key of the fingerprint in `partialFingerprints`; its value is the rule, the file and
    /// the JSON pointer, so it survives edits that only move lines.
    public static let fingerprintKey = "amr/v1"

    /// amr's version, for `tool.driver.version` (the CLI owns it).
    public var toolVersion: String
    /// The rules to describe, in this order; a finding of a rule not listed gets an entry after them.
    public var rules: [RuleDescriptor]
    /// The language of the rules' descriptions and of the words around messages; ids, levels
    /// and the structure are the same in every language.
    public var locale: NumberLocale

    /// `rules` nil describes amr's own rules in `locale`'s language.
    public init(toolVersion: String, locale: NumberLocale = .nl, rules: [RuleDescriptor]? = nil) {
        self.toolVersion = toolVersion
        self.locale = locale
        self.rules = rules ?? PlanChecker.ruleDescriptors(locale: locale)
    }

    /// The SARIF log. `files` are all the files given, in order, whether they could be checked
    /// or not; `unusable` are those that could not, reported as tool execution notifications
    /// (and `executionSuccessful: false`), since no rule ran on them.
    public func write(_ findings: [Finding], files: [String], unusable: [UnusableFile]) -> String {
        let words = CheckWording.of(locale)
        var descriptors = rules
        let known = Set(rules.map(\.id))
        for id in Set(findings.map(\.rule)).subtracting(known).sorted() {
            let severity: Finding.Severity = findings.contains { $0.rule == id && $0.severity == .error } ? .error : .warning
            descriptors.append(RuleDescriptor(id: id, summary: words.unknownRuleSummary(id), help: words.unknownRuleHelp(id), defaultSeverity: severity))
        }
        var index: [String: Int] = [:]
        for (i, descriptor) in descriptors.enumerated() where index[descriptor.id] == nil { index[descriptor.id] = i }

        var seen: [String: Int] = [:]
        let results: [JSONOutput] = findings.map { finding in
            var fingerprint = "\(finding.rule):\(Self.uri(finding.location.file) ?? finding.location.file):\(Self.logicalName(finding.location) ?? "\(finding.location.line):\(finding.location.column)")"
            let occurrence = (seen[fingerprint] ?? 0) + 1
            seen[fingerprint] = occurrence
            if occurrence > 1 { fingerprint += ":\(occurrence)" }
            var result: [String: JSONOutput] = [
                "ruleId": .string(finding.rule),
                "ruleIndex": .number(String(index[finding.rule] ?? 0)),
                "level": .string(finding.severity.rawValue),
                "message": Self.message(Self.messageText(finding, words: words)),
                "locations": .array([.object(Self.location(finding.location, words: words))]),
                "partialFingerprints": .object([Self.fingerprintKey: .string(fingerprint)]),
            ]
            if !finding.related.isEmpty {
                result["relatedLocations"] = .array(finding.related.enumerated().map { offset, related in
                    var location = Self.location(related.location, words: words)
                    location["id"] = .number(String(offset + 1))
                    location["message"] = Self.message(Self.escaped(related.message))
                    return .object(location)
                })
            }
            var properties: [String: JSONOutput] = [:]
            if let stated = finding.stated { properties["stated"] = .string(stated) }
            if let expected = finding.expected { properties["expected"] = .string(expected) }
            if !properties.isEmpty { result["properties"] = .object(properties) }
            return .object(result)
        }

        var invocation: [String: JSONOutput] = ["executionSuccessful": .bool(unusable.isEmpty)]
        if !unusable.isEmpty {
            invocation["toolExecutionNotifications"] = .array(unusable.map { problem in
                .object([
                    "level": .string("error"),
                    "message": Self.message(Self.escaped(problem.message)),
                    "descriptor": .object(["id": .string("unusable-file")]),
                    "locations": .array([.object(Self.location(problem.location ?? SourceLocation(file: problem.file, line: 0, column: 0), words: words))]),
                ])
            })
        }

        var listed = Set<String>()
        let artifacts: [JSONOutput] = files.compactMap { file in
            guard listed.insert(file).inserted else { return nil }
            return .object(["location": .object(Self.artifactLocation(file, words: words)), "roles": .array([.string("analysisTarget")])])
        }

        let driver: [String: JSONOutput] = [
            "name": .string("amr"),
            "version": .string(toolVersion),
            "semanticVersion": .string(toolVersion),
            "rules": .array(descriptors.map(Self.rule)),
        ]
        let run: [String: JSONOutput] = [
            "tool": .object(["driver": .object(driver)]),
            "columnKind": .string("unicodeCodePoints"),
            "invocations": .array([.object(invocation)]),
            "artifacts": .array(artifacts),
            "results": .array(results),
        ]
        return JSONOutput.object([
            "$schema": .string(Self.schemaURI),
            "version": .string("2.1.0"),
            "runs": .array([.object(run)]),
        ]).text
    }

    /// A `reportingDescriptor`.
    static func rule(_ descriptor: RuleDescriptor) -> JSONOutput {
        .object([
            "id": .string(descriptor.id),
            "name": .string(descriptor.name),
            "shortDescription": .object(["text": .string(sentence(descriptor.summary))]),
            "fullDescription": .object(["text": .string(descriptor.help)]),
            "help": .object(["text": .string(descriptor.help)]),
            "defaultConfiguration": .object(["level": .string(descriptor.defaultSeverity.rawValue)]),
        ])
    }

    /// The result's message: the finding's, links to its related places (so viewers such as
    /// GitHub's show them), and the hint, as the GitHub annotations write it.
    static func messageText(_ finding: Finding, words: CheckWording) -> String {
        var text = escaped(finding.message)
        if !finding.related.isEmpty {
            text += words.seeAlso(finding.related.enumerated().map { "[\(escaped($1.location.description))](\($0 + 1))" }.joined(separator: ", "))
        }
        if let hint = finding.hint { text += words.hint(escaped(hint)) }
        return text
    }

    static func message(_ text: String) -> JSONOutput { .object(["text": .string(text)]) }

    /// Plain SARIF message text treats `[text](id)` as a link; literal brackets are escaped so
    /// a name in brackets never becomes one.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }

    /// `the stated shares …` → `The stated shares ….`
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        var out = first.uppercased() + text.dropFirst()
        if let last = out.last, !".!?".contains(last) { out += "." }
        return out
    }

    /// A SARIF `location`: the file, and the line and column as a region; a workbook cell or a
    /// JSON pointer also as a logical location.
    static func location(_ l: SourceLocation, words: CheckWording) -> [String: JSONOutput] {
        var physical: [String: JSONOutput] = ["artifactLocation": .object(artifactLocation(l.file, words: words))]
        if l.sheet == nil, l.place == nil, l.line >= 1 {
            var region: [String: JSONOutput] = ["startLine": .number(String(l.line))]
            if l.column >= 1 { region["startColumn"] = .number(String(l.column)) }
            physical["region"] = .object(region)
        }
        var location: [String: JSONOutput] = ["physicalLocation": .object(physical)]
        if let name = logicalName(l) {
            // SARIF's well-known kinds: "value" for a place in a JSON document, "element" for a cell.
            location["logicalLocations"] = .array([.object(["fullyQualifiedName": .string(name), "kind": .string(l.sheet == nil && l.place == nil ? "value" : "element")])])
        }
        return location
    }

    /// `Blad1!B7` for a workbook cell, the JSON pointer for a plan value; nil when neither.
    static func logicalName(_ l: SourceLocation) -> String? {
        if let sheet = l.sheet { return SourceLocation.quotedSheetName(sheet) + "!" + SourceLocation.cellReference(row: l.line, column: l.column) }
        if let pointer = l.pointer, !pointer.isEmpty { return pointer }
        return nil
    }

    /// A relative path as a URI reference against `%SRCROOT%`, an absolute one as a `file:` URI,
    /// standard input as a description without a URI.
    static func artifactLocation(_ file: String, words: CheckWording) -> [String: JSONOutput] {
        guard let uri = uri(file) else { return ["description": message(words.standardInput)] }
        return file.hasPrefix("/") ? ["uri": .string(uri)] : ["uri": .string(uri), "uriBaseId": .string(sourceRoot)]
    }

    /// The URI of a file name; nil for standard input. Every byte but unreserved characters and
    /// `/` is percent-encoded, so a space, `%`, `#` or a `:` in the first segment stays part of
    /// the path.
    static func uri(_ file: String) -> String? {
        if file == "<stdin>" || file == "-" { return nil }
        if file.hasPrefix("/") { return "file://" + percentEncoded(file) }
        var path = Substring(file)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return percentEncoded(String(path))
    }

    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
