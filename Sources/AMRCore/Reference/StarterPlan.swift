/// The starter plan `amr init` writes for a region: the region with its CBS code, every
/// municipality with code, name and CBS inhabitants on 1 January (with date and source), an
/// empty budget and an allocation by CBS inhabitants based on it, and notes saying what is left
/// to fill in. It loads, passes `amr check` and follows `amr schema` as written.
public enum StarterPlan {
    /// The plan file's text, in the key order of the README's plan format.
    public static func text(for region: CBSRegion, figures: CBSYear) -> String {
        let year = figures.year
        let date = figures.date.description
        let source = figures.source()
        let budget = "begroting-\(year)"
        func q(_ text: String) -> String { JSONOutput.quoted(text) }

        var notes = [
            "Made with amr init from CBS figures for 1 January \(year): " + figures.source(regionTables: region.regionTables).credit,
            "To fill in: the title, region.centreMunicipality (the centrumgemeente, one of the codes above), and the budget's lines and total; the allocation splits that total by CBS inhabitants.",
        ]
        if let caveat = MembershipCaveat.note(MembershipCaveat.caveats(for: region.code, in: figures), in: figures) { notes.append(caveat) }

        var out = "{\n"
        out += "  \"schemaVersion\": \(Plan.schemaVersion),\n"
        out += "  \"id\": \(q("\(region.slug)-\(year)")),\n"
        out += "  \"title\": \(q("Arbeidsmarktregio \(region.name) \(year)")),\n"
        out += "  \"kind\": \"jaarplan\",\n"
        out += "  \"region\": {\n"
        out += "    \"id\": \(q(region.slug)),\n"
        out += "    \"code\": \(q(region.code.rawValue)),\n"
        out += "    \"name\": \(q(region.name)),\n"
        out += "    \"municipalities\": [\n"
        out += region.municipalities.map { m in
            "      { \"code\": \(q(m.code.rawValue)), \"name\": \(q(m.name)), \"measures\": { \"inwoners\": [ { \"value\": \(m.inhabitants), \"date\": \(q(date)), \"source\": \(q(source.observationSource)) } ] } }"
        }.joined(separator: ",\n") + "\n"
        out += "    ]\n"
        out += "  },\n"
        out += "  \"period\": { \"start\": \(q(date)), \"end\": \(q("\(year)-12-31")) },\n"
        out += "  \"budgets\": [\n"
        out += "    { \"id\": \(q(budget)), \"title\": \(q("Begroting \(year)")), \"lines\": [] }\n"
        out += "  ],\n"
        out += "  \"allocations\": [\n"
        out += "    {\n"
        out += "      \"id\": \(q("bijdrage-\(year)")),\n"
        out += "      \"name\": \(q("Verdeling naar inwonertal \(year)")),\n"
        out += "      \"basis\": { \"budget\": \(q(budget)) },\n"
        out += "      \"key\": { \"measure\": \"inwoners\", \"source\": \"cbs\", \"date\": \(q(date)) },\n"
        out += "      \"shares\": [\n"
        out += region.municipalities.map { "        { \"municipality\": \(q($0.code.rawValue)) }" }.joined(separator: ",\n") + "\n"
        out += "      ]\n"
        out += "    }\n"
        out += "  ],\n"
        out += "  \"notes\": [\n"
        out += notes.map { "    " + q($0) }.joined(separator: ",\n") + "\n"
        out += "  ]\n"
        out += "}\n"
        return out
    }
}
