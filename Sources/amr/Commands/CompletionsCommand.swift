import AMRCore

/// `amr completions SHELL`: a completion script for bash, zsh or fish, generated from the same
/// option tables as `--help`, so the two never disagree.
enum CompletionsCommand: Command {
    static let name = "completions"
    static let summary = "print a shell completion script (bash, zsh or fish)"
    static let usage = "amr completions bash|zsh|fish"
    static let details = """
        Prints a script that completes amr's commands, options, option values (formats, locales,
        regions) and file names in the shell. scripts/install puts them where the shells look; to
        load one by hand:

          bash   source <(amr completions bash)              (e.g. in ~/.bashrc)
          zsh    amr completions zsh > ~/.zfunc/_amr         (with fpath+=~/.zfunc before compinit)
          fish   amr completions fish > ~/.config/fish/completions/amr.fish
        """
    static let examples = [
        "amr completions bash > ~/.local/share/bash-completion/completions/amr",
        "amr completions zsh > ~/.zfunc/_amr",
        "amr completions fish > ~/.config/fish/completions/amr.fish",
    ]
    static let options: [OptionSpec] = []
    static let shells = ["bash", "zsh", "fish"]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        guard arguments.operands.count == 1, let shell = arguments.operands.first else {
            throw UsageError("give one shell: amr completions bash|zsh|fish", command: name)
        }
        switch shell {
        case "bash": outcome.stdout = CompletionScript.bash()
        case "zsh": outcome.stdout = CompletionScript.zsh()
        case "fish": outcome.stdout = CompletionScript.fish()
        default:
            var message = "'\(shell)' is not a shell amr completes"
            if let near = Suggestion.closest(to: shell, among: shells) { message += "; did you mean '\(near)'?" }
            else { message += "; expected one of: " + shells.joined(separator: ", ") }
            throw UsageError(message, command: name)
        }
        return 0
    }
}
