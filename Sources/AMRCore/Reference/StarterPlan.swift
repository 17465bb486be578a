/// The starter plan `amr init` writes for a region: the region with its CBS code, every
/// municipality with code, name and CBS inhabitants on 1 January (with date and source), an
/// empty budget and an allocation by CBS inhabitants based on it, and notes saying what is left
/// to fill in. It loads, passes `amr check` and follows `amr schema` as written.
public enum StarterPlan {
    /// The plan file's text, in the key order of the README's plan format.
    public static func text(for region: CBSRegion, figures: CBSYear) -> String {
        var notes = [
            "Made with amr init from CBS figures for 1 January \(figures.year): " + figures.source(regionTables: region.regionTables).credit,
            "To fill in: the title, region.centreMunicipality (the centrumgemeente, one of the codes above), and the budget's lines and total; the allocation splits that total by CBS inhabitants.",
        ]
        if let caveat = MembershipCaveat.note(MembershipCaveat.caveats(for: region.code, in: figures), in: figures) { notes.append(caveat) }
        return text(slug: region.slug, code: region.code, name: region.name, title: "Arbeidsmarktregio \(region.name) \(figures.year)",
                    municipalities: region.municipalities, notes: notes, figures: figures)
    }

    /// The starter plan for a set of municipalities someone named (`amr init --municipalities …
    /// --name …`): the same, with the set as the plan's region and no labour-market region code.
    public static func text(for set: MunicipalitySet, figures: CBSYear) -> String {
        let notes = [
            "Made with amr init from CBS figures for 1 January \(figures.year): " + figures.source().credit,
            "The municipalities are the set given to amr init, not a labour-market region of CBS.",
            "To fill in: the title, region.centreMunicipality (the centrumgemeente, one of the codes above), and the budget's lines and total; the allocation splits that total by CBS inhabitants.",
        ]
        return text(slug: set.slug, code: nil, name: set.label, title: "\(set.label) \(figures.year)",
                    municipalities: set.municipalities, notes: notes, figures: figures)
    }

    static func text(slug: String, code: RegionCode?, name: String, title: String, municipalities: [CBSMunicipality],
                     notes: [String], figures: CBSYear) -> String {
        let year = figures.year
        let date = figures.date.description
        let source = figures.source()
        let budget = "begroting-\(year)"
        func q(_ text: String) -> String { JSONOutput.quoted(text) }

        var out = "{\n"
        out += "  \"schemaVersion\": \(Plan.schemaVersion),\n"
        out += "  \"id\": \(q("\(slug)-\(year)")),\n"
        out += "  \"title\": \(q(title)),\n"
        out += "  \"kind\": \"jaarplan\",\n"
        out += "  \"region\": {\n"
        out += "    \"id\": \(q(slug)),\n"
        if let code { out += "    \"code\": \(q(code.rawValue)),\n" }
        out += "    \"name\": \(q(name)),\n"
        out += "    \"municipalities\": [\n"
        out += municipalities.map { m in
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
        out += municipalities.map { "        { \"municipality\": \(q($0.code.rawValue)) }" }.joined(separator: ",\n") + "\n"
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
