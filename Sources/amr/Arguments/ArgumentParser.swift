import AMRCore

/// One option a command accepts.
struct OptionSpec {
    var long: String
    var short: Character?
    /// The value's placeholder in help (`FILE`), or nil for a flag.
    var value: String?
    var help: String
    /// Allowed values, checked by the parser (without regard to case) and listed in messages.
    var choices: [String]? = nil
    /// Other words for a choice, as users write them (`rood` for `red`), lower-case.
    var aliases: [String: String] = [:]
    /// May be given more than once (`--column gemeente=X --column sector=Y`).
    var repeatable = false

    var takesValue: Bool { value != nil }
}

/// The options and operands of one command line, as given.
struct ParsedArguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var operands: [String] = []
    /// Every value of a repeatable option, in order.
    var lists: [String: [String]] = [:]

    func value(_ long: String) -> String? { values[long] }
    func values(_ long: String) -> [String] { lists[long] ?? [] }
    /// Every value of an option given once or more, in the order given.
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
            var value: String
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
            if let choices = spec.choices {
                guard let chosen = Self.choice(value, for: spec) else {
                    var message = "'\(value)' is not a valid value for --\(spec.long)"
                    if let near = Suggestion.closest(to: value, among: choices + spec.aliases.keys.sorted()) {
                        message += "; did you mean '\(near)'?"
                    } else {
                        message += choiceList(spec) + "; type --\(spec.long) \(choices[0])"
                    }
                    throw UsageError(message, command: command)
                }
                value = chosen
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
        var list = "; expected one of: " + choices.joined(separator: ", ")
        if spec.long == "locale" { list += " (also nl-NL, nl_NL, en-GB, en_US and the like)" }
        let aliases = spec.aliases.keys.sorted()
        if !aliases.isEmpty { list += " (or " + aliases.joined(separator: ", ") + ")" }
        return list
    }

    /// The choice `value` names: itself in any case, an alias, or for `--locale` a language tag
    /// (`nl-NL`, `nl_NL`, `en-GB`, `EN_us`) whose language is one of the choices.
    static func choice(_ value: String, for spec: OptionSpec) -> String? {
        guard let choices = spec.choices else { return value }
        let lowered = value.lowercased()
        if let exact = choices.first(where: { $0.lowercased() == lowered }) { return exact }
        if let alias = spec.aliases[lowered], choices.contains(alias) { return alias }
        if spec.long == "locale" {
            let language = String(lowered.replacingOccurrences(of: "_", with: "-").prefix { $0 != "-" && $0 != "." })
            let named = ["dutch": "nl", "nederlands": "nl", "english": "en", "engels": "en"][language] ?? language
            if choices.contains(named) { return named }
        }
        return nil
    }

    /// `-5` or `-0.01` is a value (a negative total), not an option.
    static func looksNumeric(_ text: String) -> Bool {
        guard text.count > 1, text.hasPrefix("-") else { return false }
        return text.dropFirst().allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }
}
