/// Formats CBS's labour-market regions for `amr regions`: the 35 regions of a year, or one
/// region's municipalities; CSV and JSON here, the human formats from `RegionsDocument`. Every format carries
/// the credit "Bron: CBS" with the table and reference date, and for 2020–2023 the caveat on
/// region membership.
public struct RegionsRenderer {
    public var locale: NumberLocale

    public init(locale: NumberLocale) { self.locale = locale }

    // MARK: - All regions

    /// The regions of `figures`' year with their number of municipalities and inhabitants.
    public func render(_ figures: CBSYear, as format: OutputFormat) -> String {
        let source = figures.source(regionTables: Array(Set(figures.municipalities.map(\.regionTable))).sorted())
        let notes = MembershipCaveat.note(MembershipCaveat.caveats(in: figures), in: figures).map { [$0] } ?? []
        switch format {
        case .json:
            var object = header(figures, source: source, notes: notes)
            object["regions"] = .array(figures.regions.map { region in
                .object(["code": .string(region.code.rawValue), "name": .string(region.name), "slug": .string(region.slug),
                         "municipalities": .number(String(region.municipalities.count)), "inhabitants": .number(String(region.inhabitants))])
            })
            object["total"] = .object(["regions": .number(String(figures.regions.count)), "municipalities": .number(String(figures.municipalities.count)),
                                       "inhabitants": .number(String(figures.inhabitants))])
            return JSONOutput.object(object).text
        case .csv:
            var writer = CSVWriter(locale: locale)
            writer.append([.text("code"), .text("name"), .text("municipalities"), .text("inhabitants")])
            for region in figures.regions {
                writer.append([.text(region.code.rawValue), .text(region.name), cell(region.municipalities.count), cell(region.inhabitants)])
            }
            footer(source, notes, into: &writer)
            return writer.text
        case .markdown: return MarkdownWriter().write(RegionsDocument.build(figures, locale: locale))
        case .html: return HTMLWriter().write([RegionsDocument.build(figures, locale: locale)])
        default: return TextWriter().write(RegionsDocument.build(figures, locale: locale))
        }
    }

    // MARK: - One region

    /// One region's municipalities with their province and inhabitants, and the total.
    public func render(_ region: CBSRegion, in figures: CBSYear, as format: OutputFormat) -> String {
        let source = figures.source(regionTables: region.regionTables)
        let notes = MembershipCaveat.note(MembershipCaveat.caveats(for: region.code, in: figures), in: figures).map { [$0] } ?? []
        let count = region.municipalities.count
        switch format {
        case .json:
            var object = header(figures, source: source, notes: notes)
            object["region"] = .object(["code": .string(region.code.rawValue), "name": .string(region.name), "slug": .string(region.slug)])
            object["municipalities"] = .array(region.municipalities.map { municipality in
                .object(["code": .string(municipality.code.rawValue), "name": .string(municipality.name),
                         "province": .string(municipality.provinceName), "inhabitants": .number(String(municipality.inhabitants))])
            })
            object["total"] = .object(["municipalities": .number(String(count)), "inhabitants": .number(String(region.inhabitants))])
            return JSONOutput.object(object).text
        case .csv:
            var writer = CSVWriter(locale: locale)
            writer.append([.text("code"), .text("name"), .text("province"), .text("inhabitants")])
            for municipality in region.municipalities {
                writer.append([.text(municipality.code.rawValue), .text(municipality.name), .text(municipality.provinceName), cell(municipality.inhabitants)])
            }
            footer(source, notes, into: &writer)
            return writer.text
        case .markdown: return MarkdownWriter().write(RegionsDocument.build(region, in: figures, locale: locale))
        case .html: return HTMLWriter().write([RegionsDocument.build(region, in: figures, locale: locale)])
        default: return TextWriter().write(RegionsDocument.build(region, in: figures, locale: locale))
        }
    }

    // MARK: - A set of municipalities

    /// A set of municipalities someone named, with province and inhabitants, and the total.
    public func render(_ set: MunicipalitySet, in figures: CBSYear, as format: OutputFormat) -> String {
        let source = figures.source()
        switch format {
        case .json:
            var object = header(figures, source: source, notes: [])
            object["set"] = .object(["name": set.name.map(JSONOutput.string) ?? .null, "slug": .string(set.slug)])
            object["municipalities"] = .array(set.municipalities.map { municipality in
                .object(["code": .string(municipality.code.rawValue), "name": .string(municipality.name),
                         "province": .string(municipality.provinceName), "inhabitants": .number(String(municipality.inhabitants))])
            })
            object["total"] = .object(["municipalities": .number(String(set.municipalities.count)), "inhabitants": .number(String(set.inhabitants))])
            return JSONOutput.object(object).text
        case .csv:
            var writer = CSVWriter(locale: locale)
            writer.append([.text("code"), .text("name"), .text("province"), .text("inhabitants")])
            for municipality in set.municipalities {
                writer.append([.text(municipality.code.rawValue), .text(municipality.name), .text(municipality.provinceName), cell(municipality.inhabitants)])
            }
            footer(source, [], into: &writer)
            return writer.text
        case .markdown: return MarkdownWriter().write(RegionsDocument.build(set, in: figures, locale: locale))
        case .html: return HTMLWriter().write([RegionsDocument.build(set, in: figures, locale: locale)])
        default: return TextWriter().write(RegionsDocument.build(set, in: figures, locale: locale))
        }
    }

    // MARK: - Pieces

    func number(_ value: Int) -> String { locale.format(Int64(value)) }

    func cell(_ value: Int) -> CSVWriter.Cell { .number(ExactDecimal(significand: Int64(value))) }

    func header(_ figures: CBSYear, source: CBSSource, notes: [String]) -> [String: JSONOutput] {
        var object: [String: JSONOutput] = [
            "year": .number(String(figures.year)),
            "date": .string(figures.date.description),
            "source": Self.json(source, date: figures.date),
        ]
        if !notes.isEmpty { object["notes"] = .array(notes.map(JSONOutput.string)) }
        return object
    }

    /// The credit as JSON: publisher, licence, table, reference date and the text to print.
    static func json(_ source: CBSSource, date: PlanDate) -> JSONOutput {
        .object([
            "publisher": .string("CBS"),
            "licence": .string(CBSSource.licence),
            "table": .string(source.table),
            "title": .string(source.tableTitle),
            "date": .string(date.description),
            "regionTables": .array(source.regionTables.map(JSONOutput.string)),
            "credit": .string(source.credit),
        ])
    }

    /// The credit, then any notes, as last lines of one field: CBS's own exports end the same
    /// way, and a weights reader stops at the `Bron:` line, so the file can be split over as is.
    func footer(_ source: CBSSource, _ notes: [String], into writer: inout CSVWriter) {
        writer.append([.text(source.credit)])
        for note in notes { writer.append([.text(note)]) }
    }

}
