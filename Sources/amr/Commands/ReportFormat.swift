import AMRCore

/// The output format a command line asks for: `--format`, else the one the `-o` file's extension
/// implies (`-o verdeling.xlsx` writes a workbook), else the command's default.
enum ReportFormat {
    static func chosen(_ arguments: ParsedArguments, choices: [String], default fallback: OutputFormat = .table) -> OutputFormat {
        if let explicit = arguments.value("format").flatMap(OutputFormat.init(rawValue:)) { return explicit }
        if let output = arguments.value("output"), let implied = OutputFormat.implied(byFileName: output),
           choices.contains(implied.rawValue) {
            return implied
        }
        return fallback
    }

    /// The choices of the `--format` option in `options`.
    static func choices(_ options: [OptionSpec]) -> [String] {
        options.first { $0.long == "format" }?.choices ?? []
    }
}
