/// Decides what a document table means, only where it is certain: which rows are the header,
/// which column holds the labels, which row is the total (by its label, or the region's name
/// confirmed by a column that adds up), which rows are subtotals of a group, which columns are
/// not summed (rates, averages, percentages, "waarvan" parts), which column is the row total (the
/// columns that explain the other rows), and what each percentage column is a percentage of (one
/// base and one rounding that explain the other rows). A table it cannot read this way gives
/// nothing, with the reason (`amr check --verbose`).
struct TableInterpreter {
    enum Slot: Hashable {
        case covered
        case blank
        case text(String)
        case number(CellNumber)

        var number: CellNumber? {
            if case .number(let n) = self { return n }
            return nil
        }

        var isText: Bool {
            if case .text = self { return true }
            return false
        }
    }

    /// Why a table gave nothing to check.
    enum Skip: Error, Hashable, Sendable {
        case noNumbers
        case noTotals
        case rowsAfterTotal
        case headingInTheMiddle
        case totalNotConfirmed
        case tooSmall
    }

    let table: DocumentTable
    let notation: CellNumber.Notation
    /// Region names a last row may carry as the total (`Haaglanden`), compared by `labelKey`.
    let regionNames: Set<String>

    static let referenceLabels: Set<String> = ["nederland", "landelijk", "landelijk gemiddelde", "nl", "the netherlands", "netherlands",
                                               "provincie", "gemiddelde nederland", "ter vergelijking", "referentie"]
    static let partWords = ["waarvan", "w.v.", "wv", "waaronder", "daarvan", "daaronder", "van wie", "van wie:", "of whom", "of which",
                            "including", "incl.", "inclusief", "hiervan", "w.o."]
    static let notSummedWords = ["gemiddeld", "gemiddelde", "gem.", "average", "mean", "mediaan", "median", "per ", "ratio", "index",
                                 "score", "tarief", "rate", "duur", "procent", "percentage", "aandeel", "share", "%", "minimum",
                                 "maximum", "max.", "min.", "cijfer", "norm", "prijs", "price", "uurtarief", "fte per", "verhouding",
                                 "cumulatief", "cumulative", "saldo", "balance", "groei", "growth", "verschil", "difference", "mutatie",
                                 "nummer", "nr.", "code", "jaar", "year", "postcode"]

    /// The plan tables this document table gives, or why none.
    func interpret() -> Result<[ExtractedTable], Skip> {
        var layout: TableLayout?
        return interpret(layout: &layout)
    }

    /// The plan tables, and the table's rows and columns as amr understood them (nil when it
    /// could not tell what the table means), for percentages whose base is in another table.
    func interpret(layout: inout TableLayout?) -> Result<[ExtractedTable], Skip> {
        layout = nil
        let grid = slots()
        let height = grid.count
        guard height >= 2, table.width >= 2 else { return .failure(.tooSmall) }

        // Footer rows (sources, notes) under the numbers.
        var last = height - 1
        while last >= 0, !grid[last].contains(where: { $0.number != nil }) { last -= 1 }
        guard last >= 1 else { return .failure(.noNumbers) }

        // The body: up from the last row with numbers while each row fits the columns below it
        // (no text where the rows below have numbers).
        var numericBelow = Set<Int>()
        for (c, slot) in grid[last].enumerated() where slot.number != nil { numericBelow.insert(c) }
        var first = last
        while first > table.markedHeaderRows {
            let candidate = grid[first - 1]
            if candidate.enumerated().contains(where: { c, slot in slot.isText && numericBelow.contains(c) && c > 0 }) { break }
            if isYearHeading(first - 1, grid) { break }
            first -= 1
            for (c, slot) in candidate.enumerated() where slot.number != nil { numericBelow.insert(c) }
        }
        // Leading rows without numbers belong to the header.
        while first < last, !grid[first].contains(where: { $0.number != nil }) { first += 1 }
        let body = Array(first...last)
        let header = Array(0..<first)
        // Counts above the body (not a year, not an amount as a heading): the table is split by a
        // heading repeated in its middle, or holds two tables; amr cannot tell what a total covers.
        let countRowsAbove = header.filter { r in
            grid[r].indices.contains { c in
                guard c > 0, let n = grid[r][c].number else { return false }
                return !n.isMoney && !isYearHeading(r, grid)
            }
        }
        if countRowsAbove.count >= 2 { return .failure(.headingInTheMiddle) }

        // The label columns: those left of the first column with numbers; the first column is
        // always labels when it holds any text (or years, `2019`).
        let numericColumns = (0..<table.width).filter { c in body.contains { grid[$0][c].number != nil } }
        guard var firstNumeric = numericColumns.first else { return .failure(.noNumbers) }
        if firstNumeric == 0 {
            let labelsAreYears = body.allSatisfy { r in
                guard let n = grid[r][0].number else { return !grid[r][0].isText || true }
                return n.kind == .number && !n.isMoney && n.value.scale == 0 && (1900...2100).contains(n.value.significand)
                    && !table.text(r, 0).contains(where: { !$0.isASCIIDigit })
            }
            guard labelsAreYears, numericColumns.count > 1 else { return .failure(.noTotals) }
            firstNumeric = numericColumns[1]
        }
        let labelColumns = Array(0..<firstNumeric)
        let valueColumns = numericColumns.filter { $0 >= firstNumeric }

        func ownLabel(_ r: Int) -> String {
            labelColumns.compactMap { c -> String? in
                guard !table.isCovered(r, c) else { return nil }
                let text = table.rows[r][c].text
                return text.isEmpty ? nil : text
            }.joined(separator: " ")
        }
        func displayLabel(_ r: Int) -> String {
            let own = ownLabel(r)
            if !own.isEmpty { return own }
            let through = labelColumns.map { table.text(r, $0) }.filter { !$0.isEmpty }.joined(separator: " ")
            return through.isEmpty ? "" : through
        }

        // Row kinds.
        enum RowKind: Equatable { case data, total, subtotal, reference, part, summary, empty }
        var kinds: [Int: RowKind] = [:]
        let rowsWithNumbers = body.filter { r in valueColumns.contains { grid[r][$0].number != nil } }
        guard let lastNumberRow = rowsWithNumbers.last else { return .failure(.noNumbers) }
        for r in body {
            let label = ownLabel(r)
            let key = WeightTable.labelKey(label)
            if !rowsWithNumbers.contains(r) { kinds[r] = .empty; continue }
            if Self.referenceLabels.contains(key) || key.hasPrefix("provincie ") { kinds[r] = .reference; continue }
            if Self.partWords.contains(where: { key.hasPrefix($0) }) || label.hasPrefix("- ") || label.hasPrefix("• ") { kinds[r] = .part; continue }
            switch WeightTable.labelKind(label) {
            case .total?: kinds[r] = .total
            case .subtotal?: kinds[r] = .subtotal
            case .summary?: kinds[r] = .summary
            case nil: kinds[r] = .data
            }
        }
        // The grand total: the last total-labelled row with numbers, with only reference rows
        // under it; else the last row named after a region (confirmed below).
        let significant = rowsWithNumbers.filter { kinds[$0] != .reference }
        var grandTotal: Int?
        var reason: ExtractedTable.TotalReason?
        if let lastRow = significant.last {
            if kinds[lastRow] == .total || (kinds[lastRow] == .subtotal && !significant.dropLast().contains { kinds[$0] == .subtotal } && false) {
                grandTotal = lastRow
                reason = .label(ownLabel(lastRow))
            } else if kinds[lastRow] == .data, regionNames.contains(WeightTable.labelKey(ownLabel(lastRow))) {
                grandTotal = lastRow
                reason = .regionName(ownLabel(lastRow))
            }
        }
        // A total printed first, under the heading (as CBS tables do), with no other total below.
        var totalFirst = false
        if grandTotal == nil, let firstRow = significant.first, kinds[firstRow] == .total, significant.count >= 3,
           significant.dropFirst().allSatisfy({ kinds[$0] != .total && kinds[$0] != .subtotal }) {
            grandTotal = firstRow
            reason = .label(ownLabel(firstRow))
            totalFirst = true
        }
        // A total-labelled row that is not the last: a subtotal of the rows above it.
        for r in significant where kinds[r] == .total && r != grandTotal { kinds[r] = .subtotal }
        if let g = grandTotal { kinds[g] = .total }
        _ = lastNumberRow

        // Column kinds.
        func headerText(_ c: Int) -> String {
            var parts: [String] = []
            for r in header {
                let text = table.text(r, c)
                guard !text.isEmpty, !parts.contains(text) else { continue }
                if case .number = CellNumber.read(text, notation: notation) {
                    // A heading that is a year names the column; an amount does not.
                    if !(text.count == 4 && text.allSatisfy(\.isASCIIDigit)) { continue }
                }
                parts.append(text)
            }
            return parts.joined(separator: " ")
        }
        enum ColumnKind: Equatable { case count, total, part, percentage, notSummed }
        var columnKinds: [Int: ColumnKind] = [:]
        var columnNames: [Int: String] = [:]
        let dataRows = body.filter { kinds[$0] == .data || kinds[$0] == .subtotal || kinds[$0] == .part || kinds[$0] == .total }
        for c in valueColumns {
            let name = headerText(c)
            columnNames[c] = name.isEmpty ? "kolom \(c + 1)" : name
            let key = name.lowercased()
            let numbers = dataRows.compactMap { grid[$0][c].number }
            let percentages = numbers.filter { $0.kind == .percentage }.count
            if percentages > 0 {
                columnKinds[c] = percentages == numbers.count ? .percentage : .notSummed
                continue
            }
            // A column with text among its numbers is no column of numbers.
            if dataRows.contains(where: { grid[$0][c].isText }) { columnKinds[c] = .notSummed; continue }
            if numbers.contains(where: { $0.isScaled }) { columnKinds[c] = .notSummed; continue }
            if Self.partWords.contains(where: { key.hasPrefix($0) }) { columnKinds[c] = .part; continue }
            // A heading that says percent over bare numbers (`%`, `Aandeel (%)`): percentages, whose
            // base is then looked for like any other's.
            if key.contains("%") || key.contains("procent") || key.contains("percentage"), !numbers.isEmpty,
               !numbers.contains(where: \.isMoney), numbers.allSatisfy({ !$0.value.isNegative }) {
                columnKinds[c] = .percentage
                continue
            }
            if Self.notSummedWords.contains(where: { key.contains($0) }) { columnKinds[c] = .notSummed; continue }
            if numbers.contains(where: { !$0.isMoney && $0.value.scale > 0 }) && !numbers.contains(where: \.isMoney) {
                // Decimals in a column that is no money: a rate or an average, unless it says otherwise.
                columnKinds[c] = .notSummed
                continue
            }
            if WeightTable.labelKind(name) == .total, c != valueColumns.first { columnKinds[c] = .total; continue }
            columnKinds[c] = .count
        }

        // Numbers of the table's value columns, per row.
        func value(_ r: Int, _ c: Int) -> ExactDecimal? { grid[r][c].number?.value }

        // A last row without a total's label (a region's name amr does not know): the total when
        // its arithmetic says so. At least two of its summed columns, and at least half of them,
        // are exactly the sum of the rows above; a row of data does not equal the sum of all the
        // others in two columns by chance. Its other columns are then checked against the rows.
        if grandTotal == nil, !body.contains(where: { kinds[$0] == .subtotal }), let lastRow = significant.last, kinds[lastRow] == .data {
            let above = body.filter { $0 < lastRow && kinds[$0] == .data }
            let stated = valueColumns.filter { c in (columnKinds[c] == .count || columnKinds[c] == .total) && value(lastRow, c) != nil }
            let confirmed = stated.filter { c in
                let parts = above.compactMap { value($0, c) }
                guard parts.count == above.count, parts.filter({ !$0.isZero }).count >= 2, let sum = ExactDecimal.sum(parts),
                      let total = value(lastRow, c) else { return false }
                return sum.isEqual(to: total)
            }
            // Three rows at least: in a table of two, a third row may be their sum by chance.
            if above.count >= 3, confirmed.count >= 2, confirmed.count * 2 >= stated.count {
                grandTotal = lastRow
                kinds[lastRow] = .total
                reason = .sums(ownLabel(lastRow), columns: confirmed.map { columnNames[$0] ?? "kolom \($0 + 1)" })
            }
        }

        // Rounding: every count a multiple of 10 or 100 (counts from a source that rounds, such
        // as UWV); never for amounts of money, which are exact.
        let summedColumns = valueColumns.filter { columnKinds[$0] == .count || columnKinds[$0] == .total || columnKinds[$0] == .part }
        let allCounts = summedColumns.flatMap { c in body.compactMap { grid[$0][c].number } }
        var roundingUnit: Int64?
        if allCounts.count >= 4, !allCounts.contains(where: \.isMoney) {
            for unit: Int64 in [100, 10] where allCounts.allSatisfy({ $0.value.scale == 0 && $0.value.significand % unit == 0 && $0.value.significand != 0 }) {
                roundingUnit = unit
                break
            }
        }

        // The row-total column: its addends are the count columns before it (back to the
        // previous total column) that add up to it in the other rows.
        var totalColumn: Int?
        var addends: [Int] = []
        if let t = valueColumns.first(where: { columnKinds[$0] == .total }) {
            let before = valueColumns.filter { $0 < t && columnKinds[$0] == .count }
            let checkRows = body.filter { kinds[$0] == .data || kinds[$0] == .total || kinds[$0] == .subtotal }
            var best: (columns: [Int], matches: Int, misses: Int)?
            for start in before.indices {
                let set = Array(before[start...])
                var matches = 0, misses = 0
                for r in checkRows {
                    guard let total = value(r, t) else { continue }
                    let parts = set.compactMap { value(r, $0) }
                    guard !parts.isEmpty, let sum = ExactDecimal.sum(parts) else { continue }
                    if sum.isEqual(to: total) { matches += 1 } else { misses += 1 }
                }
                if matches >= 2, matches >= 2 * misses, best.map({ matches > $0.matches }) ?? true { best = (set, matches, misses) }
            }
            if let best {
                totalColumn = t
                addends = best.columns
                // Count columns outside the addends are counted on their own, not into the total.
            } else {
                columnKinds[t] = .count
            }
        }

        // Subtotal groups: the rows above a subtotal back to the previous subtotal, or to where a
        // label merged down over the subtotal starts.
        struct Group { var subtotal: Int; var rows: [Int] }
        var groups: [Group] = []
        var previous = first - 1
        for r in body where kinds[r] == .subtotal {
            var start = previous + 1
            for c in labelColumns {
                let cell = table.rows[r][c]
                if cell.originRow != r && cell.originRow > start - 1 { start = max(start, cell.originRow) }
            }
            let rows = (start..<r).filter { kinds[$0] == .data }
            groups.append(Group(subtotal: r, rows: rows))
            previous = r
        }
        let grouped = Set(groups.flatMap(\.rows))

        // Percentage columns: one count, one base and one rounding explaining the other rows.
        var percentSpecs: [Int: (count: Int, base: Int, rounding: Rounding?)] = [:]
        let baseCandidates = valueColumns.filter { [.count, .total, .part].contains(columnKinds[$0]) }
        for p in valueColumns where columnKinds[p] == .percentage {
            // A count and its base stand near their percentage; the nearest ten columns bound the
            // search in a wide table.
            let baseCandidates = Array(baseCandidates.sorted { abs($0 - p) < abs($1 - p) || (abs($0 - p) == abs($1 - p) && $0 < $1) }.prefix(10))
            let rows = body.filter { (kinds[$0] == .data || kinds[$0] == .total || kinds[$0] == .reference) && grid[$0][p].number != nil }
            var results: [(count: Int, base: Int, rounding: Rounding?, misses: Int, matches: Int)] = []
            for count in baseCandidates {
                // `base == count`: the row's share of the column's total (in the total row, 100%).
                for base in baseCandidates {
                    let shareOf = base == count ? grandTotal.flatMap { value($0, count) } : nil
                    if base == count && shareOf == nil { continue }
                    for rounding in [Rounding.nearest, .down, .up] as [Rounding?] {
                        var matches = 0, misses = 0
                        for r in rows {
                            guard let percent = grid[r][p].number?.value, let n = value(r, count), let b = shareOf ?? value(r, base),
                                  let check = PercentageCheck(count: n, base: b, decimals: percent.scale, rounding: rounding) else { continue }
                            if check.accepts(percent) { matches += 1 } else { misses += 1 }
                        }
                        if matches >= 2, matches >= 3 * misses { results.append((count, base, rounding, misses, matches)) }
                    }
                }
            }
            guard let fewest = results.map(\.misses).min() else { continue }
            let best = results.filter { $0.misses == fewest }
            let pairs = Set(best.map { [$0.count, $0.base] })
            // Two bases explaining the rows equally well: amr cannot tell which the plan meant.
            guard pairs.count == 1, let chosen = best.first else { continue }
            if fewest > 0 && chosen.matches < 3 { continue }
            let rounding: Rounding? = fewest == 0 && best.count == 3 ? nil : (best.first { $0.rounding == .nearest } ?? chosen).rounding
            percentSpecs[p] = (chosen.count, chosen.base, rounding)
        }

        // What another table's percentages may take as their count or base.
        do {
            let data = body.filter { kinds[$0] == .data }
            var numbers: [Int: [Int: ExactDecimal]] = [:]
            for r in data + (grandTotal.map { [$0] } ?? []) {
                for c in valueColumns { if let v = value(r, c) { numbers[r, default: [:]][c] = v } }
            }
            layout = TableLayout(
                number: table.number, caption: table.caption,
                rows: data.map { .init(row: $0, label: ownLabel($0)) }, totalRow: grandTotal,
                countColumns: valueColumns.filter { columnKinds[$0] == .count || columnKinds[$0] == .total },
                openPercentages: valueColumns.filter { columnKinds[$0] == .percentage && percentSpecs[$0] == nil },
                names: columnNames, numbers: numbers)
        }

        // The stated totals: the total row, or headings that are amounts over a column of amounts.
        var totalCells: [Int: (value: ExactDecimal, position: ExtractedTable.Position)] = [:]
        if let g = grandTotal {
            for c in valueColumns { if let v = value(g, c) { totalCells[c] = (v, .init(row: g, column: c)) } }
        } else if let lastHeader = header.last {
            for c in summedColumns where columnKinds[c] == .count {
                guard case .number(let n)? = table.isCovered(lastHeader, c) ? nil : CellNumber.read(table.rows[lastHeader][c].text, notation: notation),
                      n.kind == .number, n.isMoney, body.allSatisfy({ kinds[$0] != .data || grid[$0][c].number?.isMoney ?? true }) else { continue }
                totalCells[c] = (n.value, .init(row: lastHeader, column: c))
                reason = .heading
            }
        }

        // A total found by the region's name must be confirmed: another summed column of it is
        // exactly the sum of the rows above.
        if case .regionName? = reason, let g = grandTotal {
            let data = body.filter { kinds[$0] == .data }
            let confirmed = summedColumns.contains { c in
                guard let stated = value(g, c) else { return false }
                let parts = data.compactMap { value($0, c) }
                return parts.count >= 2 && (ExactDecimal.sum(parts)?.isEqual(to: stated) ?? false)
            }
            if !confirmed { layout = nil; return .failure(.totalNotConfirmed) }
        }
        // Rows after the grand total that are not for comparison: amr cannot tell what the total covers.
        if let g = grandTotal, !totalFirst, body.contains(where: { $0 > g && kinds[$0] != .reference && kinds[$0] != .empty }) {
            layout = nil
            return .failure(.rowsAfterTotal)
        }
        // A total row none of whose summed columns adds up, in a table of several: no sum at all
        // (a row of averages or of another measure under a total-like label).
        if let g = grandTotal, groups.isEmpty {
            let data = body.filter { kinds[$0] == .data }
            let stated = summedColumns.filter { value(g, $0) != nil && columnKinds[$0] != .part }
            let matching = stated.filter { c in
                let parts = data.compactMap { value($0, c) }
                return ExactDecimal.sum(parts).map { sum in value(g, c).map { sum.isEqual(to: $0) } ?? false } ?? false
            }
            if stated.count >= 2 && matching.isEmpty { layout = nil; return .failure(.totalNotConfirmed) }
        }
        guard grandTotal != nil || !totalCells.isEmpty || totalColumn != nil || !percentSpecs.isEmpty || !groups.isEmpty else {
            return .failure(.noTotals)
        }

        // The plan tables.
        func columnID(_ c: Int) -> String { "kolom-\(c + 1)" }
        var columns: [ExtractedTable.Column] = []
        for c in valueColumns {
            let id = columnID(c), name = columnNames[c] ?? id
            switch columnKinds[c] {
            case .count?:
                columns.append(.init(id: id, name: name, kind: .count, column: c))
            case .total?:
                columns.append(.init(id: id, name: name, kind: c == totalColumn ? .total : .count, column: c))
            case .part?:
                // "waarvan" of the row's total; without a row total amr cannot tell of which column.
                if let whole = totalColumn { columns.append(.init(id: id, name: name, kind: .part(of: columnID(whole)), column: c)) }
            case .percentage?:
                if let spec = percentSpecs[c], spec.base == spec.count, let g = grandTotal, let total = value(g, spec.count) {
                    columns.append(.init(id: id, name: name, kind: .share(count: columnID(spec.count), total: total, rounding: spec.rounding), column: c))
                } else if let spec = percentSpecs[c], spec.base != spec.count {
                    columns.append(.init(id: id, name: name, kind: .percentage(count: columnID(spec.count), base: columnID(spec.base), rounding: spec.rounding), column: c))
                }
            case .notSummed?, nil:
                break
            }
        }
        // Count columns not among the row total's addends are not of the row total's measure;
        // the plan format adds every count column, so they are left out of a table with a row total.
        if let t = totalColumn {
            let keep = Set(addends + [t]) .union(columns.filter { if case .count = $0.kind { return false }; return true }.map(\.column))
            let referenced = Set(columns.compactMap { column -> [Int]? in
                if case .percentage(let count, let base, _) = column.kind {
                    return [count, base].compactMap { id in columns.first { $0.id == id }?.column }
                }
                if case .share(let count, _, _) = column.kind { return columns.first { $0.id == count }.map { [$0.column] } }
                if case .part(let whole) = column.kind { return columns.first { $0.id == whole }.map { [$0.column] } }
                return nil
            }.flatMap { $0 })
            columns = columns.filter { keep.contains($0.column) || referenced.contains($0.column) }
            // A column kept only as a base or whole, yet not an addend, would be added: such a table keeps no row total.
            if columns.contains(where: { $0.kind == .count && !addends.contains($0.column) }) {
                columns = columns.map { column in
                    var column = column
                    if column.kind == .total { column.kind = .count }
                    return column
                }
            }
        }
        let columnIDs = Set(columns.map(\.id))
        func cells(_ r: Int, only: Set<Int>? = nil) -> [String: ExtractedTable.Value] {
            var out: [String: ExtractedTable.Value] = [:]
            for column in columns where only?.contains(column.column) ?? true {
                if let v = value(r, column.column) { out[column.id] = .init(value: v, position: .init(row: r, column: column.column)) }
            }
            return out
        }
        _ = columnIDs
        var notes: [String] = []
        let name = table.caption ?? "tabel \(table.number)"
        var tables: [ExtractedTable] = []

        // Within the rounding of a rounded table a total is not checked.
        func withinRounding(_ stated: ExactDecimal, _ parts: [ExactDecimal]) -> Bool {
            guard let unit = roundingUnit, let sum = ExactDecimal.sum(parts), let gap = sum.minus(stated), gap.scale == 0 else { return false }
            let tolerance = Int128(unit) * Int128(parts.count + 1) / 2
            return !gap.isZero && Int128(gap.significand).magnitude <= tolerance.magnitude
        }

        // Columns a subtotal states: there the grand total adds the subtotals, not their rows.
        let groupedColumns = Set(columns.map(\.column).filter { c in !groups.isEmpty && groups.allSatisfy { value($0.subtotal, c) != nil } })
        for (index, group) in groups.enumerated() where group.rows.count >= 1 {
            var totals = cells(group.subtotal, only: groupedColumns)
            for (id, total) in totals {
                let parts = group.rows.compactMap { r in columns.first { $0.id == id }.flatMap { value(r, $0.column) } }
                if withinRounding(total.value, parts) { totals[id] = nil; notes.append("rounded") }
            }
            tables.append(ExtractedTable(
                id: "tabel-\(table.number)-groep-\(index + 1)", name: name, table: table.number, caption: table.caption, group: ownLabel(group.subtotal),
                columns: columns.filter { groupedColumns.contains($0.column) || $0.kind != .count },
                rows: group.rows.map { .init(label: displayLabel($0), row: $0, cells: cells($0, only: groupedColumns)) },
                totals: totals, totalLabel: ownLabel(group.subtotal), totalReason: .label(ownLabel(group.subtotal)), notes: []))
        }
        var mainRows: [ExtractedTable.Row] = []
        for r in body {
            switch kinds[r] {
            case .data?:
                let only: Set<Int>? = grouped.contains(r) ? Set(columns.map(\.column)).subtracting(groupedColumns) : nil
                mainRows.append(.init(label: displayLabel(r), row: r, cells: cells(r, only: only)))
            case .subtotal?:
                mainRows.append(.init(label: displayLabel(r), row: r, cells: cells(r, only: groupedColumns)))
            default:
                break
            }
        }
        var totals: [String: ExtractedTable.Value] = [:]
        for column in columns {
            guard let cell = totalCells[column.column] else { continue }
            let parts = mainRows.compactMap { $0.cells[column.id]?.value }
            if withinRounding(cell.value, parts) { notes.append("rounded"); continue }
            totals[column.id] = .init(value: cell.value, position: cell.position)
        }
        tables.append(ExtractedTable(
            id: "tabel-\(table.number)", name: name, table: table.number, caption: table.caption, group: nil,
            columns: columns, rows: mainRows.filter { !$0.cells.isEmpty }, totals: totals,
            totalLabel: grandTotal.map(ownLabel) ?? (reason == .heading ? header.last.map(displayLabel) : nil),
            totalReason: reason, notes: notes))
        return .success(tables.filter { !$0.columns.isEmpty && !$0.rows.isEmpty })
    }

    /// A row of years over the columns (`2019 2020 2021`), with no label or the years rising: a
    /// heading, not numbers to add.
    func isYearHeading(_ r: Int, _ grid: [[Slot]]) -> Bool {
        var years: [Int64] = []
        for c in 1..<max(1, table.width) {
            switch grid[r][c] {
            case .number(let n):
                let text = table.rows[r][c].text.trimmingSpaces
                guard n.kind == .number, !n.isMoney, n.value.scale == 0, (1900...2100).contains(n.value.significand),
                      text.count == 4, text.allSatisfy(\.isASCIIDigit) else { return false }
                years.append(n.value.significand)
            case .text(let text):
                // A heading such as `Totaal` beside the years.
                guard WeightTable.labelKind(text) == .total else { return false }
            case .blank, .covered:
                break
            }
        }
        guard !years.isEmpty else { return false }
        let unlabelled = table.isCovered(r, 0) || table.rows[r][0].text.isEmpty
        let rising = years.count >= 2 && zip(years, years.dropFirst()).allSatisfy { $0 < $1 }
        return unlabelled || rising
    }

    /// Each position read as empty, text or a number; positions covered by a merge are neither.
    func slots() -> [[Slot]] {
        table.rows.indices.map { r in
            table.rows[r].indices.map { c in
                if table.isCovered(r, c) { return .covered }
                switch CellNumber.read(table.rows[r][c].text, notation: notation) {
                case .blank: return .blank
                case .text: return .text(table.rows[r][c].text)
                case .number(let n): return .number(n)
                }
            }
        }
    }
}
