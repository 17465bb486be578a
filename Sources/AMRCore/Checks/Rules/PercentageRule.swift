/// A count stated as a percentage of a base matches it: 35% of 72.000 job seekers is 25.200.
/// The plan says how it rounds (`down`, `nearest`, `up`); without that, a count that is not
/// exactly the percentage is accepted only when it is its floor or its ceiling, and the message
/// says which rounding would give it. A requirement's estimates are amounts: 5% of
/// € 2.500.000.000 is € 125.000.000, to the cent (rounded either way where it is not whole cents).
enum PercentageRule: PlanRule {
    static let id = "percentage"

    static func check(_ context: inout CheckContext) {
        for target in context.plan.targets {
            // A number printed twice that disagrees is the consistency rule's; here any of its
            // printings that fits is accepted, so one wrong number is not reported twice.
            let values = repeats(target.alsoStated, key: nil), percents = repeats(target.alsoStated, key: "percent")
            let bases = repeats(target.alsoStated, key: "base")
            if let percent = target.percent, let base = target.base, let value = target.value {
                compare(value, percent: percent, base: base, rounding: target.rounding, what: context.words.targetNamed(target.name),
                        at: target.pointer + "/value", alternatives: (values, percents, bases), in: &context)
            }
            guard let base = target.base else { continue }
            for point in target.trajectory {
                guard let percent = point.percent, let value = point.value else { continue }
                compare(value, percent: percent, base: base, rounding: target.rounding, what: context.words.stepOf(point.date),
                        at: point.pointer + "/value",
                        alternatives: (repeats(point.alsoStated, key: nil), repeats(point.alsoStated, key: "percent"), bases), in: &context)
            }
        }
        for requirement in context.plan.requirements {
            for estimate in requirement.estimates {
                checkEstimate(estimate, of: requirement, in: &context)
            }
        }
        checkStatements(&context)
        checkPercentagesWithoutBase(&context)
    }

    /// The values of the repeats of one number of an object.
    static func repeats(_ alsoStated: [AlsoStated], key: String?) -> [ExactDecimal] {
        alsoStated.filter { $0.key == key && $0.year == nil }.map(\.value)
    }

    static func checkEstimate(_ estimate: Requirement.Estimate, of requirement: Requirement, in context: inout CheckContext) {
        let percent = requirement.percent
        let stated = ExactDecimal(significand: estimate.amount.cents)
        // percent × base cents / 100, in cents: exact, or the cents either side of it; with the
        // percentage as stated or as any repeat prints it.
        func fits(_ percent: ExactDecimal) -> Bool {
            guard let product = FormulaRule.exactProduct([percent, ExactDecimal(significand: estimate.base.cents)]) else { return true }
            let cents = ExactDecimal(significand: product.significand, scale: product.scale + 2)
            return stated.isEqual(to: cents.rounded(.down)) || stated.isEqual(to: cents.rounded(.up))
        }
        guard !([percent] + repeats(requirement.alsoStated, key: nil)).contains(where: fits),
              let product = FormulaRule.exactProduct([percent, ExactDecimal(significand: estimate.base.cents)]) else { return }
        let cents = ExactDecimal(significand: product.significand, scale: product.scale + 2)
        let floor = cents.rounded(.down)
        let exact = Fraction(cents).divided(by: Fraction(100))
        let expected = Money(cents: floor.significand)
        let words = context.words.percentOf(context.number(percent), context.money(estimate.base),
                                            floor.isEqual(to: cents) ? context.money(expected)
                                                                     : context.words.eurosExactly(exact?.decimal(4).map { context.locale.format($0) } ?? ""))
        context.report(id, at: estimate.pointer + "/amount",
                       context.words.estimate(estimate.label, requirement.name, context.money(estimate.amount), words),
                       hint: context.words.estimateHint, stated: estimate.amount.description, expected: expected.description)
    }

    static func compare(_ value: ExactDecimal, percent: ExactDecimal, base: ExactDecimal, rounding: Rounding?, what: String,
                        at pointer: String, alternatives: (values: [ExactDecimal], percents: [ExactDecimal], bases: [ExactDecimal]) = ([], [], []),
                        in context: inout CheckContext) {
        for p in [percent] + alternatives.percents {
            for b in [base] + alternatives.bases {
                guard let allowed = allowed(percent: p, base: b, rounding: rounding) else { continue }
                if ([value] + alternatives.values).contains(where: { v in allowed.contains { $0.isEqual(to: v) } }) { return }
            }
        }
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
        let expected = allowed.first ?? nearest
        let words = context.words.percentOf(context.number(percent), context.number(base), context.number(exact.trimmed))
        context.report(id, at: pointer,
                       context.words.percentage(what, context.number(value), words, rounding.map { context.words.rounding($0) + " " + context.number(expected) }),
                       hint: context.words.percentageHint(rounding != nil),
                       stated: value.description, expected: expected.description)
    }
}

extension PercentageRule {
    /// The counts that `percent`% of `base` may be stated as under `rounding`.
    static func allowed(percent: ExactDecimal, base: ExactDecimal, rounding: Rounding?) -> [ExactDecimal]? {
        guard let exact = FormulaRule.exactProduct([percent, base]).map({ ExactDecimal(significand: $0.significand, scale: $0.scale + 2) }) else { return nil }
        let floor = exact.rounded(.down), ceiling = exact.rounded(.up), nearest = exact.rounded(.nearest)
        switch rounding {
        case .down?: return [floor]
        case .up?: return [ceiling]
        case .nearest?: return [nearest]
        case nil: return exact.isEqual(to: floor) ? [exact] : [floor, ceiling]
        }
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
