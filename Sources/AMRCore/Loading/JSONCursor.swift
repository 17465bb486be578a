/// A JSON value together with its JSON pointer and file: the reading end of the plan loader.
/// Every accessor throws a `LoadError` that names the file, line, column and pointer and says
/// what would have been right.
struct JSONCursor {
    let value: JSONValue
    let pointer: String
    let file: String

    var location: SourceLocation {
        SourceLocation(file: file, line: value.line, column: value.column, pointer: pointer)
    }

    func invalid(_ expected: String) -> LoadError {
        .invalidValue(location, found: value.summary, expected: expected)
    }

    func string() throws(LoadError) -> String {
        guard case .string(let text) = value.kind else { throw invalid("a string") }
        return text
    }

    /// A non-empty string.
    func text() throws(LoadError) -> String {
        let text = try string()
        if text.trimmingWhitespace.isEmpty { throw invalid("a non-empty text") }
        return text
    }

    func bool() throws(LoadError) -> Bool {
        guard case .bool(let flag) = value.kind else { throw invalid("true or false") }
        return flag
    }

    /// An exact decimal from a JSON number's literal text or a string of plain digits.
    func decimal() throws(LoadError) -> ExactDecimal {
        let literal: String
        switch value.kind {
        case .number(let text), .string(let text): literal = text
        default: throw invalid("a number such as 101381 or \"12.5\"")
        }
        switch ExactDecimal.parse(literal) {
        case .success(let decimal): return decimal
        case .failure(let error):
            throw .invalidValue(location, found: error.description, expected: "a number in plain digits such as 101381 or \"12.5\"")
        }
    }

    /// A decimal that is zero or more.
    func nonNegativeDecimal() throws(LoadError) -> ExactDecimal {
        let decimal = try decimal()
        if decimal.isNegative { throw invalid("a number of 0 or more") }
        return decimal
    }

    /// An amount in euros with at most two decimals: a JSON number in plain digits, or a string
    /// as a person types it in Dutch notation (`"250.000"`, `"€ 250.000,00"`; see `AmountReader`).
    func amount() throws(LoadError) -> Money {
        let result: Result<Money, AmountReadError>
        switch value.kind {
        case .number(let text): result = AmountReader.readPlain(text)
        case .string(let text): result = AmountReader(notation: .nl).read(text)
        default: throw invalid("an amount such as \"159500.00\" or 159500")
        }
        switch result {
        case .success(let money): return money
        case .failure(.tooLarge(let text)):
            let bound = text.hasPrefix("-") ? "of at least -\(Money.largest)" : "of at most \(Money.largest)"
            throw .invalidValue(location, found: MoneyParseError.tooLarge(text).description, expected: "an amount \(bound) (whole cents in 64 bits)")
        case .failure(.tooManyDecimals(let text)) where value.kind == .number(text):
            let integer = Array(text.utf8.prefix { $0 != UInt8(ascii: ".") }.filter { $0 != UInt8(ascii: "-") })
            let thousands = text.split(separator: ".").last?.count == 3 && AmountReader.leadsThousands(integer)
            throw .invalidValue(location, found: "the number \(text), which has more than 2 decimals",
                                expected: thousands
                                    ? "an amount with at most 2 decimals: for thousands write \(text.replacingOccurrences(of: ".", with: "")) or \"\(text)\" as a string in Dutch notation; for cents write 2 decimals such as \(text.dropLast())"
                                    : "an amount with at most 2 decimals such as 159500.50")
        case .failure(let error):
            if case .ambiguous = error {
                throw .invalidValue(location, found: error.problem(in: .nl), expected: error.advice(in: .nl))
            }
            throw .invalidValue(location, found: error.problem(in: .nl), expected: "an amount in euros with at most 2 decimals such as \"159500.00\" or \"159.500,00\"")
        }
    }

    /// A whole number (a JSON integer or a string of digits).
    func count() throws(LoadError) -> Int {
        let decimal = try decimal()
        guard let whole = decimal.scaled(to: 0), let count = Int(exactly: whole) else {
            throw invalid("a whole number")
        }
        return count
    }

    func date() throws(LoadError) -> PlanDate {
        guard case .string(let text) = value.kind, let date = PlanDate(text) else {
            throw invalid("a date \"YYYY-MM-DD\" that exists in the calendar")
        }
        return date
    }

    /// A slug `[a-z0-9][a-z0-9-]*`.
    func id() throws(LoadError) -> String {
        let text = try string()
        let bytes = Array(text.utf8)
        let valid = !bytes.isEmpty && bytes.allSatisfy { b in
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
        } && bytes[0] != UInt8(ascii: "-")
        guard valid else { throw invalid("an id of lower-case letters, digits and '-' such as \"begroting-2018\"") }
        return text
    }

    func municipalityCode() throws(LoadError) -> MunicipalityCode {
        guard case .string(let text) = value.kind, let code = MunicipalityCode(text) else {
            throw invalid("a CBS municipality code \"GM\" + 4 digits such as \"GM0518\"")
        }
        return code
    }

    func regionCode() throws(LoadError) -> RegionCode {
        guard case .string(let text) = value.kind, let code = RegionCode(text) else {
            throw invalid("a CBS labour-market region code \"AM\" + 2 digits such as \"AM19\"")
        }
        return code
    }

    func array() throws(LoadError) -> [JSONCursor] {
        guard case .array(let items) = value.kind else { throw invalid("an array [ … ]") }
        return items.enumerated().map { JSONCursor(value: $1, pointer: pointer + "/\($0)", file: file) }
    }

    func strings() throws(LoadError) -> [String] {
        var result: [String] = []
        for item in try array() { result.append(try item.string()) }
        return result
    }

    /// The object's members; keys outside `keys` are reported to `warnings` as unknown.
    func object(keys: [String], warnings: inout [LoadWarning]) throws(LoadError) -> JSONObjectCursor {
        guard case .object(let members) = value.kind else { throw invalid("an object { … }") }
        for member in members where !keys.contains(member.key) {
            let location = SourceLocation(file: file, line: member.line, column: member.column,
                                          pointer: pointer + "/" + member.key.jsonPointerEscaped)
            let suggestion = Suggestion.closest(to: member.key, among: keys)
            var message = "unknown key \"\(member.key)\" is ignored"
            if let suggestion {
                message += "; did you mean \"\(suggestion)\"?"
            } else {
                message += "; known keys here: " + keys.joined(separator: ", ")
            }
            warnings.append(LoadWarning(location: location, key: member.key, message: message, suggestion: suggestion, known: keys))
        }
        return JSONObjectCursor(cursor: self, members: members)
    }
}

/// The members of one JSON object, read by key.
struct JSONObjectCursor {
    let cursor: JSONCursor
    let members: [JSONMember]

    subscript(key: String) -> JSONCursor? {
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        if case .null = member.value.kind { return nil }
        return JSONCursor(value: member.value, pointer: cursor.pointer + "/" + key.jsonPointerEscaped, file: cursor.file)
    }

    func required(_ key: String) throws(LoadError) -> JSONCursor {
        guard let value = self[key] else { throw .missingKey(cursor.location, key: key) }
        return value
    }
}

/// Something in a plan file that does not stop it from being used, such as an unknown key.
public struct LoadWarning: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var key: String
    /// The message in English; `amr check` words it in the reader's language from the key, the
    /// suggestion and the known keys.
    public var message: String
    /// The nearest known key, when one is near.
    public var suggestion: String? = nil
    /// The keys the object may have.
    public var known: [String] = []
    public var description: String { "\(location): warning: \(message)" }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
