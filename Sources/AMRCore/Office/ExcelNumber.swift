/// Numbers as Excel stores and shows them, read from a cell's stored text without `Double`.
///
/// Excel keeps a number as a binary double but shows and computes with at most 15 significant
/// digits; the file holds the double's shortest round-trip text, up to 17 digits, so a typed
/// `20157.18` may be stored as `20157.180000000001` and `0.3` computed as `0.30000000000000004`.
/// `normalized` reads that text as Excel shows it: the digits are rounded to 15 significant ones
/// (half away from zero, on the decimal text), trailing zeros dropped, and the result written as
/// plain decimal text with `.` and no exponent (`1E-3` → `0.001`, `1.5E+5` → `150000`, `-0` →
/// `0`). An integer of up to 15 digits stays exact; one of 16 or more digits is rounded to 15, as
/// Excel does on entry.
enum ExcelNumber {
    /// The digits Excel keeps.
    static let significantDigits = 15
    /// Doubles reach about 1.8E+308 and 4.9E-324; an exponent further out is not a stored number.
    static let exponentRange = -400...400

    /// The plain decimal text of the stored number `text`, or nil when `text` is not a number
    /// (`[+-]digits[.digits][E[+-]digits]`).
    static func normalized(_ text: String) -> String? {
        var bytes = Array(text.utf8)[...]
        while let first = bytes.first, isSpace(first) { bytes.removeFirst() }
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var digits: [UInt8] = []
        var fractionCount = 0
        var sawPoint = false
        var sawDigit = false
        var exponent = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if isDigit(byte) {
                digits.append(byte)
                if sawPoint { fractionCount += 1 }
                sawDigit = true
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "E") || bytes[index] == UInt8(ascii: "e") else { return nil }
            index += 1
            var exponentNegative = false
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentDigits = bytes[index...]
            guard !exponentDigits.isEmpty, exponentDigits.count <= 6, exponentDigits.allSatisfy(isDigit) else { return nil }
            for digit in exponentDigits { exponent = exponent * 10 + Int(digit - UInt8(ascii: "0")) }
            if exponentNegative { exponent = -exponent }
        }

        // value = digits × 10^power, digits without leading zeros.
        // Dropped in one go: removing them one by one is quadratic in a hostile cell.
        guard let firstSignificant = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) else { return "0" }
        digits.removeFirst(firstSignificant)
        var power = exponent - fractionCount
        guard exponentRange.contains(power + digits.count - 1) else { return nil }

        if digits.count > significantDigits {
            let roundUp = digits[significantDigits] >= UInt8(ascii: "5")
            power += digits.count - significantDigits
            digits.removeLast(digits.count - significantDigits)
            if roundUp {
                var position = digits.count - 1
                while position >= 0 && digits[position] == UInt8(ascii: "9") {
                    digits[position] = UInt8(ascii: "0")
                    position -= 1
                }
                if position >= 0 {
                    digits[position] += 1
                } else {
                    digits.insert(UInt8(ascii: "1"), at: 0)
                }
            }
        }
        while let last = digits.last, last == UInt8(ascii: "0") {
            digits.removeLast()
            power += 1
        }

        var result: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if power >= 0 {
            result += digits
            result += [UInt8](repeating: UInt8(ascii: "0"), count: power)
        } else if digits.count > -power {
            result += digits[..<(digits.count + power)]
            result.append(UInt8(ascii: "."))
            result += digits[(digits.count + power)...]
        } else {
            result += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            result += [UInt8](repeating: UInt8(ascii: "0"), count: -power - digits.count)
            result += digits
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
