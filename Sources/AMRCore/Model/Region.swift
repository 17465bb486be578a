/// A labour-market region (arbeidsmarktregio) as a plan sees it: the municipalities taking part,
/// its centre municipality and any clusters.
public struct Region: Hashable, Sendable {
    public var id: String
    public var code: RegionCode?
    public var name: String
    public var centreMunicipality: MunicipalityCode?
    public var municipalities: [Municipality]
    public var clusters: [Cluster]

    /// The municipality with this code, if it belongs to the region.
    public func municipality(_ code: MunicipalityCode) -> Municipality? {
        municipalities.first { $0.code == code }
    }
}

/// A municipality (gemeente) with the measures an allocation or target can use.
public struct Municipality: Hashable, Sendable {
    public var code: MunicipalityCode
    public var name: String
    /// Measure name (`inwoners`, `werkzoekenden`, …) → observations, in file order.
    public var measures: [String: [Observation]]

    /// The observations of `measure`; only those on `date` when a date is given (an allocation
    /// key without a date takes the municipality's one observation).
    public func observations(of measure: String, on date: PlanDate?) -> [Observation] {
        let series = measures[measure] ?? []
        return date.map { day in series.filter { $0.date == day } } ?? series
    }
}

/// The value of a measure at a reference date (peildatum), with its source.
public struct Observation: Hashable, Sendable {
    public var value: ExactDecimal
    /// The reference date, when the source gives one.
    public var date: PlanDate?
    public var source: String?
}

/// A group of municipalities inside a region (e.g. Rijnmond's "BAR").
public struct Cluster: Hashable, Sendable {
    public var id: String
    public var name: String
    public var municipalities: [MunicipalityCode]
}
