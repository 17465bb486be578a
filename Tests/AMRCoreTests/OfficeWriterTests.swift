import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Reports for Word and LibreOffice (`--format docx`, `odt`, `ods`): valid zip packages whose
/// every part our own XML scanner reads, tables that hold the report's numbers (parsed back from
/// the XML), the ODF mimetype first and stored, and the same bytes for the same input.
@Suite struct OfficeWriterTests {
    static let h2018 = "Fixtures/haaglanden-2018.json"

    static let reports: [[String]] = [
        ["allocate", h2018],
        ["progress", "Fixtures/zuid-kennemerland-ijmond-2017.json"],
        ["monitor", "Fixtures/veenstreek-monitor-2021.json"],
        ["placements", "Fixtures/plaatsingen-haaglanden-2018.csv", "--by", "sector"],
        ["regions", "Haaglanden"],
    ]

    static func file(_ arguments: [String]) -> (Outcome, [UInt8]) {
        let outcome = TestSupport.run(arguments)
        return (outcome, outcome.binary)
    }

    static func part(_ bytes: [UInt8], _ name: String) throws -> [UInt8] {
        var archive = try ZipArchive(bytes: bytes, file: "out", maximumSize: 1 << 26)
        guard let contents = try archive.contents(of: name) else {
            Issue.record("no part \(name)")
            return []
        }
        return contents
    }

    /// The rows of every table in a part as the texts of their cells: `row` and `cell` are the
    /// local names of a table row and cell; all text inside a cell is joined.
    static func tables(_ xml: [UInt8], row: String, cell: String, attributes: [String] = []) throws -> [[String]] {
        var scanner = XMLScanner(bytes: xml)
        var rows: [[String]] = []
        var current: [String]?
        var text: String?
        while true {
            switch try scanner.next() {
            case .startElement:
                if scanner.localName == row { current = [] }
                if scanner.localName == cell {
                    var shown = ""
                    for index in 0..<scanner.attributeCount where attributes.contains(scanner.attributeLocalName(at: index)) {
                        shown += "[\(scanner.attributeLocalName(at: index))=\(scanner.attributeValue(at: index))]"
                    }
                    text = shown
                }
            case .endElement:
                if scanner.localName == cell, let done = text { current?.append(done); text = nil }
                if scanner.localName == row, let done = current { rows.append(done); current = nil }
            case .text:
                if text != nil { text? += scanner.text() }
            case .endOfDocument:
                return rows
            }
        }
    }

    @Test(arguments: ["docx", "odt", "ods"])
    func everyReportIsAPackageOurScannerReadsAndTheSameTwice(format: String) throws {
        for report in Self.reports {
            let (outcome, bytes) = Self.file(report + ["--format", format])
            #expect(outcome.stderr == "", "\(report) \(format)")
            #expect(outcome.stdout == "")
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(report) \(format)")
            var archive = try ZipArchive(bytes: bytes, file: "out.\(format)", maximumSize: 1 << 26)
            #expect(archive.entries.count >= 4)
            for entry in archive.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
                guard let contents = try archive.contents(of: entry.name) else { Issue.record("no \(entry.name)"); continue }
                var scanner = XMLScanner(bytes: contents)
                var events = 0
                while try scanner.next() != .endOfDocument { events += 1 }
                #expect(events > 0, "\(entry.name)")
            }
            if format != "docx" {
                // ODF: the mimetype entry first, stored, its name right after the local header.
                #expect(archive.entries.first?.name == "mimetype")
                #expect(archive.entries.first?.method == 0)
                #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
                let type = String(decoding: try Self.part(bytes, "mimetype"), as: UTF8.self)
                #expect(type == "application/vnd.oasis.opendocument.\(format == "ods" ? "spreadsheet" : "text")")
            }
            #expect(Self.file(report + ["--format", format]).1 == bytes, "\(report) \(format) not deterministic")
        }
    }

    @Test func wordTableHoldsTheAllocationRightAlignedWithABoldTotal() throws {
        let (outcome, bytes) = Self.file(["allocate", Self.h2018, "--format", "docx"])
        #expect(outcome.exitCode == 1)
        let document = try Self.part(bytes, "word/document.xml")
        let rows = try Self.tables(document, row: "tr", cell: "tc")
        #expect(rows.first == ["gemeente", "inwoners", "% inwoners", "exact aandeel", "vermeld", "verschil"])
        #expect(rows.contains(["Den Haag", "524.882", "65,43%", "€ 104.360,19", "€ 104.360,18", "-0,01"]))
        #expect(rows.last == ["totaal", "802.209", "100%", "€ 159.500,00", "€ 159.499,99", "-0,01"])
        #expect(rows.count == 7)
        let text = String(decoding: document, as: UTF8.self)
        #expect(text.contains(#"<w:tblBorders><w:top w:val="single""#))
        #expect(text.contains(#"<w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">524.882</w:t>"#))
        #expect(text.contains(#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">802.209</w:t></w:r>"#))
        #expect(text.contains("Verdeling naar inwonertal, optie a (Schema 3)"))
        let styles = String(decoding: try Self.part(bytes, "word/styles.xml"), as: UTF8.self)
        #expect(styles.contains(#"<w:lang w:val="nl-NL""#))

        let english = try Self.part(Self.file(["allocate", Self.h2018, "--format", "docx", "--locale", "en"]).1, "word/document.xml")
        #expect(try Self.tables(english, row: "tr", cell: "tc").last == ["total", "802,209", "100%", "€159,500.00", "€159,499.99", "-0.01"])
    }

    @Test func openDocumentTextTableHoldsTheAllocation() throws {
        let (_, bytes) = Self.file(["allocate", Self.h2018, "--format", "odt"])
        let rows = try Self.tables(try Self.part(bytes, "content.xml"), row: "table-row", cell: "table-cell")
        #expect(rows.first == ["gemeente", "inwoners", "% inwoners", "exact aandeel", "vermeld", "verschil"])
        #expect(rows.contains(["Delft", "101.381", "12,64%", "€ 20.157,18", "€ 20.157,18", ""]))
        #expect(rows.last == ["totaal", "802.209", "100%", "€ 159.500,00", "€ 159.499,99", "-0,01"])
        let content = String(decoding: try Self.part(bytes, "content.xml"), as: UTF8.self)
        #expect(content.contains("<table:table-header-rows>"))
        #expect(content.contains(#"<text:p text:style-name="PRight"><text:span text:style-name="TBold">802.209</text:span></text:p>"#))
    }

    @Test func spreadsheetStoresNumbersAsNumbersWithSumsAndDutchStyles() throws {
        let (_, bytes) = Self.file(["allocate", Self.h2018, "--format", "ods"])
        let content = try Self.part(bytes, "content.xml")
        let rows = try Self.tables(content, row: "table-row", cell: "table-cell", attributes: ["value-type", "value", "formula"])
        let delft = rows.first { $0.first?.hasSuffix("Delft") == true }
        #expect(delft == ["[value-type=string]Delft", "[value-type=float][value=101381]101.381",
                          "[value-type=percentage][value=0.1264]12,64%", "[value-type=currency][value=20157.18]€ 20.157,18",
                          "[value-type=currency][value=20157.18]€ 20.157,18", "[value-type=float][value=0.00]"])
        let total = rows.first { $0.first?.hasSuffix("totaal") == true }
        #expect(total?[1] == "[formula=of:=SUM([.B10:.B14])][value-type=float][value=802209]802.209")
        #expect(total?[4] == "[formula=of:=SUM([.E10:.E14])][value-type=currency][value=159499.99]€ 159.499,99")
        let text = String(decoding: content, as: UTF8.self)
        #expect(text.contains(#"<number:currency-style style:name="N"#))
        #expect(text.contains(#"number:language="nl" number:country="NL"><number:currency-symbol number:language="nl" number:country="NL">€</number:currency-symbol><number:text> </number:text><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>"#))
    }

    @Test func officeFilesFollowTheOutputFileNameAndNeverGoToATerminal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for format in ["docx", "odt", "ods"] {
            let target = directory.appendingPathComponent("verdeling.\(format)").path
            let written = TestSupport.run(["allocate", Self.h2018, "-o", target])
            #expect(written.stdout == "" && written.binary.isEmpty)
            let bytes = [UInt8](FileManager.default.contents(atPath: target) ?? Data())
            #expect(bytes == Self.file(["allocate", Self.h2018, "--format", format]).1)
            let terminal = TestSupport.lock.withLock {
                Tool.run(["allocate", TestSupport.fixture("haaglanden-2018.json"), "--format", format],
                         environment: Environment(variables: [:], stdoutIsTerminal: true))
            }
            #expect(terminal.exitCode == 2)
            #expect(terminal.binary.isEmpty)
            #expect(terminal.stderr.hasPrefix("amr: error: --format \(format) writes "))
            #expect(terminal.stderr.contains("give -o FILE.\(format)"))
        }
    }
}
