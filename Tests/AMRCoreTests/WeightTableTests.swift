import Testing
@testable import AMRCore

@Suite struct WeightTableTests {
    func table(_ text: String) throws(LoadError) -> WeightTable {
        try WeightTable.read(bytes: Array(text.utf8), file: "w.csv")
    }

    func message(_ text: String) -> String? {
        message(bytes: Array(text.utf8))
    }

    func message(bytes: [UInt8]) -> String? {
        do {
            _ = try WeightTable.read(bytes: bytes, file: "w.csv")
            return nil
        } catch {
            return error.description
        }
    }

    func weights(_ text: String) throws -> [String] {
        try table(text).rows.map(\.weight.description)
    }

    /// The five Haaglanden municipalities and their inhabitants in 2017, as in the 2018 plan.
    static let haaglanden = [("Delft", "101381"), ("'s-Gravenhage", "524882"), ("Midden-Delfland", "19034"),
                             ("Westland", "105885"), ("Rijswijk", "51027")]

    /// A StatLine CSV download as it comes: title, header, units row, data, footer; CRLF.
    static let statLine = """
    "Bevolkingsontwikkeling; regio per maand"\r
    "Regio's";"Perioden";"Bevolking aan het eind van de periode"\r
    "";"";"aantal"\r
    "Delft (gemeente)";"2017 september";"101381"\r
    "'s-Gravenhage (gemeente)";"2017 september";"524882"\r
    "Midden-Delfland (gemeente)";"2017 september";"19034"\r
    "Westland (gemeente)";"2017 september";"105885"\r
    "Rijswijk (gemeente)";"2017 september";"51027"\r
    "© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 10-10-2017"\r

    """

    /// An older StatLine download: Windows-1252, two header rows, grouped thousands, `Bron` footer.
    static let olderStatLine = """
    "Regionale kerncijfers Nederland – één tabel per jaar"
    "Onderwerpen";"Perioden";"Bevolking op 1 januari"
    "Regio's";"";"aantal"
    "Delft";"2017";"101.381"
    "’s-Gravenhage";"2017";"524.882"
    "Midden-Delfland";"2017";"19.034"
    "Westland";"2017";"105.885"
    "Rijswijk";"2017";"51.027"
    "© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 10-10-2017"
    "Bron: CBS"

    """

    /// `text` in Windows-1252; records an issue for a character it cannot hold.
    static func windows1252(_ text: String) -> [UInt8] {
        let high: [Unicode.Scalar: UInt8] = ["€": 0x80, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97]
        return text.unicodeScalars.map { scalar in
            if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) { return UInt8(scalar.value) }
            guard let byte = high[scalar] else {
                Issue.record("no Windows-1252 byte for \(scalar)")
                return 0x3F
            }
            return byte
        }
    }

    // MARK: Columns

    @Test(arguments: [
        ("naam,gewicht", ",", "naam", "gewicht"),
        ("Name;Weight", ";", "Name", "Weight"),
        ("Gemeente;Inwoners", ";", "Gemeente", "Inwoners"),
        ("gemeenten\tinwoners", "\t", "gemeenten", "inwoners"),
        ("municipality,population", ",", "municipality", "population"),
        ("Regio;Aantal", ";", "Regio", "Aantal"),
        ("Regio's;Bevolking op 1 januari (aantal)", ";", "Regio's", "Bevolking op 1 januari (aantal)"),
        ("Gemeentenaam;Aantal inwoners", ";", "Gemeentenaam", "Aantal inwoners"),
        (" NAAM ; GEWICHT ", ";", "NAAM", "GEWICHT"),
        ("opmerking;gewicht;naam", ";", "naam", "gewicht"),
    ] as [(String, String, String, String)])
    func headerSynonyms(header: String, separator: String, nameHeader: String, weightHeader: String) throws {
        let swap = header.hasPrefix("opmerking")
        let rows = swap ? ["x;101381;Delft", "y;105885;Westland"] : ["Delft;101381", "Westland;105885"]
        let text = ([header] + rows.map { $0.replacing(";", with: separator) }).joined(separator: "\n")
        let t = try table(text)
        #expect(t.rows == [WeightRow(name: "Delft", code: nil, weight: ExactDecimal(significand: 101_381), line: 2),
                           WeightRow(name: "Westland", code: nil, weight: ExactDecimal(significand: 105_885), line: 3)])
        #expect(t.nameHeader == nameHeader)
        #expect(t.weightHeader == weightHeader)
    }

    @Test func columnsInAnyOrderWithACodeColumn() throws {
        let t = try table("Inwoners;Code;Gemeente\n101381;GM0503;Delft\n524882;GM0518;'s-Gravenhage\n")
        #expect(t.rows.map(\.name) == ["Delft", "'s-Gravenhage"])
        #expect(t.rows.map(\.code) == ["GM0503", "GM0518"])
        #expect(t.rows.map(\.weight.description) == ["101381", "524882"])
        #expect(t.rows.map(\.line) == [2, 3])
        #expect(t.nameHeader == "Gemeente" && t.weightHeader == "Inwoners")
    }

    @Test func aCodeColumnIsFoundByItsValues() throws {
        let t = try table("naam,id,gewicht\nDelft,GM0503,1\nRijswijk,,2\n")
        #expect(t.rows.map(\.code) == ["GM0503", nil])
        #expect(t.rows.map(\.weight.description) == ["1", "2"])
    }

    @Test func headersWithAPathAndAUnitAsInNewerCBSTables() throws {
        let text = """
        "Codes en namen van gemeenten/Code (code)";"Codes en namen van gemeenten/Naam (naam)";"Arbeidsmarktregio's/Code (code)";"Arbeidsmarktregio's/Naam (naam)";"Bevolking/Inwoners (aantal)"
        "GM0503";"Delft";"AM19";"Haaglanden";"101.381"
        "GM0518";"'s-Gravenhage";"AM19";"Haaglanden";"524.882"

        """
        let t = try table(text)
        #expect(t.rows.map(\.name) == ["Delft", "'s-Gravenhage"])
        #expect(t.rows.map(\.code) == ["GM0503", "GM0518"])
        #expect(t.rows.map(\.weight.description) == ["101381", "524882"])
        #expect(t.nameHeader == "Codes en namen van gemeenten/Naam (naam)")
    }

    @Test func firstTwoColumnsWhenNoHeaderIsKnown() throws {
        let t = try table("partner,share,remark\nA,3,x\nB,1,y\n")
        #expect(t.rows.map(\.name) == ["A", "B"])
        #expect(t.rows.map(\.line) == [2, 3])
        #expect(t.nameHeader == "partner" && t.weightHeader == "share")
    }

    @Test func noHeaderWhenTheSecondFieldIsANumber() throws {
        let t = try table("A;3\nB;1,5\n")
        #expect(t.rows.map(\.name) == ["A", "B"])
        #expect(t.rows.map(\.weight.description) == ["3", "1.5"])
        #expect(t.rows.map(\.line) == [1, 2])
        #expect(t.nameHeader == "name" && t.weightHeader == "weight")
        // A title of one field before it is skipped.
        let titled = try table("\"Verdeelsleutel 2018\"\n\"A\";\"3\"\n\"B\";\"1\"\n")
        #expect(titled.rows.map(\.line) == [2, 3])
    }

    @Test func onlyTheNameColumnKnown() throws {
        let t = try table("naam;code;share\nA;GM0001;3\nB;GM0002;1\n")
        #expect(t.rows.map(\.weight.description) == ["3", "1"])
        #expect(t.rows.map(\.code) == ["GM0001", "GM0002"])
        #expect(t.weightHeader == "share")
        // A period column is not the weight.
        #expect(try weights("gemeente;Perioden;Totaal\nDelft;2017;5\n") == ["5"])
    }

    @Test func onlyTheWeightColumnKnown() throws {
        let t = try table("wie;inwoners\nA;5\nB;7\n")
        #expect(t.rows.map(\.name) == ["A", "B"])
        #expect(t.nameHeader == "wie")
    }

    // MARK: Thousands separators and decimal marks

    @Test func dotsGroupThousandsInACountColumn() throws {
        #expect(try weights("gemeente;inwoners\nDelft;101.381\nWestland;105.885\n") == ["101381", "105885"])
        #expect(try weights("naam;aantal\nA;1.500\nB;2.250\n") == ["1500", "2250"])
    }

    @Test func commasGroupThousandsInACountColumn() throws {
        #expect(try weights("gemeente,inwoners\nDelft,\"101,381\"\nWestland,\"105,885\"\n") == ["101381", "105885"])
        #expect(try weights("municipality;population\nDelft;101,381\n") == ["101381"])
    }

    @Test func twoSeparatorsOfOneKindDecideTheColumn() throws {
        #expect(try weights("naam;gewicht\nA;1.234.567\nB;1.500\n") == ["1234567", "1500"])
        #expect(try weights("name,weight\nA,\"1,234,567\"\nB,\"1,500\"\n") == ["1234567", "1500"])
    }

    @Test func spacesAlwaysGroupThousands() throws {
        #expect(try weights("naam;gewicht\nA;1 234 567\nB;1\u{A0}500\nC;12\u{202F}345\nD;1 234,5\n") == ["1234567", "1500", "12345", "1234.5"])
    }

    @Test func aDecimalCommaDecidesTheColumn() throws {
        #expect(try weights("naam;gewicht\nA;12,5\nB;1.500\nC;7\nD;0,25\n") == ["12.5", "1500", "7", "0.25"])
    }

    @Test func aDecimalPointDecidesTheColumn() throws {
        #expect(try weights("name,weight\nA,0.5\nB,\"1,500\"\nC,2.25\n") == ["0.5", "1500", "2.25"])
        // A leading zero group cannot be grouped thousands.
        #expect(try weights("name,weight\nA,0.500\nB,1.500\n") == ["0.500", "1.500"])
    }

    @Test func bothMarksInOneValueFixBothRoles() throws {
        #expect(try weights("naam;gewicht\nA;1.234,56\nB;7\nC;2.500\n") == ["1234.56", "7", "2500"])
        #expect(try weights("name,weight\nA,\"1,234.5\"\nB,2\nC,\"2,500\"\n") == ["1234.5", "2", "2500"])
    }

    @Test func aCountColumnStillTakesDecimals() throws {
        #expect(try weights("\"Regio's\";\"Bevolking\"\n\"\";\"x 1 000\"\n\"Delft\";\"101,4\"\n\"Westland\";\"105,9\"\n") == ["101.4", "105.9"])
    }

    @Test func aUnitsRowSayingAantalMarksCounts() throws {
        #expect(try weights("\"Tabel\"\n\"Regio's\";\"Totaal\"\n\"\";\"aantal\"\n\"Delft\";\"101.381\"\n") == ["101381"])
    }

    @Test func ambiguousSeparatorsAreRefused() {
        #expect(message("naam;gewicht\nA;1.500\nB;2.250\n")
                == "w.csv:2:3: weight '1.500' is ambiguous: '.' may be a decimal point or a thousands separator; write 1500 or 1.5 (or use ',' for decimals; a header such as 'inwoners' or 'aantal' marks whole counts)")
        #expect(message("naam;gewicht\nA;7\nB;2,250\n")
                == "w.csv:3:3: weight '2,250' is ambiguous: ',' may be a decimal comma or a thousands separator; write 2250 or 2,25 (or use '.' for decimals; a header such as 'inwoners' or 'aantal' marks whole counts)")
        #expect(message("partner,share\nA,1.000\n")
                == "w.csv:2:3: weight '1.000' is ambiguous: '.' may be a decimal point or a thousands separator; write 1000 or 1.0 (or use ',' for decimals; a header such as 'inwoners' or 'aantal' marks whole counts)")
    }

    @Test func conflictingNotationsAreRefused() {
        #expect(message("naam;gewicht\nA;1,5\nB;2.5\n")
                == "w.csv:3:3: weight '2.5' has '.' as decimal point, but '1,5' on line 2 has ',' as decimal comma; write all weights in the column the same way")
        #expect(message("naam;gewicht\nA;1.234.567\nB;12.5\n")
                == "w.csv:3:3: weight '12.5' has '.' as decimal point, but '1.234.567' on line 2 has '.' as thousands separator; write all weights in the column the same way")
    }

    /// Whole numbers written in every grouping style read back exactly.
    @Test func groupedIntegersRoundTrip() throws {
        var random = SeededRandom(seed: 2017)
        for _ in 0..<200 {
            let style = random.below(4)
            let separator = random.element([";", "\t", ","])
            let values = (0..<(1 + random.below(8))).map { _ in Int(random.next() % 2_000_000_000) }
            let lines = values.enumerated().map { index, value in
                let digits = Array(String(value))
                var text = ""
                for (offset, digit) in digits.enumerated() {
                    if offset > 0 && (digits.count - offset) % 3 == 0 && style > 0 { text += [".", ",", "\u{A0}"][style - 1] }
                    text.append(digit)
                }
                return "\"gemeente \(index)\"\(separator)\"\(text)\""
            }
            let text = (["gemeente\(separator)inwoners"] + lines).joined(separator: "\n")
            #expect(try weights(text) == values.map(String.init), "\(text.debugDescription)")
        }
    }

    // MARK: Bad input

    @Test(arguments: [
        ("naam,gewicht\nA,abc\n", "w.csv:2:3: weight 'abc' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)"),
        ("naam;inwoners\nA;1e5\n", "w.csv:2:3: weight '1e5' in column \"inwoners\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)"),
        ("naam;gewicht\nA;12abc\n", "w.csv:2:3: weight '12abc' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)"),
        ("naam;gewicht\nA;1.2.3\n", "w.csv:2:3: weight '1.2.3' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)"),
        ("naam;gewicht\nA;12,5%\n", "w.csv:2:3: weight '12,5%' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)"),
        ("naam;gewicht\nA;,5\n", "w.csv:2:3: weight ',5' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)"),
        ("naam;gewicht\nA;1 23\n", "w.csv:2:3: weight '1 23' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)"),
    ] as [(String, String)])
    func notANumber(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test func negativeWeightsAreRefused() throws {
        #expect(message("naam,gewicht\nA,5\nB,-5\n") == "w.csv:3:3: weight '-5' is negative; weights must be 0 or more")
        #expect(message("naam;gewicht\nA;\u{2212}1,5\n") == "w.csv:2:3: weight '\u{2212}1,5' is negative; weights must be 0 or more")
        #expect(try weights("naam;gewicht\nA;-0\nB;+2\n") == ["0", "2"])
    }

    @Test func raggedRowsNameTheirLine() {
        #expect(message("naam,gewicht\nA,5\nB\n")
                == "w.csv:3:1: this row has 1 field, but the name is field 1 and the weight field 2; check the separators on this line (the file is read as ','-separated)")
        #expect(message("code;gemeente;inwoners\nGM0503;Delft;101381\nGM0518;Den Haag\n")
                == "w.csv:3:1: this row has 2 fields, but the name is field 2 and the weight field 3; check the separators on this line (the file is read as ';'-separated)")
    }

    @Test func duplicatesNameBothLines() {
        #expect(message("naam,gewicht\nDelft,5\nRijswijk,1\ndelft,6\n")
                == "w.csv:4:1: 'delft' appears twice, on line 2 and line 4; give each party one row")
        #expect(message("naam;code;gewicht\nA;GM0001;1\nB;GM0001;2\n")
                == "w.csv:3:3: code 'GM0001' appears twice, on line 2 and line 3; give each municipality one row")
    }

    @Test func missingWeightsAreNeverZero() {
        #expect(message("naam,gewicht\nA,\n") == "w.csv:2:3: weight for 'A' is missing; remove the row or fill in the value")
        #expect(message("naam;gewicht\nA;x\n")
                == "w.csv:2:3: weight for 'A' is missing ('x' in a CBS export means the figure is confidential); remove the row or fill in the value")
        #expect(message("naam;gewicht\nA;-\n")
                == "w.csv:2:3: weight for 'A' is missing ('-' in a CBS export means nil; write 0 if that is meant); remove the row or fill in the value")
        #expect(message("naam,gewicht\n,5\n") == "w.csv:2:1: this row has a weight but no name; fill in the naam or remove the row")
    }

    @Test func emptyAndHeaderOnlyFiles() {
        let empty = "w.csv:1:1: no rows with a name and a weight: the file is empty; expected a header such as naam;inwoners and one row per party"
        #expect(message("") == empty)
        #expect(message(" \n\r\n ;  \n") == empty)
        #expect(message(bytes: [0xEF, 0xBB, 0xBF]) == empty)
        #expect(message("naam,gewicht\n")
                == "w.csv:1:1: no rows with a name and a weight after the header on line 1; add one row per party with its name and weight")
        #expect(message("\"Titel\"\n\"Regio's\";\"Bevolking\"\n\"\";\"aantal\"\n\"© CBS\"\n")
                == "w.csv:2:1: no rows with a name and a weight after the header on line 2; add one row per party with its name and weight")
        #expect(message("naam\nDelft\n")
                == "w.csv:1:1: no row has two fields; expected a name and a weight on each row, separated by ',', ';' or a tab")
    }

    @Test func readingErrorsPassThrough() {
        #expect(message("naam,gewicht\nA,\"5\n")
                == "w.csv:2:3: unclosed quote: the field that starts here has no closing \"; close it or remove the quote")
        #expect(message(bytes: [0xFF, 0xFE, 0x6E, 0x00]) == "w.csv:1:1: the file is UTF-16; save it as UTF-8 (in Excel: 'CSV UTF-8')")
    }

    @Test func tooManyDecimalsOrDigits() {
        #expect(message("naam;gewicht\nA;0,1234567890123\n") == "w.csv:2:3: weight '0,1234567890123' has more than 12 decimals; round it to 12 or fewer")
        #expect(message("naam;gewicht\nA;99999999999999999999\n") == "w.csv:2:3: weight '99999999999999999999' is too large; weights may have at most 18 digits")
    }

    @Test func namesThatSwallowedAnOpenQuoteAreRefused() throws {
        #expect(message("naam,gewicht\nA,1\n\"B,2\nC,3\nD\",4\n")
                == "w.csv:3:1: the name that starts here runs over 3 lines, so a quote is probably left open; close it right after the name")
        #expect(message("naam,gewicht\n\(String(repeating: "A", count: 100_000)),1\n")
                == "w.csv:2:1: the name that starts here is 100000 characters long; a name has at most 200 (is a quote left open, or the wrong separator detected?)")
        #expect(try table("naam,gewicht\n\(String(repeating: "é", count: 200)),1\n").rows.count == 1)
    }

    @Test func messagesStayOnOneShortLine() {
        #expect(message("naam;gewicht\nA;\"1\n2\"\n")
                == "w.csv:2:3: weight '1\\n2' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)")
        #expect(message("naam;gewicht\nA;\(String(repeating: "x", count: 50))\n")
                == "w.csv:2:3: weight '\(String(repeating: "x", count: 40))…' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)")
    }

    // MARK: CBS StatLine exports

    @Test func statLineExportInUTF8WithByteOrderMark() throws {
        let t = try WeightTable.read(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.statLine.utf8), file: "w.csv")
        #expect(t.rows.map(\.name) == Self.haaglanden.map(\.0))
        #expect(t.rows.map(\.weight.description) == Self.haaglanden.map(\.1))
        #expect(t.rows.map(\.line) == [4, 5, 6, 7, 8])
        #expect(t.rows.allSatisfy { $0.code == nil })
        #expect(t.nameHeader == "Regio's")
        #expect(t.weightHeader == "Bevolking aan het eind van de periode")
    }

    @Test func olderStatLineExportInWindows1252() throws {
        let t = try WeightTable.read(bytes: Self.windows1252(Self.olderStatLine), file: "w.csv")
        #expect(t.rows.map(\.name) == ["Delft", "\u{2019}s-Gravenhage", "Midden-Delfland", "Westland", "Rijswijk"])
        #expect(t.rows.map(\.weight.description) == Self.haaglanden.map(\.1))
        #expect(t.rows.map(\.line) == [4, 5, 6, 7, 8])
        #expect(t.nameHeader == "Regio's")
        #expect(t.weightHeader == "Bevolking op 1 januari")
    }

    @Test func aMissingValueInAStatLineExport() {
        let text = Self.statLine.replacing("\"19034\"", with: "\".\"")
        #expect(message(text)
                == "w.csv:6:47: weight for 'Midden-Delfland' is missing ('.' in a CBS export means no data); remove the row or fill in the value")
    }

    @Test func everythingFromTheFooterOnIsSkipped() throws {
        let t = try table("naam;inwoners\nA;1\nB;2\nBron: CBS\nNoot: voorlopige cijfers;3\n")
        #expect(t.rows.map(\.name) == ["A", "B"])
    }

    @Test func statLineSuffixesAreDroppedOtherParenthesesKept() throws {
        let areas = try table("Regio's;aantal\nZuid-Holland (PV);3\nAgglomeratie 's-Gravenhage (CR);2\nWest (LD);1\n")
        #expect(areas.rows.map(\.name) == ["Zuid-Holland", "Agglomeratie 's-Gravenhage", "West"])
        let municipalities = try table("Regio's;aantal\nBergen (NH.) (gemeente);4\nBergen (L.);5\n")
        #expect(municipalities.rows.map(\.name) == ["Bergen (NH.)", "Bergen (L.)"])
    }

    /// A StatLine export of municipalities that also lists Nederland or a province: those rows are
    /// aggregates, never parties beside the municipalities.
    @Test func aggregatesAmongMunicipalitiesAreRefused() {
        #expect(message("Regio's;aantal\nNederland;17942942\nDelft;109577\nWestland;115941\n")
                == "w.csv:2:1: 'Nederland' is an aggregate (the country, a province or a COROP area), not one of the parties beside it; remove the row")
        #expect(message("Regio's;aantal\nDelft;109577\nZuid-Holland (PV);3804906\nWestland;115941\n")
                == "w.csv:3:1: 'Zuid-Holland (PV)' is an aggregate (the country, a province or a COROP area), not one of the parties beside it; remove the row")
    }

    @Test func theHaaglandenFixture() throws {
        let file = TestSupport.fixture("haaglanden-inwoners-2017.csv")
        let t = try WeightTable.read(bytes: try FileInput.read(file), file: "haaglanden-inwoners-2017.csv")
        #expect(t.rows.map(\.code) == ["GM0503", "GM0518", "GM1842", "GM1783", "GM0603"])
        #expect(ExactDecimal.sum(t.rows.map(\.weight)) == ExactDecimal(significand: 802_209))
        #expect(t.nameHeader == "gemeente" && t.weightHeader == "inwoners")
    }
}
