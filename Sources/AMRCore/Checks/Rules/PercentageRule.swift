/// A count stated as a percentage of a base matches it: 35% of 72.000 job seekers is 25.200.
/// The plan says how it rounds (`down`, `nearest`, `up`); without that, a count that is not
/// exactly the percentage is accepted only when it is its floor or its ceiling, and the message
/// says which rounding would give it.
enum PercentageRule: PlanRule {
    static let id = "percentage"
    static let summary = "a count stated as a percentage of a base equals that percentage of it"
    static let help = "A count stated as a percentage of a base must be that percentage of it (35% of 72.000 job seekers is 25.200), with the rounding the plan states (down, nearest or up). Without a stated rounding the floor and the ceiling are both accepted, and the message says which rounding gives the stated count."

    static func check(_ context: inout CheckContext) {
        for target in context.plan.targets {
            if let percent = target.percent, let base = target.base, let value = target.value {
                compare(value, percent: percent, base: base, rounding: target.rounding, what: "target \"\(target.name)\"",
                        at: target.pointer + "/value", in: &context)
            }
            guard let base = target.base else { continue }
            for point in target.trajectory {
                guard let percent = point.percent, let value = point.value else { continue }
                compare(value, percent: percent, base: base, rounding: target.rounding, what: "the step of \(point.date)",
                        at: point.pointer + "/value", in: &context)
            }
        }
    }

    static func compare(_ value: ExactDecimal, percent: ExactDecimal, base: ExactDecimal, rounding: Rounding?, what: String,
                        at pointer: String, in context: inout CheckContext) {
        guard let exact = FormulaRule.exactProduct([percent, base]).map({ ExactDecimal(significand: $0.significand, scale: $0.scale + 2) }) else { return }
        let floor = exact.rounded(.down), ceiling = exact.rounded(.up), nearest = exact.rounded(.nearest)
        let allowed: [ExactDecimal]
        switch rounding {
        case .down?: allowed = [floor]
        case .up?: allowed = [ceiling]
        case .nearest?: allowed = [nearest]
        case nil: allowed = exact.isEqual(to: floor) ? [exact] : [floor, ceiling]
        }
        guard !allowed.contains(where: { $0.isEqual(to: value) }) else { return }
        let rule = rounding.map { " rounded \($0.rawValue)" } ?? ""
        let expected = allowed.first ?? nearest
        let words = "\(context.number(percent))% of \(context.number(base)) is \(context.number(exact.trimmed))"
        context.report(id, at: pointer,
                       "\(what) is stated as \(context.number(value)) but \(words)\(rule.isEmpty ? "" : ",\(rule) \(context.number(expected))")",
                       hint: rounding == nil ? "correct the count, or state the plan's \"rounding\" (down, nearest, up)" : "correct the count or the percentage",
                       stated: value.description, expected: expected.description)
    }
}

extension ExactDecimal {
    /// The whole number this rounds to (`nearest` rounds halves up).
    func rounded(_ rounding: Rounding) -> ExactDecimal {
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        var quotient = significand / divisor
        let remainder = significand % divisor
        switch rounding {
        case .down: if remainder < 0 { quotient -= 1 }
        case .up: if remainder > 0 { quotient += 1 }
        case .nearest:
            if remainder * 2 >= divisor { quotient += 1 } else if remainder * 2 < -divisor { quotient -= 1 }
        }
        return ExactDecimal(significand: quotient)
    }

    /// Without trailing zero decimals: `25200.00` → `25200`.
    var trimmed: ExactDecimal {
        var s = significand, k = scale
        while k > 0 && s % 10 == 0 { s /= 10; k -= 1 }
        return ExactDecimal(significand: s, scale: k)
    }
}
