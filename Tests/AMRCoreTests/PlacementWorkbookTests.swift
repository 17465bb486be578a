import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Placement exports saved as Excel workbooks count exactly as the CSV they came from, and
/// messages name the sheet's cell.
@Suite struct PlacementWorkbookTests {
    static let csv = "Fixtures/plaatsingen-haaglanden-2018.csv"
    /// The same export opened in LibreOffice and saved as .xlsx: dates became date cells.
    static let workbook = "Tests/AMRCoreTests/Workbooks/plaatsingen-libreoffice.xlsx"

    @Test(arguments: ["gemeente,sector", "doelgroep,quarter", "month", ""])
    func aWorkbookCountsAsItsCSV(by: String) {
        let options = (by.isEmpty ? [] : ["--by", by]) + ["--format", "json"]
        let fromCSV = TestSupport.run(["placements", Self.csv] + options)
        let fromWorkbook = TestSupport.run(["placements", Self.workbook] + options)
        #expect(fromWorkbook.exitCode == 0, "\(fromWorkbook.stderr)")
        #expect(fromWorkbook.stdout == fromCSV.stdout)
    }

    @Test func progressCountsTargetsFromAWorkbook() {
        let arguments = ["progress", "Fixtures/haaglanden-2018.json", "--as-of", "2018-09-30", "--format", "json", "--placements"]
        let fromCSV = TestSupport.run(arguments + [Self.csv])
        let fromWorkbook = TestSupport.run(arguments + [Self.workbook])
        #expect(fromWorkbook.exitCode == 0)
        // The same counts; only the file named as their source differs.
        #expect(fromWorkbook.stdout.replacingOccurrences(of: Self.workbook, with: Self.csv) == fromCSV.stdout)
        #expect(fromWorkbook.stdout.contains("\"value\": \"109\""))
    }

    @Test func messagesNameTheCell() {
        let outcome = TestSupport.run(["placements", "Tests/AMRCoreTests/Workbooks/plaatsingen-foute-datum-openpyxl.xlsx"])
        #expect(outcome.exitCode == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "amr: error: Tests/AMRCoreTests/Workbooks/plaatsingen-foute-datum-openpyxl.xlsx:Plaatsingen!A6: '2018-13-01' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)\n")
        let sheet = TestSupport.run(["placements", Self.csv, "--sheet", "Blad1"])
        #expect(sheet.exitCode == 2)
        #expect(sheet.stderr.contains("--sheet picks a sheet of a workbook, but Fixtures/plaatsingen-haaglanden-2018.csv is not an Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods)"))
        let missing = TestSupport.run(["placements", Self.workbook, "--sheet", "Plaatsingen"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.hasPrefix("amr: error: \(Self.workbook)"))
    }

    @Test func aRowBecomesOneQuotedLine() throws {
        var row = SheetRow()
        row.number = 4
        row.text = Array("2018-01-01 13:05:00Den \"Haag\"\nzuid".utf8)
        row.cells = [SheetRow.Cell(column: 2, start: 0, end: 19, numeric: false, shared: -1),
                     SheetRow.Cell(column: 3, start: 19, end: row.text.count, numeric: false, shared: -1)]
        var line: [UInt8] = []
        var columns: [Int] = []
        PlacementSheet.line(for: row, into: &line, textColumns: &columns)
        #expect(String(decoding: line, as: UTF8.self) == "\"\",\"2018-01-01\",\"Den \"\"Haag\"\" zuid\"\n")
        #expect(columns == [1, 4, 17])
        let moved = PlacementSheet.relocated(.csv(SourceLocation(file: "x.xlsx", line: 4, column: 18), "bad"), row: row, textColumns: columns, sheet: "S")
        #expect(moved.description == "x.xlsx:S!C4: bad")
        let elsewhere = PlacementSheet.relocated(.csv(SourceLocation(file: "x.xlsx", line: 1, column: 1), "empty"), row: row, textColumns: columns, sheet: "S")
        #expect(elsewhere.description == "x.xlsx:1:1: empty")
    }
}
