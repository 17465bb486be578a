/// A file `amr check` could not use at all (unreadable, not JSON, not a plan). It is reported on
/// stderr like every input error, and every format names it too (a GitHub annotation, a JSON
/// finding, a SARIF notification, a JUnit `<error>`), so a CI dashboard shows that the file was
/// not checked rather than nothing.
public struct UnusableFile: Hashable, Sendable {
    /// The id under which JSON findings, GitHub annotations, SARIF notifications and JUnit
    /// errors name a file that could not be used.
    public static let rule = "unusable-file"

    /// The file as it was given (`<stdin>` for standard input).
    public var file: String
    /// The one-line message, as printed on stderr after `amr: error: `.
    public var message: String
    /// Where in the file the problem is, when the error says.
    public var location: SourceLocation?

    public init(file: String, message: String, location: SourceLocation? = nil) {
        self.file = file
        self.message = message
        self.location = location
    }
}
