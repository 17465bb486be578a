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
/// header, extra columns ignored, `,` or `;`) in one streaming pass: the file is read in blocks
/// and only the distinct values of each column are kept, so memory does not grow with the
/// number of rows.
public struct PlacementCounter {
    public var groupBy: [PlacementDimension]
    public var from: PlanDate?
    public var to: PlanDate?
    /// Column → value a record must have (case-insensitive), e.g. `["sector": "Bouw & Techniek"]`.
    public var filter: [String: String]

    public init(groupBy: [PlacementDimension] = [], from: PlanDate? = nil, to: PlanDate? = nil, filter: [String: String] = [:]) {
        self.groupBy = groupBy
        self.from = from
        self.to = to
        self.filter = filter
    }

    static let blockSize = 1 << 22
    /// Longest record accepted, in bytes.
    public var maximumLineLength = InputLimits.standard.maximumLineLength

    /// Counts the file at `path` (`-` for standard input); `file` names it in messages. Reads
    /// with `read(2)` into one reusable buffer and scans its bytes in place: no per-row strings.
    public func count(path: String, file: String) throws(LoadError) -> PlacementCounts {
        let descriptor: Int32
        if path == "-" {
            descriptor = 0
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .unreadable(file: file, reason: "no such file") }
            if isDirectory.boolValue { throw .unreadable(file: file, reason: "it is a directory; give a file") }
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw .unreadable(file: file, reason: "permission denied") }
        }
        defer { if descriptor != 0 { close(descriptor) } }
        let capacity = Self.blockSize
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var scanner = PlacementScanner(counter: self, file: file)
        var filled = 0
        var start = 0
        var first = true
        while true {
            let got = read(descriptor, buffer + filled, capacity - filled)
            if got < 0 { throw .unreadable(file: file, reason: "read failed") }
            filled += got
            if first && filled >= 2 {
                first = false
                if (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
                    throw .encoding(SourceLocation(file: file, line: 1, column: 1), "the file is UTF-16; save it as UTF-8")
                }
                if filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
            }
            let atEnd = got == 0
            let consumed = try scanner.consume(UnsafeBufferPointer(start: buffer + start, count: filled - start), final: atEnd)
            let rest = filled - start - consumed
            if rest > 0 { (buffer).update(from: buffer + start + consumed, count: rest) }
            filled = rest
            start = 0
            if atEnd { break }
        }
        try scanner.finish()
        return scanner.result()
    }

    /// The realised value of every target with a filter, counted in a placement export: the
    /// records that match the filter from the target's start (its baseline when cumulative, else
    /// its period) up to `asOf`.
    public static func realised(for plan: Plan, asOf: PlanDate, path: String, file: String) throws(LoadError) -> [String: Measurement] {
        var result: [String: Measurement] = [:]
        for target in plan.targets where !target.filter.isEmpty {
            let start = target.cumulative ? target.baseline?.date : (target.period?.start ?? plan.period?.start)
            let counted = try PlacementCounter(from: start, to: asOf, filter: target.filter).count(path: path, file: file)
            result[target.id] = Measurement(date: asOf, value: ExactDecimal(significand: Int64(counted.total)), level: nil, kind: .realised,
                                            channels: [], source: "counted in \(file)", note: nil, pointer: "")
        }
        return result
    }

    /// Counts placement records given as bytes (tests).
    public func count(bytes: [UInt8], file: String) throws(LoadError) -> PlacementCounts {
        var scanner = PlacementScanner(counter: self, file: file)
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw .encoding(SourceLocation(file: file, line: 1, column: 1), "the file is UTF-16; save it as UTF-8")
        }
        try body.withUnsafeBufferPointer { (pointer) throws(LoadError) in
            _ = try scanner.consume(pointer, final: true)
        }
        try scanner.finish()
        return scanner.result()
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
