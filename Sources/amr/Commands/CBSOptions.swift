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

    /// The region `text` names in the resolver's year.
    static func region(_ text: String, _ resolver: PlaceResolver, command: String) throws(UsageError) -> CBSRegion {
        do throws(PlaceLookupError) {
            return try resolver.region(text)
        } catch {
            throw UsageError("\(error)", command: command)
        }
    }
}
