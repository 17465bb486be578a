import AMRCore

/// The `--region` forms of `amr allocate`: a split by CBS inhabitants with no input file, and a
/// weights file checked against the region's municipalities.
extension AllocateCommand {
    static let regionOptions = [
        OptionSpec(long: "region", short: "r", value: "REGION", help: "split over this region's municipalities by CBS inhabitants; with --weights, check the file against it"),
        CBSOptions.yearOption,
    ]

    /// The report of `--total … --region … [--weights FILE] [--year YEAR]`, and the input files.
    static func regionReport(_ arguments: ParsedArguments, method: ApportionmentMethod?, unit: RoundingUnit?, locale: NumberLocale,
                             environment: Environment) throws -> (report: AllocationReport, inputs: [String]) {
        guard let regionText = arguments.value("region") else {
            throw UsageError("--year picks the year of the CBS figures for --region; add --region REGION", command: name)
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
        let total = try parseTotal(totalText)
        if let unit, total.cents % unit.cents != 0 {
            throw UsageError("--total \(totalText) is not a multiple of --unit \(unit); give a total in whole units or a smaller unit", command: name)
        }
        let resolver = try CBSOptions.resolver(arguments, command: name)
        let region = try CBSOptions.region(regionText, resolver, command: name)
        guard let weightsFile = arguments.value("weights") else {
            let report = try RegionAllocator.allocate(total, over: region, figures: resolver.figures,
                                                      method: method ?? .largestRemainder, unit: unit ?? .cent)
            return (report, [])
        }
        let file = displayName(weightsFile)
        let bytes = try FileInput.read(weightsFile, displayName: file, maximumSize: try environment.limits().maximumFileSize)
        let table = try WeightTable.read(bytes: bytes, file: file)
        let report = try RegionAllocator.allocate(total, over: table, file: file, region: region, resolver: resolver,
                                                  method: method ?? .largestRemainder, unit: unit ?? .cent, locale: locale)
        return (report, [weightsFile])
    }
}
