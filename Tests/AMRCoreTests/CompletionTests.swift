import AMRCore
import Foundation
import Testing
@testable import amr

/// `amr completions bash|zsh|fish` and `amr help --man`: generated from the commands' option
/// tables, so every command and option is in each; the bash script is loaded in a real bash and
/// asked to complete, as the shell would.
@Suite struct CompletionTests {
    /// Runs `executable` with `arguments` in the package root; its stdout, stderr and status.
    static func shell(_ executable: String, _ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = TestSupport.root
        process.environment = ["PATH": "/usr/bin:/bin:/usr/local/bin", "LC_ALL": "C"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self), process.terminationStatus)
    }

    static func installed(_ program: String) -> Bool {
        ["/usr/bin", "/bin", "/usr/local/bin"].contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    /// The script `amr completions shell` prints, in a temporary file.
    static func scriptFile(_ shell: String) throws -> URL {
        let outcome = TestSupport.run(["completions", shell])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr.isEmpty)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("amr-completion-\(UUID().uuidString).\(shell)")
        try Data(outcome.stdout.utf8).write(to: url)
        return url
    }

    /// What bash offers for the command line `words` (the last word is the one being completed),
    /// from the bash script loaded with `source` and its `_amr` function called as bash would.
    static func bashComplete(_ script: URL, _ words: [String]) throws -> [String] {
        let program = #"source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _amr; printf '%s\n' "${COMPREPLY[@]}""#
        let result = try shell("bash", ["-c", program, "bash", script.path] + words)
        #expect(result.status == 0, "bash failed on \(words): \(result.stderr)")
        #expect(result.stderr.isEmpty, "bash wrote to stderr on \(words): \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func everyScriptNamesEveryCommandAndOption() throws {
        for shell in CompletionsCommand.shells {
            let script = TestSupport.run(["completions", shell]).stdout
            for command in Tool.commands {
                #expect(script.contains(command.name), "\(shell) completion lacks the command \(command.name)")
                for option in command.options {
                    #expect(script.contains("--\(option.long)") || script.contains("-l \(option.long) "),
                            "\(shell) completion lacks --\(option.long) of \(command.name)")
                    if let choices = option.choices {
                        #expect(script.contains(choices.joined(separator: " ")), "\(shell) completion lacks the values of --\(option.long)")
                    }
                }
            }
        }
    }

    @Test func bashCompletesCommandsOptionsAndValues() throws {
        try #require(Self.installed("bash"))
        let script = try Self.scriptFile("bash")
        defer { try? FileManager.default.removeItem(at: script) }
        let commands = Tool.commands.map { ($0.name, $0.options) }
        let names = commands.map(\.0)

        #expect(try Self.bashComplete(script, ["amr", "al"]) == ["allocate"])
        #expect(try Self.bashComplete(script, ["amr", "p"]) == ["progress", "placements"])
        #expect(try Set(Self.bashComplete(script, ["amr", ""])) == Set(names + ["help", "-h", "--help", "-V", "--version"]))
        #expect(try Self.bashComplete(script, ["amr", "allocate", "--for"]) == ["--format"])
        #expect(try Self.bashComplete(script, ["amr", "check", "--format", "j"]) == ["json", "junit"])
        #expect(try Self.bashComplete(script, ["amr", "check", "--format", "=", "s"]) == ["sarif"])
        #expect(try Self.bashComplete(script, ["amr", "check", "--format", "=", ""]) == ["text", "json", "github", "sarif", "junit"])
        #expect(try Self.bashComplete(script, ["amr", "allocate", "--method", "d"]) == ["dhondt"])
        #expect(try Self.bashComplete(script, ["amr", "allocate", "--region", "haag"]) == ["haaglanden"])
        #expect(try Self.bashComplete(script, ["amr", "regions", "gooi"]) == ["gooi-en-vechtstreek"])
        #expect(try Self.bashComplete(script, ["amr", "init", "--year", "202"]) == CBSData.coveredYears.map(String.init).filter { $0.hasPrefix("202") })
        #expect(try Self.bashComplete(script, ["amr", "init", "--year", "201"]) == CBSData.coveredYears.map(String.init).filter { $0.hasPrefix("201") })
        #expect(try Self.bashComplete(script, ["amr", "allocate", "--weights", "Fixt"]) == ["Fixtures"])
        #expect(try Self.bashComplete(script, ["amr", "check", "Fixt"]) == ["Fixtures"])
        #expect(try Self.bashComplete(script, ["amr", "allocate", "--total", ""]) == [])
        #expect(try Self.bashComplete(script, ["amr", "schema", ""]) == [])
        #expect(try Self.bashComplete(script, ["amr", "help", "mon"]) == ["monitor"])
        #expect(try Self.bashComplete(script, ["amr", "help", "--m"]) == ["--man"])
        #expect(try Self.bashComplete(script, ["amr", "completions", ""]) == ["bash", "zsh", "fish"])

        // Every command offers exactly its own options, and every option with values its values.
        // (The command's name and options are taken out of the existential first: the Swift 6.3
        // compiler crashes on `try` inside #expect with an opened `any Command`.)
        for (name, options) in commands {
            let offered = try Self.bashComplete(script, ["amr", name, "--"])
            #expect(Set(offered) == Set(options.map { "--\($0.long)" } + ["--help"]), "amr \(name) --")
            for option in options {
                guard case .words(let words) = CompletionScript.value(of: option) else { continue }
                #expect(!words.isEmpty)
                let long = try Self.bashComplete(script, ["amr", name, "--\(option.long)", ""])
                #expect(long == words, "amr \(name) --\(option.long)")
                if let short = option.short {
                    let completed = try Self.bashComplete(script, ["amr", name, "-\(short)", ""])
                    #expect(completed == words, "amr \(name) -\(short)")
                }
            }
        }
    }

    @Test(.enabled(if: CompletionTests.installed("zsh")))
    func theZshScriptIsValidZsh() throws {
        let script = try Self.scriptFile("zsh")
        defer { try? FileManager.default.removeItem(at: script) }
        let result = try Self.shell("zsh", ["-n", script.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(.enabled(if: CompletionTests.installed("fish")))
    func theFishScriptIsValidFishAndCompletes() throws {
        let script = try Self.scriptFile("fish")
        defer { try? FileManager.default.removeItem(at: script) }
        let check = try Self.shell("fish", ["--no-execute", script.path])
        #expect(check.status == 0, "\(check.stderr)")
        let completed = try Self.shell("fish", ["--no-config", "-c", "source \(script.path); complete -C 'amr check --format j'"])
        #expect(completed.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) ?? "" } == ["json", "junit"])
    }

    @Test func anUnknownShellIsAUsageError() {
        let tcsh = TestSupport.run(["completions", "powershell"])
        #expect(tcsh.exitCode == 2)
        #expect(tcsh.stdout.isEmpty)
        #expect(tcsh.stderr == "amr: error: 'powershell' is not a shell amr completes; expected one of: bash, zsh, fish (see 'amr help completions')\n")
        #expect(TestSupport.run(["completions", "bsh"]).stderr.contains("did you mean 'bash'?"))
        #expect(TestSupport.run(["completions"]).exitCode == 2)
        #expect(TestSupport.run(["completions", "bash", "zsh"]).exitCode == 2)
    }

    @Test func operandsAreReadFromTheUsage() {
        #expect(CompletionScript.operandWords("amr allocate PLAN.json [--allocation ID] [options]") == ["PLAN.json"])
        #expect(CompletionScript.operandWords("amr allocate --total AMOUNT --weights FILE.xlsx [--sheet NAME] [options]") == [])
        #expect(CompletionScript.operandWords("amr init --region REGION [--year YEAR] [-o FILE]") == [])
        #expect(CompletionScript.operandWords("amr regions [REGION] [--year YEAR] [options]") == ["REGION"])
        #expect(CompletionScript.operandWords("amr check [options] FILE|DIRECTORY|- ...") == ["FILE|DIRECTORY|-"])
        #expect(CompletionScript.operandWords("amr placements FILE.csv [--by a,b] [--from DATE] [options]") == ["FILE.csv"])
    }

    // MARK: - The manual page

    @Test func theManualPageHasEveryCommandAndOption() {
        let outcome = TestSupport.run(["help", "--man"])
        #expect(outcome.exitCode == 0)
        let page = outcome.stdout
        #expect(page.hasPrefix(".\\\" amr.1"))
        #expect(page.contains(".TH AMR 1 \"\" \"amr \(Tool.version)\""))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "SEE ALSO"] {
            #expect(page.contains(".SH \(section)\n"), "no section \(section)")
        }
        for command in Tool.commands {
            #expect(page.contains(".SS \"amr \(command.name)\"\n"), "no command \(command.name)")
            for option in command.options {
                #expect(page.contains("\\fB\(ManPage.escape("--" + option.long))\\fR"), "no option --\(option.long) of \(command.name)")
                #expect(page.contains(ManPage.escape(option.help)), "no help of --\(option.long) of \(command.name)")
            }
            for example in command.examples { #expect(page.contains(ManPage.escape(example) + "\n")) }
        }
        // Only ASCII, so every man reads it whatever the locale.
        let ascii = page.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(!page.split(separator: "\n").contains { $0.hasPrefix("'") || ($0.hasPrefix(".") && $0.count > 1 && $0.dropFirst().first == " ") })
    }

    @Test func roffEscapes() {
        #expect(ManPage.escape("--total 159500 € – \\n") == "\\-\\-total 159500 \\[u20AC] \\[u2013] \\en")
        #expect(ManPage.escape(".json files") == "\\&.json files")
        #expect(ManPage.escape("'quoted'") == "\\&'quoted'")
    }

    @Test(.enabled(if: CompletionTests.installed("groff")))
    func groffReadsTheManualPageWithoutWarnings() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("amr-\(UUID().uuidString).1")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(TestSupport.run(["help", "--man"]).stdout.utf8).write(to: url)
        let result = try Self.shell("groff", ["-man", "-Tutf8", "-ww", "-z", url.path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    // MARK: - The version

    @Test func theVersionNamesTheCommit() throws {
        #expect(VersionText.line(commit: nil, date: nil, modified: false) == "amr \(Tool.version)")
        #expect(VersionText.line(commit: "d127c2d", date: "2026-12-06", modified: false) == "amr \(Tool.version) (d127c2d 2026-12-06)")
        #expect(VersionText.line(commit: "d127c2d", date: nil, modified: true) == "amr \(Tool.version) (d127c2d, modified)")
        #expect(TestSupport.run(["--version"]).stdout == VersionText.line + "\n")
        #expect(TestSupport.run(["-V"]).stdout == VersionText.line + "\n")
        // Built from this checkout: the commit is git's HEAD, when there is git and the package
        // is the top of its checkout (not a tarball unpacked inside another repository).
        let top = try Self.shell("git", ["rev-parse", "--show-toplevel"])
        let git = try Self.shell("git", ["rev-parse", "--short", "HEAD"])
        let isCheckout = top.status == 0
            && URL(fileURLWithPath: top.stdout.trimmingCharacters(in: .whitespacesAndNewlines)).resolvingSymlinksInPath() == TestSupport.root.resolvingSymlinksInPath()
        if Self.installed("git"), isCheckout, git.status == 0 {
            #expect(BuildInfo.commit == git.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        } else {
            #expect(BuildInfo.commit == nil)
        }
    }
}
