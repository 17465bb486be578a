import AMRCore

/// `amr allocate`: the allocations in a plan file, or an ad hoc split of a total over a weights
/// CSV, exact to the unit and set beside the shares the plan states.
enum AllocateCommand: Command {
    static let name = "allocate"
    static let summary = "split an amount exactly over municipalities (by inhabitants or another key)"
    static let usage = """
        amr allocate PLAN.json [--allocation ID] [options]
        amr allocate --total AMOUNT --weights FILE.csv [options]
        amr allocate --total AMOUNT --weights FILE.xlsx [--sheet NAME] [options]
        amr allocate --total AMOUNT --region REGION [--weights FILE.csv] [--year YEAR] [options]
        amr allocate --total AMOUNT --municipalities LIST [--name NAME] [--year YEAR] [options]
        """
    static let details = """
        Splits an amount by a key (inhabitants at a reference date, another measure, equal shares or
        a mix of keys) so that every share is a multiple of the rounding unit and the shares add up
        to the amount exactly. With a plan file, every allocation in it is made and set beside the
        shares the plan states, with the difference per row and in the sum.

        The weights CSV has a header row; the name and weight columns are found by their header
        (naam/gemeente/regio/name, inwoners/gewicht/weight/population) or else are the first two
        columns. ',', ';' and tab are detected; a CBS StatLine export works as it is. A total row
        (Totaal, Som, Eindtotaal, Subtotaal …, or a last row that is the sum of the rows above
        it) is never a party: it is checked, and a total that differs exits 1. A column of
        percentages or amounts beside the weights (%, aandeel, bedrag) is compared with the split.
        A negative total (a deficit) is split as the mirror of the positive one, by largest
        remainder only. An Excel workbook (.xlsx) is read directly: its first sheet, or the one
        named with --sheet; numbers are read as Excel shows them (at most 15 significant digits).

        With --region (a code such as AM21, a name or a slug such as gooi-en-vechtstreek) and no
        weights file, the amount is split over the region's municipalities by CBS inhabitants on
        1 January of --year (default the latest, 2015–2025; Bron: CBS). With --weights as well, the
        file's rows must be exactly the region's municipalities (by code or name); a weight that
        differs from CBS's is noted, never changed. With --municipalities (names or codes, commas
        between) or --municipalities-file (one per line, or a CSV column) the amount is split over
        that set instead, by CBS inhabitants: a joint arrangement or GGD region whose members are
        not one labour-market region. A name that is no municipality in that year is an error
        naming what it merged into, or the closest names.
        """
    static let examples = [
        "amr allocate --total 159500 --region haaglanden --year 2024",
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
        OptionSpec(long: "total", short: "t", value: "AMOUNT", help: "the amount to split, in euros: 159500 or 159500.00"),
        OptionSpec(long: "weights", short: "w", value: "FILE", help: "a CSV or Excel workbook (.xlsx) of names and weights to split over"),
        OptionSpec(long: "sheet", short: nil, value: "NAME", help: "the sheet of the --weights workbook to read (default: the first)"),
    ] + regionOptions + [
        OptionSpec(long: "name", short: nil, value: "NAME", help: "the name of the --municipalities set, for the report's title"),
        OptionSpec(long: "unit", short: "u", value: "UNIT", help: "round shares to this unit in euros: 0.01 (default), 1, 100, …"),
        OptionSpec(long: "method", short: "m", value: "METHOD", help: "largest-remainder (default), dhondt or sainte-lague"),
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "output format, default table", choices: ["table", "markdown", "html", "xlsx", "csv", "json"]),
        OptionSpec(long: "locale", short: "l", value: "LOCALE", help: "language and number notation: nl (default, € 20.157,18) or en (€20,157.18)", choices: ["nl", "en"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        let format = ReportFormat.chosen(arguments, choices: ReportFormat.choices(options))
        let locale = arguments.value("locale").flatMap(NumberLocale.init(rawValue:)) ?? .nl
        let method = try arguments.value("method").map(parseMethod)
        let unit = try arguments.value("unit").map(parseUnit)

        let reports: [AllocationReport]
        var inputs: [String] = []
        if arguments.has("region") || arguments.has("year") || arguments.has("municipalities") || arguments.has("municipalities-file") {
            let region = try regionReport(arguments, method: method, unit: unit, environment: environment)
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
            let total = try checkedTotal(totalText, unit: unit, method: method)
            let (report, warnings) = try adHocReport(total: total, weightsFile: weightsFile, sheet: arguments.value("sheet"), method: method,
                                                     unit: unit, limits: try environment.limits())
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
                throw LoadError.unusable(loaded.location(of: ""), "the plan has no allocations to make; add one under \"allocations\" (see README, plan format)")
            }
            var made: [AllocationReport] = []
            for spec in specs { made.append(try PlanAllocator.allocate(spec, in: loaded, method: method, unit: unit)) }
            reports = made
        }
        let renderer = AllocationRenderer(locale: locale)
        if format == .xlsx {
            try OutputFile.write(workbook: try XLSXWriter().write(renderer.documents(reports)), to: arguments.value("output"),
                                 inputs: inputs, environment: environment, command: name, outcome: &outcome)
        } else {
            try OutputFile.write(renderer.render(reports, as: format), to: arguments.value("output"), inputs: inputs, outcome: &outcome)
        }
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

    static func parseUnit(_ text: String) throws(UsageError) -> RoundingUnit {
        guard let unit = RoundingUnit.parse(text) else {
            if case .failure(.tooLarge) = Money.parse(text) {
                throw UsageError("--unit '\(text)' is too large: the largest unit is \(Money.largest) euros (2⁶³ − 1 cents)", command: name)
            }
            throw UsageError("--unit '\(text)' is not a rounding unit; expected a positive amount in euros in whole cents, such as 0.01, 1 or 100", command: name)
        }
        return unit
    }

    static func parseTotal(_ text: String) throws(UsageError) -> Money {
        switch Money.parse(text) {
        case .success(let money): return money
        case .failure(.tooLarge):
            let bound = text.hasPrefix("-") ? "the smallest amount is -\(Money.largest)" : "the largest amount is \(Money.largest)"
            throw UsageError("--total '\(text)' is too large: \(bound) euros (2⁶³ − 1 cents)", command: name)
        case .failure(let error):
            if text.contains(",") {
                throw UsageError("--total '\(text)' is not an amount; write it in plain digits with '.' before the cents and no thousands separators, e.g. 159500.00", command: name)
            }
            throw UsageError("--total: \(error); expected euros in plain digits such as 159500 or 159500.00", command: name)
        }
    }

    /// The amount of `--total`, refused when it is not a multiple of the unit, or negative for a
    /// divisor method (those hand out whole things).
    static func checkedTotal(_ text: String, unit: RoundingUnit?, method: ApportionmentMethod?) throws(UsageError) -> Money {
        let total = try parseTotal(text)
        if let unit, total.cents % unit.cents != 0 {
            throw UsageError("--total \(text) is not a multiple of --unit \(unit); give a total in whole units or a smaller unit", command: name)
        }
        if total.cents < 0, let method, method != .largestRemainder {
            throw UsageError("--total \(text) is negative, and \(method.rawValue) splits whole things such as seats or placements; give a total of 0 or more, or use --method largest-remainder to split a deficit", command: name)
        }
        return total
    }

    /// The ad hoc form: `--total AMOUNT --weights FILE.csv` or `FILE.xlsx [--sheet NAME]`, with
    /// what the reader guessed.
    static func adHocReport(total: Money, weightsFile: String, sheet: String?, method: ApportionmentMethod?, unit: RoundingUnit?,
                            limits: InputLimits) throws -> (AllocationReport, warnings: [String]) {
        // A last row named after a labour-market region is that region's total.
        let regionNames = (try? CBSData.embedded())?.regionNamesForTotals ?? []
        let table = try weightsTable(weightsFile, sheet: sheet, limits: limits, totalNames: regionNames)
        let report = try PlanAllocator.allocate(total, over: table, file: displayName(weightsFile), method: method ?? .largestRemainder,
                                                unit: unit ?? .cent)
        return (report, table.warnings + shareColumnWarnings(report, file: displayName(weightsFile)))
    }

    /// The weights table of a CSV file or an Excel workbook; a workbook is recognised by its
    /// bytes (a zip archive), not by its name. A row named as in `totalNames` is a total row.
    static func weightsTable(_ weightsFile: String, sheet: String?, limits: InputLimits, totalNames: [String] = []) throws -> WeightTable {
        let file = displayName(weightsFile)
        let bytes = try FileInput.read(weightsFile, displayName: file, maximumSize: limits.maximumFileSize)
        switch WorkbookReader.signature(of: bytes) {
        case .zip:
            let records = try WorkbookReader.records(bytes: bytes, file: file, sheet: sheet, limits: limits)
            return try WeightTable.read(records: records, file: file, totalNames: totalNames)
        case .ole:
            throw WorkbookReader.oleMessage(file: file)
        case .other:
            if sheet != nil {
                throw UsageError("--sheet picks a sheet of a workbook, but \(file) is not an Excel workbook (.xlsx); leave --sheet out for a CSV file", command: name)
            }
            return try WeightTable.read(bytes: bytes, file: file, totalNames: totalNames)
        }
    }

    /// A warning for each share column beside the weights that could not be compared.
    static func shareColumnWarnings(_ report: AllocationReport, file: String) -> [String] {
        report.shareColumns.compactMap { check in
            check.notCompared.map { "\(file): the column \"\(check.header)\" is not compared with the split: \($0)" }
        }
    }
}
