/// Limits that keep hostile or broken input from exhausting memory or the stack. The defaults
/// are far beyond any real plan or export; a user with a reason can raise them (the CLI reads
/// AMR_MAX_FILE_SIZE, AMR_MAX_JSON_DEPTH and AMR_MAX_LINE_LENGTH).
public struct InputLimits: Sendable, Equatable {
    /// Largest input file read whole (plans, weights tables), in bytes: 256 MiB.
    public var maximumFileSize = 256 * 1024 * 1024
    /// Deepest nesting of JSON arrays and objects; plan files need fewer than 10.
    public var maximumDepth = 200
    /// Longest record of a placement export, in bytes.
    public var maximumLineLength = 64 * 1024

    public init() {}

    public static let standard = InputLimits()
}
