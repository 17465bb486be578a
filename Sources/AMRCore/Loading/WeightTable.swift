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

    // MARK: - Total rows

    /// What a label says a row is.
    enum LabelKind {
        case total, subtotal, summary
    }

    static let totalWords: Set<String> = ["totaal", "total", "totalen", "totals", "eindtotaal", "som", "sum"]
    static let subtotalWords: Set<String> = ["subtotaal", "subtotal", "sub-totaal", "sub-total", "tussentotaal"]
    static let summaryWords: Set<String> = ["gemiddelde", "gemiddeld", "average", "mean", "mediaan", "median", "minimum", "maximum",
                                            "aantal", "count", "number"]
    /// Labels of the table's own total, with no cluster named: such a row never closes a cluster.
    static let plainTotals: Set<String> = ["totaal", "total", "totalen", "totals", "eindtotaal", "som", "sum", "generaal totaal",
                                           "totaal generaal", "grand total"]

    /// Whether a first field labels a total (`Totaal`, `Totaal Haaglanden`, `Generaal totaal`,
    /// `Eindtotaal:`, `Som van inwoners`, `Noord totaal`), a subtotal (`Subtotaal BAR`) or a
    /// summary that is no party either (`Gemiddelde`). Whole words only, so `Someren` and
    /// `Totaalbeeld` are names; no Dutch municipality (2020–2025) starts or ends with one of them.
    static func labelKind(_ text: String) -> LabelKind? {
        let words = labelKey(text).split(separator: " ").map { String($0) }
        guard let first = words.first, let last = words.last else { return nil }
        if subtotalWords.contains(first) || subtotalWords.contains(last) { return .subtotal }
        if summaryWords.contains(first) { return .summary }
        if totalWords.contains(first) { return .total }
        if words.count > 1, ["totaal", "total", "eindtotaal"].contains(last) { return .total }
        return nil
    }

    /// A label compared without case, surrounding punctuation, extra spaces or a `regio` prefix:
    /// `Totaal:` is `totaal`, `Regio Haaglanden` is `haaglanden`.
    static func labelKey(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).map { word in
            String(word.drop { ":*(".contains($0) }.reversed().drop { ":*.)".contains($0) }.reversed())
        }.filter { !$0.isEmpty }
        if words.count > 1, ["regio", "arbeidsmarktregio", "region"].contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// A row with a municipality's CBS code is a municipality, never a total.
    static func hasMunicipalityCode(_ record: CSVRecord, _ layout: Layout) -> Bool {
        guard let column = layout.code, column < record.fields.count else { return false }
        return MunicipalityCode(record.fields[column]) != nil
    }

    // MARK: - Row width

    /// The fields up to the last one that is not empty: `Delft;101.381;;` has 2.
    static func filledWidth(_ fields: [String]) -> Int {
        (fields.lastIndex { !$0.isEmpty } ?? -1) + 1
    }

    /// Refuses rows with more fields than the header (or, without a header, than the first row):
    /// a separator inside an unquoted value (`Delft,101,381` read as weight 101) shifts the rest.
    /// Trailing empty fields are fine.
    /// Whether three-digit numbers in `column` are rare (on at most half of the rows): the
    /// column does not hold such numbers of its own.
    static func isStray(column: Int, in records: [CSVRecord]) -> Bool {
        let threeDigits = records.filter { column < $0.fields.count && $0.fields[column].count == 3 && $0.fields[column].allSatisfy(\.isASCIIDigit) }
        return threeDigits.count * 2 <= records.count
    }

    static func checkWidths(_ records: [CSVRecord], layout: Layout, delimiter: UInt8, file: String) throws(LoadError) {
        let separator = Character(Unicode.Scalar(delimiter))
        for record in records {
            let fields = record.fields
            let width = filledWidth(fields)
            let wide = width > layout.width
            // Without a header the first row sets the width, so a split number there would set
            // it too: digits after the weight are a split number on every row.
            let split = splitNumber(fields, weight: layout.weight, extra: max(1, width - layout.width), delimiter: delimiter)
            // With a header wider than the data (`Gemeente,Inwoners,Opmerking`), `Delft,101,381`
            // fits in its width: three digits after a weight of at most three, in a column that
            // holds no such numbers on most other rows, are the rest of a split number.
            let strayThousands = !wide && layout.headerLine != nil && split.map { $0.kind != .decimal } == true
                && isStray(column: layout.weight + 1, in: records)
            guard wide || (layout.headerLine == nil && split != nil) || strayThousands else { continue }
            let reference = layout.headerLine.map { "the header (line \($0)) has \(layout.width)" }
                ?? "the first row (line \(layout.widthLine)) has \(layout.width)"
            let count = wide ? "this row has \(width) fields but \(reference): " : ""
            if let split {
                let why = switch split.kind {
                case .thousandsOrDecimal: "an unquoted thousands separator or decimal comma"
                case .thousands: "unquoted thousands separators"
                case .decimal: "an unquoted decimal comma"
                }
                let parts = split.parts.map { "'\(shown($0))'" }.joined(separator: " and ")
                throw .csv(record.location(ofField: layout.weight, file: file),
                           "\(count)\(parts) look like one number, \(split.number), split at \(why); put the number in quotes (\"\(split.number)\") or save the file with ';' as separator")
            }
            let other = separator == ";" ? "" : " or save the file with ';' as separator"
            throw .csv(record.location(ofField: layout.width, file: file),
                       "this row has \(width) fields but \(reference); a value with a '\(describeCharacter(separator))' in it needs quotes (\"…\")\(other), or give the extra column a header")
        }
    }

    struct SplitNumber {
        enum Kind { case thousandsOrDecimal, thousands, decimal }
        var parts: [String]
        var number: String
        var kind: Kind
    }

    /// `101` `381` (or `1` `5`) in the weight field and the ones after it, in a `,`-separated
    /// file: one number cut at its thousands separators or decimal comma.
    static func splitNumber(_ fields: [String], weight: Int, extra: Int, delimiter: UInt8) -> SplitNumber? {
        guard delimiter == UInt8(ascii: ","), weight + extra < fields.count else { return nil }
        let head = fields[weight]
        let tail = Array(fields[(weight + 1)...(weight + extra)])
        func digits(_ text: String) -> Bool { !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
        guard isNumberLike(head), !head.contains(","), tail.allSatisfy(digits) else { return nil }
        let parts = [head] + tail
        let number = parts.joined(separator: ",")
        if tail.allSatisfy({ $0.count == 3 }) {
            return SplitNumber(parts: parts, number: number, kind: tail.count == 1 && !head.contains(".") ? .thousandsOrDecimal : .thousands)
        }
        guard tail.count == 1 else { return nil }
        return SplitNumber(parts: parts, number: number, kind: .decimal)
    }

    static func describeCharacter(_ character: Character) -> String {
        character == "\t" ? "tab" : String(character)
    }

    // MARK: - Share columns

    /// What a column's header says it holds, for a column beside the weights.
    enum ShareHeader {
        case percentage, amount, share
    }

    static func shareHeader(_ header: String) -> ShareHeader? {
        let lowered = header.lowercased()
        // `Bijdrage per inwoner`, `€ per hoofd`: a rate, not a share of the split.
        let words = lowered.split(whereSeparator: { !$0.isLetter })
        if words.contains("per") || words.contains("tarief") || words.contains("rate") { return nil }
        if lowered.contains("%") || lowered.contains("procent") || lowered.contains("percentage") { return .percentage }
        if ["bedrag", "bijdrage", "verdeling", "amount", "€", "euro"].contains(where: { lowered.contains($0) }) { return .amount }
        if ["aandeel", "share", "fractie", "fraction"].contains(where: { lowered.contains($0) }) { return .share }
        return nil
    }

    /// Reads a share column's values on the party rows and settles what it holds: `%` signs or a
    /// percentage header and a sum near 100 make percentages, a sum near 1 fractions, a `€` or
    /// an amount header amounts. Values are read in the column's own notation, else in the
    /// weights'. What cannot be read makes the column one that is not compared, never an error.
    static func readShareColumn(_ column: Layout.ShareColumnSpec, records: [CSVRecord], headerLocation: SourceLocation,
                                weightMark: UInt8?) -> ShareColumn {
        var result = ShareColumn(header: column.header, location: headerLocation, kind: nil, values: [], problem: nil)
        var readings: [(index: Int, text: String, readings: Readings?, stored: ExactDecimal?, location: SourceLocation)] = []
        var percentSign = false, euroSign = false
        for (index, record) in records.enumerated() {
            let raw = column.index < record.fields.count ? record.fields[column.index] : ""
            var text = raw
            if text.hasSuffix("%") { percentSign = true; text = trimmed(String(text.dropLast())) }
            if text.hasPrefix("€") { euroSign = true; text = trimmed(String(text.dropFirst())) }
            if text.hasSuffix("€") { euroSign = true; text = trimmed(String(text.dropLast())) }
            if text.isEmpty { continue }
            let location = record.location(ofField: column.index, file: headerLocation.file)
            if record.numeric.contains(column.index), case .success(let value) = ExactDecimal.parse(text) {
                readings.append((index, raw, nil, value, location))
                continue
            }
            guard let reading = read(text) else {
                result.problem = "'\(shown(raw))' on line \(record.line) is not a number"
                return result
            }
            readings.append((index, raw, reading, nil, location))
        }
        guard !readings.isEmpty else {
            result.problem = "it has no values on the rows of the parties"
            return result
        }
        // The decimal mark: from the column's own values, else the weights', else the reading
        // that makes sense for the kind (a grouped number is never a percentage).
        var mark: UInt8?
        for entry in readings {
            guard let decided = entry.readings?.decidedMark else { continue }
            if let earlier = mark, earlier != decided {
                result.problem = "its values are written with both ',' and '.' as decimal mark"
                return result
            }
            mark = decided
        }
        mark = mark ?? weightMark
        var values = [ShareColumn.Value?](repeating: nil, count: records.count)
        for entry in readings {
            var value = entry.stored
            if let reading = entry.readings {
                var chosen: Reading?
                switch mark {
                case UInt8(ascii: ".")?: chosen = reading.point
                case UInt8(ascii: ",")?: chosen = reading.comma
                default:
                    let options = [reading.point, reading.comma].compactMap { $0 }
                    // An amount has at most two decimals, so `250.000` in an amount column is
                    // thousands, as `AmountReader` reads it in Dutch notation; `1,500` stays a question.
                    let amount = column.kind == .amount || euroSign
                    chosen = reading.isAmbiguous
                        ? (amount ? (entry.text.contains(".") ? reading.comma : nil) : options.first { $0.fraction != nil })
                        : options.first
                }
                guard let chosen else {
                    result.problem = "'\(shown(entry.text))' on line \(entry.location.line) may be read two ways ('.' or ',' as decimal mark)"
                    return result
                }
                var literal = (reading.negative ? "-" : "") + String(decoding: chosen.integer, as: UTF8.self)
                if let fraction = chosen.fraction { literal += "." + String(decoding: fraction, as: UTF8.self) }
                guard case .success(let parsed) = ExactDecimal.parse(literal) else {
                    result.problem = "'\(shown(entry.text))' on line \(entry.location.line) has too many digits to compare exactly"
                    return result
                }
                value = parsed
            }
            guard let value else { continue }
            values[entry.index] = ShareColumn.Value(text: entry.text, value: value, location: entry.location, stored: entry.stored != nil)
        }
        result.values = values

        let present = values.compactMap { $0 }
        let adds = "its values do not add up to 100, so they are not shares of this table"
        if percentSign {
            // Percentages of something else (growth, a part of the population) are no shares.
            if sumIsNear(present, 100) { result.kind = .percentage } else { result.problem = adds }
        } else if euroSign || column.kind == .amount {
            result.kind = .amount
        } else if sumIsNear(present, 100) {
            result.kind = .percentage
        } else if sumIsNear(present, 1) {
            result.kind = .fraction
        } else if column.kind == .percentage {
            result.problem = adds
        }
        // A share column whose sum says nothing stays undecided: the allocator takes it as
        // amounts when they add up to the amount split.
        if result.kind == .amount, let wide = present.first(where: { $0.value.scale > 2 && $0.value.scaled(to: 2) == nil }) {
            result.kind = nil
            result.problem = "'\(shown(wide.text))' on line \(wide.location.line) has more than 2 decimals, so the column is no amounts in cents"
        }
        return result
    }

    /// Whether values add up to `target` within their rounding: half a unit of the last decimal
    /// written per value (a whole unit more for numbers stored in binary by a spreadsheet).
    static func sumIsNear(_ values: [ShareColumn.Value], _ target: Int64) -> Bool {
        guard !values.isEmpty, let sum = ExactDecimal.sum(values.map(\.value)),
              let difference = ExactDecimal.difference(sum, ExactDecimal(significand: target)) else { return false }
        // In units of the sum's last decimal: 2·|difference| ≤ Σ one unit of each value's last
        // decimal (three for stored numbers).
        var slack: Int128 = 0
        for value in values {
            let (unit, overflow) = ExactDecimal.scaledUp(value.stored ? 3 : 1, by: sum.scale - value.value.scale)
            if overflow { return false }
            slack += unit
        }
        return 2 * Int128(difference.significand).magnitude <= slack.magnitude
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

    /// A StatLine closing line: `© Centraal Bureau voor de Statistiek …`, `Bron: CBS`.
    static func isFooter(_ record: CSVRecord) -> Bool {
        guard record.fields.filter({ !$0.isEmpty }).count == 1, let first = record.fields.first else { return false }
        let lowered = first.lowercased()
        // "Bron:" or "Bron CBS", never a name such as Bronckhorst.
        return ["©", "(c)", "bron:", "bron ", "source:", "source ", "centraal bureau voor de statistiek"].contains { lowered.hasPrefix($0) }
    }

    /// The country, a province, a COROP area or a landsdeel as a StatLine export writes them.
    static func isAggregate(_ raw: String) -> Bool {
        let name = trimmed(raw)
        return ["nederland", "netherlands", "the netherlands"].contains(name.lowercased())
            || [" (PV)", " (LD)", " (CR)", " (COROP)"].contains { name.hasSuffix($0) }
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

    /// A value as a message shows it: on one line, escaped as `TerminalText` does, and at most 40 characters.
    static func shown(_ text: String) -> String {
        var result = ""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if offset == 40 { return result + "…" }
            result += TerminalText.needsEscape(scalar) ? TerminalText.escaped(scalar) : String(scalar)
        }
        return result
    }

    /// A spreadsheet column letter: 0 is `A`, 26 is `AA`.
    static func columnLetter(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(Character(Unicode.Scalar(UInt8(65 + remainder)))) + letters
            n = (n - 1) / 26
        }
        return letters
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
        /// A workbook's stored number: plain decimal text, exact, no notation to guess.
        var stored: Bool = false
    }

    /// The weights read, and the decimal mark the column turned out to use (nil when no value
    /// tells), for the share columns beside it.
    struct WeightReading {
        var weights: [ExactDecimal]
        var decimalMark: UInt8?
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

        /// The decimal mark this value proves, when it reads only one way.
        var decidedMark: UInt8? {
            switch (point, comma) {
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

    static func readWeights(_ cells: [Cell], header: String, counts: Bool) throws(LoadError) -> WeightReading {
        var readings: [Readings] = []
        for cell in cells {
            let text = cell.text
            // A stored number reads one way only, and has no say in the column's notation.
            if cell.stored, let stored = storedReading(text) {
                if stored.negative, !isZero(stored.reading) {
                    throw .csv(cell.location, "weight '\(text)' is negative; weights must be 0 or more")
                }
                readings.append(Readings(negative: stored.negative, point: stored.reading, comma: stored.reading))
                continue
            }
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
            if text.hasPrefix("=") {
                throw .csv(cell.location, "weight '\(shown(text))' is a formula whose result the workbook does not store (it was written by a program that does not calculate); open and save the workbook in Excel or LibreOffice, or write the numbers")
            }
            if text.hasPrefix("=") {
                throw .csv(cell.location, "weight '\(shown(text))' is a formula whose result the workbook does not store (it was written by a program that does not calculate); open and save the workbook in Excel or LibreOffice, or write the numbers")
            }
            guard let reading = read(text) else {
                throw .csv(cell.location, "weight '\(shown(text))' in column \"\(shown(header))\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)")
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
            switch decided?.mark {
            case UInt8(ascii: "."): chosen = reading.point
            case UInt8(ascii: ","): chosen = reading.comma
            default:
                // Nothing decides: a value that reads both ways is a count with grouped thousands.
                chosen = reading.isAmbiguous ? [reading.point, reading.comma].compactMap { $0 }.first { $0.fraction == nil } : (reading.point ?? reading.comma)
            }
            let cell = cells[index]
            guard let chosen else {
                throw .csv(cell.location, "weight '\(shown(cell.text))' in column \"\(shown(header))\" is not a number; expected a whole or decimal number like 101381 or 12,5 (if the weights are in another column, say which with --weight-column)")
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
        // Grouped thousands (`101.381` in a count column) leave the other mark for decimals.
        var mark = decided?.mark
        if mark == nil, let index = readings.firstIndex(where: \.isAmbiguous) {
            mark = cells[index].text.contains(".") ? UInt8(ascii: ",") : UInt8(ascii: ".")
        }
        return WeightReading(weights: weights, decimalMark: mark)
    }

    /// A workbook's stored number (`20157.18`, `-0`) as digits, or nil when it is not plain decimal text.
    static func storedReading(_ text: String) -> (negative: Bool, reading: Reading)? {
        guard case .success = ExactDecimal.parse(text) else { return nil }
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard let integer = parts.first else { return nil }
        return (negative, Reading(integer: Array(integer), fraction: parts.count > 1 ? Array(parts[1]) : nil))
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

extension Character {
    /// `0` to `9` only.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
