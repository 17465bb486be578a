/// Receives the events of one small XML part of a workbook (the workbook, relationships,
/// content types, styles). Element names are local names with their namespace URI; attribute
/// keys are as written (`r:id`), namespace declarations left out.
protocol XMLPartHandler {
    mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError)
    mutating func end(_ name: String, namespace: String?) throws(LoadError)
    mutating func characters(_ text: String) throws(LoadError)
}

/// Reads the XML parts of a workbook with `XMLScanner` and turns every way one can fail into a
/// `LoadError` naming the file and the part. The scanner refuses a document type declaration,
/// processing instructions and encodings other than UTF-8 by construction, so no entity can be
/// expanded or fetched. The sheet itself is read by `WorksheetScanner`, which needs no Strings
/// per cell.
enum XMLPart {
    /// The SpreadsheetML namespaces: transitional (what Excel writes) and strict.
    static let spreadsheetNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ]

    /// Feeds `bytes`, the part named `part` of the workbook `file`, to `handler`.
    static func parse<Handler: XMLPartHandler>(_ bytes: [UInt8], part: String, file: String, into handler: inout Handler) throws(LoadError) {
        var scanner = XMLScanner(bytes: bytes)
        do {
            while true {
                switch try scanner.next() {
                case .startElement:
                    var attributes: [String: String] = [:]
                    for index in 0..<scanner.attributeCount where scanner.attributeNamespace(at: index) != .xmlns {
                        attributes[scanner.attributeName(at: index)] = scanner.attributeValue(at: index)
                    }
                    let uri = scanner.uri(of: scanner.elementNamespace)
                    try handler.start(scanner.localName, namespace: uri.isEmpty ? nil : uri, attributes: attributes)
                case .endElement:
                    let uri = scanner.uri(of: scanner.elementNamespace)
                    try handler.end(scanner.localName, namespace: uri.isEmpty ? nil : uri)
                case .text:
                    try handler.characters(scanner.text())
                case .endOfDocument:
                    return
                }
            }
        } catch {
            throw XMLPart.loadError(error, part: part, file: file)
        }
    }

    /// The load error for whatever reading the part `part` of `file` threw: a scanner's error
    /// worded by `failure`, a load error as it is, anything else as a part that cannot be read.
    static func loadError(_ error: any Error, part: String, file: String,
                          failure: (XMLError, String, String) -> LoadError = { failure($0, part: $1, file: $2) }) -> LoadError {
        switch error {
        case let error as XMLError: return failure(error, part, file)
        case let error as LoadError: return error
        default: return .workbook(file: file, "part \(part) cannot be read: \(error)")
        }
    }

    /// The message for a scanner's error in the part `part` of the workbook `file`.
    static func failure(_ error: XMLError, part: String, file: String) -> LoadError {
        switch error.kind {
        case .input:
            return .workbook(file: file, error.reason)
        case .refused:
            return .workbook(file: file, "part \(part) is refused (line \(error.line), column \(error.column)): \(error.reason); save the workbook again from Excel")
        case .limit:
            return .workbook(file: file, "part \(part) goes beyond a limit (line \(error.line), column \(error.column)): \(error.reason); this is not a workbook saved by Excel")
        case .malformed where error.reason.hasPrefix("the part is not UTF-8 (byte"):
            return ZipArchive.damaged(file, "part \(part) is not UTF-8 text (byte \(error.offset + 1) is not); workbooks are written in UTF-8")
        case .malformed:
            return ZipArchive.damaged(file, "part \(part) is not well-formed XML (line \(error.line), column \(error.column): \(error.reason))")
        }
    }
}
