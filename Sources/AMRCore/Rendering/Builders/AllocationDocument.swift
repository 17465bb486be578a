/// The allocation report as a document for a council letter: what was split and how, the table
/// of shares (with the stated split and the differences where the plan states one), and what the
/// differences mean. One document per allocation.
public enum AllocationDocument {
    public static func build(_ report: AllocationReport, locale: NumberLocale) -> ReportDocument {
        let w = Wording.of(locale)
        let decimals = report.unit.decimals
        func money(_ amount: Money) -> String { locale.format(amount, decimals: decimals) }
        let unit = money(Money(cents: report.unit.cents))

        var facts: [ReportDocument.Fact] = []
        var title = report.title
        // The file, and for a workbook the sheet read, so no one wonders which figures were used.
        let context = report.context + (report.sheet.map { ", " + w.sheetNamed($0) } ?? "")
        if let cbs = report.cbs, let region = cbs.region {
            if cbs.unnamedSet {
                // "3 gemeenten op 1 januari 2019": the set has no name but its size.
                let count = w.municipalitiesCount(cbs.municipalities)
                facts.append(.init(w.regionLabel, w.measureOn(count, w.date(cbs.source.date))))
                title = w.regionTitle(count, cbs.year)
            } else {
                facts.append(.init(w.regionLabel, w.regionContext(region, cbs.municipalities, w.date(cbs.source.date))))
                if cbs.differences == nil { title = w.regionTitle(region, cbs.year) } else { facts.append(.init(w.fileLabel, context)) }
            }
        } else {
            facts.append(.init(report.id == nil ? w.fileLabel : w.planLabel, context))
        }
        var amount = money(report.total)
        if let basis = report.basis {
            // The budget by its title as published, or by its id when it has none.
            let budget = basis.budgetTitle.map { "\($0) (\(basis.budget))" } ?? w.budgetNamed(basis.budget)
            amount += " " + w.basis(budget, money(basis.budgetTotal), basis.carryOver.map(money))
        }
        facts.append(.init(w.amountLabel, amount))
        let key = keyText(report.key, w, locale)
        facts.append(.init(w.keyLabel, key))
        if !report.keySources.isEmpty {
            // A source written as a credit ("Bron: CBS, …") is shown without its own label.
            let sources = report.keySources.map { $0.hasPrefix("Bron: ") ? String($0.dropFirst(6)) : $0 }
            facts.append(.init(w.sourceLabel, sources.joined(separator: "; ")))
        }
        facts.append(.init(w.methodLabel, "\(w.method(report.method)), \(w.roundedTo(unit))"))
        if let statedIn = report.statedIn { facts.append(.init(w.statedInLabel, statedIn)) }

        let stated = report.hasStatedShares
        // CBS's figures are inhabitants in the reader's language; a plan's or file's own heading otherwise.
        let weightHeading = report.cbs != nil && report.cbs?.differences == nil ? w.inhabitantsHeading : report.weightName
        var columns: [ReportDocument.Table.Column] = [
            // A plan's or CBS's municipalities in the reader's words; a file's rows under its own heading.
            .init(report.id != nil || (report.cbs != nil && report.cbs?.differences == nil) ? w.municipality : report.nameHeading),
            .init(weightHeading, alignment: .right, summable: true),
            .init("% " + weightHeading, alignment: .right),
            .init(w.exactShare, alignment: .right, summable: true),
        ]
        if stated {
            columns += [.init(w.stated, alignment: .right, summable: true), .init(w.statedMinusExact, alignment: .right, summable: true)]
        }
        var table = ReportDocument.Table(columns: columns)
        for row in report.rows {
            var cells: [ReportDocument.Cell] = [
                .text(row.name),
                row.weight.map(ReportDocument.Cell.number) ?? .number(ExactDecimal(significand: Int64(clamping: row.integerWeight))),
                report.sharePercent(row).map(ReportDocument.Cell.percent) ?? .empty,
                .money(row.amount, decimals: decimals),
            ]
            if stated {
                cells.append(row.stated.map { .money($0, decimals: decimals) } ?? .empty)
                cells.append(row.difference.map { .difference($0, decimals: decimals) } ?? .empty)
            }
            table.rows.append(cells)
        }
        var total: [ReportDocument.Cell] = [
            .strong(w.total),
            report.weightTotal.map(ReportDocument.Cell.number) ?? .empty,
            .percent(ExactDecimal(significand: 100)),
            .money(report.total, decimals: decimals),
        ]
        if stated {
            total.append(report.statedSum.map { .money($0, decimals: decimals) } ?? .empty)
            total.append(report.sumDifference.map { .difference($0, decimals: decimals) } ?? .empty)
        }
        table.total = total

        var blocks: [ReportDocument.Block] = [.table(table)]
        blocks += notes(report, w, locale).map(ReportDocument.Block.paragraph)
        blocks.append(.footnote(w.explanation(report.method, key, unit, money(report.total))))
        return ReportDocument(locale: locale, title: title, reference: report.id, facts: facts,
                              sections: [ReportDocument.Section(name: report.id ?? w.splitSheet, blocks: blocks)],
                              credits: report.cbs.map { [w.cbsCredit($0.source, w.date($0.source.date))] } ?? [])
    }

    static func keyText(_ key: AllocationReport.Key, _ w: Wording, _ locale: NumberLocale) -> String {
        switch key {
        case .measure(let name, let date): date.map { w.measureOn(name, w.date($0)) } ?? name
        case .equal: w.equalShares
        case .stated: w.statedWeights
        case .mix(let parts): parts.map { part in "\(locale.format(part.percent))% " + (part.date.map { w.measureOn(part.measure, w.date($0)) } ?? part.measure) }.joined(separator: " + ")
        case .file(let column, let file): w.fromFile(column, file)
        case .cbsInhabitants(let date, let table): w.measureOn(w.inhabitantsHeading, w.date(date)) + " (CBS \(table))"
        }
    }

    /// Sentences under the table: whether the stated split holds, and where it does not.
    static func notes(_ report: AllocationReport, _ w: Wording, _ locale: NumberLocale) -> [String] {
        let decimals = report.unit.decimals
        func money(_ amount: Money) -> String { locale.format(amount, decimals: decimals) }
        func magnitude(_ amount: Money) -> Money { Money(cents: Int64(clamping: amount.cents.magnitude)) }
        var notes: [String] = []
        if let basis = report.basis, let stated = report.statedAmount, basis.amount != stated {
            notes.append(w.planStatesOtherAmount(money(stated), basis.budget, money(basis.amount)))
        }
        if report.totalRow == nil, let statedTotal = report.statedWeightTotal, let total = report.weightTotal, !statedTotal.isEqual(to: total) {
            notes.append(w.weightTotalDiffers(locale.format(statedTotal), report.weightName, locale.format(total)))
        }
        let totalRows = (report.subtotalRows + (report.totalRow.map { [$0] } ?? [])).sorted { $0.line < $1.line }
        notes += totalRows.map { totalRowNote($0, report, w, locale) }
        notes += report.shareColumns.compactMap { shareColumnNote($0, rows: report.rows.count, w, locale) }
        if let cbs = report.cbs {
            let date = w.date(cbs.source.date)
            if let differences = cbs.differences {
                notes.append(differences.isEmpty ? w.cbsWeightsEqual(date, cbs.municipalities)
                             : w.cbsWeightsDiffer(date, differences.count, cbs.municipalities, differences.map {
                                 "\($0.name) \(locale.format($0.weight)) (CBS \(locale.format($0.cbs)))"
                             }))
            }
            if let note = cbs.membershipNote(MembershipWording.of(locale)) { notes.append(note) }
        }
        guard report.hasStatedShares else { return notes }
        let differing = report.differingRows
        if differing.isEmpty {
            notes.append(w.splitMatches)
        } else {
            let details = differing.map { row -> String in
                let d = row.difference ?? .zero
                return w.rowOff(row.name, money(magnitude(d)), d.cents < 0)
            }
            notes.append(w.splitDiffers(differing.count, details))
        }
        if let sum = report.statedSum, let d = report.sumDifference, d.cents != 0 {
            notes.append(w.statedSumOff(money(sum), money(magnitude(d)), d.cents < 0, money(report.total)))
        } else if report.statedSum != nil {
            notes.append(w.statedSumExact(money(report.total)))
        }
        return notes
    }

    /// Whether a total or subtotal row of the weights table adds up.
    static func totalRowNote(_ row: TotalRow, _ report: AllocationReport, _ w: Wording, _ locale: NumberLocale) -> String {
        let place = w.totalRowPlace(row.line, row.location.sheet, row.label)
        let rows = w.rowsSpan(row.rowCount, row.firstLine, row.lastLine, row.location.sheet != nil)
        guard let stated = row.stated else { return w.totalRowEmpty(place, row.isSubtotal) }
        let value = "\(locale.format(stated)) \(report.weightName)"
        if row.recognisedBy == .sum { return w.totalRowBySum(place, value, rows) }
        if row.matches { return w.totalRowMatches(place, row.isSubtotal, value, rows) }
        var gap: String?
        var more = false
        if let difference = ExactDecimal.difference(stated, row.sum), difference.significand != .min {
            gap = locale.format(ExactDecimal(significand: difference.significand < 0 ? -difference.significand : difference.significand,
                                             scale: difference.scale))
            more = difference.significand < 0
        }
        var note = w.totalRowDiffers(place, row.isSubtotal, value, rows, locale.format(row.sum), gap, more)
        if let explanation = row.explanation { note += w.totalRowExplanation(explanation.name, explanation.line) }
        return note
    }

    /// What a share column beside the weights says about the split; nil for a column that was
    /// not compared (the CLI warns about those on stderr).
    static func shareColumnNote(_ check: ShareColumnCheck, rows total: Int, _ w: Wording, _ locale: NumberLocale) -> String? {
        guard check.notCompared == nil else { return nil }
        if check.kind == .amount { return w.shareColumnIsStatedSplit(check.header) }
        let percentages = check.kind == .percentage
        if check.differences.isEmpty {
            return w.shareColumnAgrees(check.header, percentages, check.compared, check.compared == total)
        }
        let unit = percentages ? "%" : ""
        return w.shareColumnDiffers(check.header, percentages, check.differences.map {
            w.shareDifference($0.name, locale.format($0.stated) + unit, locale.format($0.exact) + unit)
        })
    }
}
