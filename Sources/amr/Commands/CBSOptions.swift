import AMRCore

/// The options of commands that use CBS's figures: `--year` (default the latest year amr has)
/// and a region by code, name or slug.
enum CBSOptions {
    static let yearOption = OptionSpec(long: "year", short: "y", value: "YEAR",
                                       help: "CBS figures for 1 January of this year, default the latest (2020–2025)")

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
