import Foundation
import Testing
@testable import AMRCore

/// Issue 22, item 1: a sheet's rows are copied by the reader into batches (`RowBatch`) and
/// turned into CSV lines where they are counted (`PlacementLines`). Counted on a second thread
/// or on the caller's, a sheet whose lines cross many batch boundaries (long cells, quotes and
/// line breaks in cells, date-times, skipped row numbers, a row wider and longer than a batch's
/// first memory) counts as the CSV of its lines, and the first bad row is the one reported, at
/// its cell.
@Suite struct PlacementLinesTests {
    /// A sheet's rows from memory; fails with `failure` when asked for the row after `failAfter` rows.
    struct Rows: SheetRowSource {
        let rows: [SheetRow]
        var failAfter: Int? = nil
        var failure = LoadError.csv(SourceLocation(file: "p.xlsx", line: 1, column: 1, sheet: "Blad1"), "the reader fails here")
        var index = -1
        let sheet = "Blad1"

        init(_ rows: [SheetRow], failAfter: Int? = nil) {
            self.rows = rows
            self.failAfter = failAfter
        }

        var row: SheetRow { rows[index] }

        mutating func nextRow() throws(LoadError) -> Bool {
            index += 1
            if index == failAfter { throw failure }
            return index < rows.count
        }
    }

    static func row(_ number: Int, _ cells: [(column: Int, text: String)]) -> SheetRow {
        var row = SheetRow()
        row.number = number
        for (column, text) in cells {
            let start = row.text.count
            row.text += Array(text.utf8)
            row.cells.append(SheetRow.Cell(column: column, start: start, end: row.text.count, numeric: false, shared: -1))
        }
        return row
    }

    static let gemeenten = ["GM0363", "Den \"Haag\"", "'s-Gravenhage", "Súdwest-Fryslân", "a\nb", "c\r\nd", "A, B", "\"", "GM1783"]
    static let sectoren = ["Zorg & Welzijn", "Bouw\nnijverheid", "ICT, media", "Horeca", "\"\"x\"\""]

    /// A generated export: the header (`gemeente,sector,datum,doelgroep`, so the date is in
    /// column C) in row 1, then `count` rows with skipped row numbers, date and date-time cells,
    /// empty cells, long notes with quotes and line breaks in column F, a few very wide or very
    /// long rows; `bad` puts a value at a row number: a bad date (`date`) or a row that stops
    /// before the date (`short`).
    static func export(count: Int, seed: UInt64, bad: [Int: String] = [:]) -> [SheetRow] {
        var random = SeededRandom(seed: seed)
        var rows = [row(1, [(1, "gemeente"), (2, "sector"), (3, "datum"), (4, "doelgroep")])]
        var number = 1
        for _ in 0..<count {
            let previous = number
            number += random.oneIn(5) ? 2 + random.below(3) : 1
            // A bad row is never skipped.
            if let skipped = bad.keys.filter({ $0 > previous && $0 < number }).min() { number = skipped }
            var cells: [(column: Int, text: String)] = []
            cells.append((1, random.element(gemeenten)))
            cells.append((2, random.oneIn(30) ? "" : random.element(sectoren)))
            let day = String(format: "2018-%02d-%02d", 1 + random.below(12), 1 + random.below(28))
            switch random.below(4) {
            case 0: cells.append((3, day + " 13:05:00"))
            case 1: cells.append((3, day + " 07:45"))
            default: cells.append((3, day))
            }
            if !random.oneIn(4) { cells.append((4, random.element(["WW", "participatiewet", "banenafspraak"]))) }
            if random.oneIn(8) {
                let piece = random.element(["noot \"met\" quotes, ", "regel\neen\r\n", "2018-01-01 13:05:00", "é€ "])
                cells.append((6, String(repeating: piece, count: 1 + random.below(300))))
            }
            if random.oneIn(3_000) { cells.append((7, String(repeating: "lang \"x\"\n", count: 4_000))) }
            if random.oneIn(2_000) { cells.append((1_500 + random.below(200), "breed")) }
            switch bad[number] {
            case "date": cells[2].text = "2018-13-01"
            case "short": cells = [cells[0], cells[1]]
            default: break
            }
            rows.append(row(number, cells))
        }
        return rows
    }

    static let counters = [
        PlacementCounter(groupBy: [.gemeente, .sector]),
        PlacementCounter(groupBy: [.doelgroep, .month], from: PlanDate("2018-03-01"), to: PlanDate("2018-10-31")),
    ]

    /// What feeding the rows gives: every counter's CSV and totals, or the error message.
    static func outcome(_ rows: [SheetRow], threaded: Bool, failAfter: Int? = nil) -> String {
        do {
            var source = Rows(rows, failAfter: failAfter)
            let scanners = try PlacementSheet.feed(&source, to: counters.map { PlacementScanner(counter: $0, file: "p.xlsx") }, threaded: threaded)
            var text = ""
            for scanner in scanners {
                try scanner.finish()
                let counts = scanner.result()
                text += PlacementRenderer(locale: .en, file: "p").render(counts, as: .csv) + "total \(counts.total) records \(counts.records)\n"
            }
            return text
        } catch {
            return "error: " + error.description
        }
    }

    /// The same rows as one CSV text, their lines one after the other, counted as a CSV file.
    static func csvOutcome(_ rows: [SheetRow]) throws -> String {
        var csv: [UInt8] = []
        var line: [UInt8] = []
        var columns: [Int] = []
        for row in rows {
            PlacementSheet.line(for: row, into: &line, textColumns: &columns)
            csv += line
        }
        var text = ""
        for var counter in counters {
            counter.threads = 1
            let counts = try counter.count(bytes: csv, file: "p")
            text += PlacementRenderer(locale: .en, file: "p").render(counts, as: .csv) + "total \(counts.total) records \(counts.records)\n"
        }
        return text
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func linesAcrossManyBatchesCountAsTheirCSV(seed: UInt64) throws {
        let rows = Self.export(count: 12_000, seed: seed)
        let bytes = rows.reduce(0) { $0 + $1.text.count + $1.cells.count * MemoryLayout<SheetRow.Cell>.stride }
        #expect(bytes > 10 * PlacementLines.batchBytes, "the rows fill many batches: \(bytes) bytes")
        let threaded = Self.outcome(rows, threaded: true)
        #expect(!threaded.hasPrefix("error"), "\(threaded)")
        #expect(threaded.contains("total 12000 records 12000"))
        #expect(threaded == Self.outcome(rows, threaded: false))
        #expect(threaded == (try Self.csvOutcome(rows)))
    }

    /// The earliest bad row is the one reported, deep in the sheet, at its cell, however the
    /// rows fall into batches and whichever thread counts them.
    @Test(arguments: [
        ([9_001: "date"], "Blad1!C9001: '2018-13-01' is not a date"),
        ([9_001: "date", 9_003: "date", 11_500: "short"], "Blad1!C9001: '2018-13-01' is not a date"),
        ([9_001: "short", 9_002: "date"], "Blad1!A9001: this row has 2 fields but the header puts the date in column 3"),
        ([11_700: "date", 9_400: "short", 14: "date"], "Blad1!C14: '2018-13-01' is not a date"),
    ])
    func theEarliestBadRowIsReportedAtItsCell(bad: [Int: String], message: String) {
        // Row numbers go up by 1 to 5, so 12,000 rows reach past 11,700.
        let rows = Self.export(count: 12_000, seed: 9, bad: bad)
        let numbers = Set(rows.map(\.number))
        #expect(bad.keys.allSatisfy { numbers.contains($0) }, "every bad row is in the sheet")
        let threaded = Self.outcome(rows, threaded: true)
        #expect(threaded.hasPrefix("error: p.xlsx:" + message), "\(threaded.prefix(300))")
        #expect(threaded == Self.outcome(rows, threaded: false))
    }

    /// A reader that fails after a bad row lets the bad row be reported first; without one its
    /// own failure is the error.
    @Test(arguments: [true, false])
    func aBadRowBeforeTheReaderFailsComesFirst(threaded: Bool) {
        let rows = Self.export(count: 12_000, seed: 4, bad: [8_000: "date"])
        let index = rows.firstIndex { $0.number == 8_000 } ?? 0
        #expect(index > 0)
        #expect(Self.outcome(rows, threaded: threaded, failAfter: index + 3).hasPrefix("error: p.xlsx:Blad1!C8000: '2018-13-01' is not a date"))
        #expect(Self.outcome(rows, threaded: threaded, failAfter: index) == "error: p.xlsx:Blad1!A1: the reader fails here")
        #expect(Self.outcome(rows, threaded: threaded, failAfter: 0) == "error: p.xlsx:Blad1!A1: the reader fails here")
    }

    /// The lines a batch writes are the rows' lines back to back, for rows that make its memory
    /// grow (a long row, a wide row, many short rows) and after it is refilled.
    @Test func aBatchWritesTheLinesOfItsRows() {
        let rows = Self.export(count: 3_000, seed: 11)
            + [Self.row(20_000, [(2, String(repeating: "\"x\"\n", count: 20_000))]), Self.row(20_001, (1...2_000).map { ($0, "v\($0)") })]
            + (0..<600).map { Self.row(20_002 + $0, [(1, "k")]) }
        let batch = RowBatch()
        let buffer = LineBuffer(capacity: 16)
        for segment in [0..<100, 100..<3_002, 3_002..<rows.count, 0..<50] {
            var writer = RowBatch.Writer(batch)
            var expected: [UInt8] = []
            var line: [UInt8] = []
            var columns: [Int] = []
            for row in rows[segment] {
                writer.append(row)
                PlacementSheet.line(for: row, into: &line, textColumns: &columns)
                expected += line
            }
            let sealed = writer.seal()
            #expect(sealed.count == segment.count)
            #expect(sealed.firstRow == rows[segment.lowerBound].number)
            let used = sealed.lines(into: buffer)
            #expect(Array(UnsafeBufferPointer(start: buffer.pointer, count: used)) == expected)
        }
    }
}
