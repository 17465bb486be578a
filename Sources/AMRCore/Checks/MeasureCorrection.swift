/// One wrong measure that several statements use (the changes and percentages of the text that
/// start from it) makes each of them fail. When one value of that measure makes every one of
/// them hold, and breaks nothing else, the measure is the wrong number: it is one finding, at
/// the measure, instead of one at each statement.
enum MeasureCorrection {
    /// The rules whose statements read measures through references.
    static let rules: Set<String> = [TargetSplitRule.id, PercentageRule.id, TablePercentageRule.id]

    /// A measure's value in the region's measures, by its JSON pointer.
    struct Place: Hashable {
        var municipality: Int
        var measure: String
        var position: Int

        /// `/region/municipalities/0/measures/ww/0/value`.
        init?(pointer: String) {
            let parts = pointer.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 8, parts[0].isEmpty, parts[1] == "region", parts[2] == "municipalities", parts[4] == "measures",
                  parts[7] == "value", let municipality = Int(parts[3]), let position = Int(parts[6]) else { return nil }
            self.municipality = municipality
            measure = parts[5].replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            self.position = position
        }

        var pointer: String { "/region/municipalities/\(municipality)/measures/\(measure.jsonPointerEscaped)/\(position)/value" }
    }

    static func collapse(_ context: inout CheckContext) {
        let plan = context.plan
        // The failing statements that name each measure among their places.
        var users: [Place: [Finding]] = [:]
        for finding in context.findings where rules.contains(finding.rule) && finding.severity == .error {
            let places = Set(finding.related.compactMap { $0.location.pointer.flatMap(Place.init(pointer:)) })
            for place in places { users[place, default: []].append(finding) }
        }
        for (place, naming) in users.sorted(by: { $0.key.pointer < $1.key.pointer }) {
            guard plan.region.municipalities.indices.contains(place.municipality),
                  let series = plan.region.municipalities[place.municipality].measures[place.measure],
                  series.indices.contains(place.position) else { continue }
            let stated = series[place.position].value
            for value in candidates(for: place, in: context) where !value.isEqual(to: stated) {
                var corrected = context.loaded
                corrected.plan.region.municipalities[place.municipality].measures[place.measure]?[place.position].value = value
                var trial = CheckContext(loaded: corrected, locale: context.locale)
                TargetSplitRule.check(&trial)
                PercentageRule.check(&trial)
                TablePercentageRule.check(&trial)
                func key(_ finding: Finding) -> String { "\(finding.rule) \(finding.location.pointer ?? "")" }
                let failing = context.findings.filter { rules.contains($0.rule) && $0.severity == .error }
                let after = Set(trial.findings.filter { $0.severity == .error }.map(key))
                // Every statement that names the measure holds with the value, and others that
                // use it through a sum (the region's total) too; nothing else breaks.
                let findings = failing.filter { !after.contains(key($0)) }
                let fixed = Set(findings.map(key))
                guard findings.count > 1, fixed.isSuperset(of: naming.map(key)), after.isSubset(of: Set(failing.map(key))) else { continue }
                let municipality = plan.region.municipalities[place.municipality]
                let date = series[place.position].date
                let words = context.words
                let what = date.map { words.keyedWhat(place.measure, nil, municipality.name, $0) } ?? words.measureOf(place.measure, municipality.name, nil)
                context.remove { fixed.contains(key($0)) }
                context.append(Finding(
                    rule: ConsistencyRule.id, severity: .error, location: context.loaded.location(of: place.pointer),
                    message: words.measureContradicted(what, context.number(stated), findings.count, context.number(value)),
                    hint: words.measureContradictedHint, stated: stated.description, expected: value.description,
                    related: findings.map { Finding.Related(location: $0.location, message: $0.message) }))
                break
            }
        }
    }

    /// The values the statements that use the measure imply for it: a change's first figure is
    /// its second less the change (and the other way round); a percentage's base is its count
    /// over the percentage, its count the percentage of its base (to the nearest whole number).
    static func candidates(for place: Place, in context: CheckContext) -> [ExactDecimal] {
        var values: [ExactDecimal] = []
        func add(_ value: ExactDecimal?) {
            if let value, !values.contains(where: { $0.isEqual(to: value) }) { values.append(value) }
        }
        func number(_ resolved: PercentageRule.Resolved) -> (value: ExactDecimal, pointer: String?)? {
            guard case .number(let values, let pointer, _) = resolved, let first = values.first else { return nil }
            return (first, pointer)
        }
        for change in context.plan.changes {
            guard let value = change.value,
                  let from = number(PercentageRule.resolve(change.from, at: change.pointer + "/from", context: context)),
                  let to = number(PercentageRule.resolve(change.to, at: change.pointer + "/to", context: context)) else { continue }
            if from.pointer == place.pointer { add(to.value.minus(value)) }
            if to.pointer == place.pointer { add(ExactDecimal.sum([from.value, value])) }
        }
        for statement in context.plan.percentages {
            guard let countReference = statement.count, let baseReference = statement.base,
                  let count = number(PercentageRule.resolve(countReference, at: statement.pointer + "/count", context: context)),
                  let base = number(PercentageRule.resolve(baseReference, at: statement.pointer + "/base", context: context)),
                  !statement.percent.isZero else { continue }
            if base.pointer == place.pointer,
               let implied = Fraction(count.value).multiplied(by: Fraction(100)).flatMap({ $0.divided(by: Fraction(statement.percent)) }),
               let whole = Int64(exactly: implied.nearestHalfUp) {
                add(ExactDecimal(significand: whole))
            }
            if count.pointer == place.pointer,
               let implied = Fraction(base.value).multiplied(by: Fraction(statement.percent)).flatMap({ $0.divided(by: Fraction(100)) }),
               let whole = Int64(exactly: implied.nearestHalfUp) {
                add(ExactDecimal(significand: whole))
            }
        }
        return values
    }
}
