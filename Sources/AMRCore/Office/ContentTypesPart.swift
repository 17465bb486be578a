/// `[Content_Types].xml`, as far as finding the workbook needs it: the part whose content type
/// is a spreadsheet's main part (`…spreadsheetml.sheet.main+xml`, also template and
/// macro-enabled workbooks).
struct ContentTypesPart: XMLPartHandler {
    /// The main part's name without its leading `/` (`xl/workbook.xml`).
    var mainPart: String?

    mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError) {
        guard name == "Override", mainPart == nil, let part = attributes["PartName"], let type = attributes["ContentType"]?.lowercased() else { return }
        if type.hasSuffix("main+xml"), type.contains("spreadsheetml") || type.contains("ms-excel") {
            mainPart = RelationshipsPart.resolve(part, from: "")
        }
    }

    mutating func end(_ name: String, namespace: String?) throws(LoadError) {}
    mutating func characters(_ text: String) throws(LoadError) {}
}
