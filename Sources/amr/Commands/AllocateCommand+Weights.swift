import AMRCore

extension AllocateCommand {
    /// The ad hoc form: `--total AMOUNT --weights FILE.csv`.
    static func adHocReport(total: Money, weightsFile: String, method: ApportionmentMethod?, unit: RoundingUnit?) throws -> AllocationReport {
        let bytes = try FileInput.read(weightsFile, displayName: displayName(weightsFile))
        let table = try WeightTable.read(bytes: bytes, file: displayName(weightsFile))
        return try PlanAllocator.allocate(total, over: table, file: displayName(weightsFile),
                                          method: method ?? .largestRemainder, unit: unit ?? .cent)
    }
}
