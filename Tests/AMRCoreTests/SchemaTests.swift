import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// A validator for the part of JSON Schema 2020-12 that the plan schema uses: type, const, enum,
/// properties, required, additionalProperties, propertyNames, items, minItems, minLength,
/// pattern, minimum/maximum/exclusiveMinimum, $ref to #/$defs, anyOf, oneOf. Enough to hold
/// every fixture to the rules the schema states; a keyword it does not know fails the test.
struct SchemaValidator {
    let root: JSONValue

    func validate(_ value: JSONValue, against schema: JSONValue, at path: String = "") -> [String] {
        guard case .object(let members) = schema.kind else { return ["\(path): schema is not an object"] }
        var errors: [String] = []
        func member(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
        let known: Set<String> = ["$schema", "$id", "title", "description", "default", "format", "$defs", "type", "const", "enum",
                                  "properties", "required", "additionalProperties", "propertyNames", "items", "minItems",
                                  "minLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "$ref", "anyOf", "oneOf"]
        for m in members where !known.contains(m.key) { errors.append("\(path): unsupported keyword \(m.key)") }
        if case .string(let ref)? = member("$ref")?.kind {
            guard ref.hasPrefix("#"), let target = root.value(at: String(ref.dropFirst())) else { return ["\(path): bad $ref \(ref)"] }
            errors += validate(value, against: target, at: path)
        }
        if let type = member("type") {
            let types: [String]
            switch type.kind {
            case .string(let t): types = [t]
            case .array(let items): types = items.compactMap { if case .string(let t) = $0.kind { return t } else { return nil } }
            default: types = []
            }
            if !types.contains(where: { Self.matches(value, type: $0) }) { errors.append("\(path): not of type \(types)") }
        }
        if let constant = member("const"), !Self.equal(value, constant) { errors.append("\(path): not the constant") }
        if case .array(let options)? = member("enum")?.kind, !options.contains(where: { Self.equal(value, $0) }) {
            errors.append("\(path): \(value.summary) not in enum")
        }
        if case .string(let pattern)? = member("pattern")?.kind, case .string(let text) = value.kind {
            if text.range(of: pattern, options: .regularExpression) == nil { errors.append("\(path): '\(text)' does not match \(pattern)") }
        }
        if case .number(let limit)? = member("minLength")?.kind, case .string(let text) = value.kind, let n = Int(limit), text.count < n {
            errors.append("\(path): shorter than \(n)")
        }
        if case .number(let text) = value.kind, let number = Self.integerPart(text) {
            if case .number(let m)? = member("minimum")?.kind, let min = Self.integerPart(m), number < min || (number == min && text.hasPrefix("-") && number == 0) {
                errors.append("\(path): below \(m)")
            }
            if case .number(let m)? = member("maximum")?.kind, let max = Self.integerPart(m), number > max { errors.append("\(path): above \(m)") }
            if case .number(let m)? = member("exclusiveMinimum")?.kind, let min = Self.integerPart(m), number < min || (number == min && !text.contains(".")) {
                errors.append("\(path): not above \(m)")
            }
        }
        if case .object(let valueMembers) = value.kind {
            let properties: [JSONMember]
            if case .object(let p)? = member("properties")?.kind { properties = p } else { properties = [] }
            if case .array(let required)? = member("required")?.kind {
                for case .string(let key) in required.map(\.kind) where !valueMembers.contains(where: { $0.key == key }) {
                    errors.append("\(path): missing \(key)")
                }
            }
            for m in valueMembers {
                if let schema = properties.first(where: { $0.key == m.key })?.value {
                    errors += validate(m.value, against: schema, at: path + "/" + m.key)
                } else if let additional = member("additionalProperties") {
                    if additional.kind == .bool(false) { errors.append("\(path): unknown key \(m.key)") }
                    else if case .object = additional.kind { errors += validate(m.value, against: additional, at: path + "/" + m.key) }
                }
                if let names = member("propertyNames") {
                    errors += validate(JSONValue(kind: .string(m.key), line: 0, column: 0), against: names, at: path + "/" + m.key)
                }
            }
        }
        if case .array(let items) = value.kind {
            if let itemSchema = member("items") {
                for (index, item) in items.enumerated() { errors += validate(item, against: itemSchema, at: "\(path)/\(index)") }
            }
            if case .number(let m)? = member("minItems")?.kind, let n = Int(m), items.count < n { errors.append("\(path): fewer than \(n) items") }
        }
        if case .array(let options)? = member("anyOf")?.kind, !options.contains(where: { validate(value, against: $0, at: path).isEmpty }) {
            errors.append("\(path): matches none of anyOf")
        }
        if case .array(let options)? = member("oneOf")?.kind {
            let count = options.filter { validate(value, against: $0, at: path).isEmpty }.count
            if count != 1 { errors.append("\(path): matches \(count) of oneOf") }
        }
        return errors
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value.kind) {
        case ("object", .object), ("array", .array), ("string", .string), ("number", .number), ("boolean", .bool), ("null", .null): true
        case ("integer", .number(let text)): !text.contains(".") && !text.lowercased().contains("e")
        default: false
        }
    }

    static func integerPart(_ text: String) -> Int? { Int(text.split(separator: ".").first ?? "") }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a.kind, b.kind) {
        case (.string(let x), .string(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        default: false
        }
    }
}

@Suite struct SchemaTests {
    let schema: JSONValue

    init() throws {
        schema = try JSONReader.parse(Array(PlanSchema.text.utf8), file: "schema")
    }

    func errors(_ text: String) throws -> [String] {
        let value = try JSONReader.parse(Array(text.utf8), file: "plan")
        return SchemaValidator(root: schema).validate(value, against: schema)
    }

    @Test func schemaIsDraft2020_12() {
        #expect(schema.value(at: "/$schema")?.kind == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    /// Every plan file in Fixtures/, whatever its name.
    static let fixtures: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.root.appendingPathComponent("Fixtures").path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test func thereAreFixturesToValidate() {
        #expect(Self.fixtures.count >= 9)
        #expect(Self.fixtures.contains("rijnmond-2022-2025.json"))
    }

    @Test(arguments: fixtures)
    func everyFixtureFollowsTheSchema(name: String) throws {
        let text = try String(contentsOfFile: TestSupport.fixture(name), encoding: .utf8)
        #expect(try errors(text) == [])
    }

    /// Tables: one column (rows with "value", a "total") or several ("columns", rows with
    /// "values", "totals"), never a mix; a cell is a number or { "value", "date", "alsoStated" }.
    @Test func theSchemaHoldsTablesToOneForm() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("veenstreek-tabellen-2020.json"), encoding: .utf8)
        #expect(try errors(text.replacingOccurrences(of: "\"totals\": { \"uitstroom\": 303", with: "\"total\": 303, \"totals\": { \"uitstroom\": 303"))
            .contains("/tables/2: matches 0 of oneOf"))
        #expect(try errors(text.replacingOccurrences(of: "\"partOf\": \"totaal\"", with: "\"partOf\": \"Totaal\"")).contains { $0.hasPrefix("/tables/0") })
        #expect(try errors(text.replacingOccurrences(of: "\"rounding\": \"nearest\", \"decimals\": 0", with: "\"rounding\": \"half-even\""))
            .contains("/tables/2: matches 0 of oneOf"))
        #expect(try errors(text.replacingOccurrences(of: "\"financier\": \"Regio\"", with: "\"financier\": \"\"")).contains { $0.hasPrefix("/budgets/0/lines/0/financier") })
        let rijnmond = try String(contentsOfFile: TestSupport.fixture("rijnmond-2022-2025.json"), encoding: .utf8)
        #expect(try errors(rijnmond.replacingOccurrences(of: "\"minimum\": \"50000.00\",", with: "\"minimum\": \"50000.001\","))
            .contains("/requirements/0/minimum: matches none of anyOf"))
        #expect(try errors(rijnmond.replacingOccurrences(of: "\"key\": \"minimum\", \"value\": \"50000.00\", \"source\": { \"section\": \"Samenvatting",
                                                         with: "\"key\": \"minimum\", \"waarde\": \"50000.00\", \"source\": { \"section\": \"Samenvatting"))
            .contains("/requirements/0/alsoStated/1: unknown key waarde"))
    }

    @Test func theSchemaCatchesWhatAnEditorShould() throws {
        let text = try String(contentsOfFile: TestSupport.fixture("haaglanden-2017.json"), encoding: .utf8)
        #expect(try errors(text.replacingOccurrences(of: "\"amount\": \"154000.00\"", with: "\"ammount\": \"154000.00\"")).contains("/allocations/0: unknown key ammount"))
        #expect(try errors(text.replacingOccurrences(of: "\"GM0503\"", with: "\"GM503\"")).contains { $0.hasPrefix("/region/municipalities/0/code: 'GM503' does not match") })
        #expect(try errors(text.replacingOccurrences(of: "\"154000.00\"", with: "\"154000.001\"")).contains("/allocations/0/amount: matches none of anyOf"))
        #expect(try errors(text.replacingOccurrences(of: "\"schemaVersion\": 1", with: "\"schemaVersion\": 2")).contains("/schemaVersion: not the constant"))
    }

    @Test func theCommandPrintsIt() {
        let outcome = TestSupport.run(["schema"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout == PlanSchema.text)
    }
}
