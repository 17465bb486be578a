import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// The document fixtures (Tests/AMRCoreTests/Documents, made by scripts/generate-documents) read
/// as Word and as OpenDocument files: the planted errors found at their table, row and column,
/// the error-free tables silent, the seed plans' known errors found, extract-then-check the same,
/// and files that are no readable document refused with a message.
@Suite struct DocumentReaderTests {
    static func path(_ name: String) -> String { TestSupport.root.appendingPathComponent("Tests/AMRCoreTests/Documents/\(name)").path }

    static func check(_ name: String, regionNames: [String] = []) throws -> DocumentCheck {
        let names = ((try? CBSData.embedded())?.regionNamesForTotals ?? []) + regionNames
        return try DocumentReader.read(bytes: try FileInput.read(path(name)), file: name, regionNames: names)
    }

    /// `table/row/column: rule` of each finding.
    static func places(_ name: String, regionNames: [String] = []) throws -> [String] {
        try check(name, regionNames: regionNames).findings(locale: .nl).map { "\($0.location.place ?? "?"): \($0.rule)" }
    }

    @Test(arguments: ["docx", "odt"]) func plantedErrorsAreFoundWhereTheyAre(_ ending: String) throws {
        #expect(try Self.places("fouten.\(ending)") == [
            "tabel 1 \"Klanten per gemeente\", rij \"Totaal\", kolom \"Trajecten\": table-column-total",
            "tabel 2 \"Plaatsingen per kwartaal\", rij \"Techniek\", kolom \"Totaal\": table-row-total",
            "tabel 3 \"Begroting per cluster\", rij \"Subtotaal werkzoekenden\", kolom \"Bedrag\": table-column-total",
            "tabel 4 \"Bereik van de doelgroep\", rij \"Dronten\", kolom \"Bereik\": table-percentage",
            "tabel 5 \"Verdeling van de trajecten\", rij \"Zuid\", kolom \"Aandeel\": table-percentage",
            "tabel 6 \"WW-uitkeringen (UWV, afgerond op tientallen)\", rij \"Totaal\", kolom \"WW\": table-column-total",
            "tabel 7 \"Bijdrage per gemeente\", rij \"Flevoland\", kolom \"Bijdrage\": table-column-total",
        ])
    }

    @Test(arguments: ["docx", "odt"]) func errorFreeTablesGiveNothing(_ ending: String) throws {
        let check = try Self.check("foutloos.\(ending)")
        #expect(try check.findings(locale: .nl).isEmpty)
        #expect(check.tableCount == 11)
        // The nested table is read as a table of its own, after the one holding it.
        #expect(check.tables.contains { $0.depth == 1 && $0.caption == "Resultaten:" })
        #expect(try Self.check("rijnmond-2022-2025.\(ending)").findings(locale: .nl).isEmpty)
    }

    @Test(arguments: ["docx", "odt"]) func seedPlansKnownErrors(_ ending: String) throws {
        let haaglanden = try Self.check("haaglanden-2018.\(ending)").findings(locale: .nl)
        #expect(haaglanden.map { "\($0.location.place ?? ""): \($0.message)" } == [
            "tabel 2 \"Schema 3: Overzicht financiële keuzes\", rij \"Haaglanden\", kolom \"a) Middelen schema 2\": 159.500,00 vermeld, de rijen tellen op tot 159.499,99",
            "tabel 3 \"Schema 4: Het plaatje van 2017\", kopregel, kolom \"kolom 3\": 154.000,00 vermeld, de rijen tellen op tot 154.000,01",
        ])
        let veenstreek = try Self.check("veenstreek-2019-2021.\(ending)").findings(locale: .nl)
        #expect(veenstreek.map { "\($0.location.place ?? ""): \($0.message)" } == [
            "tabel 1 \"Tabel 1: Bijdrage per gemeente naar inwonertal\", rij \"Totaal\", kolom \"Bijdrage (€) 2019\": 240.000 vermeld, de rijen tellen op tot 240.001",
            "tabel 2 \"Tabel 2: Uitkeringen P-wet naar leeftijd, 1 januari 2020\", rij \"Westerbroek\", kolom \"Totaal\": 218 vermeld, de kolommen \"< 27\", \"27–65\" en \"> 65\" tellen op tot 208",
            "tabel 2 \"Tabel 2: Uitkeringen P-wet naar leeftijd, 1 januari 2020\", rij \"Veenstreek\", kolom \"< 27\": 287 vermeld, de rijen tellen op tot 278",
            "tabel 3 \"Tabel 3: Uitstroom naar betaald werk 2018\", rij \"Totaal\", kolom \"Aantal\": 600 vermeld, de rijen tellen op tot 504",
            "tabel 4 \"Tabel 4: Uitstroom naar werk 2020\", rij \"Lindendal\", kolom \"% van het bestand\": 8% vermeld, maar 15 van 170 is 8,82…% (afgerond 9%)",
        ])
    }

    /// Percentages of counts in another table (by the rows' labels, and of its stated total), and
    /// an age table whose last row is named after a region amr does not know.
    @Test(arguments: ["docx", "odt"]) func percentagesOfAnotherTableAndAnUnknownRegionsTotal(_ ending: String) throws {
        #expect(try Self.places("elders-fouten.\(ending)") == [
            "tabel 1 \"Tabel 1: Uitkeringen naar leeftijd, 1 januari 2022\", rij \"Zuidlaarderveen\", kolom \"Totaal\": table-row-total",
            "tabel 1 \"Tabel 1: Uitkeringen naar leeftijd, 1 januari 2022\", rij \"Lauwersland\", kolom \"< 27\": table-column-total",
            "tabel 3 \"Tabel 3: Uitstroom naar werk per gemeente\", rij \"Zuidlaarderveen\", kolom \"%\": table-percentage",
            "tabel 4 \"Tabel 4: Verdeling van het klantenbestand\", rij \"Eemsoever\", kolom \"Aandeel\": table-percentage",
        ])
        let messages = try Self.check("elders-fouten.\(ending)").findings(locale: .en).map(\.message)
        #expect(messages.contains("9% stated, but 45 of 640 is 7.03…% (rounded 7%)"))
        #expect(messages.contains("18.1% stated, but 860 of 4,500 is 19.111…% (rounded 19.1%)"))
        let clean = try Self.check("elders-foutloos.\(ending)")
        #expect(try clean.findings(locale: .nl).isEmpty)
        #expect(clean.skippedTables(locale: .nl).isEmpty)
    }

    @Test(arguments: ["docx", "odt"]) func englishNotationAndWording(_ ending: String) throws {
        let findings = try Self.check("english.\(ending)").findings(locale: .en)
        #expect(findings.map { "\($0.location): \($0.message)" } == [
            "english.\(ending): table 1 \"Table 1: Outflow per municipality\", row \"Total\", column \"Outflow\": 245 stated, the rows add up to 235",
        ])
    }

    /// `amr extract` then `amr check` on the plan file: the same findings (rule, stated, expected).
    @Test(arguments: ["fouten.docx", "fouten.odt", "haaglanden-2018.docx", "haaglanden-2018.odt", "veenstreek-2019-2021.docx",
                      "veenstreek-2019-2021.odt", "rijnmond-2022-2025.odt", "foutloos.docx", "english.odt", "elders-fouten.docx",
                      "elders-fouten.odt", "elders-foutloos.odt"])
    func extractThenCheckGivesTheSameFindings(_ name: String) throws {
        let check = try Self.check(name)
        let loaded = try PlanLoader.load(bytes: Array(check.planJSON.utf8), file: "plan.json")
        func key(_ f: Finding) -> String { "\(f.rule) \(f.stated ?? "") \(f.expected ?? "")" }
        let fromPlan = PlanChecker.check(loaded, locale: .nl).map(key).sorted()
        let fromDocument = try check.findings(locale: .nl).map(key).sorted()
        #expect(fromPlan == fromDocument)
        #expect(loaded.plan.tables.allSatisfy { $0.source?.section?.hasPrefix("tabel ") ?? false })
    }

    /// Found by the fuzzer: a cell's `w:gridSpan` with no table open (the `w:tbl` misspelt) crashed
    /// the reader; it belongs to no cell and is passed over.
    @Test func cellPropertiesOutsideATableAreIgnored() throws {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        let xml = "<w:document xmlns:w=\"\(w)\"><w:body><w5tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/><w:vMerge/></w:tcPr>"
            + "<w:p><w:r><w:t>40</w:t></w:r></w:p></w:tc></w:tr></w5tbl></w:body></w:document>"
        let tables = try DocumentReader.collect(Array(xml.utf8), part: "word/document.xml", file: "plan.docx", dialect: .wordprocessing, limits: .standard)
        #expect(tables.isEmpty)
    }

    @Test func whatIsNoReadableDocumentIsRefused() {
        func message(_ bytes: [UInt8], _ file: String = "plan.docx") -> String {
            do {
                _ = try DocumentReader.read(bytes: bytes, file: file)
                return "read"
            } catch {
                return "\(error)"
            }
        }
        #expect(message(Array("%PDF-1.7\n".utf8), "plan.pdf").contains("check the plan as .docx or .odt"))
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64)
        #expect(message(ole, "plan.doc").contains("Word 97–2003"))
        #expect(message(ole + "EncryptionInfo".utf8.flatMap { [$0, 0] }).contains("password"))
        #expect(message(Array("hello".utf8)).contains("not a Word (.docx) or OpenDocument text (.odt) file"))
        #expect(message([]).contains("not a Word"))
    }

    /// LibreOffice on a system set to English saves a Dutch plan with the document language
    /// en-US; the numbers are still read in Dutch notation (its words are Dutch), so the same
    /// errors are found as in the document written with Dutch settings.
    @Test func aDutchPlanDeclaredEnglishIsReadInDutchNotation() throws {
        let saved = try Self.places("saved-by-libreoffice/veenstreek-2019-2021.docx")
        let original = try Self.places("veenstreek-2019-2021.docx")
        #expect(saved.count == 5)
        #expect(saved == original)
        let bytes = try FileInput.read(Self.path("saved-by-libreoffice/veenstreek-2019-2021.docx"))
        var archive = try ZipArchive(bytes: bytes, file: "saved.docx", maximumSize: 1 << 24)
        let styles = String(decoding: try archive.contents(of: "word/styles.xml") ?? [], as: UTF8.self)
        #expect(styles.contains("w:lang w:val=\"en-US\""))
    }

    @Test func checkCommandTakesDocumentsInEveryFormat() throws {
        let file = "Tests/AMRCoreTests/Documents/veenstreek-2019-2021.docx"
        let text = TestSupport.run(["check", file])
        #expect(text.exitCode == 1)
        #expect(text.stdout.contains("\(file): tabel 3 \"Tabel 3: Uitstroom naar betaald werk 2018\", rij \"Totaal\", kolom \"Aantal\": error[table-column-total]: 600 vermeld, de rijen tellen op tot 504"))
        let english = TestSupport.run(["check", "--locale", "en", file])
        #expect(english.stdout.contains("table 3 \"Tabel 3: Uitstroom naar betaald werk 2018\", row \"Totaal\", column \"Aantal\": error[table-column-total]: 600 stated, the rows add up to 504"))
        let json = TestSupport.run(["check", "--format", "json", file])
        #expect(json.stdout.contains("\"place\": \"tabel 3 \\\"Tabel 3: Uitstroom naar betaald werk 2018\\\", rij \\\"Totaal\\\", kolom \\\"Aantal\\\"\""))
        let github = TestSupport.run(["check", "--format", "github", file])
        #expect(github.stdout.contains("::error file=\(file),title=amr table-column-total::tabel 3"))
        let sarif = TestSupport.run(["check", "--format", "sarif", file])
        #expect(sarif.stdout.contains("\"fullyQualifiedName\": \"tabel 3/rij 10/kolom 2\""))
        let junit = TestSupport.run(["check", "--format", "junit", file])
        #expect(junit.stdout.contains("600 vermeld"))
        let clean = TestSupport.run(["check", "Tests/AMRCoreTests/Documents/foutloos.odt", "Fixtures/haaglanden-2018.json"])
        #expect(clean.stdout.contains("2 bestanden gecontroleerd"))
        let verbose = TestSupport.run(["check", "--verbose", "Tests/AMRCoreTests/Documents/foutloos.odt"])
        #expect(verbose.exitCode == 0)
        #expect(verbose.stderr.contains("tabel 10 \"Planning\": niet gecontroleerd (geen getallen)"))
        let pdf = TestSupport.run(["check", "Tests/AMRCoreTests/Documents/missing.pdf"])
        #expect(pdf.exitCode == 2)
    }

    @Test func extractCommand() throws {
        let file = "Tests/AMRCoreTests/Documents/fouten.odt"
        let json = TestSupport.run(["extract", file])
        #expect(json.exitCode == 0)
        #expect(json.stdout.contains("\"section\": \"tabel 4\""))
        #expect(json.stdout.contains("\"percent\": {"))
        let xlsx = TestSupport.run(["extract", "--format", "xlsx", file])
        #expect(xlsx.exitCode == 0)
        let archive = try ZipArchive(bytes: xlsx.binary, file: "tabellen.xlsx", maximumSize: 1 << 24)
        #expect(archive.entries.filter { $0.name.hasPrefix("xl/worksheets/sheet") }.count == 7)
        #expect(TestSupport.run(["extract"]).exitCode == 2)
    }
}
