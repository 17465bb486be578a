/// Inhabitants a plan states for a date in a year amr has CBS figures for (2015–2025) equal
/// CBS's of the last 1 January on or before that date, in the region's municipalities and in
/// tables of inhabitants: plans write the day they consulted cbs.nl ("geraadpleegd op 27
/// september 2017"), when CBS's latest figures were those of 1 January 2017. An allocation keyed
/// to CBS figures has them for its date and municipalities. A different figure is a warning, not
/// an error: the plan may have meant another source, and its own figure is what amr uses.
enum CBSInhabitantsRule: PlanRule {
    static let id = "cbs-inhabitants"

    /// The measure names that mean inhabitants.
    static let measures = ["inwoners", "inhabitants"]

    static func check(_ context: inout CheckContext) {
        guard involvesCBSFigures(context.plan) else { return }
        let data: CBSData
        do throws(CBSDataError) { data = try CBSData.embedded() } catch {
            context.report(id, at: "", error.description)
            return
        }
        let plan = context.plan
        let words = context.words
        for (index, municipality) in plan.region.municipalities.enumerated() {
            for measure in measures {
                for (position, observation) in (municipality.measures[measure] ?? []).enumerated() {
                    guard let figures = referenceFigures(on: observation.date, in: data), let date = observation.date else { continue }
                    compare(observation.value, measure: measure, code: municipality.code, name: municipality.name, date: date, figures: figures,
                            at: "/region/municipalities/\(index)/measures/\(measure)/\(position)/value", in: &context)
                }
            }
        }
        for table in plan.tables {
            guard let measure = table.measure, measures.contains(measure), let date = table.date,
                  let figures = referenceFigures(on: date, in: data) else { continue }
            // The single-column form: one count per municipality.
            for row in table.rows {
                guard let code = row.municipality, let cell = row.cell(CountTable.singleColumnID) else { continue }
                let name = plan.region.municipality(code)?.name ?? row.label ?? code.rawValue
                compare(cell.value, measure: measure, code: code, name: name, date: date, figures: figures, at: cell.pointer, in: &context)
            }
        }
        // Allocations with stated shares are made by allocation-share, which reports the same.
        for allocation in plan.allocations where !allocation.shares.contains(where: { $0.stated != nil }) {
            guard case .cbsInhabitants(let date) = allocation.key else { continue }
            guard let figures = figures(on: date, in: data) else {
                context.report(id, at: allocation.pointer + "/key/date",
                               words.cbsKeyDate(allocation.id, date, data.yearRange),
                               hint: words.cbsKeyDateHint("\(data.year(date.year)?.year ?? data.latest?.year ?? date.year)-01-01"))
                continue
            }
            for (index, share) in allocation.shares.enumerated() {
                guard let code = share.municipality else {
                    context.report(id, at: allocation.pointer + "/shares/\(index)",
                                   words.cbsShareWithoutMunicipality(allocation.id), hint: words.cbsShareWithoutMunicipalityHint)
                    continue
                }
                if figures.municipality(code) == nil {
                    // A merged municipality: name what it became by that year.
                    let later = data.successors(of: code, in: figures.year).compactMap { figures.municipality($0) }
                    let became = later.isEmpty ? "" : words.mergedInto(later.map(PlaceResolver.label))
                    context.report(id, at: allocation.pointer + "/shares/\(index)/municipality",
                                   words.cbsNoMunicipality(code.rawValue, figures.year, allocation.id, became), hint: words.cbsNoMunicipalityHint(figures.year))
                }
            }
        }
    }

    /// Whether the plan states inhabitants for a date amr has figures for, or keys a split to
    /// CBS: only then are the figures read.
    static func involvesCBSFigures(_ plan: Plan) -> Bool {
        if plan.allocations.contains(where: { if case .cbsInhabitants = $0.key { true } else { false } }) { return true }
        if plan.tables.contains(where: { $0.measure.map(measures.contains) == true && CBSData.coversReference($0.date) }) { return true }
        return plan.region.municipalities.contains { municipality in
            measures.contains { (municipality.measures[$0] ?? []).contains { CBSData.coversReference($0.date) } }
        }
    }

    /// The CBS figures for `date` when it is 1 January of a year amr has.
    static func figures(on date: PlanDate?, in data: CBSData) -> CBSYear? {
        guard let date, date.month == 1, date.day == 1 else { return nil }
        return data.year(date.year)
    }

    /// The CBS figures a figure stated for `date` is compared with: those of the last 1 January
    /// on or before it, if amr has them.
    static func referenceFigures(on date: PlanDate?, in data: CBSData) -> CBSYear? {
        guard let date else { return nil }
        return data.year(date.year)
    }

    /// Whether `name` is a name of the municipality with `code` in one of the years CBS lists it
    /// (its official names, the names people use, with or without "Gemeente").
    static func names(_ name: String, _ code: MunicipalityCode, _ listed: [CBSMunicipality]) -> Bool {
        var wanted = [PlaceName.key(name), PlaceName.compactKey(name)]
        if let stripped = wanted.first, stripped.hasPrefix("gemeente-") { wanted.append(String(stripped.dropFirst("gemeente-".count))) }
        if wanted.contains(PlaceName.key(code.rawValue)) { return true }
        for municipality in listed {
            for known in [municipality.name] + PlaceResolver.names(of: municipality) {
                if wanted.contains(PlaceName.key(known)) || wanted.contains(PlaceName.compactKey(known)) { return true }
            }
        }
        return false
    }

    static func compare(_ value: ExactDecimal, measure: String, code: MunicipalityCode, name: String, date: PlanDate, figures: CBSYear,
                        at pointer: String, in context: inout CheckContext) {
        // A figure for 1 January is compared on its own date; another date says which 1 January.
        let words = context.words
        let reference = date == figures.date ? "" : words.lastFirstOfJanuary(figures.year, date)
        let data = try? CBSData.embedded()
        // Only a municipality the plan names as CBS does is compared: a code CBS never used, or
        // one the plan gives another municipality's name (an example plan's GM0003 "Derdeveen"),
        // says nothing about CBS's figures.
        let years = data?.years.compactMap { $0.municipality(code) } ?? []
        guard !years.isEmpty, names(name, code, years) else { return }
        guard let cbs = figures.municipality(code) else {
            var hint = words.checkCodeHint
            if let merger = data?.merger(of: code), merger.year <= figures.year {
                hint = words.mergedHint(code.rawValue, merger.year, merger.to.map { figures.municipality($0).map(PlaceResolver.label) ?? $0.rawValue })
            }
            context.report(id, .warning, at: pointer, words.cbsLacks(name, code.rawValue, measure, date, figures.year), hint: hint)
            return
        }
        let expected = ExactDecimal(significand: Int64(cbs.inhabitants))
        guard !value.isEqual(to: expected) else { return }
        context.report(id, .warning, at: pointer,
                       words.cbsDiffers(name, code.rawValue, context.number(value), measure, date, context.number(expected), reference),
                       hint: words.cbsDiffersHint(figures.source().observationSource),
                       stated: value.description, expected: expected.description)
    }
}
