/// A cost line stated as a formula (count × unit price; hours/week × weeks × rate; FTE × annual
/// cost × part of year) has exactly the stated amount.
enum FormulaRule: PlanRule {
    static let id = "formula"

    static func check(_ context: inout CheckContext) {
        for budget in context.plan.budgets {
            for line in budget.lines { checkLine(line, in: &context) }
            for part in budget.carryOver?.parts ?? [] { checkLine(part, in: &context) }
        }
    }

    static func checkLine(_ line: BudgetLine, in context: inout CheckContext) {
        for child in line.lines { checkLine(child, in: &context) }
        guard let formula = line.formula, let amount = line.amount else { return }
        let factors: [ExactDecimal]
        let words: String
        switch formula {
        case .count(let count, let price):
            factors = [count, decimal(price)]
            words = "\(context.number(count)) × \(context.money(price))"
        case .hours(let perWeek, let weeks, let rate):
            factors = [perWeek, weeks, decimal(rate)]
            words = context.words.hoursFormula(context.number(perWeek), context.number(weeks), context.money(rate))
        case .staff(let fte, let annualCost, let partOfYear):
            factors = [fte, decimal(annualCost), partOfYear]
            words = "\(context.number(fte)) FTE × \(context.money(annualCost))"
                + (partOfYear.isEqual(to: ExactDecimal(significand: 1)) ? "" : " × \(context.number(partOfYear))")
        }
        guard let product = exactProduct(factors) else {
            context.report(id, at: line.pointer + "/formula", context.words.formulaTooLarge(line.name))
            return
        }
        guard let stated = ExactDecimal.from(amount), !product.isEqual(to: stated) else { return }
        context.report(id, at: line.pointer + "/amount",
                       context.words.formula(words, context.locale.format(product.normalised(minimumScale: 2)), line.name, context.money(amount)),
                       hint: context.words.formulaHint,
                       stated: amount.description, expected: product.normalised(minimumScale: 2).description)
    }

    /// The formula's amount when it is a whole number of cents.
    static func value(of formula: CostFormula) -> Money? {
        let factors: [ExactDecimal]
        switch formula {
        case .count(let count, let price): factors = [count, decimal(price)]
        case .hours(let perWeek, let weeks, let rate): factors = [perWeek, weeks, decimal(rate)]
        case .staff(let fte, let annualCost, let partOfYear): factors = [fte, decimal(annualCost), partOfYear]
        }
        return exactProduct(factors).flatMap(Money.exactly)
    }

    static func decimal(_ money: Money) -> ExactDecimal { ExactDecimal(significand: money.cents, scale: 2) }

    /// The exact product, or nil when it does not fit in 64 bits with at most 12 decimals.
    static func exactProduct(_ factors: [ExactDecimal]) -> ExactDecimal? {
        var significand: Int128 = 1
        var scale = 0
        for factor in factors {
            let (m, o) = significand.multipliedReportingOverflow(by: Int128(factor.significand))
            if o { return nil }
            significand = m
            scale += factor.scale
        }
        while scale > 0 && significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        guard scale <= ExactDecimal.maximumScale, let fits = Int64(exactly: significand) else { return nil }
        return ExactDecimal(significand: fits, scale: scale)
    }
}

extension ExactDecimal {
    static func from(_ money: Money) -> ExactDecimal? { ExactDecimal(significand: money.cents, scale: 2) }

    /// The same number with at least `minimumScale` decimals (for amounts: `55200` → `55200.00`).
    func normalised(minimumScale: Int) -> ExactDecimal {
        guard scale < minimumScale, let scaled = scaled(to: minimumScale) else { return self }
        return ExactDecimal(significand: scaled, scale: minimumScale)
    }
}
