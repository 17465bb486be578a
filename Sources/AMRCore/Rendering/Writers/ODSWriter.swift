/// Writes documents as an OpenDocument spreadsheet (.ods), the open counterpart of the workbook
/// (`XLSXWriter`) with the same sheets and rows: numbers stored as numbers (`float`, `currency`
/// in euros, `percentage` as a fraction, `date`) with Dutch number styles (`€ 1.234,56`,
/// `12,64%`, `30-06-2021`), a bold grey header row, the total row as `SUM` formulas whose cached
/// values are the exact totals, and the title, facts and notes above and below.
///
/// The `mimetype` entry comes first and uncompressed, as ODF requires; entries carry a fixed
/// timestamp and nothing holds a date of writing: the same document gives the same bytes.
public struct ODSWriter {
    public init() {}

    public func write(_ documents: [ReportDocument]) throws(ZipWriter.Failure) -> [UInt8] {
        let layout = XLSXWriter()
        var styles = Styles(locale: documents.first?.locale ?? .nl)
        var tables = ""
        var names = Set<String>()
        for document in documents {
            for sheet in layout.layout(document) {
                let name = layout.uniqueName(sheet.name, &names)
                tables += table(sheet, name: name, &styles, locale: document.locale)
            }
        }
        if tables.isEmpty {
            tables = #"<table:table table:name="Blad1"><table:table-column/><table:table-row><table:table-cell/></table:table-row></table:table>"#
        }
        var content = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        content += #"<office:document-content \#(ODF.namespaces) office:version="1.3">"#
        content += "<office:automatic-styles>\(styles.xml)</office:automatic-styles>"
        content += "<office:body><office:spreadsheet>\(tables)</office:spreadsheet></office:body></office:document-content>"

        var zip = ZipWriter()
        try zip.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        try zip.add("META-INF/manifest.xml", Array(ODF.manifest("application/vnd.oasis.opendocument.spreadsheet").utf8))
        try zip.add("styles.xml", Array(Self.styles(styles.locale).utf8))
        try zip.add("content.xml", Array(content.utf8))
        return try zip.archive()
    }

    func table(_ sheet: XLSXWriter.Sheet, name: String, _ styles: inout Styles, locale: NumberLocale) -> String {
        let cells = CellText(locale: locale)
        var xml = #"<table:table table:name="\#(XMLText.escaped(name, attribute: true))">"#
        for index in 0..<sheet.spanColumns {
            xml += #"<table:table-column table:style-name="\#(styles.column(sheet.columnWidth(index)))"/>"#
        }
        for row in sheet.rows {
            xml += #"<table:table-row table:style-name="ro1">"#
            if row.isEmpty { xml += "<table:table-cell/>" }
            for (index, entry) in row.enumerated() {
                xml += cell(entry, column: index, sheet: sheet, &styles, cells)
            }
            xml += "</table:table-row>"
        }
        return xml + "</table:table>"
    }

    func cell(_ entry: XLSXWriter.Sheet.Entry, column: Int, sheet: XLSXWriter.Sheet, _ styles: inout Styles, _ cells: CellText) -> String {
        let shown = ODF.text(cells.text(entry.cell))
        var span = ""
        var covered = ""
        if entry.spans, column + 1 < sheet.spanColumns {
            span = #" table:number-columns-spanned="\#(sheet.spanColumns - column)""#
            covered = String(repeating: "<table:covered-table-cell/>", count: sheet.spanColumns - column - 1)
        }
        func string(_ kind: XLSXWriter.StyleSheet.Kind, emphasis: XLSXWriter.Sheet.Emphasis, text: String) -> String {
            let style = styles.cell(kind, emphasis, right: entry.right, wrap: entry.emphasis == .prose)
            return #"<table:table-cell table:style-name="\#(style)" office:value-type="string"\#(span)><text:p>\#(ODF.text(text))</text:p></table:table-cell>"# + covered
        }
        func number(_ value: ExactDecimal, _ kind: XLSXWriter.StyleSheet.Kind, type: String = "float") -> String {
            let style = styles.cell(kind, entry.emphasis, right: true, wrap: false)
            var attributes = #"table:style-name="\#(style)" office:value-type="\#(type)" office:value="\#(value)""#
            if type == "currency" { attributes += #" office:currency="EUR""# }
            if let sum = entry.sum {
                let letters = SourceLocation.columnLetters(column + 1)
                attributes = #"table:formula="of:=SUM([.\#(letters)\#(sum.lowerBound):.\#(letters)\#(sum.upperBound)])" "# + attributes
            }
            return "<table:table-cell \(attributes)><text:p>\(shown)</text:p></table:table-cell>"
        }
        switch entry.cell {
        case .empty:
            guard entry.emphasis != .plain else { return "<table:table-cell/>" }
            return #"<table:table-cell table:style-name="\#(styles.cell(.text, entry.emphasis, right: entry.right, wrap: false))"/>"#
        case .text(let text): return string(.text, emphasis: entry.emphasis, text: text)
        case .strong(let text): return string(.text, emphasis: entry.emphasis == .plain ? .bold : entry.emphasis, text: text)
        case .light(let light, let label, let derived): return string(.light(light.colour), emphasis: entry.emphasis, text: label + (derived ? "*" : ""))
        case .number(let value): return number(value, .number(decimals: value.scale))
        case .signed(let value): return number(value, .signed(decimals: value.scale))
        case .money(let amount, let decimals):
            return number(ExactDecimal(significand: amount.cents, scale: 2), .money(decimals: decimals), type: "currency")
        case .difference(let amount, let decimals):
            return number(ExactDecimal(significand: amount.cents, scale: 2), .difference(decimals: decimals))
        case .percent(let value):
            return number(ExactDecimal(significand: value.significand, scale: value.scale + 2), .percent(decimals: value.scale), type: "percentage")
        case .date(let date):
            let style = styles.cell(.date, entry.emphasis, right: true, wrap: false)
            return #"<table:table-cell table:style-name="\#(style)" office:value-type="date" office:date-value="\#(date.description)"><text:p>\#(shown)</text:p></table:table-cell>"#
        case .dated(let value, let date): return number(value, .dated(decimals: value.scale, date: CellText.date(date, cells.locale)))
        case .datedPercent(let value, let date):
            return number(value, .datedPercent(decimals: value.scale, date: CellText.date(date, cells.locale)))
        case .signedPercent(let value): return number(value, .signedPercent(decimals: value.scale))
        }
    }

    /// The automatic styles of the content: column widths, number (data) styles and cell styles,
    /// registered as cells ask for them, so the same document always gives the same names.
    struct Styles {
        let locale: NumberLocale
        private var columns: [Int] = []
        private var data: [XLSXWriter.StyleSheet.Kind] = []
        private var cells: [Key] = []

        struct Key: Hashable {
            var kind: XLSXWriter.StyleSheet.Kind
            var emphasis: XLSXWriter.Sheet.Emphasis
            var right: Bool
            var wrap: Bool
        }

        init(locale: NumberLocale) { self.locale = locale }

        mutating func column(_ characters: Int) -> String {
            if let found = columns.firstIndex(of: characters) { return "co\(found + 1)" }
            columns.append(characters)
            return "co\(columns.count)"
        }

        mutating func cell(_ kind: XLSXWriter.StyleSheet.Kind, _ emphasis: XLSXWriter.Sheet.Emphasis, right: Bool, wrap: Bool) -> String {
            let key = Key(kind: kind, emphasis: emphasis, right: right, wrap: wrap)
            if let found = cells.firstIndex(of: key) { return "ce\(found + 1)" }
            cells.append(key)
            if Self.hasData(kind), !data.contains(kind) { data.append(kind) }
            return "ce\(cells.count)"
        }

        static func hasData(_ kind: XLSXWriter.StyleSheet.Kind) -> Bool {
            switch kind {
            case .text, .light: false
            default: true
            }
        }

        var language: String {
            locale == .en ? #"number:language="en" number:country="GB""# : #"number:language="nl" number:country="NL""#
        }

        func digits(_ decimals: Int) -> String {
            #"<number:number number:decimal-places="\#(decimals)" number:min-decimal-places="\#(decimals)" number:min-integer-digits="1" number:grouping="true"/>"#
        }

        func literal(_ text: String) -> String { "<number:text>\(XMLText.escaped(text, attribute: false))</number:text>" }

        /// A number style named `name` made of `body`, in the document's language.
        func numberStyle(_ name: String, _ body: String, element: String = "number:number-style", maps: String = "") -> String {
            #"<\#(element) style:name="\#(name)" \#(language)>\#(body)\#(maps)</\#(element)>"#
        }

        /// A style that shows positive values with `+`, negative ones with `-`, and zero as `zero`
        /// (nil: as a plain number). Office suites take two conditions and a default: the signs
        /// are the conditions, zero the default.
        func signedStyle(_ name: String, decimals: Int, suffix: String, zero: String?) -> String {
            let tail = suffix.isEmpty ? "" : literal(suffix)
            var xml = numberStyle(name + "P", literal("+") + digits(decimals) + tail)
            // With a map the main style shows no minus sign of its own: negatives get theirs here.
            xml += numberStyle(name + "M", literal("-") + digits(decimals) + tail)
            let maps = #"<style:map style:condition="value()&gt;0" style:apply-style-name="\#(name)P"/>"#
                + #"<style:map style:condition="value()&lt;0" style:apply-style-name="\#(name)M"/>"#
            let main = zero.map { literal($0.isEmpty ? " " : $0) } ?? digits(decimals) + tail
            return xml + numberStyle(name, main, maps: maps)
        }

        func dataStyle(_ kind: XLSXWriter.StyleSheet.Kind, name: String) -> String {
            switch kind {
            case .text, .light: ""
            case .number(let d): numberStyle(name, digits(d))
            case .signed(let d): signedStyle(name, decimals: d, suffix: "", zero: nil)
            case .money(let d):
                numberStyle(name, #"<number:currency-symbol \#(language)>€</number:currency-symbol>"# + literal(" ") + digits(d),
                            element: "number:currency-style")
            case .difference(let d): signedStyle(name, decimals: d, suffix: "", zero: "")
            case .percent(let d):
                numberStyle(name, #"<number:number number:decimal-places="\#(d)" number:min-decimal-places="\#(d)" number:min-integer-digits="1"/>"#
                            + literal("%"), element: "number:percentage-style")
            case .date:
                locale == .nl
                    ? numberStyle(name, #"<number:day number:style="long"/>"# + literal("-") + #"<number:month number:style="long"/>"#
                                  + literal("-") + #"<number:year number:style="long"/>"#, element: "number:date-style")
                    : numberStyle(name, #"<number:year number:style="long"/>"# + literal("-") + #"<number:month number:style="long"/>"#
                                  + literal("-") + #"<number:day number:style="long"/>"#, element: "number:date-style")
            case .dated(let d, let date): numberStyle(name, digits(d) + literal(" (\(date))"))
            case .datedPercent(let d, let date): numberStyle(name, digits(d) + literal("% (\(date))"))
            case .signedPercent(let d): signedStyle(name, decimals: d, suffix: "%", zero: nil)
            }
        }

        var xml: String {
            var out = ""
            for (index, width) in columns.enumerated() {
                // Characters to hundredths of a millimetre, as LibreOffice sizes Calibri 11.
                out += #"<style:style style:name="co\#(index + 1)" style:family="table-column"><style:table-column-properties style:column-width="\#(ODTWriter.length(width * 220))"/></style:style>"#
            }
            out += #"<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>"#
            for (index, kind) in data.enumerated() { out += dataStyle(kind, name: "N\(index + 1)") }
            for (index, key) in cells.enumerated() {
                var attributes = #"style:name="ce\#(index + 1)" style:family="table-cell" style:parent-style-name="Default""#
                if let found = data.firstIndex(of: key.kind) { attributes += #" style:data-style-name="N\#(found + 1)""# }
                var cell: [String] = []
                switch key.emphasis {
                case .header: cell += [#"fo:background-color="\#(ODF.hash)e9ecef""#, #"fo:border-bottom="0.5pt solid \#(ODF.hash)000000""#]
                case .total: cell.append(#"fo:border-top="0.5pt solid \#(ODF.hash)000000""#)
                default: break
                }
                if case .light(let light) = key.kind {
                    let fill = switch light {
                    case .green: "#c8e6c9"
                    case .orange: "#ffe0b2"
                    case .red: "#ffcdd2"
                    default: "#e0e0e0"
                    }
                    cell.append(#"fo:background-color="\#(fill)""#)
                }
                if key.wrap || key.emphasis == .bold { cell.append(#"style:vertical-align="top""#) }
                if key.wrap { cell.append(#"fo:wrap-option="wrap""#) }
                var text: [String] = []
                if key.emphasis != .plain && key.emphasis != .prose {
                    text.append(#"fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold""#)
                }
                if key.emphasis == .title { text.append(#"fo:font-size="13pt""#) }
                out += "<style:style \(attributes)>"
                if !cell.isEmpty { out += "<style:table-cell-properties \(cell.joined(separator: " "))/>" }
                if key.right { out += #"<style:paragraph-properties fo:text-align="end"/>"# }
                if !text.isEmpty { out += "<style:text-properties \(text.joined(separator: " "))/>" }
                out += "</style:style>"
            }
            return out
        }
    }

    static func styles(_ locale: NumberLocale) -> String {
        let language = locale == .en ? #"fo:language="en" fo:country="GB""# : #"fo:language="nl" fo:country="NL""#
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<office:document-styles \#(ODF.namespaces) office:version="1.3">"#
        xml += #"<office:font-face-decls><style:font-face style:name="Calibri" svg:font-family="Calibri" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>"#
        xml += #"<office:styles><style:default-style style:family="table-cell"><style:text-properties style:font-name="Calibri" fo:font-size="11pt" \#(language)/></style:default-style>"#
        xml += #"<style:style style:name="Default" style:family="table-cell"/></office:styles>"#
        xml += #"<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm" style:print-orientation="landscape" fo:margin-top="12.7mm" fo:margin-bottom="12.7mm" fo:margin-left="12.7mm" fo:margin-right="12.7mm" style:scale-to-X="1"/></style:page-layout></office:automatic-styles>"#
        xml += #"<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/></office:master-styles>"#
        return xml + "</office:document-styles>"
    }
}
