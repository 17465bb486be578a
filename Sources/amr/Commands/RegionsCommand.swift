import AMRCore

/// `amr regions`: CBS's labour-market regions with their municipalities and inhabitants.
enum RegionsCommand: Command {
    static let name = "regions"
    static let summary = "list the labour-market regions, or one region's municipalities, with CBS inhabitants"
    static let usage = """
        amr regions [REGION] [--year YEAR] [options]
        amr regions --municipalities LIST [--name NAME] [--year YEAR] [options]
        """
    static let details = """
        Without a region: the 35 labour-market regions (arbeidsmarktregio's) with their code, name,
        number of municipalities and inhabitants on 1 January. With a region (its code such as AM21,
        its name or its slug such as gooi-en-vechtstreek): its municipalities with code, name,
        province and inhabitants, and the total. With --municipalities (or --municipalities-file):
        that set's municipalities the same way. The figures are CBS's, carried by amr for
        1 January 2015–2025 (Bron: CBS, CC BY 4.0); every output names the table and the date.
        Region membership for 2020–2023 is CBS's 2026 membership applied backwards; 2015 and
        2017–2019 have no CBS table of the regions and take the nearest year's membership through
        the mergers; 2016's table gives codes only. The output says so.
        """
    static let examples = [
        "amr regions",
        "amr regions haaglanden --year 2024",
        "amr regions AM12 --format csv -o gooi-en-vechtstreek.csv",
        "amr regions --municipalities \"Leiden, Katwijk, Gouda\" --year 2017",
    ]
    static let options = [
        CBSOptions.yearOption,
    ] + CBSOptions.setOptions + [
        OptionSpec(long: "name", short: nil, value: "NAME", help: "the name of the --municipalities set, for the title"),
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "output format, default table", choices: ["table", "markdown", "html", "xlsx", "ods", "docx", "odt", "csv", "json"]),
        OptionSpec(long: "locale", short: "l", value: "LOCALE", help: "language and number notation: nl (default, 802.209) or en (802,209)", choices: ["nl", "en"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        let format = ReportFormat.chosen(arguments, choices: ReportFormat.choices(options))
        let locale = arguments.value("locale").flatMap(NumberLocale.init(rawValue:)) ?? .nl
        let resolver = try CBSOptions.resolver(arguments, command: name)
        let renderer = RegionsRenderer(locale: locale)
        if CBSOptions.namesSet(arguments) {
            guard arguments.operands.isEmpty else {
                throw UsageError("give either a region or --municipalities, not both", command: name)
            }
            guard let set = try CBSOptions.municipalitySet(arguments, resolver, name: arguments.value("name"), environment: environment, command: name) else { return 2 }
            if format.isOfficeFile {
                try OutputFile.write(office: [RegionsDocument.build(set, in: resolver.figures, locale: locale)], as: format, to: arguments.value("output"),
                                     inputs: arguments.value("municipalities-file").map { [$0] } ?? [], environment: environment, command: name, outcome: &outcome)
                return 0
            }
            try OutputFile.write(renderer.render(set, in: resolver.figures, as: format), to: arguments.value("output"),
                                 inputs: arguments.value("municipalities-file").map { [$0] } ?? [], outcome: &outcome)
            return 0
        }
        let region = arguments.operands.isEmpty ? nil
            // "amr regions Gooi en Vechtstreek" without quotes is one name.
            : try CBSOptions.region(arguments.operands.joined(separator: " "), resolver, command: name)
        if format.isOfficeFile {
            let document = region.map { RegionsDocument.build($0, in: resolver.figures, locale: locale) }
                ?? RegionsDocument.build(resolver.figures, locale: locale)
            try OutputFile.write(office: [document], as: format, to: arguments.value("output"), inputs: [],
                                 environment: environment, command: name, outcome: &outcome)
            return 0
        }
        let text = region.map { renderer.render($0, in: resolver.figures, as: format) } ?? renderer.render(resolver.figures, as: format)
        try OutputFile.write(text, to: arguments.value("output"), inputs: [], outcome: &outcome)
        return 0
    }
}
