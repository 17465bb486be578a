/// Formats placement counts: one row per group, sorted by the group keys, and the total.
public struct PlacementRenderer {
    public var locale: NumberLocale

    public init(locale: NumberLocale) { self.locale = locale }

    public func render(_ counts: PlacementCounts, as format: OutputFormat) -> String {
        let headers = counts.dimensions.map(\.rawValue) + ["count"]
        switch format {
        case .csv:
            var writer = CSVWriter(locale: locale)
            writer.append(headers.map(CSVWriter.Cell.text))
            for row in counts.rows {
                writer.append(row.keys.map(CSVWriter.Cell.text) + [.number(ExactDecimal(significand: Int64(row.count)))])
            }
            return writer.text
        case .json:
            return JSONOutput.object([
                "groupBy": .array(counts.dimensions.map { .string($0.rawValue) }),
                "rows": .array(counts.rows.map { row in
                    var object: [String: JSONOutput] = ["count": .number(String(row.count))]
                    for (dimension, key) in zip(counts.dimensions, row.keys) { object[dimension.rawValue] = .string(key) }
                    return .object(object)
                }),
                "total": .number(String(counts.total)),
                "records": .number(String(counts.records)),
            ]).text
        case .markdown:
            var out = "| " + headers.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: counts.dimensions.count) + "---:|\n"
            for row in counts.rows {
                out += "| " + (row.keys.map(AllocationRenderer.markdownEscaped) + [locale.format(Int64(row.count))]).joined(separator: " | ") + " |\n"
            }
            out += "| " + (counts.dimensions.isEmpty ? [] : ["**total**"] + Array(repeating: "", count: counts.dimensions.count - 1)).joined(separator: " | ")
            out += (counts.dimensions.isEmpty ? "" : " | ") + "**\(locale.format(Int64(counts.total)))** |\n"
            return out
        default:
            var table = TextTable(headers: headers, alignments: counts.dimensions.map { _ in .left } + [.right])
            for row in counts.rows { table.append(row.keys + [locale.format(Int64(row.count))]) }
            if !counts.dimensions.isEmpty {
                table.append(["total"] + Array(repeating: "", count: counts.dimensions.count - 1) + [locale.format(Int64(counts.total))], ruleBefore: true)
            } else {
                table.rows = [[locale.format(Int64(counts.total))]]
            }
            return table.render()
        }
    }
}
