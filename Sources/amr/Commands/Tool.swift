import AMRCore
import Foundation

/// What a run of amr produced: the text for stdout and stderr and the exit code. Commands build
/// it in memory so the whole CLI can be tested in-process.
struct Outcome: Equatable {
    var stdout = ""
    var stderr = ""
    var exitCode: Int32 = 0
    /// Bytes for stdout that are not text (a workbook written to a pipe), after `stdout`.
    var binary: [UInt8] = []
}

/// The surroundings of a run that commands may look at; tests set them explicitly.
struct Environment {
    var variables: [String: String] = [:]
    var stdoutIsTerminal = false
    /// The terminal's width in columns, when standard output is one.
    var terminalColumns: Int? = nil

    static var current: Environment {
        var size = winsize()
        let columns = isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        return Environment(variables: ProcessInfo.processInfo.environment, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, terminalColumns: columns)
    }

    /// The width a terminal table may take: COLUMNS when set to a number, else the terminal's
    /// width, else nil (output to a file or pipe keeps the fixed column caps).
    var tableWidth: Int? {
        if let text = variables["COLUMNS"], let columns = Int(text), columns >= 40 { return columns }
        return stdoutIsTerminal ? terminalColumns : nil
    }

    /// The input limits, raised or lowered by AMR_MAX_FILE_SIZE (bytes), AMR_MAX_JSON_DEPTH and
    /// AMR_MAX_LINE_LENGTH (bytes).
    func limits() throws(UsageError) -> InputLimits {
        var limits = InputLimits()
        func read(_ name: String, _ current: Int) throws(UsageError) -> Int {
            guard let text = variables[name], !text.isEmpty else { return current }
            guard let value = Int(text), value > 0 else {
                throw UsageError("\(name)=\(text) is not a positive whole number; unset it or give a number such as \(current)")
            }
            return value
        }
        limits.maximumFileSize = try read("AMR_MAX_FILE_SIZE", limits.maximumFileSize)
        limits.maximumDepth = try read("AMR_MAX_JSON_DEPTH", limits.maximumDepth)
        if limits.maximumDepth > InputLimits.maximumDepthCeiling {
            throw UsageError("AMR_MAX_JSON_DEPTH=\(limits.maximumDepth) is more than \(InputLimits.maximumDepthCeiling), the deepest nesting amr reads without risking its stack; unset it or give at most \(InputLimits.maximumDepthCeiling)")
        }
        limits.maximumLineLength = try read("AMR_MAX_LINE_LENGTH", limits.maximumLineLength)
        return limits
    }
}

/// A subcommand: its name, help and options, and how it runs.
protocol Command: Sendable {
    static var name: String { get }
    static var summary: String { get }
    static var usage: String { get }
    static var details: String { get }
    static var examples: [String] { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32
}

/// The amr command line: dispatches to a command and maps errors to exit codes
/// (0 success, 1 the command found something, 2 usage or input error).
enum Tool {
    static let version = "0.1.0"

    static let commands: [any Command.Type] = [AllocateCommand.self, CheckCommand.self, ExtractCommand.self, ProgressCommand.self, MonitorCommand.self, PlacementsCommand.self, RegionsCommand.self, InitCommand.self, SchemaCommand.self, CompletionsCommand.self]

    static func run(_ arguments: [String], environment: Environment = .current) -> Outcome {
        var outcome = unguardedRun(arguments, environment: environment)
        // Messages name files and quote values from them: shown visibly and cut when very long,
        // so that no file can drive the terminal or write a workflow command into a CI log.
        outcome.stderr = TerminalText.lines(TerminalText.shortened(outcome.stderr))
        return outcome
    }

    static func unguardedRun(_ arguments: [String], environment: Environment) -> Outcome {
        var outcome = Outcome()
        guard let first = arguments.first else {
            outcome.stdout = HelpText.overview()
            return outcome
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1 {
                if arguments[1] == "--man" { outcome.stdout = ManPage.text(); return outcome }
                guard let command = command(named: arguments[1]) else { return usageFailure(unknownCommand(arguments[1])) }
                outcome.stdout = HelpText.help(for: command)
            } else {
                outcome.stdout = HelpText.overview()
            }
            return outcome
        case "--version", "-V", "version":
            outcome.stdout = VersionText.line + "\n"
            return outcome
        default:
            break
        }
        guard let command = command(named: first) else {
            if first.hasPrefix("-") { return usageFailure(UsageError("unknown option '\(first)'; options come after the command, e.g. 'amr allocate --help'")) }
            return usageFailure(unknownCommand(first))
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            outcome.stdout = HelpText.help(for: command)
            return outcome
        }
        do {
            let parsed = try ArgumentParser(command: command.name, options: command.options).parse(rest)
            outcome.exitCode = try command.run(parsed, environment: environment, outcome: &outcome)
        } catch let error as UsageError {
            return usageFailure(error)
        } catch let error as LoadError {
            return failure(TerminalText.visible(error.description))
        } catch let error as OutputError {
            return failure(TerminalText.visible(error.description))
        } catch {
            return failure(TerminalText.visible(String(describing: error)))
        }
        return outcome
    }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.name == name }
    }

    static func unknownCommand(_ name: String) -> UsageError {
        var message = "unknown command '\(name)'"
        if let near = Suggestion.closest(to: name, among: commands.map { $0.name }) { message += "; did you mean '\(near)'?" }
        else { message += "; commands: " + commands.map { $0.name }.joined(separator: ", ") }
        return UsageError(message)
    }

    /// Exit 2 with the message on stderr and nothing on stdout.
    static func usageFailure(_ error: UsageError) -> Outcome {
        Outcome(stdout: "", stderr: "amr: error: \(error)\n", exitCode: 2)
    }

    static func failure(_ message: String) -> Outcome {
        Outcome(stdout: "", stderr: "amr: error: \(message)\n", exitCode: 2)
    }
}
