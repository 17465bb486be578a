/// The CBS reference figures amr carries: for 1 January of each year (2015–2025), every
/// municipality with its inhabitants, its labour-market region and province. Generated from
/// CBS's own tables by `scripts/generate-cbs` (see `CBSTables`); open data, "Bron: CBS", CC BY 4.0.
public struct CBSData: Sendable {
    /// The years, oldest first.
    public let years: [CBSYear]
    /// Every municipal merger in those years, oldest first.
    public let mergers: [Merger]

    /// On 1 January of `year` the municipality `from` became part of `to` (several when it was split).
    public struct Merger: Hashable, Sendable {
        public let year: Int
        public let from: MunicipalityCode
        public let to: [MunicipalityCode]
    }

    /// The embedded figures, parsed once on first use.
    public static func embedded() throws(CBSDataError) -> CBSData {
        try parsedEmbedded.get()
    }

    private static let parsedEmbedded: Result<CBSData, CBSDataError> = Result { () throws(CBSDataError) -> CBSData in
        try parse(inhabitantTables: CBSTables.inhabitantTables, regions: CBSTables.regions,
                  provinces: CBSTables.provinces, municipalities: CBSTables.municipalities,
                  membership: CBSTables.membership, mergers: CBSTables.mergers, caveats: CBSTables.membershipCaveats)
    }

    /// The years amr has figures for, known without reading them (so checks of plans outside
    /// these years cost nothing).
    public static var coveredYears: ClosedRange<Int> { CBSTables.years }

    /// Whether amr has figures for `date`: 1 January of a covered year.
    public static func covers(_ date: PlanDate?) -> Bool {
        guard let date else { return false }
        return date.month == 1 && date.day == 1 && coveredYears.contains(date.year)
    }

    /// Whether amr has the figures a number stated for `date` is compared with: those of the
    /// last 1 January on or before it.
    public static func coversReference(_ date: PlanDate?) -> Bool {
        guard let date else { return false }
        return coveredYears.contains(date.year)
    }

    /// The figures for 1 January of `year`, if amr has them.
    public func year(_ year: Int) -> CBSYear? { years.first { $0.year == year } }

    /// The labour-market regions' names of every year that are no municipality's name: a weights
    /// table's last row named so is the region's total, never a party (`Haaglanden`, not
    /// `Groningen` or `Amersfoort`, which are municipalities too).
    public var regionNamesForTotals: [String] {
        let municipalities = Set(years.flatMap { $0.municipalities.map { $0.name.lowercased() } })
        var names: [String] = []
        for name in years.flatMap({ $0.regions.map(\.name) }) where !municipalities.contains(name.lowercased()) && !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// The most recent year.
    public var latest: CBSYear? { years.last }

    /// `2015–2025`, for messages.
    public var yearRange: String {
        guard let first = years.first, let last = years.last else { return "no years" }
        return first.year == last.year ? "\(first.year)" : "\(first.year)–\(last.year)"
    }

    /// The figures for 1 January of `year`, or an error that says which years there are.
    public func figures(for year: Int) throws(PlaceLookupError) -> CBSYear {
        guard let found = self.year(year) else { throw .noFigures(year: year, available: yearRange) }
        return found
    }

    // MARK: - Parsing

    /// What `code` (of an earlier year) had become by 1 January of `year`: its successors
    /// through every merger after it disappeared, the ones that exist in `year`. Empty when it
    /// never merged before `year`.
    public func successors(of code: MunicipalityCode, in year: Int) -> [MunicipalityCode] {
        var current = [code]
        var merged = false
        for merger in mergers where merger.year <= year {
            guard let index = current.firstIndex(of: merger.from) else { continue }
            merged = true
            current.remove(at: index)
            for next in merger.to where !current.contains(next) { current.append(next) }
        }
        return merged ? current.sorted() : []
    }

    /// The municipalities that merged into `code` on 1 January of `year`.
    public func predecessors(of code: MunicipalityCode, in year: Int) -> [MunicipalityCode] {
        mergers.filter { $0.year == year && $0.to.contains(code) }.map(\.from)
    }

    /// The merger that dissolved `code`, if any.
    public func merger(of code: MunicipalityCode) -> Merger? { mergers.first { $0.from == code } }

    /// Reads the generated tables: `|`-separated lines, each table with its header first.
    static func parse(inhabitantTables: String, regions: String, provinces: String, municipalities: String,
                      membership: String = "year|basis|names|kind", mergers: String = "year|from|to",
                      caveats: String = "year|code|other") throws(CBSDataError) -> CBSData {
        var tables: [Int: (id: String, title: String)] = [:]
        for fields in try rows(inhabitantTables, header: "year|table|title") {
            // "-": a CBS product without a StatLine id, whose name is the table (Wijk- en Buurtkaart 2017).
            tables[try number(fields[0], "year")] = (fields[1], fields[2] == "-" ? "" : fields[2])
        }
        var mergerList: [Merger] = []
        for fields in try rows(mergers, header: "year|from|to") {
            let to = fields[2].split(separator: " ").compactMap { MunicipalityCode(String($0)) }
            guard let from = MunicipalityCode(fields[1]), !to.isEmpty else { throw CBSDataError("bad merger \(fields.joined(separator: "|"))") }
            mergerList.append(Merger(year: try number(fields[0], "year"), from: from, to: to))
        }
        var uncertain: [Int: [MunicipalityCode: [RegionCode]]] = [:]
        for fields in try rows(caveats, header: "year|code|other") {
            guard let code = MunicipalityCode(fields[1]) else { throw CBSDataError("bad caveat \(fields[1])") }
            let others = fields[2].split(separator: " ").compactMap { RegionCode(String($0)) }
            uncertain[try number(fields[0], "year"), default: [:]][code] = others
        }
        var kinds: [Int: (kind: RegionMembership.Kind, basis: Int, names: Int)] = [:]
        for fields in try rows(membership, header: "year|basis|names|kind") {
            let kind: RegionMembership.Kind
            switch fields[3] {
            case "own": kind = .own
            case "codes": kind = .codesOnly
            case "derived": kind = .derived
            default: throw CBSDataError("unknown membership kind \(fields[3])")
            }
            kinds[try number(fields[0], "year")] = (kind, try number(fields[1], "year"), try number(fields[2], "year"))
        }
        var regionNames: [RegionCode: String] = [:]
        for fields in try rows(regions, header: "code|name") {
            guard let code = RegionCode(fields[0]) else { throw CBSDataError("bad region code \(fields[0])") }
            regionNames[code] = fields[1]
        }
        var provinceNames: [String: String] = [:]
        for fields in try rows(provinces, header: "code|name") { provinceNames[fields[0]] = fields[1] }

        var byYear: [Int: [CBSMunicipality]] = [:]
        for fields in try rows(municipalities, header: "year|code|name|inhabitants|region|province|regionTable") {
            let year = try number(fields[0], "year")
            guard let code = MunicipalityCode(fields[1]) else { throw CBSDataError("bad municipality code \(fields[1])") }
            guard let region = RegionCode(fields[4]), regionNames[region] != nil else { throw CBSDataError("unknown region \(fields[4]) for \(code)") }
            guard let provinceName = provinceNames[fields[5]] else { throw CBSDataError("unknown province \(fields[5]) for \(code)") }
            byYear[year, default: []].append(CBSMunicipality(
                code: code, name: fields[2], inhabitants: try number(fields[3], "inhabitants"), region: region,
                provinceCode: fields[5], provinceName: provinceName, regionTable: fields[6]))
        }
        var years: [CBSYear] = []
        for year in byYear.keys.sorted() {
            guard let table = tables[year] else { throw CBSDataError("no inhabitants table for \(year)") }
            guard let date = PlanDate(year: year, month: 1, day: 1) else { throw CBSDataError("bad year \(year)") }
            // A year the membership table does not list has a region table of its own.
            let how = kinds[year] ?? (.own, year, year)
            let list = byYear[year] ?? []
            guard Set(list.map(\.code)).count == list.count else { throw CBSDataError("a municipality code appears twice in \(year)") }
            var renumbered: [String] = []
            if how.kind == .codesOnly {
                // The regions whose code in this year is not their code in the year that names them.
                let namesYear = Set((byYear[how.names] ?? []).map(\.region))
                for code in Set(list.map(\.region)).sorted() where !namesYear.contains(code) {
                    let name = regionNames[code] ?? code.rawValue
                    let later = (byYear[how.names] ?? []).first { regionNames[$0.region] == name }?.region
                    renumbered.append("\(name) \(code)" + (later.map { " (\($0) in \(how.names))" } ?? ""))
                }
            }
            let membership = RegionMembership(kind: how.kind, basis: how.basis, namesYear: how.names, renumbered: renumbered,
                                              uncertain: uncertain[year] ?? [:])
            years.append(CBSYear(date: date, table: table.id, tableTitle: table.title, municipalities: list, regionNames: regionNames,
                                 membership: membership))
        }
        guard !years.isEmpty else { throw CBSDataError("no municipalities") }
        return CBSData(years: years, mergers: mergerList)
    }

    static func rows(_ text: String, header: String) throws(CBSDataError) -> [[String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.first == header else { throw CBSDataError("expected the header \(header)") }
        let width = header.split(separator: "|").count
        var result: [[String]] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == width, !fields.contains(where: \.isEmpty) else { throw CBSDataError("malformed line: \(line)") }
            result.append(fields)
        }
        return result
    }

    static func number(_ text: String, _ what: String) throws(CBSDataError) -> Int {
        guard let value = Int(text), value >= 0 else { throw CBSDataError("\(what) '\(text)' is not a whole number") }
        return value
    }
}

/// The embedded CBS tables could not be read: a defect of the generated source, never of input.
public struct CBSDataError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    init(_ reason: String) { self.reason = reason }

    public var description: String { "the embedded CBS figures cannot be read (\(reason)); regenerate them with scripts/generate-cbs" }
}
