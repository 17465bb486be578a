/// Row widths: rows wider than the header, stray columns, and a number split by its own
/// thousands separator in an unquoted CSV.
extension WeightTable {
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
}
