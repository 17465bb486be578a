import AMRCore

/// `amr allocate`: the allocations in a plan file, or an ad hoc split of a total over a weights
/// CSV, exact to the unit and set beside the shares the plan states.
enum AllocateCommand: Command {
    static let name = "allocate"
    static let summary = "split an amount exactly over municipalities (by inhabitants or another key)"
    static let usage = """
        amr allocate PLAN.json [--allocation ID] [options]
        amr allocate --total AMOUNT --weights FILE.csv [options]
        amr allocate --total AMOUNT --weights FILE.xlsx|FILE.ods [--sheet NAME] [options]
        amr allocate --total AMOUNT --region REGION [--weights FILE.csv] [--year YEAR] [options]
        amr allocate --total AMOUNT --municipalities LIST [--name NAME] [--year YEAR] [options]
        """
    static let details = """
        Splits an amount by a key (inhabitants at a reference date, another measure, equal shares or
        a mix of keys) so that every share is a multiple of the rounding unit and the shares add up
        to the amount exactly. With a plan file, every allocation in it is made and set beside the
        shares the plan states, with the difference per row and in the sum.

        The weights CSV has a header row; the name and weight columns are found by their header
        (naam/gemeente/regio/name; inwoners/inwonertal/inw./bevolking/gewicht/weight/population)
        or are said with --name-column and --weight-column (a header or a letter such as C); else
        the weights are the one column of numbers beside the names. ',', ';' and tab are detected; a CBS StatLine export works as it is. A total row
        (Totaal, Som, Eindtotaal, Subtotaal …, or a last row that is the sum of the rows above
        it) is never a party: it is checked, and a total that differs exits 1. A column of
        percentages or amounts beside the weights (%, aandeel, bedrag) is compared with the split.
        A negative total (a deficit) is split as the mirror of the positive one, by largest
        remainder only. An Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods) is read
        directly: its first sheet, or the one named with --sheet; numbers are read as Excel shows
        them (at most 15 significant digits).

        With --region (a code such as AM21, a name or a slug such as gooi-en-vechtstreek) and no
        weights file, the amount is split over the region's municipalities by CBS inhabitants on
        1 January of --year (default the latest, 2015–2025; Bron: CBS). With --weights as well, the
        file's rows must be exactly the region's municipalities (by code or name); a weight that
        differs from CBS's is noted, never changed. With --municipalities (names or codes, commas
        between) or --municipalities-file (one per line, or a CSV column) the amount is split over
        that set instead, by CBS inhabitants: a joint arrangement or GGD region whose members are
        not one labour-market region. A name that is no municipality in that year is an error
        naming what it merged into, or the closest names.

        Amounts (--total, --unit and amount strings in plan files) are read as typed, in Dutch
        notation unless --locale en: 250000, 250.000, 250.000,00, € 250.000 and 250.000,- are all
        two hundred and fifty thousand euros; 159500.5 and 12,5 have cents. With both '.' and ','
        the last one is the decimal mark (250,000.00 works in either notation). An amount has at
        most two decimals, so one mark followed by three digits groups thousands when it is the
        notation's separator (250.000 in Dutch, 250,000 with --locale en) and is refused, with
        both readings, otherwise (1,500 in Dutch: type 1500 or 1,50). Nothing is ever rounded.
        """
    static let examples = [
        "amr allocate --total 159500 --region haaglanden --year 2024",
        "amr allocate --total 250.000 --region 'Regio Gooi & Vechtstreek'",
        "amr allocate --total 250,000.00 --region gooi-en-vechtstreek --locale en",
        "amr allocate Fixtures/haaglanden-2018.json",
        "amr allocate Fixtures/haaglanden-2018.json --allocation bijdrage-2018 --format json",
        "amr allocate --total 159500 --weights inwoners.csv --unit 1",
        "amr allocate --total 159500.00 --weights inwoners.csv --format csv -o verdeling.csv",
        "amr allocate --total 159500 --weights inwoners.xlsx --format xlsx -o verdeling.xlsx",
        "amr allocate --total 159500 --weights inwoners.csv --region haaglanden --year 2024",
        "amr allocate --total 159500 --weights inwoners.xlsx --sheet Blad1",
        "amr allocate --total 250000 --municipalities \"Leiden, Katwijk, Noordwijk, Alphen aan den Rijn\" --name Voorbeeld --year 2018",
    ]
    static let options = [
        OptionSpec(long: "allocation", short: "a", value: "ID", help: "only the allocation with this id (plan files)"),
        OptionSpec(long: "total", short: "t", value: "AMOUNT", help: "the amount to split, in euros: 250000, 250.000 or 250.000,00 (Dutch notation; see above)"),
        OptionSpec(long: "weights", short: "w", value: "FILE", help: "a CSV, Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods) of names and weights to split over"),
        OptionSpec(long: "sheet", short: nil, value: "NAME", help: "the sheet of the --weights workbook (.xlsx, .ods) to read (default: the first)"),
        OptionSpec(long: "weight-column", short: nil, value: "COLUMN", help: "the --weights column to split by: its header (\"Inw.\") or letter (C)"),
        OptionSpec(long: "name-column", short: nil, value: "COLUMN", help: "the --weights column of names: its header (Woonplaats) or letter (A)"),
    ] + regionOptions + [
        OptionSpec(long: "name", short: nil, value: "NAME", help: "the name of the --municipalities set, for the report's title"),
        OptionSpec(long: "unit", short: "u", value: "UNIT", help: "round shares to this unit in euros: 0,01 (default), 1, 100, 1.000, …"),
        OptionSpec(long: "method", short: "m", value: "METHOD", help: "largest-remainder (default), dhondt or sainte-lague"),
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "output format, default table", choices: ["table", "markdown", "html", "xlsx", "ods", "docx", "odt", "csv", "json"]),
        OptionSpec(long: "locale", short: "l", value: "LOCALE", help: "language and number notation: nl (default, € 20.157,18) or en (€20,157.18)", choices: ["nl", "en"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        try checkAmountWords(arguments)
        let format = ReportFormat.chosen(arguments, choices: ReportFormat.choices(options))
        let locale = arguments.value("locale").flatMap(NumberLocale.init(rawValue:)) ?? .nl
        let method = try arguments.value("method").map(parseMethod)
        let unit = try arguments.value("unit").map { text throws(UsageError) in try parseUnit(text, locale: locale) }

        let reports: [AllocationReport]
        var inputs: [String] = []
        // Allocations of a plan that could not be made (input errors): exit 2 after the others.
        var failed = 0
        if arguments.has("region") || arguments.has("year") || arguments.has("municipalities") || arguments.has("municipalities-file") {
            let region = try regionReport(arguments, locale: locale, method: method, unit: unit, environment: environment)
            for warning in region.warnings { outcome.stderr += "amr: warning: \(warning)\n" }
            reports = [region.report]
            inputs = region.inputs
        } else if let weightsFile = arguments.value("weights") {
            guard arguments.operands.isEmpty else {
                throw UsageError("give either a plan file or --total with --weights, not both", command: name)
            }
            guard let totalText = arguments.value("total") else {
                throw UsageError("--weights needs --total AMOUNT: the amount to split", command: name)
            }
            if arguments.has("allocation") {
                throw UsageError("--allocation picks an allocation in a plan file; it does not go with --weights", command: name)
            }
            let total = try checkedTotal(totalText, locale: locale, unit: unit, method: method)
            let (report, warnings) = try adHocReport(total: total, weightsFile: weightsFile, sheet: arguments.value("sheet"), method: method,
                                                     unit: unit, limits: try environment.limits(), columns: weightColumns(arguments))
            for warning in warnings { outcome.stderr += "amr: warning: \(warning)\n" }
            reports = [report]
            inputs = [weightsFile]
        } else {
            if arguments.has("total") {
                throw UsageError("--total needs --weights FILE.csv or --region REGION: what to split over", command: name)
            }
            if arguments.has("sheet") {
                throw UsageError("--sheet picks the sheet of a --weights workbook; it does not go with a plan file", command: name)
            }
            for option in ["weight-column", "name-column"] where arguments.has(option) {
                throw UsageError("--\(option) picks a column of a --weights file; it does not go with a plan file (leave it out, or give --total AMOUNT --weights FILE)", command: name)
            }
            guard let planFile = arguments.operands.first else {
                throw UsageError("give a plan file (amr allocate PLAN.json), --total AMOUNT --weights FILE.csv or --total AMOUNT --region REGION", command: name)
            }
            guard arguments.operands.count == 1 else {
                throw UsageError("give one plan file; got \(arguments.operands.count): \(arguments.operands.joined(separator: " "))", command: name)
            }
            inputs = [planFile]
            let loaded = try PlanLoader.load(contentsOf: planFile, displayName: displayName(planFile), limits: try environment.limits())
            for warning in loaded.warnings { outcome.stderr += "amr: \(warning)\n" }
            var specs = loaded.plan.allocations
            if let id = arguments.value("allocation") {
                let ids = specs.map(\.id)
                guard let spec = specs.first(where: { $0.id == id }) else {
                    var message = "\(displayName(planFile)) has no allocation '\(id)'"
                    if let near = Suggestion.closest(to: id, among: ids) { message += "; did you mean '\(near)'?" }
                    else { message += ids.isEmpty ? "; it has no allocations" : "; its allocations: " + ids.joined(separator: ", ") }
                    throw UsageError(message, command: name)
                }
                specs = [spec]
            }
            guard !specs.isEmpty else {
                throw LoadError.unusable(loaded.location(of: ""), "the plan has no allocations to make; add one under \"allocations\" (see docs/plan-format.md)")
            }
            // Every allocation that can be made is shown; one that cannot (a key whose figures
            // the plan does not print, a share amr cannot place) is said on stderr.
            var made: [AllocationReport] = []
            for spec in specs {
                var chosen = spec
                if let missing = PlanAllocator.missingKeyFigures(spec, in: loaded.plan) {
                    guard let date = missing.cbsDate else {
                        let message = "\(displayName(planFile)): allocation '\(spec.id)' is not made: the plan names the key \"\(missing.measure)\"\(missing.date.map { " on \($0)" } ?? "") but gives \(missing.none ? "no figures for it" : "none for " + missing.municipalities.joined(separator: ", ")); add them under \(missing.whereToAdd)"
                        if specs.count == 1 { throw LoadError.unusable(loaded.location(of: spec.pointer + "/key"), message.replacingOccurrences(of: "\(displayName(planFile)): ", with: "")) }
                        outcome.stderr += "amr: note: \(message)\n"
                        continue
                    }
                    outcome.stderr += "amr: note: \(displayName(planFile)): allocation '\(spec.id)': the plan prints no inwoners for its key, so CBS's inhabitants on \(date) are used\n"
                    chosen = PlanAllocator.withCBSKey(spec, date: date)
                }
                do throws(LoadError) {
                    made.append(try PlanAllocator.allocate(chosen, in: loaded, method: method, unit: unit))
                } catch {
                    if specs.count == 1 { throw error }
                    outcome.stderr += "amr: error: \(error)\n"
                    failed += 1
                }
            }
            guard !made.isEmpty else {
                throw LoadError.unusable(loaded.location(of: "/allocations"), "none of the plan's allocations can be made (see above)")
            }
            reports = made
        }
        let renderer = AllocationRenderer(locale: locale)
        if format.isOfficeFile {
            try OutputFile.write(office: renderer.documents(reports), as: format, to: arguments.value("output"),
                                 inputs: inputs, environment: environment, command: name, outcome: &outcome)
        } else {
            try OutputFile.write(renderer.render(reports, as: format), to: arguments.value("output"), inputs: inputs, outcome: &outcome)
        }
        if failed > 0 { return 2 }
        return reports.allSatisfy(\.matchesStated) ? 0 : 1
    }

    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    static func parseMethod(_ text: String) throws(UsageError) -> ApportionmentMethod {
        if let method = ApportionmentMethod.parse(text) { return method }
        let names = ApportionmentMethod.allCases.map(\.rawValue)
        var message = "unknown method '\(text)'"
        if let near = Suggestion.closest(to: text, among: names) { message += "; did you mean '\(near)'?" }
        else { message += "; expected one of: " + names.joined(separator: ", ") }
        throw UsageError(message, command: name)
    }

    static func parseUnit(_ text: String, locale: NumberLocale) throws(UsageError) -> RoundingUnit {
        switch AmountReader(notation: locale).read(text) {
        case .success(let money):
            guard let unit = RoundingUnit(cents: money.cents) else {
                throw UsageError("--unit '\(text)' is not a rounding unit; type a positive amount in euros such as \(unitExamples(locale))", command: name)
            }
            return unit
        case .failure(let error):
            throw UsageError("--unit " + error.message(in: locale) + localeHint(error, locale: locale), command: name)
        }
    }

    static func unitExamples(_ locale: NumberLocale) -> String {
        locale == .nl ? "0,01, 1 or 100" : "0.01, 1 or 100"
    }

    /// Reads `--total` as typed, in the notation of `--locale` (see `AmountReader`).
    static func parseTotal(_ text: String, locale: NumberLocale = .nl) throws(UsageError) -> Money {
        switch AmountReader(notation: locale).read(text) {
        case .success(let money): return money
        case .failure(let error): throw UsageError("--total " + error.message(in: locale) + localeHint(error, locale: locale), command: name)
        }
    }

    /// `--total 2,5 miljoen` or `--total € 250.000` unquoted: the rest of the amount became an
    /// operand (or the amount itself), which would read as a plan file; say how to type it.
    static func checkAmountWords(_ arguments: ParsedArguments) throws(UsageError) {
        guard let total = arguments.value("total") else { return }
        let words: Set<String> = ["miljoen", "mln", "mln.", "miljard", "mld", "duizend", "k", "m", "euro", "eur", "€", "million", "thousand"]
        if words.contains(total.lowercased()), let next = arguments.operands.first {
            throw UsageError("--total '\(total)' is followed by '\(next)': type the amount as one value in digits, e.g. --total 250.000 or --total '€ 250.000'", command: name)
        }
        if let word = arguments.operands.first(where: { words.contains($0.lowercased()) }) {
            throw UsageError("'\(word)' after --total \(total) is not part of the amount; type the amount in digits, e.g. --total 2.500.000 for 2,5 miljoen", command: name)
        }
    }

    /// For `1,500` in Dutch notation: the option that reads it the other way.
    static func localeHint(_ error: AmountReadError, locale: NumberLocale) -> String {
        guard case .ambiguous = error else { return "" }
        return locale == .nl ? " (or give --locale en to read ',' as thousands separator)" : " (or leave out --locale en to read '.' as thousands separator)"
    }

    /// The amount of `--total`, refused when it is not a multiple of the unit, or negative for a
    /// divisor method (those hand out whole things).
    static func checkedTotal(_ text: String, locale: NumberLocale = .nl, unit: RoundingUnit?, method: ApportionmentMethod?) throws(UsageError) -> Money {
        let total = try parseTotal(text, locale: locale)
        if let unit, total.cents % unit.cents != 0 {
            throw UsageError("--total \(text) is not a multiple of --unit \(unit); give a total in whole units or a smaller unit", command: name)
        }
        if total.cents < 0, let method, method != .largestRemainder {
            throw UsageError("--total \(text) is negative, and \(method.rawValue) splits whole things such as seats or placements; give a total of 0 or more, or use --method largest-remainder to split a deficit", command: name)
        }
        return total
    }

    /// The ad hoc form: `--total AMOUNT --weights FILE.csv` or `FILE.xlsx`/`FILE.ods [--sheet NAME]`, with
    /// what the reader guessed.
    static func adHocReport(total: Money, weightsFile: String, sheet: String?, method: ApportionmentMethod?, unit: RoundingUnit?,
                            limits: InputLimits, columns: WeightColumns? = nil) throws -> (AllocationReport, warnings: [String]) {
        // A last row named after a labour-market region is that region's total.
        let regionNames = (try? CBSData.embedded())?.regionNamesForTotals ?? []
        let table = try weightsTable(weightsFile, sheet: sheet, limits: limits, totalNames: regionNames, columns: columns)
        let report = try PlanAllocator.allocate(total, over: table, file: displayName(weightsFile), method: method ?? .largestRemainder,
                                                unit: unit ?? .cent)
        return (report, table.warnings + shareColumnWarnings(report, file: displayName(weightsFile)))
    }

    /// The weights table of a CSV file or an Excel workbook; a workbook is recognised by its
    /// bytes (a zip archive), not by its name. A row named as in `totalNames` is a total row.
    static func weightsTable(_ weightsFile: String, sheet: String?, limits: InputLimits, totalNames: [String] = [],
                             columns: WeightColumns? = nil) throws -> WeightTable {
        let file = displayName(weightsFile)
        let bytes = try FileInput.read(weightsFile, displayName: file, maximumSize: limits.maximumFileSize)
        if isJSON(bytes) {
            throw UsageError("\(file) is a plan file (JSON), not a weights table; to make its allocations, type 'amr allocate \(weightsFile)' without --total and --weights; to split an amount, give --weights a CSV or Excel file of names and weights", command: name)
        }
        switch WorkbookReader.signature(of: bytes) {
        case .zip:
            let records = try WorkbookReader.records(bytes: bytes, file: file, sheet: sheet, limits: limits)
            return try WeightTable.read(records: records, file: file, totalNames: totalNames, columns: columns)
        case .ole:
            throw WorkbookReader.oleMessage(file: file)
        case .other:
            if sheet != nil {
                throw UsageError("--sheet picks a sheet of a workbook, but \(file) is not an Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods); leave --sheet out for a CSV file", command: name)
            }
            return try WeightTable.read(bytes: bytes, file: file, totalNames: totalNames, columns: columns)
        }
    }

    /// `--name-column` and `--weight-column`, when given.
    static func weightColumns(_ arguments: ParsedArguments) -> WeightColumns? {
        let columns = WeightColumns(name: arguments.value("name-column"), weight: arguments.value("weight-column"))
        return columns.name == nil && columns.weight == nil ? nil : columns
    }

    /// A JSON document (a plan file): `{` or `[` first, after a byte-order mark and white space.
    static func isJSON(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        guard let first = rest.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// A warning for each share column beside the weights that could not be compared.
    static func shareColumnWarnings(_ report: AllocationReport, file: String) -> [String] {
        report.shareColumns.compactMap { check in
            check.notCompared.map { "\(file): the column \"\(check.header)\" is not compared with the split: \($0)" }
        }
    }
}
