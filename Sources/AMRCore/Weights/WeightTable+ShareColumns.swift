/// Share columns: a percentage, fraction or amount column beside the weights, read into a
/// `ShareColumn` for the allocator to compare with its split.
extension WeightTable {
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
}
