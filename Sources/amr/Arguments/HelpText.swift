/// The help text of amr and of each command, built from the commands' own descriptions so the
/// two never disagree.
enum HelpText {
    static let tagline = "budgets, checks and progress for the Dutch labour-market regions"

    static func overview() -> String {
        var out = """
        amr \(Tool.version): \(tagline)

        USAGE
          amr <command> [options] [files]

        COMMANDS

        """
        let width = Tool.commands.map { $0.name.count }.max() ?? 0
        for command in Tool.commands {
            out += "  " + command.name.padding(toLength: width + 3, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        out += """

        OPTIONS
          -h, --help       show help (also: amr help <command>, amr <command> --help)
          -V, --version    show the version and the commit it was built from

        EXIT STATUS
          0 success, 1 the command found something (a stated split differs, check findings,
          --fail-on met), 2 usage or input error

        Run 'amr help <command>' for a command's options and examples, 'amr help --man' for
        the manual page.

        """
        return out
    }

    static func help(for command: any Command.Type) -> String {
        var out = "amr \(command.name): \(command.summary)\n\nUSAGE\n"
        out += command.usage.split(separator: "\n").map { "  " + $0 + "\n" }.joined()
        out += "\n" + command.details + "\n\nOPTIONS\n"
        let labels = command.options.map { option -> String in
            var label = option.short.map { "-\($0), " } ?? "    "
            label += "--\(option.long)"
            if let value = option.value { label += " \(value)" }
            return label
        } + ["-h, --help"]
        let width = labels.map(\.count).max() ?? 0
        for (index, option) in command.options.enumerated() {
            var help = option.help
            if let choices = option.choices { help += " (\((choices + option.aliases.keys.sorted()).joined(separator: "|")))" }
            out += "  " + labels[index].padding(toLength: width + 3, withPad: " ", startingAt: 0) + help + "\n"
        }
        out += "  " + "-h, --help".padding(toLength: width + 3, withPad: " ", startingAt: 0) + "show this help\n"
        out += "\nEXAMPLES\n" + command.examples.map { "  " + $0 + "\n" }.joined()
        out += "\nEXIT STATUS\n  0 success, 1 the command found something, 2 usage or input error\n"
        return out
    }
}
