extension DocumentWording {
    static let english = DocumentWording(
        table: { number, caption in caption.map { "table \(number) \"\($0)\"" } ?? "table \(number)" },
        row: { label, number in label.isEmpty ? "row \(number)" : "row \"\(label)\"" },
        column: { "column \"\($0)\"" },
        headingRow: "heading row",
        columnTotal: { stated, sum in "\(stated) stated, the rows add up to \(sum)" },
        rowTotal: { stated, columns, sum in "\(stated) stated, the columns \(joined(columns.map { "\"\($0)\"" }, and: "and")) add up to \(sum)" },
        innerNumber: { stated, right in "\(stated) stated; with \(right) both its row total and its column total add up" },
        percentage: { stated, count, base, exact in "\(stated)% stated, but \(count) of \(base) is \(exact)" },
        rounded: { " (rounded \($0)%)" },
        other: { stated, expected in "\(stated) stated, expected \(expected)" },
        becauseLabel: { row in "\(row) is a total: its label says so" },
        becauseRegion: { row in "\(row) is the total: the last row, named after a labour-market region, and another column of it is exactly the sum of the rows above" },
        becauseSums: { row, columns in "\(row) is the total: the last row, and its columns \(joined(columns.map { "\"\($0)\"" }, and: "and")) are exactly the sums of the rows above" },
        becauseHeading: { column in "the heading of \(column) is an amount over a column of amounts: their total" },
        becauseRowTotal: { column, addends in "\(column) is the row total: its heading says so, and in the other rows it is exactly the sum of \(joined(addends.map { "\"\($0)\"" }, and: "and"))" },
        becausePercentage: { column, count, base, rounding in
            let how = rounding.map { ", rounded \($0.rawValue)" } ?? ""
            return "\(column) is \"\(count)\" as a percentage of \"\(base)\"\(how): so the other rows agree"
        },
        becauseShare: { column, count, rounding in
            let how = rounding.map { ", rounded \($0.rawValue)" } ?? ""
            return "\(column) is each row's share of the total of \"\(count)\"\(how): so the other rows agree"
        },
        count: { column, table in table.map { "\"\(column)\" in \($0)" } ?? "\"\(column)\"" },
        sameRow: { column, table in "\"\(column)\" in \(table), in the row with the same label" },
        totalOf: { column, table, total in "the total of \"\(column)\" in \(table) (\(total))" },
        becauseOtherTable: { column, count, base, rounding in
            let how = rounding.map { ", rounded \($0.rawValue)" } ?? ""
            return "\(column) is \(count) as a percentage of \(base)\(how): so the other rows agree, and no other base explains them"
        },
        unexplainedPercentage: { "\($0): not checked (no base in this or another table explains its rows)" },
        group: { "group \"\($0)\"" },
        skipped: { table, reason in
            let why: String
            switch reason {
            case .noNumbers: why = "no numbers"
            case .noTotals: why = "no total row, total column or percentages with a base amr can tell"
            case .rowsAfterTotal: why = "rows under the total; unclear what the total covers"
            case .headingInTheMiddle: why = "a heading amid the numbers; unclear what belongs together"
            case .totalNotConfirmed: why = "the last row looks like a total, but no column of it is the sum of the rows"
            case .tooSmall: why = "too small to add anything up"
            }
            return "\(table): not checked (\(why))"
        },
        list: { joined($0, and: "and") })
}
