extension ChangeWording {
    static let dutch = ChangeWording(sheet: "Wijzigingen", kind: "soort", line: "regel", before: "was", after: "nu", realisedBefore: "gerealiseerd toen",
                                     realisedNow: "gerealiseerd nu", target: "doel", subproject: "deelproject")
}
