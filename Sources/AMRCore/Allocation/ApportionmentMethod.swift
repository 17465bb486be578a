/// How an amount is split into whole units over weights.
public enum ApportionmentMethod: String, Sendable, CaseIterable {
    /// Hamilton: the floor of each exact quota, leftover units to the largest remainders.
    case largestRemainder = "largest-remainder"
    /// Highest averages with divisors 1, 2, 3, … (Jefferson).
    case dhondt
    /// Highest averages with divisors 1, 3, 5, … (Webster).
    case sainteLague = "sainte-lague"

    /// The method's name for people.
    public var displayName: String {
        switch self {
        case .largestRemainder: "largest remainder (Hamilton)"
        case .dhondt: "D'Hondt"
        case .sainteLague: "Sainte-Laguë"
        }
    }

    /// Reads a method name, case-insensitively, also under its common aliases (`hamilton`, `lr`,
    /// `d'hondt`, `jefferson`, `webster`, `sainte-laguë`, `saintelague`).
    public static func parse(_ text: String) -> ApportionmentMethod? {
        switch text.lowercased() {
        case "largest-remainder", "hamilton", "lr": .largestRemainder
        case "dhondt", "d'hondt", "d\u{2019}hondt", "jefferson": .dhondt
        case "sainte-lague", "sainte-laguë", "saintelague", "webster": .sainteLague
        default: nil
        }
    }
}
