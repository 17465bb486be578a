extension MembershipWording {
    static let english = MembershipWording(
        clause: { municipality, others, cbsRegion in
            "\(municipality) may have belonged to \(others.joined(separator: " or ")) rather than \(cbsRegion)"
        },
        backwards: { years, year, clauses in
            "Region membership for \(years) is CBS's 2026 membership applied backwards: in \(year) " + clauses.joined(separator: "; ")
                + ". A plan's own list of municipalities wins."
        },
        derived: { year, basis, backwards, clauses in
            "amr has no CBS table of the labour-market regions for \(year): it uses the membership of \(basis)"
                + (backwards ? " (itself CBS's 2026 membership applied backwards)" : "")
                + ", a merged municipality following its successor"
                + (clauses.isEmpty ? "" : "; in \(year) " + clauses.joined(separator: "; "))
                + ". A plan's own list of municipalities wins."
        },
        codesOnly: { year, tables, namesYear, renumbered in
            "CBS's regions of \(year) (\(tables.joined(separator: ", "))) come as codes only: amr names each after the region of \(namesYear) that holds most of its municipalities"
                + (renumbered.isEmpty ? "" : "; " + renumbered.joined(separator: ", ")) + "."
        })
}
