/// The tables of one Word or OpenDocument file as amr understood them, and their check: the
/// tables become tables of the plan format (`amr extract`), the plan rules check those exactly as
/// they check a plan file, and each finding is told again at the document's table, row and
/// column, in the reader's language, with why amr takes the row or column for a total.
public struct DocumentCheck: Sendable {
    public let file: String
    let tables: [DocumentTable]
    let extracted: [ExtractedTable]
    let skipped: [(number: Int, caption: String?, reason: TableInterpreter.Skip)]

    init(file: String, tables: [DocumentTable], notation: CellNumber.Notation, regionNames: Set<String>) {
        self.file = file
        self.tables = tables
        var extracted: [ExtractedTable] = []
        var skipped: [(number: Int, caption: String?, reason: TableInterpreter.Skip)] = []
        var layouts: [TableLayout] = []
        for table in tables {
            var layout: TableLayout?
            switch TableInterpreter(table: table, notation: notation, regionNames: regionNames).interpret(layout: &layout) {
            case .success(let found): extracted += found
            case .failure(let reason): skipped.append((table.number, table.caption, reason))
            }
            if let layout { layouts.append(layout) }
        }
        // Percentages whose base is in another table; a table checked only by those is checked.
        let across = CrossTablePercentage(layouts: layouts).find()
        extracted += across.tables
        let checked = Set(across.tables.map(\.table))
        self.extracted = extracted
        self.skipped = skipped.filter { !checked.contains($0.number) }
        // A table not checked at all is listed once, not also each of its percentage columns.
        let notChecked = Set(self.skipped.map(\.number))
        self.unexplained = across.unexplained.filter { !notChecked.contains($0.table) }
    }

    /// Percentage columns no base in this or another table explains (`--verbose`).
    let unexplained: [CrossTablePercentage.Unexplained]

    /// The document's tables as a plan file (`amr extract`): every table amr could read, each
    /// with its `source` (the table's number and caption), and a region left for a person to fill in.
    public var planJSON: String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        let id = PlaceName.key(base.split(separator: ".").dropLast().joined(separator: "."))
        return JSONOutput.object([
            "schemaVersion": .number("1"),
            "id": .string(id.isEmpty ? "document" : id),
            "title": .string(base),
            "source": .object(["document": .string(base), "note": .string("tables extracted by amr extract")]),
            "region": .object([
                "id": .string("regio"),
                "name": .string("(not stated in the document)"),
                "municipalities": .array([]),
            ]),
            "tables": .array(extracted.map { Self.json($0, document: base, among: extracted) } + extracted.flatMap { Self.shareBases($0, document: base) }
                + extracted.flatMap { Self.externalBases($0, document: base, among: extracted) }),
        ]).text
    }

    static func json(_ table: ExtractedTable, document: String, among extracted: [ExtractedTable]) -> JSONOutput {
        var object: [String: JSONOutput] = [
            "id": .string(table.id),
            "name": .string(table.group.map { "\(table.name) — \($0)" } ?? table.name),
            "source": .object(["document": .string(document), "section": .string("tabel \(table.table)")]
                .merging(table.caption.map { ["title": JSONOutput.string($0)] } ?? [:]) { a, _ in a }),
            "columns": .array(table.columns.map { column in
                var c: [String: JSONOutput] = ["id": .string(column.id), "name": .string(column.name)]
                switch column.kind {
                case .count: break
                case .total: c["total"] = .bool(true)
                case .part(let whole): c["partOf"] = .string(whole)
                case .percentage(let count, let base, let rounding):
                    var p: [String: JSONOutput] = ["count": .string(count), "base": .string(base)]
                    if let rounding { p["rounding"] = .string(rounding.rawValue) }
                    c["percent"] = .object(p)
                case .external(let count, let external, let rounding):
                    // A stated total is one figure for every row; a column is read in the row with the same label.
                    var p: [String: JSONOutput] = ["count": .string(count)]
                    if let (id, columnID) = linked(external, rows: table.rows, among: extracted) {
                        p["base"] = .object(["table": .string(id), "column": .string(columnID)].merging(external.total == nil ? [:] : ["row": .string("total")]) { a, _ in a })
                    } else {
                        p["base"] = external.total.map { .object(["value": .number($0.description)]) }
                            ?? .object(["table": .string(table.externalBaseTable(column)), "column": .string("basis")])
                    }
                    if let rounding { p["rounding"] = .string(rounding.rawValue) }
                    c["percent"] = .object(p)
                case .share(let count, _, let rounding):
                    var p: [String: JSONOutput] = ["count": .string(count),
                                                   "base": .object(["table": .string(table.shareBaseTable(column)), "column": .string("totaal")])]
                    if let rounding { p["rounding"] = .string(rounding.rawValue) }
                    c["percent"] = .object(p)
                }
                return .object(c)
            }),
            "rows": .array(table.rows.map { row in
                .object(["label": .string(row.label.isEmpty ? "rij \(row.row + 1)" : row.label),
                         "values": .object(row.cells.mapValues { .number($0.value.description) })])
            }),
        ]
        // A share's total row is 100% of itself: nothing to check, and its base table has no total row.
        let shares = Set(table.columns.filter { if case .share = $0.kind { return true }; return false }.map(\.id))
        let totals = table.totals.filter { !shares.contains($0.key) }
        if !totals.isEmpty { object["totals"] = .object(totals.mapValues { .number($0.value.description) }) }
        if let label = table.totalLabel, !label.isEmpty { object["totalLabel"] = .string(label) }
        if !table.notes.isEmpty {
            object["note"] = .string("a total within the rounding of this rounded table (multiples of 10 or 100) is not checked")
        }
        return .object(object)
    }

    /// For each share column, a table holding the column's total in every row: the base of the
    /// shares in the plan format's terms (a percentage of a column of another table, row by row).
    static func shareBases(_ table: ExtractedTable, document: String) -> [JSONOutput] {
        table.columns.compactMap { column -> JSONOutput? in
            guard case .share(let count, let total, _) = column.kind else { return nil }
            let name = table.column(count)?.name ?? count
            return .object([
                "id": .string(table.shareBaseTable(column)),
                "name": .string("\(table.name): totaal van \"\(name)\", de basis van \"\(column.name)\""),
                "source": .object(["document": .string(document), "section": .string("tabel \(table.table)")]),
                "columns": .array([.object(["id": .string("totaal"), "name": .string(name)])]),
                "rows": .array(table.rows.map { row in
                    .object(["label": .string(row.label.isEmpty ? "rij \(row.row + 1)" : row.label), "values": .object(["totaal": .number(total.description)])])
                }),
            ])
        }
    }

    /// For each percentage whose base is a column of another table, that column by the labels of
    /// the percentage's rows: the plan format finds a base in another table by the row's label.
    static func externalBases(_ table: ExtractedTable, document: String, among extracted: [ExtractedTable]) -> [JSONOutput] {
        table.columns.compactMap { column -> JSONOutput? in
            guard case .external(_, let external, _) = column.kind, external.total == nil,
                  linked(external, rows: table.rows, among: extracted) == nil else { return nil }
            var source: [String: JSONOutput] = ["document": .string(document), "section": .string("tabel \(external.table)")]
            if let caption = external.caption { source["title"] = .string(caption) }
            return .object([
                "id": .string(table.externalBaseTable(column)),
                "name": .string("\"\(external.columnName)\" uit tabel \(external.table), de basis van \"\(column.name)\" in tabel \(table.table)"),
                "source": .object(source),
                "columns": .array([.object(["id": .string("basis"), "name": .string(external.columnName)])]),
                "rows": .array(table.rows.compactMap { row in
                    external.values[row.row].map { value in
                        .object(["label": .string(row.label.isEmpty ? "rij \(row.row + 1)" : row.label), "values": .object(["basis": .number(value.description)])])
                    }
                }),
            ])
        }
    }

    /// The extracted table and column that hold an external base as printed (each row's base in
    /// the row with the same label, or its stated total), so the plan file points there; nil when
    /// that table was not extracted whole (groups, columns left out), and a table of the base is written.
    static func linked(_ external: ExtractedTable.ExternalBase, rows: [ExtractedTable.Row], among extracted: [ExtractedTable]) -> (String, String)? {
        guard let other = extracted.first(where: { $0.table == external.table && $0.group == nil && $0.id == "tabel-\(external.table)" }),
              let column = other.columns.first(where: { $0.column == external.column && ($0.kind == .count || $0.kind == .total) }) else { return nil }
        if let total = external.total {
            return other.totals[column.id]?.value.isEqual(to: total) == true ? (other.id, column.id) : nil
        }
        for row in rows {
            let matching = other.rows.filter { $0.label == row.label }
            guard matching.count == 1, !row.label.isEmpty, let base = external.values[row.row],
                  matching[0].cells[column.id]?.value.isEqual(to: base) == true else { return nil }
        }
        return (other.id, column.id)
    }

    /// The findings, at the document's tables, rows and columns.
    public func findings(locale: NumberLocale) throws(LoadError) -> [Finding] {
        let loaded = try PlanLoader.load(bytes: Array(planJSON.utf8), file: file)
        return Finding.ordered(PlanChecker.check(loaded, locale: locale).compactMap { finding in
            Self.tableRules.contains(finding.rule) ? retold(finding, locale: locale) : nil
        })
    }

    static let tableRules: Set<String> = [TableAnalysis.rowRule, TableAnalysis.columnRule, TablePercentageRule.id]

    /// One line per table amr did not check, for `--verbose`.
    public func skippedTables(locale: NumberLocale) -> [String] {
        let words = DocumentWording.of(locale)
        return skipped.map { "\(file): " + words.skipped(words.table($0.number, $0.caption), $0.reason) }
            + unexplained.map { "\(file): " + words.unexplainedPercentage(words.table($0.table, $0.caption) + ", " + words.column($0.column)) }
    }

    /// How many tables the document has, and how many amr checked.
    public var tableCount: Int { tables.count }
    public var checkedTableCount: Int { Set(extracted.map(\.table)).count }

    private func retold(_ finding: Finding, locale: NumberLocale) -> Finding? {
        let words = DocumentWording.of(locale)
        let parts = (finding.location.pointer ?? "").split(separator: "/").map(String.init)
        guard parts.count >= 4, parts[0] == "tables", let index = Int(parts[1]), extracted.indices.contains(index) else { return nil }
        let table = extracted[index]
        let columnID: String
        let cell: ExtractedTable.Value
        var rowLabel: String
        if parts[2] == "totals", let id = parts.last, let value = table.totals[id] {
            columnID = id
            cell = value
            rowLabel = table.totalLabel ?? ""
        } else if parts[2] == "rows", parts.count >= 6, let r = Int(parts[3]), table.rows.indices.contains(r), let value = table.rows[r].cells[parts[5]] {
            columnID = parts[5]
            cell = value
            rowLabel = table.rows[r].label
        } else {
            return nil
        }
        guard let column = table.column(columnID), let stated = finding.stated.flatMap({ try? ExactDecimal.parse($0).get() }) else { return nil }
        if rowLabel.isEmpty, let document = tables.first(where: { $0.number == table.table }) {
            rowLabel = document.text(cell.position.row, 0)
        }
        let number = { (v: ExactDecimal) in locale.format(v) }
        let expected = finding.expected.flatMap { try? ExactDecimal.parse($0).get() }
        let message: String
        var because: String?
        let isTotalRow = parts[2] == "totals"
        switch (finding.rule, column.kind, isTotalRow) {
        case (TablePercentageRule.id, .percentage(let countID, let baseID, let rounding), _):
            let row = isTotalRow ? nil : table.rows.first { $0.row == cell.position.row }
            let countValue = isTotalRow ? table.totals[countID]?.value : row?.cells[countID]?.value
            let baseValue = isTotalRow ? table.totals[baseID]?.value : row?.cells[baseID]?.value
            guard let countValue, let baseValue,
                  let check = PercentageCheck(count: countValue, base: baseValue, decimals: stated.scale, rounding: rounding) else { return nil }
            let exact = check.words(locale).components(separatedBy: " (").first ?? ""
            let right = check.allowed.count == 1 && Fraction(check.allowed[0]) != check.exact ? words.rounded(number(check.allowed[0])) : ""
            message = words.percentage(number(stated), number(countValue), number(baseValue), exact + right)
            because = words.becausePercentage(words.column(column.name), table.column(countID)?.name ?? countID, table.column(baseID)?.name ?? baseID, rounding)
        case (TablePercentageRule.id, .share(let countID, let total, let rounding), _):
            let row = isTotalRow ? nil : table.rows.first { $0.row == cell.position.row }
            guard let countValue = isTotalRow ? table.totals[countID]?.value : row?.cells[countID]?.value,
                  let check = PercentageCheck(count: countValue, base: total, decimals: stated.scale, rounding: rounding) else { return nil }
            let exact = check.words(locale).components(separatedBy: " (").first ?? ""
            let right = check.allowed.count == 1 && Fraction(check.allowed[0]) != check.exact ? words.rounded(number(check.allowed[0])) : ""
            message = words.percentage(number(stated), number(countValue), number(total), exact + right)
            because = words.becauseShare(words.column(column.name), table.column(countID)?.name ?? countID, rounding)
        case (TablePercentageRule.id, .external(let countID, let external, let rounding), false):
            let row = table.rows.first { $0.row == cell.position.row }
            guard let countValue = row?.cells[countID]?.value, let baseValue = external.value(row: cell.position.row),
                  let check = PercentageCheck(count: countValue, base: baseValue, decimals: stated.scale, rounding: rounding) else { return nil }
            let exact = check.words(locale).components(separatedBy: " (").first ?? ""
            let right = check.allowed.count == 1 && Fraction(check.allowed[0]) != check.exact ? words.rounded(number(check.allowed[0])) : ""
            message = words.percentage(number(stated), number(countValue), number(baseValue), exact + right)
            let countName = table.column(countID)?.name ?? countID
            let count = words.count(countName, external.countTable.map { words.table($0, external.countCaption) })
            let baseTable = words.table(external.table, external.caption)
            let base = external.total.map { words.totalOf(external.columnName, baseTable, number($0)) } ?? words.sameRow(external.columnName, baseTable)
            because = words.becauseOtherTable(words.column(column.name), count, base, rounding)
        case (TableAnalysis.columnRule, _, true) where expected != nil:
            message = words.columnTotal(number(stated), expected.map(number) ?? "")
            because = reason(table, column: column.name, words: words)
        case (TableAnalysis.rowRule, .total, _) where expected != nil:
            let addends = table.columns.filter { $0.kind == .count }.map(\.name)
            message = words.rowTotal(number(stated), addends, expected.map(number) ?? "")
            because = words.becauseRowTotal(words.column(column.name), addends)
        case (TableAnalysis.rowRule, .count, false) where expected != nil:
            message = words.innerNumber(number(stated), expected.map(number) ?? "")
        default:
            message = words.other(number(stated), expected.map(number) ?? finding.expected ?? "")
        }
        var place = words.table(table.table, table.caption)
        let rowWords = isTotalRow && table.totalReason == .heading ? words.headingRow : words.row(rowLabel, cell.position.row + 1)
        place += ", " + rowWords + ", " + words.column(column.name)
        let location = SourceLocation(file: file, line: table.table, column: cell.position.row + 1,
                                      pointer: "tabel \(table.table)/rij \(cell.position.row + 1)/kolom \(cell.position.column + 1)", place: place)
        return Finding(rule: finding.rule, severity: finding.severity, location: location, message: message, hint: because,
                       stated: finding.stated, expected: finding.expected)
    }

    private func reason(_ table: ExtractedTable, column: String, words: DocumentWording) -> String? {
        switch table.totalReason {
        case .label(let label)?: return words.becauseLabel(words.row(label, 0))
        case .regionName(let label)?: return words.becauseRegion(words.row(label, 0))
        case .sums(let label, let columns)?: return words.becauseSums(words.row(label, 0), columns)
        case .heading?: return words.becauseHeading(words.column(column))
        case nil: return nil
        }
    }
}

extension DocumentCheck {
    /// Every table of the document as a sheet (`amr extract --format xlsx`): its rows as printed,
    /// numbers as numbers, a merged cell's text once.
    public func workbookDocument() -> ReportDocument {
        let notation = DocumentReader.notation(of: tables, declared: nil)
        let base = file.split(separator: "/").last.map(String.init) ?? file
        let sections = tables.map { table -> ReportDocument.Section in
            let width = table.width
            let columns = (0..<width).map { ReportDocument.Table.Column("\($0 + 1)") }
            let rows: [[ReportDocument.Cell]] = table.rows.indices.map { r in
                (0..<width).map { c in
                    if table.isCovered(r, c) { return .empty }
                    let text = table.rows[r][c].text
                    switch CellNumber.read(text, notation: notation) {
                    case .number(let n) where n.kind == .number: return .number(n.value)
                    case .blank where text.isEmpty: return .empty
                    default: return .text(text)
                    }
                }
            }
            return ReportDocument.Section(name: "Tabel \(table.number)", blocks: [
                .table(ReportDocument.Table(columns: columns, rows: rows, caption: "Tabel \(table.number)" + (table.caption.map { ": \($0)" } ?? ""))),
            ])
        }
        return ReportDocument(locale: notation == .english ? .en : .nl, title: base, sections: sections)
    }
}
