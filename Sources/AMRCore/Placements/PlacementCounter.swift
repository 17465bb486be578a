import Foundation

/// What placement records can be grouped by.
public enum PlacementDimension: String, Sendable, CaseIterable {
    case gemeente, sector, doelgroep, year, quarter, month
}

/// Counts of placement records per group, sorted by the group keys.
public struct PlacementCounts: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var keys: [String]
        public var count: Int
    }

    public var dimensions: [PlacementDimension]
    public var rows: [Row]
    public var total: Int
    /// Records read, before the date range and filter.
    public var records: Int
}

/// Counts a placement export (one row per placement: `datum,gemeente,sector,doelgroep`, found by
/// header, extra columns ignored, `,` or `;`) in one pass: only the distinct values of each
/// column are kept, so memory does not grow with the number of rows. A regular file or a buffer
/// is split into byte ranges counted on `threads` threads and merged into the same result, to
/// the byte, as one thread gives; standard input and pipes are read as a stream on one thread.
public struct PlacementCounter: Sendable {
    public var groupBy: [PlacementDimension]
    public var from: PlanDate?
    public var to: PlanDate?
    /// Column → value a record must have (case-insensitive), e.g. `["sector": "Bouw & Techniek"]`.
    public var filter: [String: String]
    /// Threads to count a regular file or a buffer with; 1 reads it as one stream.
    public var threads: Int
    /// The header of a column the export names otherwise, by role: `["gemeente": "Woongemeente"]`.
    /// Roles are `datum`, `gemeente`, `sector` and `doelgroep`.
    public var columns: [String: String] = [:]
    /// The roles `columns` may name.
    public static let columnRoles = ["datum", "gemeente", "sector", "doelgroep"]

    public init(groupBy: [PlacementDimension] = [], from: PlanDate? = nil, to: PlanDate? = nil, filter: [String: String] = [:],
                threads: Int = PlacementCounter.availableThreads) {
        self.groupBy = groupBy
        self.from = from
        self.to = to
        self.filter = filter
        self.threads = threads
    }

    /// The cores this process may use: the default for `threads`.
    public static var availableThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Bytes read at a time: small enough to stay in the cache while it is scanned.
    static let blockSize = 1 << 19

    /// The read buffer for a line limit: a block, or more so that two records of the longest
    /// length fit (the limit is capped at 64 MiB so a buffer is never absurd).
    static func blockCapacity(for lineLimit: Int) -> Int {
        max(blockSize, 2 * min(max(lineLimit, 1), 1 << 26) + 2)
    }

    /// Longest record accepted, in bytes.
    public var maximumLineLength = InputLimits.standard.maximumLineLength
    /// A range is at least this long, so a small file is not split for nothing (tests lower it).
    var minimumRangeSize = 1 << 20
    /// Whether records are read by the fast path where they can be (tests compare it with the
    /// general path alone).
    var fastPath = true
    /// Where the ranges should start, as offsets from the file's start, instead of evenly
    /// spread ones (tests use it to split at every byte); each is moved to the next line start.
    var rangeTargets: [Int]? = nil

    /// Counts the file at `path` (`-` for standard input); `file` names it in messages. A regular
    /// file is read range by range with `pread(2)` into a buffer of `blockSize` per range and
    /// scanned in place: no per-row strings, no whole-file copy, memory bounded by the threads.
    public func count(path: String, file: String) throws(LoadError) -> PlacementCounts {
        if path == "-" { return try PlacementRanges(counter: self, file: file, source: .stream(descriptor: 0)).count() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .unreadable(file: file, reason: "no such file") }
        if isDirectory.boolValue { throw .unreadable(file: file, reason: "it is a directory; give a file") }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(file: file, reason: "permission denied") }
        defer { close(descriptor) }
        var status = stat()
        // A pipe or a device (`<(…)`, /dev/stdin) has no size and no offsets: read it as a stream.
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return try PlacementRanges(counter: self, file: file, source: .stream(descriptor: descriptor)).count()
        }
        return try PlacementRanges(counter: self, file: file, source: .file(descriptor: descriptor, size: Int(status.st_size))).count()
    }

    /// The realised value of every target with a filter, counted in a placement export: the
    /// records that match the filter from the target's start (its baseline when cumulative, else
    /// its period) up to `asOf`.
    public static func realised(for plan: Plan, asOf: PlanDate, path: String, file: String) throws(LoadError) -> [String: Measurement] {
        try realised(for: plan, asOf: asOf, file: file) { counter throws(LoadError) in try counter.count(path: path, file: file) }
    }

    /// The placements each target with a filter counts, with `count` reading the export.
    static func realised(for plan: Plan, asOf: PlanDate, file: String,
                         count: (PlacementCounter) throws(LoadError) -> PlacementCounts) throws(LoadError) -> [String: Measurement] {
        var result: [String: Measurement] = [:]
        for target in plan.targets where !target.filter.isEmpty {
            let start = target.cumulative ? target.baseline?.date : (target.period?.start ?? plan.period?.start)
            let counted = try count(PlacementCounter(from: start, to: asOf, filter: target.filter))
            result[target.id] = Measurement(date: asOf, value: ExactDecimal(significand: Int64(counted.total)), level: nil, kind: .realised,
                                            channels: [], source: "counted in \(file)", note: nil, pointer: "")
        }
        return result
    }

    /// Counts placement records held in memory: an export already read, or a sheet of a workbook
    /// converted to CSV text (UTF-8, a byte-order mark allowed). The same counting, splitting
    /// and messages as for a file; `file` names the source in messages.
    public func count(bytes: [UInt8], file: String) throws(LoadError) -> PlacementCounts {
        try bytes.withUnsafeBufferPointer { (buffer) throws(LoadError) in
            try PlacementRanges(counter: self, file: file, source: .memory(buffer)).count()
        }
    }

    /// The group of a record: one small number per dimension (an interned value, a year, a
    /// month), so counting needs no allocation per row and groups never collide.
    struct GroupKey: Hashable {
        var parts: (Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0)

        subscript(position: Int) -> Int32 {
            get {
                switch position {
                case 0: parts.0
                case 1: parts.1
                case 2: parts.2
                case 3: parts.3
                case 4: parts.4
                default: parts.5
                }
            }
            set {
                switch position {
                case 0: parts.0 = newValue
                case 1: parts.1 = newValue
                case 2: parts.2 = newValue
                case 3: parts.3 = newValue
                case 4: parts.4 = newValue
                default: parts.5 = newValue
                }
            }
        }

        static func == (a: GroupKey, b: GroupKey) -> Bool {
            a.parts.0 == b.parts.0 && a.parts.1 == b.parts.1 && a.parts.2 == b.parts.2
                && a.parts.3 == b.parts.3 && a.parts.4 == b.parts.4 && a.parts.5 == b.parts.5
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(parts.0); hasher.combine(parts.1); hasher.combine(parts.2)
            hasher.combine(parts.3); hasher.combine(parts.4); hasher.combine(parts.5)
        }
    }
}
