import Testing
@testable import AMRCore

@Suite struct JSONReaderTests {
    func parse(_ text: String) throws(LoadError) -> JSONValue {
        try JSONReader.parse(Array(text.utf8), file: "t.json")
    }

    func message(_ text: String) -> String? {
        do { _ = try parse(text); return nil } catch { return error.description }
    }

    func message(bytes: [UInt8]) -> String? {
        do { _ = try JSONReader.parse(bytes, file: "t.json"); return nil } catch { return error.description }
    }

    @Test func keepsNumberLiteralsAndPositions() throws {
        let value = try parse("{\n  \"amount\": 159500.00,\n  \"list\": [1, \"x\"]\n}")
        guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["amount", "list"])
        #expect(members[0].value.kind == .number("159500.00"))
        #expect(members[0].line == 2 && members[0].column == 3)
        #expect(members[0].value.line == 2 && members[0].value.column == 13)
        #expect(value.value(at: "/list/1")?.kind == .string("x"))
        #expect(value.value(at: "/list/1")?.column == 15)
        #expect(value.value(at: "/list/2") == nil)
    }

    @Test func pointerTokensAreUnescaped() throws {
        let value = try parse(#"{"a/b": {"c~d": true}}"#)
        #expect(value.value(at: "/a~1b/c~0d")?.kind == .bool(true))
    }

    @Test func stringEscapesAndUnicode() throws {
        let value = try parse(#"["\"\\\/\b\f\n\r\t", "\u00e9\ud83d\ude00", "'s-Gravenhage é"]"#)
        #expect(value.value(at: "/0")?.kind == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(value.value(at: "/1")?.kind == .string("é😀"))
        #expect(value.value(at: "/2")?.kind == .string("'s-Gravenhage é"))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let value = try parse("{\"é\": \"ë\", \"x\": 1}")
        #expect(value.value(at: "/x")?.column == 17)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let value = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8), file: "t.json")
        #expect(value.value(at: "/a")?.kind == .number("1"))
    }

    @Test(arguments: [
        ("", "t.json:1:1: invalid JSON: the file is empty; a plan file holds one JSON object"),
        ("{\"a\": 1,}", "t.json:1:9: invalid JSON: trailing comma before '}'; remove the last ','"),
        ("[1, 2,]", "t.json:1:7: invalid JSON: trailing comma before ']'; remove the last ','"),
        ("{\"a\": 1, \"a\": 2}", "t.json:1:10: invalid JSON: duplicate key \"a\" (first at line 1, column 2); each key may appear once"),
        ("{\"a\": NaN}", "t.json:1:7: invalid JSON: NaN and Infinity are not JSON numbers; write the value in plain digits"),
        ("{\"a\": 012}", "t.json:1:7: invalid JSON: a number may not start with 0 followed by digits (leading zeros); codes belong in strings"),
        ("{\"a\": \"x}", "t.json:1:7: invalid JSON: the string that starts here is not closed; add the closing '\"'"),
        ("{\"a\" 1}", "t.json:1:6: invalid JSON: unexpected '1'; expected ':' after the key \"a\""),
        ("{\"a\": 1} x", "t.json:1:10: invalid JSON: unexpected 'x' after the end of the JSON value"),
        ("{\"a\": [1, 2}", "t.json:1:12: invalid JSON: unexpected '}'; expected ',' or ']'"),
        ("{\n  \"a\": tru\n}", "t.json:2:8: invalid JSON: unexpected 'tru'; expected 'true' (strings need double quotes)"),
        ("[\"\\ud800\"]", "t.json:1:3: invalid JSON: unpaired surrogate \\uD800; a high surrogate must be followed by a low one"),
        ("[\"a\\x\"]", "t.json:1:4: invalid JSON: invalid escape '\\x'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
        ("{\"a\": 1", "t.json:1:8: invalid JSON: the file ends inside the object that starts at line 1, column 1; expected '}'"),
        ("// note\n{}", "t.json:1:1: invalid JSON: unexpected '/' (comments are not allowed in JSON); expected a value (object, array, string, number, true, false or null)"),
        ("[1e]", "t.json:1:2: invalid JSON: an exponent must have digits"),
    ])
    func syntaxErrorsNameThePlace(input: String, expected: String) {
        #expect(message(input) == expected)
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(message(deep) == "t.json:1:201: invalid JSON: nesting deeper than 200 levels; plan files need far fewer (AMR_MAX_JSON_DEPTH raises the limit)")
    }

    @Test func invalidUTF8NamesLineAndColumn() {
        #expect(message(bytes: Array("{\n \"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8))
                == "t.json:2:8: invalid UTF-8 (byte 0xC3); save the file as UTF-8")
    }

    @Test func utf16IsRefused() {
        #expect(message(bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]) == "t.json:1:1: the file is UTF-16; save it as UTF-8")
    }

    @Test func controlCharacterInString() {
        #expect(message("[\"a\tb\"]")?.hasPrefix("t.json:1:4: invalid JSON:") == true)
    }
}
