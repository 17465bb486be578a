/// Splits over a labour-market region with CBS's figures: by inhabitants on 1 January with no
/// input file, or by a weights file that must hold exactly the region's municipalities.
public enum RegionAllocator {
    /// Splits `total` over `region`'s municipalities by their CBS inhabitants on 1 January of
    /// `figures.year` (`amr allocate --total … --region …`).
    public static func allocate(_ total: Money, over region: CBSRegion, figures: CBSYear,
                                method: ApportionmentMethod = .largestRemainder, unit: RoundingUnit = .cent) throws(LoadError) -> AllocationReport {
        var report = try allocate(total, over: region.municipalities, name: region.name, label: region.label, figures: figures, method: method, unit: unit)
        report.cbs = CBSUse(source: figures.source(regionTables: region.regionTables), region: region.label,
                            municipalities: region.municipalities.count, differences: nil,
                            caveats: CBSUse.caveats(for: region.code, in: figures), membership: figures.membership)
        return report
    }

    /// Splits `total` over a set of municipalities someone named (a joint arrangement, a GGD
    /// region) by their CBS inhabitants on 1 January of `figures.year`, in the order given
    /// (`amr allocate --total … --municipalities …`). No region membership is used.
    public static func allocate(_ total: Money, over set: MunicipalitySet, figures: CBSYear,
                                method: ApportionmentMethod = .largestRemainder, unit: RoundingUnit = .cent) throws(LoadError) -> AllocationReport {
        var report = try allocate(total, over: set.municipalities, name: set.name ?? "gemeenten", label: set.name, figures: figures, method: method, unit: unit)
        report.cbs = CBSUse(source: figures.source(), region: set.label, municipalities: set.municipalities.count, differences: nil)
        report.cbs?.unnamedSet = set.name == nil
        return report
    }

    static func allocate(_ total: Money, over municipalities: [CBSMunicipality], name: String, label: String?, figures: CBSYear,
                         method: ApportionmentMethod, unit: RoundingUnit) throws(LoadError) -> AllocationReport {
        let inhabitants = municipalities.reduce(0) { $0 + $1.inhabitants }
        let weights = municipalities.map { Int128($0.inhabitants) }
        let amounts: [Money]
        do throws(AllocationError) {
            amounts = try Apportionment.allocate(total, over: weights, method: method, unit: unit)
        } catch {
            throw .unusable(SourceLocation(file: "CBS \(figures.table)", line: 1, column: 1), PlanAllocator.reason(error, names: municipalities.map(\.name)))
        }
        let rows = municipalities.indices.map { index in
            AllocationReport.Row(name: municipalities[index].name, code: municipalities[index].code,
                                 weight: ExactDecimal(significand: Int64(municipalities[index].inhabitants)),
                                 integerWeight: weights[index], amount: amounts[index], stated: nil, difference: nil)
        }
        return AllocationReport(
            id: nil, title: "inwoners per gemeente, \(name) \(figures.year)",
            context: (label.map { "\($0), " } ?? "") + "\(municipalities.count) municipalities on 1 January \(figures.year)",
            total: total, basis: nil, unit: unit, method: method, key: .cbsInhabitants(date: figures.date, table: figures.table),
            nameHeading: "gemeente", weightName: "inwoners",
            weightTotal: ExactDecimal(significand: Int64(inhabitants)), statedWeightTotal: nil, rows: rows, statedAmount: nil)
    }

    /// Splits `total` over the rows of a weights file after matching every row to a municipality
    /// of `region` (in `resolver`'s year) by code or name (`amr allocate --total … --weights FILE
    /// --region …`). A municipality of the region missing from the file, one that appears twice,
    /// one from elsewhere or a name that is not a municipality is an error listing them all. The
    /// file's weights are used as they are; where they differ from CBS's, a note says so.
    public static func allocate(_ total: Money, over table: WeightTable, file: String, region: CBSRegion, resolver: PlaceResolver,
                                method: ApportionmentMethod = .largestRemainder, unit: RoundingUnit = .cent) throws(LoadError) -> AllocationReport {
        let figures = resolver.figures
        let matched = try match(table, file: file, region: region, resolver: resolver)
        var report = try PlanAllocator.allocate(total, over: table, file: file, method: method, unit: unit)
        for index in report.rows.indices { report.rows[index].code = matched[index].code }
        report.cbs = CBSUse(source: figures.source(regionTables: region.regionTables), region: region.label,
                            municipalities: matched.count, differences: differences(table, matched),
                            caveats: CBSUse.caveats(for: region.code, in: figures), membership: figures.membership)
        return report
    }

    /// The municipality of each row, in row order; throws when the rows are not exactly the
    /// region's municipalities, each once.
    static func match(_ table: WeightTable, file: String, region: CBSRegion, resolver: PlaceResolver) throws(LoadError) -> [CBSMunicipality] {
        let figures = resolver.figures
        let members = Set(region.municipalities.map(\.code))
        var matched: [CBSMunicipality] = []
        var problems: [(line: Int, text: String)] = []
        var linesOf: [MunicipalityCode: [Int]] = [:]
        var foreign: [(line: Int, municipality: CBSMunicipality)] = []
        func suggestions(_ name: String) -> [String] {
            let near = resolver.suggestions(for: name, among: region.municipalities)
            return (near.isEmpty ? resolver.suggestions(for: name) : near).map(PlaceResolver.label)
        }
        for row in table.rows {
            var found: CBSMunicipality?
            if let codeText = row.code {
                guard let code = MunicipalityCode(codeText.uppercased()), let municipality = figures.municipality(code) else {
                    problems.append((row.line, "line \(row.line): code '\(codeText)' is not a municipality on 1 January \(figures.year)"))
                    continue
                }
                let byName = resolver.candidates(row.name)
                if byName.count == 1, let other = byName.first, other.code != code {
                    problems.append((row.line, "line \(row.line): code \(code) is \(municipality.name), but the name '\(row.name)' is \(PlaceResolver.label(other))"))
                    continue
                }
                found = municipality
            } else {
                let candidates = resolver.candidates(row.name)
                // A name several municipalities share (Bergen) is clear within one region.
                let inRegion = candidates.filter { members.contains($0.code) }
                if candidates.count == 1 { found = candidates.first }
                else if inRegion.count == 1 { found = inRegion.first }
                else if candidates.count > 1 {
                    problems.append((row.line, "line \(row.line): '\(row.name)' may be \(PlaceLookupError.list(candidates.map(PlaceResolver.label), "or")); write the code"))
                    continue
                } else {
                    let near = suggestions(row.name)
                    var text = "line \(row.line): '\(row.name)' is not a municipality on 1 January \(figures.year)"
                    if case .notInYear(_, let municipality, _, let listed) = resolver.notFound(row.name) {
                        text = "line \(row.line): \(municipality) is not a municipality on 1 January \(figures.year) (CBS lists it \(listed))"
                    } else if !near.isEmpty {
                        text += " (did you mean \(PlaceLookupError.list(near, "or"))?)"
                    }
                    problems.append((row.line, text))
                    continue
                }
            }
            guard let municipality = found else { continue }
            matched.append(municipality)
            linesOf[municipality.code, default: []].append(row.line)
            // In 2020–2023 a municipality whose region is uncertain may be listed where the
            // plan's own list puts it: the file wins (the note says so).
            if !members.contains(municipality.code), !uncertainlyIn(region.code, municipality.code) { foreign.append((row.line, municipality)) }
        }

        func uncertainlyIn(_ region: RegionCode, _ code: MunicipalityCode) -> Bool {
            MembershipCaveat.caveat(for: code, in: figures)?.otherRegions.contains(region) ?? false
        }
        let uncertain = { (code: MunicipalityCode) -> String in
            MembershipCaveat.caveat(for: code, in: figures) == nil ? "" : " (its membership in \(figures.year) is uncertain: \(figures.membership.origin(year: figures.year)))"
        }
        var parts: [String] = []
        let missing = region.municipalities.filter { linesOf[$0.code] == nil && MembershipCaveat.caveat(for: $0.code, in: figures) == nil }
        if !missing.isEmpty {
            parts.append("missing " + missing.map { PlaceResolver.label($0) + uncertain($0.code) }.joined(separator: ", "))
        }
        let twice = linesOf.filter { $0.value.count > 1 }.sorted { ($0.value.first ?? 0) < ($1.value.first ?? 0) }
        for (code, lines) in twice {
            let name = figures.municipality(code).map(PlaceResolver.label) ?? code.rawValue
            parts.append("\(name) appears \(lines.count) times, on lines " + PlaceLookupError.list(lines.map(String.init), "and"))
        }
        var rowProblems = problems
        for (line, municipality) in foreign {
            let home = figures.region(of: municipality)?.label ?? municipality.region.rawValue
            rowProblems.append((line, "line \(line): \(PlaceResolver.label(municipality)) is in \(home), not in \(region.name)\(uncertain(municipality.code))"))
        }
        parts += rowProblems.sorted { $0.line < $1.line }.map(\.text)
        guard !parts.isEmpty else { return matched }
        let lines = problems.map(\.line) + foreign.map(\.line) + twice.compactMap { $0.value.dropFirst().first }
        let line = lines.min() ?? table.rows.first?.line ?? 1
        let count = region.municipalities.count
        throw .csv(SourceLocation(file: file, line: line, column: 1),
                   "the rows do not match the \(count) municipalit\(count == 1 ? "y" : "ies") of \(region.label) on 1 January \(figures.year): "
                   + parts.joined(separator: "; ") + "; correct the file, or leave out --region to split over its rows as they are")
    }

    /// The rows whose weight is not CBS's inhabitants for their municipality.
    static func differences(_ table: WeightTable, _ matched: [CBSMunicipality]) -> [CBSUse.Difference] {
        zip(table.rows, matched).compactMap { row, municipality in
            let cbs = ExactDecimal(significand: Int64(municipality.inhabitants))
            return row.weight.isEqual(to: cbs) ? nil : CBSUse.Difference(name: row.name, weight: row.weight, cbs: cbs)
        }
    }
}
