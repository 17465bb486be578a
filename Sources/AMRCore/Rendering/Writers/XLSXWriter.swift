/// Writes documents as an Office Open XML workbook (.xlsx) that opens in Excel and LibreOffice
/// without a repair prompt: numbers stored as numbers (money with a `€ #.##0,00` number format,
/// counts as integers, percentages as fractions with `0,00%`), a bold header row that stays in
/// view (frozen), column widths from the content, the total row as `SUM` formulas whose cached
/// values are the exact totals, and the title and facts above the table.
///
/// Each section with a table is a sheet (the first also carries the title and facts); sections
/// without one follow on the sheet before. Strings are inline, so no text is ever a formula.
/// Entries are stored uncompressed with a fixed timestamp: the same document gives the same bytes.
public struct XLSXWriter {
    public init() {}

    public func write(_ documents: [ReportDocument]) throws(ZipWriter.Failure) -> [UInt8] {
        var styles = StyleSheet()
        var sheets: [(name: String, xml: String)] = []
        var names = Set<String>()
        for document in documents {
            for sheet in layout(document) {
                let name = uniqueName(sheet.name, &names)
                sheets.append((name, sheet.xml(&styles, locale: document.locale)))
            }
        }
        if sheets.isEmpty { sheets.append((uniqueName("Blad1", &names), Sheet(name: "Blad1").xml(&styles, locale: .nl))) }

        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", Self.bytes(contentTypes(sheets.count)))
        try zip.add("_rels/.rels", Self.bytes(Self.rootRelationships))
        try zip.add("xl/workbook.xml", Self.bytes(workbook(sheets.map(\.name))))
        try zip.add("xl/_rels/workbook.xml.rels", Self.bytes(workbookRelationships(sheets.count)))
        try zip.add("xl/styles.xml", Self.bytes(styles.xml))
        for (index, sheet) in sheets.enumerated() {
            try zip.add("xl/worksheets/sheet\(index + 1).xml", Self.bytes(sheet.xml))
        }
        return try zip.archive()
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: - Layout

    /// The rows of one sheet, before styles are assigned.
    struct Sheet {
        var name: String
        var rows: [[Entry]] = []
        /// Rows above the first table and its header: the pane frozen there.
        var frozenRows: Int?
        /// Text width of each column, for its width.
        var widths: [Int] = []

        /// One cell as written: the document's cell and how it looks.
        struct Entry {
            var cell: ReportDocument.Cell
            var emphasis: Emphasis = .plain
            /// A `SUM` over rows `first...last` (1-based) of this column, cached as the cell's value.
            var sum: ClosedRange<Int>? = nil
            /// Running text: merged to the last column of the sheet and wrapped, so that it
            /// prints within the table's width.
            var spans = false
            /// Text aligned right, as in its column (numbers are right-aligned anyway).
            var right = false
        }

        enum Emphasis { case plain, title, bold, header, total, prose }

        mutating func append(_ row: [Entry]) { rows.append(row) }
        mutating func blank() { if !rows.isEmpty && !(rows.last?.isEmpty ?? true) { rows.append([]) } }
    }

    func layout(_ document: ReportDocument) -> [Sheet] {
        let cells = CellText(locale: document.locale)
        var sheets: [Sheet] = []
        var current = Sheet(name: document.sections.first { $0.name != nil }?.name ?? document.title)
        if !document.title.isEmpty { current.append([.init(cell: .text(document.title), emphasis: .title, spans: true)]) }
        if let subtitle = document.subtitle { current.append([.prose(subtitle)]) }
        for fact in document.facts { current.append([.init(cell: .text(fact.label), emphasis: .bold), .prose(fact.value)]) }
        current.widths = [document.facts.map(\.label.count).max() ?? 0]
        var usedFirst = false
        for section in document.sections {
            let hasTable = section.blocks.contains { if case .table = $0 { true } else { false } }
            if hasTable && usedFirst {
                sheets.append(current)
                current = Sheet(name: section.name ?? section.heading ?? "Blad\(sheets.count + 1)")
                current.widths = [0]
            }
            if hasTable { usedFirst = true }
            current.blank()
            if let heading = section.heading { current.append([.init(cell: .text(heading), emphasis: .title, spans: true)]) }
            for block in section.blocks {
                switch block {
                case .table(let table): add(table, to: &current, cells)
                case .facts(let facts):
                    for fact in facts { current.append([.init(cell: .text(fact.label), emphasis: .bold), .prose(fact.value)]) }
                case .paragraph(let text), .footnote(let text): current.append([.prose(text)])
                case .list(let items): for item in items { current.append([.prose("• " + item)]) }
                case .lights(let label, let counts):
                    current.append([.init(cell: .text(label), emphasis: .bold)]
                                   + counts.map { .init(cell: .light($0.light, label: "\($0.count) \($0.label)", derived: false)) })
                case .chart: break
                }
            }
        }
        if !document.credits.isEmpty {
            current.blank()
            for credit in document.credits { current.append([.prose(credit)]) }
        }
        sheets.append(current)
        return sheets
    }

    func add(_ table: ReportDocument.Table, to sheet: inout Sheet, _ cells: CellText) {
        sheet.blank()
        if let caption = table.caption { sheet.append([.init(cell: .text(caption), emphasis: .bold)]) }
        sheet.append(table.columns.map { .init(cell: .text($0.heading), emphasis: .header, right: $0.alignment == .right) })
        if sheet.frozenRows == nil { sheet.frozenRows = sheet.rows.count }
        let firstRow = sheet.rows.count + 1
        for row in table.rows {
            sheet.append(row.enumerated().map { index, cell in
                .init(cell: cell, right: index < table.columns.count && table.columns[index].alignment == .right)
            })
        }
        let lastRow = sheet.rows.count
        if let total = table.total {
            var entries: [Sheet.Entry] = []
            for (index, cell) in total.enumerated() {
                var entry = Sheet.Entry(cell: cell, emphasis: .total,
                                        right: index < table.columns.count && table.columns[index].alignment == .right)
                if index < table.columns.count, table.columns[index].summable, lastRow >= firstRow,
                   Self.isSum(cell, of: table.rows.map { index < $0.count ? $0[index] : .empty }) {
                    entry.sum = firstRow...lastRow
                }
                entries.append(entry)
            }
            sheet.append(entries)
        }
        sheet.rows.append([])
        // Widths from the header and the cells as shown.
        for row in [table.columns.map { ReportDocument.Cell.text($0.heading) }] + table.rows + (table.total.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() {
                while sheet.widths.count <= index { sheet.widths.append(0) }
                sheet.widths[index] = max(sheet.widths[index], cells.text(cell).count)
            }
        }
    }

    /// True when `total` is exactly the sum of `cells` (empty cells count as zero), so a `SUM`
    /// formula shows the same number as the document.
    static func isSum(_ total: ReportDocument.Cell, of cells: [ReportDocument.Cell]) -> Bool {
        guard let expected = value(total) else { return false }
        var sum = ExactDecimal(significand: 0)
        for cell in cells {
            if case .empty = cell { continue }
            guard let value = value(cell), let next = ExactDecimal.sum([sum, value]) else { return false }
            sum = next
        }
        return sum.isEqual(to: expected)
    }

    /// The number a cell stores in a workbook, or nil for text.
    static func value(_ cell: ReportDocument.Cell) -> ExactDecimal? {
        switch cell {
        case .number(let value), .signed(let value), .dated(let value, _): value
        case .money(let amount, _), .difference(let amount, _): ExactDecimal(significand: amount.cents, scale: 2)
        default: nil
        }
    }

    /// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, unique
    /// (case-insensitively), not empty.
    func uniqueName(_ proposed: String, _ used: inout Set<String>) -> String {
        var base = String(proposed.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 }
            .map(Character.init))
        while base.first == "'" || base.first == " " { base.removeFirst() }
        while base.last == "'" || base.last == " " { base.removeLast() }
        if base.isEmpty { base = "Blad" }
        var name = String(base.prefix(31))
        var counter = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(counter))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            counter += 1
        }
        used.insert(name.lowercased())
        return name
    }

    // MARK: - Package parts

    func contentTypes(_ sheets: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in 1...max(1, sheets) {
            xml += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    func workbook(_ names: [String]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(Self.escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    func workbookRelationships(_ sheets: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...max(1, sheets) {
            xml += #"<Relationship Id="rId\#(index)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(max(1, sheets) + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return xml + "</Relationships>"
    }

    /// Text for an XML attribute of a part (XML 1.0, see `XMLText`).
    static func escaped(_ text: String) -> String { XMLText.escaped(text, attribute: true) }
}

extension XLSXWriter.Sheet.Entry {
    static func prose(_ text: String) -> Self { .init(cell: .text(text), emphasis: .prose, spans: true) }
}

extension XLSXWriter.Sheet {
    /// The columns running text is merged over: the table's, at least four.
    var spanColumns: Int { max(widths.count, 4) }

    /// How many lines `text` takes when wrapped at word boundaries into `room` characters.
    static func wrappedLines(_ text: String, room: Int) -> Int {
        var lines = 1, used = 0
        for word in text.split(separator: " ") {
            let length = word.count
            if used == 0 {
                used = length
            } else if used + 1 + length <= room {
                used += 1 + length
            } else {
                lines += 1
                used = length
            }
            while used > room { lines += 1; used -= room }
        }
        return lines
    }

    /// Each column's width in characters as written.
    func columnWidth(_ index: Int) -> Int { index < widths.count ? min(60, max(8, widths[index] + 2)) : 12 }

    func xml(_ styles: inout XLSXWriter.StyleSheet, locale: NumberLocale) -> String {
        let columns = max(widths.count, rows.map(\.count).max() ?? 0, 1)
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        let lastCell = SourceLocation.cellReference(row: max(1, rows.count), column: columns)
        xml += #"<dimension ref="A1:\#(lastCell)"/>"#
        if let frozen = frozenRows, frozen > 0 {
            xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(frozen)" topLeftCell="A\#(frozen + 1)" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A\#(frozen + 1)" sqref="A\#(frozen + 1)"/></sheetView></sheetViews>"#
        } else {
            xml += #"<sheetViews><sheetView workbookViewId="0"/></sheetViews>"#
        }
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        xml += "<cols>"
        for index in 0..<spanColumns {
            xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(columnWidth(index))" customWidth="1"/>"#
        }
        xml += "</cols>"
        xml += "<sheetData>"
        var merges: [String] = []
        for (rowIndex, row) in rows.enumerated() where !row.isEmpty {
            let number = rowIndex + 1
            var height = ""
            if let spanning = row.lastIndex(where: \.spans), case .text(let text) = row[spanning].cell, spanning + 1 < spanColumns {
                merges.append(SourceLocation.cellReference(row: number, column: spanning + 1) + ":"
                              + SourceLocation.cellReference(row: number, column: spanColumns))
                // Wrapped text needs its row as high as its lines: estimated from the characters
                // that fit in the merged width (Excel does not size merged rows itself).
                let room = max(10, (spanning..<spanColumns).map(columnWidth).reduce(0, +))
                let lines = Self.wrappedLines(text, room: room)
                // Excel's tallest row is 409 points.
                if row[spanning].emphasis == .prose && lines > 1 { height = #" ht="\#(min(409, lines * 15))" customHeight="1""# }
            }
            xml += #"<row r="\#(number)"\#(height)>"#
            for (columnIndex, entry) in row.enumerated() {
                let reference = SourceLocation.cellReference(row: number, column: columnIndex + 1)
                xml += cell(entry, reference: reference, column: columnIndex + 1, &styles, locale: locale)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !merges.isEmpty {
            xml += #"<mergeCells count="\#(merges.count)">"# + merges.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
        }
        xml += #"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        return xml + "</worksheet>"
    }

    func cell(_ entry: Entry, reference: String, column: Int, _ styles: inout XLSXWriter.StyleSheet, locale: NumberLocale) -> String {
        let bold = entry.emphasis != .plain
        func string(_ value: String, _ style: Int) -> String {
            let s = style == 0 ? "" : #" s="\#(style)""#
            return #"<c r="\#(reference)" t="inlineStr"\#(s)><is><t xml:space="preserve">\#(XMLText.escaped(value, attribute: false))</t></is></c>"#
        }
        func number(_ value: ExactDecimal, _ style: Int) -> String {
            let s = style == 0 ? "" : #" s="\#(style)""#
            if let sum = entry.sum {
                let letters = SourceLocation.columnLetters(column)
                return #"<c r="\#(reference)"\#(s)><f>SUM(\#(letters)\#(sum.lowerBound):\#(letters)\#(sum.upperBound))</f><v>\#(value)</v></c>"#
            }
            return #"<c r="\#(reference)"\#(s)><v>\#(value)</v></c>"#
        }
        switch entry.cell {
        case .empty:
            let style = styles.index(.text, entry.emphasis)
            return style == 0 ? "" : #"<c r="\#(reference)" s="\#(style)"/>"#
        case .text(let value):
            return string(value, styles.index(.text, entry.emphasis, right: entry.right))
        case .strong(let value):
            return string(value, styles.index(.text, bold ? entry.emphasis : .bold))
        case .light(let light, let label, let derived):
            return string(label + (derived ? "*" : ""), styles.index(.light(light.colour), entry.emphasis))
        case .number(let value):
            return number(value, styles.index(.number(decimals: value.scale), entry.emphasis))
        case .signed(let value):
            return number(value, styles.index(.signed(decimals: value.scale), entry.emphasis))
        case .money(let amount, let decimals):
            return number(ExactDecimal(significand: amount.cents, scale: 2), styles.index(.money(decimals: decimals), entry.emphasis))
        case .difference(let amount, let decimals):
            return number(ExactDecimal(significand: amount.cents, scale: 2), styles.index(.difference(decimals: decimals), entry.emphasis))
        case .percent(let value):
            // Stored as a fraction (12,64% is 0.1264) so that Excel computes with it.
            let fraction = ExactDecimal(significand: value.significand, scale: value.scale + 2)
            return number(fraction, styles.index(.percent(decimals: value.scale), entry.emphasis))
        case .date(let date):
            return number(ExactDecimal(significand: Int64(XLSXWriter.serial(date))), styles.index(.date, entry.emphasis))
        case .dated(let value, let date):
            // The number stays a number; its format shows the date beside it.
            return number(value, styles.index(.dated(decimals: value.scale, date: CellText.date(date, locale)), entry.emphasis))
        case .datedPercent(let value, let date):
            // In percent units with a literal `%`, as the plan states it (76 is 76%).
            return number(value, styles.index(.datedPercent(decimals: value.scale, date: CellText.date(date, locale)), entry.emphasis))
        case .signedPercent(let value):
            return number(value, styles.index(.signedPercent(decimals: value.scale), entry.emphasis))
        }
    }
}

extension XLSXWriter {
    /// Excel's serial day number of a date (1900 date system; 1 March 1900 and later).
    static func serial(_ date: PlanDate) -> Int {
        let epoch = PlanDate(year: 1899, month: 12, day: 30)?.dayNumber ?? 0
        return date.dayNumber - epoch
    }

    /// The styles a workbook uses, registered as cells ask for them, so the same document
    /// always gives the same indices.
    struct StyleSheet {
        enum Kind: Hashable {
            case text
            case light(TrafficLight)
            case number(decimals: Int)
            case signed(decimals: Int)
            case money(decimals: Int)
            case difference(decimals: Int)
            case percent(decimals: Int)
            case date
            case dated(decimals: Int, date: String)
            case datedPercent(decimals: Int, date: String)
            case signedPercent(decimals: Int)
        }

        private var keys: [Key] = [Key(kind: .text, emphasis: .plain, right: false)]
        private var formats: [String] = []

        struct Key: Hashable {
            var kind: Kind
            var emphasis: Sheet.Emphasis
            var right: Bool
        }

        mutating func index(_ kind: Kind, _ emphasis: Sheet.Emphasis, right: Bool = false) -> Int {
            let key = Key(kind: kind, emphasis: emphasis, right: right)
            if let found = keys.firstIndex(of: key) { return found }
            keys.append(key)
            if let code = Self.formatCode(kind), !formats.contains(code) { formats.append(code) }
            return keys.count - 1
        }

        static func digits(_ decimals: Int) -> String {
            "#,##0" + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
        }

        static func formatCode(_ kind: Kind) -> String? {
            switch kind {
            case .text, .light: nil
            case .number(let d): digits(d)
            case .signed(let d): "+\(digits(d));-\(digits(d));0"
            case .money(let d): #"[$€-413]\ \#(digits(d));[$€-413]\ \-\#(digits(d))"#
            case .difference(let d): #"+\#(digits(d));-\#(digits(d));"""#
            case .percent(let d): "0" + (d > 0 ? "." + String(repeating: "0", count: d) : "") + "%"
            case .date: "dd-mm-yyyy"
            case .dated(let d, let date): #"\#(digits(d))" (\#(date))""#
            case .datedPercent(let d, let date): #"\#(digits(d))"% (\#(date))""#
            case .signedPercent(let d): #"+\#(digits(d))"%";-\#(digits(d))"%";0"%""#
            }
        }

        /// Font 0 plain, 1 bold, 2 bold and larger (titles). Fills 0 and 1 are required by the
        /// format; 2 header grey, 3–6 the lights.
        var xml: String {
            var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            out += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            if !formats.isEmpty {
                out += #"<numFmts count="\#(formats.count)">"#
                for (index, code) in formats.enumerated() {
                    out += #"<numFmt numFmtId="\#(164 + index)" formatCode="\#(XLSXWriter.escaped(code))"/>"#
                }
                out += "</numFmts>"
            }
            out += #"<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font></fonts>"#
            out += #"<fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
            for colour in ["FFE9ECEF", "FFC8E6C9", "FFFFE0B2", "FFFFCDD2", "FFE0E0E0"] {
                out += #"<fill><patternFill patternType="solid"><fgColor rgb="\#(colour)"/><bgColor indexed="64"/></patternFill></fill>"#
            }
            out += "</fills>"
            out += #"<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>"#
            out += #"<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>"#
            out += #"<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border></borders>"#
            out += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            out += #"<cellXfs count="\#(keys.count)">"#
            for key in keys {
                let format = Self.formatCode(key.kind).flatMap { code in formats.firstIndex(of: code).map { 164 + $0 } } ?? 0
                let font = switch key.emphasis {
                case .plain, .prose: 0
                case .title: 2
                case .bold, .header, .total: 1
                }
                var fill = key.emphasis == .header ? 2 : 0
                if case .light(let light) = key.kind {
                    fill = switch light {
                    case .green: 3
                    case .orange: 4
                    case .red: 5
                    default: 6
                    }
                }
                let border = key.emphasis == .header ? 1 : (key.emphasis == .total ? 2 : 0)
                var attributes = #"numFmtId="\#(format)" fontId="\#(font)" fillId="\#(fill)" borderId="\#(border)" xfId="0""#
                if format != 0 { attributes += #" applyNumberFormat="1""# }
                if font != 0 { attributes += #" applyFont="1""# }
                if fill != 0 { attributes += #" applyFill="1""# }
                if border != 0 { attributes += #" applyBorder="1""# }
                var alignment: [String] = []
                if key.right { alignment.append(#"horizontal="right""#) }
                if key.emphasis == .prose || key.emphasis == .bold { alignment.append(#"vertical="top""#) }
                if key.emphasis == .prose { alignment.append(#"wrapText="1""#) }
                if alignment.isEmpty {
                    out += "<xf \(attributes)/>"
                } else {
                    out += #"<xf \#(attributes) applyAlignment="1"><alignment \#(alignment.joined(separator: " "))/></xf>"#
                }
            }
            out += "</cellXfs>"
            out += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            return out + "</styleSheet>"
        }
    }
}
