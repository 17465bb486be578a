/// How the numbers of one table with columns add up: each row over its count columns against
/// its row total, each column over its rows against the stated total row, and every "of whom"
/// part against its whole.
///
/// One wrong number breaks a row and a column at once (or a sum and a percentage); the analysis
/// finds that number and reports it once, where it is, instead of a finding at each total. A sum
/// that disagrees with its total is otherwise reported at the total, and the total then has two
/// readings, as stated and as computed, like a budget's subtotal: the other rules (percentages,
/// numbers stated twice) accept a value that matches either.
struct TableAnalysis {
    /// A data row, or the stated total row.
    enum RowRef: Hashable, Sendable {
        case row(Int)
        case total
    }

    struct CellRef: Hashable, Sendable {
        var row: RowRef
        var column: String
    }

    static let rowRule = "table-row-total"
    static let columnRule = "table-column-total"

    /// Everything found, each with the rule that reports it.
    private(set) var findings: [Finding] = []
    /// The value the sums imply for a cell that disagrees with them.
    private(set) var implied: [CellRef: ExactDecimal] = [:]

    /// A line (row or column) whose sum disagrees with its stated total.
    private struct Gap {
        var sum: ExactDecimal
        var stated: ExactDecimal
        /// `sum − stated`.
        var delta: ExactDecimal
    }

    init(_ table: CountTable, context: CheckContext) {
        guard table.form == .columns else { return }
        let names = TableNames(table: table, plan: context.plan, words: context.words)
        let addends = table.addendColumns.map(\.id)
        let totalColumn = table.totalColumn?.id
        let refs: [RowRef] = table.rows.indices.map { RowRef.row($0) } + (table.hasTotalRow ? [.total] : [])
        func cell(_ ref: RowRef, _ column: String) -> CountTable.Cell? { table.cell(ref, column) }
        func location(_ ref: RowRef, _ column: String) -> SourceLocation {
            context.loaded.location(of: cell(ref, column)?.pointer ?? table.pointer)
        }
        func number(_ value: ExactDecimal) -> String { context.number(value) }
        let words = context.words

        // Rows over their count columns, against the row total.
        var rowGaps: [(ref: RowRef, gap: Gap)] = []
        if let totalColumn {
            for ref in refs {
                guard let total = cell(ref, totalColumn) else { continue }
                let parts = addends.compactMap { cell(ref, $0)?.value }
                guard !parts.isEmpty, let sum = ExactDecimal.sum(parts), let delta = sum.minus(total.value), !delta.isZero,
                      !table.withinRounding(delta, parts: parts.count) else { continue }
                rowGaps.append((ref, Gap(sum: sum, stated: total.value, delta: delta)))
            }
        }
        // Columns over their rows, against the total row.
        var columnGaps: [(column: String, gap: Gap)] = []
        for column in table.columns where !column.isPercentage {
            guard let total = table.totals[column.id] else { continue }
            let parts = table.rows.filter { !$0.national }.compactMap { $0.cells[column.id]?.value }
            guard !parts.isEmpty, let sum = ExactDecimal.sum(parts), let delta = sum.minus(total.value), !delta.isZero,
                  !table.withinRounding(delta, parts: parts.count) else { continue }
            columnGaps.append((column.id, Gap(sum: sum, stated: total.value, delta: delta)))
        }

        // A cell wrong by e moves its row's gap by ±e (+ as an addend, − as the row total) and its
        // column's by ±e (+ in a data row, − in the total row). A row and a column whose gaps fit
        // one cell, and fit no other, point at that cell.
        var candidates: [(ref: RowRef, column: String, error: ExactDecimal)] = []
        for (ref, rowGap) in rowGaps {
            for (column, columnGap) in columnGaps where cell(ref, column) != nil {
                let rowSign = column == totalColumn ? -1 : (addends.contains(column) ? 1 : 0)
                guard rowSign != 0 else { continue }
                let columnSign = ref == .total ? -1 : 1
                // In a rounded table the two may differ by the rounding of the other numbers.
                guard let fromRow = rowGap.delta.times(rowSign), let fromColumn = columnGap.delta.times(columnSign),
                      fromRow.isEqual(to: fromColumn)
                      || fromRow.minus(fromColumn).map({ table.withinRounding($0, parts: addends.count + table.rows.count) }) == true else { continue }
                candidates.append((ref, column, fromRow))
            }
        }
        var pairedRows: Set<RowRef> = [], pairedColumns: Set<String> = []
        for candidate in candidates
        where candidates.filter({ $0.ref == candidate.ref }).count == 1 && candidates.filter({ $0.column == candidate.column }).count == 1 {
            guard let stated = cell(candidate.ref, candidate.column)?.value, let right = stated.minus(candidate.error),
                  let rowGap = rowGaps.first(where: { $0.ref == candidate.ref })?.gap,
                  let columnGap = columnGaps.first(where: { $0.column == candidate.column })?.gap else { continue }
            pairedRows.insert(candidate.ref)
            pairedColumns.insert(candidate.column)
            implied[CellRef(row: candidate.ref, column: candidate.column)] = right
            switch (candidate.ref, candidate.column == totalColumn) {
            case (.row, false):
                // An inner number: its row and its column both say what it should be (in a
                // rounded table each says it within the rounding, so each is named with its own).
                let columnTitle = names.column(candidate.column)
                let byColumn = stated.minus(columnGap.delta) ?? right
                findings.append(Finding(
                    rule: Self.rowRule, severity: .error, location: location(candidate.ref, candidate.column),
                    message: words.innerNumber(names.cell(candidate.ref, candidate.column), number(stated), number(rowGap.stated), number(columnGap.stated),
                                               number(right), number(byColumn)),
                    hint: words.innerNumberHint(number(right)),
                    stated: stated.description, expected: right.description,
                    related: [Finding.Related(location: location(candidate.ref, totalColumn ?? ""), message: words.rowTotalOf(names.row(candidate.ref), number(rowGap.stated))),
                              Finding.Related(location: location(.total, candidate.column), message: words.columnTotalOf(columnTitle, number(columnGap.stated)))]))
            case (.row, true):
                findings.append(rowFinding(candidate.ref, rowGap, table: table, names: names, context: context))
            case (.total, _):
                findings.append(columnFinding(candidate.column, columnGap, table: table, names: names, context: context))
            }
        }

        // A sum that is off where a percentage of one of its numbers (its count, or its base in
        // the same row) is off by as much: that number.
        func explained(_ ref: RowRef, _ column: String, corrected: ExactDecimal) -> (column: CountTable.Column, cell: CountTable.Cell)? {
            guard let stated = cell(ref, column)?.value else { return nil }
            for percentColumn in table.columns {
                guard case .percentage(let spec) = percentColumn.kind, let percent = cell(ref, percentColumn.id) else { continue }
                let decimals = spec.decimals ?? percent.value.scale
                func fits(count: ExactDecimal, base: ExactDecimal) -> Bool {
                    PercentageCheck(count: count, base: base, decimals: decimals, rounding: spec.rounding)?.accepts(percent.value) ?? false
                }
                if spec.count == column,
                   case .value(let base, _, _) = TablePercentageRule.base(of: ref, spec: spec, column: percentColumn, table: table, context: context),
                   !fits(count: stated, base: base), fits(count: corrected, base: base) {
                    return (percentColumn, percent)
                }
                if spec.base == .column(column), let count = cell(ref, spec.count)?.value,
                   !fits(count: count, base: stated), fits(count: count, base: corrected) {
                    return (percentColumn, percent)
                }
            }
            return nil
        }
        func percentageFinding(_ ref: RowRef, _ column: String, right: ExactDecimal, rule: String, total: (row: Bool, value: ExactDecimal, location: SourceLocation),
                               percent: (column: CountTable.Column, cell: CountTable.Cell)) -> Finding {
            let stated = cell(ref, column)?.value ?? right
            let columnTitle = names.column(column)
            return Finding(
                rule: rule, severity: .error, location: location(ref, column),
                message: words.innerByPercentage(names.cell(ref, column), number(stated), total.row, number(total.value), percent.column.title,
                                                 number(percent.cell.value), number(right)),
                hint: words.innerByPercentageHint(number(right)),
                stated: stated.description, expected: right.description,
                related: [Finding.Related(location: total.location, message: total.row ? words.rowTotalOf(names.row(ref), number(total.value))
                                                                                       : words.columnTotalBeside(columnTitle, number(total.value))),
                          Finding.Related(location: context.loaded.location(of: percent.cell.pointer),
                                          message: words.percentOfRow(percent.column.title, names.row(ref), number(percent.cell.value)))])
        }

        for (ref, gap) in rowGaps where !pairedRows.contains(ref) {
            let suspects = addends.compactMap { column -> (String, ExactDecimal, (column: CountTable.Column, cell: CountTable.Cell))? in
                guard let stated = cell(ref, column)?.value, let right = stated.minus(gap.delta),
                      let percent = explained(ref, column, corrected: right) else { return nil }
                return (column, right, percent)
            }
            if case .row = ref, suspects.count == 1, let (column, right, percent) = suspects.first, let totalColumn {
                implied[CellRef(row: ref, column: column)] = right
                findings.append(percentageFinding(ref, column, right: right, rule: Self.rowRule,
                                                  total: (true, gap.stated, location(ref, totalColumn)), percent: percent))
                continue
            }
            if let totalColumn { implied[CellRef(row: ref, column: totalColumn)] = gap.sum }
            findings.append(rowFinding(ref, gap, table: table, names: names, context: context))
        }
        for (column, gap) in columnGaps where !pairedColumns.contains(column) {
            let suspects = table.rows.indices.filter { !table.rows[$0].national }.compactMap { index -> (RowRef, ExactDecimal, (column: CountTable.Column, cell: CountTable.Cell))? in
                let ref = RowRef.row(index)
                guard let stated = cell(ref, column)?.value, let right = stated.minus(gap.delta),
                      let percent = explained(ref, column, corrected: right) else { return nil }
                return (ref, right, percent)
            }
            if suspects.count == 1, let (ref, right, percent) = suspects.first {
                implied[CellRef(row: ref, column: column)] = right
                findings.append(percentageFinding(ref, column, right: right, rule: Self.columnRule,
                                                  total: (false, gap.stated, location(.total, column)), percent: percent))
                continue
            }
            implied[CellRef(row: .total, column: column)] = gap.sum
            findings.append(columnFinding(column, gap, table: table, names: names, context: context))
        }

        // An "of whom" part is never more than its whole.
        for column in table.columns {
            guard let whole = column.wholeColumn else { continue }
            for ref in refs {
                guard let part = cell(ref, column.id)?.value, let wholeValue = cell(ref, whole)?.value,
                      Fraction(part) > Fraction(wholeValue) else { continue }
                findings.append(Finding(
                    rule: Self.rowRule, severity: .error, location: location(ref, column.id),
                    message: words.ofWhom(words.cell(column.title, names.row(ref), table.title), number(part), names.column(whole), number(wholeValue)),
                    hint: words.ofWhomHint,
                    stated: part.description, expected: nil,
                    related: [Finding.Related(location: location(ref, whole), message: words.wholeOf(names.column(whole), number(wholeValue)))]))
            }
        }
    }

    private func rowFinding(_ ref: RowRef, _ gap: Gap, table: CountTable, names: TableNames, context: CheckContext) -> Finding {
        let pointer = table.totalColumn.flatMap { table.cell(ref, $0.id)?.pointer } ?? table.pointer
        let words = context.words
        let message = ref == .total
            ? words.columnTotals(table.title, context.number(gap.sum), context.number(gap.stated))
            : words.rowColumns(names.row(ref), table.title, context.number(gap.sum), context.number(gap.stated))
        return Finding(rule: Self.rowRule, severity: .error, location: context.loaded.location(of: pointer), message: message,
                       hint: ref == .total ? words.columnTotalsHint : words.rowColumnsHint,
                       stated: gap.stated.description, expected: gap.sum.description)
    }

    private func columnFinding(_ column: String, _ gap: Gap, table: CountTable, names: TableNames, context: CheckContext) -> Finding {
        Finding(rule: Self.columnRule, severity: .error, location: context.loaded.location(of: table.totals[column]?.pointer ?? table.pointer),
                message: context.words.columnRows(names.column(column), table.title, context.number(gap.sum), context.number(gap.stated)),
                hint: context.words.rowsHint, stated: gap.stated.description, expected: gap.sum.description)
    }

    /// The readings of a cell: as stated, and as its sums imply where they disagree.
    func readings(_ cell: CountTable.Cell, at ref: CellRef) -> [ExactDecimal] {
        [cell.value] + (implied[ref].map { [$0] } ?? [])
    }
}

extension CountTable {
    /// Whether a sum of `parts` numbers that is off its stated total by `delta` is explained by
    /// the table's rounding: each number, the total too, may be off by half a unit, so the sum
    /// by (parts + 1) half units. A dropped digit is far more.
    func withinRounding(_ delta: ExactDecimal, parts: Int) -> Bool {
        guard let unit = roundedTo, let gap = Fraction(delta).distance(to: Fraction(0)),
              let allowed = Fraction(unit).multiplied(by: Fraction(Int128(parts + 1), 2)) else { return false }
        return gap <= allowed
    }

    /// The cell of a data row or of the total row.
    func cell(_ ref: TableAnalysis.RowRef, _ column: String) -> Cell? {
        switch ref {
        case .total: return totals[column]
        case .row(let index): return rows.indices.contains(index) ? rows[index].cells[column] : nil
        }
    }
}

extension ExactDecimal {
    /// `self − other`, exactly; nil when it does not fit.
    func minus(_ other: ExactDecimal) -> ExactDecimal? {
        guard other.significand != .min else { return nil }
        return ExactDecimal.sum([self, ExactDecimal(significand: -other.significand, scale: other.scale)])
    }

    /// `self × sign` for a sign of 1 or −1.
    func times(_ sign: Int) -> ExactDecimal? {
        if sign >= 0 { return self }
        guard significand != .min else { return nil }
        return ExactDecimal(significand: -significand, scale: scale)
    }
}
