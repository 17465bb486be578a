import AMRCore

/// `amr schema`: the JSON Schema of the plan format, for editors.
enum SchemaCommand: Command {
    static let name = "schema"
    static let summary = "print the JSON Schema of the plan format (for editors)"
    static let usage = "amr schema [-o FILE]"
    static let details = """
        Prints the JSON Schema (draft 2020-12) of plan files, schemaVersion 1. Point your editor at it
        (in VS Code: "json.schemas" with "fileMatch": ["plans/*.json"]) and it flags unknown keys,
        malformed codes and dates as you type. 'amr check' checks what a schema cannot: that the
        numbers add up.
        """
    static let examples = ["amr schema -o plan.schema.json"]
    static let options = [
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        guard arguments.operands.isEmpty else {
            throw UsageError("'amr schema' takes no files; to check plan files use 'amr check \(arguments.operands.joined(separator: " "))'", command: name)
        }
        try OutputFile.write(PlanSchema.text, to: arguments.value("output"), inputs: [], outcome: &outcome)
        return 0
    }
}
