import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Weights from workbooks as officers save them: a LibreOffice workbook with two sheets and a
/// `Totaal` row holding a SUM formula is split over its municipalities only.
@Suite struct WorkbookWeightsTests {
    static let twoSheets = "Tests/AMRCoreTests/Workbooks/libreoffice-two-sheets.xlsx"

    @Test func aTotaalRowInASheetIsNoParty() throws {
        let outcome = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.twoSheets, "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        #expect(json.value(at: "/shares/4/amount")?.kind == .string("10145.49"))
        #expect(json.value(at: "/shares/5") == nil)
        #expect(json.value(at: "/totalRow/label")?.kind == .string("Totaal"))
        #expect(json.value(at: "/totalRow/stated")?.kind == .string("802209"))
        #expect(json.value(at: "/totalRow/sheet") != nil)
        let text = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.twoSheets])
        #expect(text.stdout.contains("Rij 7 van blad Inwoners 2017 (\"Totaal\") is het totaal van de tabel, geen partij: 802.209 Inwoners, de som van de 5 rijen 2–6."))
    }
}
