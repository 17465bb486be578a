/// The shared strings of a workbook, all in one byte buffer: string `i` is
/// `bytes[ends[i - 1]..<ends[i]]`. One allocation for the whole table however many strings it
/// has, and each string's bytes are copied into a row as they are, with no String made.
struct SharedStrings {
    var bytes: [UInt8] = []
    var ends: [UInt32] = []

    var count: Int { ends.count }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    func string(_ index: Int) -> String { String(decoding: bytes[range(index)], as: UTF8.self) }
}

/// `xl/sharedStrings.xml`: the text of cells of type `s`, by index. A string item is plain
/// (`<si><t>…</t></si>`) or rich text whose runs are joined (`<si><r><t>…</t></r>…</si>`);
/// phonetic guides (`<rPh>`) are not part of the text. Text is taken exactly as written
/// (Excel marks leading and trailing spaces with `xml:space="preserve"`), with the OOXML escapes
/// `_xHHHH_` decoded (`_x000D_` is a carriage return).
///
/// Limits, so that a part costs memory in proportion to what it holds: at most `maximumCount`
/// strings (the caller scales it with the sheets' size: a string nobody uses costs nothing to
/// write but memory to keep), and no string longer than a cell may be (`WorksheetScanner.maximumCellLength`).
enum SharedStringsPart {
    static func read(_ source: any XMLByteSource, part: String, file: String, maximumCount: Int) throws(LoadError) -> SharedStrings {
        var scanner = XMLScanner(source: source)
        let main = scanner.namespace("http://schemas.openxmlformats.org/spreadsheetml/2006/main")
        let strict = scanner.namespace("http://purl.oclc.org/ooxml/spreadsheetml/main")
        var strings = SharedStrings()
        var itemStart = -1
        var inText = false
        var phoneticDepth = 0
        var escapes = false
        do {
            loop: while true {
                switch try scanner.next() {
                case .startElement:
                    guard scanner.elementNamespace == main || scanner.elementNamespace == strict else { continue }
                    if scanner.hasLocalName("si") {
                        itemStart = strings.bytes.count
                        escapes = false
                    } else if scanner.hasLocalName("rPh") {
                        phoneticDepth += 1
                    } else if scanner.hasLocalName("t") {
                        inText = itemStart >= 0 && phoneticDepth == 0
                    }
                case .endElement:
                    guard scanner.elementNamespace == main || scanner.elementNamespace == strict else { continue }
                    if scanner.hasLocalName("si") {
                        guard strings.count < maximumCount else {
                            throw LoadError.workbook(file: file, "the workbook has more than \(maximumCount) shared strings, more than its sheets could use; this is not a workbook saved by Excel (if it is genuine, raise AMR_MAX_FILE_SIZE)")
                        }
                        if itemStart < 0 { itemStart = strings.bytes.count }
                        if escapes { unescape(&strings.bytes, from: itemStart) }
                        try checkLength(strings.bytes, from: itemStart, index: strings.count, file: file)
                        strings.ends.append(UInt32(strings.bytes.count))
                        itemStart = -1
                    } else if scanner.hasLocalName("rPh") {
                        phoneticDepth = max(0, phoneticDepth - 1)
                    } else if scanner.hasLocalName("t") {
                        inText = false
                    }
                case .text where inText:
                    let before = strings.bytes.count
                    scanner.appendText(to: &strings.bytes)
                    if !escapes { escapes = containsEscape(strings.bytes, from: max(itemStart, before - 1)) }
                    if strings.bytes.count - itemStart > WorksheetScanner.maximumCellBytes {
                        throw tooLong(index: strings.count, file: file)
                    }
                case .text:
                    continue
                case .endOfDocument:
                    break loop
                }
            }
        } catch {
            throw XMLPart.loadError(error, part: part, file: file)
        }
        return strings
    }

    static func tooLong(index: Int, file: String) -> LoadError {
        .workbook(file: file, "shared string \(index) is longer than \(WorksheetScanner.maximumCellLength) characters, Excel's limit for a cell; this is not a workbook saved by Excel")
    }

    /// The item's text may not be longer than a cell's (in UTF-16 units, as Excel counts).
    static func checkLength(_ bytes: [UInt8], from start: Int, index: Int, file: String) throws(LoadError) {
        guard bytes.count - start > WorksheetScanner.maximumCellLength else { return }
        if String(decoding: bytes[start...], as: UTF8.self).utf16.count > WorksheetScanner.maximumCellLength { throw tooLong(index: index, file: file) }
    }

    /// Whether `_x` occurs in `bytes` from `start` on.
    static func containsEscape<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from start: Int) -> Bool where Bytes.Index == Int {
        var index = max(0, start)
        while index + 1 < bytes.count {
            if bytes[index] == 0x5F && bytes[index + 1] == 0x78 { return true }
            index += 1
        }
        return false
    }

    /// Decodes the escapes of `bytes[start...]` in place.
    static func unescape(_ bytes: inout [UInt8], from start: Int) {
        let text = unescaped(String(decoding: bytes[start...], as: UTF8.self))
        bytes.removeSubrange(start...)
        bytes.append(contentsOf: text.utf8)
    }

    /// Decodes `_xHHHH_` (ECMA-376 22.9.2.19, ST_Xstring): a UTF-16 code unit in hex, used for
    /// characters XML cannot hold; `_x005F_` escapes an underscore.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var units: [UInt16] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let value = UInt16(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16) {
                units.append(value)
                index += 7
                continue
            }
            units.append(contentsOf: String(scalars[index]).utf16)
            index += 1
        }
        return String(decoding: units, as: UTF16.self)
    }
}
