/// Makes the allocations a plan states, and ad hoc ones from a weights table. Turns keys into
/// exact integer weights (a mix of keys as an exact rational), calls the apportionment engine and
/// sets the result beside the stated shares.
public enum PlanAllocator {
    /// Allocates `spec` of `loaded`. `method` and `unit` override the plan's own, for what-if runs.
    public static func allocate(_ spec: AllocationSpec, in loaded: LoadedPlan,
                                method: ApportionmentMethod? = nil, unit: RoundingUnit? = nil) throws(LoadError) -> AllocationReport {
        let plan = loaded.plan
        let location = { (pointer: String) in loaded.location(of: pointer) }
        guard !spec.shares.isEmpty else {
            throw .unusable(location(spec.pointer + "/shares"), "the allocation has no shares; list one share per municipality")
        }
        let basis = try amountBasis(spec, plan: plan, location: location)
        guard let total = spec.amount ?? basis?.amount else {
            throw .missingKey(location(spec.pointer), key: "amount")
        }

        var names: [String] = []
        var codes: [MunicipalityCode?] = []
        var municipalities: [Municipality?] = []
        for (index, share) in spec.shares.enumerated() {
            let pointer = spec.pointer + "/shares/\(index)"
            var municipality: Municipality?
            if let code = share.municipality {
                guard let found = plan.region.municipality(code) else {
                    throw .unusable(location(pointer + "/municipality"),
                                    "municipality \(code) is not in region \(plan.region.name); add it to /region/municipalities or fix the code")
                }
                if let earlier = codes.firstIndex(where: { $0 == code }) {
                    throw .unusable(location(pointer + "/municipality"),
                                    "municipality \(code) has a share already (\(spec.pointer)/shares/\(earlier)); give each municipality one share")
                }
                municipality = found
            }
            names.append(share.label ?? municipality?.name ?? share.municipality?.rawValue ?? "")
            codes.append(share.municipality)
            municipalities.append(municipality)
        }

        let keyed = try weights(for: spec, municipalities: municipalities, location: location)
        let chosenMethod = method ?? spec.method
        let chosenUnit = unit ?? spec.unit
        let amounts: [Money]
        do throws(AllocationError) {
            amounts = try Apportionment.allocate(total, over: keyed.integers, method: chosenMethod, unit: chosenUnit)
        } catch {
            // A deficit is refused for what the amount is, so the message points at it.
            let pointer = error == .negativeTotal(chosenMethod) ? spec.pointer + (spec.amount != nil ? "/amount" : "/basis") : spec.pointer
            throw .unusable(location(pointer), reason(error, names: names))
        }
        var rows: [AllocationReport.Row] = []
        for index in spec.shares.indices {
            let stated = spec.shares[index].stated
            rows.append(AllocationReport.Row(
                name: names[index], code: codes[index], weight: keyed.decimals[index], integerWeight: keyed.integers[index],
                amount: amounts[index], stated: stated, difference: try stated.map { s throws(LoadError) in try difference(s, amounts[index], location(spec.pointer)) }))
        }
        var report = AllocationReport(
            id: spec.id, title: spec.name ?? spec.id, context: plan.title, total: total, basis: basis,
            unit: chosenUnit, method: chosenMethod, key: keyed.key, nameHeading: "municipality", weightName: keyed.name,
            weightTotal: sum(keyed.decimals), statedWeightTotal: spec.statedWeightTotal, rows: rows,
            statedAmount: spec.amount, keySources: keyed.sources, statedIn: spec.source.map(\.citation).flatMap { $0.isEmpty ? nil : $0 })
        report.cbs = keyed.cbs
        return report
    }

    /// Splits `total` over the rows of a weights table (`amr allocate --total … --weights FILE`).
    public static func allocate(_ total: Money, over table: WeightTable, file: String,
                                method: ApportionmentMethod = .largestRemainder, unit: RoundingUnit = .cent) throws(LoadError) -> AllocationReport {
        let decimals = table.rows.map(\.weight)
        guard let integers = integerWeights(decimals) else {
            throw .unusable(SourceLocation(file: file, line: 1, column: 1), "the weights are too large to compute with exactly")
        }
        let names = table.rows.map(\.name)
        let amounts: [Money]
        do throws(AllocationError) {
            amounts = try Apportionment.allocate(total, over: integers, method: method, unit: unit)
        } catch {
            var where_ = SourceLocation(file: file, line: 1, column: 1)
            if case .negativeWeight(let index) = error, table.rows.indices.contains(index) {
                where_ = SourceLocation(file: file, line: table.rows[index].line, column: 1)
            }
            throw .unusable(where_, reason(error, names: names))
        }
        let (stated, checks) = shareChecks(table, total: total, names: names, weights: integers)
        var rows: [AllocationReport.Row] = []
        for index in table.rows.indices {
            let location = SourceLocation(file: file, line: table.rows[index].line, column: 1)
            rows.append(AllocationReport.Row(
                name: names[index], code: table.rows[index].code.flatMap(MunicipalityCode.init),
                weight: decimals[index], integerWeight: integers[index], amount: amounts[index],
                stated: stated[index], difference: try stated[index].map { s throws(LoadError) in try difference(s, amounts[index], location) }))
        }
        return AllocationReport(
            id: nil, title: "\(table.weightHeader) per \(table.nameHeader)", context: file, total: total, basis: nil,
            unit: unit, method: method, key: .file(column: table.weightHeader, file: file), nameHeading: table.nameHeader, weightName: table.weightHeader,
            weightTotal: sum(decimals), statedWeightTotal: table.totalRow?.stated, rows: rows, statedAmount: nil,
            sheet: table.sheet, totalRow: table.totalRow, subtotalRows: table.subtotalRows, shareColumns: checks)
    }

    /// The share columns of a weights table set beside the split. The first column of amounts
    /// is the stated split (each row's `stated`); percentages and fractions are compared at
    /// their own precision. A column whose kind its header and values leave open holds amounts
    /// when they add up to the amount split.
    static func shareChecks(_ table: WeightTable, total: Money, names: [String], weights: [Int128]) -> (stated: [Money?], checks: [ShareColumnCheck]) {
        var stated = [Money?](repeating: nil, count: table.rows.count)
        var checks: [ShareColumnCheck] = []
        var statedColumn: String?
        for column in table.shareColumns {
            func skip(_ why: String) {
                checks.append(ShareColumnCheck(header: column.header, kind: nil, compared: 0, differences: [], isStatedSplit: false, notCompared: why))
            }
            if let problem = column.problem {
                skip(problem)
                continue
            }
            let present = column.values.compactMap { $0 }
            var kind = column.kind
            if kind == nil {
                let sum = ExactDecimal.sum(present.map(\.value))
                if present.count == column.values.count, let sum, Money.exactly(sum) == total {
                    kind = .amount
                } else {
                    skip("it is not clear whether it holds percentages, fractions or amounts (its values add up to neither 100, nor 1, nor the amount split); head it '%' or 'bedrag'")
                    continue
                }
            }
            switch kind {
            case .amount?:
                if let first = statedColumn {
                    skip("only the first column of amounts, \"\(first)\", is compared")
                    continue
                }
                var amounts = [Money?](repeating: nil, count: table.rows.count)
                var unreadable: ShareColumn.Value?
                for (index, value) in column.values.enumerated() where index < amounts.count {
                    guard let value else { continue }
                    guard let money = Money.exactly(value.value) else {
                        unreadable = value
                        break
                    }
                    amounts[index] = money
                }
                if let unreadable {
                    skip("'\(unreadable.text)' on line \(unreadable.location.line) is not an amount in whole cents")
                    continue
                }
                stated = amounts
                statedColumn = column.header
                checks.append(ShareColumnCheck(header: column.header, kind: .amount, compared: present.count, differences: [],
                                               isStatedSplit: true, notCompared: nil))
            case .percentage?, .fraction?:
                checks.append(ShareColumnCheck.compare(column, kind: kind ?? .percentage, names: names, weights: weights))
            case nil:
                break
            }
        }
        return (stated, checks)
    }

    // MARK: - Amount

    static func amountBasis(_ spec: AllocationSpec, plan: Plan, location: (String) -> SourceLocation) throws(LoadError) -> AllocationReport.AmountBasis? {
        guard let basis = spec.basis else { return nil }
        let pointer = spec.pointer + "/basis/budget"
        guard let budget = plan.budget(id: basis.budget) else {
            let known = plan.budgets.map(\.id)
            var message = "no budget with id \"\(basis.budget)\""
            if let suggestion = Suggestion.closest(to: basis.budget, among: known) { message += "; did you mean \"\(suggestion)\"?" }
            else if !known.isEmpty { message += "; the plan's budgets are " + known.joined(separator: ", ") }
            throw .unusable(location(pointer), message)
        }
        guard let budgetTotal = budget.total else {
            throw .unusable(location(budget.pointer), "budget \"\(budget.id)\" states no total, so it cannot be the basis of an allocation; add \"total\"")
        }
        var amount = budgetTotal
        var carryOver: Money?
        if basis.lessCarryOver {
            guard let carry = budget.carryOver else {
                throw .unusable(location(spec.pointer + "/basis/lessCarryOver"), "budget \"\(budget.id)\" has no carryOver to deduct; add one or set lessCarryOver to false")
            }
            carryOver = carry.amount
            do { amount = try budgetTotal.subtracting(carry.amount) } catch {
                throw .unusable(location(spec.pointer + "/basis"), error.description)
            }
        }
        return AllocationReport.AmountBasis(budget: budget.id, budgetTitle: budget.title, budgetTotal: budgetTotal, carryOver: carryOver, amount: amount)
    }

    // MARK: - Weights

    struct KeyedWeights {
        var decimals: [ExactDecimal?]
        var integers: [Int128]
        var name: String
        var key: AllocationReport.Key
        /// The sources the key's figures cite, each once, in order.
        var sources: [String] = []
        /// The CBS figures the key takes, if any.
        var cbs: CBSUse? = nil
    }

    static func distinctSources(_ observations: [Observation]) -> [String] {
        var seen: [String] = []
        for source in observations.compactMap(\.source) where !seen.contains(source) { seen.append(source) }
        return seen
    }

    static func weights(for spec: AllocationSpec, municipalities: [Municipality?], location: (String) -> SourceLocation) throws(LoadError) -> KeyedWeights {
        let sharePointer = { (index: Int) in spec.pointer + "/shares/\(index)" }
        switch spec.key {
        case .equal:
            let one = ExactDecimal(significand: 1)
            return KeyedWeights(decimals: spec.shares.map { _ in one }, integers: spec.shares.map { _ in 1 },
                                name: "weight", key: .equal)
        case .stated:
            var decimals: [ExactDecimal?] = []
            for (index, share) in spec.shares.enumerated() {
                guard let weight = share.weight else { throw .missingKey(location(sharePointer(index)), key: "weight") }
                decimals.append(weight)
            }
            guard let integers = integerWeights(decimals) else {
                throw .unusable(location(spec.pointer + "/shares"), "the weights are too large to compute with exactly")
            }
            return KeyedWeights(decimals: decimals, integers: integers, name: "weight", key: .stated)
        case .measure(let name, let date):
            let used = try observations(name, date, spec: spec, municipalities: municipalities, location: location)
            let values = used.map(\.value)
            guard let integers = integerWeights(values) else {
                throw .unusable(location(spec.pointer + "/key"), "the values of \(name) are too large to compute with exactly")
            }
            return KeyedWeights(decimals: values, integers: integers, name: name, key: .measure(name, date: date),
                                sources: distinctSources(used))
        case .mix(let components):
            return try mix(components, spec: spec, municipalities: municipalities, location: location)
        case .cbsInhabitants(let date):
            let figures = try cbsFigures(date, at: spec.pointer + "/key/date", location: location)
            var values: [ExactDecimal?] = []
            for (index, municipality) in municipalities.enumerated() {
                let pointer = spec.pointer + "/shares/\(index)"
                guard let municipality else {
                    throw .unusable(location(pointer), "this share names no municipality, so CBS has no inhabitants for it; add \"municipality\" with its CBS code")
                }
                guard let figure = figures.municipality(municipality.code) else {
                    throw .unusable(location(pointer + "/municipality"),
                                    "\(municipality.name) (\(municipality.code)) is not a municipality on 1 January \(figures.year) according to CBS; use the code it had then, or another year's figures")
                }
                values.append(ExactDecimal(significand: Int64(figure.inhabitants)))
            }
            guard let integers = integerWeights(values) else {
                throw .unusable(location(spec.pointer + "/key"), "the inhabitants are too large to compute with exactly")
            }
            return KeyedWeights(decimals: values, integers: integers, name: "inwoners", key: .cbsInhabitants(date: date, table: figures.table),
                                cbs: CBSUse(source: figures.source(), region: nil, municipalities: municipalities.count, differences: nil))
        }
    }

    /// The CBS figures for a key's date: 1 January of a year amr carries, or an error saying so.
    static func cbsFigures(_ date: PlanDate, at pointer: String, location: (String) -> SourceLocation) throws(LoadError) -> CBSYear {
        let data: CBSData
        do throws(CBSDataError) { data = try CBSData.embedded() } catch { throw .unusable(location(pointer), error.description) }
        guard date.month == 1, date.day == 1, let figures = data.year(date.year) else {
            let suggestion = data.year(date.year) != nil ? "\(date.year)-01-01" : "\(data.latest?.year ?? date.year)-01-01"
            throw .unusable(location(pointer),
                            "CBS figures in amr are for 1 January \(data.yearRange), not for \(date); use a date such as \"\(suggestion)\"")
        }
        return figures
    }

    static func observations(_ measure: String, _ date: PlanDate?, spec: AllocationSpec, municipalities: [Municipality?],
                             location: (String) -> SourceLocation) throws(LoadError) -> [Observation] {
        var values: [Observation] = []
        for (index, municipality) in municipalities.enumerated() {
            let pointer = spec.pointer + "/shares/\(index)"
            guard let municipality else {
                throw .unusable(location(pointer), "this share names no municipality, so key \"\(measure)\" has no value for it; add \"municipality\" or use key { \"stated\": true } with a weight")
            }
            let series = municipality.measures[measure] ?? []
            let matching = municipality.observations(of: measure, on: date)
            guard let observation = matching.first else {
                let dates = series.map { $0.date?.description ?? "an unstated date" }
                var message = "\(municipality.name) (\(municipality.code)) has no \"\(measure)\""
                if let date { message += " on \(date)" }
                message += dates.isEmpty ? "; add it under /region/municipalities/…/measures" : "; it has \(measure) on " + dates.joined(separator: ", ")
                throw .unusable(location(pointer), message)
            }
            if matching.count > 1 {
                throw .unusable(location(spec.pointer + "/key"),
                                "\(municipality.name) has \(matching.count) observations of \"\(measure)\"\(date.map { " on \($0)" } ?? ""); give the key a \"date\" that picks one")
            }
            values.append(observation)
        }
        return values
    }

    /// Weights for a mix of keys, exactly: party i gets Σₖ pₖ·mₖᵢ/Sₖ, written over the common
    /// denominator lcm(Sₖ) so every weight is a whole number.
    static func mix(_ components: [AllocationKey.MixComponent], spec: AllocationSpec, municipalities: [Municipality?],
                    location: (String) -> SourceLocation) throws(LoadError) -> KeyedWeights {
        let keyLocation = location(spec.pointer + "/key/mix")
        let tooLarge = LoadError.unusable(keyLocation, "the mix of keys is too large to compute exactly; use fewer keys or round the percents")
        guard let percents = integerWeights(components.map(\.percent)) else { throw tooLarge }
        let percentScale = components.map(\.percent.scale).max() ?? 0
        var hundred: Int128 = 100
        for _ in 0..<percentScale { hundred *= 10 }
        var percentSum: Int128 = 0
        for p in percents { percentSum += p }
        guard percentSum == hundred else {
            throw .unusable(keyLocation, "the percents of the mix add up to \(ExactDecimal.sum(components.map(\.percent)).map(\.description) ?? "?"), not 100; make them add up to 100")
        }
        var columns: [[Int128]] = []
        var sums: [Int128] = []
        var sources: [String] = []
        for (k, component) in components.enumerated() {
            let used = try observations(component.measure, component.date, spec: spec, municipalities: municipalities, location: location)
            sources += distinctSources(used).filter { !sources.contains($0) }
            guard let integers = integerWeights(used.map(\.value)) else { throw tooLarge }
            var sum: Int128 = 0
            for value in integers {
                let (s, o) = sum.addingReportingOverflow(value)
                if o { throw tooLarge }
                sum = s
            }
            if sum == 0 && percents[k] > 0 {
                throw .unusable(location(spec.pointer + "/key/mix/\(k)"), "\"\(component.measure)\" is zero for every municipality, so it cannot weigh in the mix")
            }
            columns.append(integers)
            sums.append(sum)
        }
        var common: Int128 = 1
        for sum in sums where sum > 0 {
            let divisor = gcd(common, sum)
            let (product, overflow) = (common / divisor).multipliedReportingOverflow(by: sum)
            if overflow { throw tooLarge }
            common = product
        }
        var integers: [Int128] = []
        for index in municipalities.indices {
            var weight: Int128 = 0
            for k in components.indices where sums[k] > 0 {
                let (a, o1) = percents[k].multipliedReportingOverflow(by: columns[k][index])
                let (b, o2) = a.multipliedReportingOverflow(by: common / sums[k])
                let (c, o3) = weight.addingReportingOverflow(b)
                if o1 || o2 || o3 { throw tooLarge }
                weight = c
            }
            integers.append(weight)
        }
        let parts = components.map { AllocationReport.MixPart(percent: $0.percent, measure: $0.measure, date: $0.date) }
        return KeyedWeights(decimals: municipalities.map { _ in nil }, integers: integers, name: "weight", key: .mix(parts), sources: sources)
    }

    /// Decimal weights as whole numbers over a common power of ten; nil when that does not fit.
    static func integerWeights(_ values: [ExactDecimal?]) -> [Int128]? {
        let scale = values.compactMap { $0?.scale }.max() ?? 0
        var result: [Int128] = []
        for value in values {
            guard let value else { return nil }
            var integer = Int128(value.significand)
            for _ in value.scale..<scale {
                let (m, o) = integer.multipliedReportingOverflow(by: 10)
                if o { return nil }
                integer = m
            }
            result.append(integer)
        }
        return result
    }

    static func sum(_ values: [ExactDecimal?]) -> ExactDecimal? {
        let present = values.compactMap { $0 }
        guard present.count == values.count else { return nil }
        return ExactDecimal.sum(present)
    }

    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int128(x)
    }

    static func difference(_ stated: Money, _ exact: Money, _ location: SourceLocation) throws(LoadError) -> Money {
        do { return try stated.subtracting(exact) } catch { throw .unusable(location, error.description) }
    }

    static func reason(_ error: AllocationError, names: [String]) -> String {
        if case .negativeWeight(let index) = error, names.indices.contains(index) {
            return "the weight of \(names[index]) is negative; weights must be 0 or more"
        }
        return error.description
    }
}

/// The figures of an allocation's key that the plan does not print: plans split "op basis van
/// het inwoneraantal" and print only the euros. The split cannot be made from the plan then; its
/// sum still can be checked, and where the key is inhabitants on 1 January of a year amr
/// carries CBS figures for, the split can be made from CBS's figures instead (said so wherever
/// it is used).
public struct MissingKeyFigures: Hashable, Sendable {
    /// The measure without figures (`inwoners`) and the key's date, when it names one.
    public var measure: String
    public var date: PlanDate?
    /// The municipalities (names) whose figure is missing, in the shares' order.
    public var municipalities: [String]
    /// Whether no share's municipality has the figure (the plan prints none at all).
    public var none: Bool
    /// The key's date when CBS's inhabitants on it are what the key names and amr carries them
    /// for every share's municipality: `{ "measure": "inwoners", "date": "2021-01-01" }`.
    public var cbsDate: PlanDate?

    /// Where the figures go, for the message that says how to add them.
    public var whereToAdd: String {
        "/region/municipalities/…/measures/\(measure): [ { \"value\": …\(date.map { ", \"date\": \"\($0)\"" } ?? "") } ]"
    }
}

extension PlanAllocator {
    /// What `spec`'s key lacks, or nil when every share's municipality has its figures (or the
    /// key is not a measure). Shares without a municipality are other problems, left to
    /// `allocate`.
    public static func missingKeyFigures(_ spec: AllocationSpec, in plan: Plan) -> MissingKeyFigures? {
        let measures: [(String, PlanDate?)]
        switch spec.key {
        case .measure(let name, let date): measures = [(name, date)]
        case .mix(let components): measures = components.map { ($0.measure, $0.date) }
        case .cbsInhabitants, .equal, .stated: return nil
        }
        for (measure, date) in measures {
            var missing: [String] = []
            var present = 0
            var all: [MunicipalityCode] = []
            for share in spec.shares {
                guard let code = share.municipality, let municipality = plan.region.municipality(code) else { continue }
                all.append(code)
                if municipality.observations(of: measure, on: date).isEmpty { missing.append(municipality.name) } else { present += 1 }
            }
            guard !missing.isEmpty else { continue }
            var cbsDate: PlanDate?
            if measures.count == 1, measure == "inwoners", let date, date.month == 1, date.day == 1,
               all.count == spec.shares.count, let figures = (try? CBSData.embedded())?.year(date.year),
               all.allSatisfy({ figures.municipality($0) != nil }) {
                cbsDate = date
            }
            return MissingKeyFigures(measure: measure, date: date, municipalities: missing, none: present == 0, cbsDate: cbsDate)
        }
        return nil
    }

    /// `spec` with its inhabitants key read from CBS's figures on `date`.
    public static func withCBSKey(_ spec: AllocationSpec, date: PlanDate) -> AllocationSpec {
        var copy = spec
        copy.key = .cbsInhabitants(date: date)
        return copy
    }
}
