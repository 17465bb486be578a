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
/// refused as ambiguous otherwise. A workbook's stored number (a field in `CSVRecord.numeric`)
/// is plain decimal text: read as it is, and no say in the column's notation.
///
/// **Total rows.** A row that states a total is never a party (splitting over `Totaal;802.209`
/// would halve every share). Its value becomes the stated weight total, checked against the sum
/// of the rows it adds up; a difference is reported, never corrected. A row is a total row when
/// - its label (the name, or the first field when the name is empty) says so, as whole words
///   and case-insensitively, with a trailing `:` ignored: `Totaal`, `Total`, `Totalen`, `Som`,
///   `Sum`, `Eindtotaal`, `Totaal <anything>` (`Totaal Haaglanden`, `Totaal generaal`),
///   `<anything> totaal` (`Generaal totaal`, `Noord totaal`, `Grand total`), `Som van …`;
///   `Subtotaal …`/`Tussentotaal …` always mark a subtotal. None of the 2020–2025 CBS
///   municipality and region names matches (`Someren`, `Totaalbeeld` are names);
/// - it is the last row and carries one of `totalNames` (the region's name, from a caller that
///   knows it; also as `Regio …`), unless it has a municipality code;
/// - it is the last row, its weight is exactly the sum of the rows above it, and there are at
///   least 3 of those (`minimumRowsUnderASumTotal`; 1 when the row has no name, as an unnamed
///   row cannot be a party), it has no municipality code and not the name of a row above.
///   Hand-made keys make such sums by chance (`A;25 B;25 C;50`), so this is said loudly: a
///   warning on standard error and a note, both saying how to keep the row a party.
///
/// Where a labelled row stands decides what it adds up. The last row adds up the whole table —
/// unless it does not, the table has subtotals and it does add up the rows since the last one:
/// then it closes that cluster (`Zuid totaal`). A labelled row above every party (the first
/// data row) is the table's total stated on top, when it is the only total row. Any other
/// labelled row is a subtotal of the party rows since the previous total row (a cluster:
/// `Subtotaal BAR`, `Totaal IJsselgemeenten`); with no party rows since, it is refused, as
/// nested subtotals cannot be checked. An unlabelled subtotal cannot be told from a party; when
/// the table's total then differs by exactly one row's weight, that row is named in the report.
/// A row labelled as a summary (`Gemiddelde`, `Average`, `Mediaan`, `Minimum`, `Maximum`) is
/// refused: no party, and no total either.
///
/// **Row width.** In a text file, a row that fills more fields than the header (or, without a
/// header, than the first row) is an error: a separator inside an unquoted value shifts the
/// rest, and `Delft,101,381` would be read as 101. When the weight and the fields after it are
/// digits (`101` `381`, `1` `5`) in a `,`-separated file, the message says the number carries an
/// unquoted thousands separator or decimal comma; without a header that holds on every row.
/// Trailing empty fields (`Delft;101.381;;`) are fine. A workbook's cells cannot run into each
/// other, so its rows are not checked.
///
/// **Share columns.** Beside a weight column found by its header, a column headed `%`,
/// `procent`, `percentage`, `aandeel`, `share`, `fractie`, `bedrag`, `bijdrage`, `verdeling`,
/// `amount` or `euro` states each party's share. It is read (not as a weight, and never an
/// error) into a `ShareColumn`: `%` signs, or values adding up to 100 within their rounding,
/// make percentages; adding up to 1, fractions; a `€` or an amount header, amounts. The
/// allocator compares it with the split (see `ShareColumnCheck`).
public struct WeightTable: Sendable, Equatable {
    /// The parties, in file order: every data row but the total and subtotal rows.
    public var rows: [WeightRow]
    /// The header of the name column as written (`gemeente`, `Regio's`), or `name` without one.
    public var nameHeader: String
    /// The header of the weight column as written (`inwoners`), or `weight` without one.
    public var weightHeader: String
    /// The row stating the table's total, when it has one; its value is the stated weight total.
    public var totalRow: TotalRow? = nil
    /// Rows inside the table stating the total of a group of rows (a cluster).
    public var subtotalRows: [TotalRow] = []
    /// Columns beside the weights that state each party's share, to compare with the split.
    public var shareColumns: [ShareColumn] = []
    /// What the reader decided that the user must hear of even in JSON output: a last row taken
    /// as the total because it equals the sum of the rows above it. One line each, with a location.
    public var warnings: [String] = []
    /// The sheet the table was read from, for a workbook.
    public var sheet: String? = nil

    static let nameHeaders: Set<String> = ["name", "naam", "gemeente", "gemeenten", "gemeentenaam", "regio", "regio's", "regios", "municipality", "partij", "party", "woonplaats", "plaats"]
    static let nameParts = ["gemeente", "regio"]
    static let weightHeaders: Set<String> = ["weight", "gewicht", "inwoners", "population", "aantal", "inhabitants", "stemmen", "votes",
                                             "inwonertal", "inwonersaantal", "inw", "inw.", "bevolking", "aantal inwoners"]
    static let weightParts = ["inwoners", "bevolking", "inwonertal", "inw."]
    static let codeHeaders: Set<String> = ["code", "gemeentecode", "cbs-code", "cbscode", "cbs code", "regiocode"]
    /// Words that make a column a count of something, so `101.381` groups thousands.
    static let countWords = ["inwoners", "aantal", "bevolking", "population", "inhabitants", "stemmen", "votes", "inwonertal", "inw"]
    static let periodHeaders: Set<String> = ["perioden", "periode", "jaar", "year", "period"]
    static let nameSuffixes = [" (gemeente)", " (PV)", " (CR)", " (LD)", " (COROP)"]
    /// Longer names are mistakes (an open quote, a whole file in one field), not names.
    static let maximumNameLength = 200
    /// How far down a header is looked for.
    static let headerSearchRows = 30
    /// A last row is taken as the total by its sum alone only with at least this many rows above
    /// it. Small hand-made keys make such sums by chance (`A;5` `B;5`, `A;1` `B;2` `C;3`); the
    /// smallest labour-market region, Gorinchem, has 3 municipalities.
    static let minimumRowsUnderASumTotal = 3

    /// Reads a weights CSV from its bytes; `file` is the name used in messages. `totalNames`
    /// are names a last row may carry as the table's total (the region's name, when known).
    public static func read(bytes: [UInt8], file: String, totalNames: [String] = [], columns: WeightColumns? = nil) throws(LoadError) -> WeightTable {
        let text = try TextDecoding.decode(bytes, file: file)
        let delimiter = CSVReader.detectDelimiter(text)
        return try read(records: try CSVReader.records(text, delimiter: delimiter, file: file), file: file,
                        delimiter: delimiter, totalNames: totalNames, columns: columns)
    }

    /// Reads a weights table from records: a CSV file's (`delimiter` is its separator, for
    /// messages) or a workbook sheet's (`delimiter` nil; fields in `numeric` are stored numbers).
    /// `totalNames` are names a last row may carry as the table's total: the region's name when
    /// the caller knows it. Do not pass a name that is also one of the parties' (the region
    /// Groningen has a municipality Groningen).
    /// `columns` names the name and weight columns when the reader should not find them.
    public static func read(records raw: [CSVRecord], file: String, delimiter: UInt8? = nil,
                            totalNames: [String] = [], columns: WeightColumns? = nil) throws(LoadError) -> WeightTable {
        let records = raw
            .map { CSVRecord(fields: $0.fields.map(trimmed), line: $0.line, columns: $0.columns, numeric: $0.numeric, sheet: $0.sheet) }
            .filter { $0.fields.contains { !$0.isEmpty } }
        guard !records.isEmpty else {
            throw .csv(SourceLocation(file: file, line: 1, column: 1),
                       "no rows with a name and a weight: the file is empty; expected a header such as naam;inwoners and one row per party")
        }
        let layout = try Layout.find(in: records, file: file, columns: columns)
        var dataRecords: [CSVRecord] = []
        var body = Array(records[layout.firstData...])
        if let footer = body.firstIndex(where: isFooter) { body.removeSubrange(footer...) }
        // Remarks under the table's total row (an explanation, a credit: text in one cell, as in
        // the workbooks amr writes itself) end the table, but only when nothing but such
        // remarks follows; a one-cell row between rows (a cluster's heading) stays a row.
        func isRemark(_ record: CSVRecord) -> Bool {
            record.fields.filter({ !$0.isEmpty }).count == 1 && (layout.weight >= record.fields.count || record.fields[layout.weight].isEmpty)
        }
        var end = body.count
        while end > 0, isRemark(body[end - 1]) { end -= 1 }
        if end < body.count, end > 0 {
            let last = body[end - 1]
            let labelField = layout.name < last.fields.count && !last.fields[layout.name].isEmpty ? layout.name : 0
            if labelField < last.fields.count, case .total? = labelKind(last.fields[labelField]) { body.removeSubrange(end...) }
        }
        dataRecords = body
        guard !dataRecords.isEmpty else {
            let after = layout.headerLine.map { " after the header on line \($0)" } ?? ""
            throw .csv((records.first { $0.line == layout.headerLine } ?? records[0]).location(file: file),
                       "no rows with a name and a weight\(after); add one row per party with its name and weight")
        }
        // A workbook's cells cannot run into each other: only text files are checked for width.
        if let delimiter { try checkWidths(dataRecords, layout: layout, delimiter: delimiter, file: file) }

        // What each row is: a party, or a total row by its label (or, last, by the region's name).
        let regionNames = Set(totalNames.map(labelKey).filter { !$0.isEmpty })
        let last = dataRecords.count - 1
        let needed = max(layout.name, layout.weight) + 1
        var roles: [Role] = []
        var cells: [Cell] = []
        var labels: [String] = []
        var labelFields: [Int] = []
        for (index, record) in dataRecords.enumerated() {
            let fields = record.fields
            let name = layout.name < fields.count ? cleanName(fields[layout.name]) : ""
            // A total row may carry its label in the first field when the name column is elsewhere.
            let labelField = name.isEmpty && layout.weight != 0 ? 0 : layout.name
            let label = labelField < fields.count ? (labelField == layout.name ? name : fields[labelField]) : ""
            var role = Role.party
            switch labelKind(label) {
            case .summary?:
                throw .csv(record.location(ofField: labelField, file: file),
                           "'\(shown(label))' is a summary row (an average, a minimum, …), not a party; remove it from the weights")
            case .total?: role = .total(.label, subtotal: false)
            case .subtotal?: role = .total(.label, subtotal: true)
            case nil:
                if index == last, !regionNames.isEmpty, regionNames.contains(labelKey(label)), !hasMunicipalityCode(record, layout) {
                    role = .total(.name, subtotal: false)
                }
            }
            if role == .party {
                guard fields.count >= needed else {
                    let found = fields.count == 1 ? "1 field" : "\(fields.count) fields"
                    throw .csv(record.location(file: file),
                               "this row has \(found), but the name is field \(layout.name + 1) and the weight field \(layout.weight + 1); \(delimiter.map { "check the separators on this line (the file is read as \(describe($0)))" } ?? "fill in the missing cells")")
                }
                let nameLocation = record.location(ofField: layout.name, file: file)
                // An unnamed last row may be a total; it is settled below, once its sum is known.
                if name.isEmpty && index != last {
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
            }
            roles.append(role)
            labels.append(label)
            labelFields.append(labelField)
            cells.append(Cell(name: role == .party ? name : label, text: layout.weight < fields.count ? fields[layout.weight] : "",
                              location: record.location(ofField: layout.weight, file: file),
                              stored: record.numeric.contains(layout.weight)))
        }

        // Every weight is read in one notation, the total rows' too; a total row may be empty.
        let valued = cells.indices.filter { roles[$0] == .party || !cells[$0].text.isEmpty }
        let reading = try readWeights(valued.map { cells[$0] }, header: layout.weightHeader, counts: layout.counts)
        var weights = [ExactDecimal?](repeating: nil, count: cells.count)
        for (position, index) in valued.enumerated() { weights[index] = reading.weights[position] }

        // Total rows: each adds up the party rows since the previous one; the last the whole table.
        var parties: [Int] = []
        var groupStart = 0
        var totalRow: TotalRow?
        var subtotals: [TotalRow] = []
        var totalOnTop: Int?
        func total(_ index: Int, over covered: [Int], _ how: TotalRow.Recognition, subtotal: Bool) throws(LoadError) -> TotalRow {
            let coveredWeights = covered.compactMap { weights[$0] }
            guard let sum = ExactDecimal.sum(coveredWeights) else {
                throw .csv(cells[index].location, "the rows that this total adds up come to more than amr can add exactly (18 digits); use smaller units")
            }
            var explanation: TotalRow.Explanation?
            if let stated = weights[index], ExactDecimal.compare(sum, stated) > 0, let excess = ExactDecimal.difference(sum, stated) {
                let candidates = covered.filter { weights[$0].map { ExactDecimal.compare($0, excess) == 0 } ?? false }
                if candidates.count == 1, let row = candidates.first, let weight = weights[row] {
                    explanation = TotalRow.Explanation(name: cells[row].name, line: dataRecords[row].line, weight: weight)
                }
            }
            return TotalRow(label: labels[index], location: dataRecords[index].location(ofField: labelFields[index], file: file),
                            stated: weights[index], sum: sum, rowCount: covered.count,
                            firstLine: covered.first.map { dataRecords[$0].line } ?? dataRecords[index].line,
                            lastLine: covered.last.map { dataRecords[$0].line } ?? dataRecords[index].line,
                            recognisedBy: how, isSubtotal: subtotal, explanation: explanation)
        }
        for index in dataRecords.indices {
            guard case .total(let how, let isSubtotalLabel) = roles[index] else {
                parties.append(index)
                continue
            }
            let group = Array(parties[groupStart...])
            if index == last && index > 0 && !isSubtotalLabel {
                totalRow = try total(index, over: parties, how, subtotal: false)
                // `Totaal Zuid` closing the last cluster rather than the table.
                if totalRow?.matches == false, !subtotals.isEmpty, !group.isEmpty, !plainTotals.contains(labelKey(labels[index])) {
                    let cluster = try total(index, over: group, how, subtotal: true)
                    if cluster.matches {
                        subtotals.append(cluster)
                        totalRow = nil
                    }
                }
            } else if parties.isEmpty && !isSubtotalLabel && index == 0 {
                totalOnTop = index
            } else {
                guard !group.isEmpty else {
                    let before = subtotals.last.map { "the total row on line \($0.line)" } ?? "the start of the table"
                    throw .csv(dataRecords[index].location(file: file),
                               "'\(shown(labels[index]))' is a total row, but no rows come between it and \(before); put each total under the rows it adds up, or remove it")
                }
                subtotals.append(try total(index, over: group, how, subtotal: true))
            }
            groupStart = parties.count
        }
        if let top = totalOnTop {
            if let other = subtotals.first?.line ?? totalRow?.line {
                throw .csv(dataRecords[top].location(file: file),
                           "'\(shown(labels[top]))' is a total row above the rows it adds up, and the table has another total row on line \(other); put each total under its rows")
            }
            totalRow = try total(top, over: parties, roles[top] == .total(.name, subtotal: false) ? .name : .label, subtotal: false)
        }
        // An unlabelled last row that is exactly the sum of the rows above it is their total.
        // An unnamed row cannot be a party, so for it one row above is enough.
        let rowsNeeded = cells[last].name.isEmpty ? 1 : minimumRowsUnderASumTotal
        if totalRow == nil, totalOnTop == nil, parties.last == last, parties.count > rowsNeeded,
           !hasMunicipalityCode(dataRecords[last], layout), let value = weights[last], !value.isZero,
           !parties.dropLast().contains(where: { cells[$0].name.lowercased() == cells[last].name.lowercased() }) {
            let above = Array(parties.dropLast())
            if let sum = ExactDecimal.sum(above.compactMap { weights[$0] }), ExactDecimal.compare(sum, value) == 0 {
                parties.removeLast()
                totalRow = try total(last, over: above, .sum, subtotal: false)
            }
        }
        // A total row closes the rows above it: a party under the table's last total row is a
        // row the total leaves out (or an aggregate such as Nederland), never silently split over.
        let totalLines = subtotals.map(\.line) + (totalRow.map { [$0.line] } ?? [])
        if totalOnTop == nil, let lastTotal = totalLines.max(),
           let stray = parties.first(where: { dataRecords[$0].line > lastTotal }), !cells[stray].name.isEmpty {
            throw .csv(dataRecords[stray].location(ofField: layout.name, file: file),
                       "'\(shown(cells[stray].name))' comes after the total row on line \(lastTotal), which closes the rows above it; remove the row, move it above the total, or add a total row under it")
        }
        // An unlabelled first row that is exactly the sum of all rows below it is a total on top.
        if totalRow == nil, totalOnTop == nil, subtotals.isEmpty, parties.count > minimumRowsUnderASumTotal + 1,
           let first = parties.first, !cells[first].name.isEmpty, !hasMunicipalityCode(dataRecords[first], layout),
           let value = weights[first], !value.isZero, let sum = ExactDecimal.sum(parties.dropFirst().compactMap { weights[$0] }),
           ExactDecimal.compare(sum, value) == 0 {
            throw .csv(dataRecords[first].location(ofField: layout.name, file: file),
                       "the first row, '\(shown(cells[first].name))' (\(shown(cells[first].text))), is exactly the sum of the rows below it, so it looks like their total; label it 'Totaal' (a total on top is read as such) or remove it")
        }
        // Aggregates (Nederland, a province, a COROP area) among municipalities would take a share.
        let aggregates = parties.filter { isAggregate(labelFields[$0] < dataRecords[$0].fields.count ? dataRecords[$0].fields[labelFields[$0]] : "") }
        if let aggregate = aggregates.first, aggregates.count < parties.count {
            throw .csv(dataRecords[aggregate].location(ofField: layout.name, file: file),
                       "'\(shown(dataRecords[aggregate].fields[labelFields[aggregate]]))' is an aggregate (the country, a province or a COROP area), not one of the parties beside it; remove the row")
        }
        if parties.last == last && cells[last].name.isEmpty {
            let above = parties.dropLast().compactMap { weights[$0] }
            var message = "this row has a weight but no name; fill in the \(shown(layout.nameHeader)) or remove the row"
            if !above.isEmpty, let sum = ExactDecimal.sum(above) {
                // An unnamed last row is most often a total that does not add up.
                message = "this row has a weight but no name; fill in the \(shown(layout.nameHeader)), or label it 'Totaal' if it is the table's total (the rows above it add up to \(sum), not \(shown(cells[last].text)))"
            }
            throw .csv(dataRecords[last].location(ofField: layout.name, file: file), message)
        }
        guard !parties.isEmpty else {
            let line = totalRow?.line ?? subtotals.first?.line ?? dataRecords[0].line
            throw .csv(dataRecords[0].location(file: file),
                       "no rows with a name and a weight besides the total row on line \(line); add one row per party with its name and weight")
        }

        var rows: [WeightRow] = []
        var lineOfName: [String: Int] = [:]
        var lineOfCode: [String: Int] = [:]
        for index in parties {
            let record = dataRecords[index]
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
            guard let weight = weights[index] else { continue }
            rows.append(WeightRow(name: name, code: code, weight: weight, line: record.line))
        }
        var warnings: [String] = []
        if let row = totalRow, row.recognisedBy == .sum {
            let name = row.label.isEmpty ? "" : " '\(shown(row.label))'"
            warnings.append("\(row.location): the last row\(name) is taken as the table's total, not as a party, because its weight is the sum of the \(row.rowCount) rows above it; if it is a party, add a row 'Totaal' under it")
        }
        let partyRecords = parties.map { dataRecords[$0] }
        let shareColumns = layout.shareColumns.map { column in
            readShareColumn(column, records: partyRecords, headerLocation: layout.headerLocation(of: column.index, in: records, file: file),
                            weightMark: reading.decimalMark)
        }
        return WeightTable(rows: rows, nameHeader: layout.nameHeader, weightHeader: layout.weightHeader,
                           totalRow: totalRow, subtotalRows: subtotals, shareColumns: shareColumns, warnings: warnings,
                           sheet: raw.first?.sheet)
    }

    /// What a data row is.
    enum Role: Equatable {
        case party
        case total(TotalRow.Recognition, subtotal: Bool)
    }
}

extension Character {
    /// `0` to `9` only.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
