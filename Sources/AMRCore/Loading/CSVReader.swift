/// One record of a CSV file: its fields, the line it starts on and the column of each field.
public struct CSVRecord: Sendable, Equatable {
    /// The fields as written, quotes removed and `""` unescaped; spaces around an unquoted field
    /// are kept (the caller trims).
    public var fields: [String]
    /// The 1-based physical line where the record starts.
    public var line: Int
    /// The 1-based column (in Unicode scalars) where each field starts; in a workbook the
    /// column number of each cell (1 = A).
    public var columns: [Int]
    /// Indices of fields that hold a number stored as a number (a workbook's numeric cell), as
    /// plain decimal text with `.` (`20157.18`): no notation to guess. Empty for CSV text.
    public var numeric: Set<Int> = []
    /// The sheet the record comes from, for a workbook; nil for CSV.
    public var sheet: String? = nil

    public init(fields: [String], line: Int, columns: [Int], numeric: Set<Int> = [], sheet: String? = nil) {
        self.fields = fields
        self.line = line
        self.columns = columns
        self.numeric = numeric
        self.sheet = sheet
    }

    /// The location of field `index` (or of the record's start): line and column, or sheet and cell.
    public func location(ofField index: Int? = nil, file: String) -> SourceLocation {
        let column = index.flatMap { columns.indices.contains($0) ? columns[$0] : nil } ?? columns.first ?? 1
        return SourceLocation(file: file, line: line, column: column, sheet: sheet)
    }
}

/// An RFC 4180 CSV reader working on UTF-8 bytes.
///
/// Fields may be quoted, with `""` for a quote inside; separators and line breaks inside quotes
/// belong to the field. CRLF, LF and CR all end a line. Blank lines are skipped. A quote in the
/// middle of an unquoted field is kept as written. Spaces before an opening quote and after a
/// closing quote are dropped (`a, "b,c"` reads as `a` and `b,c`), as people type them.
public enum CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// The separators considered, in the order that wins a tie.
    static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ",")]

    /// The separator of `text`: `;`, tab or `,`.
    ///
    /// On the first 10 non-empty lines, separators inside quotes are ignored. For each candidate
    /// the most common non-zero count per line is found; the candidate whose count is shared by
    /// the most lines wins, then the one with more fields; on a tie `;` beats tab beats `,` (a
    /// Dutch `1,5;2,5` is `;`-separated). With no candidate at all, `,`.
    public static func detectDelimiter(_ text: String) -> UInt8 {
        var lines: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var quoted = false
        var hasContent = false
        for byte in text.utf8 {
            if byte == quote {
                quoted.toggle()
                hasContent = true
                continue
            }
            if !quoted && (byte == lineFeed || byte == carriageReturn) {
                if hasContent {
                    lines.append(counts)
                    if lines.count == 10 { break }
                }
                counts = [Int](repeating: 0, count: candidates.count)
                hasContent = false
                continue
            }
            hasContent = true
            if !quoted, let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        if hasContent && lines.count < 10 { lines.append(counts) }

        var best = UInt8(ascii: ",")
        var bestScore = (agreeingLines: 0, fields: 0)
        for (index, candidate) in candidates.enumerated() {
            var tally: [Int: Int] = [:]
            for line in lines where line[index] > 0 { tally[line[index], default: 0] += 1 }
            guard let mode = tally.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            let score = (agreeingLines: mode.value, fields: mode.key)
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// The records of `text`, split at `delimiter` (an ASCII byte other than a quote or a line
    /// break). An unclosed quote and text between a closing quote and the separator are errors
    /// with the line and column in `file`.
    public static func records(_ text: String, delimiter: UInt8, file: String) throws(LoadError) -> [CSVRecord] {
        let bytes = Array(text.utf8)
        let count = bytes.count
        var records: [CSVRecord] = []
        var fields: [String] = []
        var columns: [Int] = []
        var buffer: [UInt8] = []
        var line = 1
        // Columns are counted lazily from the last position asked for, so each byte is counted once.
        var countedIndex = 0
        var countedColumn = 1

        func startLine(at index: Int) {
            line += 1
            countedIndex = index
            countedColumn = 1
        }
        func column(at index: Int) -> Int {
            var position = countedIndex
            while position < index {
                if bytes[position] & 0xC0 != 0x80 { countedColumn += 1 }
                position += 1
            }
            countedIndex = index
            return countedColumn
        }
        func isPadding(_ byte: UInt8) -> Bool {
            (byte == space || byte == tab) && byte != delimiter
        }
        /// Consumes the line break at `index` (CRLF, LF or CR) and returns the index after it.
        func lineBreak(at index: Int) -> Int {
            let next = bytes[index] == carriageReturn && index + 1 < count && bytes[index + 1] == lineFeed ? index + 2 : index + 1
            startLine(at: next)
            return next
        }

        var index = 0
        while index < count {
            if bytes[index] == lineFeed || bytes[index] == carriageReturn {
                index = lineBreak(at: index)
                continue
            }
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            columns.removeAll(keepingCapacity: true)
            fieldLoop: while true {
                columns.append(column(at: index))
                var start = index
                while start < count && isPadding(bytes[start]) { start += 1 }
                if start < count && bytes[start] == quote {
                    let openingLine = line
                    let openingColumn = column(at: start)
                    buffer.removeAll(keepingCapacity: true)
                    var position = start + 1
                    var segment = position
                    var closed = false
                    while position < count {
                        let byte = bytes[position]
                        if byte == quote {
                            buffer.append(contentsOf: bytes[segment..<position])
                            if position + 1 < count && bytes[position + 1] == quote {
                                buffer.append(quote)
                                position += 2
                                segment = position
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if byte == lineFeed || byte == carriageReturn {
                            let next = lineBreak(at: position)
                            position = next
                            continue
                        }
                        position += 1
                    }
                    guard closed else {
                        throw .csv(SourceLocation(file: file, line: openingLine, column: openingColumn),
                                   "unclosed quote: the field that starts here has no closing \"; close it or remove the quote")
                    }
                    fields.append(String(decoding: buffer, as: UTF8.self))
                    while position < count && isPadding(bytes[position]) { position += 1 }
                    index = position
                    if index >= count { break fieldLoop }
                    if bytes[index] == delimiter {
                        index += 1
                        continue fieldLoop
                    }
                    if bytes[index] == lineFeed || bytes[index] == carriageReturn {
                        index = lineBreak(at: index)
                        break fieldLoop
                    }
                    throw .csv(SourceLocation(file: file, line: line, column: column(at: index)),
                               "text after the closing quote of a quoted field; end the field at the quote, or write \"\" for a quote inside it")
                }
                var end = index
                while end < count {
                    let byte = bytes[end]
                    if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                    end += 1
                }
                fields.append(String(decoding: bytes[index..<end], as: UTF8.self))
                index = end
                if index >= count { break fieldLoop }
                if bytes[index] == delimiter {
                    index += 1
                    continue fieldLoop
                }
                index = lineBreak(at: index)
                break fieldLoop
            }
            records.append(CSVRecord(fields: fields, line: recordLine, columns: columns))
        }
        return records
    }
}
