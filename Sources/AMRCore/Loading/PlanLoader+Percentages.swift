/// Reading percentages stated in the text (`percentages`): the percentage, and where its count
/// and base are.
extension PlanLoader.Reader {
    mutating func percentageStatement(_ cursor: JSONCursor) throws(LoadError) -> PercentageStatement {
        let o = try cursor.object(keys: ["id", "text", "percent", "decimals", "rounding", "approximately", "count", "base", "source"],
                                  warnings: &warnings)
        let rounding = try Self.percentRounding(o["rounding"])
        let decimals = try Self.percentDecimals(o["decimals"])
        let percentCursor = try o.required("percent")
        return PercentageStatement(
            id: try o.required("id").id(), text: try o["text"]?.string(), percent: try percentage(percentCursor),
            decimals: decimals, rounding: rounding, approximately: try o["approximately"]?.bool() ?? false,
            count: try o["count"].map { c throws(LoadError) in try numberReference(c) },
            base: try o["base"].map { c throws(LoadError) in try numberReference(c) },
            source: try o["source"].map { c throws(LoadError) in try source(c) }, pointer: cursor.pointer)
    }

    /// A decimal, `{ "table", "column", "row" }`, `{ "measure", "municipality" | "cluster", "date" }`
    /// or `{ "target": id }`.
    mutating func numberReference(_ cursor: JSONCursor) throws(LoadError) -> NumberReference {
        let expected = "a number, { \"table\": id, \"column\": id, \"row\": code, cluster or label (the total row when left out) }, { \"measure\": name, \"municipality\": code or \"cluster\": id (the region when left out), \"date\": date } or { \"target\": id }"
        switch cursor.value.kind {
        case .number, .string:
            return .value(try cursor.decimal())
        case .object(let members):
            let keys = Set(members.map(\.key))
            let o = try cursor.object(keys: ["table", "column", "row", "measure", "municipality", "cluster", "date", "target"], warnings: &warnings)
            if keys.contains("table") {
                guard keys.isSubset(of: ["table", "column", "row"]) else { throw cursor.invalid(expected) }
                return .cell(table: try o.required("table").id(), row: try o["row"]?.string(), column: try o.required("column").id())
            }
            if keys.contains("measure") {
                guard keys.isSubset(of: ["measure", "municipality", "cluster", "date"]), !(keys.contains("municipality") && keys.contains("cluster")) else {
                    throw cursor.invalid(expected)
                }
                var subject: String?
                if let m = o["municipality"] { subject = try m.municipalityCode().rawValue } else if let c = o["cluster"] { subject = try c.id() }
                return .measure(try o.required("measure").text(), subject: subject, date: try o["date"]?.date())
            }
            if keys == ["target"] { return .target(try o.required("target").id()) }
            throw cursor.invalid(expected)
        default:
            throw cursor.invalid(expected)
        }
    }
}

extension PlanLoader.Reader {
    /// `{ "id", "text", "from", "to", "value", "percent", "approximately", "source" }`.
    mutating func changeStatement(_ cursor: JSONCursor) throws(LoadError) -> ChangeStatement {
        let o = try cursor.object(keys: ["id", "text", "from", "to", "value", "percent", "approximately", "source"], warnings: &warnings)
        let statement = ChangeStatement(
            id: try o.required("id").id(), text: try o["text"]?.string(),
            from: try numberReference(try o.required("from")), to: try numberReference(try o.required("to")),
            value: try o["value"]?.decimal(), percent: try o["percent"]?.decimal(),
            approximately: try o["approximately"]?.bool() ?? false,
            source: try o["source"].map { c throws(LoadError) in try source(c) }, pointer: cursor.pointer)
        if statement.value == nil && statement.percent == nil { throw .missingKey(cursor.location, key: "value") }
        return statement
    }
}
