/// `xl/workbook.xml`: the sheets in order, with their names and relationship ids, and the date
/// system.
struct WorkbookPart: XMLPartHandler {
    struct Sheet: Equatable {
        var name: String
        var relationshipID: String
        /// `hidden` or `veryHidden` for a sheet the user does not see.
        var hidden: Bool
    }

    var sheets: [Sheet] = []
    /// The sheet Excel opens on (`<workbookView activeTab="1"/>`), by position.
    var activeTab = 0
    /// The 1904 date system (`<workbookPr date1904="1"/>`).
    var date1904 = false
    var sawWorkbook = false

    mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError) {
        guard let namespace, XMLPart.spreadsheetNamespaces.contains(namespace) else { return }
        switch name {
        case "workbook":
            sawWorkbook = true
        case "workbookView":
            if let tab = attributes["activeTab"].flatMap({ Int($0) }), tab >= 0, activeTab == 0 { activeTab = tab }
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        case "sheet":
            // The id's prefix is whatever the part binds to the relationships namespace.
            let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            let state = attributes["state"] ?? "visible"
            sheets.append(Sheet(name: attributes["name"] ?? "", relationshipID: id, hidden: state != "visible"))
        default:
            break
        }
    }

    mutating func end(_ name: String, namespace: String?) throws(LoadError) {}
    mutating func characters(_ text: String) throws(LoadError) {}
}
