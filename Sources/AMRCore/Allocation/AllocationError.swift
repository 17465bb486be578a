/// Why an amount cannot be split as asked. The message says what would be right.
public enum AllocationError: Error, Equatable, Sendable, CustomStringConvertible {
    case noParties
    /// The weight at this index (0-based, input order) is below zero.
    case negativeWeight(index: Int)
    case allWeightsZero
    case totalNotMultipleOfUnit(total: Money, unit: RoundingUnit)
    /// A divisor method asked to split a negative total: it hands out whole things.
    case negativeTotal(ApportionmentMethod)
    /// A number too large to compute with exactly; names it ("the sum of the weights").
    case overflow(String)

    public var description: String {
        switch self {
        case .noParties:
            "there is nothing to split over; give at least one party with a weight"
        case .negativeWeight(let index):
            "weight number \(index + 1) is negative; weights must be 0 or more"
        case .allWeightsZero:
            "all weights are zero; at least one party needs a weight above zero"
        case .totalNotMultipleOfUnit(let total, let unit):
            "the total \(total) is not a multiple of the rounding unit \(unit); use a total that is, or a smaller unit"
        case .negativeTotal(let method):
            "\(method.displayName) splits whole things such as seats or placements, so it cannot split a negative total; give a total of 0 or more, or use largest-remainder to split a deficit"
        case .overflow(let what):
            "\(what) is too large to compute exactly; use smaller numbers"
        }
    }
}
