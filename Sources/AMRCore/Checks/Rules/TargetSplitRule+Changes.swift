/// A change between two dated figures equals their difference, and its percentage that
/// difference over the earlier figure.
extension TargetSplitRule {
    static func checkChanges(_ context: inout CheckContext) {
        for change in context.plan.changes {
            let words = context.words
            let name = change.text.map { "\"\($0)\"" } ?? words.changeNamed(change.id)
            let from = PercentageRule.resolve(change.from, at: change.pointer + "/from", context: context)
            let to = PercentageRule.resolve(change.to, at: change.pointer + "/to", context: context)
            guard case .number(let froms, let fromPointer, let fromName) = from, case .number(let tos, let toPointer, let toName) = to,
                  let first = froms.first, let last = tos.first else {
                for case .missing(let reason) in [from, to] {
                    context.report(id, at: change.pointer, words.cannotCheck(name, reason), hint: words.referenceHint)
                }
                continue
            }
            var related: [Finding.Related] = []
            if let fromPointer { related.append(Finding.Related(location: context.loaded.location(of: fromPointer), message: words.changeFrom(fromName, context.number(first)))) }
            if let toPointer { related.append(Finding.Related(location: context.loaded.location(of: toPointer), message: words.changeTo(toName, context.number(last)))) }
            func near(_ exact: Fraction, _ stated: ExactDecimal) -> Bool {
                guard change.approximately, let gap = exact.distance(to: Fraction(stated)),
                      let size = Fraction(stated).distance(to: Fraction(0)), let tenth = size.divided(by: Fraction(10)) else { return false }
                return gap <= tenth
            }
            if let value = change.value {
                let fits = froms.contains { a in tos.contains { b in b.minus(a).map { $0.isEqual(to: value) || near(Fraction($0), value) } ?? false } }
                if !fits, let difference = last.minus(first) {
                    context.append(Finding(
                        rule: id, severity: .error, location: context.loaded.location(of: change.pointer + "/value"),
                        message: words.changeValue(name, change.approximately, context.number(value), context.number(first), context.number(last), context.number(difference)),
                        hint: words.changeValueHint, stated: value.description, expected: difference.description, related: related))
                }
            }
            if let percent = change.percent {
                let decimals = percent.scale
                // The percentage of the change, rounded down and up at the decimals printed (of its size, signed).
                func accepts(_ a: ExactDecimal, _ b: ExactDecimal) -> Bool {
                    guard !a.isZero, let difference = b.minus(a) else { return false }
                    let negative = difference.significand < 0
                    guard let size = difference.times(negative ? -1 : 1), let positive = percent.times(negative ? -1 : 1),
                          let check = PercentageCheck(count: size, base: a, decimals: decimals, rounding: nil) else { return false }
                    return check.accepts(positive) || near(check.exact, positive)
                }
                let fits = froms.contains { a in tos.contains { b in accepts(a, b) } }
                if !fits, let difference = last.minus(first), !first.isZero {
                    let negative = difference.significand < 0
                    let size = difference.times(negative ? -1 : 1) ?? difference
                    let check = PercentageCheck(count: size, base: first, decimals: decimals, rounding: nil)
                    context.append(Finding(
                        rule: id, severity: .error, location: context.loaded.location(of: change.pointer + "/percent"),
                        message: words.changePercent(name, context.number(percent), context.number(difference), context.number(first),
                                                     check?.words(context.locale, negative: negative) ?? "?"),
                        hint: words.changePercentHint, stated: percent.description,
                        expected: check.flatMap { $0.expected.times(negative ? -1 : 1) }?.description, related: related))
                }
            }
        }
    }
}
