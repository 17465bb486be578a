/// A target split into parts adds up: 2.850 = 1.536 market + 1.314 government.
enum TargetSplitRule: PlanRule {
    static let id = "target-split"

    static func check(_ context: inout CheckContext) {
        for target in context.plan.targets where !target.parts.isEmpty {
            guard let value = target.value, let sum = context.sum(target.parts.map(\.value)) else { continue }
            if !sum.isEqual(to: value) {
                let parts = target.parts.map { context.number($0.value) }.joined(separator: " + ")
                context.report(id, at: target.pointer + "/value",
                               context.words.targetParts(target.name, parts, context.number(sum), context.number(value)),
                               hint: context.words.targetPartsHint,
                               stated: value.description, expected: sum.description)
            }
        }
        for target in context.plan.targets {
            guard let growth = target.growth else { continue }
            guard let value = target.value, let start = target.baseline?.value else {
                context.report(id, .warning, at: target.pointer + "/growth",
                               context.words.growthAlone(target.name, context.number(growth)), hint: context.words.growthAloneHint)
                continue
            }
            guard let level = ExactDecimal.sum([start, growth]), !level.isEqual(to: value) else { continue }
            context.report(id, at: target.pointer + "/value",
                           context.words.level(target.name, context.number(value), context.number(start), context.number(growth), context.number(level)),
                           hint: context.words.levelHint,
                           stated: value.description, expected: level.description)
        }
        checkChanges(&context)
    }
}
