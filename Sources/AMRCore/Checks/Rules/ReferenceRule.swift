/// Everything a plan refers to exists: municipalities in allocations and clusters belong to the
/// region, the centre municipality too, and themes, programmes, subprojects and budgets named by
/// id are defined.
enum ReferenceRule: PlanRule {
    static let id = "reference"

    static func check(_ context: inout CheckContext) {
        let plan = context.plan
        let words = context.words
        let codes = Set(plan.region.municipalities.map(\.code))
        let region = plan.region.name
        if let centre = plan.region.centreMunicipality, !codes.contains(centre) {
            context.report(id, at: "/region/centreMunicipality",
                           words.centreNotInRegion(centre.rawValue), hint: words.addMunicipalityHint)
        }
        for (c, cluster) in plan.region.clusters.enumerated() {
            // A made-up empty cluster is how a figure for the whole country gets in; it adds
            // nothing and checks nothing.
            if cluster.municipalities.isEmpty {
                context.report(id, .warning, at: "/region/clusters/\(c)/municipalities",
                               words.emptyCluster(cluster.name), hint: words.emptyClusterHint)
            }
            for (m, code) in cluster.municipalities.enumerated() where !codes.contains(code) {
                context.report(id, at: "/region/clusters/\(c)/municipalities/\(m)",
                               words.clusterMember(cluster.name, code.rawValue, region), hint: words.addMunicipalityHint)
            }
        }
        for allocation in plan.allocations {
            for (index, share) in allocation.shares.enumerated() {
                guard let code = share.municipality, !codes.contains(code) else { continue }
                context.report(id, at: allocation.pointer + "/shares/\(index)/municipality",
                               words.shareOutside(allocation.id, code.rawValue, region), hint: words.addMunicipalityHint)
            }
            if let basis = allocation.basis, plan.budget(id: basis.budget) == nil {
                missing("budget", basis.budget, among: plan.budgets.map(\.id), at: allocation.pointer + "/basis/budget", in: &context)
            }
        }
        let themes = plan.themes.map(\.id)
        let programmes = plan.programmes.map(\.id)
        let subprojects = plan.subprojects.map(\.id)
        for target in plan.targets {
            if let theme = target.theme, !themes.contains(theme) {
                missing("theme", theme, among: themes, at: target.pointer + "/theme", in: &context)
            }
            if let programme = target.programme, !programmes.contains(programme) {
                missing("programme", programme, among: programmes, at: target.pointer + "/programme", in: &context)
            }
            if let subproject = target.subproject, !subprojects.contains(subproject) {
                missing("subproject", subproject, among: subprojects, at: target.pointer + "/subproject", in: &context)
            }
            if let cluster = target.cluster, !plan.region.clusters.contains(where: { $0.id == cluster }) {
                missing("cluster", cluster, among: plan.region.clusters.map(\.id), at: target.pointer + "/cluster", in: &context)
            }
            if let code = target.municipality, !codes.contains(code) {
                context.report(id, at: target.pointer + "/municipality",
                               words.targetOutside(target.name, code.rawValue, region), hint: words.addMunicipalityHint)
            }
        }
        let clusters = plan.region.clusters.map(\.id)
        for table in plan.tables {
            for (index, row) in table.rows.enumerated() {
                if let cluster = row.cluster, !clusters.contains(cluster) {
                    missing("cluster", cluster, among: clusters, at: table.pointer + "/rows/\(index)/cluster", in: &context)
                }
                guard let code = row.municipality, !codes.contains(code) else { continue }
                context.report(id, at: table.pointer + "/rows/\(index)/municipality",
                               words.tableRowOutside(table.name ?? table.id, code.rawValue, region), hint: words.addMunicipalityHint)
            }
        }
        for (index, requirement) in plan.requirements.enumerated() {
            if let theme = requirement.theme, !themes.contains(theme) {
                missing("theme", theme, among: themes, at: "/requirements/\(index)/theme", in: &context)
            }
        }
        for (index, subproject) in plan.subprojects.enumerated() {
            if let programme = subproject.programme, !programmes.contains(programme) {
                missing("programme", programme, among: programmes, at: "/subprojects/\(index)/programme", in: &context)
            }
        }
    }

    static func missing(_ kind: String, _ value: String, among known: [String], at pointer: String, in context: inout CheckContext) {
        let words = context.words
        var hint = known.isEmpty ? words.defineHint(kind) : words.knownHint(known)
        if let near = Suggestion.closest(to: value, among: known) { hint = words.didYouMean(near) }
        context.report(id, at: pointer, words.missingId(kind, value), hint: hint)
    }
}
