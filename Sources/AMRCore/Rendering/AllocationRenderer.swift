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
        let label = report.contextLabel ?? (report.id == nil ? "file" : "plan")
        out += label + String(repeating: " ", count: max(1, 9 - label.count)) + report.context + "\n"
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
        if let source = report.source { out += "\n" + source + "\n" }
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
        if let statedTotal = report.statedWeightTotal, let total = report.weightTotal, statedTotal.scaled(to: max(statedTotal.scale, total.scale)) != total.scaled(to: max(statedTotal.scale, total.scale)) {
            notes.append("The table states \(locale.format(statedTotal)) \(report.weightName) in all; the rows add up to \(locale.format(total)).")
        }
        notes += report.notes
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
        if let source = report.source { out += "\n" + Self.markdownEscaped(source) + "\n" }
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
        // The credit as a last line of one field, as CBS's own exports end (a weights reader skips it).
        for source in Set(reports.compactMap(\.source)).sorted() { writer.append([.text(source)]) }
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
        if let source = report.source { object["source"] = .string(source) }
        if !report.notes.isEmpty { object["notes"] = .array(report.notes.map(JSONOutput.string)) }
        if let total = report.weightTotal { object["weightTotal"] = .string(total.description) }
        if let total = report.statedWeightTotal { object["statedWeightTotal"] = .string(total.description) }
        if let stated = report.statedAmount { object["statedAmount"] = .string(decimal(stated, report).description) }
        if let sum = report.statedSum { object["statedSum"] = .string(decimal(sum, report).description) }
        if let d = report.sumDifference { object["sumDifference"] = .string(decimal(d, report).description) }
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
