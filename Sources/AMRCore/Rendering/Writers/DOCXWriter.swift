/// Writes documents as a Word document (.docx, Office Open XML) for a council letter: the title,
/// the facts with bold labels, each table as a real Word table (borders, a grey header row that
/// repeats on every page, numbers right-aligned in the locale's notation, the total row bold
/// under a rule), notes in small print and the credits last. The same cell text as the Markdown
/// and HTML reports; lights as a coloured dot before their word, so they read without colour.
///
/// A4, landscape only when a table would not fit upright. Entries are stored with a fixed
/// timestamp and no document properties carry a date: the same document gives the same bytes.
public struct DOCXWriter {
    public init() {}

    /// Twips (1/20 point) a character of table text takes, for the column widths.
    static let perCharacter = 95
    static let portrait = (width: 11906, height: 16838)
    static let margin = 1134

    public func write(_ documents: [ReportDocument]) throws(ZipWriter.Failure) -> [UInt8] {
        let layout = TextDocumentLayout(documents)
        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", Self.bytes(Self.contentTypes))
        try zip.add("_rels/.rels", Self.bytes(Self.rootRelationships))
        try zip.add("word/_rels/document.xml.rels", Self.bytes(Self.documentRelationships))
        try zip.add("word/styles.xml", Self.bytes(Self.styles(language: layout.language)))
        try zip.add("word/document.xml", Self.bytes(document(layout)))
        return try zip.archive()
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static func e(_ text: String) -> String { XMLText.escaped(text, attribute: false) }

    func document(_ layout: TextDocumentLayout) -> String {
        let landscape = layout.wantsLandscape(portraitRoom: Self.portrait.width - 2 * Self.margin, perCharacter: Self.perCharacter)
        let pageWidth = landscape ? Self.portrait.height : Self.portrait.width
        let pageHeight = landscape ? Self.portrait.width : Self.portrait.height
        let room = pageWidth - 2 * Self.margin
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
        for item in layout.items {
            switch item {
            case .title(let text): xml += paragraph(style: "Title", runs: run(text))
            case .subtitle(let text): xml += paragraph(style: "Subtitle", runs: run(text))
            case .heading(let text): xml += paragraph(style: "Heading1", runs: run(text))
            case .caption(let text): xml += paragraph(style: "Heading2", runs: run(text))
            case .fact(let label, let value): xml += paragraph(style: "Fact", runs: run(label + ": ", bold: true) + run(value))
            case .paragraph(let text): xml += paragraph(style: nil, runs: run(text))
            case .small(let text): xml += paragraph(style: "Note", runs: run(text))
            case .bullet(let text): xml += paragraph(style: "Fact", runs: run("• " + text))
            case .credit(let text): xml += paragraph(style: "Note", runs: run(text))
            case .table(let table): xml += self.table(table, room: room) + paragraph(style: "Note", runs: "")
            }
        }
        xml += #"<w:sectPr><w:pgSz w:w="\#(pageWidth)" w:h="\#(pageHeight)"\#(landscape ? #" w:orient="landscape""# : "")/>"#
        xml += #"<w:pgMar w:top="\#(Self.margin)" w:right="\#(Self.margin)" w:bottom="\#(Self.margin)" w:left="\#(Self.margin)" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
        return xml + "</w:body></w:document>"
    }

    func paragraph(style: String?, runs: String, right: Bool = false) -> String {
        var properties = ""
        if let style { properties += #"<w:pStyle w:val="\#(style)"/>"# }
        if right { properties += #"<w:jc w:val="right"/>"# }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    func run(_ text: String, bold: Bool = false, colour: String? = nil) -> String {
        guard !text.isEmpty else { return "" }
        var properties = ""
        if bold { properties += "<w:b/>" }
        if let colour { properties += #"<w:color w:val="\#(colour)"/>"# }
        // Line breaks inside a text become Word line breaks.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.map { #"<w:t xml:space="preserve">\#(Self.e(String($0)))</w:t>"# }.joined(separator: "<w:br/>")
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + body + "</w:r>"
    }

    func table(_ table: TextDocumentLayout.Table, room: Int) -> String {
        let widths = TextDocumentLayout.columnWidths(table, room: room, perCharacter: Self.perCharacter)
        var xml = "<w:tbl><w:tblPr>"
        xml += #"<w:tblStyle w:val="AmrTable"/><w:tblW w:w="\#(widths.reduce(0, +))" w:type="dxa"/>"#
        xml += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            #"<w:\#($0) w:val="single" w:sz="4" w:space="0" w:color="808080"/>"#
        }.joined() + "</w:tblBorders>"
        xml += #"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#
        xml += #"<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="1" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#
        xml += "</w:tblPr><w:tblGrid>" + widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        // Header: repeated on each page, grey, bold.
        xml += #"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"#
        for (index, heading) in table.headings.enumerated() {
            xml += cell(.init(text: heading, bold: true), width: widths[index], right: table.right[index], shade: "E9ECEF", rule: false)
        }
        xml += "</w:tr>"
        for row in table.rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, entry) in row.enumerated() {
                xml += cell(entry, width: widths[index], right: table.right[index], shade: nil, rule: false)
            }
            xml += "</w:tr>"
        }
        if let total = table.total {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, entry) in total.enumerated() {
                xml += cell(entry, width: widths[index], right: table.right[index], shade: nil, rule: true)
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    func cell(_ cell: TextDocumentLayout.Cell, width: Int, right: Bool, shade: String?, rule: Bool) -> String {
        var xml = #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/>"#
        if rule { xml += #"<w:tcBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="000000"/></w:tcBorders>"# }
        if let shade { xml += #"<w:shd w:val="clear" w:color="auto" w:fill="\#(shade)"/>"# }
        xml += "</w:tcPr>"
        var runs = ""
        if let light = cell.light { runs += run("● ", colour: TextDocumentLayout.colour(light)) }
        runs += run(cell.text, bold: cell.bold)
        return xml + paragraph(style: "TableText", runs: runs, right: right) + "</w:tc>"
    }

    // MARK: - Package parts

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + "</Types>"

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        + "</Relationships>"

    static let documentRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + "</Relationships>"

    /// Calibri 11 pt, headings bold, table text 10 pt without space after, notes 9 pt grey.
    static func styles(language: String) -> String {
        func style(_ id: String, _ name: String, paragraph: String, run: String, next: Bool = false) -> String {
            #"<w:style w:type="paragraph" w:customStyle="\#(["Title", "Subtitle", "Heading1", "Heading2"].contains(id) ? "0" : "1")" w:styleId="\#(id)"><w:name w:val="\#(name)"/><w:basedOn w:val="Normal"/>"#
                + (next ? #"<w:next w:val="Normal"/>"# : "") + #"<w:qFormat/><w:pPr>\#(paragraph)</w:pPr><w:rPr>\#(run)</w:rPr></w:style>"#
        }
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
        xml += #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="\#(language)" w:eastAsia="\#(language)" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#
        xml += #"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        xml += #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
        xml += style("Title", "Title", paragraph: #"<w:keepNext/><w:spacing w:after="120"/>"#, run: #"<w:b/><w:sz w:val="32"/><w:szCs w:val="32"/>"#, next: true)
        xml += style("Subtitle", "Subtitle", paragraph: #"<w:spacing w:after="200"/>"#, run: #"<w:color w:val="404040"/>"#, next: true)
        xml += style("Heading1", "heading 1", paragraph: #"<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/>"#, run: #"<w:b/><w:sz w:val="26"/><w:szCs w:val="26"/>"#, next: true)
        xml += style("Heading2", "heading 2", paragraph: #"<w:keepNext/><w:spacing w:before="160" w:after="80"/><w:outlineLvl w:val="1"/>"#, run: #"<w:b/><w:sz w:val="22"/><w:szCs w:val="22"/>"#, next: true)
        xml += style("Fact", "amr feit", paragraph: #"<w:spacing w:after="40"/>"#, run: "")
        xml += style("TableText", "amr tabeltekst", paragraph: #"<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>"#, run: #"<w:sz w:val="20"/><w:szCs w:val="20"/>"#)
        xml += style("Note", "amr noot", paragraph: #"<w:spacing w:after="60"/>"#, run: #"<w:color w:val="505050"/><w:sz w:val="18"/><w:szCs w:val="18"/>"#)
        xml += #"<w:style w:type="table" w:styleId="AmrTable"><w:name w:val="amr tabel"/><w:tblPr><w:tblBorders>"#
        xml += ["top", "left", "bottom", "right", "insideH", "insideV"].map { #"<w:\#($0) w:val="single" w:sz="4" w:space="0" w:color="808080"/>"# }.joined()
        xml += "</w:tblBorders></w:tblPr></w:style>"
        return xml + "</w:styles>"
    }
}
