/// Why an XML part could not be read, with where: the 1-based line and column (in Unicode
/// scalars) and the 0-based byte offset in the part. `description` is the one-line reason with
/// its place, for a message that names the file and part around it.
public struct XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure: the caller may word them differently.
    public enum Kind: Equatable, Sendable {
        /// The bytes are not well-formed XML (or not UTF-8).
        case malformed
        /// Well-formed, but outside what Office parts use and amr accepts: a document type
        /// declaration, a processing instruction, an encoding other than UTF-8.
        case refused
        /// Beyond one of `XMLScanner.Limits` (nesting, tag length, attributes, size).
        case limit
        /// The byte source failed (a damaged zip entry); `reason` says how.
        case input
    }

    public var kind: Kind
    public var reason: String
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(_ kind: Kind, _ reason: String, line: Int = 0, column: Int = 0, offset: Int = 0) {
        self.kind = kind
        self.reason = reason
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String {
        line > 0 ? "line \(line), column \(column): \(reason)" : reason
    }
}
