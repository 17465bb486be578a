import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Issue 22, item 1: the streamed workbook path (sheet inflated ahead on a second thread, each
/// row written as a CSV line through a pointer) counts a generated export exactly as the CSV it
/// was made from, with shared strings and with inline strings, and names the cell of a bad
/// value deep in a sheet read ahead.
@Suite struct PlacementSheetStreamTests {
    static let gemeenten = ["GM0363", "GM0518", "'s-Gravenhage", "Den \"Haag\"", "A&B <zuid>", "Súdwest-Fryslân", " spatie ", "GM1783"]
    static let sectoren = ["Zorg & Welzijn", "Horeca", "Detailhandel", "ICT, media", "Bouw\nnijverheid", "Onderwijs"]
    static let doelgroepen = ["WW", "participatiewet", "banenafspraak", ""]

    /// One generated export: its CSV text and the same rows as a sheet, with the strings shared
    /// or inline; every seventh row number is skipped (an empty row) and dates are date cells.
    static func export(rows: Int, shared: Bool, seed: UInt64, badDateRow: Int? = nil) throws -> (csv: String, workbook: [UInt8]) {
        var random = SeededRandom(seed: seed)
        var csv = "datum,gemeente,sector,doelgroep\n"
        var strings: [String] = []
        var index: [String: Int] = [:]
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func cell(_ reference: String, _ text: String) -> String {
            if shared {
                let id = index[text] ?? strings.count
                if id == strings.count {
                    strings.append(escaped(text))
                    index[text] = id
                }
                return "<c r=\"\(reference)\" t=\"s\"><v>\(id)</v></c>"
            }
            return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
        }
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"").replacingOccurrences(of: "\n", with: " ") + "\"" }
        var sheet = "<row r=\"1\">" + cell("A1", "datum") + cell("B1", "gemeente") + cell("C1", "sector") + cell("D1", "doelgroep") + "</row>"
        let epoch = ExcelDate.days(year: 1899, month: 12, day: 30)
        var number = 1
        for _ in 0..<rows {
            number += number % 7 == 6 ? 2 : 1
            let year = 2015 + random.below(8), month = 1 + random.below(12), day = 1 + random.below(28)
            let gemeente = random.element(gemeenten), sector = random.element(sectoren), doelgroep = random.element(doelgroepen)
            let date = String(format: "%04d-%02d-%02d", year, month, day)
            let serial = ExcelDate.days(year: year, month: month, day: day) - epoch
            let bad = number == badDateRow
            csv += [bad ? "2018-13-01" : date, gemeente, sector, doelgroep].map(quoted).joined(separator: ",") + "\n"
            let dateCell = bad ? cell("A\(number)", "2018-13-01") : "<c r=\"A\(number)\" s=\"1\"><v>\(serial)</v></c>"
            sheet += "<row r=\"\(number)\">" + dateCell + cell("B\(number)", gemeente) + cell("C\(number)", sector)
                + (doelgroep.isEmpty ? "" : cell("D\(number)", doelgroep)) + "</row>"
        }
        let styles = "<styleSheet xmlns=\"\(WorkbookReaderTests.main)\"><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"
        let workbook = try WorkbookReaderTests.workbook(sheets: [("Blad1", sheet)], sharedStrings: shared ? strings : nil, styles: styles)
        return (csv, workbook)
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("amr-\(getpid())-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// 40,000 rows make a sheet part of several MiB, read ahead on the second thread; 300 rows
    /// one read directly.
    @Test(arguments: [(40_000, true), (40_000, false), (300, true), (300, false)])
    func aGeneratedWorkbookCountsAsItsCSV(rows: Int, shared: Bool) throws {
        let (csv, workbook) = try Self.export(rows: rows, shared: shared, seed: UInt64(rows) + (shared ? 1 : 2))
        let kind = shared ? "shared" : "inline"
        let csvPath = try Self.write(Array(csv.utf8), "\(rows)-\(kind).csv")
        let workbookPath = try Self.write(workbook, "\(rows)-\(kind).xlsx")
        defer {
            try? FileManager.default.removeItem(atPath: csvPath)
            try? FileManager.default.removeItem(atPath: workbookPath)
        }
        if rows > 10_000 {
            let archive = try ZipArchive(bytes: workbook, file: "w.xlsx", maximumSize: 1 << 30)
            let size = try #require(archive.entry(named: "xl/worksheets/sheet1.xml")).size
            #expect(size >= PrefetchedSource.minimumSize, "the sheet part is read ahead")
        }
        for by in ["gemeente,sector", "doelgroep,month", "sector,quarter"] {
            let options = ["--by", by, "--format", "csv", "--locale", "en"]
            let fromCSV = TestSupport.run(["placements", csvPath] + options)
            #expect(fromCSV.exitCode == 0, "\(fromCSV.stderr)")
            // --threads 1 reads the workbook on one thread: the same counts.
            for threads in [[], ["--threads", "1"]] {
                let fromWorkbook = TestSupport.run(["placements", workbookPath] + options + threads)
                #expect(fromWorkbook.exitCode == 0, "\(fromWorkbook.stderr)")
                #expect(fromWorkbook.stdout == fromCSV.stdout, "--by \(by), \(kind) strings \(threads)")
                #expect(fromWorkbook.stdout.contains("Zorg & Welzijn") || !by.contains("sector"))
            }
        }
    }

    @Test(arguments: [true, false])
    func aBadDateDeepInASheetReadAheadNamesItsCell(shared: Bool) throws {
        let (_, workbook) = try Self.export(rows: 40_000, shared: shared, seed: 7, badDateRow: 35_001)
        let path = try Self.write(workbook, "bad-\(shared).xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = TestSupport.run(["placements", path])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: \(path):Blad1!A35001: '2018-13-01' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)\n")
    }

    /// The line the counting loop writes through a pointer is byte for byte the line of
    /// `line(for:into:textColumns:)`, for rows with gaps, quotes, line breaks and date-times.
    @Test func theLineWrittenThroughAPointerIsTheLine() {
        var random = SeededRandom(seed: 22)
        let pieces = ["GM0363", "\"", "Den \"Haag\"", "a\nb", "c\r\nd", "2018-01-01 13:05:00", "2018-01-01 13:05", "2018-01-01", "", "é€", ",", "x"]
        let buffer = LineBuffer(capacity: 8)
        for _ in 0..<2_000 {
            var row = SheetRow()
            row.number = 1 + random.below(1_000)
            var column = 0
            for _ in 0..<random.below(6) {
                column += 1 + random.below(3)
                let start = row.text.count
                row.text += Array(random.element(pieces).utf8)
                row.cells.append(SheetRow.Cell(column: column, start: start, end: row.text.count, numeric: false, shared: -1))
            }
            var line: [UInt8] = []
            var columns: [Int] = []
            PlacementSheet.line(for: row, into: &line, textColumns: &columns)
            // Written after what is in the buffer already, which stays.
            let offset = random.below(3) == 0 ? 0 : 1 + random.below(20)
            for k in 0..<offset { buffer.pointer[k] = UInt8(k) }
            let end = PlacementSheet.line(for: row, into: buffer, at: offset)
            #expect(Array(UnsafeBufferPointer(start: buffer.pointer, count: offset)) == (0..<offset).map { UInt8($0) })
            let written = UnsafeBufferPointer(start: buffer.pointer + offset, count: end - offset)
            #expect(Array(written) == line)
            #expect(PlacementLines.textColumns(written) == columns)
        }
    }

    /// A source that hands out `bytes` in pieces of `piece` bytes and then fails, if told to.
    struct PiecesSource: XMLByteSource {
        let bytes: [UInt8]
        let piece: Int
        let failure: XMLError?
        var offset = 0

        mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
            let count = min(piece, destination.count, bytes.count - offset)
            if count == 0, let failure { throw failure }
            if count > 0, let target = destination.baseAddress {
                bytes.withUnsafeBytes { source in target.copyMemory(from: source.baseAddress! + offset, byteCount: count) }
            }
            offset += count
            return count
        }
    }

    static func drain(_ source: inout PrefetchedSource, readSize: Int) throws(XMLError) -> [UInt8] {
        var result: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try source.read(into: chunk)
            if count == 0 { return result }
            result += chunk[..<count]
        }
    }

    @Test func readingAheadGivesTheSameBytesAndTheFailureInItsPlace() throws {
        var random = SeededRandom(seed: 5)
        let bytes = (0..<3_000_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        for (piece, readSize) in [(1 << 18, 1 << 16), (1_000, 7), (77_777, 1 << 20), (1, 3)] {
            let input = piece == 1 ? Array(bytes.prefix(20_000)) : bytes
            var source = PrefetchedSource(PiecesSource(bytes: input, piece: piece, failure: nil))
            #expect(try Self.drain(&source, readSize: readSize) == input)
            // After the end: the end again.
            let extra = UnsafeMutableRawBufferPointer.allocate(byteCount: 16, alignment: 1)
            defer { extra.deallocate() }
            #expect(try source.read(into: extra) == 0)
        }
        let failure = XMLError(.input, "entry xl/worksheets/sheet1.xml fails its CRC check")
        var failing = PrefetchedSource(PiecesSource(bytes: bytes, piece: 100_000, failure: failure))
        var delivered = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        do {
            while true {
                let count = try failing.read(into: chunk)
                #expect(count > 0)
                delivered += count
            }
        } catch {
            #expect(error == failure)
        }
        #expect(delivered == bytes.count, "every byte before the failure comes first")
    }

    /// A reader that stops early (an error in row 5 of a long sheet) stops the thread: the
    /// source is dropped with the thread still ahead, many times over, without a hang.
    @Test func stoppingEarlyStopsTheThread() throws {
        let bytes = [UInt8](repeating: 0x61, count: 4_000_000)
        for _ in 0..<50 {
            var source = PrefetchedSource(PiecesSource(bytes: bytes, piece: 1 << 18, failure: nil))
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 1)
            defer { chunk.deallocate() }
            #expect(try source.read(into: chunk) == 100)
        }
    }
}
