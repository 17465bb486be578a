/// The same number printed in another place of the document (a budget in the running text and
/// in its table, a total in a table and in the summary). Every statement must agree.
public struct AlsoStated: Hashable, Sendable {
    /// The number as printed there.
    public var value: ExactDecimal
    /// Which number of its object it repeats, where the object holds several (`percent`,
    /// `base`, `minimum`); nil for the object's main number.
    public var key: String?
    /// The year column it repeats, for a budget or budget line with years.
    public var year: Int?
    /// Where it is printed: section and a quote or remark in `note`.
    public var source: SourceReference?
    /// JSON pointer of `value`.
    public var pointer: String

    public init(value: ExactDecimal, key: String? = nil, year: Int? = nil, source: SourceReference? = nil, pointer: String) {
        self.value = value
        self.key = key
        self.year = year
        self.source = source
        self.pointer = pointer
    }
}
