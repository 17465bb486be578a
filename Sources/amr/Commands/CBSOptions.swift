import AMRCore
import Foundation

/// The options of commands that use CBS's figures: `--year` (default the latest year amr has)
/// and a region by code, name or slug.
enum CBSOptions {
    static let yearOption = OptionSpec(long: "year", short: "y", value: "YEAR",
                                       help: "CBS figures for 1 January of this year, default the latest (2015–2025)")

    /// `--municipalities` and `--municipalities-file`: a set of municipalities instead of a region.
    static let setOptions = [
        OptionSpec(long: "municipalities", short: nil, value: "LIST", help: "a set of municipalities instead of a region: names or codes, separated by commas (\"Leiden, Katwijk, GM0575\")"),
        OptionSpec(long: "municipalities-file", short: nil, value: "FILE", help: "the set from a file: one name or code per line, or a CSV with a column gemeente/naam/code"),
    ]

    /// Whether the arguments name a set of municipalities.
    static func namesSet(_ arguments: ParsedArguments) -> Bool {
        arguments.has("municipalities") || arguments.has("municipalities-file")
    }

    /// The set `--municipalities` or `--municipalities-file` names in the resolver's year, called
    /// `name`; nil when neither is given.
    static func municipalitySet(_ arguments: ParsedArguments, _ resolver: PlaceResolver, name: String?,
                                environment: Environment, command: String) throws -> MunicipalitySet? {
        let list = arguments.value("municipalities")
        let file = arguments.value("municipalities-file")
        if list != nil && file != nil {
            throw UsageError("give the municipalities either with --municipalities or with --municipalities-file, not both", command: command)
        }
        if arguments.has("region") && (list != nil || file != nil) {
            throw UsageError("give either --region or a set of municipalities (--municipalities), not both", command: command)
        }
        let entries: [MunicipalitySet.Entry]
        let shown: String
        if let list {
            entries = MunicipalitySet.entries(list, resolver: resolver)
            shown = "--municipalities"
        } else if let file {
            let bytes = try FileInput.read(file, maximumSize: try environment.limits().maximumFileSize)
            let text = try TextDecoding.decode(bytes, file: file)
            entries = try MunicipalitySet.entries(fileText: text, file: file)
            shown = file
        } else {
            return nil
        }
        do throws(MunicipalitySetError) {
            return try MunicipalitySet.resolve(entries, name: name, resolver: resolver)
        } catch {
            if let file, let line = error.line {
                throw LoadError.csv(SourceLocation(file: file, line: line, column: 1), error.description)
            }
            throw UsageError("\(shown): \(error)", command: command)
        }
    }

    /// A resolver for `--year`, or for the latest year without it.
    static func resolver(_ arguments: ParsedArguments, command: String) throws -> PlaceResolver {
        let data = try CBSData.embedded()
        guard let text = arguments.value("year") else {
            guard let latest = data.latest else { throw UsageError("amr carries no CBS figures", command: command) }
            return PlaceResolver(data: data, figures: latest)
        }
        guard let year = Int(text) else {
            throw UsageError("--year '\(text)' is not a year; give one of \(data.yearRange), e.g. --year \(data.latest?.year ?? 2025)", command: command)
        }
        do throws(PlaceLookupError) {
            return PlaceResolver(data: data, figures: try data.figures(for: year))
        } catch {
            throw UsageError("--year \(year): \(error)", command: command)
        }
    }

    /// The region `text` names in the resolver's year, also as people write it:
    /// `Regio Gooi & Vechtstreek`, `Arbeidsmarktregio Haaglanden`, `AMR Rijnmond`.
    static func region(_ text: String, _ resolver: PlaceResolver, command: String) throws(UsageError) -> CBSRegion {
        do throws(PlaceLookupError) {
            return try resolver.region(text)
        } catch {
            for variant in regionVariants(text) {
                if let region = try? resolver.region(variant) { return region }
            }
            throw UsageError("\(error)", command: command)
        }
    }

    /// `&` and `+` as `en`, without a `regio`/`arbeidsmarktregio`/`AMR` prefix or quotes.
    static func regionVariants(_ text: String) -> [String] {
        var base = text.replacingOccurrences(of: "&", with: " en ").replacingOccurrences(of: "+", with: " en ")
        base = base.filter { !"\"'“”‘’".contains($0) }
        base = base.split(separator: " ").joined(separator: " ")
        var variants = [base]
        let lowered = base.lowercased()
        for prefix in ["arbeidsmarktregio ", "regio ", "amr ", "arbeidsmarkt regio "] where lowered.hasPrefix(prefix) {
            variants.append(String(base.dropFirst(prefix.count)))
        }
        return variants
    }
}
