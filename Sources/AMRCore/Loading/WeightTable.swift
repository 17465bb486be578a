/// One row of a weights table: a party's name, its CBS code if the file has one, and its weight.
public struct WeightRow: Sendable, Equatable {
    /// The name as written, without a StatLine suffix such as ` (gemeente)`.
    public var name: String
    /// The code (`GM0503`) when the file has a code column and the row fills it in.
    public var code: String?
    public var weight: ExactDecimal
    /// The 1-based line of the file the row starts on.
    public var line: Int
}

/// The weights CSV of `amr allocate --total … --weights FILE.csv`: names and weights from a
/// spreadsheet or a CBS StatLine export, as the user downloaded or typed them.
///
/// **Columns.** `,`, `;` or tab is detected. The header is the row that names a name column
/// (`naam`, `name`, `gemeente(n)`, `regio`, `regio's`, `municipality`, or a header containing
/// "gemeente" or "regio" but not "code") and a weight column (`weight`, `gewicht`, `inwoners`,
/// `population`, `aantal`, or a header containing "inwoners" or "bevolking"); exact names beat
/// partial ones, then the leftmost column. An optional code column is headed `code`,
/// `gemeentecode` or `cbs-code`, or else is the column whose first value looks like `GM0503`.
/// When no header names either column, the first row of two or more fields is the header and
/// its first two columns are name and weight, except when its second field is already a number:
/// then the file has no header and every row is data.
///
/// **StatLine exports.** Rows of one field before the header (the title), rows after the header
/// with no name and no number in the weight column (units such as `aantal` or `x 1 000`), and
/// everything from a footer row (`© Centraal Bureau voor de Statistiek …`, `Bron: …`) on are
/// skipped. ` (gemeente)`, ` (PV)`, ` (CR)`, ` (LD)` and ` (COROP)` after a name are dropped.
/// A missing value (`.`, `x`, `-` or empty) is an error, never a silent 0. So is a name over
/// several lines or of more than 200 characters: the sign of a quote left open.
///
/// **Thousands separators.** Spaces (also U+00A0 and U+202F) always group thousands. Each value
/// is read both ways — `,` as decimal comma with `.` grouping, and `.` as decimal point with `,`
/// grouping (groups of three digits) — and a value that reads only one way (`12,5`, `0.5`,
/// `1.234.567`, `1.234,5`) decides the notation for the whole column; values deciding both ways
/// are an error. When nothing decides and a value reads both ways (`101.381`), the separator
/// groups thousands if the column holds counts — its header or units row says `inwoners`,
/// `aantal`, `bevolking`, `population`, `inhabitants`, `stemmen` or `votes` — and the value is
/// refused as ambiguous otherwise.
public struct WeightTable: Sendable, Equatable {
    public var rows: [WeightRow]
    /// The header of the name column as written (`gemeente`, `Regio's`), or `name` without one.
    public var nameHeader: String
    /// The header of the weight column as written (`inwoners`), or `weight` without one.
    public var weightHeader: String

    static let nameHeaders: Set<String> = ["name", "naam", "gemeente", "gemeenten", "gemeentenaam", "regio", "regio's", "regios", "municipality", "partij", "party"]
    static let nameParts = ["gemeente", "regio"]
    static let weightHeaders: Set<String> = ["weight", "gewicht", "inwoners", "population", "aantal", "inhabitants", "stemmen", "votes"]
    static let weightParts = ["inwoners", "bevolking"]
    static let codeHeaders: Set<String> = ["code", "gemeentecode", "cbs-code", "cbscode", "cbs code", "regiocode"]
    /// Words that make a column a count of something, so `101.381` groups thousands.
    static let countWords = ["inwoners", "aantal", "bevolking", "population", "inhabitants", "stemmen", "votes"]
    static let periodHeaders: Set<String> = ["perioden", "periode", "jaar", "year", "period"]
    static let nameSuffixes = [" (gemeente)", " (PV)", " (CR)", " (LD)", " (COROP)"]
    /// Longer names are mistakes (an open quote, a whole file in one field), not names.
    static let maximumNameLength = 200
    /// How far down a header is looked for.
    static let headerSearchRows = 30

    /// Reads a weights CSV from its bytes; `file` is the name used in messages.
    public static func read(bytes: [UInt8], file: String) throws(LoadError) -> WeightTable {
        let text = try TextDecoding.decode(bytes, file: file)
        let delimiter = CSVReader.detectDelimiter(text)
        return try read(records: try CSVReader.records(text, delimiter: delimiter, file: file), file: file, delimiter: delimiter)
    }

    /// Reads a weights table from records: a CSV file's (`delimiter` is its separator, for
    /// messages) or a workbook sheet's (`delimiter` nil; fields in `numeric` are stored numbers).
    public static func read(records raw: [CSVRecord], file: String, delimiter: UInt8? = nil) throws(LoadError) -> WeightTable {
        let records = raw
            .map { CSVRecord(fields: $0.fields.map(trimmed), line: $0.line, columns: $0.columns, numeric: $0.numeric, sheet: $0.sheet) }
            .filter { $0.fields.contains { !$0.isEmpty } }
        guard !records.isEmpty else {
            throw .csv(SourceLocation(file: file, line: 1, column: 1),
                       "no rows with a name and a weight: the file is empty; expected a header such as naam;inwoners and one row per party")
        }
        let layout = try Layout.find(in: records, file: file)
        var dataRecords: [CSVRecord] = []
        for record in records[layout.firstData...] {
            if isFooter(record) { break }
            dataRecords.append(record)
        }
        guard !dataRecords.isEmpty else {
            let after = layout.headerLine.map { " after the header on line \($0)" } ?? ""
            throw .csv((records.first { $0.line == layout.headerLine } ?? records[0]).location(file: file),
                       "no rows with a name and a weight\(after); add one row per party with its name and weight")
        }

        let needed = max(layout.name, layout.weight) + 1
        var cells: [Cell] = []
        for record in dataRecords {
            guard record.fields.count >= needed else {
                let found = record.fields.count == 1 ? "1 field" : "\(record.fields.count) fields"
                throw .csv(record.location(file: file),
                           "this row has \(found), but the name is field \(layout.name + 1) and the weight field \(layout.weight + 1); \(delimiter.map { "check the separators on this line (the file is read as \(describe($0)))" } ?? "fill in the missing cells")")
            }
            let name = cleanName(record.fields[layout.name])
            let nameLocation = record.location(ofField: layout.name, file: file)
            if name.isEmpty {
                throw .csv(nameLocation, "this row has a weight but no name; fill in the \(shown(layout.nameHeader)) or remove the row")
            }
            let lines = name.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            if lines > 1 {
                throw .csv(nameLocation, "the name that starts here runs over \(lines) lines, so a quote is probably left open; close it right after the name")
            }
            let length = name.unicodeScalars.count
            if length > maximumNameLength {
                throw .csv(nameLocation, "the name that starts here is \(length) characters long; a name has at most \(maximumNameLength) (is a quote left open, or the wrong separator detected?)")
            }
            cells.append(Cell(name: name, text: record.fields[layout.weight],
                              location: record.location(ofField: layout.weight, file: file),
                              numeric: record.numeric.contains(layout.weight)))
        }
        let weights = try readWeights(cells, header: layout.weightHeader, counts: layout.counts)

        var rows: [WeightRow] = []
        var lineOfName: [String: Int] = [:]
        var lineOfCode: [String: Int] = [:]
        for (index, record) in dataRecords.enumerated() {
            let name = cells[index].name
            let key = name.lowercased()
            if let earlier = lineOfName[key] {
                throw .csv(record.location(ofField: layout.name, file: file),
                           "'\(shown(name))' appears twice, on line \(earlier) and line \(record.line); give each party one row")
            }
            lineOfName[key] = record.line
            var code: String?
            if let column = layout.code, column < record.fields.count, !record.fields[column].isEmpty {
                let text = record.fields[column]
                if let earlier = lineOfCode[text.uppercased()] {
                    throw .csv(record.location(ofField: column, file: file),
                               "code '\(shown(text))' appears twice, on line \(earlier) and line \(record.line); give each municipality one row")
                }
                lineOfCode[text.uppercased()] = record.line
                code = text
            }
            rows.append(WeightRow(name: name, code: code, weight: weights[index], line: record.line))
        }
        return WeightTable(rows: rows, nameHeader: layout.nameHeader, weightHeader: layout.weightHeader)
    }

    // MARK: - Layout

    /// Where the columns are and where the data starts.
    struct Layout {
        var name: Int
        var weight: Int
        var code: Int?
        var nameHeader: String
        var weightHeader: String
        var headerLine: Int?
        var firstData: Int
        /// The header or units row says the weights are counts.
        var counts: Bool

        /// A header cell that names a column; rank 0 is an exact name, 1 a partial one.
        struct Match {
            var row: Int
            var column: Int
            var rank: Int
        }

        static func find(in records: [CSVRecord], file: String) throws(LoadError) -> Layout {
            // Headers are looked for above the first row that looks like data.
            var searchEnd = 0
            while searchEnd < min(records.count, headerSearchRows) && !looksLikeData(records[searchEnd]) { searchEnd += 1 }
            var headerRow: Int?
            var name: Match?, weight: Match?
            var bestPair: (rank: Int, row: Int)?
            var anyName: Match?, anyWeight: Match?
            for row in 0..<searchEnd where records[row].fields.count >= 2 {
                let headers = records[row].fields
                let names = headers.indices.compactMap { c in nameRank(headers[c]).map { Match(row: row, column: c, rank: $0) } }
                let weights = headers.indices.compactMap { c in weightRank(headers[c]).map { Match(row: row, column: c, rank: $0) } }
                let rowName = names.min { ($0.rank, $0.column) < ($1.rank, $1.column) }
                let rowWeight = weights.filter { $0.column != rowName?.column }.min { ($0.rank, $0.column) < ($1.rank, $1.column) }
                if let n = rowName, n.rank < anyName?.rank ?? 2 { anyName = n }
                if let w = weights.min(by: { ($0.rank, $0.column) < ($1.rank, $1.column) }), w.rank < anyWeight?.rank ?? 2 { anyWeight = w }
                // A row naming both columns is the header; on a tie the later row (titles come first).
                if let n = rowName, let w = rowWeight, n.rank + w.rank <= bestPair?.rank ?? 4 {
                    bestPair = (n.rank + w.rank, row)
                    name = n
                    weight = w
                    headerRow = row
                }
            }
            if headerRow == nil, anyName != nil || anyWeight != nil {
                name = anyName
                weight = anyWeight
                if let n = name, let w = weight, n.column == w.column { weight = nil }
                headerRow = max(name?.row ?? 0, weight?.row ?? 0)
            }
            guard let header = headerRow else { return try withoutKnownHeaders(records, file: file) }

            let headerFields = records[header].fields
            let codeColumn = headerFields.indices.first { c in
                c != name?.column && c != weight?.column && isCodeHeader(headerFields[c])
            }
            let nameColumn = name?.column ?? headerFields.indices.first { $0 != weight?.column && $0 != codeColumn } ?? 0
            let weightColumn = weight?.column ?? headerFields.indices.first { c in
                c != nameColumn && c != codeColumn && !periodHeaders.contains(normalized(headerFields[c]))
            } ?? nameColumn + 1

            // Units rows after the header have no name and no number where the weight goes.
            var firstData = header + 1
            var unitTexts: [String] = []
            while firstData < records.count {
                let fields = records[firstData].fields
                let nameText = nameColumn < fields.count ? fields[nameColumn] : ""
                let weightText = weightColumn < fields.count ? fields[weightColumn] : ""
                guard nameText.isEmpty, !isNumberLike(weightText) else { break }
                unitTexts.append(weightText)
                firstData += 1
            }
            var code = codeColumn
            if code == nil, firstData < records.count {
                let fields = records[firstData].fields
                code = fields.indices.first { c in c != nameColumn && c != weightColumn && MunicipalityCode(fields[c]) != nil }
            }
            // The weight's header text: the most specific one above the units ("Bevolking op 1
            // januari" rather than "aantal").
            let weightTexts = (0...header).compactMap { row in
                weightColumn < records[row].fields.count && records[row].fields.count >= 2 ? records[row].fields[weightColumn] : nil
            }.filter { !$0.isEmpty }
            let weightHeader = weightTexts.last { weightRank($0) != nil && !isUnitWord($0) }
                ?? (weightColumn < headerFields.count && !headerFields[weightColumn].isEmpty ? headerFields[weightColumn] : "weight")
            let nameText = name.map { records[$0.row].fields[$0.column] } ?? (nameColumn < headerFields.count ? headerFields[nameColumn] : "")
            let nameHeader = nameText.isEmpty ? "name" : nameText
            let counts = (weightTexts + unitTexts).contains { text in
                let lowered = text.lowercased()
                return countWords.contains { lowered.contains($0) }
            }
            return Layout(name: nameColumn, weight: weightColumn, code: code, nameHeader: nameHeader, weightHeader: weightHeader,
                          headerLine: records[header].line, firstData: firstData, counts: counts)
        }

        /// No header names a column: the first two columns of the first row with two or more
        /// fields, which is the header unless its second field is a number.
        static func withoutKnownHeaders(_ records: [CSVRecord], file: String) throws(LoadError) -> Layout {
            guard let first = records.firstIndex(where: { $0.fields.count >= 2 }) else {
                throw .csv(records[0].location(file: file),
                           "no row has two fields; expected a name and a weight on each row, separated by ',', ';' or a tab")
            }
            let fields = records[first].fields
            let hasHeader = !isNumberLike(fields[1])
            let firstData = hasHeader ? first + 1 : first
            let code = firstData < records.count
                ? records[firstData].fields.indices.first { $0 > 1 && MunicipalityCode(records[firstData].fields[$0]) != nil }
                : nil
            return Layout(name: 0, weight: 1, code: code,
                          nameHeader: hasHeader && !fields[0].isEmpty ? fields[0] : "name",
                          weightHeader: hasHeader && !fields[1].isEmpty ? fields[1] : "weight",
                          headerLine: hasHeader ? records[first].line : nil, firstData: firstData, counts: false)
        }

        static func normalized(_ text: String) -> String { text.lowercased() }

        /// The part of a header that names the column: after the last `/` and without a unit in
        /// parentheses, so `Codes en namen van gemeenten/Naam (naam)` is `naam`.
        static func core(_ header: String) -> String {
            var text = Substring(header)
            if let slash = text.lastIndex(of: "/") { text = text[text.index(after: slash)...] }
            if text.hasSuffix(")"), let open = text.lastIndex(of: "(") { text = text[..<open] }
            return trimmed(String(text)).lowercased()
        }

        static func nameRank(_ header: String) -> Int? {
            let full = normalized(header), core = core(header)
            if nameHeaders.contains(full) || nameHeaders.contains(core) { return 0 }
            if core.contains("code") { return nil }
            return nameParts.contains { full.contains($0) } ? 1 : nil
        }

        static func weightRank(_ header: String) -> Int? {
            let full = normalized(header), core = core(header)
            if weightHeaders.contains(full) || weightHeaders.contains(core) { return 0 }
            return weightParts.contains { full.contains($0) } ? 1 : nil
        }

        static func isCodeHeader(_ header: String) -> Bool {
            codeHeaders.contains(normalized(header)) || codeHeaders.contains(core(header))
        }

        static func isUnitWord(_ text: String) -> Bool {
            ["aantal", "x 1 000", "x 1000", "%"].contains(text.lowercased())
        }

        /// Two or more fields, a number after the first, and no field that is a known header.
        static func looksLikeData(_ record: CSVRecord) -> Bool {
            guard record.fields.count >= 2, record.fields.dropFirst().contains(where: isNumberLike) else { return false }
            return !record.fields.contains { nameRank($0) == 0 || weightRank($0) == 0 || isCodeHeader($0) }
        }
    }

    /// A StatLine closing line: `© Centraal Bureau voor de Statistiek …`, `Bron: CBS`.
    static func isFooter(_ record: CSVRecord) -> Bool {
        guard record.fields.filter({ !$0.isEmpty }).count == 1, let first = record.fields.first else { return false }
        let lowered = first.lowercased()
        return ["©", "(c)", "bron", "source", "centraal bureau voor de statistiek"].contains { lowered.hasPrefix($0) }
    }

    /// `Delft (gemeente)` → `Delft`.
    static func cleanName(_ name: String) -> String {
        for suffix in nameSuffixes where name.hasSuffix(suffix) {
            return trimmed(String(name.dropLast(suffix.count)))
        }
        return name
    }

    /// Digits with optional sign, `.`, `,` and spaces: how a number looks before it is read.
    static func isNumberLike(_ text: String) -> Bool {
        var sawDigit = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": sawDigit = true
            case "-", "+", "\u{2212}": if offset != 0 { return false }
            case ".", ",", " ", "\u{A0}", "\u{202F}": if !sawDigit { return false }
            default: return false
            }
        }
        return sawDigit
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// A value as a message shows it: on one line (`\n` escaped) and at most 40 characters.
    static func shown(_ text: String) -> String {
        var result = ""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset == 40 { return result + "…" }
            result += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: false) : String(scalar)
        }
        return result
    }

    static func describe(_ delimiter: UInt8) -> String {
        delimiter == UInt8(ascii: "\t") ? "tab-separated" : "'\(Character(Unicode.Scalar(delimiter)))'-separated"
    }

    // MARK: - Weights

    /// One weight as written, with the name of its row and where it is.
    struct Cell {
        var name: String
        var text: String
        var location: SourceLocation
        /// A workbook's numeric cell: plain decimal text with `.`, no notation to guess.
        var numeric = false
    }

    /// A weight's digits in one notation: `integer` digits and optional `fraction` digits.
    struct Reading: Equatable {
        var integer: [UInt8]
        var fraction: [UInt8]?
    }

    /// A weight read both ways: with `.` as decimal point and with `,` as decimal comma.
    struct Readings {
        var negative: Bool
        var point: Reading?
        var comma: Reading?
        /// A stored number (`point` only): it neither decides nor needs the column's notation.
        var exact = false

        /// The decimal mark this value proves, when it reads only one way.
        var decidedMark: UInt8? {
            switch (exact ? nil : point, comma) {
            case (.some, nil): UInt8(ascii: ".")
            case (nil, .some): UInt8(ascii: ",")
            default: nil
            }
        }

        /// Reads two ways with different results (`101.381`).
        var isAmbiguous: Bool {
            guard let point, let comma else { return false }
            return point != comma
        }
    }

    static func readWeights(_ cells: [Cell], header: String, counts: Bool) throws(LoadError) -> [ExactDecimal] {
        var readings: [Readings] = []
        for cell in cells {
            let text = cell.text
            switch text {
            case "", ".", "x", "X", "-", "\u{2212}":
                let why = switch text {
                case ".": " ('.' in a CBS export means no data)"
                case "x", "X": " ('x' in a CBS export means the figure is confidential)"
                case "-", "\u{2212}": " ('-' in a CBS export means nil; write 0 if that is meant)"
                default: ""
                }
                throw .csv(cell.location, "weight for '\(shown(cell.name))' is missing\(why); remove the row or fill in the value")
            default:
                break
            }
            guard let reading = cell.numeric ? readStored(text) : read(text) else {
                throw .csv(cell.location, "weight '\(shown(text))' in column \"\(shown(header))\" is not a number; expected a whole or decimal number like 101381 or 12,5")
            }
            if reading.negative, let some = reading.point ?? reading.comma, !isZero(some) {
                throw .csv(cell.location, "weight '\(text)' is negative; weights must be 0 or more")
            }
            readings.append(reading)
        }

        // The column's decimal mark: from the values that read only one way.
        var decided: (mark: UInt8, index: Int)?
        for (index, reading) in readings.enumerated() {
            guard let mark = reading.decidedMark else { continue }
            guard let earlier = decided else {
                decided = (mark, index)
                continue
            }
            if earlier.mark != mark {
                let before = cells[earlier.index]
                throw .csv(cells[index].location,
                           "weight '\(cells[index].text)' \(role(of: mark, in: cells[index].text)), but '\(before.text)' on line \(before.location.line) \(role(of: earlier.mark, in: before.text)); write all weights in the column the same way")
            }
        }
        if decided == nil, !counts, let index = readings.firstIndex(where: \.isAmbiguous) {
            throw ambiguity(cells[index], readings[index])
        }

        var weights: [ExactDecimal] = []
        for (index, reading) in readings.enumerated() {
            let chosen: Reading?
            // A stored number has only its '.' reading, which the default case takes.
            switch reading.exact ? nil : decided?.mark {
            case UInt8(ascii: "."): chosen = reading.point
            case UInt8(ascii: ","): chosen = reading.comma
            default:
                // Nothing decides: a value that reads both ways is a count with grouped thousands.
                chosen = reading.isAmbiguous ? [reading.point, reading.comma].compactMap { $0 }.first { $0.fraction == nil } : (reading.point ?? reading.comma)
            }
            let cell = cells[index]
            guard let chosen else {
                throw .csv(cell.location, "weight '\(shown(cell.text))' in column \"\(shown(header))\" is not a number; expected a whole or decimal number like 101381 or 12,5")
            }
            var literal = (reading.negative ? "-" : "") + String(decoding: chosen.integer, as: UTF8.self)
            if let fraction = chosen.fraction { literal += "." + String(decoding: fraction, as: UTF8.self) }
            switch ExactDecimal.parse(literal) {
            case .success(let value):
                weights.append(value)
            case .failure(.tooManyDecimals(_, let limit)):
                throw .csv(cell.location, "weight '\(cell.text)' has more than \(limit) decimals; round it to \(limit) or fewer")
            case .failure:
                throw .csv(cell.location, "weight '\(cell.text)' is too large; weights may have at most 18 digits")
            }
        }
        return weights
    }

    /// The error for a value such as `1.500` that reads as 1500 or as 1.5.
    static func ambiguity(_ cell: Cell, _ reading: Readings) -> LoadError {
        let mark: Character = cell.text.contains(",") ? "," : "."
        let (decimal, whole) = mark == "." ? (reading.point, reading.comma) : (reading.comma, reading.point)
        var fraction = decimal?.fraction ?? []
        while fraction.count > 1 && fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        let asDecimal = String(decoding: decimal?.integer ?? [], as: UTF8.self) + String(mark) + String(decoding: fraction, as: UTF8.self)
        let asWhole = String(decoding: whole?.integer ?? [], as: UTF8.self)
        let sign = reading.negative ? "-" : ""
        let kind = mark == "." ? "decimal point" : "decimal comma"
        let other: Character = mark == "." ? "," : "."
        return .csv(cell.location,
                    "weight '\(cell.text)' is ambiguous: '\(mark)' may be a \(kind) or a thousands separator; write \(sign)\(asWhole) or \(sign)\(asDecimal) (or use '\(other)' for decimals; a header such as 'inwoners' or 'aantal' marks whole counts)")
    }

    /// `has '.' as decimal point` or `has '.' as thousands separator`, for a message.
    static func role(of decimalMark: UInt8, in text: String) -> String {
        let mark = Character(Unicode.Scalar(decimalMark))
        if text.contains(mark) { return "has '\(mark)' as decimal \(mark == "." ? "point" : "comma")" }
        return "has '\(mark == "." ? "," : ".")' as thousands separator"
    }

    static func isZero(_ reading: Reading) -> Bool {
        (reading.integer + (reading.fraction ?? [])).allSatisfy { $0 == UInt8(ascii: "0") }
    }

    /// Reads a workbook's stored number (`-12.5`: sign, digits, optional `.` and digits).
    static func readStored(_ text: String) -> Readings? {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard let integer = parts.first, !integer.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return nil }
        return Readings(negative: negative, point: Reading(integer: Array(integer), fraction: parts.count == 2 ? Array(parts[1]) : nil), comma: nil, exact: true)
    }

    /// Reads a trimmed weight both ways, or nil when it is a number in neither notation.
    static func read(_ text: String) -> Readings? {
        var bytes: [UInt8] = []
        var negative = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "-", "\u{2212}", "+":
                guard offset == 0 else { return nil }
                negative = scalar != "+"
            case "\u{A0}", "\u{202F}", "\u{2009}":
                bytes.append(UInt8(ascii: " "))
            default:
                guard scalar.isASCII else { return nil }
                bytes.append(UInt8(scalar.value))
            }
        }
        let point = reading(bytes, decimalMark: UInt8(ascii: "."))
        let comma = reading(bytes, decimalMark: UInt8(ascii: ","))
        if point == nil && comma == nil { return nil }
        return Readings(negative: negative, point: point, comma: comma)
    }

    /// The digits of `bytes` with `decimalMark` as the decimal separator and the other mark and
    /// spaces grouping thousands (first group 1–3 digits not starting with 0, then groups of 3).
    static func reading(_ bytes: [UInt8], decimalMark: UInt8) -> Reading? {
        let grouping: UInt8 = decimalMark == UInt8(ascii: ".") ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let space = UInt8(ascii: " ")
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let marks = bytes.indices.filter { bytes[$0] == decimalMark }
        guard marks.count <= 1 else { return nil }
        let integerPart = bytes[..<(marks.first ?? bytes.endIndex)]
        var fraction: [UInt8]?
        if let mark = marks.first {
            let digits = bytes[(mark + 1)...]
            guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
            fraction = Array(digits)
        }
        guard !integerPart.isEmpty else { return nil }
        if integerPart.allSatisfy(isDigit) { return Reading(integer: Array(integerPart), fraction: fraction) }
        let groups = integerPart.split(omittingEmptySubsequences: false) { $0 == grouping || $0 == space }
        guard let first = groups.first, (1...3).contains(first.count), first.first != UInt8(ascii: "0"),
              groups.allSatisfy({ $0.allSatisfy(isDigit) }), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return Reading(integer: Array(groups.joined()), fraction: fraction)
    }
}
