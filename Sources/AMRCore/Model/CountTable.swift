/// A table of counts with a stated total (job seekers per municipality, outflow per
/// municipality), as published.
public struct CountTable: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var municipality: MunicipalityCode?
        public var label: String?
        public var value: ExactDecimal
    }

    public var id: String
    public var name: String?
    public var measure: String?
    public var date: PlanDate?
    public var rows: [Row]
    public var total: ExactDecimal?
    public var source: SourceReference?
    public var note: String?
    public var pointer: String
}
