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
    /// The unit the number is rounded to as printed: "€ 5,6 miljoen" is 5600000 rounded to
    /// 100000. It agrees with every number that rounds to it (within half a unit).
    public var roundedTo: ExactDecimal?
    /// The text gives the number as an approximation ("ca. 400", "ruim 4.200", "bijna 18%"):
    /// it agrees with a number within 10% of it (a dropped or extra digit is still caught).
    public var approximately: Bool
    /// The text gives a range ("200–250"): `value` is its low end and this its high end; it
    /// agrees with every number in between.
    public var upTo: ExactDecimal? = nil

    public init(value: ExactDecimal, key: String? = nil, year: Int? = nil, source: SourceReference? = nil, pointer: String,
                roundedTo: ExactDecimal? = nil, approximately: Bool = false) {
        self.value = value
        self.key = key
        self.year = year
        self.source = source
        self.pointer = pointer
        self.roundedTo = roundedTo
        self.approximately = approximately
    }

    /// Whether `number` is what this repeat prints, within its rounding or approximation.
    public func agrees(with number: ExactDecimal) -> Bool {
        if value.isEqual(to: number) { return true }
        if let upTo, Fraction(value) <= Fraction(number), Fraction(number) <= Fraction(upTo) { return true }
        guard let gap = Fraction(number).distance(to: Fraction(value)) else { return false }
        if let unit = roundedTo, let half = Fraction(unit).divided(by: Fraction(2)), gap <= half { return true }
        if approximately, let size = Fraction(value).distance(to: Fraction(0)), let tenth = size.divided(by: Fraction(10)), gap <= tenth { return true }
        return false
    }
}

extension Fraction {
    /// |self − other|; nil when it does not fit.
    func distance(to other: Fraction) -> Fraction? {
        guard let difference = subtracting(other) else { return nil }
        return difference < Fraction(0) ? Fraction(0).subtracting(difference) : difference
    }
}
