/// A table of counts in the single-column form adds up to its stated total (outflow per
/// municipality: stated 600, rows 504), and an allocation's key adds up to the total its table
/// prints. Tables with columns are checked by `table-column-total` and `table-row-total`.
enum CountTotalRule: PlanRule {
    static let id = "count-total"

    static func check(_ context: inout CheckContext) {
        for table in context.plan.tables where table.form == .singleColumn {
            let values = table.rows.filter { !$0.national }.compactMap(\.value)
            guard let total = table.total, let sum = context.sum(values), !sum.isEqual(to: total),
                  let delta = sum.minus(total), !table.withinRounding(delta, parts: values.count) else { continue }
            context.report(id, at: table.pointer + "/total",
                           context.words.countRows(table.name ?? table.id, context.number(sum), context.number(total)),
                           hint: context.words.rowsHint, stated: total.description, expected: sum.description)
        }
        for allocation in context.plan.allocations {
            guard let stated = allocation.statedWeightTotal, let values = keyValues(allocation, plan: context.plan),
                  let sum = context.sum(values), !sum.isEqual(to: stated) else { continue }
            context.report(id, at: allocation.pointer + "/statedWeightTotal",
                           context.words.keyTotal(keyName(allocation, words: context.words), context.number(sum), context.number(stated)),
                           hint: context.words.keyTotalHint, stated: stated.description, expected: sum.description)
        }
    }

    static func keyName(_ allocation: AllocationSpec, words: CheckWording) -> String {
        if case .measure(let name, _) = allocation.key { return name }
        if case .cbsInhabitants = allocation.key { return "inwoners" }
        return words.keyWeights
    }

    /// The key's value for every share, when the key is one measure or stated weights.
    static func keyValues(_ allocation: AllocationSpec, plan: Plan) -> [ExactDecimal]? {
        var values: [ExactDecimal] = []
        for share in allocation.shares {
            switch allocation.key {
            case .stated:
                guard let weight = share.weight else { return nil }
                values.append(weight)
            case .measure(let name, let date):
                guard let code = share.municipality, let municipality = plan.region.municipality(code) else { return nil }
                let matching = municipality.observations(of: name, on: date)
                guard matching.count == 1, let observation = matching.first else { return nil }
                values.append(observation.value)
            case .cbsInhabitants(let date):
                guard let code = share.municipality, date.month == 1, date.day == 1,
                      let figure = (try? CBSData.embedded())?.year(date.year)?.municipality(code) else { return nil }
                values.append(ExactDecimal(significand: Int64(figure.inhabitants)))
            case .equal, .mix:
                return nil
            }
        }
        return values
    }
}
