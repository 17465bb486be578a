import AMRCore

/// The `--region` forms of `amr allocate`: a split by CBS inhabitants with no input file, and a
/// weights file checked against the region's municipalities.
extension AllocateCommand {
    static let regionOptions = [
        OptionSpec(long: "region", short: "r", value: "REGION", help: "split over this region's municipalities by CBS inhabitants; with --weights, check the file against it"),
        CBSOptions.yearOption,
    ] + CBSOptions.setOptions

    /// The report of `--total … --region … [--weights FILE [--sheet NAME]] [--year YEAR]`, the
    /// input files and what the weights reader guessed.
    static func regionReport(_ arguments: ParsedArguments, locale: NumberLocale = .nl, method: ApportionmentMethod?, unit: RoundingUnit?,
                             environment: Environment) throws -> (report: AllocationReport, inputs: [String], warnings: [String]) {
        if CBSOptions.namesSet(arguments) { return try setReport(arguments, locale: locale, method: method, unit: unit, environment: environment) }
        guard let regionText = arguments.value("region") else {
            throw UsageError("--year picks the year of the CBS figures for --region; add --region REGION or --municipalities LIST", command: name)
        }
        guard arguments.operands.isEmpty else {
            throw UsageError("give either a plan file or --total with --region, not both", command: name)
        }
        if arguments.has("allocation") {
            throw UsageError("--allocation picks an allocation in a plan file; it does not go with --region", command: name)
        }
        guard let totalText = arguments.value("total") else {
            throw UsageError("--region needs --total AMOUNT: the amount to split", command: name)
        }
        let total = try checkedTotal(totalText, locale: locale, unit: unit, method: method)
        let resolver = try CBSOptions.resolver(arguments, command: name)
        let region = try CBSOptions.region(regionText, resolver, command: name)
        guard let weightsFile = arguments.value("weights") else {
            if arguments.has("sheet") {
                throw UsageError("--sheet picks the sheet of a --weights workbook; add --weights FILE.xlsx (or .ods) or leave it out", command: name)
            }
            for option in ["weight-column", "name-column"] where arguments.has(option) {
                throw UsageError("--\(option) picks a column of a --weights file; add --weights FILE or leave it out", command: name)
            }
            let report = try RegionAllocator.allocate(total, over: region, figures: resolver.figures,
                                                      method: method ?? .largestRemainder, unit: unit ?? .cent)
            return (report, [], [])
        }
        let file = displayName(weightsFile)
        // A last row named after the region is its total, unless a municipality has that name too
        // (region Groningen holds Groningen).
        let names = region.municipalities.map { $0.name.lowercased() }
        let totalNames = names.contains(region.name.lowercased()) ? [] : [region.name]
        let table = try weightsTable(weightsFile, sheet: arguments.value("sheet"), limits: try environment.limits(), totalNames: totalNames,
                                     columns: weightColumns(arguments))
        let report = try RegionAllocator.allocate(total, over: table, file: file, region: region, resolver: resolver,
                                                  method: method ?? .largestRemainder, unit: unit ?? .cent)
        return (report, [weightsFile], table.warnings + shareColumnWarnings(report, file: file))
    }

    /// The report of `--total … --municipalities LIST | --municipalities-file FILE [--year YEAR]`:
    /// a split by CBS inhabitants over a set of municipalities someone names.
    static func setReport(_ arguments: ParsedArguments, locale: NumberLocale, method: ApportionmentMethod?, unit: RoundingUnit?,
                          environment: Environment) throws -> (report: AllocationReport, inputs: [String], warnings: [String]) {
        guard arguments.operands.isEmpty else {
            throw UsageError("give either a plan file or --total with --municipalities, not both", command: name)
        }
        if arguments.has("allocation") {
            throw UsageError("--allocation picks an allocation in a plan file; it does not go with --municipalities", command: name)
        }
        for option in ["weights", "sheet", "weight-column", "name-column"] where arguments.has(option) {
            throw UsageError("--\(option) goes with a weights file; with --municipalities the weights are CBS's inhabitants: give one of the two", command: name)
        }
        guard let totalText = arguments.value("total") else {
            throw UsageError("--municipalities needs --total AMOUNT: the amount to split", command: name)
        }
        let total = try checkedTotal(totalText, locale: locale, unit: unit, method: method)
        let resolver = try CBSOptions.resolver(arguments, command: name)
        guard let set = try CBSOptions.municipalitySet(arguments, resolver, name: arguments.value("name"), environment: environment, command: name) else {
            throw UsageError("add --municipalities LIST or --municipalities-file FILE", command: name)
        }
        let report = try RegionAllocator.allocate(total, over: set, figures: resolver.figures, method: method ?? .largestRemainder, unit: unit ?? .cent)
        return (report, arguments.value("municipalities-file").map { [$0] } ?? [], [])
    }
}
