import Testing
@testable import AMRCore

@Suite struct CSVReaderTests {
    func read(_ text: String, _ delimiter: Unicode.Scalar = ",") throws(LoadError) -> [[String]] {
        try CSVReader.records(text, delimiter: delimiter, file: "t.csv").map(\.fields)
    }

    @Test func quotesEscapesAndLineBreaks() throws {
        #expect(try read("a,\"b,c\",\"say \"\"hi\"\"\"\n1,\"two\nlines\",3\n") == [["a", "b,c", "say \"hi\""], ["1", "two\nlines", "3"]])
        #expect(try read("a;b\r\n1;2\r\n", ";") == [["a", "b"], ["1", "2"]])
        #expect(try read("a,b\r1,2") == [["a", "b"], ["1", "2"]])
        #expect(try read("a,,c\n\n\n,\n") == [["a", "", "c"], ["", ""]])
        #expect(try read("x\"y,z\n") == [["x\"y", "z"]])
        #expect(try read("\"\"\n") == [[""]])
    }

    @Test func linesAndColumns() throws {
        let records = try CSVReader.records("naam,gewicht\n\"Den\nHaag\",5\nDelft, 7\n", delimiter: ",", file: "t.csv")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[2].columns == [1, 7])
    }

    @Test func errorsNameLineAndColumn() {
        #expect(throws: LoadError.csv(SourceLocation(file: "t.csv", line: 2, column: 3),
                                      "unclosed quote: the field that starts here has no closing \"; close it or remove the quote")) {
            try read("a,b\n1,\"2\n3,4\n")
        }
        #expect(throws: LoadError.csv(SourceLocation(file: "t.csv", line: 1, column: 4),
                                      "unexpected text after a closing quote; a quoted field must end at the separator (write \"\" for a quote inside quotes)")) {
            try read("\"a\"b,c\n")
        }
    }

    @Test(arguments: [
        ("naam,gewicht\nA,1\n", ","), ("naam;gewicht\nA;12,5\nB;1.234,5\n", ";"), ("naam\tgewicht\nA\t1,5\n", "\t"),
        ("\"a;b\",c\n\"d;e\",f\n", ","), ("\"Titel\"\n\"Regio's\";\"aantal\"\n\"Delft\";\"1\"\n", ";"),
    ] as [(String, String)])
    func detectsTheSeparator(text: String, expected: String) {
        #expect(String(CSVReader.detectDelimiter(text)) == expected)
    }

    /// Fields with separators, quotes and line breaks, written quoted, read back the same.
    @Test func roundTrip() throws {
        var random = SeededRandom(state: 99)
        let alphabet: [String] = ["a", "b", "é", ",", ";", "\"", "\n", " ", "1", "€"]
        for _ in 0..<500 {
            let rows = (0..<(1 + Int(random.upTo(4)))).map { _ in
                (0..<(2 + Int(random.upTo(3)))).map { _ in
                    (0..<Int(random.upTo(6))).map { _ in alphabet[Int(random.upTo(UInt64(alphabet.count - 1)))] }.joined()
                }
            }
            let text = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
                .joined(separator: "\r\n") + "\r\n"
            #expect(try read(text) == rows)
        }
    }
}

@Suite struct TextDecodingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try TextDecoding.decode(Array("é".utf8), file: "t") == "é")
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("é".utf8), file: "t") == "é")
    }

    @Test func windows1252() throws {
        #expect(try TextDecoding.decode([0x27, 0x73, 0x2D, 0x47, 0x72, 0x61, 0x76, 0x65, 0x6E, 0x68, 0x61, 0x67, 0x65, 0x3B, 0xE9, 0x80], file: "t")
                == "'s-Gravenhage;é€")
    }

    @Test func refusals() {
        #expect(throws: LoadError.encoding(SourceLocation(file: "t", line: 1, column: 1),
                                           "the file is UTF-16; save it as UTF-8 (in Excel: 'CSV UTF-8 (comma delimited)')")) {
            try TextDecoding.decode([0xFF, 0xFE, 0x61, 0x00], file: "t")
        }
        // Valid multi-byte UTF-8 and a broken byte: damaged UTF-8, not Windows-1252.
        #expect(throws: LoadError.encoding(SourceLocation(file: "t", line: 2, column: 3), "invalid UTF-8 (byte 0xE9); save the file as UTF-8")) {
            try TextDecoding.decode(Array("é\nab".utf8) + [0xE9, 0x0A], file: "t")
        }
        #expect(throws: LoadError.encoding(SourceLocation(file: "t", line: 1, column: 2), "byte 0x81 is neither UTF-8 nor Windows-1252 text; save the file as UTF-8")) {
            try TextDecoding.decode([0x61, 0x81], file: "t")
        }
    }
}
