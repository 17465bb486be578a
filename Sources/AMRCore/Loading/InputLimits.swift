/// Limits that keep hostile or broken input from exhausting memory or the stack. The defaults
/// are far beyond any real plan or export; a user with a reason can raise them (the CLI reads
/// AMR_MAX_FILE_SIZE, AMR_MAX_JSON_DEPTH and AMR_MAX_LINE_LENGTH).
public struct InputLimits: Sendable, Equatable {
    /// Largest input file read whole (plans, weights tables), in bytes: 256 MiB.
    public var maximumFileSize = 256 * 1024 * 1024
    /// Deepest nesting of JSON arrays and objects; plan files need fewer than 10.
    public var maximumDepth = 200
    /// The most `maximumDepth` may be raised to: the JSON reader recurses once per level, and on
    /// the usual 8 MiB main-thread stack a debug build crashed at 960 levels (940 passed) and a
    /// release build at 4,500 (4,000 passed), measured 2026-12-07; so 512 (the cap of
    /// Foundation's own JSON parsers) keeps a margin of nearly half the stack even in debug.
    public static let maximumDepthCeiling = 512
    /// Longest record of a placement export, in bytes.
    public var maximumLineLength = 64 * 1024

    public init() {}

    public static let standard = InputLimits()
}
