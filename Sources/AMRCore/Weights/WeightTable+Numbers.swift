/// Number reading: each weight read in both notations, kept only when the column agrees on one.
extension WeightTable {
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
