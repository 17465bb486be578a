import AMRCore
import Foundation

/// `amr init`: a starter plan file for a region from CBS's figures, so no one types a plan
/// file from nothing.
enum InitCommand: Command {
    static let name = "init"
    static let summary = "write a starter plan file for a region, with its municipalities and CBS inhabitants"
    static let usage = """
        amr init --region REGION [--year YEAR] [-o FILE]
        amr init --municipalities LIST --name NAME [--year YEAR] [-o FILE]
        """
    static let details = """
        Writes a plan file (schemaVersion 1) for a labour-market region: the region with its CBS
        code, every municipality with code, name and inhabitants on 1 January of the year (with date
        and source, Bron: CBS), an empty budget, and an allocation of that budget by CBS inhabitants.
        Fill in the title, the centre municipality and the budget; the file passes 'amr check' and
        follows 'amr schema' as written. An existing file is not overwritten without --force.
        With --municipalities (or --municipalities-file) and --name instead of --region, the plan
        is for that set: a joint arrangement whose members are not one labour-market region.
        """
    static let examples = [
        "amr init --region haaglanden --year 2024 -o plans/haaglanden-2024.json",
        "amr init --region AM12",
        "amr init --municipalities \"Leiden, Katwijk, Gouda\" --name \"Holland Rijnland\" --year 2018",
    ]
    static let options = [
        OptionSpec(long: "region", short: "r", value: "REGION", help: "the region: its code (AM21), name or slug (gooi-en-vechtstreek)"),
        CBSOptions.yearOption,
    ] + CBSOptions.setOptions + [
        OptionSpec(long: "name", short: nil, value: "NAME", help: "the name of the --municipalities set: the plan's region name"),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
        OptionSpec(long: "force", short: nil, value: nil, help: "overwrite FILE if it exists"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        if CBSOptions.namesSet(arguments) {
            guard arguments.operands.isEmpty else {
                throw UsageError("'amr init' takes no files; write the plan with -o FILE", command: name)
            }
            guard let setName = arguments.value("name"), !setName.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageError("a plan for --municipalities needs a name for the set: add --name NAME, e.g. --name \"Holland Rijnland\"", command: name)
            }
            let resolver = try CBSOptions.resolver(arguments, command: name)
            guard let set = try CBSOptions.municipalitySet(arguments, resolver, name: setName, environment: environment, command: name) else { return 2 }
            try refuseOverwrite(arguments)
            try OutputFile.write(StarterPlan.text(for: set, figures: resolver.figures), to: arguments.value("output"),
                                 inputs: arguments.value("municipalities-file").map { [$0] } ?? [], outcome: &outcome)
            return 0
        }
        guard let regionText = arguments.value("region") else {
            let hint = arguments.operands.isEmpty ? "" : " (got '\(arguments.operands.joined(separator: " "))'; write --region \(arguments.operands.joined(separator: " ")))"
            throw UsageError("give the region with --region REGION, e.g. --region haaglanden\(hint)", command: name)
        }
        guard arguments.operands.isEmpty else {
            throw UsageError("'amr init' takes no files; write the plan with -o FILE", command: name)
        }
        let resolver = try CBSOptions.resolver(arguments, command: name)
        let region = try CBSOptions.region(regionText, resolver, command: name)
        try refuseOverwrite(arguments)
        try OutputFile.write(StarterPlan.text(for: region, figures: resolver.figures), to: arguments.value("output"), inputs: [], outcome: &outcome)
        return 0
    }

    static func refuseOverwrite(_ arguments: ParsedArguments) throws(UsageError) {
        if let path = arguments.value("output"), path != "-", !OutputFile.writesStraight(path), !arguments.has("force"), FileManager.default.fileExists(atPath: path) {
            throw UsageError("\(path) exists; amr init does not overwrite a plan file: choose another name, or add --force", command: name)
        }
    }
}
