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
        #expect(sheet.stderr.contains("--sheet picks a sheet of a workbook, but Fixtures/plaatsingen-haaglanden-2018.csv is not an Excel workbook (.xlsx)"))
        let missing = TestSupport.run(["placements", Self.workbook, "--sheet", "Plaatsingen"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.hasPrefix("amr: error: \(Self.workbook)"))
    }

    @Test func sheetTextKeepsRowNumbersAndQuotes() throws {
        let records = [
            CSVRecord(fields: ["datum", "gemeente"], line: 1, columns: [1, 2], sheet: "S"),
            CSVRecord(fields: ["2018-01-01", "Den \"Haag\"\nzuid"], line: 4, columns: [2, 3], sheet: "S"),
        ]
        let sheet = PlacementSheet(records: records)
        #expect(String(decoding: sheet.bytes, as: UTF8.self) == "\"datum\",\"gemeente\"\n\n\n\"2018-01-01\",\"Den \"\"Haag\"\" zuid\"\n")
        let moved = sheet.relocated(.csv(SourceLocation(file: "x.xlsx", line: 4, column: 14), "bad"))
        #expect(moved.description == "x.xlsx:S!C4: bad")
    }
}
