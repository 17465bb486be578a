import Testing
@testable import AMRCore

@Suite struct CSVReaderTests {
    static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")

    func read(_ text: String, _ delimiter: UInt8 = comma) throws(LoadError) -> [[String]] {
        try CSVReader.records(text, delimiter: delimiter, file: "t.csv").map(\.fields)
    }

    func error(_ text: String, _ delimiter: UInt8 = comma) -> String? {
        do {
            _ = try CSVReader.records(text, delimiter: delimiter, file: "t.csv")
            return nil
        } catch {
            return error.description
        }
    }

    // MARK: Records

    @Test func plainRecordsWithLinesAndColumns() throws {
        let records = try CSVReader.records("naam,gewicht\nDelft,101381\nWestland,105885\n", delimiter: Self.comma, file: "t.csv")
        #expect(records == [
            CSVRecord(fields: ["naam", "gewicht"], line: 1, columns: [1, 6]),
            CSVRecord(fields: ["Delft", "101381"], line: 2, columns: [1, 7]),
            CSVRecord(fields: ["Westland", "105885"], line: 3, columns: [1, 10]),
        ])
    }

    @Test func quotedFieldsHoldSeparatorsAndDoubledQuotes() throws {
        #expect(try read("a,\"b,c\",\"say \"\"hi\"\"\"\n") == [["a", "b,c", "say \"hi\""]])
        #expect(try read("\"\"\"\",\"\"\n") == [["\"", ""]])
        #expect(try read("\"a;b\";c\n", Self.semicolon) == [["a;b", "c"]])
    }

    @Test func lineBreaksInsideQuotesBelongToTheField() throws {
        let records = try CSVReader.records("id,note\n1,\"two\nlines\"\n2,\"three\r\nmore\rlines\"\n3,x\n", delimiter: Self.comma, file: "t.csv")
        #expect(records.map(\.fields) == [["id", "note"], ["1", "two\nlines"], ["2", "three\r\nmore\rlines"], ["3", "x"]])
        #expect(records.map(\.line) == [1, 2, 4, 7])
    }

    @Test func crlfAndLoneCRLineEnds() throws {
        #expect(try read("a;b\r\n1;2\r\n", Self.semicolon) == [["a", "b"], ["1", "2"]])
        #expect(try read("a,b\r1,2\r3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
        let records = try CSVReader.records("a\r\n\r\nb\rc\n", delimiter: Self.comma, file: "t.csv")
        #expect(records.map(\.line) == [1, 3, 4])
    }

    @Test func blankLinesAreSkippedButAnEmptyQuotedFieldIsARecord() throws {
        let records = try CSVReader.records("\n\na,b\n\n\r\n1,2\n\n\"\"\n", delimiter: Self.comma, file: "t.csv")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], [""]])
        #expect(records.map(\.line) == [3, 6, 8])
    }

    @Test func emptyFieldsAndTheLastLineWithoutBreak() throws {
        #expect(try read("a,,c\n,\n") == [["a", "", "c"], ["", ""]])
        #expect(try read("a,b,") == [["a", "b", ""]])
        #expect(try read("x") == [["x"]])
        #expect(try read("") == [])
    }

    @Test func spacesAroundUnquotedFieldsAreKeptAndAroundQuotesDropped() throws {
        #expect(try read(" Delft , 101381 \n") == [[" Delft ", " 101381 "]])
        #expect(try read("a, \"b,c\" ,d\n") == [["a", "b,c", "d"]])
        // A tab is the separator here, not padding.
        #expect(try read("\t\"a\"\t\t\"b\"\n", Self.tab) == [["", "a", "", "b"]])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
        #expect(try read("x\"y,z\"\n") == [["x\"y", "z\""]])
        #expect(try read("12\" pipe,3\n") == [["12\" pipe", "3"]])
    }

    @Test func tabSeparatedKeepsCommasAndSemicolons() throws {
        #expect(try read("naam\tgewicht\nA;B\t1,5\n", Self.tab) == [["naam", "gewicht"], ["A;B", "1,5"]])
    }

    @Test func columnsCountUnicodeScalars() throws {
        let records = try CSVReader.records("é€,x,\"😀\",y\n", delimiter: Self.comma, file: "t.csv")
        #expect(records.first?.columns == [1, 4, 6, 10])
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        #expect(error("a,b\n1,\"2\n3,4\n")
                == "t.csv:2:3: unclosed quote: the field that starts here has no closing \"; close it or remove the quote")
        #expect(error("é,  \"abc")
                == "t.csv:1:5: unclosed quote: the field that starts here has no closing \"; close it or remove the quote")
        #expect(throws: LoadError.csv(SourceLocation(file: "t.csv", line: 3, column: 1),
                                      "unclosed quote: the field that starts here has no closing \"; close it or remove the quote")) {
            try read("a\r\nb\r\n\"c\"\"\r\n")
        }
    }

    @Test func textAfterAClosingQuoteIsReportedWhereItStarts() {
        #expect(error("\"a\"b,c\n")
                == "t.csv:1:4: text after the closing quote of a quoted field; end the field at the quote, or write \"\" for a quote inside it")
        #expect(error("x,\"two\nlines\" y\n")
                == "t.csv:2:8: text after the closing quote of a quoted field; end the field at the quote, or write \"\" for a quote inside it")
    }

    @Test func manyRecordsAreReadInOrder() throws {
        let text = (1...20_000).map { "gemeente \($0);\($0 * 3)" }.joined(separator: "\r\n")
        let records = try CSVReader.records(text, delimiter: Self.semicolon, file: "t.csv")
        #expect(records.count == 20_000)
        #expect(records.last == CSVRecord(fields: ["gemeente 20000", "60000"], line: 20_000, columns: [1, 16]))
    }

    // MARK: Separator detection

    @Test(arguments: [
        ("naam,gewicht\nA,1\nB,2\n", ","),
        ("naam;gewicht\nA;12,5\nB;1.234,5\n", ";"),
        ("naam\tgewicht\nA\t1,5\nB\t2,5\n", "\t"),
        ("\"a;b\",c\n\"d;e\",f\n", ","),
        ("\"x,y\";\"1,5\"\n\"z\";\"2,5\"\n", ";"),
        ("1,5;2\n3,5;4\n", ";"),
        ("a;b,c\nd;e,f\n", ";"),
        ("\"Bevolking; regio per maand\"\n\"Regio's\";\"Perioden\";\"aantal\"\n\"Delft\";\"2017\";\"1\"\n", ";"),
        ("\n\n  \nnaam;gewicht\n", ";"),
        ("naam\nDelft\n", ","),
        ("", ","),
    ] as [(String, String)])
    func detectsTheSeparator(text: String, expected: String) {
        #expect(CSVReader.detectDelimiter(text) == UInt8(ascii: Unicode.Scalar(expected) ?? ","))
    }

    @Test func detectionLooksAtTheFirstTenLinesOnly() {
        let text = String(repeating: "a;b\n", count: 10) + String(repeating: "a,b,c,d\n", count: 30)
        #expect(CSVReader.detectDelimiter(text) == Self.semicolon)
        #expect(CSVReader.detectDelimiter(String(repeating: "a;b\n", count: 3) + String(repeating: "a,b,c,d\n", count: 7)) == Self.comma)
    }

    @Test func detectionIgnoresLineBreaksInsideQuotes() {
        #expect(CSVReader.detectDelimiter("\"a\nb;c\nd;e\nf;g\",x\n\"h\",y\n") == Self.comma)
    }

    // MARK: Seeded round trips

    /// The line breaks in a text as the reader counts them: CRLF, LF and CR each one.
    func lineBreaks(_ text: String) -> Int {
        var count = 0
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousCR { previousCR = false; continue }
            if scalar == "\n" || scalar == "\r" { count += 1 }
            previousCR = scalar == "\r"
        }
        return count
    }

    static let pieces = ["a", "Z", "é", "€", "😀", " ", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", "1", ".", "'s"]

    func randomTable(_ random: inout SeededRandom, minimumColumns: Int) -> [[String]] {
        let columns = minimumColumns + random.below(4)
        return (0..<(1 + random.below(5))).map { _ in
            (0..<columns).map { _ in (0..<random.below(6)).map { _ in random.element(Self.pieces) }.joined() }
        }
    }

    @Test func quotedFieldsRoundTrip() throws {
        var random = SeededRandom(seed: 20_180_101)
        for _ in 0..<400 {
            let table = randomTable(&random, minimumColumns: 1)
            let delimiter = random.element([",", ";", "\t"])
            let lineEnd = random.element(["\n", "\r\n", "\r"])
            var text = ""
            var expectedLines: [Int] = []
            var line = 1
            for (index, row) in table.enumerated() {
                if index > 0 {
                    text += lineEnd
                    line += 1
                }
                expectedLines.append(line)
                let written = row.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }
                text += written.joined(separator: delimiter)
                line += written.map(lineBreaks).reduce(0, +)
            }
            if random.below(2) == 0 { text += lineEnd }
            let records = try CSVReader.records(text, delimiter: UInt8(ascii: Unicode.Scalar(delimiter) ?? ","), file: "t.csv")
            #expect(records.map(\.fields) == table, "\(text.debugDescription)")
            #expect(records.map(\.line) == expectedLines, "\(text.debugDescription)")
        }
    }

    @Test func unquotedWherePossibleRoundTrips() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<300 {
            let table = randomTable(&random, minimumColumns: 1)
            let delimiter = random.element([",", ";", "\t"])
            let text = table.map { row in
                row.map { field in
                    let plain = !field.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || String($0) == delimiter }
                        && !(row.count == 1 && field.isEmpty)
                    return plain && random.below(3) > 0 ? field : "\"" + field.replacing("\"", with: "\"\"") + "\""
                }.joined(separator: delimiter)
            }.joined(separator: "\n")
            #expect(try read(text, UInt8(ascii: Unicode.Scalar(delimiter) ?? ",")) == table, "\(text.debugDescription)")
        }
    }

    @Test func theSeparatorOfQuotedTablesIsDetected() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<300 {
            let table = randomTable(&random, minimumColumns: 2)
            let delimiter = random.element([",", ";", "\t"])
            let text = table.map { $0.map { "\"" + $0.replacing("\"", with: "\"\"") + "\"" }.joined(separator: delimiter) }.joined(separator: "\r\n")
            #expect(CSVReader.detectDelimiter(text) == UInt8(ascii: Unicode.Scalar(delimiter) ?? ","), "\(text.debugDescription)")
        }
    }
}

extension CSVReaderTests {
/// The bytes-to-text step every CSV goes through first.
@Suite struct TextDecodingTests {
    func decode(_ bytes: [UInt8]) throws(LoadError) -> String {
        try TextDecoding.decode(bytes, file: "t.csv")
    }

    func error(_ bytes: [UInt8]) -> String? {
        do {
            _ = try decode(bytes)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func utf8WithAndWithoutByteOrderMark() throws {
        #expect(try decode(Array("'s-Gravenhage;é€".utf8)) == "'s-Gravenhage;é€")
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("naam;é".utf8)) == "naam;é")
        #expect(try decode([0xEF, 0xBB, 0xBF]) == "")
        #expect(try decode([]) == "")
    }

    @Test func windows1252IncludingTheRangeThatDiffersFromLatin1() throws {
        // ’s-Gravenhage – één © €: 0x92, 0x96, 0xE9, 0xA9, 0x80.
        let bytes: [UInt8] = [0x92] + Array("s-Gravenhage ".utf8) + [0x96, 0x20, 0xE9, 0xE9, 0x6E, 0x20, 0xA9, 0x20, 0x80]
        #expect(try decode(bytes) == "\u{2019}s-Gravenhage \u{2013} één © €")
        #expect(try decode([0x8A, 0x9F, 0xFF, 0xA0]) == "ŠŸÿ\u{A0}")
    }

    @Test(arguments: [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8])
    func undefinedWindows1252BytesAreReportedWithLineAndColumn(byte: UInt8) {
        let hex = String(byte, radix: 16, uppercase: true)
        #expect(error(Array("naam;gewicht\r\nDelft;".utf8) + [0xE9, byte])
                == "t.csv:2:8: byte 0x\(hex) is neither UTF-8 nor Windows-1252 text; save the file as UTF-8")
    }

    @Test func utf16AndUTF32AreRefused() {
        #expect(error([0xFF, 0xFE, 0x61, 0x00]) == "t.csv:1:1: the file is UTF-16; save it as UTF-8 (in Excel: 'CSV UTF-8')")
        #expect(error([0xFE, 0xFF, 0x00, 0x61]) == "t.csv:1:1: the file is UTF-16; save it as UTF-8 (in Excel: 'CSV UTF-8')")
        #expect(error([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]) == "t.csv:1:1: the file is UTF-32; save it as UTF-8 (in Excel: 'CSV UTF-8')")
        #expect(error([0x6E, 0x00, 0x61, 0x00]) == "t.csv:1:2: a NUL byte is not text; the file may be UTF-16 without a byte-order mark: save it as UTF-8")
    }

    @Test func damagedUTF8IsNotReadAsWindows1252() {
        // Valid multi-byte UTF-8 (é) and a lone 0xE9 further on: damaged, say where.
        #expect(error(Array("é\nab".utf8) + [0xE9, 0x0A])
                == "t.csv:2:3: byte 0xE9 is not valid UTF-8, though the rest of the file is; save the file as UTF-8 again")
        // A byte-order mark promises UTF-8.
        #expect(error([0xEF, 0xBB, 0xBF, 0x61, 0xE9])
                == "t.csv:1:2: byte 0xE9 is not valid UTF-8, though the rest of the file is; save the file as UTF-8 again")
        // The invalid byte first, the valid multi-byte character after it.
        #expect(error([0x61, 0xC3, 0x0A] + Array("é".utf8))
                == "t.csv:1:2: byte 0xC3 is not valid UTF-8, though the rest of the file is; save the file as UTF-8 again")
    }

    @Test func overlongAndSurrogateSequencesAreNotUTF8() throws {
        // Without other multi-byte UTF-8 these are read as Windows-1252.
        #expect(try decode([0xC0, 0xAF]) == "À¯")
        #expect(try decode([0xED, 0xA0, 0x80]) == "í\u{A0}€")
    }
}
}
