/// Ids are unique within their list and municipality codes within the region, so references
/// are never ambiguous.
enum DuplicateIdRule: PlanRule {
    static let id = "duplicate-id"

    static func check(_ context: inout CheckContext) {
        let plan = context.plan
        unique(plan.region.municipalities.map(\.code.rawValue), list: "/region/municipalities", key: "code", what: "municipality code", in: &context)
        unique(plan.region.clusters.map(\.id), list: "/region/clusters", key: "id", what: "cluster id", in: &context)
        unique(plan.themes.map(\.id), list: "/themes", key: "id", what: "theme id", in: &context)
        unique(plan.budgets.map(\.id), list: "/budgets", key: "id", what: "budget id", in: &context)
        unique(plan.allocations.map(\.id), list: "/allocations", key: "id", what: "allocation id", in: &context)
        unique(plan.targets.map(\.id), list: "/targets", key: "id", what: "target id", in: &context)
        unique(plan.programmes.map(\.id), list: "/programmes", key: "id", what: "programme id", in: &context)
        unique(plan.subprojects.map(\.id), list: "/subprojects", key: "id", what: "subproject id", in: &context)
        unique(plan.tables.map(\.id), list: "/tables", key: "id", what: "table id", in: &context)
        unique(plan.requirements.map(\.id), list: "/requirements", key: "id", what: "requirement id", in: &context)
        for (index, target) in plan.targets.enumerated() {
            unique(target.parts.map(\.id), list: "/targets/\(index)/parts", key: "id", what: "part id", in: &context)
        }
    }

    static func unique(_ values: [String], list: String, key: String, what: String, in context: inout CheckContext) {
        var first: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            if let earlier = first[value] {
                let earlierLine = context.loaded.location(of: "\(list)/\(earlier)/\(key)").line
                context.report(id, at: "\(list)/\(index)/\(key)", context.words.duplicate(what, value, earlierLine), hint: context.words.duplicateHint(key))
            } else {
                first[value] = index
            }
        }
    }
}
