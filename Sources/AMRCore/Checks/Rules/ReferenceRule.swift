/// Everything a plan refers to exists: municipalities in allocations and clusters belong to the
/// region, the centre municipality too, and themes, programmes, subprojects and budgets named by
/// id are defined.
enum ReferenceRule: PlanRule {
    static let id = "reference"

    static func check(_ context: inout CheckContext) {
        let plan = context.plan
        let codes = Set(plan.region.municipalities.map(\.code))
        let region = plan.region.name
        if let centre = plan.region.centreMunicipality, !codes.contains(centre) {
            context.report(id, at: "/region/centreMunicipality",
                           "the centre municipality \(centre) is not one of the region's municipalities",
                           hint: "add it to /region/municipalities or correct the code")
        }
        for (c, cluster) in plan.region.clusters.enumerated() {
            // A made-up empty cluster is how a figure for the whole country gets in; it adds
            // nothing and checks nothing.
            if cluster.municipalities.isEmpty {
                context.report(id, .warning, at: "/region/clusters/\(c)/municipalities",
                               "cluster \"\(cluster.name)\" has no municipalities, so nothing stated for it can be checked",
                               hint: "list its municipalities; a figure for the whole country printed beside the region's goes in a table row with \"label\" and \"national\": true")
            }
            for (m, code) in cluster.municipalities.enumerated() where !codes.contains(code) {
                context.report(id, at: "/region/clusters/\(c)/municipalities/\(m)",
                               "cluster \"\(cluster.name)\" names \(code), which is not a municipality of \(region)",
                               hint: "add it to /region/municipalities or correct the code")
            }
        }
        for allocation in plan.allocations {
            for (index, share) in allocation.shares.enumerated() {
                guard let code = share.municipality, !codes.contains(code) else { continue }
                context.report(id, at: allocation.pointer + "/shares/\(index)/municipality",
                               "allocation \"\(allocation.id)\" has a share for \(code), which is not a municipality of \(region)",
                               hint: "add it to /region/municipalities or correct the code")
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
                               "target \"\(target.name)\" is for \(code), which is not a municipality of \(region)",
                               hint: "add it to /region/municipalities or correct the code")
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
                               "table \"\(table.name ?? table.id)\" has a row for \(code), which is not a municipality of \(region)",
                               hint: "add it to /region/municipalities or correct the code")
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
        var hint = known.isEmpty ? "define it under the plan's \(kind)s" : "known: " + known.joined(separator: ", ")
        if let near = Suggestion.closest(to: value, among: known) { hint = "did you mean \"\(near)\"?" }
        context.report(id, at: pointer, "there is no \(kind) with id \"\(value)\"", hint: hint)
    }
}
