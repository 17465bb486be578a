/// A target split into parts adds up: 2.850 = 1.536 market + 1.314 government.
enum TargetSplitRule: PlanRule {
    static let id = "target-split"
    static let summary = "the parts of a split target add up to the target"
    static let help = "A target split into parts must add up to the target: 2.850 placements = 1.536 market + 1.314 government."

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
    }
}
