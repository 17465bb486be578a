/// The table's layout: which row is the header, which columns hold names, weights and codes,
/// and where the data starts.
extension WeightTable {
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
        /// How many fields a row may fill: the header's (or, without one, the first row's).
        var width: Int
        /// The line that sets `width`.
        var widthLine: Int
        /// Columns beside the weights that state shares, found by their header.
        var shareColumns: [ShareColumnSpec] = []

        /// A share column's place and what its header says.
        struct ShareColumnSpec {
            var index: Int
            var header: String
            var kind: ShareHeader
        }

        /// Where the header cell of `column` is.
        func headerLocation(of column: Int, in records: [CSVRecord], file: String) -> SourceLocation {
            records.first { $0.line == headerLine }?.location(ofField: column, file: file) ?? SourceLocation(file: file, line: 1, column: 1)
        }

        /// A header cell that names a column; rank 0 is an exact name, 1 a partial one.
        struct Match {
            var row: Int
            var column: Int
            var rank: Int
        }

        static func find(in records: [CSVRecord], file: String, columns: WeightColumns? = nil) throws(LoadError) -> Layout {
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
            // Two columns headed alike (`Inw. 1-1-2023`, `Inw. 1-1-2024`): amr does not pick one.
            if columns?.weight == nil, let row = headerRow, let w = weight {
                let fields = records[row].fields
                // Alike: the same words, other digits (years, dates); `Totale bevolking` and
                // `Bevolkingsdichtheid` are different measures, and the first is taken.
                func words(_ text: String) -> String { String(text.lowercased().filter(\.isLetter)) }
                let alike = fields.indices.filter { c in
                    c != name?.column && weightRank(fields[c]) == w.rank && words(fields[c]) == words(fields[w.column])
                }
                if alike.count > 1 {
                    let listed = alike.map { "\(columnLetter($0)) '\(shown(fields[$0]))'" }.joined(separator: ", ")
                    throw .csv(records[row].location(ofField: alike[1], file: file),
                               "\(alike.count) columns could be the weights: \(listed); say which with --weight-column, e.g. --weight-column \(columnLetter(alike.last ?? alike[0]))")
                }
            }
            if let columns, columns.name != nil || columns.weight != nil {
                try choose(columns, records: records, searchEnd: max(searchEnd, 1), file: file, headerRow: &headerRow, name: &name, weight: &weight)
            }
            guard let header = headerRow else {
                var layout = try withoutKnownHeaders(records, file: file)
                // Column letters in a file without headers.
                if let index = name?.column { layout.name = index }
                if let index = weight?.column { layout.weight = index }
                if layout.name == layout.weight { layout.weight = layout.name == 0 ? 1 : 0 }
                return layout
            }

            let headerFields = records[header].fields
            let codeColumn = headerFields.indices.first { c in
                c != name?.column && c != weight?.column && isCodeHeader(headerFields[c])
            }
            let nameColumn = name?.column ?? headerFields.indices.first { $0 != weight?.column && $0 != codeColumn } ?? 0
            let unnamed = headerFields.indices.filter { c in
                c != nameColumn && c != codeColumn && !periodHeaders.contains(normalized(headerFields[c])) && !headerFields[c].isEmpty
            }
            // Without a weight heading, one column of numbers is the weight; of two or more
            // (`2023`, `2024`) amr does not pick one.
            // A column of text (`Provincie`) is no weight column: of the unnamed columns, those
            // holding numbers.
            let numeric = unnamed.filter { firstDataIsNumeric([$0], records: records, after: header) }
            if weight == nil, numeric.count > 1 {
                let names = numeric.map { "'\(shown(headerFields[$0]))'" }.joined(separator: ", ")
                throw .csv(records[header].location(ofField: numeric[0], file: file),
                           "no column is headed as the weights (inwoners, gewicht, …) and \(numeric.count) could be: \(names); say which with --weight-column, e.g. --weight-column '\(shown(headerFields[numeric[0]]))' (or a letter such as \(columnLetter(numeric[0])))")
            }
            let weightColumn = weight?.column ?? numeric.first ?? unnamed.first ?? headerFields.indices.first { c in
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
            // Share columns only beside a weight column that its header names: without one, a
            // column headed `aandeel` is the weight itself.
            let shareColumns = weight == nil ? [] : headerFields.indices.compactMap { c -> ShareColumnSpec? in
                guard c != nameColumn, c != weightColumn, c != code, let kind = shareHeader(headerFields[c]) else { return nil }
                return ShareColumnSpec(index: c, header: headerFields[c], kind: kind)
            }
            let width = records[header..<firstData].map { filledWidth($0.fields) }.max() ?? headerFields.count
            return Layout(name: nameColumn, weight: weightColumn, code: code, nameHeader: nameHeader, weightHeader: weightHeader,
                          headerLine: records[header].line, firstData: firstData, counts: counts,
                          width: width, widthLine: records[header].line, shareColumns: shareColumns)
        }

        /// Applies `--name-column`/`--weight-column`: the header row is the one holding the
        /// headers given as text; a column the user did not name is found in that row as usual.
        static func choose(_ columns: WeightColumns, records: [CSVRecord], searchEnd: Int, file: String,
                           headerRow: inout Int?, name: inout Match?, weight: inout Match?) throws(LoadError) {
            let wanted = [columns.name, columns.weight].compactMap { $0 }
            guard let found = WeightColumns.headerRow(for: wanted, in: records, limit: headerSearchRows) else {
                let row = headerRow ?? 0
                let missing = wanted.first { text in !records[row].fields.contains { WeightColumns.key($0) == WeightColumns.key(text) } } ?? wanted[0]
                let option = missing == columns.weight ? "--weight-column" : "--name-column"
                let headers = records[row].fields.enumerated().filter { !$0.element.isEmpty }
                    .map { "\(columnLetter($0.offset)) '\(shown($0.element))'" }.joined(separator: ", ")
                throw .csv(records[row].location(file: file),
                           "\(option) '\(shown(missing))' is no header of this table; its columns are \(headers); type one of those headers or its letter")
            }
            if let row = found { headerRow = row }
            let row = headerRow
            let fields = row.map { records[$0].fields } ?? records.first { $0.fields.count >= 2 }?.fields ?? []
            func pick(_ text: String, option: String) throws(LoadError) -> Match {
                guard let index = WeightColumns.index(of: text, in: fields) else {
                    throw .csv(records[row ?? 0].location(file: file), "\(option) '\(shown(text))' is no header of this table; type a header or a column letter such as C")
                }
                guard index < max(fields.count, records.map(\.fields.count).max() ?? 0) else {
                    throw .csv(records[row ?? 0].location(file: file), "\(option) '\(shown(text))' is column \(index + 1), but the table has \(fields.count) columns; type a header or a column letter from A to \(columnLetter(max(fields.count - 1, 0)))")
                }
                return Match(row: row ?? 0, column: index, rank: 0)
            }
            if let text = columns.weight { weight = try pick(text, option: "--weight-column") }
            if let text = columns.name { name = try pick(text, option: "--name-column") }
            if let n = name, let w = weight, n.column == w.column {
                throw .csv(records[row ?? 0].location(file: file), "the name column and the weight column are both column \(columnLetter(n.column)); give --name-column and --weight-column different columns")
            }
            // The column not given, found in the header row.
            if let row {
                if columns.name == nil {
                    name = fields.indices.compactMap { c in c == weight?.column ? nil : nameRank(fields[c]).map { Match(row: row, column: c, rank: $0) } }
                        .min { ($0.rank, $0.column) < ($1.rank, $1.column) }
                }
                if columns.weight == nil {
                    weight = fields.indices.compactMap { c in c == name?.column ? nil : weightRank(fields[c]).map { Match(row: row, column: c, rank: $0) } }
                        .min { ($0.rank, $0.column) < ($1.rank, $1.column) }
                }
            }
        }

        /// No header names a column: the first two columns of the first row with two or more
        /// fields, which is the header unless its second field is a number.
        static func withoutKnownHeaders(_ records: [CSVRecord], file: String) throws(LoadError) -> Layout {
            guard let first = records.firstIndex(where: { $0.fields.count >= 2 }) else {
                throw .csv(records[0].location(file: file),
                           "no row has two fields; expected a name and a weight on each row, separated by ',', ';' or a tab")
            }
            let fields = records[first].fields
            // `Woonplaats | 2024`: a year where the weight goes may be a heading or a row's
            // weight; amr does not guess which.
            if isYear(fields[1]), !isNumberLike(fields[0]) {
                throw .csv(records[first].location(file: file),
                           "'\(shown(fields[0]))' with \(fields[1]) may be a heading (a year over the weights) or a row; head the columns as gemeente and inwoners, or remove the line")
            }
            let hasHeader = !isNumberLike(fields[1])
            let firstData = hasHeader ? first + 1 : first
            let code = firstData < records.count
                ? records[firstData].fields.indices.first { $0 > 1 && MunicipalityCode(records[firstData].fields[$0]) != nil }
                : nil
            return Layout(name: 0, weight: 1, code: code,
                          nameHeader: hasHeader && !fields[0].isEmpty ? fields[0] : "name",
                          weightHeader: hasHeader && !fields[1].isEmpty ? fields[1] : "weight",
                          headerLine: hasHeader ? records[first].line : nil, firstData: firstData, counts: false,
                          width: filledWidth(fields), widthLine: records[first].line)
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
            // `% inwoners` and `aandeel inwoners` are shares of the weight, not the weight.
            if shareHeader(header) != nil { return nil }
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
            // `Naam gemeente;2024`: a name heading over columns headed by years.
            if let first = record.fields.first, nameRank(first) != nil,
               record.fields.dropFirst().filter(isNumberLike).allSatisfy(isYear), !record.numeric.contains(1) {
                return false
            }
            return !record.fields.contains { nameRank($0) == 0 || weightRank($0) == 0 || isCodeHeader($0) }
        }

        /// Whether the first row after the header holds numbers in all of `columns`.
        static func firstDataIsNumeric(_ columns: [Int], records: [CSVRecord], after header: Int) -> Bool {
            guard let row = records.dropFirst(header + 1).first(where: { !$0.fields.allSatisfy(\.isEmpty) }) else { return false }
            return columns.allSatisfy { $0 < row.fields.count && isNumberLike(trimmed(row.fields[$0])) }
        }

        /// `2024`: four digits from 1900 to 2100, as a column heading writes a year.
        static func isYear(_ text: String) -> Bool {
            guard text.count == 4, let value = Int(text) else { return false }
            return (1900...2100).contains(value)
        }
    }
}
