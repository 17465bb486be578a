/// Turns the bytes of a text file into a `String`: UTF-8 with or without a byte-order mark, or
/// Windows-1252 (older CBS StatLine exports and Excel "CSV" files are). UTF-16 is refused with a
/// message, since it is rarely meant and easily fixed.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], file: String) throws(LoadError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .encoding(SourceLocation(file: file, line: 1, column: 1),
                            "the file is UTF-16; save it as UTF-8 (in Excel: 'CSV UTF-8 (comma delimited)')")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return text }
        // Invalid UTF-8. If the file also holds valid multi-byte UTF-8, it is damaged UTF-8, not
        // another encoding: say where. Otherwise read it as Windows-1252.
        if let damage = firstInvalidUTF8(body), containsMultiByteUTF8(body) {
            throw .encoding(position(of: damage, in: body, file: file),
                            "invalid UTF-8 (byte 0x\(String(body[damage], radix: 16, uppercase: true))); save the file as UTF-8")
        }
        var scalars = String.UnicodeScalarView()
        for (index, byte) in body.enumerated() {
            guard let scalar = windows1252(byte) else {
                throw .encoding(position(of: index, in: body, file: file),
                                "byte 0x\(String(byte, radix: 16, uppercase: true)) is neither UTF-8 nor Windows-1252 text; save the file as UTF-8")
            }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The Windows-1252 character of a byte; nil for the five bytes it leaves undefined.
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar? {
        let high: [UInt32] = [0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                              0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178]
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = high[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 { return index }
            index += length
        }
        return nil
    }

    static func containsMultiByteUTF8(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length > 1 { return true }
            index += max(1, length)
        }
        return false
    }

    /// Length of the valid UTF-8 sequence at `index`, or 0.
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var minimum: UInt32
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return 0 }
        minimum = 0
        return length
    }

    /// Line and column (in characters, counting each undecodable byte as one) of a byte.
    static func position(of target: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, column = 1, index = 0
        while index < target {
            if bytes[index] == 0x0A { line += 1; column = 1; index += 1; continue }
            let length = sequenceLength(bytes, at: index)
            index += max(1, length)
            column += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
