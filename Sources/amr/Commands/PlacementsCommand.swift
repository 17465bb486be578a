import AMRCore

/// `amr placements`: counts a placement export by municipality, sector, target group or period.
enum PlacementsCommand: Command {
    static let name = "placements"
    static let summary = "count a placement export by gemeente, sector, doelgroep, year, quarter or month"
    static let usage = "amr placements FILE.csv [--by gemeente,sector,doelgroep,year,quarter,month] [--from DATE] [--to DATE] [options]"
    static let details = """
        Counts a placement export: one row per placement with the columns datum, gemeente, sector and
        doelgroep, found by their header (extra columns are ignored; ',' or ';' is detected). The
        file is read in one pass, so memory does not grow with the number of rows. A file is split
        into parts counted on all cores (--threads); the result is the same, to the byte, as on
        one. Standard input (-) is read as a stream on one thread. Dates are YYYY-MM-DD or
        DD-MM-YYYY; --from and --to include their days. An Excel workbook (.xlsx) or OpenDocument
        spreadsheet (.ods) is read too: its first sheet or the one named with --sheet, date cells
        as dates, a row stored once with a repeat count as that many rows; messages name the cell.
        """
    static let examples = [
        "amr placements plaatsingen.csv --by gemeente,sector",
        "amr placements plaatsingen.csv --by year,quarter --from 2018-01-01 --format csv",
        "amr placements plaatsingen.csv --by gemeente --threads 1",
        "amr placements plaatsingen.ods --sheet Plaatsingen --by gemeente",
    ]
    static let options = [
        OptionSpec(long: "by", short: "b", value: "KEYS", help: "group by these, comma-separated: " + PlacementDimension.allCases.map(\.rawValue).joined(separator: ",")),
        OptionSpec(long: "from", short: nil, value: "DATE", help: "count placements on or after this date (30-06-2021 or 2021-06-30)"),
        OptionSpec(long: "to", short: nil, value: "DATE", help: "count placements on or before this date (30-06-2021 or 2021-06-30)"),
        OptionSpec(long: "column", short: "c", value: "ROLE=HEADER", help: "the column that holds datum, gemeente, sector or doelgroep, by its header: --column gemeente=Woongemeente (repeatable)",
                   repeatable: true),
        OptionSpec(long: "sheet", short: nil, value: "NAME", help: "the sheet of a workbook (.xlsx) or spreadsheet (.ods) export to count (default: the first)"),
        OptionSpec(long: "threads", short: nil, value: "N", help: "count a file on N threads, default all cores"),
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "output format, default table", choices: ["table", "markdown", "html", "xlsx", "ods", "docx", "odt", "csv", "json"]),
        OptionSpec(long: "locale", short: "l", value: "LOCALE", help: "language and number notation: nl (default) or en", choices: ["nl", "en"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
    ]

    /// `--column gemeente=Woongemeente` …: the header of each role's column.
    static func columnMapping(_ values: [String]) throws(UsageError) -> [String: String] {
        let roles = PlacementCounter.columnRoles
        let synonyms = ["date": "datum", "municipality": "gemeente", "branche": "sector", "target-group": "doelgroep", "year": "datum",
                        "jaar": "datum", "kwartaal": "datum", "quarter": "datum", "month": "datum", "maand": "datum"]
        var mapping: [String: String] = [:]
        for value in values {
            guard let equals = value.firstIndex(of: "=") else {
                throw UsageError("--column '\(value)' names no role; type --column ROLE=HEADER with ROLE one of \(roles.joined(separator: ", ")), e.g. --column gemeente=Woongemeente", command: name)
            }
            let given = value[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let header = value[value.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let role = roles.contains(given) ? given : synonyms[given] else {
                var message = "--column '\(value)': '\(given)' is not a column amr reads"
                if let near = Suggestion.closest(to: given, among: roles) { message += "; did you mean --column \(near)=\(header)?" }
                else { message += "; type --column ROLE=HEADER with ROLE one of \(roles.joined(separator: ", "))" }
                throw UsageError(message, command: name)
            }
            guard !header.isEmpty else {
                throw UsageError("--column \(role)= names no header; type the export's header after '=', e.g. --column \(role)=Woongemeente", command: name)
            }
            if mapping[role] != nil { throw UsageError("--column names \(role) twice; give each role once", command: name) }
            mapping[role] = header
        }
        return mapping
    }

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        guard arguments.operands.count == 1, let file = arguments.operands.first else {
            throw UsageError(arguments.operands.isEmpty ? "give a placement export: amr placements FILE.csv"
                             : "give one placement file; got \(arguments.operands.count)", command: name)
        }
        var dimensions: [PlacementDimension] = []
        for part in (arguments.value("by") ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            // Dutch words for the periods, English ones for the columns: as people type them.
            let words = ["jaar": "year", "kwartaal": "quarter", "maand": "month", "municipality": "gemeente", "target-group": "doelgroep",
                         "gemeenten": "gemeente", "sectoren": "sector", "doelgroepen": "doelgroep", "branche": "sector"]
            guard let dimension = PlacementDimension(rawValue: words[part] ?? part) else {
                let names = PlacementDimension.allCases.map(\.rawValue)
                var message = "--by '\(part)' is not something to group by"
                if let near = Suggestion.closest(to: part, among: names) { message += "; did you mean '\(near)'?" }
                else { message += "; expected some of: " + names.joined(separator: ",") + " (or jaar, kwartaal, maand); type e.g. --by gemeente,kwartaal" }
                throw UsageError(message, command: name)
            }
            if dimensions.contains(dimension) { throw UsageError("--by names '\(part)' twice; name each key once", command: name) }
            dimensions.append(dimension)
        }
        func date(_ option: String) throws -> PlanDate? {
            guard let text = arguments.value(option) else { return nil }
            let date = try DateArgument.parse(text, option: option, command: name)
            return date
        }
        let from = try date("from"), to = try date("to")
        if let from, let to, to < from { throw UsageError("--to \(to) is before --from \(from); give a range that runs forward", command: name) }
        var threads = PlacementCounter.availableThreads
        if let text = arguments.value("threads") {
            guard let number = Int(text), number >= 1, number <= 1024 else {
                throw UsageError("--threads '\(text)' is not a number of threads; expected a whole number from 1 to 1024 (default: all cores)", command: name)
            }
            threads = number
        }
        var counter = PlacementCounter(groupBy: dimensions, from: from, to: to, threads: threads)
        counter.columns = try columnMapping(arguments.values("column"))
        counter.maximumLineLength = try environment.limits().maximumLineLength
        let counts: PlacementCounts
        if let sheet = try PlacementExport.sheet(file, sheet: arguments.value("sheet"), limits: try environment.limits()) {
            counts = try counter.count(sheet, file: file)
        } else {
            if arguments.has("sheet") {
                throw UsageError("--sheet picks a sheet of a workbook, but \(file) is not an Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods); leave --sheet out for a CSV file", command: name)
            }
            counts = try counter.count(path: file, file: file == "-" ? "<stdin>" : file)
        }
        let format = ReportFormat.chosen(arguments, choices: ReportFormat.choices(options))
        let locale = arguments.value("locale").flatMap(NumberLocale.init(rawValue:)) ?? .nl
        let renderer = PlacementRenderer(locale: locale, file: file == "-" ? "<stdin>" : file, from: from, to: to)
        if format.isOfficeFile {
            try OutputFile.write(office: [renderer.document(counts)], as: format, to: arguments.value("output"),
                                 inputs: [file], environment: environment, command: name, outcome: &outcome)
        } else {
            try OutputFile.write(renderer.render(counts, as: format), to: arguments.value("output"), inputs: [file], outcome: &outcome)
        }
        return 0
    }
}
