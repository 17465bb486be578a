extension ChangeWording {
    static let english = ChangeWording(sheet: "Changes", kind: "kind", line: "line", before: "before", after: "now", realisedBefore: "realised then",
                                       realisedNow: "realised now", target: "target", subproject: "sub-project")
}
