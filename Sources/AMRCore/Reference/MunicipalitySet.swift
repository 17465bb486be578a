import Foundation

/// A set of municipalities someone names rather than a labour-market region: a joint arrangement
/// (gemeenschappelijke regeling), a GGD region or a subregion that shares costs over its own
/// members, which may belong to several labour-market regions. Resolved against CBS's list of one
/// year, in the order written; every name that is not a municipality that year is an error.
public struct MunicipalitySet: Hashable, Sendable {
    /// The name someone gave the set (`Holland Rijnland`), if any.
    public let name: String?
    public let municipalities: [CBSMunicipality]

    /// The sum of the members' inhabitants.
    public var inhabitants: Int { municipalities.reduce(0) { $0 + $1.inhabitants } }

    /// `Holland Rijnland`, or `13 municipalities` without a name.
    public var label: String { name ?? "\(municipalities.count) municipalit\(municipalities.count == 1 ? "y" : "ies")" }

    /// The name as an id (`holland-rijnland`), or `gemeenten` without one.
    public var slug: String {
        let key = name.map(PlaceName.key) ?? ""
        return key.isEmpty ? "gemeenten" : key
    }

    /// One name or code as written, and where: `--municipalities` (no line) or a file's line.
    public struct Entry: Hashable, Sendable {
        public var text: String
        public var line: Int?
        public init(text: String, line: Int? = nil) {
            self.text = text
            self.line = line
        }
    }

    /// The entries of `--municipalities "Leiden, Katwijk; GM0575"`: separated by commas or
    /// semicolons. A name with a comma in it ("Nuenen, Gerwen en Nederwetten") stays one when
    /// the two pieces together name a municipality of the year.
    public static func entries(_ text: String, resolver: PlaceResolver) -> [Entry] {
        let pieces = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var result: [Entry] = []
        var index = 0
        while index < pieces.count {
            if index + 1 < pieces.count, !pieces[index].isEmpty, !pieces[index + 1].isEmpty,
               resolver.candidates(pieces[index] + ", " + pieces[index + 1]).count == 1,
               resolver.candidates(pieces[index + 1]).isEmpty {
                result.append(Entry(text: pieces[index] + ", " + pieces[index + 1]))
                index += 2
                continue
            }
            if !pieces[index].isEmpty { result.append(Entry(text: pieces[index])) }
            index += 1
        }
        return result
    }

    /// The entries of a file: a CSV with a header naming a column of municipalities (gemeente,
    /// gemeentenaam, naam, name, municipality, code, gemeentecode; the first such column), or
    /// else one name or code per line. Blank lines and lines starting with `#` are skipped.
    public static func entries(fileText text: String, file: String) throws(LoadError) -> [Entry] {
        let delimiter = CSVReader.detectDelimiter(text)
        let records = try CSVReader.records(text, delimiter: delimiter, file: file)
        let headers = ["gemeente", "gemeentenaam", "naam", "name", "municipality", "code", "gemeentecode"]
        if let header = records.first, header.fields.count > 1,
           let column = headers.lazy.compactMap({ wanted in header.fields.firstIndex { PlaceName.key($0) == wanted } }).first {
            return records.dropFirst().compactMap { record in
                guard record.fields.indices.contains(column) else { return nil }
                let value = record.fields[column].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : Entry(text: value, line: record.line)
            }
        }
        var result: [Entry] = []
        var line = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            line += 1
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.isEmpty || value.hasPrefix("#") { continue }
            result.append(Entry(text: value, line: line))
        }
        return result
    }

    /// The set `entries` name in `resolver`'s year. Every problem is collected in one message: a
    /// name that is no municipality that year (with its successor when it merged, or the closest
    /// names), an ambiguous name, a municipality named twice.
    public static func resolve(_ entries: [Entry], name: String?, resolver: PlaceResolver) throws(MunicipalitySetError) -> MunicipalitySet {
        guard !entries.isEmpty else { throw MunicipalitySetError(problems: ["no municipalities given"], line: nil) }
        var found: [CBSMunicipality] = []
        var problems: [String] = []
        var firstLine: Int?
        var seen: [MunicipalityCode: String] = [:]
        for entry in entries {
            let place = entry.line.map { "line \($0): " } ?? ""
            do throws(PlaceLookupError) {
                let municipality = try resolver.municipality(entry.text)
                if let earlier = seen[municipality.code] {
                    problems.append(place + "'\(entry.text)' is \(PlaceResolver.label(municipality)) again (also '\(earlier)')")
                    firstLine = firstLine ?? entry.line
                    continue
                }
                seen[municipality.code] = entry.text
                found.append(municipality)
            } catch {
                problems.append(place + error.description)
                firstLine = firstLine ?? entry.line
            }
        }
        guard problems.isEmpty else { throw MunicipalitySetError(problems: problems, line: firstLine) }
        let trimmed = name?.trimmingCharacters(in: .whitespaces)
        return MunicipalitySet(name: trimmed?.isEmpty == false ? trimmed : nil, municipalities: found)
    }
}

/// Names that do not make a set of municipalities: each problem, and the first line it is on.
public struct MunicipalitySetError: Error, Equatable, Sendable, CustomStringConvertible {
    public let problems: [String]
    public let line: Int?

    public var description: String { problems.joined(separator: "; ") }
}
