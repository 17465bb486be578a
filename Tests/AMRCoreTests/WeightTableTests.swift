import Testing
@testable import AMRCore

@Suite struct WeightTableTests {
    func table(_ text: String) throws(LoadError) -> WeightTable {
        try WeightTable.read(bytes: Array(text.utf8), file: "w.csv")
    }

    func message(_ text: String) -> String? {
        do { _ = try table(text); return nil } catch { return error.description }
    }

    func weights(_ text: String) throws -> [String] {
        try table(text).rows.map(\.weight.description)
    }

    @Test func headerSynonymsInAnyOrder() throws {
        let t = try table("Inwoners;Code;Gemeente\n101381;GM0503;Delft\n524882;GM0518;Den Haag\n")
        #expect(t.rows.map(\.name) == ["Delft", "Den Haag"])
        #expect(t.rows.map(\.code) == ["GM0503", "GM0518"])
        #expect(t.rows.map(\.weight.description) == ["101381", "524882"])
        #expect(t.rows.map(\.line) == [2, 3])
        #expect(t.nameHeader == "Gemeente" && t.weightHeader == "Inwoners")
    }

    @Test func firstTwoColumnsWithoutKnownHeaders() throws {
        let t = try table("partner,share,remark\nA,3,x\nB,1,y\n")
        #expect(t.rows.map(\.name) == ["A", "B"])
        #expect(t.weightHeader == "share")
        #expect(try table("A,3\nB,1\n").rows.map(\.name) == ["A", "B"])
    }

    @Test func thousandsSeparatorsAndDecimalMarks() throws {
        #expect(try weights("gemeente;inwoners\nDelft;101.381\nWestland;105.885\n") == ["101381", "105885"])
        #expect(try weights("gemeente,inwoners\nDelft,\"101,381\"\nWestland,\"105,885\"\n") == ["101381", "105885"])
        #expect(try weights("naam;gewicht\nA;1.234.567\nB;1.500\n") == ["1234567", "1500"])
        #expect(try weights("naam;gewicht\nA;12,5\nB;1.500\n") == ["12.5", "1500"])
        #expect(try weights("naam;gewicht\nA;1.234,56\nB;7\n") == ["1234.56", "7"])
        #expect(try weights("name,weight\nA,\"1,234.5\"\nB,2.25\n") == ["1234.5", "2.25"])
        #expect(try weights("naam;gewicht\nA;1 234 567\nB;1\u{A0}500\n") == ["1234567", "1500"])
        #expect(try weights("name,weight\nA,0.5\nB,1.25\n") == ["0.5", "1.25"])
    }

    @Test func ambiguousSeparatorsAreRefused() {
        #expect(message("naam;gewicht\nA;1.500\nB;2.250\n")
                == "w.csv:2:3: weight '1.500' is ambiguous: '.' may be a decimal mark or a thousands separator; write 1500 or 1.500")
        #expect(message("naam;gewicht\nA;12,5\nB;1.234.5\n") != nil)
        #expect(message("naam;gewicht\nA;1,5\nB;2.5\n")
                == "w.csv:3:3: weight '2.5' uses '.' as decimal mark but line 2 uses ','; write all weights in the same notation")
    }

    @Test(arguments: [
        ("naam,gewicht\nA,abc\n", "w.csv:2:3: weight 'abc' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5"),
        ("naam,gewicht\nA,-5\n", "w.csv:2:3: the weight '-5' of 'A' is negative; weights must be 0 or more"),
        ("naam,gewicht\nA,5\nB\n", "w.csv:3:1: this row has 1 field but the header needs 2 (name in column 1, weight in column 2); check the separators on this line"),
        ("naam,gewicht\nA,5\na,6\n", "w.csv:3:1: 'a' appears twice (also on line 2); give each party one row"),
        ("", "w.csv:1:1: the file is empty; expected a header row and rows with a name and a weight"),
        ("naam,gewicht\n", "w.csv:1:1: no rows with a name and a weight after the header"),
        ("naam,gewicht\nA,\n", "w.csv:2:3: the weight of 'A' is missing; fill it in or remove the row"),
        ("naam,gewicht\nA,1e5\n", "w.csv:2:3: weight '1e5' in column \"gewicht\" is not a number; expected a whole or decimal number like 101381 or 12,5"),
        ("naam,gewicht\nA,\"5\n", "w.csv:2:3: unclosed quote: the field that starts here has no closing \"; close it or remove the quote"),
        ("naam;code;gewicht\nA;GM0001;1\nB;GM0001;2\n", "w.csv:3:3: code GM0001 appears twice (also on line 2); give each municipality one row"),
    ])
    func badInputNamesLineAndColumn(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    static let statLine = """
    "Bevolkingsontwikkeling; regio per maand"
    "Regio's";"Perioden";"Bevolking aan het eind van de periode"
    "";"";"aantal"
    "Delft (gemeente)";"2017 september";"101381"
    "'s-Gravenhage (gemeente)";"2017 september";"524882"
    "Midden-Delfland (gemeente)";"2017 september";"19034"
    "Westland (gemeente)";"2017 september";"105885"
    "Rijswijk (gemeente)";"2017 september";"51027"
    "© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 10-10-2017"

    """

    @Test func cbsStatLineExport() throws {
        let t = try table(Self.statLine)
        #expect(t.rows.map(\.name) == ["Delft", "'s-Gravenhage", "Midden-Delfland", "Westland", "Rijswijk"])
        #expect(t.rows.map(\.weight.description) == ["101381", "524882", "19034", "105885", "51027"])
        #expect(t.rows.first?.line == 4)
    }

    @Test func cbsStatLineExportInWindows1252WithBOMlessAccentsAndGrouping() throws {
        var text = Self.statLine.replacingOccurrences(of: "\"101381\"", with: "\"101.381\"").replacingOccurrences(of: "Delft (gemeente)", with: "Délft (gemeente)")
        text = text.replacingOccurrences(of: "©", with: "(c)")
        let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let t = try WeightTable.read(bytes: bytes, file: "w.csv")
        #expect(t.rows.first?.name == "Délft")
        #expect(t.rows.first?.weight.description == "101381")
        let withBOM = try WeightTable.read(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.statLine.utf8), file: "w.csv")
        #expect(withBOM.rows.count == 5)
    }

    @Test func missingValueInACBSExport() {
        let text = Self.statLine.replacingOccurrences(of: "\"19034\"", with: "\".\"")
        #expect(message(text) == "w.csv:6:47: the weight of 'Midden-Delfland' is missing ('.' in a CBS export means no data); fill it in or remove the row")
    }
}
