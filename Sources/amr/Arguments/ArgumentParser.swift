import AMRCore

/// One option a command accepts.
struct OptionSpec {
    var long: String
    var short: Character?
    /// The value's placeholder in help (`FILE`), or nil for a flag.
    var value: String?
    var help: String
    /// Allowed values, checked by the parser and listed in messages.
    var choices: [String]? = nil
    /// May be given more than once (`--exclude A --exclude B`); read with `all`.
    var repeatable: Bool = false

    var takesValue: Bool { value != nil }
}

/// The options and operands of one command line, as given.
struct ParsedArguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var operands: [String] = []
    /// Every value of a repeatable option, in the order given.
    var lists: [String: [String]] = [:]

    func value(_ long: String) -> String? { values[long] }
    func all(_ long: String) -> [String] { lists[long] ?? values[long].map { [$0] } ?? [] }
    func has(_ long: String) -> Bool { flags.contains(long) || values[long] != nil }
}

/// A small option parser, since amr takes no package dependencies: `--name value`,
/// `--name=value`, `-o value`, flags, `--` to end options, `-` as an operand (standard input).
/// Every mistake is a `UsageError` that names the option and says what would be right.
struct ArgumentParser {
    var command: String
    var options: [OptionSpec]

    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var onlyOperands = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyOperands || argument == "-" || !argument.hasPrefix("-") {
                result.operands.append(argument)
                continue
            }
            if argument == "--" { onlyOperands = true; continue }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = find(name) else {
                throw UsageError("unknown option '\(name)' for 'amr \(command)'" + suggestion(for: name), command: command)
            }
            if result.has(spec.long) && !spec.repeatable {
                throw UsageError("option --\(spec.long) is given twice; give it once", command: command)
            }
            guard spec.takesValue else {
                if inlineValue != nil { throw UsageError("option --\(spec.long) takes no value", command: command) }
                result.flags.insert(spec.long)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count, arguments[index] == "-" || !arguments[index].hasPrefix("-") || Self.looksNumeric(arguments[index]) else {
                    throw UsageError("option --\(spec.long) needs a value: --\(spec.long) \(spec.value ?? "VALUE")" + choiceList(spec), command: command)
                }
                value = arguments[index]
                index += 1
            }
            if value.isEmpty {
                throw UsageError("option --\(spec.long) needs a non-empty value" + choiceList(spec), command: command)
            }
            if let choices = spec.choices, !choices.contains(value) {
                var message = "'\(value)' is not a valid value for --\(spec.long)"
                if let near = Suggestion.closest(to: value, among: choices) { message += "; did you mean '\(near)'?" }
                else { message += choiceList(spec) }
                throw UsageError(message, command: command)
            }
            result.values[spec.long] = value
            if spec.repeatable { result.lists[spec.long, default: []].append(value) }
        }
        return result
    }

    func find(_ name: String) -> OptionSpec? {
        if name.hasPrefix("--") {
            let long = String(name.dropFirst(2))
            return options.first { $0.long == long }
        }
        if name.count == 2, let letter = name.last {
            return options.first { $0.short == letter }
        }
        return nil
    }

    func suggestion(for name: String) -> String {
        let stripped = String(name.drop { $0 == "-" })
        if let near = Suggestion.closest(to: stripped, among: options.map(\.long)) {
            return "; did you mean '--\(near)'?"
        }
        return ""
    }

    func choiceList(_ spec: OptionSpec) -> String {
        guard let choices = spec.choices else { return "" }
        return "; expected one of: " + choices.joined(separator: ", ")
    }

    /// `-5` or `-0.01` is a value (a negative total), not an option.
    static func looksNumeric(_ text: String) -> Bool {
        guard text.count > 1, text.hasPrefix("-") else { return false }
        return text.dropFirst().allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }
}
