import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` for the `amr` target before every build: the commit the sources are
/// at, its date, and whether tracked files differ from it, so `amr --version` names the commit
/// (as ripgrep's and ruff's build scripts do). It runs `git` through `/bin/sh`; without git, or
/// outside a git checkout (a source tarball), or when the checkout is another repository's, it
/// writes no commit and `amr --version` gives the version alone. The file is rewritten only when
/// its text changes, so an unchanged checkout recompiles nothing.
@main
struct AMRBuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        return [
            .prebuildCommand(
                displayName: "amr build info (git commit)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "amr-build-info", context.package.directoryURL.path, output.path],
                environment: ["GIT_OPTIONAL_LOCKS": "0", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                outputFilesDirectory: output
            ),
        ]
    }

    /// $1 the package directory, $2 the directory for BuildInfo.swift. Every git failure leads to
    /// "no commit", never to a failed build; only well-formed hashes and dates are written.
    static let script = #"""
        root=$1
        out=$2
        mkdir -p "$out" || exit 1
        commit=nil
        date=nil
        modified=false
        if command -v git >/dev/null 2>&1; then
            top=$(git -C "$root" rev-parse --show-toplevel 2>/dev/null) || top=
            here=$(cd "$root" && pwd -P)
            if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$here" ]; then
                hash=$(git -C "$root" rev-parse --short HEAD 2>/dev/null) || hash=
                day=$(git -C "$root" log -1 --format=%cs HEAD 2>/dev/null) || day=
                case $hash in ''|*[!0-9a-f]*) ;; *) commit="\"$hash\"" ;; esac
                case $day in [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]) date="\"$day\"" ;; esac
                if [ "$commit" != nil ] && ! git -C "$root" diff --quiet HEAD -- 2>/dev/null; then modified=true; fi
            fi
        fi
        text="// Generated before every build by Plugins/AMRBuildInfo; not in the repository.

        /// The commit amr was built from, when it was built from a git checkout.
        enum BuildInfo {
            static let commit: String? = $commit
            static let commitDate: String? = $date
            /// Tracked files differed from the commit.
            static let modified = $modified
        }"
        file="$out/BuildInfo.swift"
        if [ ! -f "$file" ] || [ "$(cat "$file")" != "$text" ]; then
            printf '%s\n' "$text" > "$file.tmp" && mv "$file.tmp" "$file"
        fi
        """#
}
