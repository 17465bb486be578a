/// One row of a weights table: a name (and CBS code, if the file has one) and its weight.
public struct WeightRow: Sendable, Equatable {
    public var name: String
    public var code: String?
    public var weight: ExactDecimal
    /// The line of the file the row is on.
    public var line: Int
}

/// The weights CSV of `amr allocate --total … --weights FILE.csv`: names and weights from a
/// spreadsheet export or a CBS StatLine download.
///
/// Columns are found by header: the name column is headed `naam`, `gemeente`, `regio`, `name`,
/// … and the weight column `inwoners`, `gewicht`, `weight`, `population`, `aantal`, or a header
/// that mentions inhabitants (`Bevolking op 1 januari`); otherwise they are the first two
/// columns. Rows before the header (a StatLine title), unit rows after it (`aantal`) and a
/// closing `©`/`Bron` line are skipped; ` (gemeente)` after a name is dropped.
///
/// Thousands separators are resolved per column. A value with both `.` and `,`, a separator that
/// occurs twice (`1.234.567`), or one followed by other than three digits (`12,5`) shows which is
/// the decimal mark, and that holds for the whole column. When every value is like `101.381`
/// and nothing shows it, the separator is taken as thousands when the header names a count
/// (inwoners, aantal, bevolking, population); otherwise the value is ambiguous and refused.
public struct WeightTable: Sendable, Equatable {
    public var rows: [WeightRow]
    public var nameHeader: String
    public var weightHeader: String

    static let nameHeaders = ["naam", "name", "gemeente", "gemeenten", "gemeentenaam", "regio", "regio's", "regios", "municipality", "partij", "party"]
    static let weightHeaders = ["weight", "gewicht", "inwoners", "aantal inwoners", "population", "aantal", "bevolking", "inhabitants", "stemmen", "votes"]
    static let countWords = ["inwoners", "aantal", "bevolking", "population", "inhabitants", "stemmen", "votes"]
    static let codeHeaders = ["code", "gemeentecode", "cbs-code", "cbscode", "regiocode"]

    public static func read(bytes: [UInt8], file: String) throws(LoadError) -> WeightTable {
        let text = try TextDecoding.decode(bytes, file: file)
        let records = try CSVReader.records(text, delimiter: CSVReader.detectDelimiter(text), file: file)
            .map { CSVRecord(fields: $0.fields.map { $0.trimmingWhitespace }, line: $0.line, columns: $0.columns) }
            .filter { $0.fields.contains { !$0.isEmpty } }
        guard !records.isEmpty else {
            throw .csv(SourceLocation(file: file, line: 1, column: 1), "the file is empty; expected a header row and rows with a name and a weight")
        }
        let layout = try findLayout(records, file: file)
        var dataRecords = Array(records[layout.firstData...])
        while let last = dataRecords.last, isFooter(last) { dataRecords.removeLast() }
        guard !dataRecords.isEmpty else {
            throw .csv(SourceLocation(file: file, line: records[layout.firstData - 1].line, column: 1),
                       "no rows with a name and a weight after the header")
        }
        let needed = max(layout.name, layout.weight, layout.code ?? 0) + 1
        var raw: [(record: CSVRecord, name: String, value: String)] = []
        for record in dataRecords {
            guard record.fields.count >= needed else {
                throw .csv(SourceLocation(file: file, line: record.line, column: 1),
                           "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s") but the header needs \(needed) (name in column \(layout.name + 1), weight in column \(layout.weight + 1)); check the separators on this line")
            }
            raw.append((record, cleanName(record.fields[layout.name]), record.fields[layout.weight]))
        }
        let values = try NumberColumn.parse(raw.map { (value: $0.value, line: $0.record.line, column: $0.record.columns[layout.weight], name: $0.name) },
                                            header: layout.weightHeader, file: file)
        var rows: [WeightRow] = []
        var seenNames: [String: Int] = [:]
        var seenCodes: [String: Int] = [:]
        for (index, entry) in raw.enumerated() {
            let record = entry.record
            let location = SourceLocation(file: file, line: record.line, column: record.columns[layout.name])
            guard !entry.name.isEmpty else { throw .csv(location, "this row has a weight but no name; fill in the name or remove the row") }
            if let earlier = seenNames[entry.name.lowercased()] {
                throw .csv(location, "'\(entry.name)' appears twice (also on line \(earlier)); give each party one row")
            }
            seenNames[entry.name.lowercased()] = record.line
            var code: String?
            if let column = layout.code {
                let text = record.fields[column]
                if !text.isEmpty {
                    if let earlier = seenCodes[text] {
                        throw .csv(SourceLocation(file: file, line: record.line, column: record.columns[column]),
                                   "code \(text) appears twice (also on line \(earlier)); give each municipality one row")
                    }
                    seenCodes[text] = record.line
                    code = text
                }
            }
            rows.append(WeightRow(name: entry.name, code: code, weight: values[index], line: record.line))
        }
        return WeightTable(rows: rows, nameHeader: layout.nameHeader, weightHeader: layout.weightHeader)
    }

    struct Layout {
        var name: Int
        var weight: Int
        var code: Int?
        var nameHeader: String
        var weightHeader: String
        var firstData: Int
    }

    /// Finds the header row (by known names, else the first row of two or more fields) and the
    /// first data row after it.
    static func findLayout(_ records: [CSVRecord], file: String) throws(LoadError) -> Layout {
        var nameColumn: Int?, weightColumn: Int?, codeColumn: Int?
        var nameHeader = "name", weightHeader = "weight"
        var headerIndex: Int?
        for (index, record) in records.prefix(30).enumerated() {
            let lowered = record.fields.map { $0.lowercased() }
            if nameColumn == nil || headerIndex == nil, let n = lowered.firstIndex(where: { nameHeaders.contains($0) }) {
                nameColumn = n
                nameHeader = record.fields[n]
                headerIndex = index
            }
            if let w = lowered.indices.first(where: { i in i != nameColumn && (weightHeaders.contains(lowered[i]) || countWords.contains { lowered[i].contains($0) }) }) {
                weightColumn = w
                weightHeader = record.fields[w]
                headerIndex = max(headerIndex ?? index, index)
            }
            if codeColumn == nil, let c = lowered.firstIndex(where: { codeHeaders.contains($0) }) { codeColumn = c }
            if nameColumn != nil && weightColumn != nil { break }
        }
        var header: Int
        if let found = headerIndex, let n = nameColumn ?? (weightColumn == 0 ? nil : 0) {
            header = found
            nameColumn = n
            weightColumn = weightColumn ?? (n == 0 ? 1 : 0)
            if nameHeader == "name", records[found].fields.indices.contains(n) { nameHeader = records[found].fields[n] }
        } else {
            // No known header: the first row of two or more fields is the header, unless its
            // second field is already a number.
            guard let first = records.firstIndex(where: { $0.fields.count >= 2 }) else {
                throw .csv(SourceLocation(file: file, line: records[0].line, column: 1),
                           "no row with two columns; expected a header row and rows with a name and a weight, separated by ',', ';' or tab")
            }
            nameColumn = 0
            weightColumn = 1
            let fields = records[first].fields
            if case .success = ExactDecimal.parse(NumberColumn.stripped(fields[1])) {
                header = first - 1
            } else {
                header = first
                nameHeader = fields[0].isEmpty ? "name" : fields[0]
                weightHeader = fields[1].isEmpty ? "weight" : fields[1]
            }
        }
        let name = nameColumn ?? 0, weight = weightColumn ?? 1
        // Skip unit rows after the header (StatLine's "";"";"aantal"): no name, and a weight
        // field that is a unit, not a number.
        var firstData = header + 1
        while firstData < records.count {
            let fields = records[firstData].fields
            let value = fields.indices.contains(weight) ? fields[weight] : ""
            let nameless = !fields.indices.contains(name) || fields[name].isEmpty
            let isUnitRow = nameless && !value.isEmpty && !value.contains(where: \.isNumber) && value != "." && value != "-"
            if !isUnitRow { break }
            firstData += 1
        }
        if codeColumn == nil, firstData < records.count {
            codeColumn = records[firstData].fields.firstIndex { MunicipalityCode($0) != nil }
        }
        if let code = codeColumn, code == name || code == weight { codeColumn = nil }
        return Layout(name: name, weight: weight, code: codeColumn, nameHeader: nameHeader, weightHeader: weightHeader,
                      firstData: max(firstData, 0))
    }

    /// A closing line of a StatLine export: `© Centraal Bureau voor de Statistiek …`, `Bron: …`.
    static func isFooter(_ record: CSVRecord) -> Bool {
        let first = record.fields.first ?? ""
        let nonEmpty = record.fields.filter { !$0.isEmpty }.count
        return first.hasPrefix("©") || first.lowercased().hasPrefix("bron") || first.lowercased().hasPrefix("source")
            || first.lowercased().hasPrefix("(c)") || (nonEmpty == 1 && first.lowercased().hasPrefix("centraal bureau"))
    }

    /// `Delft (gemeente)` → `Delft`: StatLine's kind suffixes.
    static func cleanName(_ name: String) -> String {
        for suffix in [" (gemeente)", " (PV)", " (CR)", " (LD)", " (COROP)"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
