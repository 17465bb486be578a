/// `xl/styles.xml`, as far as dates need it: for each cell format (`cellXfs`, indexed by a
/// cell's `s`) whether its number format shows a date, a time or a number.
struct StylesPart: XMLPartHandler {
    /// The kind of each cell format, in order.
    var kinds: [ExcelDate.Kind] = []
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false
    /// Inside `<numFmts>`: only there are number formats for cells (`<dxfs>` has its own, for
    /// conditional formatting, that may reuse ids).
    private var inNumberFormats = false

    mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError) {
        guard let namespace, XMLPart.spreadsheetNamespaces.contains(namespace) else { return }
        switch name {
        case "numFmts":
            inNumberFormats = true
        case "numFmt" where inNumberFormats:
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    mutating func end(_ name: String, namespace: String?) throws(LoadError) {
        guard let namespace, XMLPart.spreadsheetNamespaces.contains(namespace) else { return }
        if name == "cellXfs" { inCellFormats = false }
        if name == "numFmts" { inNumberFormats = false }
        if name == "styleSheet" { finish() }
    }

    mutating func characters(_ text: String) throws(LoadError) {}

    /// Resolves the format ids once the part is read (custom formats may follow their use).
    mutating func finish() {
        kinds = formatIDs.map { id in customFormats[id].map(ExcelDate.kind(ofFormatCode:)) ?? ExcelDate.kind(ofBuiltInFormat: id) }
    }
}
