/// Reads JSON text (RFC 8259) into `JSONValue`s that know their line and column. Stricter than
/// `JSONDecoder` on purpose: duplicate keys, trailing commas, comments, `NaN`, leading zeros and
/// control characters in strings are errors, and nesting is limited so no input can exhaust the
/// stack.
public struct JSONReader {
    /// Deepest nesting of arrays and objects accepted; plan files need fewer than 10 levels.
    public static let defaultMaximumDepth = InputLimits.standard.maximumDepth

    private let bytes: [UInt8]
    private let file: String
    private let maximumDepth: Int
    private var index = 0
    private var line = 1
    private var column = 1

    private init(bytes: [UInt8], file: String, maximumDepth: Int) {
        self.bytes = bytes
        self.file = file
        // Never deeper than the stack survives, whatever a caller asks for.
        self.maximumDepth = min(maximumDepth, InputLimits.maximumDepthCeiling)
    }

    /// Parses a whole document. A UTF-8 byte-order mark at the start is allowed and skipped.
    public static func parse(_ bytes: [UInt8], file: String, maximumDepth: Int = defaultMaximumDepth) throws(LoadError) -> JSONValue {
        var reader = JSONReader(bytes: bytes, file: file, maximumDepth: maximumDepth)
        try reader.checkEncoding()
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipWhitespace()
        guard reader.index < bytes.count else {
            throw .syntax(reader.here, bytes.count <= 3 ? "the file is empty; a plan file holds one JSON object" : "no JSON value, only white space")
        }
        let value = try reader.parseValue(depth: 0)
        reader.skipWhitespace()
        if reader.index < bytes.count {
            throw .syntax(reader.here, "unexpected \(reader.describeCurrent()) after the end of the JSON value")
        }
        return value
    }

    private var depthMessage: String {
        let raise = maximumDepth < InputLimits.maximumDepthCeiling
            ? "AMR_MAX_JSON_DEPTH raises the limit" : "amr reads no deeper, to keep the stack safe"
        return "nesting deeper than \(maximumDepth) levels; plan files need far fewer (\(raise))"
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// Rejects bytes that are not UTF-8, naming the line and column of the first bad byte.
    private mutating func checkEncoding() throws(LoadError) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .encoding(SourceLocation(file: file, line: 1, column: 1), "the file is UTF-16; save it as UTF-8")
        }
        var i = 0
        var line = 1
        var column = 1
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= bytes.count
            if valid && length > 1 {
                for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false }
                if valid {
                    let b1 = bytes[i + 1]
                    if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) || (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) {
                        valid = false
                    }
                }
            }
            guard valid else {
                throw .encoding(SourceLocation(file: file, line: line, column: column),
                                "invalid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true))); save the file as UTF-8")
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
    }

    private mutating func advance() {
        let b = bytes[index]
        index += 1
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: advance()
            default: return
            }
        }
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let b = bytes[index]
        switch b {
        case 0x22: return "'\"'"
        case 0x2F: return "'/' (comments are not allowed in JSON)"
        case 0x20...0x7E: return "'\(Character(UnicodeScalar(b)))'"
        default:
            if b < 0x20 { return "control character 0x\(String(b, radix: 16, uppercase: true))" }
            var end = index + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
        }
    }

    private mutating func parseValue(depth: Int) throws(LoadError) -> JSONValue {
        guard index < bytes.count else { throw .syntax(here, "the file ends where a value was expected") }
        let start = (line, column)
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""):
            return JSONValue(kind: .string(try parseString()), line: start.0, column: start.1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(kind: .number(try parseNumber()), line: start.0, column: start.1)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONValue(kind: .bool(true), line: start.0, column: start.1)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONValue(kind: .bool(false), line: start.0, column: start.1)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONValue(kind: .null, line: start.0, column: start.1)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw .syntax(here, "NaN and Infinity are not JSON numbers; write the value in plain digits")
        default:
            throw .syntax(here, "unexpected \(describeCurrent()); expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func expectWord(_ word: String) throws(LoadError) {
        let start = here
        let startIndex = index
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                var end = startIndex
                while end < bytes.count, end - startIndex < 20,
                      (bytes[end] >= UInt8(ascii: "a") && bytes[end] <= UInt8(ascii: "z")) || (bytes[end] >= UInt8(ascii: "A") && bytes[end] <= UInt8(ascii: "Z")) {
                    end += 1
                }
                let found = String(decoding: bytes[startIndex..<end], as: UTF8.self)
                throw .syntax(start, "unexpected '\(found)'; expected '\(word)' (strings need double quotes)")
            }
            advance()
        }
    }

    private mutating func parseObject(depth: Int) throws(LoadError) -> JSONValue {
        let start = here
        if depth > maximumDepth { throw .syntax(start, depthMessage) }
        advance() // {
        var members: [JSONMember] = []
        var seen: [String: (Int, Int)] = [:]
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            advance()
            return JSONValue(kind: .object(members), line: start.line, column: start.column)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw .syntax(here, "the file ends inside the object that starts at line \(start.line), column \(start.column); expected '}'") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") { throw .syntax(here, "trailing comma before '}'; remove the last ','") }
                throw .syntax(here, "unexpected \(describeCurrent()); expected a key in double quotes")
            }
            let keyLine = line, keyColumn = column
            let key = try parseString()
            if let first = seen[key] {
                throw .syntax(SourceLocation(file: file, line: keyLine, column: keyColumn),
                              "duplicate key \"\(key)\" (first at line \(first.0), column \(first.1)); each key may appear once")
            }
            seen[key] = (keyLine, keyColumn)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw .syntax(here, "unexpected \(describeCurrent()); expected ':' after the key \"\(key)\"")
            }
            advance()
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, line: keyLine, column: keyColumn, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw .syntax(here, "the file ends inside the object that starts at line \(start.line), column \(start.column); expected '}'") }
            if bytes[index] == UInt8(ascii: ",") { advance(); continue }
            if bytes[index] == UInt8(ascii: "}") { advance(); break }
            throw .syntax(here, "unexpected \(describeCurrent()); expected ',' or '}'")
        }
        return JSONValue(kind: .object(members), line: start.line, column: start.column)
    }

    private mutating func parseArray(depth: Int) throws(LoadError) -> JSONValue {
        let start = here
        if depth > maximumDepth { throw .syntax(start, depthMessage) }
        advance() // [
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            advance()
            return JSONValue(kind: .array(items), line: start.line, column: start.column)
        }
        while true {
            skipWhitespace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                throw .syntax(here, "trailing comma before ']'; remove the last ','")
            }
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw .syntax(here, "the file ends inside the array that starts at line \(start.line), column \(start.column); expected ']'") }
            if bytes[index] == UInt8(ascii: ",") { advance(); continue }
            if bytes[index] == UInt8(ascii: "]") { advance(); break }
            throw .syntax(here, "unexpected \(describeCurrent()); expected ',' or ']'")
        }
        return JSONValue(kind: .array(items), line: start.line, column: start.column)
    }

    private mutating func parseString() throws(LoadError) -> String {
        let start = here
        advance() // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ reader: JSONReader, upTo end: Int, into scalars: inout String.UnicodeScalarView) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: reader.bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard index < bytes.count else {
                throw .syntax(start, "the string that starts here is not closed; add the closing '\"'")
            }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                flush(self, upTo: index, into: &scalars)
                advance()
                return String(scalars)
            }
            if b < 0x20 {
                throw .syntax(here, b == 0x0A ? "line break inside a string (opened at line \(start.line), column \(start.column)); close the string or write \\n"
                                              : "control character 0x\(String(b, radix: 16, uppercase: true)) inside a string; escape it as \\u00\(b < 0x10 ? "0" : "")\(String(b, radix: 16, uppercase: true))")
            }
            if b == UInt8(ascii: "\\") {
                flush(self, upTo: index, into: &scalars)
                let escapeStart = here
                advance()
                guard index < bytes.count else { throw .syntax(escapeStart, "the file ends inside an escape sequence") }
                let e = bytes[index]
                advance()
                switch e {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let high = try parseHex4(escapeStart)
                    if (0xD800...0xDBFF).contains(high) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw .syntax(escapeStart, "unpaired surrogate \\u\(String(high, radix: 16, uppercase: true)); a high surrogate must be followed by a low one")
                        }
                        advance(); advance()
                        let low = try parseHex4(escapeStart)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw .syntax(escapeStart, "unpaired surrogate \\u\(String(high, radix: 16, uppercase: true)); a high surrogate must be followed by a low one")
                        }
                        let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                        guard let scalar = Unicode.Scalar(value) else { throw .syntax(escapeStart, "invalid escape") }
                        scalars.append(scalar)
                    } else {
                        guard let scalar = Unicode.Scalar(high) else {
                            throw .syntax(escapeStart, "unpaired surrogate \\u\(String(high, radix: 16, uppercase: true)); a low surrogate must follow a high one")
                        }
                        scalars.append(scalar)
                    }
                default:
                    throw .syntax(escapeStart, "invalid escape '\\\(Character(UnicodeScalar(e)))'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
                runStart = index
                continue
            }
            advance()
        }
    }

    private mutating func parseHex4(_ escapeStart: SourceLocation) throws(LoadError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw .syntax(escapeStart, "\\u must be followed by four hexadecimal digits") }
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw .syntax(escapeStart, "\\u must be followed by four hexadecimal digits")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    /// A number per RFC 8259, kept as its literal text.
    private mutating func parseNumber() throws(LoadError) -> String {
        let start = here
        let startIndex = index
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        guard index < bytes.count, isDigit(bytes[index]) else {
            if index < bytes.count && (bytes[index] == UInt8(ascii: "I") || bytes[index] == UInt8(ascii: "N")) {
                throw .syntax(start, "-Infinity and NaN are not JSON numbers")
            }
            throw .syntax(start, "'-' must be followed by digits")
        }
        if bytes[index] == UInt8(ascii: "0") {
            advance()
            if index < bytes.count && isDigit(bytes[index]) {
                throw .syntax(start, "a number may not start with 0 followed by digits (leading zeros); codes belong in strings")
            }
        } else {
            while index < bytes.count && isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            advance()
            guard index < bytes.count, isDigit(bytes[index]) else { throw .syntax(start, "a decimal point must be followed by digits") }
            while index < bytes.count && isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            advance()
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { advance() }
            guard index < bytes.count, isDigit(bytes[index]) else { throw .syntax(start, "an exponent must have digits") }
            while index < bytes.count && isDigit(bytes[index]) { advance() }
        }
        return String(decoding: bytes[startIndex..<index], as: UTF8.self)
    }
}
