extension PlanAllocator {
    /// Splits `total` over the rows of a weights table (`amr allocate --total … --weights FILE`).
    public static func allocate(_ total: Money, over table: WeightTable, file: String,
                                method: ApportionmentMethod = .largestRemainder, unit: RoundingUnit = .cent) throws(LoadError) -> AllocationReport {
        let decimals = table.rows.map(\.weight)
        guard let integers = integerWeights(decimals) else {
            throw .unusable(SourceLocation(file: file, line: 1, column: 1), "the weights are too large to compute with exactly")
        }
        let names = table.rows.map(\.name)
        let amounts: [Money]
        do throws(AllocationError) {
            amounts = try Apportionment.allocate(total, over: integers, method: method, unit: unit)
        } catch {
            var where_ = SourceLocation(file: file, line: 1, column: 1)
            if case .negativeWeight(let index) = error, table.rows.indices.contains(index) {
                where_ = SourceLocation(file: file, line: table.rows[index].line, column: 1)
            }
            throw .unusable(where_, reason(error, names: names))
        }
        let rows = table.rows.indices.map { index in
            AllocationReport.Row(name: names[index], code: table.rows[index].code.flatMap(MunicipalityCode.init),
                                 weight: decimals[index], integerWeight: integers[index], amount: amounts[index],
                                 stated: nil, difference: nil)
        }
        return AllocationReport(
            id: nil, title: "\(table.weightHeader) per \(table.nameHeader)", context: file, total: total, basis: nil,
            unit: unit, method: method, keyDescription: "\(table.weightHeader) from \(file)", nameHeading: table.nameHeader, weightName: table.weightHeader,
            weightTotal: sum(decimals), statedWeightTotal: nil, rows: rows, statedAmount: nil)
    }
}
