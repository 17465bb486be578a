import Foundation

/// The streaming part of `PlacementCounter`: scans records in a byte buffer in place, interns
/// the values of the grouped columns as small numbers and counts per group in a flat table.
struct PlacementScanner {
    let counter: PlacementCounter
    let file: String
    var line = 1
    var header = true
    var delimiter: UInt8 = UInt8(ascii: ",")
    var dateColumn = 0
    var neededColumns = 0
    /// Per grouped dimension: the column it reads (nil for periods) and its interner.
    var groupColumns: [Int?] = []
    var interners: [ByteInterner] = []
    var filterColumns: [(column: Int, value: [UInt8])] = []
    var wideCounts: [PlacementCounter.GroupKey: Int] = [:]
    var records = 0
    var total = 0
    // Field boundaries of the current record, relative to its start (fields past the buffer's
    // capacity are counted but not kept; no column we read is that far right).
    /// Owns the field buffers; `fields` holds plain pointers into them, so the per-byte and
    /// per-row code touches no reference count.
    let fieldStorage = FieldStorage()
    var fields: FieldBounds
    var scratch: [UInt8] = []
    var counts = GroupCounts()

    init(counter: PlacementCounter, file: String) {
        self.counter = counter
        self.file = file
        fields = FieldBounds(fieldStorage)
    }

    /// Scans the complete records in `buffer` and returns how many bytes they took; the caller
    /// keeps the rest for the next block. With `final`, the end of the buffer ends a record.
    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, final: Bool) throws(LoadError) -> Int {
        let count = buffer.count
        var position = 0
        if !header, let base = buffer.baseAddress {
            position = try consumeSimpleLines(base, count)
        }
        while position < count {
            // One record: fields up to a newline outside quotes.
            fields.count = 0
            let recordStart = position
            var index = position
            var fieldStart = position
            var inQuotes = false
            var fieldEscaped = false
            var newlines = 0
            var complete = false
            while index < count {
                let byte = buffer[index]
                if inQuotes {
                    if byte == 0x22 {
                        if index + 1 < count && buffer[index + 1] == 0x22 { fieldEscaped = true; index += 2; continue }
                        if index + 1 == count && !final { break }
                        inQuotes = false
                    } else if byte == 0x0A {
                        newlines += 1
                    }
                    index += 1
                    continue
                }
                if byte == delimiter && !header {
                    fields.append(fieldStart - recordStart, index - recordStart, fieldEscaped)
                    fieldEscaped = false
                    fieldStart = index + 1
                } else if byte == 0x0A {
                    complete = true
                    break
                } else if byte == 0x22 && index == fieldStart {
                    inQuotes = true
                }
                index += 1
                if index - recordStart > counter.maximumLineLength {
                    throw .csv(SourceLocation(file: file, line: line, column: 1),
                               "this line is longer than \(counter.maximumLineLength) bytes; a placement record is one short line (is a quote left open?)")
                }
            }
            if !complete {
                if !final { return recordStart }
                if inQuotes {
                    throw .csv(SourceLocation(file: file, line: line, column: 1),
                               "unclosed quote: the record that starts here has no closing \"; close it or remove the quote")
                }
            }
            var end = index
            if end > recordStart && buffer[end - 1] == 0x0D { end -= 1 }
            fields.append(fieldStart - recordStart, max(fieldStart, end) - recordStart, fieldEscaped)
            let record = UnsafeBufferPointer(rebasing: buffer[recordStart..<max(recordStart, end)])
            try process(record)
            line += 1 + newlines
            position = complete ? index + 1 : index
            if !header, position < count, let base = buffer.baseAddress {
                position += try consumeSimpleLines(base + position, count - position)
            }
        }
        return position
    }

    /// The fast path for the common record: one line without quotes. Finds each line end with
    /// `memchr` and the separators with a tight loop; returns where it stopped (the start of a
    /// record with quotes, or of an incomplete last line), for the general path to go on.
    mutating func consumeSimpleLines(_ base: UnsafePointer<UInt8>, _ count: Int) throws(LoadError) -> Int {
        var position = 0
        let separator = delimiter
        let limit = counter.maximumLineLength
        while position < count {
            guard let found = memchr(base + position, 0x0A, count - position) else {
                if count - position > limit { return position }   // the general path reports it
                return position
            }
            let lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if lineEnd - position > limit { return position }
            fields.count = 0
            var fieldStart = position
            var fieldEscaped = false
            var index = position
            while index < lineEnd {
                let byte = base[index]
                if byte == separator {
                    fields.append(fieldStart - position, index - position, fieldEscaped)
                    fieldEscaped = false
                    fieldStart = index + 1
                } else if byte == 0x22 && index == fieldStart {
                    // A quoted field: to its closing quote on this line ("" is an escaped quote).
                    index += 1
                    var closed = false
                    while index < lineEnd {
                        if base[index] == 0x22 {
                            if index + 1 < lineEnd && base[index + 1] == 0x22 { fieldEscaped = true; index += 2; continue }
                            closed = true
                            break
                        }
                        index += 1
                    }
                    if !closed { return position }   // a line break inside quotes: the general path
                }
                index += 1
            }
            var end = lineEnd
            if end > position && base[end - 1] == 0x0D { end -= 1 }
            fields.append(fieldStart - position, max(fieldStart, end) - position, fieldEscaped)
            try process(UnsafeBufferPointer(start: base + position, count: max(0, end - position)))
            line += 1
            position = lineEnd + 1
        }
        return position
    }

    /// For the header line: the separator it uses (the most frequent of `;`, `,` and tab).
    func delimiterCandidate(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt8 {
        var tallies = (semicolon: 0, comma: 0, tab: 0)
        var index = start
        while index < count && buffer[index] != 0x0A {
            switch buffer[index] {
            case 0x3B: tallies.semicolon += 1
            case 0x2C: tallies.comma += 1
            case 0x09: tallies.tab += 1
            default: break
            }
            index += 1
        }
        if tallies.semicolon >= tallies.comma && tallies.semicolon >= tallies.tab && tallies.semicolon > 0 { return 0x3B }
        if tallies.tab > tallies.comma { return 0x09 }
        return 0x2C
    }

    func isBlank(_ record: UnsafeBufferPointer<UInt8>) -> Bool {
        record.allSatisfy { $0 == 0x20 || $0 == 0x0D }
    }

    /// Calls `body` with a field's bytes, without surrounding spaces and quotes; `""` inside
    /// quotes becomes `"` (in a scratch copy, the only case that copies).
    mutating func withField<R>(_ record: UnsafeBufferPointer<UInt8>, _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let (start, end) = trimmed(record, index)
        let slice = UnsafeBufferPointer(rebasing: record[start..<end])
        guard fields.escaped[index] else { return body(slice) }
        unescape(slice)
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The field's bounds without surrounding spaces and quotes.
    @inline(__always)
    func trimmed(_ record: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Int, Int) {
        var start = fields.starts[index], end = fields.ends[index]
        while start < end && record[start] == 0x20 { start += 1 }
        while end > start && record[end - 1] == 0x20 { end -= 1 }
        if end - start >= 2 && record[start] == 0x22 && record[end - 1] == 0x22 { start += 1; end -= 1 }
        return (start, end)
    }

    /// Copies a quoted field's text into `scratch` with `""` made `"`.
    mutating func unescape(_ slice: UnsafeBufferPointer<UInt8>) {
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < slice.count {
            scratch.append(slice[i])
            i += slice[i] == 0x22 && i + 1 < slice.count && slice[i + 1] == 0x22 ? 2 : 1
        }
    }

    mutating func fieldText(_ record: UnsafeBufferPointer<UInt8>, _ index: Int) -> String {
        withField(record, index) { String(decoding: $0, as: UTF8.self) }
    }

    mutating func process(_ record: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        if record.isEmpty || ((record[0] == 0x20 || record[0] == 0x0D) && isBlank(record)) { return }
        if header {
            try readHeader(record)
            return
        }
        records += 1
        guard dateColumn < fields.count else {
            throw .csv(SourceLocation(file: file, line: line, column: 1),
                       "this row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header puts the date in column \(dateColumn + 1); check the separators on this line")
        }
        let (dateStart, dateEnd) = trimmed(record, dateColumn)
        guard let date = fields.escaped[dateColumn] ? withField(record, dateColumn, Self.date)
                : Self.date(UnsafeBufferPointer(rebasing: record[dateStart..<dateEnd])) else {
            throw .csv(SourceLocation(file: file, line: line, column: fields.starts[dateColumn] + 1),
                       "'\(fieldText(record, dateColumn))' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)")
        }
        if let from = counter.from, date < from { return }
        if let to = counter.to, date > to { return }
        for condition in filterColumns {
            guard condition.column < fields.count, withField(record, condition.column, { Self.equalsIgnoringCase($0, condition.value) }) else { return }
        }
        total += 1
        var packed = 0
        var wide = PlacementCounter.GroupKey()
        for (position, column) in groupColumns.enumerated() {
            let part: Int
            if let column {
                if column < fields.count {
                    let (start, end) = trimmed(record, column)
                    if fields.escaped[column] {
                        unescape(UnsafeBufferPointer(rebasing: record[start..<end]))
                        part = scratch.withUnsafeBufferPointer { interners[position].id(of: $0) }
                    } else {
                        let value = UnsafeBufferPointer(rebasing: record[start..<end])
                        part = interners[position].lookup(value) ?? interners[position].id(of: value)
                    }
                } else {
                    part = interners[position].id(of: UnsafeBufferPointer(start: nil, count: 0))
                }
                if part >= 1 << 21 {
                    throw .csv(SourceLocation(file: file, line: line, column: fields.starts[column] + 1),
                               "more than 2 million different values in one column; group by a column with fewer values")
                }
            } else {
                switch counter.groupBy[position] {
                case .year: part = date.year
                case .quarter: part = date.year * 10 + (date.month + 2) / 3
                default: part = date.year * 100 + date.month
                }
            }
            if groupColumns.count <= 3 { packed = packed << 21 | part } else { wide[position] = Int32(truncatingIfNeeded: part) }
        }
        if groupColumns.count <= 3 { counts.increment(packed) } else { wideCounts[wide, default: 0] += 1 }
    }

    mutating func readHeader(_ record: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        header = false
        delimiter = delimiterCandidate(record, 0, record.count)
        // Re-split the header with the separator now known.
        fields.count = 0
        var fieldStart = 0
        var quoted = false
        for (index, byte) in record.enumerated() {
            if byte == 0x22 { quoted.toggle() }
            if byte == delimiter && !quoted {
                fields.append(fieldStart, index, false)
                fieldStart = index + 1
            }
        }
        fields.append(fieldStart, record.count, false)
        var headers: [String] = []
        for index in 0..<min(fields.count, FieldBounds.capacity) { headers.append(fieldText(record, index).trimmingWhitespace.lowercased()) }
        func find(_ names: [String]) -> Int? { headers.firstIndex { names.contains($0) } }
        let found = headers.joined(separator: ", ")
        guard let date = find(["datum", "date", "plaatsingsdatum", "startdatum"]) else {
            throw .csv(SourceLocation(file: file, line: line, column: 1),
                       "the header has no 'datum' column (found: \(found)); expected datum,gemeente,sector,doelgroep")
        }
        dateColumn = date
        let columns: [PlacementDimension: Int?] = [
            .gemeente: find(["gemeente", "municipality", "gemeentecode", "gemeentenaam"]),
            .sector: find(["sector", "branche"]),
            .doelgroep: find(["doelgroep", "target group", "doelgroepen"]),
        ]
        for dimension in counter.groupBy {
            switch dimension {
            case .year, .quarter, .month:
                groupColumns.append(nil)
            default:
                guard let column = columns[dimension] ?? nil else {
                    throw .csv(SourceLocation(file: file, line: line, column: 1),
                               "cannot group by \(dimension.rawValue): the header has no such column (found: \(found))")
                }
                groupColumns.append(column)
            }
            interners.append(ByteInterner())
        }
        for (name, value) in counter.filter.sorted(by: { $0.key < $1.key }) {
            guard let index = headers.firstIndex(of: name.lowercased()) else {
                throw .csv(SourceLocation(file: file, line: line, column: 1),
                           "the target filters on '\(name)' but the header has no such column (found: \(found))")
            }
            filterColumns.append((index, Array(value.utf8)))
        }
    }

    func finish() throws(LoadError) {
        if header {
            throw .csv(SourceLocation(file: file, line: 1, column: 1), "the file is empty; expected a header row datum,gemeente,sector,doelgroep and one row per placement")
        }
    }

    func result() -> PlacementCounts {
        func name(_ position: Int, _ part: Int) -> String {
            switch counter.groupBy[position] {
            case .year: return String(part)
            case .quarter: return "\(part / 10)-Q\(part % 10)"
            case .month: return "\(part / 100)-\(part % 100 < 10 ? "0" : "")\(part % 100)"
            default: return interners[position].names.indices.contains(part) ? interners[position].names[part] : ""
            }
        }
        var rows: [PlacementCounts.Row] = []
        let dimensions = groupColumns.count
        if dimensions <= 3 {
            for (packed, count) in counts.entries {
                var keys: [String] = []
                for position in 0..<dimensions {
                    let shift = 21 * (dimensions - 1 - position)
                    keys.append(name(position, (packed >> shift) & ((1 << 21) - 1)))
                }
                rows.append(.init(keys: keys, count: count))
            }
        } else {
            for (key, count) in wideCounts {
                rows.append(.init(keys: (0..<dimensions).map { name($0, Int(key[$0])) }, count: count))
            }
        }
        // Alphabetical ignoring case, bytewise where that ties, so the order is total.
        let sortKeys = rows.map { row in row.keys.map { (Array($0.lowercased().utf8), Array($0.utf8)) } }
        let order = rows.indices.sorted { a, b in
            sortKeys[a].lexicographicallyPrecedes(sortKeys[b]) { x, y in
                x.0 != y.0 ? x.0.lexicographicallyPrecedes(y.0) : x.1.lexicographicallyPrecedes(y.1)
            }
        }
        rows = order.map { rows[$0] }
        return PlacementCounts(dimensions: counter.groupBy, rows: rows, total: total, records: records)
    }

    @inline(__always)
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> PlanDate? {
        guard bytes.count == 10 else { return nil }
        @inline(__always) func digit(_ offset: Int) -> Int {
            let value = Int(bytes[offset]) &- 48
            return value >= 0 && value <= 9 ? value : -1000
        }
        let y: Int, m: Int, d: Int
        if bytes[4] == 0x2D && bytes[7] == 0x2D {
            y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
            m = digit(5) * 10 + digit(6)
            d = digit(8) * 10 + digit(9)
        } else if (bytes[2] == 0x2D || bytes[2] == 0x2F) && bytes[2] == bytes[5] {
            d = digit(0) * 10 + digit(1)
            m = digit(3) * 10 + digit(4)
            y = digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9)
        } else {
            return nil
        }
        // A non-digit makes its part negative, which PlanDate refuses.
        return PlanDate(year: y, month: m, day: d)
    }

    static func equalsIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count {
            let x = a[index], y = b[index]
            if x == y { continue }
            let lx = x >= 65 && x <= 90 ? x + 32 : x, ly = y >= 65 && y <= 90 ? y + 32 : y
            if lx != ly { return false }
        }
        return true
    }
}

/// Small numbers for byte strings (the distinct municipalities or sectors of an export): an
/// open-addressing table hashed with FNV-1a, so looking a value up allocates nothing.
struct ByteInterner {
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var storage: [UInt8] = []
    private var bounds: [(start: Int, count: Int)] = []
    private(set) var names: [String] = []

    /// A hash of the first and last (up to) eight bytes and the length: enough to tell a
    /// column's few hundred values apart; equal hashes are still compared in full.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress), count > 0 else { return 0x9E37_79B9_7F4A_7C15 }
        var head: UInt64 = 0, tail: UInt64 = 0
        if count >= 8 {
            head = base.loadUnaligned(as: UInt64.self)
            tail = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else {
            for index in 0..<count { head = head << 8 | UInt64(bytes[index]) }
        }
        let mixed = (head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count) << 56) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 31)
    }

    /// The id of a value seen before, without touching the table (no copy-on-write check).
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        return slots.withUnsafeBufferPointer { slots in
            storage.withUnsafeBufferPointer { stored in
                bounds.withUnsafeBufferPointer { bounds in
                    while true {
                        let existing = Int(slots[slot])
                        if existing < 0 { return nil }
                        let bound = bounds[existing]
                        if bound.count == bytes.count {
                            if bound.count == 0 { return existing }
                            if let base = stored.baseAddress, let given = bytes.baseAddress, memcmp(base + bound.start, given, bound.count) == 0 {
                                return existing
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let known = lookup(bytes) { return known }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            let bound = bounds[existing]
            if bound.count == bytes.count && (bound.count == 0 || storage.withUnsafeBufferPointer({ stored in
                guard let stored = stored.baseAddress, let given = bytes.baseAddress else { return false }
                return memcmp(stored + bound.start, given, bound.count) == 0
            })) {
                return existing
            }
            slot = (slot + 1) & mask
        }
        let id = bounds.count
        bounds.append((storage.count, bytes.count))
        storage.append(contentsOf: bytes)
        names.append(String(decoding: bytes, as: UTF8.self))
        slots[slot] = Int32(id)
        if bounds.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        var larger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = larger.count - 1
        for (id, bound) in bounds.enumerated() {
            let hash = storage.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[bound.start..<bound.start + bound.count])) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] >= 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(id)
        }
        slots = larger
    }
}

/// The start, end and quoting of each field of the current record, in buffers allocated once.
struct FieldBounds {
    static let capacity = 64
    let starts: UnsafeMutablePointer<Int>
    let ends: UnsafeMutablePointer<Int>
    let escaped: UnsafeMutablePointer<Bool>
    /// Fields in the record, also those past `capacity`.
    var count = 0

    init(_ storage: FieldStorage) {
        starts = storage.starts
        ends = storage.ends
        escaped = storage.escaped
    }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int, _ isEscaped: Bool) {
        if count < FieldBounds.capacity {
            starts[count] = start
            ends[count] = end
            escaped[count] = isEscaped
        }
        count += 1
    }
}

/// The memory behind `FieldBounds`, freed with the scanner.
final class FieldStorage {
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: FieldBounds.capacity)
    let ends = UnsafeMutablePointer<Int>.allocate(capacity: FieldBounds.capacity)
    let escaped = UnsafeMutablePointer<Bool>.allocate(capacity: FieldBounds.capacity)

    deinit {
        starts.deallocate()
        ends.deallocate()
        escaped.deallocate()
    }
}

/// Counts per packed group key: open addressing with a multiplicative hash, no allocation per
/// row once the distinct groups are in.
struct GroupCounts {
    private var keys: [Int] = Array(repeating: -1, count: 4096)
    private var values: [Int] = Array(repeating: 0, count: 4096)
    private var used = 0

    @inline(__always)
    mutating func increment(_ key: Int) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while true {
            let existing = keys[slot]
            if existing == key { values[slot] += 1; return }
            if existing == -1 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = 1
        used += 1
        if used * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let old = entries
        keys = Array(repeating: -1, count: keys.count * 2)
        values = Array(repeating: 0, count: keys.count)
        used = 0
        for (key, value) in old {
            increment(key)
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while keys[slot] != key { slot = (slot + 1) & mask }
            values[slot] = value
        }
    }

    var entries: [(Int, Int)] {
        zip(keys, values).filter { $0.0 != -1 }.map { ($0.0, $0.1) }
    }
}
