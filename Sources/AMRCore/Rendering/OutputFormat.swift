/// The output formats amr writes; each command accepts a subset.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, markdown, csv, json, html, text, github
}
