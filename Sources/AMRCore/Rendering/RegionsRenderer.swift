/// Formats CBS's labour-market regions for `amr regions`: the 35 regions of a year, or one
/// region's municipalities, as a terminal table, Markdown, CSV or JSON. Every format carries
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
        let title = "Labour-market regions (arbeidsmarktregio's) on 1 January \(figures.year)"
        let count = figures.regions.count
        let totalLabel = "total: \(count) region\(count == 1 ? "" : "s")"
        switch format {
        case .json:
            var object = header(figures, source: source, notes: notes)
            object["regions"] = .array(figures.regions.map { region in
                .object(["code": .string(region.code.rawValue), "name": .string(region.name), "slug": .string(region.slug),
                         "municipalities": .number(String(region.municipalities.count)), "inhabitants": .number(String(region.inhabitants))])
            })
            object["total"] = .object(["regions": .number(String(count)), "municipalities": .number(String(figures.municipalities.count)),
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
        case .markdown:
            var out = "### \(MarkdownWriter.escaped(title))\n\n| code | region | municipalities | inhabitants |\n|---|---|---:|---:|\n"
            for region in figures.regions {
                out += "| \(region.code) | \(MarkdownWriter.escaped(region.name)) | \(region.municipalities.count) | \(number(region.inhabitants)) |\n"
            }
            out += "| | **\(totalLabel)** | **\(figures.municipalities.count)** | **\(number(figures.inhabitants))** |\n"
            return out + markdownNotes(source, notes)
        default:
            var table = TextTable(headers: ["code", "region", "municipalities", "inhabitants"], alignments: [.left, .left, .right, .right])
            for region in figures.regions {
                table.append([region.code.rawValue, region.name, String(region.municipalities.count), number(region.inhabitants)])
            }
            table.append(["", totalLabel, String(figures.municipalities.count), number(figures.inhabitants)], ruleBefore: true)
            return title + "\n\n" + table.render() + textNotes(source, notes)
        }
    }

    // MARK: - One region

    /// One region's municipalities with their province and inhabitants, and the total.
    public func render(_ region: CBSRegion, in figures: CBSYear, as format: OutputFormat) -> String {
        let source = figures.source(regionTables: region.regionTables)
        let notes = MembershipCaveat.note(MembershipCaveat.caveats(for: region.code, in: figures), in: figures).map { [$0] } ?? []
        let count = region.municipalities.count
        let title = "\(region.label) on 1 January \(figures.year): \(count) municipalit\(count == 1 ? "y" : "ies")"
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
        case .markdown:
            var out = "### \(MarkdownWriter.escaped(title))\n\n| code | municipality | province | inhabitants |\n|---|---|---|---:|\n"
            for municipality in region.municipalities {
                out += "| \(municipality.code) | \(MarkdownWriter.escaped(municipality.name)) | \(municipality.provinceName) | \(number(municipality.inhabitants)) |\n"
            }
            out += "| | **total** | | **\(number(region.inhabitants))** |\n"
            return out + markdownNotes(source, notes)
        default:
            var table = TextTable(headers: ["code", "municipality", "province", "inhabitants"], alignments: [.left, .left, .left, .right])
            for municipality in region.municipalities {
                table.append([municipality.code.rawValue, municipality.name, municipality.provinceName, number(municipality.inhabitants)])
            }
            table.append(["", "total", "", number(region.inhabitants)], ruleBefore: true)
            return title + "\n\n" + table.render() + textNotes(source, notes)
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

    func textNotes(_ source: CBSSource, _ notes: [String]) -> String {
        "\n" + notes.map { $0 + "\n\n" }.joined() + source.credit + "\n"
    }

    func markdownNotes(_ source: CBSSource, _ notes: [String]) -> String {
        "\n" + notes.map { MarkdownWriter.escaped($0) + "\n\n" }.joined() + MarkdownWriter.escaped(source.credit) + "\n"
    }
}
