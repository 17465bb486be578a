import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Placement exports saved as OpenDocument spreadsheets (.ods) count exactly as the CSV they came
/// from, repeated rows count as that many rows, and messages name the sheet's cell.
@Suite struct PlacementODSTests {
    static let csv = "Fixtures/plaatsingen-haaglanden-2018.csv"
    static let folder = "Tests/AMRCoreTests/Workbooks/"
    /// The CSV opened in LibreOffice and saved as .ods: the dates became date cells.
    static let libreOffice = folder + "plaatsingen-libreoffice.ods"
    /// The same placements written by odfpy, sorted, with repeated rows and cells, a comment, an
    /// empty hidden column and a million empty rows of padding (see make-ods.py).
    static let odfpy = folder + "plaatsingen-odfpy.ods"

    static let header = ODSReaderTests.row(["datum", "gemeente", "sector", "doelgroep"].map(ODSReaderTests.text).joined())

    static func date(_ value: String, _ attributes: String = "") -> String {
        #"<table:table-cell office:value-type="date" office:date-value="\#(value)"\#(attributes)><text:p>\#(value)</text:p></table:table-cell>"#
    }

    static func placement(_ day: String, _ gemeente: String, _ sector: String = "Zorg", _ attributes: String = "") -> String {
        ODSReaderTests.row(date(day) + ODSReaderTests.text(gemeente) + ODSReaderTests.text(sector) + ODSReaderTests.text("participatiewet"), attributes)
    }

    static func counts(_ rows: String, by: [PlacementDimension] = [.gemeente], sheet: String? = nil) throws -> PlacementCounts {
        let bytes = try ODSReaderTests.spreadsheet(header + rows)
        return try PlacementCounter(groupBy: by, threads: 1).count(PlacementSheet(bytes: bytes, file: "p.ods", sheet: sheet), file: "p.ods")
    }

    static func failure(_ rows: String, sheet: String? = nil) throws -> String {
        do {
            let result = try counts(rows, sheet: sheet)
            Issue.record("counted \(result.total) placements")
            return ""
        } catch let error as LoadError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [libreOffice, odfpy], ["gemeente,sector", "doelgroep,quarter", "month", ""])
    func aSpreadsheetCountsAsItsCSV(spreadsheet: String, by: String) {
        let options = (by.isEmpty ? [] : ["--by", by]) + ["--format", "json"]
        let fromCSV = TestSupport.run(["placements", Self.csv] + options)
        let fromODS = TestSupport.run(["placements", spreadsheet] + options)
        #expect(fromODS.exitCode == 0, "\(fromODS.stderr)")
        #expect(fromCSV.stdout.contains("\"total\" : 420") || fromCSV.stdout.contains("\"total\": 420"))
        // The same counts; only the file named as their source differs.
        #expect(fromODS.stdout.replacingOccurrences(of: spreadsheet, with: Self.csv) == fromCSV.stdout)
    }

    @Test func progressAndMonitorCountTargetsFromASpreadsheet() {
        let arguments = ["progress", "Fixtures/haaglanden-2018.json", "--as-of", "2018-09-30", "--format", "json", "--placements"]
        let fromCSV = TestSupport.run(arguments + [Self.csv])
        let fromODS = TestSupport.run(arguments + [Self.odfpy])
        #expect(fromODS.exitCode == 0, "\(fromODS.stderr)")
        #expect(fromODS.stdout.replacingOccurrences(of: Self.odfpy, with: Self.csv) == fromCSV.stdout)
        #expect(fromODS.stdout.contains("\"value\": \"109\""))
        let monitor = ["monitor", "Fixtures/haaglanden-2018.json", "--as-of", "2018-09-30", "--format", "json", "--placements"]
        let monitorCSV = TestSupport.run(monitor + [Self.csv])
        let monitorODS = TestSupport.run(monitor + [Self.libreOffice])
        #expect(monitorODS.exitCode == 0, "\(monitorODS.stderr)")
        #expect(monitorODS.stdout.replacingOccurrences(of: Self.libreOffice, with: Self.csv) == monitorCSV.stdout)
        #expect(monitorODS.stdout.contains("\"value\": \"109\""))
    }

    @Test func messagesNameTheCell() {
        let badDate = Self.folder + "plaatsingen-foute-datum-libreoffice.ods"
        let outcome = TestSupport.run(["placements", badDate])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "amr: error: \(badDate):Blad1!A4: '2018-13-01' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)\n")
        let total = Self.folder + "plaatsingen-totaal-libreoffice.ods"
        let totalOutcome = TestSupport.run(["placements", total, "--by", "gemeente"])
        #expect(totalOutcome.exitCode == 2)
        #expect(totalOutcome.stderr == "amr: error: \(total):Blad1!A4: 'Totaal' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)\n")
        let hidden = Self.folder + "plaatsingen-verborgen-libreoffice.ods"
        let hiddenOutcome = TestSupport.run(["placements", hidden])
        #expect(hiddenOutcome.exitCode == 2)
        #expect(hiddenOutcome.stdout == "")
        #expect(hiddenOutcome.stderr.hasPrefix("amr: error: \(hidden): sheet Blad1 has hidden rows with values (3), for example filtered away"))
        let missing = TestSupport.run(["placements", Self.odfpy, "--sheet", "Blad1"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr == "amr: error: \(Self.odfpy): the spreadsheet has no sheet 'Blad1'; its sheets are 'Plaatsingen'\n")
        let monitor = TestSupport.run(["monitor", "Fixtures/haaglanden-2018.json", "--as-of", "2018-09-30", "--placements", badDate])
        #expect(monitor.exitCode == 2)
        #expect(monitor.stderr.contains("\(badDate):Blad1!A4: '2018-13-01' is not a date"))
    }

    @Test func aRepeatedRowWithValuesIsThatManyPlacements() throws {
        let result = try Self.counts(
            Self.placement("2018-01-02", "Delft", "Zorg", #" table:number-rows-repeated="3""#)
            // Two neighbouring cells with the same text are one repeated cell.
            + ODSReaderTests.row(Self.date("2018-01-03") + #"<table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>Westland</text:p></table:table-cell>"#
                                 + ODSReaderTests.text("participatiewet"))
            + Self.placement("2018-01-04", "Westland"),
            by: [.gemeente, .sector])
        #expect(result.rows == [PlacementCounts.Row(keys: ["Delft", "Zorg"], count: 3),
                                PlacementCounts.Row(keys: ["Westland", "Westland"], count: 1),
                                PlacementCounts.Row(keys: ["Westland", "Zorg"], count: 1)])
        #expect(result.total == 5)
        #expect(result.records == 5)
    }

    @Test(.timeLimit(.minutes(1))) func repeatedEmptyRowsAndCellsCostNothing() throws {
        // LibreOffice pads a formatted sheet to its last row and column in single elements.
        let padding = ODSReaderTests.row(#"<table:table-cell table:number-columns-repeated="16384"/>"#, #" table:number-rows-repeated="1048000""#)
        let result = try Self.counts(#"<table:table-column table:number-columns-repeated="16384"/>"#
                                     + Self.placement("2018-01-02", "Delft") + padding + Self.placement("2018-01-05", "Rijswijk")
                                     + ODSReaderTests.row(#"<table:table-cell table:number-columns-repeated="16384"/>"#, #" table:number-rows-repeated="999999999""#))
        #expect(result.rows == [PlacementCounts.Row(keys: ["Delft"], count: 1), PlacementCounts.Row(keys: ["Rijswijk"], count: 1)])
        // The row after the padding is row 1,048,003: a message there names it.
        let message = try Self.failure(Self.placement("2018-01-02", "Delft") + padding + Self.placement("2018-02-30", "Rijswijk"))
        #expect(message == "p.ods:Blad1!A1048003: '2018-02-30' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)")
        // In a repeated row the message names its first row.
        let repeated = try Self.failure(Self.placement("2018-01-02", "Delft") + Self.placement("2018-00-01", "Delft", "Zorg", #" table:number-rows-repeated="4""#))
        #expect(repeated == "p.ods:Blad1!A3: '2018-00-01' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)")
    }

    @Test func dateCellsCountOnTheirDay() throws {
        let rows = ODSReaderTests.row(Self.date("2018-03-31T23:59:59") + ODSReaderTests.text("Delft") + ODSReaderTests.text("Zorg") + ODSReaderTests.text("WW"))
            + ODSReaderTests.row(Self.date("2018-04-01T00:00:00") + ODSReaderTests.text("Delft") + ODSReaderTests.text("Zorg") + ODSReaderTests.text("WW"))
            + ODSReaderTests.row(Self.date("2018-04-01T08:30:00.25") + ODSReaderTests.text("Delft") + ODSReaderTests.text("Zorg") + ODSReaderTests.text("WW"))
        let result = try Self.counts(rows, by: [.quarter])
        #expect(result.rows == [PlacementCounts.Row(keys: ["2018-Q1"], count: 1), PlacementCounts.Row(keys: ["2018-Q2"], count: 2)])
        let bytes = try ODSReaderTests.spreadsheet(rows)
        #expect(try WorkbookReader.records(bytes: bytes, file: "p.ods").map { $0.fields[0] } == ["2018-03-31 23:59:59", "2018-04-01", "2018-04-01 08:30:00"])
        #expect(ODSTableScanner.dateText("2018-04-01T08:30:00+01:00") == "2018-04-01T08:30:00+01:00")
        #expect(ODSTableScanner.dateText("18-4-1") == "18-4-1")
    }

    @Test func hiddenRowsAndColumnsWithValuesAreRefusedAsInAWorkbook() throws {
        let filtered = try Self.failure(Self.placement("2018-01-02", "Delft") + Self.placement("2018-01-03", "Delft", "Zorg", #" table:visibility="filter" table:number-rows-repeated="7""#))
        #expect(filtered == "p.ods: sheet Blad1 has hidden rows with values (3, 4, 5, 6, 7, …), for example filtered away; amr reads every row and does not guess whether those count: show them and delete the rows that do not belong, or copy the visible rows to a new sheet")
        let collapsed = try Self.failure(#"<table:table-row-group table:display="false">"# + Self.placement("2018-01-02", "Delft") + "</table:table-row-group>")
        #expect(collapsed.hasPrefix("p.ods: sheet Blad1 has hidden rows with values (2)"))
        let column = try Self.failure(#"<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>"# + Self.placement("2018-01-02", "Delft"))
        #expect(column == "p.ods: sheet Blad1 has a hidden column with values (C); amr does not guess whether it counts: show it, or delete it if it does not belong")
        // Hidden but empty: nothing to guess about.
        let empty = try Self.counts(#"<table:table-column table:number-columns-repeated="4"/><table:table-column table:visibility="collapse"/>"#
                                    + Self.placement("2018-01-02", "Delft") + ODSReaderTests.row("<table:table-cell/>", #" table:visibility="collapse" table:number-rows-repeated="9""#))
        #expect(empty.total == 1)
    }

    @Test func commentsAndErrorsAreNotValues() throws {
        let comment = #"<table:table-cell office:value-type="string"><office:annotation><text:p>Rotterdam?</text:p></office:annotation><text:p>Delft</text:p></table:table-cell>"#
        let result = try Self.counts(ODSReaderTests.row(Self.date("2018-01-02") + comment + ODSReaderTests.text("Zorg") + ODSReaderTests.text("WW")))
        #expect(result.rows == [PlacementCounts.Row(keys: ["Delft"], count: 1)])
        // LibreOffice stores a formula's error with an empty string value; it is the error it shows.
        let error = #"<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>"#
        let bytes = try ODSReaderTests.spreadsheet(ODSReaderTests.row(ODSReaderTests.text("Delft") + error))
        #expect(try WorkbookReader.records(bytes: bytes, file: "w.ods").map(\.fields) == [["Delft", "#DIV/0!"]])
    }

    @Test func theSheetIsTheOneNamedOrTheFirst() throws {
        let two = #"<table:table table:name="Plaatsingen 2019">"# + Self.header + Self.placement("2019-01-02", "Westland") + "</table:table>"
        let bytes = try ODSReaderTests.spreadsheet(Self.header + Self.placement("2018-01-02", "Delft"), after: two)
        let first = try PlacementCounter(groupBy: [.gemeente], threads: 1).count(PlacementSheet(bytes: bytes, file: "p.ods"), file: "p.ods")
        #expect(first.rows == [PlacementCounts.Row(keys: ["Delft"], count: 1)])
        let second = try PlacementCounter(groupBy: [.gemeente], threads: 1).count(PlacementSheet(bytes: bytes, file: "p.ods", sheet: "plaatsingen 2019"), file: "p.ods")
        #expect(second.rows == [PlacementCounts.Row(keys: ["Westland"], count: 1)])
        do {
            _ = try PlacementCounter(threads: 1).count(PlacementSheet(bytes: bytes, file: "p.ods", sheet: "2020"), file: "p.ods")
            Issue.record("a missing sheet was counted")
        } catch {
            #expect(error.description == "p.ods: the spreadsheet has no sheet '2020'; its sheets are 'Blad1', 'Plaatsingen 2019'")
        }
    }

    @Test func damagedAndForeignFilesAreRefused() throws {
        let badCount = try Self.failure(ODSReaderTests.row(Self.date("2018-01-02"), #" table:number-rows-repeated="veel""#))
        #expect(badCount == "p.ods:Blad1!A2: the spreadsheet is damaged: number-rows-repeated is 'veel', not a count of 1 or more; save it again from LibreOffice")
        let beyond = try Self.failure(Self.placement("2018-01-02", "Delft", "Zorg", #" table:number-rows-repeated="16777216""#))
        #expect(beyond == "p.ods:Blad1!A16777216: the sheet has rows with values beyond row 16777216, LibreOffice's last; this is not a sheet saved by LibreOffice")
        let wide = try Self.failure(ODSReaderTests.row(Self.date("2018-01-02") + #"<table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell>"#))
        #expect(wide == "p.ods:Blad1!A2: the sheet has cells beyond column XFD (16384), the last LibreOffice and Excel have; this is not a sheet saved by LibreOffice")

        var encrypted = ZipWriter()
        try encrypted.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        try encrypted.add("META-INF/manifest.xml", Array(#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>"#.utf8))
        try encrypted.add("content.xml", [0x8F, 0x12, 0x00, 0xFF])
        #expect(throws: LoadError.self) { try PlacementSheet(bytes: encrypted.archive(), file: "p.ods") }
        do {
            _ = try PlacementSheet(bytes: encrypted.archive(), file: "p.ods")
        } catch let error as LoadError {
            #expect(error.description.hasPrefix("p.ods: the spreadsheet is protected with a password (encrypted), which amr does not read"))
        }
        let text = TestSupport.run(["placements", "Tests/AMRCoreTests/Documents/foutloos.odt"])
        #expect(text.exitCode == 2)
        #expect(text.stderr == "amr: error: Tests/AMRCoreTests/Documents/foutloos.odt: this is an OpenDocument file of type application/vnd.oasis.opendocument.text, not a spreadsheet (.ods); save the table as .ods, .xlsx or CSV\n")
    }

    @Test func amrReadsItsOwnSpreadsheetBackToTheSameNumbers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-ods-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A split written as .ods, read back as the weights of the same split.
        let split = directory.appendingPathComponent("verdeling.ods").path
        let weights = "Fixtures/haaglanden-inwoners-2017.csv"
        #expect(TestSupport.run(["allocate", "--total", "159500", "--weights", weights, "--format", "ods", "-o", split]).exitCode == 0)
        let original = TestSupport.run(["allocate", "--total", "159500", "--weights", weights, "--format", "json"])
        let again = TestSupport.run(["allocate", "--total", "159500", "--weights", split, "--format", "json"])
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(try Self.shares(again.stdout) == Self.shares(original.stdout))
        #expect(try Self.shares(original.stdout).count == 5)
        // Its amounts are read as the stated split, and match.
        #expect(again.stdout.contains("\"matchesStated\" : true") || again.stdout.contains("\"matchesStated\": true"))

        // Placement counts written as .ods are a weights table: the same split as from their CSV.
        let counts = directory.appendingPathComponent("plaatsingen.ods").path
        let countsCSV = directory.appendingPathComponent("plaatsingen.csv").path
        #expect(TestSupport.run(["placements", Self.libreOffice, "--by", "gemeente", "--format", "ods", "-o", counts]).exitCode == 0)
        #expect(TestSupport.run(["placements", Self.csv, "--by", "gemeente", "--format", "csv", "-o", countsCSV]).exitCode == 0)
        let fromODS = TestSupport.run(["allocate", "--total", "100000", "--weights", counts, "--format", "json"])
        let fromCSV = TestSupport.run(["allocate", "--total", "100000", "--weights", countsCSV, "--format", "json"])
        #expect(fromODS.exitCode == 0, "\(fromODS.stderr)")
        #expect(try Self.shares(fromODS.stdout) == Self.shares(fromCSV.stdout))
        #expect(try Self.shares(fromODS.stdout).first { $0[0] == "Den Haag" } == ["Den Haag", "259", "61666.67"])
    }

    /// Hands out its bytes at most `size` at a time, so that tags are cut at every place.
    struct ChunkedSource: XMLByteSource {
        let bytes: [UInt8]
        let size: Int
        var offset = 0

        mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
            let count = min(size, destination.count, bytes.count - offset)
            for index in 0..<count { destination[index] = bytes[offset + index] }
            offset += count
            return count
        }
    }

    /// Regression: LibreOffice's content.xml of 100,000 placements failed at a random row with
    /// "the attribute name office: ends with a colon" when a chunk ended inside `office:value-type`.
    @Test(arguments: [1, 2, 3, 5, 7, 11, 64, 4097])
    func tagsCutByChunksReadTheSame(size: Int) throws {
        var archive = try ZipArchive(bytes: Array(try Data(contentsOf: TestSupport.root.appendingPathComponent(Self.folder + "plaatsingen-totaal-libreoffice.ods"))),
                                     file: "t.ods", maximumSize: 1 << 24)
        let content = try #require(try archive.contents(of: "content.xml"))
        func rows(_ source: any XMLByteSource) throws -> [[String]] {
            var scanner = ODSTableScanner(source: source, file: "t.ods", sheet: nil)
            var rows: [[String]] = []
            while try scanner.nextRow() { rows.append(scanner.row.cells.map { "\($0.column)=\(scanner.row.string($0))" }) }
            return rows
        }
        let whole = try rows(XMLBytes(content))
        #expect(whole.count == 4)
        #expect(whole[1] == ["1=2018-01-02", "2=Delft", "3=Bouw & Techniek", "4=participatiewet"])
        #expect(try rows(ChunkedSource(bytes: content, size: size)) == whole)
    }

    @Test func aFewBytesCannotRepeatARowIntoMillions() throws {
        var limits = InputLimits()
        limits.maximumFileSize = 1 << 20
        let bytes = try ODSReaderTests.spreadsheet(Self.header + Self.placement("2018-01-02", "Delft", "Zorg", #" table:number-rows-repeated="100000""#))
        do {
            let counts = try PlacementCounter(threads: 1).count(PlacementSheet(bytes: bytes, file: "p.ods", limits: limits), file: "p.ods")
            Issue.record("counted \(counts.total)")
        } catch {
            // 4 cells of the header and 65,535 rows of 4 are 262,144 = 4 × (1 MiB ÷ 16); the next is one too many.
            #expect(error.description == "p.ods:Blad1!A65537: the sheet has more than 262144 cells up to here, counting the empty ones between and every repeated row; amr reads tables, not databases: if it is genuine, raise AMR_MAX_FILE_SIZE")
        }
        // Under the limit the repeats all count.
        let fewer = try ODSReaderTests.spreadsheet(Self.header + Self.placement("2018-01-02", "Delft", "Zorg", #" table:number-rows-repeated="65535""#))
        #expect(try PlacementCounter(threads: 1).count(PlacementSheet(bytes: fewer, file: "p.ods", limits: limits), file: "p.ods").total == 65_535)
    }

    /// name, weight and amount of each share in an allocate JSON report.
    static func shares(_ json: String) throws -> [[String]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let shares = object?["shares"] as? [[String: Any]] ?? []
        return shares.map { [$0["name"] as? String ?? "", $0["weight"] as? String ?? "", $0["amount"] as? String ?? ""] }
    }
}
