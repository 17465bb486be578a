/// The plan's region holds the municipalities CBS puts in it for the plan's year, and no
/// others. The year is that of the plan's CBS keys, or else of the start of its period; the
/// region is its code, or else its name. Only years amr has figures for (2015–2025) are checked;
/// for 2015 and 2017–2019, which have no CBS table of the regions, the membership is that of the
/// nearest year through the mergers, and every message says so. Differences are warnings: the
/// plan's own list always wins, and some memberships are uncertain (`MembershipCaveat`).
enum CBSMembershipRule: PlanRule {
    static let id = "cbs-membership"

    static func check(_ context: inout CheckContext) {
        let plan = context.plan
        var years = Set(plan.allocations.compactMap { allocation -> Int? in
            guard case .cbsInhabitants(let date) = allocation.key, CBSData.covers(date) else { return nil }
            return date.year
        })
        if years.isEmpty, let start = plan.period?.start, CBSData.coveredYears.contains(start.year) { years.insert(start.year) }
        guard !years.isEmpty, let data = try? CBSData.embedded() else { return }   // cbs-inhabitants reports a defect
        for year in years.sorted() {
            guard let figures = data.year(year) else { continue }
            check(plan, figures: figures, in: &context)
        }
    }

    static func check(_ plan: Plan, figures: CBSYear, in context: inout CheckContext) {
        let year = figures.year
        let words = context.words
        // For a year without a CBS table of its own, every message says whose membership it is.
        let origin = figures.membership.kind == .derived ? words.origin(figures.membership, year) : nil
        let region: CBSRegion
        if let code = plan.region.code {
            guard let found = figures.region(code) else {
                context.report(id, .warning, at: "/region/code",
                               words.notARegion(code.rawValue, year), hint: words.notARegionHint(year))
                return
            }
            region = found
        } else {
            // Without a code the region is known by its name, if that names one region.
            guard let found = PlaceResolver.region(named: plan.region.name, in: figures) ?? PlaceResolver.region(named: plan.region.id, in: figures) else { return }
            region = found
        }
        var listed = Set<MunicipalityCode>()
        for (index, municipality) in plan.region.municipalities.enumerated() {
            listed.insert(municipality.code)
            let pointer = "/region/municipalities/\(index)/code"
            guard let cbs = figures.municipality(municipality.code) else {
                context.report(id, .warning, at: pointer,
                               words.notAMunicipality(municipality.name, municipality.code.rawValue, year, successor(municipality.code, figures, words: words)),
                               hint: words.notAMunicipalityHint(year, region.slug))
                continue
            }
            guard cbs.region != region.code else { continue }
            let home = figures.region(of: cbs)?.label ?? cbs.region.rawValue
            context.report(id, .warning, at: pointer,
                           words.elsewhere(cbs.name, cbs.code.rawValue, home, year, region.label, origin),
                           hint: hint(for: cbs.code, figures: figures, otherwise: words.elsewhereHint, words: words))
        }
        for member in region.municipalities where !listed.contains(member.code) {
            context.report(id, .warning, at: "/region/municipalities",
                           words.notListed(member.name, member.code.rawValue, region.label, year, origin),
                           hint: hint(for: member.code, figures: figures, otherwise: words.notListedHint, words: words))
        }
    }

    /// `: it merged into Gooise Meren (GM1942) on 1 January 2016`, for a code of an earlier year.
    static func successor(_ code: MunicipalityCode, _ figures: CBSYear, words: CheckWording) -> String {
        guard let data = try? CBSData.embedded() else { return "" }
        let later = data.successors(of: code, in: figures.year).compactMap { figures.municipality($0) }
        guard !later.isEmpty, let merger = data.merger(of: code) else { return "" }
        return words.mergedOn(merger.year, later.map(PlaceResolver.label))
    }

    static func hint(for code: MunicipalityCode, figures: CBSYear, otherwise: String, words: CheckWording) -> String {
        guard let caveat = MembershipCaveat.caveat(for: code, in: figures) else { return otherwise }
        return words.caveatHint(words.origin(figures.membership, figures.year), words.caveatClause(caveat, figures))
    }
}
