import Foundation

/// The one way amr turns what people write into municipalities and regions of a CBS year:
/// CBS codes (`GM0518`, `AM21`), official names, the names people use ("Den Haag", "Rijswijk",
/// "Bergen NH", a name from another year), region slugs (`gooi-en-vechtstreek`). Case, diacritics,
/// punctuation and spacing are ignored. A name that fits several places is ambiguous, never a
/// guess; an unknown one comes with the closest names.
public struct PlaceResolver: Sendable {
    public let data: CBSData
    public let figures: CBSYear

    /// key → codes, in order of trust: official names first, then other names.
    private let officialNames: [String: Set<MunicipalityCode>]
    private let otherNames: [String: Set<MunicipalityCode>]
    /// key → codes of municipalities of other years that do not exist in this one.
    private let formerNames: [String: Set<MunicipalityCode>]
    private let regionNames: [String: RegionCode]

    /// Names people use that no CBS table gives, by code. Only names in wide use; a name that
    /// could mean another place does not belong here.
    static let commonNames: [String: [String]] = [
        "GM0518": ["Den Haag", "The Hague"],
        "GM0796": ["Den Bosch"],
        "GM0820": ["Nuenen"],
        "GM0737": ["Tietjerksteradeel"],
        "GM1891": ["Dantumadeel"],
    ]

    /// Region names people use besides CBS's, by code.
    static let commonRegionNames: [String: [String]] = [
        "AM02": ["Fryslân"],
    ]

    /// A resolver for the municipalities and regions on 1 January of `figures.year`.
    public init(data: CBSData, figures: CBSYear) {
        self.data = data
        self.figures = figures
        var official: [String: Set<MunicipalityCode>] = [:]
        var other: [String: Set<MunicipalityCode>] = [:]
        func add(_ name: String, _ code: MunicipalityCode, to index: inout [String: Set<MunicipalityCode>]) {
            for key in [PlaceName.key(name), PlaceName.compactKey(name)] where !key.isEmpty { index[key, default: []].insert(code) }
        }
        let existing = Set(figures.municipalities.map(\.code))
        for municipality in figures.municipalities {
            add(municipality.name, municipality.code, to: &official)
            add(municipality.code.rawValue, municipality.code, to: &official)
            for name in Self.names(of: municipality) { add(name, municipality.code, to: &other) }
        }
        var former: [String: Set<MunicipalityCode>] = [:]
        for year in data.years where year.year != figures.year {
            for municipality in year.municipalities {
                if existing.contains(municipality.code) {
                    // A name this municipality had in another year ("Rijswijk" before 2024).
                    add(municipality.name, municipality.code, to: &other)
                } else {
                    add(municipality.name, municipality.code, to: &former)
                    add(municipality.code.rawValue, municipality.code, to: &former)
                }
            }
        }
        officialNames = official
        otherNames = other
        formerNames = former
        regionNames = figures.regionKeys
    }

    /// key → region: codes, names, slugs and common names of the regions (`CBSYear` keeps them).
    static func regionKeys(_ list: [CBSRegion]) -> [String: RegionCode] {
        var regions: [String: RegionCode] = [:]
        for region in list {
            var names = [region.name, region.code.rawValue] + (commonRegionNames[region.code.rawValue] ?? [])
            // "Regio Zwolle" is also just "Zwolle".
            if PlaceName.key(region.name).hasPrefix("regio-") { names.append(String(region.name.dropFirst("regio ".count))) }
            for name in names {
                for key in [PlaceName.key(name), PlaceName.compactKey(name)] where !key.isEmpty { regions[key] = region.code }
            }
        }
        return regions
    }

    /// The region `text` names exactly (code, name, slug or common name), without the
    /// municipality indexes a full resolver builds: for checks that run on many plans.
    public static func region(named text: String, in figures: CBSYear) -> CBSRegion? {
        let keys = figures.regionKeys
        for key in [PlaceName.key(text), PlaceName.compactKey(text)] where !key.isEmpty {
            if let code = keys[key] { return figures.region(code) }
        }
        return nil
    }

    /// The other names of a municipality: the common ones, and for a name with a province suffix
    /// ("Bergen (NH.)", "Rijswijk (ZH.)") the name without it and with the province written out.
    static func names(of municipality: CBSMunicipality) -> [String] {
        var names = commonNames[municipality.code.rawValue] ?? []
        let name = municipality.name
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let base = String(name[..<open]).trimmingCharacters(in: .whitespaces)
            if !base.isEmpty {
                names.append(base)
                names.append(base + " " + municipality.provinceName)
            }
        }
        return names
    }

    // MARK: - Municipalities

    /// Every municipality of the year `text` may mean: one, several (ambiguous) or none.
    public func candidates(_ text: String) -> [CBSMunicipality] {
        let keys = [PlaceName.key(text), PlaceName.compactKey(text)]
        for index in [officialNames, otherNames] {
            for key in keys where !key.isEmpty {
                if let codes = index[key], !codes.isEmpty {
                    return codes.sorted().compactMap { figures.municipality($0) }
                }
            }
        }
        return []
    }

    /// The municipality `text` means, or an error saying why there is not exactly one.
    public func municipality(_ text: String) throws(PlaceLookupError) -> CBSMunicipality {
        let found = candidates(text)
        if found.count == 1, let only = found.first { return only }
        if found.count > 1 { throw .ambiguousMunicipality(text, candidates: found.map(Self.label)) }
        throw notFound(text)
    }

    /// Why `text` names no municipality of the year: one of another year, or the closest names.
    public func notFound(_ text: String) -> PlaceLookupError {
        for key in [PlaceName.key(text), PlaceName.compactKey(text)] where !key.isEmpty {
            guard let codes = formerNames[key], let code = codes.sorted().first else { continue }
            let years = data.years.filter { $0.municipality(code) != nil }
            guard let first = years.first, let last = years.last,
                  let municipality = last.municipality(code) else { continue }
            var listed: String
            if last.year < figures.year {
                listed = first.year == last.year ? "on 1 January \(last.year) only" : "up to 1 January \(last.year)"
                // What it became by the year asked for (Bussum → Gooise Meren, Haren → Groningen).
                let later = data.successors(of: code, in: figures.year).compactMap { figures.municipality($0) }
                if let merger = data.merger(of: code), !later.isEmpty {
                    listed += "; on 1 January \(merger.year) it merged into "
                        + (merger.to.count > 1 ? "(split over) " : "") + PlaceLookupError.list(later.map(Self.label), "and")
                    if merger.year < figures.year, later.map(\.code) != merger.to { listed += " (as it is on 1 January \(figures.year))" }
                }
            } else {
                listed = "from 1 January \(first.year)"
                // What it was formed from, in the year asked for.
                let earlier = data.mergers.filter { $0.to.contains(code) && $0.year > figures.year }
                    .flatMap { merger in [merger.from] }.compactMap { figures.municipality($0) }
                if !earlier.isEmpty { listed += "; it was formed from " + PlaceLookupError.list(earlier.map(Self.label), "and") }
            }
            return .notInYear(text, municipality: Self.label(municipality), year: figures.year, listed: listed)
        }
        return .unknownMunicipality(text, year: figures.year, suggestions: suggestions(for: text).map(Self.label))
    }

    /// Up to three municipalities whose names are close to `text` (a typo, or the start of a
    /// name), closest first; `among` narrows the choice (a region's municipalities).
    public func suggestions(for text: String, among: [CBSMunicipality]? = nil) -> [CBSMunicipality] {
        let wanted = PlaceName.key(text)
        guard !wanted.isEmpty else { return [] }
        var scored: [(distance: Int, municipality: CBSMunicipality)] = []
        for municipality in among ?? figures.municipalities {
            let keys = ([municipality.name] + Self.names(of: municipality)).map(PlaceName.key)
            let distance = keys.map { key in Self.distance(wanted, key) }.min() ?? Int.max
            if distance < Int.max { scored.append((distance, municipality)) }
        }
        return scored.sorted { ($0.distance, PlaceName.sortKey($0.municipality.name)) < ($1.distance, PlaceName.sortKey($1.municipality.name)) }
            .prefix(3).map(\.municipality)
    }

    /// An edit distance small enough to be a typo, 0 for a name `wanted` starts (at a word
    /// boundary), Int.max otherwise.
    static func distance(_ wanted: String, _ key: String) -> Int {
        if wanted.count >= 3, key.hasPrefix(wanted) || key.contains("-" + wanted) { return 0 }
        let distance = Suggestion.editDistance(Array(wanted), Array(key))
        let allowed = key.count <= 3 ? 1 : (key.count <= 6 ? 2 : 3)
        return distance <= allowed ? distance : Int.max
    }

    /// `Delft (GM0503)`.
    public static func label(_ municipality: CBSMunicipality) -> String { "\(municipality.name) (\(municipality.code))" }

    // MARK: - Regions

    /// The region `text` means: its code (`AM21`), name or slug (`gooi-en-vechtstreek`).
    public func region(_ text: String) throws(PlaceLookupError) -> CBSRegion {
        for key in [PlaceName.key(text), PlaceName.compactKey(text)] where !key.isEmpty {
            if let code = regionNames[key], let region = figures.region(code) { return region }
        }
        let wanted = PlaceName.key(text)
        var scored: [(Int, CBSRegion)] = []
        for region in figures.regions {
            let distance = [region.name, region.slug].map { Self.distance(wanted, PlaceName.key($0)) }.min() ?? Int.max
            if distance < Int.max { scored.append((distance, region)) }
        }
        let suggestions = scored.sorted { ($0.0, $0.1.code) < ($1.0, $1.1.code) }.prefix(3).map { "\($0.1.slug) (\($0.1.code) \($0.1.name))" }
        var municipality: String?
        let found = candidates(text)
        if found.count == 1, let only = found.first, let region = figures.region(of: only) {
            municipality = "\(Self.label(only)) is a municipality in \(region.label): give that region as \(region.slug) or \(region.code)"
        }
        throw .unknownRegion(text, suggestions: Array(suggestions), municipality: municipality)
    }
}
