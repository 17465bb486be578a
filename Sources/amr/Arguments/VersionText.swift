/// What `amr --version` says: the version, and the commit it was built from when the build had
/// git (`amr 0.1.0 (d127c2d 2026-12-06)`), as ripgrep and ruff do. `BuildInfo` is written before
/// every build by the AMRBuildInfo plugin; from a source tarball it has no commit and the line is
/// the version alone.
enum VersionText {
    static var line: String { line(commit: BuildInfo.commit, date: BuildInfo.commitDate, modified: BuildInfo.modified) }

    static func line(commit: String?, date: String?, modified: Bool) -> String {
        guard let commit else { return "amr \(Tool.version)" }
        var build = [commit, date].compactMap { $0 }.joined(separator: " ")
        if modified { build += ", modified" }
        return "amr \(Tool.version) (\(build))"
    }
}
