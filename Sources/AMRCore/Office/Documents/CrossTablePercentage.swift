/// Percentage columns whose count or base is printed in another table of the document: table 5
/// gives each municipality's outflow as a percentage of its caseload in table 2 (the rows matched
/// by their label), or each row's share of table 2's stated total. amr takes such a base only
/// when it is certain: every row of the percentage column is found by its exact label (or the base
/// is one stated total), at least three rows with a count agree, at most one row does not, and
/// every base that explains the rows as well says the same of each row. Otherwise the column is
/// left unchecked (listed with `--verbose`).
struct CrossTablePercentage {
    /// Where a percentage's count is printed: a column of its own table, or of another table in
    /// the row with the same label.
    private enum CountSource: Hashable {
        case own(column: Int)
        case other(table: Int, column: Int)
    }

    /// Where its base is printed: a column of a table in the row with the same label, or the
    /// stated total of a column.
    private enum BaseSource: Hashable {
        case column(table: Int, column: Int)
        case total(table: Int, column: Int)

        var table: Int {
            switch self {
            case .column(let table, _), .total(let table, _): table
            }
        }
    }

    private struct Candidate {
        var count: CountSource
        var base: BaseSource
        var counts: [Value]
        var bases: [ExactDecimal]
        var rounding: Rounding?
        var misses: [Int]
    }

    private struct Value: Hashable {
        var value: ExactDecimal
        var position: ExtractedTable.Position
    }

    /// A percentage column no base explains: its table and heading.
    struct Unexplained: Hashable, Sendable {
        var table: Int
        var caption: String?
        var column: String
    }

    let layouts: [TableLayout]
    /// How many label look-ups and percentage comparisons one document may cost; past it the
    /// remaining columns are left unchecked, so a crafted document of thousands of tables cannot
    /// make amr run for long.
    static let budget = 2_000_000

    /// The percentage columns explained by a base in another table, each as a plan table of its
    /// own (its count and the percentage, the base in `ExtractedTable.ExternalBase`), and the
    /// percentage columns nothing explains.
    func find() -> (tables: [ExtractedTable], unexplained: [Unexplained]) {
        var tables: [ExtractedTable] = []
        var unexplained: [Unexplained] = []
        var budget = Self.budget
        let byLabel = layouts.map { Dictionary(grouping: $0.rows, by: \.label) }
        for (index, layout) in layouts.enumerated() {
            for p in layout.openPercentages {
                let name = layout.names[p] ?? "kolom \(p + 1)"
                if budget > 0, let table = explain(p, of: index, byLabel: byLabel, budget: &budget) {
                    tables.append(table)
                } else {
                    unexplained.append(.init(table: layout.number, caption: layout.caption, column: name))
                }
            }
        }
        return (tables, unexplained)
    }

    private func explain(_ p: Int, of index: Int, byLabel: [[String: [TableLayout.Row]]], budget: inout Int) -> ExtractedTable? {
        let layout = layouts[index]
        let rows = layout.rows.filter { layout.value($0.row, p) != nil }
        let percents = rows.compactMap { layout.value($0.row, p) }
        guard rows.count >= 3, percents.count == rows.count else { return nil }
        let labels = rows.map(\.label)
        let labelled = !labels.contains(where: \.isEmpty) && Set(labels).count == labels.count

        let ownCounts: [(CountSource, [Value]?)] = layout.countColumns.map { c in
            (.own(column: c), Self.values(rows.map { ($0.row, c) }, in: layout))
        }
        var candidates: [Candidate] = []
        for (u, other) in layouts.enumerated() {
            guard budget > 0 else { return nil }
            // The rows of the other table with the same labels, each found once.
            var matched: [Int]?
            if u == index {
                matched = rows.map(\.row)
            } else if labelled {
                var found: [Int] = []
                for label in labels {
                    budget -= 1
                    guard let same = byLabel[u][label], same.count == 1 else { break }
                    found.append(same[0].row)
                }
                if found.count == labels.count { matched = found }
            }
            var counts = ownCounts
            var bases: [(BaseSource, [ExactDecimal]?)] = []
            if let matched {
                if u != index {
                    counts += other.countColumns.map { c in (.other(table: u, column: c), Self.values(matched.map { ($0, c) }, in: other)) }
                }
                bases += other.countColumns.map { b in (.column(table: u, column: b), Self.values(matched.map { ($0, b) }, in: other)?.map(\.value)) }
            }
            bases += other.countColumns.compactMap { b in
                other.total(b).map { total in (.total(table: u, column: b), Array(repeating: total, count: rows.count)) }
            }
            budget -= (counts.count + bases.count) * rows.count
            for (countSource, countValues) in counts {
                guard let countValues else { continue }
                for (baseSource, baseValues) in bases {
                    guard let baseValues else { continue }
                    switch (countSource, baseSource) {
                    case (.own(let c), .column(let t, let b)) where t == index && c == b: continue
                    case (.other(_, let c), .column(_, let b)) where c == b: continue
                    // Another table's count is taken only as a share of its own column's total.
                    case (.other(_, let c), .total(_, let b)) where c != b: continue
                    case (.other, .column): continue
                    default: break
                    }
                    if let candidate = Self.evaluate(countSource, baseSource, countValues, baseValues, percents, budget: &budget) {
                        candidates.append(candidate)
                    }
                }
            }
        }
        // Out of budget, some base went unweighed: no certainty.
        guard budget > 0, let fewest = candidates.map(\.misses.count).min() else { return nil }
        let best = candidates.filter { $0.misses.count == fewest }
        guard let chosen = best.first,
              best.allSatisfy({ $0.counts.map(\.value) == chosen.counts.map(\.value) && $0.bases == chosen.bases && $0.misses == chosen.misses }),
              // Explained within its own table: the table's own reading found it unclear; so is this.
              !best.contains(where: { $0.base.table == index && { if case .own = $0.count { return true }; return false }($0) })
        else { return nil }

        // The plan table: the count and the percentage, in the percentage table's rows.
        let percentID = "kolom-\(p + 1)"
        let base = layouts[chosen.base.table]
        let countID: String
        let countName: String
        var countTable: Int?
        switch chosen.count {
        case .own(let c):
            countID = "kolom-\(c + 1)"
            countName = layout.names[c] ?? countID
        case .other(let t, let c):
            countID = "tabel-\(layouts[t].number)-kolom-\(c + 1)"
            countName = layouts[t].names[c] ?? countID
            countTable = t
        }
        let external: ExtractedTable.ExternalBase
        switch chosen.base {
        case .column(_, let b):
            external = .init(table: base.number, caption: base.caption, columnName: base.names[b] ?? "kolom \(b + 1)", column: b, total: nil,
                             values: Dictionary(uniqueKeysWithValues: zip(rows.map(\.row), chosen.bases)),
                             countTable: countTable.map { layouts[$0].number }, countCaption: countTable.flatMap { layouts[$0].caption })
        case .total(_, let b):
            external = .init(table: base.number, caption: base.caption, columnName: base.names[b] ?? "kolom \(b + 1)", column: b, total: chosen.bases.first,
                             values: [:],
                             countTable: countTable.map { layouts[$0].number }, countCaption: countTable.flatMap { layouts[$0].caption })
        }
        let columns: [ExtractedTable.Column] = [
            .init(id: countID, name: countName, kind: .count, column: chosen.counts.first?.position.column ?? 0),
            .init(id: percentID, name: layout.names[p] ?? percentID, kind: .external(count: countID, base: external, rounding: chosen.rounding), column: p),
        ]
        let extractedRows = rows.indices.map { i in
            ExtractedTable.Row(label: rows[i].label, row: rows[i].row, cells: [
                countID: .init(value: chosen.counts[i].value, position: chosen.counts[i].position),
                percentID: .init(value: percents[i], position: .init(row: rows[i].row, column: p)),
            ])
        }
        return ExtractedTable(id: "tabel-\(layout.number)-kolom-\(p + 1)-percentage", name: layout.caption ?? "tabel \(layout.number)",
                              table: layout.number, caption: layout.caption, group: nil, columns: columns, rows: extractedRows,
                              totals: [:], totalLabel: nil, totalReason: nil, notes: [])
    }

    private static func values(_ cells: [(Int, Int)], in layout: TableLayout) -> [Value]? {
        var out: [Value] = []
        for (r, c) in cells {
            guard let v = layout.value(r, c) else { return nil }
            out.append(Value(value: v, position: .init(row: r, column: c)))
        }
        return out
    }

    /// The rows a count and base leave unexplained under the rounding that explains most of them;
    /// nil unless at least three rows with a count and a percentage other than 0 agree and at most one does not.
    private static func evaluate(_ count: CountSource, _ base: BaseSource, _ counts: [Value], _ bases: [ExactDecimal],
                                 _ percents: [ExactDecimal], budget: inout Int) -> Candidate? {
        var results: [(rounding: Rounding, misses: [Int])] = []
        for rounding in [Rounding.nearest, .down, .up] {
            var misses: [Int] = []
            var matches = 0
            for i in percents.indices where misses.count <= 1 {
                budget -= 1
                guard let check = PercentageCheck(count: counts[i].value, base: bases[i], decimals: percents[i].scale, rounding: rounding) else { return nil }
                if check.accepts(percents[i]) {
                    // 0% of a count of 0 (or of a base so large it rounds to 0%) fits any base: no evidence.
                    if !counts[i].value.isZero && !percents[i].isZero { matches += 1 }
                } else {
                    misses.append(i)
                }
            }
            if matches >= 3, misses.count <= 1 { results.append((rounding, misses)) }
        }
        guard let fewest = results.map(\.misses.count).min() else { return nil }
        let best = results.filter { $0.misses.count == fewest }
        // The rounding the rows show; when every rounding explains them all, the plan's is not known.
        let rounding: Rounding? = fewest == 0 && best.count == 3 ? nil : (best.first { $0.rounding == .nearest } ?? best[0]).rounding
        let misses = (best.first { $0.rounding == rounding } ?? best[0]).misses
        return Candidate(count: count, base: base, counts: counts, bases: bases, rounding: rounding, misses: misses)
    }
}
