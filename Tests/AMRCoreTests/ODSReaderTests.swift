import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// OpenDocument spreadsheets as weights: a file saved by LibreOffice splits as its .xlsx twin,
/// repeated empty rows cost nothing, hidden rows and columns with values are refused.
@Suite struct ODSReaderTests {
    /// An .ods of `rows` (the inside of `<table:table>`), as LibreOffice lays it out.
    /// `after` comes after the table: more tables.
    static func spreadsheet(_ rows: String, name: String = "Blad1", after: String = "") throws -> [UInt8] {
        let calcext = #"xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0""#
        let content = #"<?xml version="1.0" encoding="UTF-8"?><office:document-content \#(ODF.namespaces) \#(calcext)><office:body><office:spreadsheet><table:table table:name="\#(name)">\#(rows)</table:table>\#(after)</office:spreadsheet></office:body></office:document-content>"#
        var zip = ZipWriter()
        try zip.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        try zip.add("content.xml", Array(content.utf8))
        return try zip.archive()
    }

    static func row(_ cells: String, _ attributes: String = "") -> String { "<table:table-row\(attributes)>\(cells)</table:table-row>" }
    static func text(_ value: String) -> String { #"<table:table-cell office:value-type="string"><text:p>\#(value)</text:p></table:table-cell>"# }
    static func float(_ value: String, shown: String) -> String {
        #"<table:table-cell office:value-type="float" office:value="\#(value)"><text:p>\#(shown)</text:p></table:table-cell>"#
    }

    @Test func libreOfficeSpreadsheetSplitsAsItsWorkbook() throws {
        let ods = TestSupport.run(["allocate", "--total", "159500", "--weights", "Fixtures/haaglanden-inwoners-2017.ods", "--format", "csv"])
        let xlsx = TestSupport.run(["allocate", "--total", "159500", "--weights", "Fixtures/haaglanden-inwoners-2017.xlsx", "--format", "csv"])
        #expect(ods.exitCode == 0, "\(ods.stderr)")
        #expect(ods.stdout == xlsx.stdout)
        #expect(ods.stdout.contains("Delft;GM0503;101381;20157,18"))
    }

    @Test func repeatedRowsAndCellsAreCountedNotCopied() throws {
        let bytes = try Self.spreadsheet(
            Self.row(Self.text("gemeente") + Self.text("inwoners"))
            + Self.row(Self.text("Delft") + #"<table:table-cell table:number-columns-repeated="3"/>"# + Self.float("101381", shown: "101.381"))
            + Self.row("<table:table-cell table:number-columns-repeated=\"16384\"/>", #" table:number-rows-repeated="1048000""#)
            + Self.row(Self.text("Westland") + Self.float("1.0588500000000001E5", shown: "105.885"), #" table:number-rows-repeated="2""#))
        let records = try WorkbookReader.records(bytes: bytes, file: "w.ods")
        #expect(records.map(\.fields) == [["gemeente", "inwoners"], ["Delft", "", "", "", "101381"],
                                          ["Westland", "105885"], ["Westland", "105885"]])
        #expect(records.map(\.line) == [1, 2, 1_048_003, 1_048_004])
        #expect(records[1].numeric == [4])
        #expect(records[3].sheet == "Blad1")
    }

    @Test func hiddenRowsAndColumnsWithValuesAreRefused() throws {
        let hiddenRow = try Self.spreadsheet(Self.row(Self.text("a") + Self.float("1", shown: "1"))
                                             + Self.row(Self.text("b") + Self.float("2", shown: "2"), #" table:visibility="filter""#))
        do {
            _ = try WorkbookReader.records(bytes: hiddenRow, file: "w.ods")
            Issue.record("a hidden row was read")
        } catch {
            #expect(error.description.contains("sheet Blad1 has hidden rows with values (2)"))
        }
        let hiddenColumn = try Self.spreadsheet(#"<table:table-column/><table:table-column table:visibility="collapse"/>"#
                                                + Self.row(Self.text("a") + Self.float("1", shown: "1")))
        do {
            _ = try WorkbookReader.records(bytes: hiddenColumn, file: "w.ods")
            Issue.record("a hidden column was read")
        } catch {
            #expect(error.description.contains("hidden column with values (B)"))
        }
        let empty = try Self.spreadsheet(Self.row(Self.text("a")) + Self.row("<table:table-cell/>", #" table:visibility="collapse" table:number-rows-repeated="99""#))
        #expect(try WorkbookReader.records(bytes: empty, file: "w.ods").count == 1)
    }

    @Test func aMissingSheetNamesTheOnesThereAre() throws {
        let bytes = try Self.spreadsheet(Self.row(Self.text("a")), name: "Inwoners")
        do {
            _ = try WorkbookReader.records(bytes: bytes, file: "w.ods", sheet: "Blad2")
            Issue.record("a missing sheet was read")
        } catch {
            #expect(error.description.contains("the spreadsheet has no sheet 'Blad2'; its sheets are 'Inwoners'"))
        }
        #expect(try WorkbookReader.records(bytes: bytes, file: "w.ods", sheet: "inwoners").map(\.fields) == [["a"]])
    }
}
