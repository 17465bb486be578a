/// A placement export read from a workbook sheet, as CSV text for the placement counter: one
/// line per sheet row (empty rows stay empty lines, so line numbers are row numbers), every
/// field quoted. Messages about the text are turned back into the sheet's cells (`Blad1!C7`).
public struct PlacementSheet: Sendable {
    /// The CSV text, UTF-8.
    public let bytes: [UInt8]
    /// For each row number: the sheet's column of each field, and the column in the text where
    /// each field starts.
    let fields: [Int: (sheetColumns: [Int], textColumns: [Int])]
    let sheet: String?

    public init(records: [CSVRecord]) {
        var text: [UInt8] = []
        var fields: [Int: ([Int], [Int])] = [:]
        var line = 1
        for record in records.sorted(by: { $0.line < $1.line }) where record.fields.contains(where: { !$0.isEmpty }) {
            while line < record.line {
                text.append(UInt8(ascii: "\n"))
                line += 1
            }
            var textColumns: [Int] = []
            var column = 1
            for (index, raw) in record.fields.enumerated() {
                // A date-time cell (`2018-01-01 13:05:00`) counts on its day.
                let field = Self.isDateTime(raw) ? String(raw.prefix(10)) : raw
                if index > 0 {
                    text.append(UInt8(ascii: ","))
                    column += 1
                }
                textColumns.append(column)
                text.append(UInt8(ascii: "\""))
                for scalar in field.unicodeScalars {
                    // Line breaks inside a cell become spaces: a record is one line.
                    let value = scalar == "\n" || scalar == "\r" ? " " : scalar
                    text.append(contentsOf: Array(String(value).utf8))
                    if value == "\"" { text.append(UInt8(ascii: "\"")) }
                    column += value == "\"" ? 2 : 1
                }
                text.append(UInt8(ascii: "\""))
                column += 2
            }
            text.append(UInt8(ascii: "\n"))
            fields[record.line] = (record.columns, textColumns)
            line += 1
        }
        bytes = text
        self.fields = fields
        sheet = records.first?.sheet
    }

    /// `2018-01-01 13:05` or `2018-01-01 13:05:00`, as a workbook's date-time cell reads.
    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 || bytes.count == 19, bytes[10] == UInt8(ascii: " "), bytes[4] == UInt8(ascii: "-"),
              bytes[7] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: ":") else { return false }
        return bytes.indices.allSatisfy { [4, 7, 10, 13, 16].contains($0) || (bytes[$0] >= 48 && bytes[$0] <= 57) }
    }

    /// The error with its place in the text replaced by the sheet's cell.
    public func relocated(_ error: LoadError) -> LoadError {
        guard let location = error.location, let row = fields[location.line] else { return error }
        let index = row.textColumns.lastIndex { $0 <= location.column } ?? 0
        let cell = SourceLocation(file: location.file, line: location.line,
                                  column: row.sheetColumns.indices.contains(index) ? row.sheetColumns[index] : 1, sheet: sheet)
        switch error {
        case .csv(_, let message): return .csv(cell, message)
        case .encoding(_, let message): return .encoding(cell, message)
        case .unusable(_, let message): return .unusable(cell, message)
        default: return error
        }
    }
}

extension PlacementCounter {
    /// Counts a placement export from a workbook sheet; messages name its cells.
    public func count(_ sheet: PlacementSheet, file: String) throws(LoadError) -> PlacementCounts {
        do { return try count(bytes: sheet.bytes, file: file) } catch { throw sheet.relocated(error) }
    }

    /// The placements each target with a filter counts in a workbook sheet, up to `asOf`.
    public static func realised(for plan: Plan, asOf: PlanDate, sheet: PlacementSheet, file: String) throws(LoadError) -> [String: Measurement] {
        do {
            return try realised(for: plan, asOf: asOf, file: file) { counter throws(LoadError) in try counter.count(bytes: sheet.bytes, file: file) }
        } catch {
            throw sheet.relocated(error)
        }
    }
}
