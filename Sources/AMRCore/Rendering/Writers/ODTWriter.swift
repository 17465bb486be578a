/// Writes documents as an OpenDocument text (.odt), the open standard Dutch government uses, with
/// the same content and look as the Word report (`DOCXWriter`): title, facts, real tables with a
/// repeated grey header row, numbers right-aligned in the locale's notation, the total row bold
/// under a rule, notes and credits.
///
/// The `mimetype` entry comes first and uncompressed, as ODF requires; entries carry a fixed
/// timestamp and there is no meta part with dates: the same document gives the same bytes.
public struct ODTWriter {
    public init() {}

    /// Hundredths of a millimetre a character of table text takes, for the column widths.
    static let perCharacter = 168
    static let portrait = (width: 21000, height: 29700)
    static let margin = 2000

    public func write(_ documents: [ReportDocument]) throws(ZipWriter.Failure) -> [UInt8] {
        let layout = TextDocumentLayout(documents)
        let landscape = layout.wantsLandscape(portraitRoom: Self.portrait.width - 2 * Self.margin, perCharacter: Self.perCharacter)
        var zip = ZipWriter()
        try zip.add("mimetype", Array("application/vnd.oasis.opendocument.text".utf8))
        try zip.add("META-INF/manifest.xml", Array(ODF.manifest("application/vnd.oasis.opendocument.text").utf8))
        try zip.add("styles.xml", Array(styles(layout, landscape: landscape).utf8))
        try zip.add("content.xml", Array(content(layout, landscape: landscape).utf8))
        return try zip.archive()
    }

    static func length(_ hundredths: Int) -> String {
        let rest = hundredths % 100
        return "\(hundredths / 100).\(rest < 10 ? "0" : "")\(rest)mm"
    }

    func content(_ layout: TextDocumentLayout, landscape: Bool) -> String {
        let room = (landscape ? Self.portrait.height : Self.portrait.width) - 2 * Self.margin
        var automatic = ""
        automatic += #"<style:style style:name="CellHead" style:family="table-cell"><style:table-cell-properties fo:background-color="\#(ODF.hash)e9ecef" fo:padding="0.6mm" fo:border="0.5pt solid \#(ODF.hash)808080"/></style:style>"#
        automatic += #"<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.6mm" fo:border="0.5pt solid \#(ODF.hash)808080"/></style:style>"#
        automatic += #"<style:style style:name="CellTotal" style:family="table-cell"><style:table-cell-properties fo:padding="0.6mm" fo:border-left="0.5pt solid \#(ODF.hash)808080" fo:border-right="0.5pt solid \#(ODF.hash)808080" fo:border-bottom="0.5pt solid \#(ODF.hash)808080" fo:border-top="1.5pt solid \#(ODF.hash)000000"/></style:style>"#
        automatic += #"<style:style style:name="PRight" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>"#
        automatic += #"<style:style style:name="TBold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>"#
        for light in [TrafficLight.green, .orange, .red, .grey] {
            automatic += #"<style:style style:name="TLight\#(TextDocumentLayout.colour(light))" style:family="text"><style:text-properties fo:color="\#(ODF.hash)\#(TextDocumentLayout.colour(light).lowercased())"/></style:style>"#
        }
        var body = ""
        var tableNumber = 0
        for item in layout.items {
            switch item {
            case .title(let text): body += #"<text:p text:style-name="Title">\#(ODF.text(text))</text:p>"#
            case .subtitle(let text): body += #"<text:p text:style-name="Subtitle">\#(ODF.text(text))</text:p>"#
            case .heading(let text): body += #"<text:h text:style-name="Heading_20_1" text:outline-level="1">\#(ODF.text(text))</text:h>"#
            case .caption(let text): body += #"<text:h text:style-name="Heading_20_2" text:outline-level="2">\#(ODF.text(text))</text:h>"#
            case .fact(let label, let value):
                body += #"<text:p text:style-name="amr_20_feit"><text:span text:style-name="TBold">\#(ODF.text(label + ": "))</text:span>\#(ODF.text(value))</text:p>"#
            case .paragraph(let text): body += #"<text:p text:style-name="Text_20_body">\#(ODF.text(text))</text:p>"#
            case .bullet(let text): body += #"<text:p text:style-name="amr_20_feit">\#(ODF.text("• " + text))</text:p>"#
            case .small(let text), .credit(let text): body += #"<text:p text:style-name="amr_20_noot">\#(ODF.text(text))</text:p>"#
            case .table(let table):
                tableNumber += 1
                let name = "Tabel\(tableNumber)"
                let widths = TextDocumentLayout.columnWidths(table, room: room, perCharacter: Self.perCharacter)
                automatic += #"<style:style style:name="\#(name)" style:family="table"><style:table-properties style:width="\#(Self.length(widths.reduce(0, +)))" table:align="left" fo:margin-bottom="3mm"/></style:style>"#
                for (index, width) in widths.enumerated() {
                    automatic += #"<style:style style:name="\#(name).C\#(index + 1)" style:family="table-column"><style:table-column-properties style:column-width="\#(Self.length(width))"/></style:style>"#
                }
                body += self.table(table, name: name)
            }
        }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<office:document-content \#(ODF.namespaces) office:version="1.3">"#
        xml += "<office:automatic-styles>\(automatic)</office:automatic-styles>"
        return xml + "<office:body><office:text>\(body)</office:text></office:body></office:document-content>"
    }

    func table(_ table: TextDocumentLayout.Table, name: String) -> String {
        var xml = #"<table:table table:name="\#(name)" table:style-name="\#(name)">"#
        for index in table.headings.indices { xml += #"<table:table-column table:style-name="\#(name).C\#(index + 1)"/>"# }
        xml += "<table:table-header-rows><table:table-row>"
        for (index, heading) in table.headings.enumerated() {
            xml += cell(.init(text: heading, bold: true), right: table.right[index], style: "CellHead")
        }
        xml += "</table:table-row></table:table-header-rows>"
        for row in table.rows {
            xml += "<table:table-row>" + row.enumerated().map { cell($1, right: table.right[$0], style: "Cell") }.joined() + "</table:table-row>"
        }
        if let total = table.total {
            xml += "<table:table-row>" + total.enumerated().map { cell($1, right: table.right[$0], style: "CellTotal") }.joined() + "</table:table-row>"
        }
        return xml + "</table:table>"
    }

    func cell(_ cell: TextDocumentLayout.Cell, right: Bool, style: String) -> String {
        var content = ""
        if let light = cell.light { content += #"<text:span text:style-name="TLight\#(TextDocumentLayout.colour(light))">● </text:span>"# }
        if !cell.text.isEmpty {
            content += cell.bold ? #"<text:span text:style-name="TBold">\#(ODF.text(cell.text))</text:span>"# : ODF.text(cell.text)
        }
        let paragraph = right ? "PRight" : "Table_20_Contents"
        return #"<table:table-cell table:style-name="\#(style)" office:value-type="string"><text:p text:style-name="\#(paragraph)">\#(content)</text:p></table:table-cell>"#
    }

    func styles(_ layout: TextDocumentLayout, landscape: Bool) -> String {
        let parts = layout.language.split(separator: "-").map(String.init)
        let language = parts.first ?? "nl", country = parts.count > 1 ? parts[1] : "NL"
        let width = landscape ? Self.portrait.height : Self.portrait.width
        let height = landscape ? Self.portrait.width : Self.portrait.height
        func style(_ name: String, _ display: String, parent: String = "Standard", paragraph: String, text: String, extra: String = "") -> String {
            #"<style:style style:name="\#(name)" style:display-name="\#(display)" style:family="paragraph" style:parent-style-name="\#(parent)"\#(extra)><style:paragraph-properties \#(paragraph)/><style:text-properties \#(text)/></style:style>"#
        }
        let bold = #"fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold""#
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<office:document-styles \#(ODF.namespaces) office:version="1.3">"#
        xml += #"<office:font-face-decls><style:font-face style:name="Calibri" svg:font-family="Calibri" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>"#
        xml += "<office:styles>"
        xml += #"<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="2.1mm"/><style:text-properties style:font-name="Calibri" fo:font-size="11pt" fo:language="\#(language)" fo:country="\#(country)"/></style:default-style>"#
        xml += #"<style:style style:name="Standard" style:family="paragraph" style:class="text"/>"#
        xml += style("Text_20_body", "Text body", paragraph: #"fo:margin-bottom="2.1mm""#, text: "")
        xml += style("Title", "Title", paragraph: #"fo:margin-bottom="2.1mm" fo:keep-with-next="always""#, text: #"fo:font-size="16pt" \#(bold)"#)
        xml += style("Subtitle", "Subtitle", paragraph: #"fo:margin-bottom="3.5mm""#, text: #"fo:color="\#(ODF.hash)404040""#)
        xml += style("Heading_20_1", "Heading 1", paragraph: #"fo:margin-top="4.2mm" fo:margin-bottom="2.1mm" fo:keep-with-next="always""#,
                     text: #"fo:font-size="13pt" \#(bold)"#, extra: #" style:default-outline-level="1""#)
        xml += style("Heading_20_2", "Heading 2", paragraph: #"fo:margin-top="2.8mm" fo:margin-bottom="1.4mm" fo:keep-with-next="always""#,
                     text: #"fo:font-size="11pt" \#(bold)"#, extra: #" style:default-outline-level="2""#)
        xml += style("amr_20_feit", "amr feit", paragraph: #"fo:margin-bottom="0.7mm""#, text: "")
        xml += style("amr_20_noot", "amr noot", paragraph: #"fo:margin-bottom="1mm""#, text: #"fo:font-size="9pt" fo:color="\#(ODF.hash)505050""#)
        xml += style("Table_20_Contents", "Table Contents", paragraph: #"fo:margin-top="0.35mm" fo:margin-bottom="0.35mm""#, text: #"fo:font-size="10pt""#)
        xml += "</office:styles><office:automatic-styles>"
        xml += #"<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="\#(Self.length(width))" fo:page-height="\#(Self.length(height))" style:print-orientation="\#(landscape ? "landscape" : "portrait")" fo:margin-top="20mm" fo:margin-bottom="20mm" fo:margin-left="20mm" fo:margin-right="20mm"/></style:page-layout>"#
        xml += #"</office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>"#
        return xml + "</office:document-styles>"
    }
}

/// What the OpenDocument writers share: namespaces, the manifest, text with its spaces kept.
enum ODF {
    /// The `#` of a colour, kept out of raw string delimiters.
    static let hash = "#"

    static let namespaces = [
        #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0""#,
        #"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0""#,
        #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0""#,
        #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0""#,
        #"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0""#,
        #"xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0""#,
        #"xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0""#,
        #"xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2""#,
    ].joined(separator: " ")

    static func manifest(_ mediaType: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
            + #"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">"#
            + #"<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="\#(mediaType)"/>"#
            + #"<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>"#
            + #"<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>"#
            + "</manifest:manifest>"
    }

    /// Text for a paragraph: escaped, runs of spaces as `text:s`, tabs and line breaks as elements
    /// (ODF collapses white space in text otherwise).
    static func text(_ text: String) -> String {
        var out = ""
        var previousSpace = true
        var pendingSpaces = 0
        func flush() {
            if pendingSpaces > 0 { out += pendingSpaces == 1 ? "<text:s/>" : #"<text:s text:c="\#(pendingSpaces)"/>"# }
            pendingSpaces = 0
        }
        for character in text {
            switch character {
            case " ":
                if previousSpace { pendingSpaces += 1 } else { out += " "; previousSpace = true }
            case "\t": flush(); out += "<text:tab/>"; previousSpace = false
            case "\n", "\r\n": flush(); out += "<text:line-break/>"; previousSpace = true
            default:
                flush()
                out += XMLText.escaped(String(character), attribute: false)
                previousSpace = false
            }
        }
        flush()
        return out
    }
}
