/// `xl/sharedStrings.xml`: the text of cells of type `s`, by index. A string item is plain
/// (`<si><t>…</t></si>`) or rich text whose runs are joined (`<si><r><t>…</t></r>…</si>`);
/// phonetic guides (`<rPh>`) are not part of the text. Text is taken exactly as written
/// (Excel marks leading and trailing spaces with `xml:space="preserve"`), with the OOXML escapes
/// `_xHHHH_` decoded (`_x000D_` is a carriage return).
struct SharedStringsPart: XMLPartHandler {
    var strings: [String] = []
    /// Most strings a part may hold, so a hostile part cannot fill memory with empty items.
    let maximumCount: Int
    let file: String

    private var item: String?
    private var inText = false
    private var phoneticDepth = 0

    init(maximumCount: Int, file: String) {
        self.maximumCount = maximumCount
        self.file = file
    }

    mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError) {
        guard let namespace, XMLPart.spreadsheetNamespaces.contains(namespace) else { return }
        switch name {
        case "si": item = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = item != nil && phoneticDepth == 0
        default: break
        }
    }

    mutating func end(_ name: String, namespace: String?) throws(LoadError) {
        guard let namespace, XMLPart.spreadsheetNamespaces.contains(namespace) else { return }
        switch name {
        case "si":
            guard strings.count < maximumCount else {
                throw LoadError.workbook(file: file, "the workbook has more than \(maximumCount) shared strings; if it is genuine, raise AMR_MAX_FILE_SIZE")
            }
            strings.append(Self.unescaped(item ?? ""))
            item = nil
        case "rPh": phoneticDepth = max(0, phoneticDepth - 1)
        case "t": inText = false
        default: break
        }
    }

    mutating func characters(_ text: String) throws(LoadError) {
        if inText { item?.append(text) }
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
