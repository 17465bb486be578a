import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Counting an export in byte ranges on several threads must give exactly what one thread
/// gives (the same rows, totals and bytes out, the same message for a bad file), wherever the
/// ranges are cut; and the fast path must give what the general path alone gives. The exports
/// below are the ones that make both hard: quotes around separators and line breaks (even
/// around text that looks like a record), `""`, CRLF, blank lines, spaces, no final line feed.
@Suite struct PlacementRangesTests {
    static let header = "datum,gemeente,sector,doelgroep\n"

    static let exports: [(name: String, text: String)] = [
        ("plain", header + """
            2018-01-05,Delft,Bouw,WW
            2018-02-10,Den Haag,Zorg,banenafspraak
            2019-03-01,Delft,Zorg,WW
            2020-12-31,Westland,Bouw,WW

            """),
        ("crlf and no final line feed", "datum,gemeente,sector,doelgroep\r\n2018-01-05,Delft,Bouw,WW\r\n2018-02-10,Den Haag,Zorg,WW\r\n2018-02-11,Delft,,WW"),
        ("quoted separators", header + """
            2018-01-05,Delft,"Transport, Logistiek & Groothandel",WW
            "2018-02-10","Den Haag","Zorg",banenafspraak
            2018-03-01,"Delft","Transport, Logistiek & Groothandel","WW"
            2018-04-01,Delft,"",WW

            """),
        // A quoted field that holds line breaks and, inside, text that reads as records: a range
        // that starts there must not be believed.
        ("quoted line breaks", header + """
            2018-01-05,Delft,"Bouw
            2018-09-09,Nep,Nep,Nep
            & Techniek",WW
            2018-02-10,Den Haag,Zorg,"WW
            "
            2018-03-01,Delft,"a,
            b
            2018-09-09,Nep,Nep,Nep
            ",WW
            2018-04-01,Delft,Bouw,WW

            """),
        ("escaped quotes", header + #"""
            2018-01-05,Delft,"Zorg ""&"" Welzijn",WW
            2018-02-10,Delft,"Zorg ""&"" Welzijn",WW
            2018-02-11,"De ""Haag""",Zorg,WW

            """#),
        ("spaces and blank lines", header + """

            2018-01-05, Delft ,Bouw,WW
               \r
             2018-02-10,Delft,Bouw ,WW
            2018-03-01,Delft,"Bouw",WW

            """),
        ("day-month-year dates", header + """
            05-01-2018,Delft,Bouw,WW
            10/02/2018,Delft,Bouw,WW
            2018-02-28,Delft,Bouw,WW
            29-02-2020,Delft,Bouw,WW

            """),
        ("semicolons, all quoted, CRLF, byte-order mark", "\u{FEFF}\"datum\";\"gemeente\";\"sector\";\"doelgroep\"\r\n"
            + "\"2018-01-05\";\"Delft\";\"Bouw; Techniek\";\"WW\"\r\n\"2018-02-10\";\"Den Haag\";\"Zorg\";\"WW\"\r\n"
            + "\"2018-02-11\";\"Delft\";\"Bouw; Techniek\";\"banenafspraak\"\r\n"),
        ("header only", header),
        ("header without line feed", "datum,gemeente,sector,doelgroep"),
        ("empty", ""),
        ("blank lines only", "\n\n  \n"),
        ("a bad date far in", header + String(repeating: "2018-01-05,Delft,Bouw,WW\n", count: 12) + "2018-02-30,Delft,Bouw,WW\n"
            + String(repeating: "2018-01-06,Delft,Bouw,WW\n", count: 5)),
        ("an unclosed quote at the end", header + String(repeating: "2018-01-05,Delft,Bouw,WW\n", count: 6) + "2018-01-05,\"Delft,Bouw,WW\n2018-01-05,Delft,Bouw,WW\n"),
        ("too few fields", "gemeente,sector,datum\n" + String(repeating: "Delft,Bouw,2018-01-05\n", count: 6) + "Delft,Bouw\nDelft,Bouw,2018-01-05\n"),
    ]

    static let counters: [PlacementCounter] = [
        PlacementCounter(groupBy: [.gemeente, .sector]),
        PlacementCounter(groupBy: [.sector, .year, .quarter], from: PlanDate("2018-02-01"), to: PlanDate("2019-12-31")),
        PlacementCounter(groupBy: [.month], filter: ["sector": "bouw"]),
        PlacementCounter(groupBy: [.gemeente, .sector, .doelgroep, .year]),
        PlacementCounter(),
    ]

    /// What a count gives, as text that must match byte for byte: the rendered table and CSV
    /// and the totals, or the error message.
    static func outcome(_ counter: PlacementCounter, _ bytes: [UInt8]) -> String {
        do {
            let counts = try counter.count(bytes: bytes, file: "p.csv")
            return PlacementRenderer(locale: .nl, file: "p.csv").render(counts, as: .table) + PlacementRenderer(locale: .en, file: "p.csv").render(counts, as: .csv)
                + "total \(counts.total) records \(counts.records)"
        } catch {
            return "error: " + error.description
        }
    }

    static func with(_ counter: PlacementCounter, threads: Int, cuts: [Int]? = nil, fastPath: Bool = true) -> PlacementCounter {
        var copy = counter
        copy.threads = threads
        copy.rangeTargets = cuts
        copy.fastPath = fastPath
        copy.minimumRangeSize = 1
        return copy
    }

    @Test(arguments: exports.indices)
    func everyCutGivesWhatOneThreadGives(_ index: Int) {
        let (name, text) = Self.exports[index]
        let bytes = Array(text.utf8)
        for counter in Self.counters {
            let reference = Self.outcome(Self.with(counter, threads: 1, fastPath: false), bytes)
            #expect(Self.outcome(Self.with(counter, threads: 1), bytes) == reference, "\(name): fast path")
            for cut in 0...bytes.count {
                let split = Self.outcome(Self.with(counter, threads: 2, cuts: [cut]), bytes)
                #expect(split == reference, "\(name): cut at \(cut)")
                if split != reference { break }
            }
            for first in stride(from: 1, to: bytes.count, by: 11) {
                for second in stride(from: first + 1, to: bytes.count, by: 13) {
                    let split = Self.outcome(Self.with(counter, threads: 3, cuts: [first, second, second + 3]), bytes)
                    #expect(split == reference, "\(name): cuts at \(first), \(second), \(second + 3)")
                    if split != reference { return }
                }
            }
        }
    }

    @Test func theTrickyExportsGiveTheirKnownCounts() throws {
        // Anchors for the comparisons above: what one thread must find in three of them.
        let byMunicipality = PlacementCounter(groupBy: [.gemeente, .sector], threads: 1)
        let breaks = try byMunicipality.count(bytes: Array(Self.exports[3].text.utf8), file: "p.csv")
        #expect(breaks.rows.map { $0.keys + [String($0.count)] } == [
            ["Delft", "a,\nb\n2018-09-09,Nep,Nep,Nep\n", "1"], ["Delft", "Bouw", "1"], ["Delft", "Bouw\n2018-09-09,Nep,Nep,Nep\n& Techniek", "1"],
            ["Den Haag", "Zorg", "1"],
        ])
        let escaped = try byMunicipality.count(bytes: Array(Self.exports[4].text.utf8), file: "p.csv")
        #expect(escaped.rows.map { $0.keys + [String($0.count)] } == [["De \"Haag\"", "Zorg", "1"], ["Delft", "Zorg \"&\" Welzijn", "2"]])
        let spaces = try byMunicipality.count(bytes: Array(Self.exports[5].text.utf8), file: "p.csv")
        #expect(spaces.rows.map { $0.keys + [String($0.count)] } == [["Delft", "Bouw", "3"]])
        #expect(Self.outcome(byMunicipality, Array(Self.exports[12].text.utf8))
                == "error: p.csv:14:1: '2018-02-30' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)")
    }

    /// Random exports with every kind of record, cut at random places: multi-threaded equals
    /// single-threaded, and the fast path equals the general path.
    @Test func randomExportsAgreeHoweverTheyAreCut() {
        var random = SeededRandom(seed: 13)
        var counted = 0
        let values = ["Delft", "Den Haag", "GM0518", "", "Bouw & Techniek", "Transport, Logistiek & Groothandel", "a;b", "tab\there",
                      "Zorg \"plus\"", "line\nbreak", " spaced ", "ÉÉN", "x"]
        for round in 0..<150 {
            let separator = random.element([",", ";", "\t"])
            let lineEnd = random.oneIn(3) ? "\r\n" : "\n"
            var columns = ["datum", "gemeente", "sector", "doelgroep", "extra"]
            if random.oneIn(2) { columns.swapAt(0, random.below(columns.count)) }
            var text = (random.oneIn(5) ? "\u{FEFF}" : "") + columns.joined(separator: separator) + lineEnd
            for _ in 0..<random.below(60) {
                if random.oneIn(15) { text += random.oneIn(2) ? lineEnd : "  " + lineEnd; continue }
                let fields = columns.map { column -> String in
                    var value: String
                    if column == "datum" {
                        let day = random.below(28) + 1, month = random.below(12) + 1, year = 2015 + random.below(6)
                        value = random.oneIn(4) ? String(format: "%02d-%02d-%04d", day, month, year) : String(format: "%04d-%02d-%02d", year, month, day)
                        if random.oneIn(200) { value = "2018-13-01" }
                    } else {
                        value = random.element(values)
                    }
                    // Quotes a reader must take as they come: inside a field they are text, also
                    // when two of them in one record enclose a separator.
                    if column != "datum" && random.oneIn(8) { return random.element(["ab\"c", "\"ab\"c", "\"\"", "d\"", "5\" pijp"]) }
                    let needsQuotes = value.contains(separator) || value.contains("\"") || value.contains("\n")
                    if needsQuotes || random.oneIn(6) { value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                    return value
                }
                text += fields.joined(separator: separator) + lineEnd
            }
            if random.oneIn(4), text.hasSuffix(lineEnd) { text.removeLast(lineEnd.count) }
            let bytes = Array(text.utf8)
            let counter = random.element(Self.counters)
            let reference = Self.outcome(Self.with(counter, threads: 1, fastPath: false), bytes)
            if !reference.hasPrefix("error: ") { counted += 1 }
            #expect(Self.outcome(Self.with(counter, threads: 1), bytes) == reference, "round \(round): fast path")
            let cuts = (0..<random.below(5) + 1).map { _ in random.below(bytes.count + 1) }
            #expect(Self.outcome(Self.with(counter, threads: 4, cuts: cuts), bytes) == reference, "round \(round): cuts \(cuts)")
            #expect(Self.outcome(Self.with(counter, threads: 3), bytes) == reference, "round \(round): even ranges")
        }
        // Most rounds count (a few have a bad date or a stray quote on purpose).
        #expect(counted >= 100, "only \(counted) of 150 random exports were counted")
    }

    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("amr-ranges-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func aFileCountsTheSameOnOneThreadAndOnMany() throws {
        // Ranges read with pread from a file, cut evenly, some of them inside a quoted field
        // that spans many lines.
        var text = "\u{FEFF}datum;gemeente;sector;doelgroep\r\n"
        for index in 0..<3_000 {
            if index % 500 == 250 {
                text += "2019-01-01;Delft;\"" + String(repeating: "lang\r\n2019-01-01;Nep;Nep;Nep\r\n", count: 200) + "\";WW\r\n"
            }
            text += "20\(15 + index % 5)-0\(index % 9 + 1)-1\(index % 10);GM0\(index % 37);\"Sector; \(index % 4)\";dg\(index % 3)\r\n"
        }
        let url = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: url) }
        for counter in Self.counters {
            let one = try Self.with(counter, threads: 1).count(path: url.path, file: "big.csv")
            for threads in [2, 3, 8] {
                var many = Self.with(counter, threads: threads)
                many.minimumRangeSize = 1_000
                #expect(try many.count(path: url.path, file: "big.csv") == one)
            }
            #expect(try counter.count(bytes: Array(text.utf8), file: "big.csv") == one)
        }
        let total = try PlacementCounter(threads: 4).count(path: url.path, file: "big.csv")
        #expect(total.total == 3_006 && total.records == 3_006)
    }

    @Test func anErrorInALaterRangeNamesItsTrueLine() throws {
        var text = Self.header
        for _ in 0..<5_000 { text += "2018-01-05,Delft,Bouw,WW\n" }
        text += "2018-01-05,Delft,\"Bouw\nen meer\",WW\n"   // two lines, one record
        for _ in 0..<5_000 { text += "2018-01-05,Delft,Bouw,WW\n" }
        text += "2018-1-05,Delft,Bouw,WW\n"
        let url = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let expected = "big.csv:10004:1: '2018-1-05' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)"
        for threads in [1, 2, 5] {
            var counter = PlacementCounter(groupBy: [.sector], threads: threads)
            counter.minimumRangeSize = 4_096
            #expect(throws: LoadError.self) { try counter.count(path: url.path, file: "big.csv") }
            do { _ = try counter.count(path: url.path, file: "big.csv") } catch { #expect(error.description == expected) }
        }
    }

    @Test func aPipeIsReadAsAStream() throws {
        // A named pipe has no size: it is read front to back on one thread, with the same result.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("amr-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        var text = "\u{FEFF}" + Self.header
        for index in 0..<20_000 { text += "2018-0\(index % 9 + 1)-05,GM\(index % 11),\"Bouw, \(index % 3)\",WW\n" }
        let bytes = Array(text.utf8)
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let count = write(descriptor, buffer.baseAddress! + written, min(7_000, buffer.count - written))
                    if count <= 0 { break }
                    written += count
                }
            }
            close(descriptor)
        }
        writer.start()
        let counter = PlacementCounter(groupBy: [.gemeente, .sector], threads: 4)
        let streamed = try counter.count(path: path, file: "pipe")
        #expect(streamed == (try counter.count(bytes: bytes, file: "pipe")))
        #expect(streamed.total == 20_000)
    }

    @Test func countsAWorkbookSheetGivenAsCSVText() throws {
        // The text an Excel sheet becomes: a byte-order mark, semicolons, CRLF, every cell quoted,
        // a decimal-comma column that is not read, and an empty row at the end.
        let sheet = "\u{FEFF}\"Datum\";\"Gemeente\";\"Sector\";\"Doelgroep\";\"Uren\"\r\n"
            + "\"05-01-2018\";\"Delft\";\"Bouw & Techniek\";\"banenafspraak\";\"12,5\"\r\n"
            + "\"2018-02-10\";\"Den Haag\";\"Zorg; Welzijn\";\"WW\";\"8\"\r\n"
            + "\"2018-02-11\";\"Delft\";\"Bouw & Techniek\";\"WW\";\"\"\r\n"
        let counter = PlacementCounter(groupBy: [.gemeente, .sector])
        let counts = try counter.count(bytes: Array(sheet.utf8), file: "plaatsingen.xlsx!Blad1")
        #expect(counts.rows.map { $0.keys + [String($0.count)] } == [["Delft", "Bouw & Techniek", "2"], ["Den Haag", "Zorg; Welzijn", "1"]])
        #expect(counts.total == 3 && counts.records == 3)
        // A row with an empty date is an error that names its line.
        let withEmptyDate = sheet + "\"\";\"Delft\";\"Bouw\";\"WW\";\"\"\r\n"
        #expect(Self.outcome(counter, Array(withEmptyDate.utf8)) == "error: p.csv:5:1: '' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)")
    }

    @Test func aDateWithANonDigitIsRefused() {
        // A non-digit used to count as -1000 in one digit place, so 999x could pass as a year.
        for text in ["2018-01-0x", "999x-01-01", "01-01-999x", "0000-01-01", "2019-02-29", "2018-04-31", "2018/01/01"] {
            #expect(PlacementScanner.dateCode(text, 10) == nil, "\(text)")
        }
        #expect(PlacementScanner.dateCode("2020-02-29", 10) == 20_200_229)
        #expect(PlacementScanner.dateCode("31/12/2018", 10) == 20_181_231)
    }

    @Test func threadsOnTheCommandLineChangeNothingButSpeed() {
        let base = ["placements", "Fixtures/plaatsingen-haaglanden-2018.csv", "--by", "gemeente,sector,month", "--format", "csv"]
        let one = TestSupport.run(base + ["--threads", "1"])
        #expect(one.exitCode == 0 && !one.stdout.isEmpty)
        for threads in ["2", "7", "1024"] { #expect(TestSupport.run(base + ["--threads", threads]) == one) }
        #expect(TestSupport.run(base) == one)
        #expect(TestSupport.run(["help", "placements"]).stdout.contains("--threads N"))
    }
}
