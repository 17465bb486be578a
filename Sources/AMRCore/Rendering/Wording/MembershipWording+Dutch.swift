extension MembershipWording {
    static let dutch = MembershipWording(
        clause: { municipality, others, cbsRegion in
            "\(municipality) mogelijk bij \(others.joined(separator: " of ")) in plaats van bij \(cbsRegion)"
        },
        backwards: { years, year, clauses in
            "Voor \(years) is de CBS-regio-indeling van 2026 met terugwerkende kracht gebruikt: in \(year) hoorde "
                + clauses.joined(separator: "; ") + ". De eigen gemeentelijst van een plan gaat voor."
        },
        derived: { year, basis, backwards, clauses in
            "Voor \(year) heeft amr geen CBS-tabel van de arbeidsmarktregio's: het gebruikt de indeling van \(basis)"
                + (backwards ? " (zelf de CBS-indeling van 2026 met terugwerkende kracht)" : "")
                + ", waarbij een opgeheven gemeente haar opvolger volgt"
                + (clauses.isEmpty ? "" : "; in \(year) hoorde " + clauses.joined(separator: "; "))
                + ". De eigen gemeentelijst van een plan gaat voor."
        },
        codesOnly: { year, tables, namesYear, renumbered in
            "De CBS-regio-indeling van \(year) (\(tables.joined(separator: ", "))) geeft alleen codes: amr noemt elke regio naar de regio van \(namesYear) met de meeste van dezelfde gemeenten"
                + (renumbered.isEmpty ? "" : "; " + renumbered.joined(separator: ", ")) + "."
        })
}
