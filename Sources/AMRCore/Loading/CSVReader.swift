/// One record of a CSV file with the line it starts on and the column of each field.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based line where the record starts.
    public var line: Int
    /// 1-based column (in characters) where each field starts.
    public var columns: [Int]
}

/// An RFC 4180 CSV reader: quoted fields with `""` escapes, separators and line breaks inside
/// quotes, CRLF, LF or CR line ends. Blank lines are skipped. Every malformed spot is an error
/// with its line and column.
public enum CSVReader {
    static let candidates: [Unicode.Scalar] = [";", "\t", ","]

    /// The separator of `text`: whichever of `;`, tab and `,` occurs outside quotes on the most of
    /// its first lines (then: most often); `;` before tab before `,` on a tie.
    public static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        var lines: [[Unicode.Scalar: Int]] = []
        var counts: [Unicode.Scalar: Int] = [:]
        var quoted = false
        var any = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle(); any = true; continue }
            if !quoted && (scalar == "\n" || scalar == "\r") {
                if any { lines.append(counts) }
                counts = [:]
                any = false
                if lines.count >= 20 { break }
                continue
            }
            any = true
            if !quoted && candidates.contains(scalar) { counts[scalar, default: 0] += 1 }
        }
        if any { lines.append(counts) }
        var best: Unicode.Scalar = ","
        var bestScore = (0, 0)
        for candidate in candidates {
            let score = (lines.filter { ($0[candidate] ?? 0) > 0 }.count, lines.reduce(0) { $0 + ($1[candidate] ?? 0) })
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    public static func records(_ text: String, delimiter: Unicode.Scalar, file: String) throws(LoadError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var columns: [Int] = []
        var field = String.UnicodeScalarView()
        var line = 1, column = 1
        var recordLine = 1
        var fieldColumn = 1
        var inQuotes = false
        var quotedField = false
        var afterClosingQuote = false
        var quoteStart = (line: 1, column: 1)
        var previousWasCR = false

        func endField() {
            fields.append(String(field))
            columns.append(fieldColumn)
            field = String.UnicodeScalarView()
            quotedField = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !quotedFieldSeen) {
                records.append(CSVRecord(fields: fields, line: recordLine, columns: columns))
            }
            fields = []
            columns = []
            quotedFieldSeen = false
        }
        var quotedFieldSeen = false

        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if previousWasCR && scalar == "\n" && !inQuotes {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.count && scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterClosingQuote = true
                    column += 1
                    continue
                }
                field.append(scalar)
                if scalar == "\n" || (scalar == "\r" && !(index < scalars.count && scalars[index] == "\n")) {
                    line += 1
                    column = 1
                } else if scalar != "\r" {
                    column += 1
                }
                continue
            }
            if scalar == delimiter {
                endField()
                column += 1
                fieldColumn = column
                continue
            }
            if scalar == "\n" || scalar == "\r" {
                endRecord()
                previousWasCR = scalar == "\r"
                line += 1
                column = 1
                recordLine = line
                fieldColumn = 1
                continue
            }
            if afterClosingQuote {
                if scalar == " " || scalar == "\t" { column += 1; continue }
                throw .csv(SourceLocation(file: file, line: line, column: column),
                           "unexpected text after a closing quote; a quoted field must end at the separator (write \"\" for a quote inside quotes)")
            }
            if scalar == "\"" && field.allSatisfy({ $0 == " " }) && !quotedField {
                inQuotes = true
                quotedField = true
                quotedFieldSeen = true
                field = String.UnicodeScalarView()
                quoteStart = (line, column)
                column += 1
                continue
            }
            field.append(scalar)
            column += 1
        }
        if inQuotes {
            throw .csv(SourceLocation(file: file, line: quoteStart.line, column: quoteStart.column),
                       "unclosed quote: the field that starts here has no closing \"; close it or remove the quote")
        }
        if !field.isEmpty || !fields.isEmpty || quotedField {
            endRecord()
        }
        return records
    }
}
