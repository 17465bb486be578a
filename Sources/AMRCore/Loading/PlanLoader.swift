import Foundation

/// A plan read from a file, with the parsed JSON (to find the line and column of any JSON
/// pointer later) and the warnings found while reading.
public struct LoadedPlan: Sendable {
    public var plan: Plan
    public var file: String
    public var document: JSONValue
    public var warnings: [LoadWarning]

    /// The location of the value at `pointer`, or of the nearest enclosing value that exists.
    public func location(of pointer: String) -> SourceLocation {
        var path = pointer
        while true {
            if let value = document.value(at: path) {
                return SourceLocation(file: file, line: value.line, column: value.column, pointer: pointer)
            }
            guard let slash = path.lastIndex(of: "/") else { break }
            path = String(path[..<slash])
        }
        return SourceLocation(file: file, line: document.line, column: document.column, pointer: pointer)
    }
}

/// Reads plan files (see docs/plan-format.md) into `Plan` values. Structure and value formats are
/// checked here; whether the numbers add up is the checker's job.
public enum PlanLoader {
    /// Reads and parses the file at `path`; `displayName` is used in messages.
    public static func load(contentsOf path: String, displayName: String? = nil, limits: InputLimits = .standard) throws(LoadError) -> LoadedPlan {
        let name = displayName ?? path
        let bytes = try FileInput.read(path, displayName: name, maximumSize: limits.maximumFileSize)
        return try load(bytes: bytes, file: name, limits: limits)
    }

    /// Parses plan-file bytes; `file` names the file in messages.
    public static func load(bytes: [UInt8], file: String, limits: InputLimits = .standard) throws(LoadError) -> LoadedPlan {
        let document = try JSONReader.parse(bytes, file: file, maximumDepth: limits.maximumDepth)
        var reader = Reader(file: file)
        let plan = try reader.plan(JSONCursor(value: document, pointer: "", file: file))
        return LoadedPlan(plan: plan, file: file, document: document, warnings: reader.warnings)
    }

    struct Reader {
        let file: String
        var warnings: [LoadWarning] = []

        init(file: String) { self.file = file }

        mutating func plan(_ cursor: JSONCursor) throws(LoadError) -> Plan {
            guard case .object = cursor.value.kind else {
                throw cursor.invalid("a plan: one JSON object { \"schemaVersion\": 1, \"id\": …, \"region\": … }")
            }
            let object = try cursor.object(keys: ["schemaVersion", "id", "title", "kind", "source", "region", "period",
                                                  "themes", "budgets", "allocations", "grandTotals", "tables", "targets", "programmes",
                                                  "subprojects", "notes", "orangeFrom", "requirements", "percentages", "changes"], warnings: &warnings)
            let versionCursor = try object.required("schemaVersion")
            let version = try versionCursor.count()
            if version > Plan.schemaVersion {
                throw .unsupportedVersion(versionCursor.location, found: version, supported: Plan.schemaVersion)
            }
            if version < 1 { throw versionCursor.invalid("schemaVersion \(Plan.schemaVersion)") }
            let kinds = ["jaarplan", "uitvoeringsplan", "actieplan", "monitor", "evaluatie", "begroting"]
            var kind = "jaarplan"
            if let kindCursor = object["kind"] {
                kind = try kindCursor.string()
                guard kinds.contains(kind) else { throw kindCursor.invalid("one of " + kinds.joined(separator: ", ")) }
            }
            var plan = Plan(
                id: try object.required("id").id(),
                title: try object.required("title").text(),
                kind: kind,
                source: try object["source"].map { c throws(LoadError) in try source(c) },
                region: try region(try object.required("region")),
                period: try object["period"].map { c throws(LoadError) in try period(c) },
                themes: try list(object["themes"]) { r, c throws(LoadError) in try r.theme(c) },
                budgets: try list(object["budgets"]) { r, c throws(LoadError) in try r.budget(c) },
                allocations: try list(object["allocations"]) { r, c throws(LoadError) in try r.allocation(c) },
                grandTotals: try list(object["grandTotals"]) { r, c throws(LoadError) in try r.grandTotal(c) },
                tables: try list(object["tables"]) { r, c throws(LoadError) in try r.countTable(c) },
                targets: try list(object["targets"]) { r, c throws(LoadError) in try r.target(c) },
                programmes: try list(object["programmes"]) { r, c throws(LoadError) in try r.programme(c) },
                subprojects: try list(object["subprojects"]) { r, c throws(LoadError) in try r.subproject(c) },
                notes: try object["notes"]?.strings() ?? [],
                orangeFrom: try object["orangeFrom"].map { c throws(LoadError) in try percentage(c) })
            plan.requirements = try list(object["requirements"]) { r, c throws(LoadError) in try r.requirement(c) }
            plan.percentages = try list(object["percentages"]) { r, c throws(LoadError) in try r.percentageStatement(c) }
            plan.changes = try list(object["changes"]) { r, c throws(LoadError) in try r.changeStatement(c) }
            try checkTableReferences(plan.tables, document: cursor.value)
            return plan
        }

        mutating func list<T>(_ cursor: JSONCursor?, _ read: (inout Reader, JSONCursor) throws(LoadError) -> T) throws(LoadError) -> [T] {
            guard let cursor else { return [] }
            var result: [T] = []
            for item in try cursor.array() { result.append(try read(&self, item)) }
            return result
        }

        mutating func source(_ cursor: JSONCursor) throws(LoadError) -> SourceReference {
            let o = try cursor.object(keys: ["document", "title", "section", "publisher", "published", "url", "note"], warnings: &warnings)
            return SourceReference(
                document: try o["document"]?.string(), title: try o["title"]?.string(),
                section: try o["section"]?.string(), publisher: try o["publisher"]?.string(),
                published: try o["published"]?.date(), url: try o["url"]?.string(), note: try o["note"]?.string())
        }

        mutating func period(_ cursor: JSONCursor) throws(LoadError) -> DatePeriod {
            let o = try cursor.object(keys: ["start", "end"], warnings: &warnings)
            let start = try o.required("start").date()
            let endCursor = try o.required("end")
            let end = try endCursor.date()
            guard start <= end else { throw endCursor.invalid("an end date on or after the start \(start)") }
            return DatePeriod(start: start, end: end)
        }

        mutating func region(_ cursor: JSONCursor) throws(LoadError) -> Region {
            let o = try cursor.object(keys: ["id", "code", "name", "centreMunicipality", "municipalities", "clusters"], warnings: &warnings)
            let municipalitiesCursor = try o.required("municipalities")
            let municipalities = try list(municipalitiesCursor) { r, c throws(LoadError) in try r.municipality(c) }
            return Region(
                id: try o.required("id").id(),
                code: try o["code"]?.regionCode(),
                name: try o.required("name").text(),
                centreMunicipality: try o["centreMunicipality"]?.municipalityCode(),
                municipalities: municipalities,
                clusters: try list(o["clusters"]) { r, c throws(LoadError) in try r.cluster(c) })
        }

        mutating func municipality(_ cursor: JSONCursor) throws(LoadError) -> Municipality {
            let o = try cursor.object(keys: ["code", "name", "measures"], warnings: &warnings)
            var measures: [String: [Observation]] = [:]
            if let measuresCursor = o["measures"] {
                guard case .object(let members) = measuresCursor.value.kind else {
                    throw measuresCursor.invalid("an object of measure name → observations, e.g. { \"inwoners\": [ … ] }")
                }
                let object = JSONObjectCursor(cursor: measuresCursor, members: members)
                for member in members {
                    guard let series = object[member.key] else { continue }
                    measures[member.key] = try list(series) { r, c throws(LoadError) in try r.observation(c) }
                }
            }
            return Municipality(code: try o.required("code").municipalityCode(), name: try o.required("name").text(), measures: measures)
        }

        mutating func observation(_ cursor: JSONCursor) throws(LoadError) -> Observation {
            let o = try cursor.object(keys: ["value", "date", "source"], warnings: &warnings)
            return Observation(value: try o.required("value").nonNegativeDecimal(), date: try o["date"]?.date(),
                               source: try o["source"]?.string())
        }

        mutating func cluster(_ cursor: JSONCursor) throws(LoadError) -> Cluster {
            let o = try cursor.object(keys: ["id", "name", "municipalities"], warnings: &warnings)
            var codes: [MunicipalityCode] = []
            for item in try o.required("municipalities").array() { codes.append(try item.municipalityCode()) }
            return Cluster(id: try o.required("id").id(), name: try o.required("name").text(), municipalities: codes)
        }

        mutating func theme(_ cursor: JSONCursor) throws(LoadError) -> Theme {
            let o = try cursor.object(keys: ["id", "number", "name", "owner", "issueOwners", "goals", "planning", "source"], warnings: &warnings)
            return Theme(
                id: try o.required("id").id(), number: try o["number"]?.count(), name: try o.required("name").text(),
                owner: try o["owner"]?.string(), issueOwners: try o["issueOwners"]?.strings() ?? [],
                goals: try o["goals"]?.strings() ?? [], planning: try o["planning"]?.string(),
                source: try o["source"].map { c throws(LoadError) in try source(c) })
        }

        mutating func budget(_ cursor: JSONCursor) throws(LoadError) -> Budget {
            let o = try cursor.object(keys: ["id", "title", "source", "years", "lines", "totals", "total", "carryOver", "alsoStated"], warnings: &warnings)
            var years: [Int] = []
            if let yearsCursor = o["years"] {
                for item in try yearsCursor.array() {
                    let year = try item.count()
                    guard (1900...2200).contains(year), !years.contains(year) else { throw item.invalid("a year such as 2019, each once") }
                    years.append(year)
                }
            }
            var budget = Budget(
                id: try o.required("id").id(), title: try o["title"]?.string(),
                source: try o["source"].map { c throws(LoadError) in try source(c) },
                lines: try list(try o.required("lines")) { r, c throws(LoadError) in try r.budgetLine(c, years: years) },
                total: try o["total"]?.amount(),
                years: years,
                totals: try o["totals"].map { c throws(LoadError) in try amountsByYear(c, years: years) } ?? [:],
                carryOver: try o["carryOver"].map { c throws(LoadError) in try carryOver(c) },
                pointer: cursor.pointer)
            budget.alsoStated = try alsoStated(o["alsoStated"], numbers: [("total", budget.total != nil)],
                                               years: Dictionary(uniqueKeysWithValues: years.map { ($0, budget.totals[$0] != nil) }))
            return budget
        }

        mutating func budgetLine(_ cursor: JSONCursor, years: [Int] = []) throws(LoadError) -> BudgetLine {
            let o = try cursor.object(keys: ["id", "name", "amount", "amounts", "lines", "formula", "note", "financier", "alsoStated"], warnings: &warnings)
            var line = BudgetLine(
                id: try o["id"]?.id(), name: try o.required("name").text(), amount: try o["amount"]?.amount(),
                amounts: try o["amounts"].map { c throws(LoadError) in try amountsByYear(c, years: years) } ?? [:],
                lines: try list(o["lines"]) { r, c throws(LoadError) in try r.budgetLine(c, years: years) },
                formula: try o["formula"].map { c throws(LoadError) in try formula(c) },
                note: try o["note"]?.string(), pointer: cursor.pointer, financier: try o["financier"]?.text())
            line.alsoStated = try alsoStated(o["alsoStated"], numbers: [("amount", line.amount != nil)],
                                             years: Dictionary(uniqueKeysWithValues: years.map { ($0, line.amounts[$0] != nil) }))
            return line
        }

        /// `{ "2019": amount, … }` for a budget with year columns; every key one of its `years`.
        mutating func amountsByYear(_ cursor: JSONCursor, years: [Int]) throws(LoadError) -> [Int: Money] {
            guard case .object(let members) = cursor.value.kind else { throw cursor.invalid("an object of year → amount, e.g. { \"2019\": \"240000\" }") }
            if years.isEmpty {
                throw cursor.invalid("amounts per year only in a budget that lists its \"years\"")
            }
            let object = JSONObjectCursor(cursor: cursor, members: members)
            var result: [Int: Money] = [:]
            for member in members {
                guard let value = object[member.key] else { continue }
                guard let year = Int(member.key), years.contains(year) else {
                    throw .invalidValue(value.location, found: "the year \"\(member.key)\"", expected: "one of the budget's years " + years.map(String.init).joined(separator: ", "))
                }
                result[year] = try value.amount()
            }
            return result
        }

        /// A percentage between 0 and 100.
        func percentage(_ cursor: JSONCursor) throws(LoadError) -> ExactDecimal {
            let value = try cursor.nonNegativeDecimal()
            guard !value.isNegative, let scaled = value.scaled(to: 12), scaled <= 100_000_000_000_000 else {
                throw cursor.invalid("a percentage from 0 to 100")
            }
            return value
        }

        mutating func grandTotal(_ cursor: JSONCursor) throws(LoadError) -> GrandTotal {
            let o = try cursor.object(keys: ["id", "name", "amount", "allocations", "budgets", "source", "alsoStated"], warnings: &warnings)
            var allocations: [String] = []
            for item in try o["allocations"]?.array() ?? [] { allocations.append(try item.id()) }
            var budgets: [String] = []
            for item in try o["budgets"]?.array() ?? [] { budgets.append(try item.id()) }
            if allocations.isEmpty && budgets.isEmpty {
                throw .missingKey(cursor.location, key: "allocations")
            }
            return GrandTotal(id: try o.required("id").id(), name: try o["name"]?.string(), amount: try o.required("amount").amount(),
                              allocations: allocations, budgets: budgets,
                              source: try o["source"].map { c throws(LoadError) in try source(c) }, pointer: cursor.pointer,
                              alsoStated: try alsoStated(o["alsoStated"], numbers: [("amount", true)]))
        }

        mutating func formula(_ cursor: JSONCursor) throws(LoadError) -> CostFormula {
            let o = try cursor.object(keys: ["count", "unitPrice", "hoursPerWeek", "weeks", "rate", "fte", "annualCost", "partOfYear"], warnings: &warnings)
            if let count = o["count"] {
                return .count(try count.nonNegativeDecimal(), unitPrice: try o.required("unitPrice").amount())
            }
            if let hours = o["hoursPerWeek"] {
                return .hours(perWeek: try hours.nonNegativeDecimal(), weeks: try o.required("weeks").nonNegativeDecimal(),
                              rate: try o.required("rate").amount())
            }
            if let fte = o["fte"] {
                return .staff(fte: try fte.nonNegativeDecimal(), annualCost: try o.required("annualCost").amount(),
                              partOfYear: try o["partOfYear"]?.nonNegativeDecimal() ?? ExactDecimal(significand: 1))
            }
            throw cursor.invalid("a formula: { \"count\", \"unitPrice\" }, { \"hoursPerWeek\", \"weeks\", \"rate\" } or { \"fte\", \"annualCost\", \"partOfYear\" }")
        }

        mutating func carryOver(_ cursor: JSONCursor) throws(LoadError) -> CarryOver {
            let o = try cursor.object(keys: ["from", "amount", "parts", "note"], warnings: &warnings)
            return CarryOver(
                fromYear: try o["from"]?.count(), amount: try o.required("amount").amount(),
                parts: try list(o["parts"]) { r, c throws(LoadError) in try r.budgetLine(c) },
                note: try o["note"]?.string(), pointer: cursor.pointer)
        }

        mutating func allocation(_ cursor: JSONCursor) throws(LoadError) -> AllocationSpec {
            let o = try cursor.object(keys: ["id", "name", "source", "year", "amount", "basis", "key", "method", "unit",
                                             "statedWeightTotal", "shares", "alsoStated"], warnings: &warnings)
            var method = ApportionmentMethod.largestRemainder
            if let methodCursor = o["method"] {
                let text = try methodCursor.string()
                guard let parsed = ApportionmentMethod(rawValue: text) else {
                    throw methodCursor.invalid(ApportionmentMethod.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ").replacingLast(", ", with: " or "))
                }
                method = parsed
            }
            var unit = RoundingUnit.cent
            if let unitCursor = o["unit"] {
                let text: String
                switch unitCursor.value.kind {
                case .string(let s), .number(let s): text = s
                default: throw unitCursor.invalid("a rounding unit in euros such as \"0.01\", \"1\" or \"100\"")
                }
                guard let parsed = RoundingUnit.parse(text) else {
                    if case .failure(.tooLarge) = Money.parse(text) {
                        throw unitCursor.invalid("a rounding unit of at most \(Money.largest) (whole cents in 64 bits)")
                    }
                    throw unitCursor.invalid("a positive rounding unit in whole cents such as \"0.01\", \"1\" or \"100\"")
                }
                unit = parsed
            }
            let amount = try o["amount"]?.amount()
            let basis = try o["basis"].map { c throws(LoadError) in try allocationBasis(c) }
            if amount == nil && basis == nil { throw .missingKey(cursor.location, key: "amount") }
            return AllocationSpec(
                id: try o.required("id").id(), name: try o["name"]?.string(),
                source: try o["source"].map { c throws(LoadError) in try source(c) },
                year: try o["year"]?.count(), amount: amount, basis: basis, key: try allocationKey(try o.required("key")),
                method: method, unit: unit, statedWeightTotal: try o["statedWeightTotal"]?.nonNegativeDecimal(),
                shares: try list(try o.required("shares")) { r, c throws(LoadError) in try r.share(c) },
                pointer: cursor.pointer, alsoStated: try alsoStated(o["alsoStated"], numbers: [("amount", amount != nil)]))
        }

        mutating func allocationBasis(_ cursor: JSONCursor) throws(LoadError) -> AllocationBasis {
            let o = try cursor.object(keys: ["budget", "lessCarryOver"], warnings: &warnings)
            return AllocationBasis(budget: try o.required("budget").id(), lessCarryOver: try o["lessCarryOver"]?.bool() ?? false)
        }

        mutating func allocationKey(_ cursor: JSONCursor) throws(LoadError) -> AllocationKey {
            let o = try cursor.object(keys: ["measure", "source", "date", "equal", "mix", "stated"], warnings: &warnings)
            if let measure = o["measure"] {
                let name = try measure.text()
                guard let sourceCursor = o["source"] else { return .measure(name: name, date: try o["date"]?.date()) }
                guard try sourceCursor.string() == "cbs" else {
                    throw sourceCursor.invalid("\"cbs\" (the CBS figures amr carries), or no source to use the plan's own figures")
                }
                guard name == "inwoners" else {
                    throw measure.invalid("\"inwoners\": the CBS figures amr carries are inhabitants")
                }
                guard let dateCursor = o["date"] else { throw .missingKey(cursor.location, key: "date") }
                return .cbsInhabitants(date: try dateCursor.date())
            }
            if let equal = o["equal"], try equal.bool() { return .equal }
            if let stated = o["stated"], try stated.bool() { return .stated }
            if let mixCursor = o["mix"] {
                let components = try list(mixCursor) { r, c throws(LoadError) in
                    let m = try c.object(keys: ["measure", "date", "percent"], warnings: &r.warnings)
                    return AllocationKey.MixComponent(measure: try m.required("measure").text(), date: try m["date"]?.date(),
                                                      percent: try m.required("percent").nonNegativeDecimal())
                }
                guard !components.isEmpty else { throw mixCursor.invalid("at least one measure with a percent") }
                return .mix(components)
            }
            throw cursor.invalid("a key: { \"measure\": \"inwoners\", \"date\": \"2017-09-27\" }, { \"equal\": true }, { \"mix\": [ … ] } or { \"stated\": true }")
        }

        mutating func share(_ cursor: JSONCursor) throws(LoadError) -> ShareSpec {
            let o = try cursor.object(keys: ["municipality", "label", "weight", "stated"], warnings: &warnings)
            let share = ShareSpec(
                municipality: try o["municipality"]?.municipalityCode(), label: try o["label"]?.string(),
                weight: try o["weight"]?.nonNegativeDecimal(), stated: try o["stated"]?.amount(), pointer: cursor.pointer)
            if share.municipality == nil && share.label == nil { throw .missingKey(cursor.location, key: "municipality") }
            return share
        }

        mutating func target(_ cursor: JSONCursor) throws(LoadError) -> Target {
            let o = try cursor.object(keys: ["id", "name", "theme", "programme", "subproject", "cluster", "municipality", "measure",
                                             "value", "of", "percent", "base", "rounding", "direction", "cumulative", "baseline",
                                             "date", "period", "trajectory", "indicative", "parts", "filter", "measurements",
                                             "orangeFrom", "source", "note", "alsoStated", "background", "growth"], warnings: &warnings)
            var rounding: Rounding?
            if let r = o["rounding"] {
                guard let parsed = Rounding(rawValue: try r.string()) else { throw r.invalid("\"down\", \"nearest\" or \"up\"") }
                rounding = parsed
            }
            var direction = Target.Direction.higher
            if let d = o["direction"] {
                guard let parsed = Target.Direction(rawValue: try d.string()) else { throw d.invalid("\"higher\" or \"lower\"") }
                direction = parsed
            }
            var filter: [String: String] = [:]
            if let f = o["filter"] {
                guard case .object(let members) = f.value.kind else { throw f.invalid("an object of column → value") }
                let object = JSONObjectCursor(cursor: f, members: members)
                for member in members { if let value = object[member.key] { filter[member.key] = try value.string() } }
            }
            var target = Target(
                id: try o.required("id").id(), name: try o.required("name").text(),
                theme: try o["theme"]?.id(), programme: try o["programme"]?.id(), subproject: try o["subproject"]?.id(),
                measure: try o["measure"]?.string(), value: try o["value"]?.decimal(), of: try o["of"]?.decimal(),
                percent: try o["percent"].map { c throws(LoadError) in try percentage(c) }, base: try o["base"]?.nonNegativeDecimal(),
                rounding: rounding,
                trajectory: try list(o["trajectory"]) { r, c throws(LoadError) in
                    let p = try c.object(keys: ["date", "value", "percent", "alsoStated"], warnings: &r.warnings)
                    var point = TrajectoryPoint(date: try p.required("date").date(), value: try p["value"]?.decimal(),
                                                percent: try p["percent"].map { c throws(LoadError) in try r.percentage(c) }, pointer: c.pointer)
                    if point.value == nil && point.percent == nil { throw .missingKey(c.location, key: "value") }
                    point.alsoStated = try r.alsoStated(p["alsoStated"], numbers: [("value", point.value != nil), ("percent", point.percent != nil)])
                    return point
                },
                cluster: try o["cluster"]?.id(), municipality: try o["municipality"]?.municipalityCode(),
                orangeFrom: try o["orangeFrom"].map { c throws(LoadError) in try percentage(c) },
                direction: direction, cumulative: try o["cumulative"]?.bool() ?? false,
                baseline: try o["baseline"].map { c throws(LoadError) in try baseline(c) },
                date: try o["date"]?.date(), period: try o["period"].map { c throws(LoadError) in try period(c) },
                indicative: try o["indicative"]?.bool() ?? false,
                parts: try list(o["parts"]) { r, c throws(LoadError) in
                    let p = try c.object(keys: ["id", "name", "value"], warnings: &r.warnings)
                    return TargetPart(id: try p.required("id").id(), name: try p["name"]?.string(),
                                      value: try p.required("value").decimal(), pointer: c.pointer)
                },
                filter: filter,
                measurements: try list(o["measurements"]) { r, c throws(LoadError) in try r.measurement(c) },
                source: try o["source"].map { c throws(LoadError) in try source(c) },
                note: try o["note"]?.string(), pointer: cursor.pointer)
            target.background = try o["background"]?.bool() ?? false
            target.growth = try o["growth"]?.decimal()
            target.alsoStated = try alsoStated(o["alsoStated"], numbers: [("value", target.value != nil), ("percent", target.percent != nil),
                                                                          ("base", target.base != nil)])
            return target
        }

        mutating func baseline(_ cursor: JSONCursor) throws(LoadError) -> Baseline {
            let o = try cursor.object(keys: ["date", "value", "source"], warnings: &warnings)
            return Baseline(date: try o.required("date").date(), value: try o["value"]?.decimal(), source: try o["source"]?.string())
        }

        mutating func measurement(_ cursor: JSONCursor) throws(LoadError) -> Measurement {
            let o = try cursor.object(keys: ["date", "value", "level", "kind", "channels", "source", "note", "alsoStated"], warnings: &warnings)
            var kind = Measurement.Kind.realised
            if let k = o["kind"] {
                guard let parsed = Measurement.Kind(rawValue: try k.string()) else {
                    throw k.invalid("\"realised\", \"indication\" or \"forecast\"")
                }
                kind = parsed
            }
            let level = try o["level"]?.decimal()
            return Measurement(date: try o.required("date").date(), value: try o.required("value").decimal(),
                               level: level, kind: kind,
                               channels: try list(o["channels"]) { r, c throws(LoadError) in
                                   let ch = try c.object(keys: ["id", "name", "value", "overlapsWith", "alsoStated"], warnings: &r.warnings)
                                   return Channel(id: try ch.required("id").id(), name: try ch["name"]?.string(),
                                                  value: try ch.required("value").nonNegativeDecimal(), overlapsWith: try ch["overlapsWith"]?.id(),
                                                  pointer: c.pointer, alsoStated: try r.alsoStated(ch["alsoStated"], numbers: [("value", true)]))
                               },
                               source: try o["source"]?.string(), note: try o["note"]?.string(), pointer: cursor.pointer,
                               alsoStated: try alsoStated(o["alsoStated"], numbers: [("value", true), ("level", level != nil)]))
        }

        mutating func programme(_ cursor: JSONCursor) throws(LoadError) -> Programme {
            let o = try cursor.object(keys: ["id", "name", "note", "source"], warnings: &warnings)
            return Programme(id: try o.required("id").id(), name: try o.required("name").text(), note: try o["note"]?.string(),
                             source: try o["source"].map { c throws(LoadError) in try source(c) })
        }

        mutating func subproject(_ cursor: JSONCursor) throws(LoadError) -> Subproject {
            let o = try cursor.object(keys: ["id", "programme", "number", "name", "description", "owner", "status", "light", "note"], warnings: &warnings)
            var status: Subproject.Status?
            if let s = o["status"] {
                guard let parsed = Subproject.Status(rawValue: try s.string()) else {
                    throw s.invalid("one of " + Subproject.Status.allCases.map(\.rawValue).joined(separator: ", "))
                }
                status = parsed
            }
            var light: Subproject.Light?
            if let l = o["light"] {
                guard let parsed = Subproject.Light(rawValue: try l.string()) else {
                    throw l.invalid("one of " + Subproject.Light.allCases.map(\.rawValue).joined(separator: ", "))
                }
                light = parsed
            }
            return Subproject(
                id: try o.required("id").id(), programme: try o["programme"]?.id(), number: try o["number"]?.count(),
                name: try o.required("name").text(), description: try o["description"]?.string(),
                owner: try o["owner"]?.string(), status: status, light: light, note: try o["note"]?.string())
        }
    }
}

extension String {
    func replacingLast(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target, options: .backwards) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
