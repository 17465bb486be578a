/// A municipality or region name that does not lead to exactly one place. The message names what
/// was written and what would be right (the closest names, or the candidates).
public enum PlaceLookupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// amr has no CBS figures for this year.
    case noFigures(year: Int, available: String)
    /// Not a labour-market region; `suggestions` are the closest (`haaglanden (AM21)`),
    /// `municipality` says which region it is in when the text names a municipality.
    case unknownRegion(String, suggestions: [String], municipality: String?)
    /// Not a municipality in that year; `suggestions` are the closest (`Delft (GM0503)`).
    case unknownMunicipality(String, year: Int, suggestions: [String])
    /// A name several municipalities answer to (Bergen); `candidates` are all of them.
    case ambiguousMunicipality(String, candidates: [String])
    /// A municipality CBS lists in other years but not on 1 January of `year` (merged or new).
    case notInYear(String, municipality: String, year: Int, listed: String)

    public var description: String {
        switch self {
        case .noFigures(let year, let available):
            return "amr has no CBS figures for \(year); it has 1 January \(available)"
        case .unknownRegion(let text, let suggestions, let municipality):
            if let municipality {
                return "'\(text)' is not a labour-market region: \(municipality)"
            }
            if !suggestions.isEmpty {
                return "'\(text)' is not a labour-market region; did you mean \(Self.list(suggestions, "or"))? ('amr regions' lists them all)"
            }
            return "'\(text)' is not a labour-market region; 'amr regions' lists the regions with their codes and names"
        case .unknownMunicipality(let text, let year, let suggestions):
            let closest = suggestions.isEmpty ? "write its CBS code (GM + 4 digits) or its name as CBS writes it" : "did you mean \(Self.list(suggestions, "or"))?"
            return "'\(text)' is not a municipality on 1 January \(year); \(closest)"
        case .ambiguousMunicipality(let text, let candidates):
            return "'\(text)' is ambiguous: it may be \(Self.list(candidates, "or")); write the code or the full name"
        case .notInYear(let text, let municipality, let year, let listed):
            let subject = municipality.hasPrefix(text + " (") ? municipality : "'\(text)' is \(municipality), which"
            return "\(subject) is not a municipality on 1 January \(year); CBS lists it \(listed)"
        }
    }

    static func list(_ items: [String], _ conjunction: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
