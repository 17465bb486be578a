/// Reading tables (in the single-column form and with columns), the `alsoStated` repeats of a
/// number and requirements. Kept apart from the rest of the reader: everything about tables is
/// here, and PlanLoader.swift only calls in.
extension PlanLoader.Reader {
    // MARK: - Tables

    mutating func countTable(_ cursor: JSONCursor) throws(LoadError) -> CountTable {
        let o = try cursor.object(keys: ["id", "name", "measure", "date", "columns", "rows", "total", "totals", "totalLabel",
                                         "source", "note", "roundedTo"], warnings: &warnings)
        let id = try o.required("id").id()
        var table = CountTable(id: id, name: try o["name"]?.string(), measure: try o["measure"]?.string(), date: try o["date"]?.date(),
                               columns: [], rows: [], totals: [:], totalLabel: try o["totalLabel"]?.string(),
                               source: try o["source"].map { c throws(LoadError) in try source(c) }, note: try o["note"]?.string(),
                               form: o["columns"] == nil ? .singleColumn : .columns, pointer: cursor.pointer)
        table.roundedTo = try o["roundedTo"].map { u throws(LoadError) in try roundingUnit(u) }
        let rowsCursor = try o.required("rows")
        switch table.form {
        case .singleColumn:
            if let totals = o["totals"] {
                throw .unusable(totals.location, "\"totals\" per column belong to a table with \"columns\"; a table of one column states its \"total\"")
            }
            table.columns = [CountTable.Column(id: CountTable.singleColumnID, name: nil, measure: nil, category: nil, date: nil, source: nil,
                                               kind: .count, pointer: cursor.pointer)]
            table.rows = try list(rowsCursor) { r, c throws(LoadError) in try r.singleColumnRow(c) }
            if let total = o["total"] {
                table.totals[CountTable.singleColumnID] = CountTable.Cell(value: try total.decimal(), date: nil, alsoStated: [], note: nil,
                                                                          pointer: total.pointer)
            }
        case .columns:
            if let total = o["total"] {
                throw .unusable(total.location, "a table with \"columns\" states its total row in \"totals\": { \"<column id>\": value, … }")
            }
            table.columns = try tableColumns(try o.required("columns"), table: id)
            table.rows = try list(rowsCursor) { r, c throws(LoadError) in try r.tableRow(c, columns: table.columns, table: id) }
            if let totals = o["totals"] {
                table.totals = try tableCells(totals, columns: table.columns, table: id)
            }
        }
        return table
    }

    mutating func singleColumnRow(_ cursor: JSONCursor) throws(LoadError) -> CountTable.Row {
        let row = try cursor.object(keys: ["municipality", "cluster", "label", "value", "values", "note", "national"], warnings: &warnings)
        if let values = row["values"] {
            throw .unusable(values.location, "values per column belong to a table with \"columns\"; a table of one column gives each row its \"value\"")
        }
        let valueCursor = try row.required("value")
        let cell = CountTable.Cell(value: try valueCursor.decimal(), date: nil, alsoStated: [], note: nil, pointer: valueCursor.pointer)
        return try tableRowSubject(row, cursor: cursor, cells: [CountTable.singleColumnID: cell])
    }

    mutating func tableRow(_ cursor: JSONCursor, columns: [CountTable.Column], table: String) throws(LoadError) -> CountTable.Row {
        let row = try cursor.object(keys: ["municipality", "cluster", "label", "value", "values", "note", "national"], warnings: &warnings)
        if let value = row["value"] {
            throw .unusable(value.location, "a table with \"columns\" gives each row's numbers in \"values\": { \"<column id>\": value, … }")
        }
        let cells = try tableCells(try row.required("values"), columns: columns, table: table)
        return try tableRowSubject(row, cursor: cursor, cells: cells)
    }

    /// The row's municipality, cluster or label; one of them is required.
    func tableRowSubject(_ row: JSONObjectCursor, cursor: JSONCursor, cells: [String: CountTable.Cell]) throws(LoadError) -> CountTable.Row {
        var result = CountTable.Row(municipality: try row["municipality"]?.municipalityCode(), cluster: try row["cluster"]?.id(),
                                    label: try row["label"]?.string(), cells: cells, note: try row["note"]?.string(), pointer: cursor.pointer)
        if result.municipality == nil && result.cluster == nil && result.label == nil {
            throw .missingKey(cursor.location, key: "label")
        }
        if let national = row["national"], try national.bool() {
            guard result.municipality == nil, result.cluster == nil else {
                throw national.invalid("a row for the whole country with a \"label\" (Nederland), not a municipality or cluster of the region")
            }
            result.national = true
        }
        return result
    }

    /// `{ "<column id>": number | { "value", "date", "alsoStated", "note" }, … }`.
    mutating func tableCells(_ cursor: JSONCursor, columns: [CountTable.Column], table: String) throws(LoadError) -> [String: CountTable.Cell] {
        guard case .object(let members) = cursor.value.kind else {
            throw cursor.invalid("an object of column id → value, e.g. { \"\(columns.first?.id ?? "aantal")\": 120 }")
        }
        let object = JSONObjectCursor(cursor: cursor, members: members)
        var cells: [String: CountTable.Cell] = [:]
        for member in members {
            guard let cellCursor = object[member.key] else { continue }
            guard let column = columns.first(where: { $0.id == member.key }) else {
                let location = SourceLocation(file: file, line: member.line, column: member.column, pointer: cellCursor.pointer)
                throw .unusable(location, "there is no column \"\(member.key)\" in table \"\(table)\"; "
                                + Self.columnHint(member.key, among: columns.map(\.id)))
            }
            cells[member.key] = try tableCell(cellCursor, percentage: column.isPercentage)
        }
        return cells
    }

    mutating func tableCell(_ cursor: JSONCursor, percentage: Bool) throws(LoadError) -> CountTable.Cell {
        var valueCursor = cursor
        var date: PlanDate?
        var also: [AlsoStated] = []
        var note: String?
        if case .object = cursor.value.kind {
            let o = try cursor.object(keys: ["value", "date", "alsoStated", "note"], warnings: &warnings)
            valueCursor = try o.required("value")
            date = try o["date"]?.date()
            note = try o["note"]?.string()
            also = try alsoStated(o["alsoStated"], numbers: [("value", true)])
        }
        let value = percentage ? try valueCursor.nonNegativeDecimal() : try valueCursor.decimal()
        return CountTable.Cell(value: value, date: date, alsoStated: also, note: note, pointer: valueCursor.pointer)
    }

    mutating func tableColumns(_ cursor: JSONCursor, table: String) throws(LoadError) -> [CountTable.Column] {
        let items = try cursor.array()
        guard !items.isEmpty else { throw cursor.invalid("at least one column { \"id\": …, \"name\": … }") }
        var columns: [CountTable.Column] = []
        var references: [(column: Int, whole: JSONCursor?, percent: JSONObjectCursor?)] = []
        for item in items {
            let o = try item.object(keys: ["id", "name", "measure", "category", "date", "source", "partOf", "total", "percent"], warnings: &warnings)
            let idCursor = try o.required("id")
            let id = try idCursor.id()
            if columns.contains(where: { $0.id == id }) {
                throw .unusable(idCursor.location, "the column id \"\(id)\" is used twice in table \"\(table)\"; give each column its own id")
            }
            let isTotal = try o["total"]?.bool() ?? false
            let flags = [isTotal ? "\"total\": true" : nil, o["partOf"] == nil ? nil : "\"partOf\"", o["percent"] == nil ? nil : "\"percent\""].compactMap { $0 }
            if flags.count > 1 {
                throw .unusable(item.location, "a column is a count, a part (\"partOf\"), the row total (\"total\": true) or a percentage (\"percent\"); this one says " + flags.joined(separator: " and "))
            }
            if isTotal, let earlier = columns.first(where: { $0.kind == .total }), let totalCursor = o["total"] {
                throw .unusable(totalCursor.location, "table \"\(table)\" already has a row-total column, \"\(earlier.id)\"; mark one column \"total\": true")
            }
            var percent: JSONObjectCursor?
            if let p = o["percent"] {
                percent = try p.object(keys: ["count", "base", "rounding", "decimals"], warnings: &warnings)
            }
            references.append((columns.count, o["partOf"], percent))
            columns.append(CountTable.Column(
                id: id, name: try o["name"]?.string(), measure: try o["measure"]?.string(), category: try o["category"]?.string(),
                date: try o["date"]?.date(), source: try o["source"].map { c throws(LoadError) in try source(c) },
                kind: isTotal ? .total : .count, pointer: item.pointer))
        }
        // References between columns are resolved once every id is known (a part may come before its whole).
        for reference in references {
            let column = columns[reference.column]
            if let whole = reference.whole {
                let target = try whole.id()
                try requireColumn(target, at: whole, in: columns, table: table, for: column.id, what: "partOf")
                columns[reference.column].kind = .part(of: target)
            } else if let percent = reference.percent {
                columns[reference.column].kind = .percentage(try percentageSpec(percent, columns: columns, table: table, column: column.id))
            }
        }
        // An "of whom" chain must end in a whole: a part of itself through others is meaningless.
        for (index, column) in columns.enumerated() {
            var seen: Set<String> = [column.id]
            var next = column.wholeColumn
            while let current = next {
                if seen.contains(current) {
                    let value = cursor.value.value(at: "/\(index)/partOf") ?? cursor.value
                    throw .unusable(SourceLocation(file: file, line: value.line, column: value.column, pointer: column.pointer + "/partOf"),
                                    "column \"\(column.id)\" is, through \"partOf\", a part of itself; an \"of whom\" column is a part of another column")
                }
                seen.insert(current)
                next = columns.first { $0.id == current }?.wholeColumn
            }
        }
        return columns
    }

    /// `{ "count": column, "base": column | { "table", "column" } | { "measure", "date" }, "rounding", "decimals" }`.
    func percentageSpec(_ o: JSONObjectCursor, columns: [CountTable.Column], table: String, column: String) throws(LoadError) -> CountTable.PercentageSpec {
        let countCursor = try o.required("count")
        let count = try countCursor.id()
        try requireColumn(count, at: countCursor, in: columns, table: table, for: column, what: "count")
        let baseCursor = try o.required("base")
        let base: CountTable.PercentageBase
        switch baseCursor.value.kind {
        case .string:
            let id = try baseCursor.id()
            try requireColumn(id, at: baseCursor, in: columns, table: table, for: column, what: "base")
            base = .column(id)
        case .object(let members):
            let keys = Set(members.map(\.key))
            let b = JSONObjectCursor(cursor: baseCursor, members: members)
            if keys == ["table", "column"] {
                base = .table(try b.required("table").id(), column: try b.required("column").id())
            } else if keys == ["measure"] || keys == ["measure", "date"] {
                base = .measure(try b.required("measure").text(), date: try b["date"]?.date())
            } else if keys == ["value"] {
                base = .fixed(.value(try b.required("value").decimal()))
            } else if keys == ["table", "column", "row"] {
                let row = try b.required("row").string()
                base = .fixed(.cell(table: try b.required("table").id(), row: row == "total" ? nil : row, column: try b.required("column").id()))
            } else {
                throw baseCursor.invalid("a base: a column id, { \"table\": id, \"column\": id }, { \"table\", \"column\", \"row\" } (one cell), { \"measure\": name, \"date\": date } or { \"value\": number }")
            }
        default:
            throw baseCursor.invalid("a base: a column id, { \"table\": id, \"column\": id } or { \"measure\": name, \"date\": date }")
        }
        let rounding = try Self.percentRounding(o["rounding"])
        let decimals = try Self.percentDecimals(o["decimals"])
        return CountTable.PercentageSpec(count: count, base: base, rounding: rounding, decimals: decimals, pointer: o.cursor.pointer)
    }

    /// `id` must name another column of the table that is not a percentage.
    func requireColumn(_ id: String, at cursor: JSONCursor, in columns: [CountTable.Column], table: String, for column: String, what: String) throws(LoadError) {
        guard let target = columns.first(where: { $0.id == id }) else {
            throw .unusable(cursor.location, "\"\(what)\" names \"\(id)\", which is not a column of table \"\(table)\"; " + Self.columnHint(id, among: columns.map(\.id)))
        }
        if target.id == column {
            throw .unusable(cursor.location, "column \"\(column)\" names itself as its \"\(what)\"; name another column of table \"\(table)\"")
        }
        if target.isPercentage {
            throw .unusable(cursor.location, "\"\(what)\" names the percentage column \"\(id)\"; name a column of counts")
        }
    }

    static func columnHint(_ id: String, among ids: [String]) -> String {
        if let near = Suggestion.closest(to: id, among: ids) { return "did you mean \"\(near)\"?" }
        return "its columns are " + ids.joined(separator: ", ")
    }

    /// A percentage whose base is a column of another table needs that table and column; checked
    /// once every table is read, since the other table may come later in the file.
    func checkTableReferences(_ tables: [CountTable], document: JSONValue) throws(LoadError) {
        for table in tables {
            for column in table.columns {
                guard case .percentage(let spec) = column.kind, case .table(let other, let otherColumn) = spec.base else { continue }
                func location(_ key: String) -> SourceLocation {
                    let pointer = spec.pointer + "/base/" + key
                    let value = document.value(at: pointer) ?? document
                    return SourceLocation(file: file, line: value.line, column: value.column, pointer: pointer)
                }
                guard let base = tables.first(where: { $0.id == other }) else {
                    let near = Suggestion.closest(to: other, among: tables.map(\.id))
                    throw .unusable(location("table"), "there is no table \"\(other)\" to take the base of \"\(column.id)\" from; "
                                    + (near.map { "did you mean \"\($0)\"?" } ?? "the tables are " + tables.map(\.id).joined(separator: ", ")))
                }
                guard let baseColumn = base.column(otherColumn) else {
                    throw .unusable(location("column"), "\"column\" names \"\(otherColumn)\", which is not a column of table \"\(other)\"; "
                                    + Self.columnHint(otherColumn, among: base.columns.map(\.id)))
                }
                if baseColumn.isPercentage {
                    throw .unusable(location("column"), "the base \"\(otherColumn)\" of table \"\(other)\" is a percentage column; name a column of counts")
                }
            }
        }
    }

    // MARK: - Numbers stated twice

    /// `roundedTo`: a positive decimal, the unit a printed number is rounded to (10, 100000, 0.1).
    func roundingUnit(_ cursor: JSONCursor) throws(LoadError) -> ExactDecimal {
        let unit = try cursor.decimal()
        guard unit.significand > 0 else { throw cursor.invalid("a positive unit the numbers are rounded to, such as 10 or \"100000\"") }
        return unit
    }

    /// `[ { "value", "key", "year", "source" } ]`: the same number printed elsewhere. `numbers`
    /// lists the object's numbers that may be repeated (the first is the default) and whether the
    /// object states each; `years` the year columns a repeat may name.
    mutating func alsoStated(_ cursor: JSONCursor?, numbers: [(key: String, present: Bool)], years: [Int: Bool] = [:]) throws(LoadError) -> [AlsoStated] {
        guard let cursor else { return [] }
        return try list(cursor) { r, c throws(LoadError) in
            let o = try c.object(keys: ["value", "key", "year", "source", "roundedTo", "approximately", "upTo"], warnings: &r.warnings)
            let valueCursor = try o.required("value")
            var key: String?
            if let k = o["key"] {
                let text = try k.string()
                guard numbers.contains(where: { $0.key == text }) else {
                    throw k.invalid("one of " + numbers.map { "\"\($0.key)\"" }.joined(separator: ", "))
                }
                key = text
            }
            let repeated = key ?? numbers.first?.key ?? "value"
            var year: Int?
            if let y = o["year"] {
                let value = try y.count()
                guard let present = years[value] else {
                    throw y.invalid(years.isEmpty ? "no \"year\": only a budget or budget line with year columns has them"
                                                  : "one of the years " + years.keys.sorted().map(String.init).joined(separator: ", "))
                }
                if !present { throw .unusable(y.location, "alsoStated repeats the amount of \(value), which is not stated here") }
                year = value
            } else if numbers.first(where: { $0.key == repeated })?.present != true {
                throw .unusable(c.location, "alsoStated repeats \"\(repeated)\", which is not stated here; state it, or name the repeated number in \"key\"")
            }
            var statement = AlsoStated(value: try valueCursor.decimal(), key: key, year: year,
                                      source: try o["source"].map { s throws(LoadError) in try r.source(s) }, pointer: valueCursor.pointer,
                                      roundedTo: try o["roundedTo"].map { u throws(LoadError) in try r.roundingUnit(u) },
                                      approximately: try o["approximately"]?.bool() ?? false)
            if let u = o["upTo"] {
                let high = try u.decimal()
                guard Fraction(statement.value) <= Fraction(high) else {
                    throw u.invalid("the high end of the range, at least its low end \"value\" (\(statement.value))")
                }
                statement.upTo = high
            }
            return statement
        }
    }

    // MARK: - Requirements

    mutating func requirement(_ cursor: JSONCursor) throws(LoadError) -> Requirement {
        let o = try cursor.object(keys: ["id", "name", "theme", "percent", "of", "minimum", "average", "estimates", "alsoStated",
                                         "source", "note"], warnings: &warnings)
        let minimum = try o["minimum"]?.amount()
        return Requirement(
            id: try o.required("id").id(), name: try o.required("name").text(), theme: try o["theme"]?.id(),
            percent: try percentage(try o.required("percent")), of: try o["of"]?.string(), minimum: minimum,
            average: try o["average"]?.bool() ?? false,
            estimates: try list(o["estimates"]) { r, c throws(LoadError) in
                let e = try c.object(keys: ["label", "base", "amount", "note"], warnings: &r.warnings)
                return Requirement.Estimate(label: try e["label"]?.string(), base: try e.required("base").amount(),
                                            amount: try e.required("amount").amount(), note: try e["note"]?.string(), pointer: c.pointer)
            },
            alsoStated: try alsoStated(o["alsoStated"], numbers: [("percent", true), ("minimum", minimum != nil)]),
            source: try o["source"].map { c throws(LoadError) in try source(c) }, note: try o["note"]?.string(), pointer: cursor.pointer)
    }

    /// A percentage's `rounding` ("down", "nearest" or "up"), for table columns and stated percentages alike.
    static func percentRounding(_ cursor: JSONCursor?) throws(LoadError) -> Rounding? {
        guard let cursor else { return nil }
        guard let parsed = Rounding(rawValue: try cursor.string()) else { throw cursor.invalid("\"down\", \"nearest\" or \"up\"") }
        return parsed
    }

    /// A percentage's `decimals`, 0 to 6.
    static func percentDecimals(_ cursor: JSONCursor?) throws(LoadError) -> Int? {
        guard let cursor else { return nil }
        let value = try cursor.count()
        guard value <= 6 else { throw cursor.invalid("a number of decimals from 0 to 6") }
        return value
    }
}
