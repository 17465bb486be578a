/// A target split into parts adds up: 2.850 = 1.536 market + 1.314 government.
enum TargetSplitRule: PlanRule {
    static let id = "target-split"
    static let summary = "the parts of a split target add up to the target; a level is its baseline plus its growth"
    static let help = "A target split into parts must add up to the target: 2.850 placements = 1.536 market + 1.314 government. A target stated as a level beside its baseline and growth must be their sum: 934 + 795 = 1.729 jobs, not 1.579. A change between two dated figures (changes) must be the difference of the two, and its percentage the difference over the earlier one."

    static func check(_ context: inout CheckContext) {
        for target in context.plan.targets where !target.parts.isEmpty {
            guard let value = target.value, let sum = context.sum(target.parts.map(\.value)) else { continue }
            if !sum.isEqual(to: value) {
                let parts = target.parts.map { context.number($0.value) }.joined(separator: " + ")
                context.report(id, at: target.pointer + "/value",
                               "the parts of target \"\(target.name)\" add up to \(parts) = \(context.number(sum)) but the target is \(context.number(value))",
                               hint: "correct the target or the part that is off",
                               stated: value.description, expected: sum.description)
            }
        }
        for target in context.plan.targets {
            guard let growth = target.growth else { continue }
            guard let value = target.value, let start = target.baseline?.value else {
                context.report(id, .warning, at: target.pointer + "/growth",
                               "target \"\(target.name)\" states a growth of \(context.number(growth)) but not both the level and the baseline it adds up with",
                               hint: "add \"value\" (the level) and \"baseline\": { \"date\", \"value\" } so the level can be checked")
                continue
            }
            guard let level = ExactDecimal.sum([start, growth]), !level.isEqual(to: value) else { continue }
            context.report(id, at: target.pointer + "/value",
                           "target \"\(target.name)\" is stated as a level of \(context.number(value)) but its baseline \(context.number(start)) plus its growth \(context.number(growth)) is \(context.number(level))",
                           hint: "correct the level, the baseline or the growth",
                           stated: value.description, expected: level.description)
        }
        checkChanges(&context)
    }
}
