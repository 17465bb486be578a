/// Formats allocation reports as a terminal table, Markdown, CSV or JSON. Numbers come from the
/// report; nothing is computed here but the layout.
public struct AllocationRenderer {
    public var locale: NumberLocale

    public init(locale: NumberLocale) { self.locale = locale }

    /// The reports in `format`: `table`, `markdown` and `html` from the report document, `csv`
    /// and `json` as their own stable contracts.
    public func render(_ reports: [AllocationReport], as format: OutputFormat) -> String {
        switch format {
        case .json:
            if reports.count == 1, let report = reports.first { return json(report).text }
            return JSONOutput.object(["allocations": .array(reports.map(json))]).text
        case .csv: return csv(reports)
        case .markdown: return MarkdownWriter().write(documents(reports))
        case .html: return HTMLWriter().write(documents(reports))
        default: return TextWriter().write(documents(reports))
        }
    }

    /// One document per report, in the locale's language.
    public func documents(_ reports: [AllocationReport]) -> [ReportDocument] {
        reports.map { AllocationDocument.build($0, locale: locale) }
    }

    // MARK: - CSV

    func csv(_ reports: [AllocationReport]) -> String {
        var writer = CSVWriter(locale: locale)
        let several = reports.count > 1
        let stated = reports.contains { $0.hasStatedShares }
        let codes = reports.contains { $0.rows.contains { $0.code != nil } }
        var header: [CSVWriter.Cell] = several ? [.text("allocation")] : []
        header.append(.text("name"))
        if codes { header.append(.text("code")) }
        header += [.text(reports.count == 1 ? reports[0].weightName : "weight"), .text("amount")]
        if stated { header += [.text("stated"), .text("difference")] }
        writer.append(header)
        for report in reports {
            for row in report.rows {
                var cells: [CSVWriter.Cell] = several ? [.text(report.id ?? "")] : []
                cells.append(.text(row.name))
                if codes { cells.append(row.code.map { .text($0.rawValue) } ?? .empty) }
                cells.append(row.weight.map(CSVWriter.Cell.number) ?? .text(String(row.integerWeight)))
                cells.append(.number(decimal(row.amount, report)))
                if stated {
                    cells.append(row.stated.map { .number(decimal($0, report)) } ?? .empty)
                    cells.append(row.difference.map { .number(decimal($0, report)) } ?? .empty)
                }
                writer.append(cells)
            }
        }
        // The credit as a last line of one field, as CBS's own exports end (a weights reader skips it).
        for credit in Set(reports.compactMap { $0.cbs?.source.credit }).sorted() { writer.append([.text(credit)]) }
        for note in reports.flatMap({ $0.cbs?.englishNotes ?? [] }) { writer.append([.text(note)]) }
        return writer.text
    }

    // MARK: - JSON

    func json(_ report: AllocationReport) -> JSONOutput {
        var object: [String: JSONOutput] = [
            "title": .string(report.title),
            "context": .string(report.context),
            "total": .string(decimal(report.total, report).description),
            "unit": .string(report.unit.description),
            "method": .string(report.method.rawValue),
            "key": .string(report.keyDescription),
            "weightName": .string(report.weightName),
            "matchesStated": .bool(report.matchesStated),
        ]
        if let id = report.id { object["id"] = .string(id) }
        if let sheet = report.sheet { object["sheet"] = .string(sheet) }
        if let cbs = report.cbs {
            object["source"] = .string(cbs.source.credit)
            if !cbs.englishNotes.isEmpty { object["notes"] = .array(cbs.englishNotes.map(JSONOutput.string)) }
        }
        if let total = report.weightTotal { object["weightTotal"] = .string(total.description) }
        if let total = report.statedWeightTotal { object["statedWeightTotal"] = .string(total.description) }
        if let stated = report.statedAmount { object["statedAmount"] = .string(decimal(stated, report).description) }
        if let sum = report.statedSum { object["statedSum"] = .string(decimal(sum, report).description) }
        if let d = report.sumDifference { object["sumDifference"] = .string(decimal(d, report).description) }
        if let row = report.totalRow { object["totalRow"] = json(row) }
        if !report.subtotalRows.isEmpty { object["subtotalRows"] = .array(report.subtotalRows.map(json)) }
        if !report.shareColumns.isEmpty {
            object["shareColumns"] = .array(report.shareColumns.map { check in
                var c: [String: JSONOutput] = ["header": .string(check.header), "compared": .number(String(check.compared)),
                                               "matches": .bool(check.matches)]
                if let kind = check.kind { c["kind"] = .string(kind.rawValue) }
                if check.isStatedSplit { c["statedSplit"] = .bool(true) }
                if let why = check.notCompared { c["notCompared"] = .string(why) }
                if !check.differences.isEmpty {
                    c["differences"] = .array(check.differences.map { d in
                        .object(["name": .string(d.name), "line": .number(String(d.location.line)),
                                 "stated": .string(d.stated.description), "exact": .string(d.exact.description)])
                    })
                }
                return .object(c)
            })
        }
        if let basis = report.basis {
            var b: [String: JSONOutput] = [
                "budget": .string(basis.budget),
                "budgetTotal": .string(decimal(basis.budgetTotal, report).description),
                "amount": .string(decimal(basis.amount, report).description),
            ]
            if let carry = basis.carryOver { b["carryOver"] = .string(decimal(carry, report).description) }
            object["basis"] = .object(b)
        }
        object["shares"] = .array(report.rows.map { row in
            var share: [String: JSONOutput] = [
                "name": .string(row.name),
                "weight": .string(row.weight?.description ?? String(row.integerWeight)),
                "amount": .string(decimal(row.amount, report).description),
            ]
            if let code = row.code { share["code"] = .string(code.rawValue) }
            if let stated = row.stated { share["stated"] = .string(decimal(stated, report).description) }
            if let d = row.difference { share["difference"] = .string(decimal(d, report).description) }
            return .object(share)
        })
        return .object(object)
    }

    /// A total or subtotal row: `{ "line": 7, "label": "Totaal", "stated": "802209", "sum": "802209", … }`.
    func json(_ row: TotalRow) -> JSONOutput {
        var object: [String: JSONOutput] = [
            "line": .number(String(row.line)),
            "label": .string(row.label),
            "sum": .string(row.sum.description),
            "rows": .number(String(row.rowCount)),
            "firstLine": .number(String(row.firstLine)),
            "lastLine": .number(String(row.lastLine)),
            "recognisedBy": .string(row.recognisedBy.rawValue),
            "matches": .bool(row.matches),
        ]
        if let stated = row.stated { object["stated"] = .string(stated.description) }
        if let sheet = row.location.sheet { object["sheet"] = .string(sheet) }
        if let explanation = row.explanation {
            object["explanation"] = .object(["name": .string(explanation.name), "line": .number(String(explanation.line)),
                                             "weight": .string(explanation.weight.description)])
        }
        return .object(object)
    }

    // MARK: - Numbers

    /// An amount with the unit's decimals (more only where a stated amount has them).
    func decimal(_ money: Money, _ report: AllocationReport) -> ExactDecimal {
        NumberLocale.decimal(money, decimals: report.unit.decimals)
    }
}
