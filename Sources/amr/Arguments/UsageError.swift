import AMRCore

/// A command line that cannot be run: the message says what was wrong and what would be right.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    /// The command whose help the user should read, if any.
    var command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    var description: String {
        let help = command.map { "amr help \($0)" } ?? "amr --help"
        return "\(message) (see '\(help)')"
    }
}
