/// One row of a weights table: a party's name, its CBS code if the file has one, and its weight.
public struct WeightRow: Sendable, Equatable {
    /// The name as written, without a StatLine suffix such as ` (gemeente)`.
    public var name: String
    /// The code (`GM0503`) when the file has a code column and the row fills it in.
    public var code: String?
    public var weight: ExactDecimal
    /// The 1-based line of the file the row starts on.
    public var line: Int
}
