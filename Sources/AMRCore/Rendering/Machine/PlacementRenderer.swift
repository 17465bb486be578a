/// Formats placement counts: one row per group, sorted by the group keys, and the total.
public struct PlacementRenderer {
    public var locale: NumberLocale
    /// The export counted, its name as given.
    public var file: String
    public var from: PlanDate?
    public var to: PlanDate?

    public init(locale: NumberLocale, file: String, from: PlanDate? = nil, to: PlanDate? = nil) {
        self.locale = locale
        self.file = file
        self.from = from
        self.to = to
    }

    /// The counts as a document in the locale's language.
    public func document(_ counts: PlacementCounts) -> ReportDocument {
        PlacementDocument.build(counts, file: file, from: from, to: to, locale: locale)
    }

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
            return MarkdownWriter().write(document(counts))
        case .html:
            return HTMLWriter().write([document(counts)])
        default:
            return TextWriter().write(document(counts))
        }
    }
}
