import Foundation

/// What the header of an export says about its records: the separator and the columns that
/// hold the date, the grouped values and the filtered values. Every range's scanner uses the
/// header's layout.
struct PlacementLayout {
    var delimiter: UInt8
    var dateColumn: Int
    /// Per grouped dimension: the column it reads, or nil for a period of the date.
    var groupColumns: [Int?]
    var filterColumns: [(column: Int, value: [UInt8])]
}

/// The streaming part of `PlacementCounter`: scans the records in a byte buffer in place,
/// interns the values of the grouped columns as small numbers and counts per group.
///
/// Two paths read records. The general path (`consume`) handles everything a CSV record can
/// be: quotes with separators, `""` and line breaks inside, blank lines, spaces around fields,
/// errors. The fast path (`consumeSimpleRecords`) handles the common record, one line with at
/// most plainly quoted fields, eight bytes at a time; anything else it hands back, unread, to
/// the general path. So the general path defines the meaning and the fast path only its speed.
struct PlacementScanner {
    let counter: PlacementCounter
    let file: String
    /// The longest record accepted: the counter's limit, but never more than half a read block,
    /// so that a record always fits in the buffer with room to spare.
    let lineLimit: Int
    var line = 1
    var header = true
    /// Stop right after the header record (to split the rest of the file into ranges).
    var stopAfterHeader = false
    var layout = PlacementLayout(delimiter: UInt8(ascii: ","), dateColumn: 0, groupColumns: [], filterColumns: [])
    /// One more than the rightmost column a record is read for.
    var neededColumns = 1
    let dimensionCount: Int
    /// `--from` and `--to` as yyyymmdd, or the widest range.
    let fromCode: Int
    let toCode: Int
    var wideCounts: [PlacementCounter.GroupKey: Int] = [:]
    var records = 0
    var total = 0
    let storage: ScanStorage
    var fields: FieldBounds
    var scratch: [UInt8] = []

    init(counter: PlacementCounter, file: String) {
        self.counter = counter
        self.file = file
        lineLimit = max(1, min(counter.maximumLineLength, PlacementCounter.blockCapacity(for: counter.maximumLineLength) / 2))
        dimensionCount = counter.groupBy.count
        storage = ScanStorage(dimensions: counter.groupBy.count)
        fromCode = counter.from.map(Self.code) ?? Int.min
        toCode = counter.to.map(Self.code) ?? Int.max
        fields = FieldBounds(storage)
    }

    /// A scanner for another range of the same export: the header's layout, nothing counted,
    /// lines numbered from 1 (the caller adds the lines before the range).
    func freshCopy() -> PlacementScanner {
        var copy = PlacementScanner(counter: counter, file: file)
        copy.header = false
        copy.apply(layout)
        return copy
    }

    static func code(_ date: PlanDate) -> Int { date.year * 10_000 + date.month * 100 + date.day }

    // MARK: - The general path

    /// Scans the complete records in `buffer` and returns how many bytes they took; the caller
    /// keeps the rest for the next block. With `final`, the end of the buffer ends a record.
    mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, final: Bool) throws(LoadError) -> Int {
        let count = buffer.count
        var position = 0
        if !header, counter.fastPath, let base = buffer.baseAddress {
            position = try consumeSimpleRecords(base, count)
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
                        if index + 1 < count && buffer[index + 1] == 0x22 {
                            fieldEscaped = true
                            index += 1
                        } else if index + 1 == count && !final {
                            break
                        } else {
                            inQuotes = false
                        }
                    } else if byte == 0x0A {
                        newlines += 1
                    }
                } else if byte == layout.delimiter && !header {
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
                // Also inside quotes, so that one record always fits in a read block.
                if index - recordStart > lineLimit {
                    throw .csv(SourceLocation(file: file, line: line, column: 1),
                               "this line is longer than \(lineLimit) bytes; a placement record is one short line (is a quote left open?)")
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
            let wasHeader = header
            try process(record)
            line += 1 + newlines
            position = complete ? index + 1 : index
            if wasHeader && !header && stopAfterHeader { return position }
            if !header, counter.fastPath, position < count, let base = buffer.baseAddress {
                position += try consumeSimpleRecords(base + position, count - position)
            }
        }
        return position
    }

    /// For the header line: the separator it uses (the most frequent of `;`, `,` and tab).
    func delimiterCandidate(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt8 {
        var tallies = (semicolon: 0, comma: 0, tab: 0)
        var index = start
        var quoted = false
        while index < count && (quoted || buffer[index] != 0x0A) {
            // Separators inside a quoted heading (`"gemeente; woonplaats"`) do not count.
            if buffer[index] == 0x22 { quoted.toggle() }
            if quoted {
                index += 1
                continue
            }
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

    /// Counts one record the general path has split into `fields`.
    mutating func process(_ record: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        if record.isEmpty || ((record[0] == 0x20 || record[0] == 0x0D) && isBlank(record)) { return }
        if header {
            try readHeader(record)
            return
        }
        records += 1
        let dateColumn = layout.dateColumn
        guard dateColumn < fields.count else {
            throw .csv(SourceLocation(file: file, line: line, column: 1),
                       "this row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header puts the date in column \(dateColumn + 1); check the separators on this line")
        }
        guard let code = withField(record, dateColumn, { Self.dateCode($0.baseAddress, $0.count) }) else {
            throw .csv(SourceLocation(file: file, line: line, column: fields.starts[dateColumn] + 1),
                       "'\(fieldText(record, dateColumn))' is not a date; expected YYYY-MM-DD (or DD-MM-YYYY)")
        }
        if code < fromCode || code > toCode { return }
        for index in 0..<storage.filterCount {
            let filter = storage.filters[index]
            guard filter.column < fields.count, withField(record, filter.column, { Self.equalsIgnoringCase($0.baseAddress, $0.count, filter) }) else { return }
        }
        total += 1
        var packed = 0
        var wide = PlacementCounter.GroupKey()
        for position in 0..<dimensionCount {
            let dimension = storage.dimensions[position]
            let part: Int
            if dimension.column >= 0 {
                let interner = storage.interners + position
                if dimension.column < fields.count {
                    part = withField(record, dimension.column) { interner.pointee.id(of: $0.baseAddress, $0.count) }
                } else {
                    part = interner.pointee.id(of: nil, 0)
                }
                if part >= 1 << 21 {
                    throw tooManyValues(column: dimension.column < fields.count ? fields.starts[dimension.column] + 1 : 1)
                }
            } else {
                part = Self.period(dimension.period, code)
            }
            if dimensionCount <= 3 { packed = packed << 21 | part } else { wide[position] = Int32(truncatingIfNeeded: part) }
        }
        if dimensionCount <= 3 { storage.counts.pointee.add(packed) } else { wideCounts[wide, default: 0] += 1 }
    }

    func tooManyValues(column: Int) -> LoadError {
        .csv(SourceLocation(file: file, line: line, column: column),
             "more than 2 million different values in one column; group by a column with fewer values")
    }

    /// The number a period dimension groups a date (yyyymmdd) by.
    @inline(__always)
    static func period(_ dimension: PlacementDimension, _ code: Int) -> Int {
        switch dimension {
        case .year: code / 10_000
        case .quarter: code / 10_000 * 10 + (code / 100 % 100 + 2) / 3
        default: code / 100
        }
    }

    mutating func readHeader(_ record: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        header = false
        let delimiter = delimiterCandidate(record, 0, record.count)
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
        for index in 0..<min(fields.count, ScanStorage.fieldCapacity) { headers.append(fieldText(record, index).trimmingWhitespace.lowercased()) }
        let found = headers.joined(separator: ", ")
        // A column the user named (`--column gemeente=Woongemeente`) before the usual headers.
        func find(_ role: String, _ names: [String]) throws(LoadError) -> Int? {
            if let wanted = counter.columns[role] {
                guard let index = headers.firstIndex(of: wanted.trimmingWhitespace.lowercased()) else {
                    throw .csv(SourceLocation(file: file, line: line, column: 1),
                               "--column \(role)=\(wanted): the header has no column '\(wanted)' (found: \(found)); type --column \(role)= with one of those")
                }
                return index
            }
            return headers.firstIndex { names.contains($0) }
        }
        guard let date = try find("datum", ["datum", "date", "plaatsingsdatum", "startdatum"]) else {
            throw .csv(SourceLocation(file: file, line: line, column: 1),
                       "the header has no 'datum' column (found: \(found)); expected datum,gemeente,sector,doelgroep, or say which column holds the date with --column datum=HEADER")
        }
        let columns: [PlacementDimension: Int?] = [
            .gemeente: try find("gemeente", ["gemeente", "municipality", "gemeentecode", "gemeentenaam", "woongemeente"]),
            .sector: try find("sector", ["sector", "branche"]),
            .doelgroep: try find("doelgroep", ["doelgroep", "target group", "doelgroepen"]),
        ]
        var groupColumns: [Int?] = []
        for dimension in counter.groupBy {
            switch dimension {
            case .year, .quarter, .month:
                groupColumns.append(nil)
            default:
                guard let column = columns[dimension] ?? nil else {
                    throw .csv(SourceLocation(file: file, line: line, column: 1),
                               "cannot group by \(dimension.rawValue): the header has no such column (found: \(found)); say which column it is with --column \(dimension.rawValue)=HEADER")
                }
                groupColumns.append(column)
            }
        }
        var filterColumns: [(column: Int, value: [UInt8])] = []
        for (name, value) in counter.filter.sorted(by: { $0.key < $1.key }) {
            guard let index = headers.firstIndex(of: name.lowercased()) else {
                throw .csv(SourceLocation(file: file, line: line, column: 1),
                           "the target filters on '\(name)' but the header has no such column (found: \(found))")
            }
            filterColumns.append((index, Array(value.utf8)))
        }
        apply(PlacementLayout(delimiter: delimiter, dateColumn: date, groupColumns: groupColumns, filterColumns: filterColumns))
    }

    /// Sets the scanner up to read records laid out as the header said.
    mutating func apply(_ layout: PlacementLayout) {
        self.layout = layout
        var needed = layout.dateColumn + 1
        for (position, column) in layout.groupColumns.enumerated() {
            storage.dimensions[position] = ScanStorage.Dimension(column: column ?? -1, period: counter.groupBy[position])
            if let column { needed = max(needed, column + 1) }
        }
        for filter in layout.filterColumns { needed = max(needed, filter.column + 1) }
        neededColumns = needed
        storage.setFilters(layout.filterColumns)
    }

    func finish() throws(LoadError) {
        if header {
            throw .csv(SourceLocation(file: file, line: 1, column: 1), "the file is empty; expected a header row datum,gemeente,sector,doelgroep and one row per placement")
        }
    }

    // MARK: - The fast path

    /// The fast path for the common record: one line whose fields are plain or plainly quoted
    /// (`"…"` right after a separator, with no `""` or line break inside, followed by a separator
    /// or the line end). It finds separators, quotes and line ends eight bytes at a time (SWAR)
    /// and counts the record in place. It returns where it stopped: the start of the first
    /// record it leaves to the general path, or of an incomplete last line. A record it leaves
    /// has changed nothing the general path would not change the same way, so the general path
    /// reads that record from scratch.
    mutating func consumeSimpleRecords(_ base: UnsafePointer<UInt8>, _ count: Int) throws(LoadError) -> Int {
        let separator = layout.delimiter
        let separators = UInt64(separator) &* 0x0101_0101_0101_0101
        // Where the separators of the current record are; a record with more than 64 fields
        // wraps around here and is left to the general path.
        let seps = storage.separators
        var rowStart = 0, fieldIndex = 0
        var quoted: UInt64 = 0   // bit k: field k is quoted
        var date = -1            // the record's date (yyyymmdd) if already read
        var wordStart = 0
        // When the date is the first column, a record that starts with a valid ten-byte date and
        // a separator has its date read at once and is scanned from after it.
        if layout.dateColumn == 0, let code = Self.leadingDate(base, 0, count, separator) {
            seps[0] = 10
            fieldIndex = 1
            date = code
            wordStart = 11
        }
        scanning: while wordStart < count {
            var matches = Self.structuralBytes(Self.word(base, wordStart, count), separators: separators)
            while matches != 0 {
                let offset = wordStart &+ (matches.trailingZeroBitCount &>> 3)
                matches &= matches &- 1
                let byte = base[offset]
                if byte == separator {
                    seps[fieldIndex & 63] = offset
                    fieldIndex &+= 1
                    continue
                }
                if byte == 0x0A {
                    guard countSimpleRecord(base, count, rowStart: rowStart, lineFeed: offset, separators: fieldIndex, quoted: quoted, date: date) else {
                        return rowStart
                    }
                    line &+= 1
                    rowStart = offset &+ 1
                    quoted = 0
                    if layout.dateColumn == 0, let code = Self.leadingDate(base, rowStart, count, separator) {
                        seps[0] = rowStart &+ 10
                        fieldIndex = 1
                        date = code
                        wordStart = rowStart &+ 11
                        continue scanning
                    }
                    fieldIndex = 0
                    date = -1
                    continue
                }
                // A quote: it must open a field and close before a separator or the line end,
                // with no `""` or line break inside; anything else is for the general path.
                guard offset == rowStart || base[offset &- 1] == separator,
                      let closing = Self.closingQuote(base, from: offset &+ 1, count) else { return rowStart }
                guard closing &+ 1 < count else { return rowStart }
                let next = base[closing &+ 1]
                guard next == separator || next == 0x0A || (next == 0x0D && closing &+ 2 < count && base[closing &+ 2] == 0x0A) else { return rowStart }
                if fieldIndex < 64 { quoted |= 1 &<< UInt64(fieldIndex) }
                // Go on right after the closing quote.
                wordStart = closing &+ 1
                continue scanning
            }
            wordStart &+= 8
        }
        return rowStart
    }

    /// The date of a record at `start` that begins with a valid ten-byte date and a separator.
    @inline(__always)
    static func leadingDate(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ separator: UInt8) -> Int? {
        guard start &+ 11 <= count, base[start &+ 10] == separator else { return nil }
        return dateCode(base + start, 10)
    }

    /// Eight bytes from `offset` (fewer at the end of the buffer, zero-padded), first byte lowest.
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, _ offset: Int, _ count: Int) -> UInt64 {
        if offset &+ 8 <= count { return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        for index in 0..<(count &- offset) { word |= UInt64(base[offset &+ index]) &<< UInt64(8 &* index) }
        return word
    }

    /// The high bit of each byte of `word` that is a separator, a line feed or a quote.
    /// ((b & 0x7F) ^ c) + 0x7F has its high bit clear exactly when b & 0x7F == c and never
    /// carries into the next byte; bytes of 0x80 and up never match.
    @inline(__always)
    static func structuralBytes(_ word: UInt64, separators: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let low = word & low7
        let notSeparator = (low ^ separators) &+ low7
        let notLineEnd = (low ^ 0x0A0A_0A0A_0A0A_0A0A) &+ low7
        let notQuote = (low ^ 0x2222_2222_2222_2222) &+ low7
        return ~(notSeparator & notLineEnd & notQuote | word) & ~low7
    }

    /// The next quote from `offset`, or nil when a line feed or the buffer's end comes first.
    @inline(__always)
    static func closingQuote(_ base: UnsafePointer<UInt8>, from offset: Int, _ count: Int) -> Int? {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var position = offset
        while position < count {
            let word = Self.word(base, position, count)
            let low = word & low7
            let found = ~(((low ^ 0x0A0A_0A0A_0A0A_0A0A) &+ low7) & ((low ^ 0x2222_2222_2222_2222) &+ low7) | word) & ~low7
            if found != 0 {
                let at = position &+ (found.trailingZeroBitCount &>> 3)
                return at < count && base[at] == 0x22 ? at : nil
            }
            position &+= 8
        }
        return nil
    }

    /// Counts one simple record, from its start to its line feed with `separators` separators
    /// at `storage.separators`; false when the record needs the general path after all (too
    /// many fields or too few, a blank or too long line, a date that is not one, spaces around a
    /// value, a column with too many values, which the general path reports). Before returning
    /// false it has changed nothing but, perhaps, added a value to an interner that the general
    /// path then adds at the same point in the same order, so it gets the same id.
    @inline(__always)
    mutating func countSimpleRecord(_ base: UnsafePointer<UInt8>, _ count: Int, rowStart: Int, lineFeed: Int,
                                    separators: Int, quoted: UInt64, date: Int) -> Bool {
        var lineEnd = lineFeed
        if lineEnd > rowStart && base[lineEnd &- 1] == 0x0D { lineEnd &-= 1 }
        guard separators < 64, separators &+ 1 >= neededColumns, lineEnd > rowStart,
              base[rowStart] != 0x20, base[rowStart] != 0x0D, lineFeed &- rowStart <= lineLimit else { return false }
        let seps = storage.separators
        // Field k runs from after separator k - 1 (or the record's start) to separator k (or the
        // line end); a quoted one without its quotes; nil when spaces surround it.
        @inline(__always) func field(_ column: Int) -> (start: Int, length: Int)? {
            let start = column == 0 ? rowStart : seps[column &- 1] &+ 1
            let end = column == separators ? lineEnd : seps[column]
            if quoted & (1 &<< UInt64(column)) != 0 { return (start &+ 1, end &- start &- 2) }
            if end > start && (base[start] == 0x20 || base[end &- 1] == 0x20) { return nil }
            return (start, end &- start)
        }
        let code: Int
        if date >= 0 {
            code = date
        } else {
            guard let slice = field(layout.dateColumn), let parsed = Self.dateCode(base + slice.start, slice.length) else { return false }
            code = parsed
        }
        let filters = storage.filters, filterCount = storage.filterCount
        var counted = code >= fromCode && code <= toCode
        for index in 0..<filterCount {
            let filter = filters[index]
            guard let slice = field(filter.column) else { return false }
            counted = counted && Self.equalsIgnoringCase(base + slice.start, slice.length, filter)
        }
        let dimensions = storage.dimensions
        guard counted else { records &+= 1; return true }
        guard dimensionCount <= 3 else { return countWide(base, count, field) }
        let interners = storage.interners
        var packed = 0
        for position in 0..<dimensionCount {
            let dimension = dimensions[position]
            var part: Int
            if dimension.column >= 0 {
                guard let slice = field(dimension.column) else { return false }
                part = ValueInterner.lookup(slots: interners[position].slots, mask: interners[position].mask,
                                            base + slice.start, slice.length, end: base + count)
                if part < 0 {
                    guard interners[position].count < 1 << 21 else { return false }
                    part = interners[position].insert(base + slice.start, slice.length)
                }
            } else {
                part = Self.periodPart(dimension.period, code)
            }
            packed = packed &<< 21 | part
        }
        records &+= 1
        total &+= 1
        storage.counts.pointee.add(packed)
        return true
    }

    /// `countSimpleRecord` for more than three dimensions, whose key does not pack into an Int.
    @inline(never)
    mutating func countWide(_ base: UnsafePointer<UInt8>, _ count: Int, _ field: (Int) -> (start: Int, length: Int)?) -> Bool {
        var wide = PlacementCounter.GroupKey()
        var code = 0
        for position in 0..<dimensionCount {
            let dimension = storage.dimensions[position]
            var part: Int
            if dimension.column >= 0 {
                guard let slice = field(dimension.column) else { return false }
                part = storage.interners[position].lookup(base + slice.start, slice.length, end: base + count)
                if part < 0 {
                    guard storage.interners[position].count < 1 << 21 else { return false }
                    part = storage.interners[position].insert(base + slice.start, slice.length)
                }
            } else {
                if code == 0 {
                    guard let slice = field(layout.dateColumn), let parsed = Self.dateCode(base + slice.start, slice.length) else { return false }
                    code = parsed
                }
                part = Self.period(dimension.period, code)
            }
            wide[position] = Int32(truncatingIfNeeded: part)
        }
        records &+= 1
        total &+= 1
        wideCounts[wide, default: 0] += 1
        return true
    }

    /// `period`, kept out of line so that grouping by columns alone does not pay for it.
    @inline(never)
    static func periodPart(_ dimension: PlacementDimension, _ code: Int) -> Int {
        period(dimension, code)
    }

    // MARK: - Dates and filters

    /// The date as yyyymmdd when the ten bytes are a real calendar date written `YYYY-MM-DD`,
    /// `DD-MM-YYYY` or `DD/MM/YYYY`; otherwise nil.
    @inline(__always)
    static func dateCode(_ start: UnsafePointer<UInt8>?, _ length: Int) -> Int? {
        guard length == 10, let start else { return nil }
        let raw = UnsafeRawPointer(start)
        // YYYY-MM-DD in two overlapping loads, bytes 0...7 and 2...9. After the xor each digit
        // is 0...9 and each dash 0; ((v & 0x7F) + 0x76) | v has its high bit clear exactly for
        // the bytes below 10.
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & 0xFFFF ^ 0x3030
        let rest = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 2, as: UInt64.self)) ^ 0x3030_2D30_302D_3030
        if (((rest & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | rest) & 0x8080_8080_8080_8080 == 0,
           rest & 0x0000_FF00_00FF_0000 == 0,
           (((head & 0x7F7F) &+ 0x7676) | head) & 0x8080 == 0 {
            // d * 10 + the next digit, in every byte at once (no byte can carry: 9 * 10 + 9 < 256).
            let pairs = rest &* 10 &+ (rest >> 8), century = head &* 10 &+ (head >> 8)
            let year = Int(century & 0xFF) &* 100 &+ Int(pairs & 0xFF)
            let month = Int(pairs >> 24 & 0xFF), day = Int(pairs >> 48 & 0xFF)
            // The common case first: a year from 1, a month, a day that every month has.
            if year >= 1 && UInt(bitPattern: month &- 1) < 12 && UInt(bitPattern: day &- 1) < 28 {
                return year &* 10_000 &+ month &* 100 &+ day
            }
            return validCode(year: year, month: month, day: day)
        }
        return otherDateCode(start)
    }

    /// The forms other than a well-formed `YYYY-MM-DD`; every digit position must hold a digit.
    static func otherDateCode(_ bytes: UnsafePointer<UInt8>) -> Int? {
        func number(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for index in offset..<offset + count {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        if bytes[4] == 0x2D && bytes[7] == 0x2D {
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
            return validCode(year: year, month: month, day: day)
        }
        guard bytes[2] == 0x2D || bytes[2] == 0x2F, bytes[2] == bytes[5],
              let day = number(0, 2), let month = number(3, 2), let year = number(6, 4) else { return nil }
        return validCode(year: year, month: month, day: day)
    }

    /// yyyymmdd for a real calendar date (the rules of `PlanDate`), else nil.
    @inline(__always)
    static func validCode(year: Int, month: Int, day: Int) -> Int? {
        guard year >= 1, year <= 9999, month >= 1, month <= 12, day >= 1 else { return nil }
        if day > 28 && day > PlanDate.daysIn(month: month, year: year) { return nil }
        return year * 10_000 + month * 100 + day
    }

    static func equalsIgnoringCase(_ start: UnsafePointer<UInt8>?, _ length: Int, _ filter: ScanStorage.Filter) -> Bool {
        guard length == filter.length else { return false }
        guard let start else { return length == 0 }
        for index in 0..<length {
            let x = start[index], y = filter.value[index]
            if x == y { continue }
            let lx = x >= 65 && x <= 90 ? x + 32 : x, ly = y >= 65 && y <= 90 ? y + 32 : y
            if lx != ly { return false }
        }
        return true
    }

    // MARK: - Results

    /// Adds the counts of a scanner that read the range right after this one's: its values get
    /// this scanner's ids (in their order of first appearance, so the ids are those one scanner
    /// reading both ranges would have given) and its lines follow this one's.
    mutating func absorb(_ other: PlacementScanner) {
        records += other.records
        total += other.total
        line += other.line - 1
        var maps: [[Int]] = []
        for position in 0..<dimensionCount {
            var map: [Int] = []
            if storage.dimensions[position].column >= 0 {
                let source = other.storage.interners[position]
                map.reserveCapacity(source.count)
                for id in 0..<source.count {
                    let value = source.value(id)
                    map.append(storage.interners[position].id(of: value.baseAddress, value.count))
                }
            }
            maps.append(map)
        }
        func translate(_ position: Int, _ part: Int) -> Int {
            storage.dimensions[position].column >= 0 ? maps[position][part] : part
        }
        if dimensionCount <= 3 {
            for (key, count) in other.storage.counts.pointee.entries {
                var packed = 0
                for position in 0..<dimensionCount {
                    let part = (key >> (21 * (dimensionCount - 1 - position))) & ((1 << 21) - 1)
                    packed = packed << 21 | translate(position, part)
                }
                storage.counts.pointee.add(packed, count)
            }
        } else {
            for (key, count) in other.wideCounts {
                var translated = key
                for position in 0..<dimensionCount { translated[position] = Int32(truncatingIfNeeded: translate(position, Int(key[position]))) }
                wideCounts[translated, default: 0] += count
            }
        }
    }

    /// True when a column has more distinct values than a group key can hold (after `absorb`,
    /// which does not check).
    var exceedsValueLimit: Bool {
        (0..<dimensionCount).contains { storage.interners[$0].count > 1 << 21 }
    }

    func result() -> PlacementCounts {
        func name(_ position: Int, _ part: Int) -> String {
            switch counter.groupBy[position] {
            case .year: return String(part)
            case .quarter: return "\(part / 10)-Q\(part % 10)"
            case .month: return "\(part / 100)-\(part % 100 < 10 ? "0" : "")\(part % 100)"
            default:
                let interner = storage.interners[position]
                return part < interner.count ? String(decoding: interner.value(part), as: UTF8.self) : ""
            }
        }
        var groups: [(parts: [Int], count: Int)] = []
        let dimensions = dimensionCount
        if dimensions <= 3 {
            for (packed, count) in storage.counts.pointee.entries {
                groups.append(((0..<dimensions).map { (packed >> (21 * (dimensions - 1 - $0))) & ((1 << 21) - 1) }, count))
            }
        } else {
            for (key, count) in wideCounts { groups.append(((0..<dimensions).map { Int(key[$0]) }, count)) }
        }
        let rows = groups.map { PlacementCounts.Row(keys: $0.parts.enumerated().map { name($0.offset, $0.element) }, count: $0.count) }
        // Alphabetical ignoring case, bytewise where that ties, then by first appearance (two
        // different byte strings can decode to the same text): a total order, the same however
        // the rows were counted. One flat key per row, each byte shifted up by one and each
        // part ended by 0, compares as the keys do part by part.
        let sortKeys: [[UInt16]] = rows.map { row in
            var key: [UInt16] = []
            for text in row.keys {
                key.append(contentsOf: text.lowercased().utf8.map { UInt16($0) + 1 })
                key.append(0)
                key.append(contentsOf: text.utf8.map { UInt16($0) + 1 })
                key.append(0)
            }
            return key
        }
        let order = rows.indices.sorted { a, b in
            if sortKeys[a] != sortKeys[b] { return sortKeys[a].lexicographicallyPrecedes(sortKeys[b]) }
            return groups[a].parts.lexicographicallyPrecedes(groups[b].parts)
        }
        return PlacementCounts(dimensions: counter.groupBy, rows: order.map { rows[$0] }, total: total, records: records)
    }
}

/// The start, end and quoting of each field of the current record (in the general path), in
/// the scanner's storage.
struct FieldBounds {
    let starts: UnsafeMutablePointer<Int>
    let ends: UnsafeMutablePointer<Int>
    let escaped: UnsafeMutablePointer<Bool>
    /// Fields in the record, also those past the capacity.
    var count = 0

    init(_ storage: ScanStorage) {
        starts = storage.starts
        ends = storage.ends
        escaped = storage.escaped
    }

    @inline(__always)
    mutating func append(_ start: Int, _ end: Int, _ isEscaped: Bool) {
        if count < ScanStorage.fieldCapacity {
            starts[count] = start
            ends[count] = end
            escaped[count] = isEscaped
        }
        count += 1
    }
}
