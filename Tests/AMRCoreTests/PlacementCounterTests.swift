import Foundation
import Testing
@testable import AMRCore

@Suite struct PlacementCounterTests {
    static let sample = """
    datum;gemeente;sector;doelgroep;extra
    2018-01-05;Delft;Bouw & Techniek;banenafspraak;x
    2018-02-10;Den Haag;"Transport, Logistiek & Groothandel";WW;y
    2018-04-01;Delft;Bouw & Techniek;WW;z
    05-07-2018;Den Haag;Bouw & Techniek;banenafspraak;q
    2019-01-02;Delft;Zorg;banenafspraak;r

    """

    func counts(_ counter: PlacementCounter, _ text: String = sample) throws(LoadError) -> PlacementCounts {
        try counter.count(bytes: Array(text.utf8), file: "p.csv")
    }

    func message(_ counter: PlacementCounter, _ text: String) -> String? {
        do { _ = try counts(counter, text); return nil } catch { return error.description }
    }

    @Test func groupsSortedByKeys() throws {
        let result = try counts(PlacementCounter(groupBy: [.gemeente, .sector]))
        #expect(result.rows.map { $0.keys + [String($0.count)] } == [
            ["Delft", "Bouw & Techniek", "2"], ["Delft", "Zorg", "1"],
            ["Den Haag", "Bouw & Techniek", "1"], ["Den Haag", "Transport, Logistiek & Groothandel", "1"],
        ])
        #expect(result.total == 5 && result.records == 5)
    }

    @Test func periodsAndRanges() throws {
        let byQuarter = try counts(PlacementCounter(groupBy: [.year, .quarter]))
        #expect(byQuarter.rows.map { $0.keys + [String($0.count)] } == [
            ["2018", "2018-Q1", "2"], ["2018", "2018-Q2", "1"], ["2018", "2018-Q3", "1"], ["2019", "2019-Q1", "1"],
        ])
        let ranged = try counts(PlacementCounter(groupBy: [.month], from: PlanDate("2018-02-10"), to: PlanDate("2018-07-05")))
        #expect(ranged.rows.map { $0.keys + [String($0.count)] } == [["2018-02", "1"], ["2018-04", "1"], ["2018-07", "1"]])
        #expect(ranged.total == 3 && ranged.records == 5)
    }

    @Test func filtersIgnoreCase() throws {
        let result = try counts(PlacementCounter(filter: ["sector": "bouw & techniek", "doelgroep": "WW"]))
        #expect(result.total == 1)
    }

    @Test func fileAndBytesAgreeAcrossBlockBoundaries() throws {
        // More than one 1 MiB block, with CRLF line ends and a BOM.
        var text = "\u{FEFF}datum,gemeente,sector,doelgroep\r\n"
        for index in 0..<120_000 {
            text += "2020-\(index % 12 + 1 < 10 ? "0" : "")\(index % 12 + 1)-15,Gemeente \(index % 7),\"Sector, \(index % 3)\",dg\(index % 2)\r\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("amr-placements-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        #expect(text.utf8.count > PlacementCounter.blockSize)
        let counter = PlacementCounter(groupBy: [.gemeente, .sector, .month])
        let fromFile = try counter.count(path: url.path, file: "big.csv")
        let fromBytes = try counter.count(bytes: Array(text.utf8), file: "big.csv")
        #expect(fromFile == fromBytes)
        #expect(fromFile.total == 120_000)
        #expect(fromFile.rows.count == 84)   // (i mod 7, i mod 3, i mod 12) takes lcm(7, 12) = 84 values
        #expect(fromFile.rows.first?.keys == ["Gemeente 0", "Sector, 0", "2020-01"])
    }

    @Test(arguments: [
        ("datum,gemeente\n2018-13-01,Delft\n", "p.csv:2:1: '2018-13-01' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)"),
        ("datum,gemeente\n2018-01-01,Delft\n,Delft\n", "p.csv:3:1: '' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)"),
        ("gemeente,sector\nDelft,Bouw\n", "p.csv:1:1: the header has no 'datum' column (found: gemeente, sector); expected datum,gemeente,sector,doelgroep, or say which column holds the date with --column datum=HEADER"),
        ("gemeente,datum\nDelft\n", "p.csv:2:1: this row has 1 field but the header puts the date in column 2; check the separators on this line"),
        ("datum,gemeente\n2018-01-01,\"Delft\n", "p.csv:2:1: unclosed quote: the record that starts here has no closing \"; close it or remove the quote"),
        ("", "p.csv:1:1: the file is empty; expected a header row datum,gemeente,sector,doelgroep and one row per placement"),
    ])
    func badInputNamesLineAndColumn(text: String, expected: String) {
        #expect(message(PlacementCounter(), text) == expected)
    }

    @Test func groupingByAMissingColumn() {
        #expect(message(PlacementCounter(groupBy: [.sector]), "datum,gemeente\n2018-01-01,Delft\n")
                == "p.csv:1:1: cannot group by sector: the header has no such column (found: datum, gemeente); say which column it is with --column sector=HEADER")
    }
}
