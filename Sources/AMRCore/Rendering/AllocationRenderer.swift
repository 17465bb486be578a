/// Formats allocation reports as a terminal table, Markdown, CSV or JSON. Numbers come from the
/// report; nothing is computed here but the layout.
public struct AllocationRenderer {
    public var locale: NumberLocale

    public init(locale: NumberLocale) { self.locale = locale }

    /// The reports in `format` (`table`, `markdown`, `csv` or `json`).
    public func render(_ reports: [AllocationReport], as format: OutputFormat) -> String {
        switch format {
        case .json:
            if reports.count == 1, let report = reports.first { return json(report).text }
            return JSONOutput.object(["allocations": .array(reports.map(json))]).text
        case .csv:
            return csv(reports)
        case .markdown:
            return reports.map(markdown).joined(separator: "\n")
        default:
            return reports.map(table).joined(separator: "\n")
        }
    }

    // MARK: - Table

    func table(_ report: AllocationReport) -> String {
        var out = report.title + (report.id.map { "  [\($0)]" } ?? "") + "\n"
        out += (report.id == nil ? "file     " : "plan     ") + report.context + "\n"
        out += "amount   \(amountLine(report))\n"
        out += "key      \(report.keyDescription)\n"
        out += "method   \(report.method.displayName), rounded to \(money(Money(cents: report.unit.cents), report))\n\n"
        let stated = report.hasStatedShares
        var headers = [report.nameHeading, report.weightName, "exact share"]
        if stated { headers += ["stated", "stated − exact"] }
        var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
        for row in report.rows {
            var cells = [row.name, weight(row), money(row.amount, report)]
            if stated { cells += [row.stated.map { money($0, report) } ?? "", difference(row.difference, report)] }
            table.append(cells)
        }
        var totalCells = ["total", report.weightTotal.map { locale.format($0) } ?? "", money(report.total, report)]
        if stated {
            totalCells += [report.statedSum.map { money($0, report) } ?? "", difference(report.sumDifference, report)]
        }
        table.append(totalCells, ruleBefore: true)
        out += table.render()
        let notes = self.notes(report)
        if !notes.isEmpty { out += "\n" + notes.map { $0 + "\n" }.joined() }
        return out
    }

    func amountLine(_ report: AllocationReport) -> String {
        var line = money(report.total, report)
        if let basis = report.basis {
            line += " = budget \(basis.budget) \(money(basis.budgetTotal, report))"
            if let carry = basis.carryOver { line += " − carry-over \(money(carry, report))" }
        }
        return line
    }

    /// Sentences under the table saying whether the stated split holds and where it does not.
    func notes(_ report: AllocationReport) -> [String] {
        var notes: [String] = []
        if let basis = report.basis, let stated = report.statedAmount, basis.amount != stated {
            notes.append("The plan states \(money(stated, report)) to split, but budget \(basis.budget) gives \(money(basis.amount, report)); the stated amount was split.")
        }
        if report.totalRow == nil, let statedTotal = report.statedWeightTotal, let total = report.weightTotal, ExactDecimal.compare(statedTotal, total) != 0 {
            notes.append("The table states \(locale.format(statedTotal)) \(report.weightName) in all; the rows add up to \(locale.format(total)).")
        }
        let totalRows = (report.subtotalRows + (report.totalRow.map { [$0] } ?? [])).sorted { $0.line < $1.line }
        notes += totalRows.map { totalRowNote($0, report) }
        notes += report.shareColumns.map { shareColumnNote($0, rows: report.rows.count) }
        guard report.hasStatedShares else { return notes }
        let differing = report.differingRows
        if differing.isEmpty {
            notes.append("The stated split matches the exact one.")
        } else {
            let rows = differing.map { row -> String in
                let d = row.difference ?? .zero
                let size = money(Money(cents: d.cents.magnitude > UInt64(Int64.max) ? Int64.max : Int64(d.cents.magnitude)), report)
                return "\(row.name) is stated \(size) too \(d.cents < 0 ? "low" : "high")"
            }
            let count = differing.count == 1 ? "1 row" : "\(differing.count) rows"
            notes.append("The stated split differs from the exact one in \(count): " + rows.joined(separator: "; ") + ".")
        }
        if let sum = report.statedSum, let d = report.sumDifference, d.cents != 0 {
            let size = Money(cents: d.cents < 0 ? 0 &- d.cents : d.cents)
            notes.append("The stated shares add up to \(money(sum, report)), \(money(size, report)) \(d.cents < 0 ? "short of" : "more than") \(money(report.total, report)).")
        } else if report.statedSum != nil {
            notes.append("The stated shares add up to \(money(report.total, report)).")
        }
        return notes
    }

    /// `Line 7 ("Totaal") is the table's total, not a party: …`, saying whether it adds up.
    func totalRowNote(_ row: TotalRow, _ report: AllocationReport) -> String {
        let place = (row.location.sheet.map { "Row \(row.line) of sheet \($0)" } ?? "Line \(row.line)")
            + (row.label.isEmpty ? "" : " (\"\(row.label)\")")
        let what = row.isSubtotal ? "a subtotal" : "the table's total"
        let rows = row.rowCount == 1 ? "the row on line \(row.firstLine)" : "the \(row.rowCount) rows on lines \(row.firstLine)–\(row.lastLine)"
        guard let stated = row.stated else {
            return "\(place) is \(what) without a value: not a party, and nothing to check."
        }
        let value = "\(locale.format(stated)) \(report.weightName)"
        if row.recognisedBy == .sum {
            return "\(place) is read as the table's total, not as a party, because its value, \(value), is exactly the sum of \(rows); if it is a party, add a row \"Totaal\" under it."
        }
        if row.matches {
            return "\(place) is \(what), not a party: \(value), the sum of \(rows)."
        }
        var note = "\(place) is \(what), not a party: it states \(value), but \(rows) add up to \(locale.format(row.sum))"
        if let gap = ExactDecimal.difference(stated, row.sum), gap.significand != .min {
            let size = ExactDecimal(significand: gap.significand < 0 ? -gap.significand : gap.significand, scale: gap.scale)
            note += ", \(locale.format(size)) \(gap.significand < 0 ? "more" : "less") than stated"
        }
        note += "."
        if let explanation = row.explanation {
            note += " The difference is the weight of \(explanation.name) on line \(explanation.line): if that row is a subtotal, label it \"Subtotaal \(explanation.name)\"."
        }
        return note
    }

    /// What a share column beside the weights says about the split.
    func shareColumnNote(_ check: ShareColumnCheck, rows total: Int) -> String {
        let column = "The column \"\(check.header)\""
        if let why = check.notCompared { return "\(column) is not compared with the split: \(why)." }
        switch check.kind {
        case .amount?:
            return "\(column) is read as the stated split."
        default:
            let unit = check.kind == .percentage ? "%" : ""
            let kind = check.kind == .percentage ? "percentages" : "fractions"
            if check.differences.isEmpty {
                let rows = check.compared == total ? (total == 1 ? "the 1 row" : "all \(total) rows")
                    : (check.compared == 1 ? "the 1 row that states one" : "the \(check.compared) rows that state one")
                return "\(column) (\(kind)) agrees with the exact shares in \(rows), at the precision stated."
            }
            let rows = check.differences.map { d in
                "\(d.name) states \(locale.format(d.stated))\(unit), the exact share is \(locale.format(d.exact))\(unit)"
            }
            let count = check.differences.count == 1 ? "1 row" : "\(check.differences.count) rows"
            return "\(column) (\(kind)) differs from the exact shares in \(count): " + rows.joined(separator: "; ") + "."
        }
    }

    // MARK: - Markdown

    func markdown(_ report: AllocationReport) -> String {
        var out = "### " + Self.markdownEscaped(report.title) + "\n\n"
        out += "\(Self.markdownEscaped(report.context)): \(amountLine(report)), by \(Self.markdownEscaped(report.keyDescription)); "
        out += "\(report.method.displayName), rounded to \(money(Money(cents: report.unit.cents), report)).\n\n"
        let stated = report.hasStatedShares
        var headers = [Self.markdownEscaped(report.nameHeading), Self.markdownEscaped(report.weightName), "exact share"]
        if stated { headers += ["stated", "stated − exact"] }
        out += "| " + headers.joined(separator: " | ") + " |\n"
        out += "|---|" + Array(repeating: "---:|", count: headers.count - 1).joined() + "\n"
        for row in report.rows {
            var cells = [Self.markdownEscaped(row.name), weight(row), money(row.amount, report)]
            if stated { cells += [row.stated.map { money($0, report) } ?? "", difference(row.difference, report)] }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        var total = ["**total**", report.weightTotal.map { "**\(locale.format($0))**" } ?? "", "**\(money(report.total, report))**"]
        if stated {
            total += [report.statedSum.map { "**\(money($0, report))**" } ?? "", difference(report.sumDifference, report)]
        }
        out += "| " + total.joined(separator: " | ") + " |\n"
        let notes = self.notes(report)
        if !notes.isEmpty { out += "\n" + notes.map { Self.markdownEscaped($0) }.joined(separator: " ") + "\n" }
        return out
    }

    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
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

    func money(_ amount: Money, _ report: AllocationReport) -> String {
        locale.format(amount, decimals: report.unit.decimals)
    }

    func difference(_ amount: Money?, _ report: AllocationReport) -> String {
        guard let amount, amount.cents != 0 else { return "" }
        return locale.formatSigned(amount, decimals: report.unit.decimals)
    }

    func weight(_ row: AllocationReport.Row) -> String {
        row.weight.map { locale.format($0) } ?? String(row.integerWeight)
    }
}
