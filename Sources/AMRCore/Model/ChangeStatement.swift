/// A change between two dated figures the plan states ("ca. 400 minder (-9,4%) t.o.v. Q4
/// 2015"): the figures it is between, and the change as a number and/or a percentage of the
/// earlier figure. Checked by `target-split`.
public struct ChangeStatement: Hashable, Sendable {
    public var id: String
    public var text: String?
    /// The earlier and the later figure.
    public var from: NumberReference
    public var to: NumberReference
    /// The change as printed (negative for a fall), and as a percentage of `from`.
    public var value: ExactDecimal?
    public var percent: ExactDecimal?
    /// Printed as an approximation ("ca. 400"): agrees within 10%.
    public var approximately: Bool
    public var source: SourceReference?
    public var pointer: String
}
