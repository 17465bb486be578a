/// A share column of a weights table (percentages, fractions or amounts beside the weights) set
/// beside the exact split: which rows it states differently. Percentages and fractions are
/// compared at the precision each value is written with (`25,3` holds when the exact share
/// rounds to 25,3); amounts are the stated split and compared to the cent, in the rows.
public struct ShareColumnCheck: Hashable, Sendable {
    /// A row whose stated share is not the exact one at the precision stated.
    public struct Difference: Hashable, Sendable {
        public var name: String
        public var location: SourceLocation
        /// The value as the file states it.
        public var stated: ExactDecimal
        /// The exact share rounded (half up) to the decimals of `stated`.
        public var exact: ExactDecimal
    }

    /// The column's header as written.
    public var header: String
    /// What the column holds; nil when it is not compared.
    public var kind: ShareColumn.Kind?
    /// How many rows state a value that was compared.
    public var compared: Int
    public var differences: [Difference]
    /// The column holds amounts and is the report's stated split (see the rows' `stated`).
    public var isStatedSplit: Bool
    /// Why the column is not compared, when it is not.
    public var notCompared: String?

    /// True unless a compared value differs from the exact share.
    public var matches: Bool { differences.isEmpty }

    /// Compares each party's stated percentage or fraction with its exact share `F·wᵢ/Σw`: it
    /// holds when `|stated − exact| ≤ ½` unit of its last decimal (one and a half for a
    /// workbook's stored number, which the spreadsheet computed in binary floating point).
    static func compare(_ column: ShareColumn, kind: ShareColumn.Kind, names: [String], weights: [Int128]) -> ShareColumnCheck {
        var check = ShareColumnCheck(header: column.header, kind: kind, compared: 0, differences: [], isStatedSplit: false, notCompared: nil)
        let whole: Int128 = kind == .percentage ? 100 : 1
        var total: Int128 = 0
        for weight in weights {
            let (sum, overflow) = total.addingReportingOverflow(weight)
            guard !overflow else { return tooLarge(check) }
            total = sum
        }
        guard total > 0 else { return tooLarge(check) }
        for (index, value) in column.values.enumerated() {
            guard let value, weights.indices.contains(index) else { continue }
            // stated = S / 10^d; exact·10^d = F·wᵢ·10^d / Σw. Compared as 2·|S·Σw − F·wᵢ·10^d| ≤ k·Σw.
            let (power, powerOverflow) = ExactDecimal.scaledUp(1, by: value.value.scale)
            let (scaledWeight, o1) = weights[index].multipliedReportingOverflow(by: whole)
            let (exactNumerator, o2) = scaledWeight.multipliedReportingOverflow(by: power)
            let (statedNumerator, o3) = Int128(value.value.significand).multipliedReportingOverflow(by: total)
            let (gap, o4) = statedNumerator.subtractingReportingOverflow(exactNumerator)
            let (twiceGap, o5) = gap.magnitude.multipliedReportingOverflow(by: 2)
            let (allowed, o6) = UInt128(total).multipliedReportingOverflow(by: value.stored ? 3 : 1)
            guard !(powerOverflow || o1 || o2 || o3 || o4 || o5 || o6) else { return tooLarge(check) }
            check.compared += 1
            guard twiceGap > allowed else { continue }
            // The exact share rounded half up to the stated decimals: ⌊(2·F·wᵢ·10^d + Σw) / 2Σw⌋.
            let (doubled, o7) = exactNumerator.multipliedReportingOverflow(by: 2)
            let (numerator, o8) = doubled.addingReportingOverflow(total)
            let (denominator, o9) = total.multipliedReportingOverflow(by: 2)
            guard !(o7 || o8 || o9), let significand = Int64(exactly: numerator / denominator) else { return tooLarge(check) }
            check.differences.append(Difference(name: names[index], location: value.location, stated: value.value,
                                                exact: ExactDecimal(significand: significand, scale: value.value.scale)))
        }
        return check
    }

    static func tooLarge(_ check: ShareColumnCheck) -> ShareColumnCheck {
        ShareColumnCheck(header: check.header, kind: nil, compared: 0, differences: [], isStatedSplit: false,
                         notCompared: "its numbers are too large to compare exactly")
    }
}
