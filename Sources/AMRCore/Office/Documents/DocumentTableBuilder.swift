/// Collects the tables of a WordprocessingML (`word/document.xml`) or OpenDocument text
/// (`content.xml`) part from the XML scanner's events: tables in document order (a nested table
/// after the one holding it), merged cells resolved, header rows as marked, the caption beside
/// each table. Text that is not printed as part of a number is left out: deleted text, notes and
/// annotations, superscript runs (footnote marks: `336` with a superscript `1` is not 3361).
struct DocumentTableBuilder {
    enum Dialect { case wordprocessing, openDocument }

    /// A cell as written, before merges are resolved.
    private struct RawCell {
        var text = ""
        var boldRuns = 0
        var plainRuns = 0
        var columnSpan = 1
        var rowSpan = 1
        /// WordprocessingML `vMerge`: nil none, true restart, false continue.
        var verticalMerge: Bool?
        var isCovered = false
    }

    private struct RawRow {
        var cells: [RawCell] = []
        var isHeader = false
    }

    private struct OpenTable {
        var number: Int
        var caption: String?
        var rows: [RawRow] = []
        var cell: RawCell?
        var inHeaderRows = false
    }

    let dialect: Dialect
    let limits: DocumentLimits
    private(set) var tables: [DocumentTable] = []
    /// Set when a limit was passed; the reader turns it into a message.
    private(set) var exceeded: String?

    private var open: [OpenTable] = []
    private var nextNumber = 1
    private var cellCount = 0
    /// Element names from the root, local names only.
    private var path: [String] = []
    /// Depth at which a skipped subtree (a note, deleted text) started.
    private var skipping: Int?
    private var paragraph: String?
    private var runIsBold = false
    private var runIsSuperscript = false
    private var spanStyles: [String] = []
    private var paragraphIsBold = false
    /// The last paragraph of the body (or of the current cell) before the next table, per depth.
    private var lastParagraph: [Int: String] = [:]
    /// A table that just ended, waiting for a `Tabel 3: …` caption under it, per depth.
    private var awaitingCaption: [Int: Int] = [:]
    // OpenDocument automatic styles: which are bold, which raise text.
    private var boldStyles: Set<String> = []
    private var superscriptStyles: Set<String> = []
    private var currentStyle: String?

    init(dialect: Dialect, limits: DocumentLimits) {
        self.dialect = dialect
        self.limits = limits
    }

    static func localName<S: StringProtocol>(_ name: S) -> String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return String(name)
    }

    private static func value(_ attributes: [(name: String, value: String)], _ local: String) -> String? {
        attributes.first { localName($0.name) == local }?.value
    }

    private static func flag(_ attributes: [(name: String, value: String)]) -> Bool {
        guard let value = value(attributes, "val") else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }

    // MARK: - Events

    mutating func start(_ qualifiedName: String, attributes: [(name: String, value: String)]) {
        let name = Self.localName(qualifiedName)
        path.append(name)
        guard skipping == nil, exceeded == nil else { return }
        switch dialect {
        case .wordprocessing: startWord(name, qualifiedName: qualifiedName, attributes: attributes)
        case .openDocument: startOpenDocument(name, qualifiedName: qualifiedName, attributes: attributes)
        }
    }

    mutating func end(_ qualifiedName: String) {
        let name = Self.localName(qualifiedName)
        defer { path.removeLast() }
        if let depth = skipping {
            if path.count == depth { skipping = nil }
            return
        }
        guard exceeded == nil else { return }
        switch (dialect, name) {
        case (.wordprocessing, "tbl"):
            endTable()
        case (.openDocument, "table") where isTableElement(qualifiedName):
            endTable()
        case (.wordprocessing, "tr"), (.openDocument, "table-row"):
            break
        case (.wordprocessing, "tc"), (.openDocument, "table-cell"), (.openDocument, "covered-table-cell"):
            endCell()
        case (.wordprocessing, "p"), (.openDocument, "p"), (.openDocument, "h"):
            endParagraph()
        case (.wordprocessing, "r"):
            runIsBold = false
            runIsSuperscript = false
        case (.openDocument, "span"):
            if !spanStyles.isEmpty { spanStyles.removeLast() }
        case (.openDocument, "table-header-rows"):
            if !open.isEmpty { open[open.count - 1].inHeaderRows = false }
        case (.openDocument, "style"):
            currentStyle = nil
        default:
            break
        }
    }

    mutating func text(_ text: String) {
        guard skipping == nil, exceeded == nil, paragraph != nil else { return }
        switch dialect {
        case .wordprocessing:
            guard path.last == "t" else { return }
            append(text, bold: runIsBold, superscript: runIsSuperscript)
        case .openDocument:
            guard let last = path.last, last == "p" || last == "h" || last == "span" || last == "a" else { return }
            let styles = spanStyles
            append(text, bold: paragraphIsBold || styles.contains { boldStyles.contains($0) },
                   superscript: styles.contains { superscriptStyles.contains($0) })
        }
    }

    // MARK: - WordprocessingML

    private mutating func startWord(_ name: String, qualifiedName: String, attributes: [(name: String, value: String)]) {
        switch name {
        case "Fallback", "del", "moveFrom", "instrText", "footnoteReference", "endnoteReference", "commentReference":
            skipping = path.count
        case "tbl":
            startTable()
        case "tr":
            startRow(header: false)
        case "tblHeader" where path.dropLast().last == "trPr":
            if Self.flag(attributes), !open.isEmpty, !open[open.count - 1].rows.isEmpty {
                open[open.count - 1].rows[open[open.count - 1].rows.count - 1].isHeader = true
            }
        case "gridBefore" where path.dropLast().last == "trPr":
            if let count = Self.value(attributes, "val").flatMap(Int.init), count > 0, count <= limits.maximumColumns {
                for _ in 0..<count { appendCell(RawCell()) }
            }
        case "tc":
            startCell(RawCell())
        case "gridSpan" where path.dropLast().last == "tcPr":
            // A cell's properties outside any table (a misspelt `w:tbl`) belong to no cell.
            if let span = Self.value(attributes, "val").flatMap(Int.init), span > 1, span <= limits.maximumColumns, !open.isEmpty {
                open[open.count - 1].cell?.columnSpan = span
            }
        case "vMerge" where path.dropLast().last == "tcPr":
            if !open.isEmpty { open[open.count - 1].cell?.verticalMerge = Self.value(attributes, "val") == "restart" }
        case "p":
            startParagraph()
        case "b" where path.dropLast().last == "rPr" && path.dropLast(2).last == "r":
            runIsBold = Self.flag(attributes)
        case "vertAlign" where path.dropLast().last == "rPr" && path.dropLast(2).last == "r":
            runIsSuperscript = Self.value(attributes, "val") == "superscript"
        case "tab" where path.dropLast().last == "r", "br", "cr":
            append(" ", bold: runIsBold, superscript: false)
        default:
            break
        }
    }

    // MARK: - OpenDocument

    private func isTableElement(_ qualifiedName: String) -> Bool {
        // `table:table`, not `style:table` or other elements named table.
        dialect == .wordprocessing || qualifiedName == "table:table" || !qualifiedName.contains(":")
    }

    private mutating func startOpenDocument(_ name: String, qualifiedName: String, attributes: [(name: String, value: String)]) {
        switch name {
        case "note", "annotation", "tracked-changes", "deletion", "notes-configuration":
            skipping = path.count
        case "style" where qualifiedName == "style:style":
            currentStyle = Self.value(attributes, "name")
        case "text-properties":
            guard let style = currentStyle else { break }
            if let weight = Self.value(attributes, "font-weight"), weight == "bold" || (Int(weight) ?? 0) >= 600 { boldStyles.insert(style) }
            if let position = Self.value(attributes, "text-position"), position.hasPrefix("super") || (position.first.map { $0.isASCIIDigit } ?? false && !position.hasPrefix("0")) {
                superscriptStyles.insert(style)
            }
        case "table" where qualifiedName == "table:table":
            startTable()
        case "table-header-rows":
            if !open.isEmpty { open[open.count - 1].inHeaderRows = true }
        case "table-row":
            let repeated = Self.value(attributes, "number-rows-repeated").flatMap(Int.init) ?? 1
            // A repeated row is almost always empty padding; one is enough to keep the grid right.
            _ = repeated
            startRow(header: open.last?.inHeaderRows ?? false)
        case "table-cell", "covered-table-cell":
            var cell = RawCell()
            cell.isCovered = name == "covered-table-cell"
            if let span = Self.value(attributes, "number-columns-spanned").flatMap(Int.init), span > 1, span <= limits.maximumColumns { cell.columnSpan = span }
            if let span = Self.value(attributes, "number-rows-spanned").flatMap(Int.init), span > 1, span <= limits.maximumRows { cell.rowSpan = span }
            let repeated = min(Self.value(attributes, "number-columns-repeated").flatMap(Int.init) ?? 1, limits.maximumColumns)
            for _ in 1..<max(1, repeated) { appendCell(cell) }
            startCell(cell)
        case "p", "h":
            startParagraph()
            paragraphIsBold = Self.value(attributes, "style-name").map { boldStyles.contains($0) } ?? false
        case "span":
            spanStyles.append(Self.value(attributes, "style-name") ?? "")
        case "s":
            let count = min(Self.value(attributes, "c").flatMap(Int.init) ?? 1, 64)
            append(String(repeating: " ", count: max(1, count)), bold: false, superscript: false)
        case "tab", "line-break":
            append(" ", bold: false, superscript: false)
        default:
            break
        }
    }

    // MARK: - Building

    private mutating func startTable() {
        guard open.count < limits.maximumNesting else {
            skipping = path.count
            return
        }
        guard tables.count + open.count < limits.maximumTables else {
            exceeded = "more than \(limits.maximumTables) tables"
            return
        }
        let depth = open.count
        // A paragraph in progress (a cell's text before a nested table) is the nested table's caption.
        if let paragraph, !paragraph.trimmingSpaces.isEmpty { lastParagraph[depth] = paragraph }
        var table = OpenTable(number: nextNumber)
        nextNumber += 1
        table.caption = lastParagraph[depth].map(Self.shortCaption)
        lastParagraph[depth] = nil
        awaitingCaption[depth] = nil
        open.append(table)
    }

    private mutating func endTable() {
        guard var table = open.popLast() else { return }
        if table.cell != nil { closeCell(&table) }
        let depth = open.count
        let resolved = resolve(table, depth: depth)
        tables.append(resolved)
        // A `Tabel 3: …` line under the table is its caption, unless one stood above it.
        awaitingCaption[depth] = resolved.caption.map(Self.isCaptionLine) == true ? nil : tables.count - 1
        lastParagraph[depth] = nil
    }

    private mutating func startRow(header: Bool) {
        guard !open.isEmpty else { return }
        guard open[open.count - 1].rows.count < limits.maximumRows else {
            exceeded = "a table of more than \(limits.maximumRows) rows"
            return
        }
        if open[open.count - 1].cell != nil { closeOpenCell() }
        open[open.count - 1].rows.append(RawRow(cells: [], isHeader: header))
    }

    private mutating func startCell(_ cell: RawCell) {
        guard !open.isEmpty else { return }
        if open[open.count - 1].cell != nil { closeOpenCell() }
        if open[open.count - 1].rows.isEmpty { open[open.count - 1].rows.append(RawRow()) }
        open[open.count - 1].cell = cell
    }

    private mutating func endCell() {
        guard !open.isEmpty, open[open.count - 1].cell != nil else { return }
        closeOpenCell()
    }

    private mutating func appendCell(_ cell: RawCell) {
        guard !open.isEmpty else { return }
        if open[open.count - 1].rows.isEmpty { open[open.count - 1].rows.append(RawRow()) }
        cellCount += 1
        guard cellCount <= limits.maximumCells, open[open.count - 1].rows[open[open.count - 1].rows.count - 1].cells.count < limits.maximumColumns else {
            exceeded = "more than \(limits.maximumCells) table cells, or a row of more than \(limits.maximumColumns)"
            return
        }
        open[open.count - 1].rows[open[open.count - 1].rows.count - 1].cells.append(cell)
    }

    private mutating func closeOpenCell() {
        guard var table = open.popLast() else { return }
        closeCell(&table)
        open.append(table)
    }

    private mutating func closeCell(_ table: inout OpenTable) {
        guard var cell = table.cell else { return }
        table.cell = nil
        cell.text = cell.text.trimmingSpaces
        cellCount += 1
        guard cellCount <= limits.maximumCells, (table.rows.last?.cells.count ?? 0) < limits.maximumColumns else {
            exceeded = "more than \(limits.maximumCells) table cells, or a row of more than \(limits.maximumColumns)"
            return
        }
        if table.rows.isEmpty { table.rows.append(RawRow()) }
        table.rows[table.rows.count - 1].cells.append(cell)
    }

    private mutating func startParagraph() {
        paragraph = ""
        paragraphIsBold = false
    }

    private mutating func endParagraph() {
        guard let text = paragraph else { return }
        paragraph = nil
        let depth = open.count
        if !open.isEmpty, open[depth - 1].cell != nil {
            // A paragraph of a cell: the cell's text, paragraphs joined by a space.
            let existing = open[depth - 1].cell?.text ?? ""
            let trimmed = text.trimmingSpaces
            if !trimmed.isEmpty { open[depth - 1].cell?.text = existing.isEmpty ? trimmed : existing + " " + trimmed }
        }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return }
        if let index = awaitingCaption[depth] {
            awaitingCaption[depth] = nil
            if Self.isCaptionLine(trimmed) {
                tables[index].caption = Self.shortCaption(trimmed)
                return
            }
        }
        lastParagraph[depth] = trimmed
    }

    private mutating func append(_ text: String, bold: Bool, superscript: Bool) {
        guard paragraph != nil else { return }
        // Superscript inside a table is a footnote mark; its digits must not join the number.
        if superscript && !open.isEmpty { return }
        paragraph? += text
        if !open.isEmpty, open[open.count - 1].cell != nil, !text.trimmingSpaces.isEmpty {
            if bold { open[open.count - 1].cell?.boldRuns += 1 } else { open[open.count - 1].cell?.plainRuns += 1 }
        }
    }

    /// `Tabel 3: Uitstroom`, `Schema 4 - …`, `Table 2.`: a line naming a table by its number.
    static func isCaptionLine(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        guard words.count >= 2, ["tabel", "schema", "table", "overzicht", "figuur", "bijlage"].contains(String(words[0])) else { return false }
        return words[1].first?.isASCIIDigit ?? false
    }

    static func shortCaption(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.count <= 120 ? collapsed : String(collapsed.prefix(119)) + "…"
    }

    // MARK: - Merges

    private func resolve(_ table: OpenTable, depth: Int) -> DocumentTable {
        var grid: [[DocumentTable.Cell]] = []
        var coverage: [Int: [Int: (row: Int, column: Int)]] = [:]
        var headerRows = 0
        var stillHeader = true
        for (r, raw) in table.rows.enumerated() {
            if stillHeader && raw.isHeader { headerRows += 1 } else { stillHeader = false }
            var row: [DocumentTable.Cell] = []
            for cell in raw.cells {
                for offset in 0..<cell.columnSpan {
                    let c = row.count
                    guard c < limits.maximumColumns else { break }
                    var origin = (row: r, column: c - offset)
                    var text = offset == 0 ? cell.text : ""
                    if cell.isCovered || cell.verticalMerge == false {
                        if let covering = coverage[r]?[c] {
                            origin = covering
                        } else if cell.verticalMerge == false, r > 0, c < grid[r - 1].count {
                            let above = grid[r - 1][c]
                            origin = (above.originRow, above.originColumn)
                        } else {
                            origin = (r, c)
                        }
                        if origin != (r, c) { text = "" }
                    } else if offset == 0, cell.rowSpan > 1 {
                        for down in 1..<cell.rowSpan {
                            for across in 0..<cell.columnSpan { coverage[r + down, default: [:]][c + across] = (r, c) }
                        }
                    }
                    let bold = cell.boldRuns > 0 && cell.plainRuns == 0
                    row.append(DocumentTable.Cell(text: text, originRow: origin.row, originColumn: origin.column, isBold: bold))
                }
            }
            // Cells covered from above that the row does not write (OpenDocument always writes them).
            grid.append(row)
        }
        let width = grid.map(\.count).max() ?? 0
        for r in grid.indices {
            while grid[r].count < width {
                let c = grid[r].count
                if let covering = coverage[r]?[c] {
                    grid[r].append(DocumentTable.Cell(text: "", originRow: covering.row, originColumn: covering.column, isBold: false))
                } else {
                    grid[r].append(DocumentTable.Cell(text: "", originRow: r, originColumn: c, isBold: false))
                }
            }
        }
        // A merge pointing at a position that is itself covered (or outside) points at its own cell.
        for r in grid.indices {
            for c in grid[r].indices {
                let o = grid[r][c]
                guard o.originRow < grid.count, o.originColumn < grid[o.originRow].count,
                      grid[o.originRow][o.originColumn].originRow == o.originRow,
                      grid[o.originRow][o.originColumn].originColumn == o.originColumn else {
                    grid[r][c] = DocumentTable.Cell(text: o.text, originRow: r, originColumn: c, isBold: o.isBold)
                    continue
                }
            }
        }
        return DocumentTable(number: table.number, caption: table.caption, rows: grid, markedHeaderRows: headerRows, depth: depth)
    }
}

extension String {
    /// Without leading and trailing spaces of any kind (no-break, narrow no-break) and newlines.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
