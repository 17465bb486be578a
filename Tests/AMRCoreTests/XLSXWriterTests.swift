import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Workbooks written by amr: a valid package, numbers stored as numbers with their formats, the
/// total row as SUM formulas with exact cached values, frozen header, and read back by amr's own
/// workbook reader to the same numbers.
@Suite struct XLSXWriterTests {
    static let h2018 = "Fixtures/haaglanden-2018.json"

    /// Runs amr with stdout redirected (not a terminal) and returns the workbook's bytes.
    static func workbook(_ arguments: [String]) -> (Outcome, [UInt8]) {
        let outcome = TestSupport.run(arguments)
        return (outcome, outcome.binary)
    }

    static func part(_ bytes: [UInt8], _ name: String) throws -> String {
        var archive = try ZipArchive(bytes: bytes, file: "out.xlsx", maximumSize: 1 << 26)
        guard let contents = try archive.contents(of: name) else {
            Issue.record("no part \(name)")
            return ""
        }
        return String(decoding: contents, as: UTF8.self)
    }

    @Test func allocationWorkbookHasThePartsStylesAndFormulas() throws {
        let (outcome, bytes) = Self.workbook(["allocate", Self.h2018, "--format", "xlsx"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout == "")
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let archive = try ZipArchive(bytes: bytes, file: "out.xlsx", maximumSize: 1 << 26)
        #expect(archive.entries.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                                "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        let sheet = try Self.part(bytes, "xl/worksheets/sheet1.xml")
        // The header is row 9 (title, six facts, a blank row above it) and stays in view.
        #expect(sheet.contains(#"<pane ySplit="9" topLeftCell="A10" activePane="bottomLeft" state="frozen"/>"#))
        // Amounts are numbers; the total row sums them with the exact total cached.
        #expect(sheet.contains(#"<c r="D10" s="#))
        #expect(sheet.contains("<v>20157.18</v>"))
        #expect(sheet.contains("<f>SUM(D10:D14)</f><v>159500.00</v>"))
        #expect(sheet.contains("<f>SUM(E10:E14)</f><v>159499.99</v>"))
        #expect(sheet.contains("<f>SUM(B10:B14)</f><v>802209</v>"))
        // Percentages are fractions; the percent column is not summed (its rounded rows need not add to 100).
        #expect(sheet.contains("<v>0.1264</v>"))
        #expect(!sheet.contains("SUM(C10"))
        let styles = try Self.part(bytes, "xl/styles.xml")
        #expect(styles.contains(#"formatCode="[$€-413]\ #,##0.00;[$€-413]\ \-#,##0.00""#))
        #expect(styles.contains(#"formatCode="0.00%""#))
        #expect(styles.contains("<b/>"))
        let workbook = try Self.part(bytes, "xl/workbook.xml")
        #expect(workbook.contains(#"<sheet name="bijdrage-2018" sheetId="1" r:id="rId1"/>"#))
    }

    /// The sheet and style parts as golden text, in both languages: a change in the workbook's
    /// layout shows in review.
    @Test(arguments: ["nl", "en"])
    func workbookPartsGolden(locale: String) throws {
        let (_, bytes) = Self.workbook(["allocate", Self.h2018, "--format", "xlsx", "--locale", locale])
        let suffix = locale == "nl" ? "" : "-en"
        TestSupport.expectGolden(try Self.part(bytes, "xl/worksheets/sheet1.xml"), "allocate-haaglanden-2018\(suffix).sheet1.xml")
        TestSupport.expectGolden(try Self.part(bytes, "xl/styles.xml"), "allocate-haaglanden-2018\(suffix).styles.xml")
    }

    @Test func workbookReadsBackToTheSameNumbers() throws {
        let report = try PlanAllocator.allocate(
            try PlanLoader.load(contentsOf: TestSupport.fixture("haaglanden-2018.json")).plan.allocations[0],
            in: try PlanLoader.load(contentsOf: TestSupport.fixture("haaglanden-2018.json")))
        let (_, bytes) = Self.workbook(["allocate", Self.h2018, "--format", "xlsx"])
        let records = try WorkbookReader.records(bytes: bytes, file: "out.xlsx")
        guard let header = records.firstIndex(where: { $0.fields.first == "gemeente" }) else {
            Issue.record("no header row")
            return
        }
        #expect(records[header].fields == ["gemeente", "inwoners", "% inwoners", "exact aandeel", "vermeld", "verschil"])
        for (offset, row) in report.rows.enumerated() {
            let record = records[header + 1 + offset]
            #expect(record.fields[0] == row.name)
            #expect(record.numeric.isSuperset(of: [1, 3, 4]))
            #expect(ExactDecimal.parse(record.fields[1]) == .success(row.weight ?? ExactDecimal(significand: 0)))
            #expect(Money.parse(record.fields[3]) == .success(row.amount))
            #expect(Money.parse(record.fields[4]) == .success(row.stated ?? .zero))
        }
        let total = records[header + 1 + report.rows.count]
        #expect(total.fields[0] == "totaal")
        #expect(Money.parse(total.fields[3]) == .success(report.total))
        #expect(Money.parse(total.fields[4]) == .success(Money(cents: 15_949_999)))
    }

    @Test func aSplitFromAWorkbookComesBackAsAWorkbookWithTheSameAmounts() throws {
        let csv = TestSupport.run(["allocate", "--total", "159500", "--weights", "Fixtures/haaglanden-inwoners-2017.csv", "--format", "json"])
        let (outcome, bytes) = Self.workbook(["allocate", "--total", "159500", "--weights", "Fixtures/haaglanden-inwoners-2017.csv", "--format", "xlsx"])
        #expect(outcome.exitCode == 0)
        let json = try JSONReader.parse(Array(csv.stdout.utf8), file: "stdout")
        let records = try WorkbookReader.records(bytes: bytes, file: "out.xlsx")
        for index in 0..<5 {
            guard case .string(let name)? = json.value(at: "/shares/\(index)/name")?.kind,
                  case .string(let amount)? = json.value(at: "/shares/\(index)/amount")?.kind,
                  let record = records.first(where: { $0.fields.first == name }) else {
                Issue.record("share \(index) missing")
                continue
            }
            #expect(ExactDecimal.parse(record.fields[3]).map { $0.isEqual(to: (try? ExactDecimal.parse(amount).get()) ?? ExactDecimal(significand: -1)) } == .success(true))
        }
    }

    @Test func amrReadsItsOwnWorkbookAsWeightsAndFindsTheSameSplit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let workbook = directory.appendingPathComponent("verdeling.xlsx").path
        #expect(TestSupport.run(["allocate", Self.h2018, "-o", workbook]).exitCode == 1)
        let again = TestSupport.run(["allocate", "--total", "159500", "--weights", workbook, "--format", "json"])
        #expect(again.exitCode == 0, "\(again.stderr)")
        let json = try JSONReader.parse(Array(again.stdout.utf8), file: "stdout")
        // The exact shares written are read back as the stated split, and they match.
        #expect(json.value(at: "/matchesStated")?.kind == .bool(true))
        #expect(json.value(at: "/shares/1/stated")?.kind == .string("104360.19"))
        #expect(json.value(at: "/shares/1/amount")?.kind == .string("104360.19"))
        #expect(json.value(at: "/totalRow/label")?.kind == .string("totaal"))
        #expect(json.value(at: "/totalRow/matches")?.kind == .bool(true))
        #expect(json.value(at: "/shareColumns/0/kind")?.kind == .string("fraction"))
        #expect(json.value(at: "/shareColumns/0/matches")?.kind == .bool(true))
        let text = TestSupport.run(["allocate", "--total", "159500", "--weights", workbook])
        #expect(text.stdout.contains("Rij 15 van blad bijdrage-2018 (\"totaal\") is het totaal van de tabel, geen partij: 802.209 inwoners, de som van de 5 rijen 10–14."))
    }

    @Test func everyReportBecomesAWorkbookWithOneSheetPerTableSection() throws {
        let (monitor, monitorBytes) = Self.workbook(["monitor", "Fixtures/veenstreek-monitor-2021.json", "--previous",
                                                     "Fixtures/veenstreek-monitor-2021-q1.json", "--format", "xlsx"])
        #expect(monitor.exitCode == 0)
        let workbook = try Self.part(monitorBytes, "xl/workbook.xml")
        #expect(workbook.contains(#"name="Doelen""#) && workbook.contains(#"name="Deelprojecten""#))
        let targets = try Self.part(monitorBytes, "xl/worksheets/sheet1.xml")
        #expect(targets.contains("groen") && targets.contains("lichten"))
        let (multi, multiBytes) = Self.workbook(["allocate", "Fixtures/veenstreek-2019-2021.json", "--format", "xlsx"])
        #expect(multi.exitCode == 1)
        let sheets = try Self.part(multiBytes, "xl/workbook.xml")
        #expect(sheets.contains(#"name="bijdrage-2019""#) && sheets.contains(#"name="bijdrage-2020""#) && sheets.contains(#"name="bijdrage-2021""#))
        let (placements, placementBytes) = Self.workbook(["placements", "Fixtures/plaatsingen-haaglanden-2018.csv", "--by", "sector", "--format", "xlsx"])
        #expect(placements.exitCode == 0)
        #expect(try Self.part(placementBytes, "xl/worksheets/sheet1.xml").contains("<f>SUM(B6:B9)</f><v>420</v>"))
    }

    @Test func formatFollowsTheOutputFileNameAndNeverGoesToATerminal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("verdeling.xlsx").path
        let written = TestSupport.run(["allocate", Self.h2018, "-o", target])
        #expect(written.stdout == "" && written.binary.isEmpty)
        let bytes = [UInt8](FileManager.default.contents(atPath: target) ?? Data())
        #expect(bytes == Self.workbook(["allocate", Self.h2018, "--format", "xlsx"]).1)
        let terminal = TestSupport.lock.withLock {
            Tool.run(["allocate", TestSupport.fixture("haaglanden-2018.json"), "--format", "xlsx"],
                     environment: Environment(variables: [:], stdoutIsTerminal: true))
        }
        #expect(terminal.exitCode == 2)
        #expect(terminal.binary.isEmpty)
        #expect(terminal.stderr == "amr: error: --format xlsx writes a workbook, not text for a terminal; give -o FILE.xlsx (or redirect the output to a file) (see 'amr help allocate')\n")
    }

    @Test func sheetNamesFollowExcelsRules() {
        let writer = XLSXWriter()
        var used = Set<String>()
        #expect(writer.uniqueName("Verdeling [2019]: a/b?", &used) == "Verdeling 2019 ab")
        #expect(writer.uniqueName(String(repeating: "x", count: 40), &used).count == 31)
        #expect(writer.uniqueName("doelen", &used) == "doelen")
        #expect(writer.uniqueName("Doelen", &used) == "Doelen (2)")
        #expect(writer.uniqueName("''", &used) == "Blad")
    }

    @Test func textIsEscapedAndNeverAFormula() throws {
        let document = ReportDocument(locale: .nl, title: "=HYPERLINK(\"x\") & <b>\u{1}", sections: [
            .init(name: "a", blocks: [.table(.init(columns: [.init("naam"), .init("bedrag", alignment: .right, summable: true)],
                                                  rows: [[.text("@SUM(A1)"), .money(Money(cents: 1), decimals: 2)]],
                                                  total: [.strong("totaal"), .money(Money(cents: 2), decimals: 2)]))]),
        ])
        let bytes = try XLSXWriter().write([document])
        let sheet = try Self.part(bytes, "xl/worksheets/sheet1.xml")
        // Markup escaped; a control character XML forbids stays visible as #x01 instead of breaking the part.
        #expect(sheet.contains(#"<t xml:space="preserve">=HYPERLINK("x") &amp; &lt;b&gt;#x01</t>"#))
        #expect(sheet.contains(#"t="inlineStr""#) && !sheet.contains("<f>HYPERLINK"))
        // A total that is not the sum of its column is written as a value, not as a SUM that would disagree.
        #expect(!sheet.contains("<f>SUM(B"))
        #expect(sheet.contains("<v>0.02</v>"))
    }
}
