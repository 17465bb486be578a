/// Turns the bytes of a text file into a `String`: UTF-8 with or without a byte-order mark, or
/// Windows-1252, which CBS StatLine exports from before about 2018 and Excel's plain "CSV" use.
public enum TextDecoding {
    /// The text of `bytes`, read from `file` (the name is only used in messages).
    ///
    /// A UTF-8 byte-order mark is dropped. Valid UTF-8 is read as UTF-8; bytes that are not UTF-8
    /// at all are read as Windows-1252. UTF-16/32, NUL bytes, the five bytes Windows-1252 leaves
    /// undefined, and damaged UTF-8 (a file with a BOM or with valid multi-byte UTF-8 that also
    /// has invalid bytes, which Windows-1252 would silently garble) are errors with line and
    /// column (columns count characters; CRLF, LF and CR each end a line).
    public static func decode(_ bytes: [UInt8], file: String) throws(LoadError) -> String {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw .encoding(SourceLocation(file: file, line: 1, column: 1),
                            "the file is UTF-32; save it as UTF-8 (in Excel: 'CSV UTF-8')")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .encoding(SourceLocation(file: file, line: 1, column: 1),
                            "the file is UTF-16; save it as UTF-8 (in Excel: 'CSV UTF-8')")
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? bytes[3...] : bytes[...]
        if let nul = body.firstIndex(of: 0) {
            throw .encoding(position(of: nul, in: body, file: file),
                            "a NUL byte is not text; the file may be UTF-16 without a byte-order mark: save it as UTF-8")
        }
        let scan = scanUTF8(body)
        guard let invalid = scan.firstInvalid else {
            return String(decoding: body, as: UTF8.self)
        }
        if hasBOM || scan.hasMultiByte {
            throw .encoding(position(of: invalid, in: body, file: file),
                            "byte 0x\(hex(body[invalid])) is not valid UTF-8, though the rest of the file is; save the file as UTF-8 again")
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(body.count + body.count / 8)
        for index in body.indices {
            let byte = body[index]
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            guard let value = windows1252(byte) else {
                throw .encoding(position(of: index, in: body, file: file),
                                "byte 0x\(hex(byte)) is neither UTF-8 nor Windows-1252 text; save the file as UTF-8")
            }
            appendUTF8(value, to: &utf8)
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Windows-1252 at 0x80–0x9F differs from Latin-1; 0 marks the five undefined bytes.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The code point of a Windows-1252 byte, or nil for 0x81, 0x8D, 0x8F, 0x90 and 0x9D.
    static func windows1252(_ byte: UInt8) -> UInt32? {
        guard (0x80...0x9F).contains(byte) else { return UInt32(byte) }
        let value = windows1252High[Int(byte - 0x80)]
        return value == 0 ? nil : value
    }

    private static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            // Windows-1252 maps nothing above U+FFFF.
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// The index of the first byte that is not valid UTF-8, and whether valid multi-byte
    /// sequences occur anywhere in the bytes.
    static func scanUTF8(_ bytes: ArraySlice<UInt8>) -> (firstInvalid: Int?, hasMultiByte: Bool) {
        var firstInvalid: Int?
        var hasMultiByte = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                if firstInvalid == nil { firstInvalid = index }
                if hasMultiByte { break }
                index += 1
            } else {
                hasMultiByte = true
                if firstInvalid != nil { break }
                index += length
            }
        }
        return (firstInvalid, hasMultiByte)
    }

    /// The length of the valid UTF-8 sequence at `index` (no overlong forms, no surrogates,
    /// nothing above U+10FFFF), or 0.
    static func sequenceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        let minimum: UInt32
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return 0
        }
        guard bytes.endIndex - index >= length else { return 0 }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return 0 }
        return length
    }

    /// Line and column of the byte at `target`, counting valid UTF-8 sequences as one character
    /// and any other byte as one.
    static func position(of target: Int, in bytes: ArraySlice<UInt8>, file: String) -> SourceLocation {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < target {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < target, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
                index += 1
                continue
            }
            index += max(1, sequenceLength(bytes, at: index))
            column += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func hex(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0" + text : text
    }
}
