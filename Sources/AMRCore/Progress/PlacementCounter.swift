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

    static let blockSize = 1 << 20
    static let maximumLineLength = 64 * 1024

    /// Counts the file at `path` (`-` for standard input); `file` names it in messages.
    public func count(path: String, file: String) throws(LoadError) -> PlacementCounts {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .unreadable(file: file, reason: "no such file") }
            if isDirectory.boolValue { throw .unreadable(file: file, reason: "it is a directory; give a file") }
            guard let opened = FileHandle(forReadingAtPath: path) else { throw .unreadable(file: file, reason: "permission denied") }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        var state = State(counter: self, file: file)
        var first = true
        while true {
            let data: Data
            do { data = try handle.read(upToCount: Self.blockSize) ?? Data() } catch { throw .unreadable(file: file, reason: "read failed") }
            if data.isEmpty { break }
            var bytes = [UInt8](data)
            if first {
                first = false
                if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                    throw .encoding(SourceLocation(file: file, line: 1, column: 1), "the file is UTF-16; save it as UTF-8")
                }
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            }
            try state.consume(bytes)
        }
        try state.finish()
        return state.result()
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

    /// Alphabetical, ignoring case; bytewise where that ties, so the order is total.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let (la, lb) = (a.lowercased(), b.lowercased())
        return la != lb ? Array(la.utf8).lexicographicallyPrecedes(Array(lb.utf8)) : Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }

    /// Counts placement records given as bytes (tests and standard input).
    public func count(bytes: [UInt8], file: String) throws(LoadError) -> PlacementCounts {
        var state = State(counter: self, file: file)
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        try state.consume(body)
        try state.finish()
        return state.result()
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

    // MARK: - Streaming state

    struct State {
        let counter: PlacementCounter
        let file: String
        var record: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var delimiter: UInt8?
        var columns: [PlacementDimension: Int] = [:]
        var dateColumn = -1
        var filterColumns: [(index: Int, value: [UInt8])] = []
        var values: [[ArraySlice<UInt8>: Int]] = [[:], [:], [:]]
        var names: [[String]] = [[], [], []]
        var counts: [GroupKey: Int] = [:]
        var records = 0
        var total = 0
        var fieldStarts: [Int] = []
        var fieldEnds: [Int] = []
        var fieldQuoted: [Bool] = []

        init(counter: PlacementCounter, file: String) {
            self.counter = counter
            self.file = file
            record.reserveCapacity(256)
        }

        mutating func consume(_ bytes: [UInt8]) throws(LoadError) {
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
                if byte == UInt8(ascii: "\n") && !inQuotes {
                    if record.last == UInt8(ascii: "\r") { record.removeLast() }
                    try endRecord()
                    line += 1
                    recordLine = line
                    continue
                }
                if byte == UInt8(ascii: "\n") { line += 1 }
                record.append(byte)
                if record.count > PlacementCounter.maximumLineLength {
                    throw .csv(SourceLocation(file: file, line: recordLine, column: 1),
                               "this line is longer than \(PlacementCounter.maximumLineLength) bytes; a placement record is one short line (is a quote left open?)")
                }
            }
        }

        mutating func finish() throws(LoadError) {
            if inQuotes {
                throw .csv(SourceLocation(file: file, line: recordLine, column: 1),
                           "unclosed quote: the record that starts here has no closing \"; close it or remove the quote")
            }
            if !record.isEmpty { try endRecord() }
            if delimiter == nil {
                throw .csv(SourceLocation(file: file, line: 1, column: 1), "the file is empty; expected a header row datum,gemeente,sector,doelgroep and one row per placement")
            }
        }

        mutating func endRecord() throws(LoadError) {
            defer { record.removeAll(keepingCapacity: true) }
            if record.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { return }
            if delimiter == nil {
                try readHeader()
                return
            }
            split()
            records += 1
            guard dateColumn < fieldStarts.count else {
                throw .csv(SourceLocation(file: file, line: recordLine, column: 1),
                           "this row has \(fieldStarts.count) field\(fieldStarts.count == 1 ? "" : "s") but the header puts the date in column \(dateColumn + 1); check the separators on this line")
            }
            guard let date = parseDate(dateColumn) else {
                let text = String(decoding: field(dateColumn), as: UTF8.self)
                throw .csv(SourceLocation(file: file, line: recordLine, column: fieldStarts[dateColumn] + 1),
                           "'\(text)' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)")
            }
            if let from = counter.from, date < from { return }
            if let to = counter.to, date > to { return }
            for condition in filterColumns {
                guard condition.index < fieldStarts.count, equalsIgnoringCase(field(condition.index), condition.value) else { return }
            }
            var key = GroupKey()
            for (position, dimension) in counter.groupBy.enumerated() {
                let part: Int
                switch dimension {
                case .year: part = date.year
                case .quarter: part = date.year * 10 + (date.month + 2) / 3
                case .month: part = date.year * 100 + date.month
                case .gemeente, .sector, .doelgroep:
                    guard let column = columns[dimension] else { continue }
                    let slot = dimension == .gemeente ? 0 : (dimension == .sector ? 1 : 2)
                    part = column < fieldStarts.count ? intern(field(column), slot) : intern([], slot)
                }
                key[position] = Int32(truncatingIfNeeded: part)
            }
            total += 1
            counts[key, default: 0] += 1
            if keysByPacked[key] == nil { keysByPacked[key] = currentKeys(date) }
        }

        var keysByPacked: [GroupKey: [String]] = [:]

        func currentKeys(_ date: PlanDate) -> [String] {
            counter.groupBy.map { dimension in
                switch dimension {
                case .year: return String(date.year)
                case .quarter: return "\(date.year)-Q\((date.month + 2) / 3)"
                case .month: return String(date.description.prefix(7))
                case .gemeente, .sector, .doelgroep:
                    guard let column = columns[dimension], column < fieldStarts.count else { return "" }
                    return String(decoding: field(column), as: UTF8.self)
                }
            }
        }

        mutating func intern(_ bytes: ArraySlice<UInt8>, _ slot: Int) -> Int {
            if let id = values[slot][bytes] { return id }
            let id = values[slot].count
            values[slot][ArraySlice(Array(bytes))] = id
            names[slot].append(String(decoding: bytes, as: UTF8.self))
            return id
        }

        mutating func readHeader() throws(LoadError) {
            let counts = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")].map { d in (d, record.filter { $0 == d }.count) }
            delimiter = counts.max { $0.1 < $1.1 }?.0 ?? UInt8(ascii: ",")
            split()
            let headers = (0..<fieldStarts.count).map { String(decoding: field($0), as: UTF8.self).trimmingWhitespace.lowercased() }
            func find(_ names: [String]) -> Int? { headers.firstIndex { names.contains($0) } }
            guard let date = find(["datum", "date", "plaatsingsdatum", "startdatum"]) else {
                throw .csv(SourceLocation(file: file, line: recordLine, column: 1),
                           "the header has no 'datum' column (found: \(headers.joined(separator: ", "))); expected datum,gemeente,sector,doelgroep")
            }
            dateColumn = date
            columns[.gemeente] = find(["gemeente", "municipality", "gemeentecode", "gemeentenaam"])
            columns[.sector] = find(["sector", "branche"])
            columns[.doelgroep] = find(["doelgroep", "target group", "doelgroepen"])
            for dimension in counter.groupBy where columns[dimension] == nil && ![.year, .quarter, .month].contains(dimension) {
                throw .csv(SourceLocation(file: file, line: recordLine, column: 1),
                           "cannot group by \(dimension.rawValue): the header has no such column (found: \(headers.joined(separator: ", ")))")
            }
            for (name, value) in counter.filter.sorted(by: { $0.key < $1.key }) {
                guard let index = headers.firstIndex(of: name.lowercased()) else {
                    throw .csv(SourceLocation(file: file, line: recordLine, column: 1),
                               "the target filters on '\(name)' but the header has no such column (found: \(headers.joined(separator: ", ")))")
                }
                filterColumns.append((index, Array(value.utf8)))
            }
        }

        /// Splits the current record at delimiters outside quotes.
        mutating func split() {
            fieldStarts.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            fieldQuoted.removeAll(keepingCapacity: true)
            let d = delimiter ?? UInt8(ascii: ",")
            var start = 0
            var quoted = false
            for (index, byte) in record.enumerated() {
                if byte == UInt8(ascii: "\"") { quoted.toggle() }
                if byte == d && !quoted {
                    fieldStarts.append(start)
                    fieldEnds.append(index)
                    start = index + 1
                }
            }
            fieldStarts.append(start)
            fieldEnds.append(record.count)
        }

        /// A field's bytes, trimmed of spaces and surrounding quotes ("" inside stays doubled,
        /// which never occurs in dates, codes or sector names).
        func field(_ index: Int) -> ArraySlice<UInt8> {
            var start = fieldStarts[index], end = fieldEnds[index]
            while start < end && record[start] == UInt8(ascii: " ") { start += 1 }
            while end > start && record[end - 1] == UInt8(ascii: " ") { end -= 1 }
            if end - start >= 2 && record[start] == UInt8(ascii: "\"") && record[end - 1] == UInt8(ascii: "\"") {
                start += 1
                end -= 1
            }
            return record[start..<end]
        }

        func parseDate(_ index: Int) -> PlanDate? {
            let bytes = field(index)
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for offset in range {
                    let byte = bytes[bytes.startIndex + offset]
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            if bytes.count == 10 {
                let a = bytes[bytes.startIndex + 4], b = bytes[bytes.startIndex + 7]
                if a == UInt8(ascii: "-") && b == UInt8(ascii: "-"), let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) {
                    return PlanDate(year: y, month: m, day: d)
                }
                let c = bytes[bytes.startIndex + 2], e = bytes[bytes.startIndex + 5]
                if (c == UInt8(ascii: "-") || c == UInt8(ascii: "/")) && c == e, let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) {
                    return PlanDate(year: y, month: m, day: d)
                }
            }
            return nil
        }

        func equalsIgnoringCase(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where x != y {
                let lx = x >= 65 && x <= 90 ? x + 32 : x, ly = y >= 65 && y <= 90 ? y + 32 : y
                if lx != ly { return false }
            }
            return true
        }

        func result() -> PlacementCounts {
            let rows = counts.map { PlacementCounts.Row(keys: keysByPacked[$0.key] ?? [], count: $0.value) }
                .sorted { a, b in a.keys.lexicographicallyPrecedes(b.keys, by: PlacementCounter.precedes) }
            return PlacementCounts(dimensions: counter.groupBy, rows: rows, total: total, records: records)
        }
    }
}
