import AMRCore

/// `amr extract`: the tables of a Word or OpenDocument plan as a plan file (the tables amr could
/// interpret, with their totals and percentage bases), or every table as a sheet of a workbook.
enum ExtractCommand: Command {
    static let name = "extract"
    static let summary = "the tables of a .docx or .odt plan as a plan file or a workbook"
    static let usage = "amr extract [options] DOCUMENT"
    static let details = """
        Reads the tables of a Word (.docx) or OpenDocument text (.odt) plan. As JSON (the default) it
        writes a plan file with the tables amr could interpret: their columns (counts, the row total,
        "waarvan" parts, percentages with their base and rounding), rows and total rows, each with a
        "source" naming the table's number and caption. 'amr check' on that file gives the same
        findings as on the document; add what a document cannot say (the region, allocations,
        targets) by hand. With --format xlsx every table of the document becomes a sheet, numbers
        as numbers, for officers who want to look at them in a spreadsheet.
        """
    static let examples = [
        "amr extract jaarplan.docx -o jaarplan.json",
        "amr extract --format xlsx jaarplan.odt -o tabellen.xlsx",
    ]
    static let options = [
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "output format, default json", choices: ["json", "xlsx", "ods"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        guard arguments.operands.count == 1, let file = arguments.operands.first else {
            throw UsageError("give one .docx or .odt document, e.g. 'amr extract jaarplan.docx -o jaarplan.json'", command: name)
        }
        let limits = try environment.limits()
        let bytes = try FileInput.read(file, displayName: file, maximumSize: limits.maximumFileSize)
        let regionNames = (try? CBSData.embedded())?.regionNamesForTotals ?? []
        let document = try DocumentReader.read(bytes: bytes, file: file, limits: limits, regionNames: regionNames)
        switch arguments.value("format") ?? "json" {
        case let chosen where OutputFormat(rawValue: chosen)?.isOfficeFile == true:
            try OutputFile.write(office: [document.workbookDocument()], as: OutputFormat(rawValue: chosen) ?? .xlsx,
                                 to: arguments.value("output"), inputs: [file], environment: environment, command: name,
                                 outcome: &outcome)
        default:
            try OutputFile.write(document.planJSON, to: arguments.value("output"), inputs: [file], outcome: &outcome)
        }
        return 0
    }
}
