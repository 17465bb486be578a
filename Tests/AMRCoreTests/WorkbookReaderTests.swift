import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Reading sheets of workbooks: the fixtures saved by LibreOffice and openpyxl to their exact
/// records, the number and date rules, and every part that can be missing or malformed.
@Suite struct WorkbookReaderTests {
    static let folder = "Tests/AMRCoreTests/Workbooks"

    static func fixture(_ name: String) throws -> [UInt8] {
        let path = TestSupport.root.appendingPathComponent("\(folder)/\(name)").path
        return [UInt8](try #require(FileManager.default.contents(atPath: path)))
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook written with ZipWriter: sheets (name, sheetData rows), optional shared
    /// strings and styles parts, and parts to leave out or replace.
    static func workbook(sheets: [(String, String)], sharedStrings: [String]? = nil, styles: String? = nil,
                         date1904: Bool = false, replacing: [String: String] = [:], omitting: Set<String> = []) throws -> [UInt8] {
        var parts: [(String, String)] = []
        let sheetElements = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.0)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        parts.append(("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
            """))
        parts.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """))
        parts.append(("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(relationships)">\
            \(date1904 ? "<workbookPr date1904=\"1\"/>" : "")<sheets>\(sheetElements)</sheets></workbook>
            """))
        var rels = sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
        rels += "<Relationship Id=\"rS\" Type=\"\(relationships)/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
        rels += "<Relationship Id=\"rT\" Type=\"\(relationships)/styles\" Target=\"./styles.xml\"/>"
        parts.append(("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>"))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet.1)</sheetData></worksheet>"))
        }
        let strings = (sharedStrings ?? []).map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined()
        parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">\(strings)</sst>"))
        parts.append(("xl/styles.xml", styles ?? "<styleSheet xmlns=\"\(main)\"><cellXfs><xf numFmtId=\"0\"/></cellXfs></styleSheet>"))
        var writer = ZipWriter()
        for (name, text) in parts where !omitting.contains(name) { try writer.add(name, Array((replacing[name] ?? text).utf8)) }
        return try writer.archive()
    }

    static func records(_ bytes: [UInt8], sheet: String? = nil, limits: InputLimits = .standard) throws -> [CSVRecord] {
        try WorkbookReader.records(bytes: bytes, file: "w.xlsx", sheet: sheet, limits: limits)
    }

    static func message(_ bytes: [UInt8], sheet: String? = nil, limits: InputLimits = .standard) -> String? {
        do { _ = try WorkbookReader.records(bytes: bytes, file: "w.xlsx", sheet: sheet, limits: limits) } catch { return error.description }
        return nil
    }

    // MARK: - Fixtures from real writers

    @Test func aCSVSavedByLibreOfficeReadsToItsRecords() throws {
        let records = try Self.records(try Self.fixture("libreoffice-haaglanden-2017.xlsx"))
        #expect(records.map(\.fields) == [
            ["gemeente", "code", "inwoners"],
            ["Delft", "GM0503", "101381"],
            ["Den Haag", "GM0518", "524882"],
            ["Midden-Delfland", "GM1842", "19034"],
            ["Westland", "GM1783", "105885"],
            ["Rijswijk", "GM0603", "51027"],
        ])
        #expect(records.map(\.line) == [1, 2, 3, 4, 5, 6])
        #expect(records.allSatisfy { $0.columns == [1, 2, 3] && $0.sheet == "haaglanden-inwoners-2017" })
        #expect(records.map(\.numeric) == [[], [2], [2], [2], [2], [2]])
        #expect(records[3].location(ofField: 2, file: "w.xlsx").description == "w.xlsx:'haaglanden-inwoners-2017'!C4")
    }

    @Test func libreOfficeSheetsAreFoundByNameAndTheFirstIsTheDefault() throws {
        let bytes = try Self.fixture("libreoffice-two-sheets.xlsx")
        let first = try Self.records(bytes)
        #expect(first.map(\.fields) == [
            ["Gemeente", "Inwoners"], ["Delft", "101381"], ["Den Haag", "524882"], ["Midden-Delfland", "19034"],
            ["Westland", "105885"], ["Rijswijk", "51027"], ["Totaal", "802209"],
        ])
        #expect(first.allSatisfy { $0.sheet == "Inwoners 2017" })
        let second = try Self.records(bytes, sheet: "INWONERS 2016")
        #expect(second.map(\.fields) == [
            ["Gemeente", "Inwoners"], ["Delft", "101075"], ["Den Haag", "519411"], ["Midden-Delfland", "18870"],
            ["Westland", "105007"], ["Rijswijk", "49322"],
        ])
        #expect(second.allSatisfy { $0.sheet == "Inwoners 2016" })
        #expect(Self.message(bytes, sheet: "2015") == "w.xlsx: the workbook has no sheet '2015'; its sheets are 'Inwoners 2017' and 'Inwoners 2016'")
    }

    @Test func openpyxlNumbersDatesBooleansAndRichTextReadAsExcelShowsThem() throws {
        let records = try Self.records(try Self.fixture("openpyxl-weights.xlsx"))
        #expect(records.map(\.fields) == [
            ["Gemeente", "Inwoners", "Peildatum", "Bijdrage 2018", "Controle"],
            ["Delft", "101381", "2017-09-27", "20157.18", "TRUE"],
            ["Den Haag", "524882", "2017-09-27", "104360.18", "FALSE"],
            ["Midden-Delfland", "19034", "2017-09-27", "3784.45"],
            ["Westland", "105885", "2017-09-27", "21052.69"],
            ["  Rijswijk", "51027", "2017-09-27", "10145.49"],
            ["0,1 + 0,2", "0.3", "0.00001", "123456789012345", "150000"],
        ])
        #expect(records.map(\.line) == [1, 2, 3, 4, 5, 6, 8])
        #expect(records[1].numeric == [1, 3])
        #expect(records[6].numeric == [1, 2, 3, 4])
        #expect(records.allSatisfy { $0.sheet == "Bijdrage" })
    }

    /// The inhabitants fixture as a LibreOffice workbook splits exactly as the CSV does.
    @Test func theHaaglandenWorkbookSplitsAsTheCSV() {
        let csv = TestSupport.run(["allocate", "--total", "159500", "--weights", "Fixtures/haaglanden-inwoners-2017.csv", "--format", "csv"])
        let xlsx = TestSupport.run(["allocate", "--total", "159500", "--weights", "\(Self.folder)/libreoffice-haaglanden-2017.xlsx", "--format", "csv"])
        #expect(csv.exitCode == 0)
        #expect(xlsx.exitCode == 0)
        #expect(xlsx.stderr == "")
        #expect(xlsx.stdout == csv.stdout)
        #expect(xlsx.stdout.contains("Den Haag;GM0518;524882;104360,19"))
    }

    // MARK: - Numbers and dates

    @Test(arguments: [
        ("20157.180000000001", "20157.18"), ("0.30000000000000004", "0.3"), ("104360.17999999999", "104360.18"),
        ("1E-3", "0.001"), ("1.5E+5", "150000"), ("1.0000000000000001e-05", "0.00001"), ("-0", "0"), ("0", "0"),
        ("123456789012345", "123456789012345"), ("1234567890123456", "1234567890123460"), ("9999999999999999", "10000000000000000"),
        ("-2.5", "-2.5"), ("007", "7"), (".5", "0.5"), ("5.", "5"), ("1.23456789012345678E+20", "123456789012346000000"),
        ("4.9999999999999998E-2", "0.05"), (" 12 ", "12"), ("+3", "3"),
    ])
    func storedNumbersReadAsExcelShowsThem(_ stored: String, _ shown: String) {
        #expect(ExcelNumber.normalized(stored) == shown)
    }

    @Test(arguments: ["", "abc", "1e", "1.2.3", "--1", "1E+999", "1e-99999999", "0x10", "1,5", "NaN", "INF", "."])
    func textThatIsNoNumberIsRefused(_ stored: String) {
        #expect(ExcelNumber.normalized(stored) == nil)
    }

    @Test(.timeLimit(.minutes(1))) func aMillionLeadingZerosAreQuick() {
        #expect(ExcelNumber.normalized(String(repeating: "0", count: 1_000_000) + "1.5") == "1.5")
    }

    @Test func serialsBecomeDatesWithTheLotusLeapDay() {
        #expect(ExcelDate.text(serial: "1", kind: .date, date1904: false) == "1900-01-01")
        #expect(ExcelDate.text(serial: "59", kind: .date, date1904: false) == "1900-02-28")
        #expect(ExcelDate.text(serial: "60", kind: .date, date1904: false) == "1900-02-29")
        #expect(ExcelDate.text(serial: "61", kind: .date, date1904: false) == "1900-03-01")
        #expect(ExcelDate.text(serial: "43005", kind: .date, date1904: false) == "2017-09-27")
        #expect(ExcelDate.text(serial: "43005.5", kind: .date, date1904: false) == "2017-09-27 12:00:00")
        #expect(ExcelDate.text(serial: "43005.99999999", kind: .date, date1904: false) == "2017-09-28")
        #expect(ExcelDate.text(serial: "2958465", kind: .date, date1904: false) == "9999-12-31")
        #expect(ExcelDate.text(serial: "2958466", kind: .date, date1904: false) == nil)
        #expect(ExcelDate.text(serial: "-1", kind: .date, date1904: false) == nil)
        #expect(ExcelDate.text(serial: "0", kind: .date, date1904: true) == "1904-01-01")
        #expect(ExcelDate.text(serial: "41543", kind: .date, date1904: true) == "2017-09-27")
        #expect(ExcelDate.text(serial: "0.75", kind: .time, date1904: false) == "18:00:00")
        #expect(ExcelDate.text(serial: "1.25", kind: .time, date1904: false) == "30:00:00")
    }

    @Test func formatCodesAreDatesTimesOrNumbers() {
        #expect(ExcelDate.kind(ofFormatCode: "dd-mm-yyyy") == .date)
        #expect(ExcelDate.kind(ofFormatCode: "[$-413]d mmmm yyyy;@") == .date)
        #expect(ExcelDate.kind(ofFormatCode: "mmm-yy") == .date)
        #expect(ExcelDate.kind(ofFormatCode: "mmmm") == .date)
        #expect(ExcelDate.kind(ofFormatCode: "h:mm") == .time)
        #expect(ExcelDate.kind(ofFormatCode: "[h]:mm:ss") == .time)
        #expect(ExcelDate.kind(ofFormatCode: "[mm]") == .time)
        #expect(ExcelDate.kind(ofFormatCode: "h:mm AM/PM") == .time)
        #expect(ExcelDate.kind(ofFormatCode: "General") == .number)
        #expect(ExcelDate.kind(ofFormatCode: "#,##0.00 \"dagen\"") == .number)
        #expect(ExcelDate.kind(ofFormatCode: "[Red]#,##0;[Blue]-#,##0") == .number)
        #expect(ExcelDate.kind(ofFormatCode: "[$€-413] #,##0.00") == .number)
        #expect(ExcelDate.kind(ofFormatCode: "0.00E+00") == .number)
        #expect(ExcelDate.kind(ofFormatCode: "0\\d") == .number)
        #expect(ExcelDate.kind(ofBuiltInFormat: 14) == .date)
        #expect(ExcelDate.kind(ofBuiltInFormat: 22) == .date)
        #expect(ExcelDate.kind(ofBuiltInFormat: 46) == .time)
        #expect(ExcelDate.kind(ofBuiltInFormat: 3) == .number)
    }

    @Test func dateStylesComeFromCellFormats() throws {
        let styles = """
            <styleSheet xmlns="\(Self.main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="d-m-yyyy"/></numFmts>\
            <cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>\
            <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/><xf numFmtId="20"/></cellXfs></styleSheet>
            """
        let rows = "<row r=\"1\"><c s=\"0\"><v>43005</v></c><c s=\"1\"><v>43005</v></c><c s=\"2\"><v>43005</v></c><c s=\"3\"><v>43005</v></c><c s=\"4\"><v>0.5</v></c><c s=\"9\"><v>7</v></c></row>"
        let records = try Self.records(try Self.workbook(sheets: [("Blad1", rows)], styles: styles))
        #expect(records.first?.fields == ["43005", "2017-09-27", "2017-09-27", "43005", "12:00:00", "7"])
        #expect(records.first?.numeric == [0, 3, 5])
        let in1904 = try Self.records(try Self.workbook(sheets: [("Blad1", rows)], styles: styles, date1904: true))
        #expect(in1904.first?.fields[1] == "2021-09-28")
    }

    // MARK: - Cells and rows

    @Test func sparseRowsAndCellsWithoutReferencesFillTheirPlaces() throws {
        let rows = """
            <row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2"><v>1</v></c></row>\
            <row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c><c r="E3" t="str"><f>A3&amp;"x"</f><v>ax</v></c></row>\
            <row r="5" spans="1:3"><c r="A5" s="0"/><c r="B5" t="s"/></row>\
            <row r="6"><c r="A6" t="e"><f>NA()</f><v>#N/A</v></c><c r="B6"><f>SUM(B1:B5)</f></c><c r="C6" t="b"><v>0</v></c></row>\
            <row r="7"><c r="A7" t="inlineStr"><is><r><t xml:space="preserve">Den </t></r><r><t>Haag</t></r><rPh sb="0" eb="1"><t>デン</t></rPh></is></c>\
            <c r="B7" t="s"><v>1</v></c><c r="C7" t="inlineStr"><is><t>tab_x0009_hier</t></is></c></row>
            """
        let records = try Self.records(try Self.workbook(sheets: [("Blad 1", rows)], sharedStrings: ["naam", " rijk &amp; arm "]))
        #expect(records.map(\.fields) == [
            ["", "naam", "", "1"],
            ["a", "2", "", "", "ax"],
            ["#N/A", "=SUM(B1:B5)", "FALSE"],
            ["Den Haag", " rijk & arm ", "tab\thier"],
        ])
        #expect(records.map(\.line) == [2, 3, 6, 7])
        #expect(records.map(\.numeric) == [[3], [1], [], []])
        #expect(records[0].columns == [1, 2, 3, 4])
        #expect(records[0].location(ofField: 3, file: "w.xlsx").description == "w.xlsx:'Blad 1'!D2")
    }

    @Test func cellsOutOfOrderOrBeyondTheGridAreRefused() throws {
        func message(_ rows: String) throws -> String? { Self.message(try Self.workbook(sheets: [("Blad1", rows)], sharedStrings: ["a"])) }
        #expect(try message("<row r=\"3\"/><row r=\"2\"/>") == "w.xlsx:Blad1!A2: the workbook is damaged: row 2 comes after row 3; save it again from Excel")
        #expect(try message("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>1</v></c></row>") == "w.xlsx:Blad1!A1: the workbook is damaged: cell A1 comes twice or out of order; save it again from Excel")
        #expect(try message("<row r=\"1\"><c r=\"B2\"><v>1</v></c></row>") == "w.xlsx:Blad1!B1: the workbook is damaged: cell B2 is in row 1; save it again from Excel")
        #expect(try message("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>") == "w.xlsx:Blad1!A1: the workbook is damaged: cell reference '1A' is not a cell such as B7; save it again from Excel")
        #expect(try message("<row r=\"1048577\"/>") == "w.xlsx:Blad1!A1048576: the sheet has rows beyond row 1048576, Excel's last; this is not a sheet saved by Excel")
        #expect(try message("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>") == "w.xlsx:Blad1!A1: the workbook is damaged: cell reference 'XFE1' is not a cell such as B7; save it again from Excel")
        #expect(try message("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>4</v></c></row>") == "w.xlsx:Blad1!A1: the workbook is damaged: cell A1 refers to shared string 4, but the workbook has 1; save it again from Excel")
        #expect(try message("<row r=\"1\"><c r=\"A1\"><v>12abc</v></c></row>") == "w.xlsx:Blad1!A1: the workbook is damaged: cell A1 is a number holding '12abc'; save it again from Excel")
        #expect(try message("<row r=\"1\"><c r=\"A1\" t=\"q\"><v>1</v></c></row>") == "w.xlsx:Blad1!A1: the workbook is damaged: cell A1 has the unknown type 'q'; save it again from Excel")
    }

    @Test func aSparseSheetCannotExpandBeyondTheCellCap() throws {
        var limits = InputLimits()
        limits.maximumFileSize = 1 << 20      // a cap of 65,536 fields
        let rows = (1...5).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
        #expect(Self.message(try Self.workbook(sheets: [("Blad1", rows)]), limits: limits)
                == "w.xlsx:Blad1!A5: the sheet has more than 65536 cells up to here; amr reads tables, not databases: if it is genuine, raise AMR_MAX_FILE_SIZE")
        let fewer = (1...3).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
        #expect(try Self.records(try Self.workbook(sheets: [("Blad1", fewer)]), limits: limits).map(\.fields.count) == [16384, 16384, 16384])
    }

    // MARK: - Parts

    @Test func missingAndMalformedPartsAreNamed() throws {
        let rows = "<row r=\"1\"><c><v>1</v></c></row>"
        #expect(Self.message(try Self.workbook(sheets: [("Blad1", rows)], omitting: ["xl/workbook.xml", "_rels/.rels", "[Content_Types].xml"]))
                == "w.xlsx: this zip archive is not an Excel workbook: it has no xl/workbook.xml; save the table as .xlsx or CSV")
        #expect(Self.message(try Self.workbook(sheets: [("Blad1", rows)], omitting: ["xl/worksheets/sheet1.xml"]))
                == "w.xlsx: the workbook is damaged: sheet 'Blad1' should be in xl/worksheets/sheet1.xml, which is missing; save it again from Excel")
        #expect(Self.message(try Self.workbook(sheets: [("Blad1", rows)], omitting: ["xl/_rels/workbook.xml.rels"]))
                == "w.xlsx: the workbook is damaged: it has no xl/_rels/workbook.xml.rels, which says where the sheets are; save it again from Excel")
        #expect(Self.message(try Self.workbook(sheets: [("Blad1", rows)], omitting: ["xl/sharedStrings.xml"]))
                == "w.xlsx: the workbook is damaged: its shared strings part xl/sharedStrings.xml is missing; save it again from Excel")
        let malformed = Self.message(try Self.workbook(sheets: [("Blad1", rows)], replacing: ["xl/worksheets/sheet1.xml": "<worksheet xmlns=\"\(Self.main)\"><sheetData><row><c><v>1</v></row></sheetData></worksheet>"]))
        #expect(malformed == "w.xlsx: the workbook is damaged: part xl/worksheets/sheet1.xml is not well-formed XML (line 1, column 105: the end tag </row> does not match <c>); save it again from Excel")
        #expect(Self.message(try Self.workbook(sheets: [("Blad1", rows)], replacing: ["xl/worksheets/sheet1.xml": "<!DOCTYPE a [<!ENTITY e \"e\">]><worksheet/>"]))
                == "w.xlsx: part xl/worksheets/sheet1.xml is refused (line 1, column 1): the part declares a document type (<!DOCTYPE>), which Office parts never do; it is refused so that no entity can be defined or fetched; save the workbook again from Excel")
        // Without package relationships or content types the workbook is found at xl/workbook.xml.
        #expect(try Self.records(try Self.workbook(sheets: [("Blad1", rows)], omitting: ["_rels/.rels", "[Content_Types].xml"])).first?.fields == ["1"])
    }

    /// libxml2 refuses more than 10,000,000 bytes handed over at once; parts go in as a stream.
    @Test func aSheetPartOverTenMegabytesReads() throws {
        let rows = (1...120_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>Gemeente \($0)</t></is></c><c r=\"B\($0)\"><v>\($0)</v></c></row>" }.joined()
        #expect(rows.utf8.count > 10_000_000)
        let records = try Self.records(try Self.workbook(sheets: [("Blad1", rows)]))
        #expect(records.count == 120_000)
        #expect(records.last?.fields == ["Gemeente 120000", "120000"])
    }

    /// A document that stops with elements open is refused (XMLParser once said nothing).
    @Test func aSheetThatStopsWithElementsOpenIsRefused() throws {
        let cut = "<worksheet xmlns=\"\(Self.main)\"><sheetData><row r=\"1\"><c><v>1</v></c></row>"
        let cutMessage = Self.message(try Self.workbook(sheets: [("Blad1", "")], replacing: ["xl/worksheets/sheet1.xml": cut]))
        #expect(cutMessage == "w.xlsx: the workbook is damaged: part xl/worksheets/sheet1.xml is not well-formed XML (line 1, column 121: the part ends before <sheetData> is closed); save it again from Excel")
        let open = Self.message(try Self.workbook(sheets: [("Blad1", "")], replacing: ["xl/worksheets/sheet1.xml": "<worksheet>"]))
        #expect(open?.hasPrefix("w.xlsx: the workbook is damaged: part xl/worksheets/sheet1.xml is not well-formed XML") == true)
        #expect(Self.message(try Self.workbook(sheets: [("Blad1", "")], replacing: ["xl/worksheets/sheet1.xml": ""]))
                == "w.xlsx: the workbook is damaged: part xl/worksheets/sheet1.xml is not well-formed XML (line 1, column 1: the part has no root element); save it again from Excel")
    }

    /// Found by the sheet fuzzer: one byte 0xE1 in an attribute of styles.xml made Foundation's
    /// XMLParser trap. Parts are checked for UTF-8 before they are parsed.
    @Test func aPartThatIsNotUTF8IsRefusedNotACrash() throws {
        let styles = String(decoding: try Self.fixture("fuzz-crash-styles-not-utf8.xml"), as: UTF8.self)
        #expect(styles.contains("\u{FFFD}"))
        let crashing = [UInt8](try Self.fixture("fuzz-crash-styles-not-utf8.xml"))
        var bytes = try Self.workbook(sheets: [("Blad1", "<row r=\"1\"><c><v>1</v></c></row>")], omitting: ["xl/styles.xml"])
        var writer = ZipWriter()
        var archive = try ZipArchive(bytes: bytes, file: "w.xlsx", maximumSize: 1 << 20)
        for entry in archive.entries { try writer.add(entry.name, try #require(try archive.contents(of: entry.name))) }
        try writer.add("xl/styles.xml", crashing)
        bytes = try writer.archive()
        #expect(Self.message(bytes) == "w.xlsx: the workbook is damaged: part xl/styles.xml is not UTF-8 text (byte 1761 is not); workbooks are written in UTF-8; save it again from Excel")
    }

    /// Found by the sheet fuzzer after the review fixes: a processing instruction without data
    /// (`<?xm?>`) made Foundation's XMLParser crash in strlen. Parts with one are refused.
    @Test func aProcessingInstructionIsRefusedNotACrash() throws {
        let crashing = [UInt8](try Self.fixture("fuzz-crash-processing-instruction.xml"))
        #expect(throws: LoadError.workbook(file: "w.xlsx", "part xl/sharedStrings.xml is refused (line 1, column 1): a processing instruction (<?…?>) is not allowed here; Office parts have none but the XML declaration at the very start; save the workbook again from Excel")) {
            try SharedStringsPart.read(XMLBytes(crashing), part: "xl/sharedStrings.xml", file: "w.xlsx", maximumCount: 1 << 16)
        }
    }

    @Test func sheetTargetsResolveAndMayNotLeaveThePackage() {
        #expect(RelationshipsPart.resolve("worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(RelationshipsPart.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(RelationshipsPart.resolve("../data/./s.xml", from: "xl/workbook.xml") == "data/s.xml")
        #expect(RelationshipsPart.resolve("../../s.xml", from: "xl/workbook.xml") == nil)
        #expect(RelationshipsPart.partName(for: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
    }

    @Test func hiddenAndChartSheetsAreNotTheDefault() throws {
        let rows = "<row r=\"1\"><c><v>1</v></c></row>"
        var bytes = try Self.workbook(sheets: [("Verborgen", "<row r=\"1\"><c><v>9</v></c></row>"), ("Zichtbaar", rows)], replacing: [
            "xl/workbook.xml": """
                <workbook xmlns="\(Self.main)" xmlns:x="\(Self.relationships)"><sheets><sheet name="Verborgen" sheetId="1" state="hidden" x:id="rId1"/>\
                <sheet name="Zichtbaar" sheetId="2" x:id="rId2"/></sheets></workbook>
                """,
        ])
        #expect(try Self.records(bytes).first?.sheet == "Zichtbaar")
        #expect(try Self.records(bytes, sheet: "verborgen").first?.fields == ["9"])
        bytes = try Self.workbook(sheets: [("Grafiek", ""), ("Tabel", rows)], replacing: [
            "xl/_rels/workbook.xml.rels": """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(Self.relationships)/chartsheet" Target="chartsheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(Self.relationships)/worksheet" Target="worksheets/sheet2.xml"/></Relationships>
                """,
        ])
        #expect(try Self.records(bytes).first?.sheet == "Tabel")
        #expect(Self.message(bytes, sheet: "Grafiek") == "w.xlsx: sheet 'Grafiek' is a chart sheet, not a table; pick a worksheet with --sheet")
    }

    @Test func otherSpreadsheetFormatsAreNamed() throws {
        #expect(WorkbookReader.signature(of: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]) == .ole)
        #expect(WorkbookReader.signature(of: Array("PK\u{3}\u{4}".utf8)) == .zip)
        #expect(WorkbookReader.signature(of: Array("naam;inwoners".utf8)) == .other)
        var writer = ZipWriter()
        try writer.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        try writer.add("content.xml", Array("<x/>".utf8))
        #expect(Self.message(try writer.archive()) == "w.xlsx: this OpenDocument spreadsheet (.ods) has no table; save the table again from LibreOffice, or as .xlsx or CSV")
    }

    // MARK: - Weights from workbooks

    /// Stored numbers need no notation guessing: `101381.5` beside `1.5` is not ambiguous, and
    /// a number cell is never read with a decimal comma.
    @Test func numericCellsAreExactWeights() throws {
        let rows = """
            <row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>\
            <row r="2"><c t="s"><v>2</v></c><c><v>101.381</v></c></row>\
            <row r="3"><c t="s"><v>3</v></c><c><v>20157.180000000001</v></c></row>\
            <row r="4"><c t="s"><v>4</v></c><c t="s"><v>5</v></c></row>
            """
        let records = try Self.records(try Self.workbook(sheets: [("Blad1", rows)], sharedStrings: ["naam", "gewicht", "A", "B", "C", "12,5"]))
        let table = try WeightTable.read(records: records, file: "w.xlsx")
        #expect(table.rows.map(\.weight.description) == ["101.381", "20157.18", "12.5"])
        #expect(table.rows.map(\.line) == [2, 3, 4])
    }

    @Test func weightErrorsNameTheSheetAndCell() throws {
        let rows = """
            <row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>\
            <row r="2"><c t="s"><v>2</v></c><c><v>101381</v></c></row>\
            <row r="3"><c t="s"><v>3</v></c><c t="e"><v>#N/A</v></c></row>
            """
        let records = try Self.records(try Self.workbook(sheets: [("Inwoners", rows)], sharedStrings: ["gemeente", "inwoners", "Delft", "Den Haag"]))
        #expect(throws: LoadError.csv(SourceLocation(file: "w.xlsx", line: 3, column: 2, sheet: "Inwoners"),
                                      "weight '#N/A' in column \"inwoners\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)")) {
            try WeightTable.read(records: records, file: "w.xlsx")
        }
    }
}

/// Issue 18, item 5: a valid sheet padded with white space (64 MiB of it in a 66 KB file) is
/// read in memory that does not grow with the padding. The reader before the scanner held the
/// part, a copy and libxml2's buffers: 223 MB for this file (measured with /usr/bin/time on the
/// debug build of d127c2d), 26 MB now. Measured on a child process: its peak resident set
/// (VmHWM) polled from /proc while it runs, since wait4's figure would count the test runner's
/// memory, which the child shares until it execs.
@Suite struct WorkbookMemoryTests {
    @Test func whitespacePaddingCostsNoMemory() throws {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        var binary: String?
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("amr").path
            if FileManager.default.isExecutableFile(atPath: candidate) { binary = candidate; break }
            folder = folder.deletingLastPathComponent()
        }
        let amr = try #require(binary, "the amr binary beside the test runner")
        let input = TestSupport.root.appendingPathComponent("Tests/AMRCoreTests/Corpus/inputs/whitespace-64mb.xlsx").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("amr-whitespace-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let arguments = [amr, "allocate", "--total", "1000", "--weights", input, "--format", "csv", "--locale", "en", "-o", output]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, amr, nil, nil, &argv, environ) == 0)
        var status: Int32 = 0
        var peak = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
                peak = max(peak, kilobytes)
            }
            usleep(2_000)
        }
        #expect(status == 0)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains("Delft") && written.contains("1000"))
        #expect(peak > 0)
        #expect(peak < 64 * 1024, "peak \(peak) KiB")
    }
}
