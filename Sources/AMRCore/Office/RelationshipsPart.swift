/// The relationships of a package part (`_rels/.rels`, `xl/_rels/workbook.xml.rels`): which
/// part plays which role, by id.
struct RelationshipsPart: XMLPartHandler {
    struct Relationship: Equatable {
        var id: String
        /// The relationship type URI; its last path component says the role (`worksheet`,
        /// `sharedStrings`, `styles`, `officeDocument`).
        var type: String
        var target: String
        var external: Bool

        /// The role: the last component of the type URI.
        var role: String { type.split(separator: "/").last.map(String.init) ?? "" }
    }

    var relationships: [Relationship] = []

    mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError) {
        guard name == "Relationship", let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else { return }
        relationships.append(Relationship(id: id, type: type, target: target, external: attributes["TargetMode"] == "External"))
    }

    mutating func end(_ name: String, namespace: String?) throws(LoadError) {}
    mutating func characters(_ text: String) throws(LoadError) {}

    /// The first relationship in the role `role`.
    func first(role: String) -> Relationship? { relationships.first { $0.role == role && !$0.external } }

    /// The part a relationship `target` of the part `source` points to: absolute (`/xl/…`) from
    /// the package root, else relative to the source's folder, with `.` and `..` resolved; nil
    /// when it climbs out of the package.
    static func resolve(_ target: String, from source: String) -> String? {
        var components: [Substring] = []
        if !target.hasPrefix("/") {
            components = source.split(separator: "/", omittingEmptySubsequences: true)
            if !components.isEmpty { components.removeLast() }
        }
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.isEmpty ? nil : components.joined(separator: "/")
    }

    /// The relationships part of `source`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func partName(for source: String) -> String {
        var components = source.split(separator: "/").map(String.init)
        let name = components.popLast() ?? ""
        return (components + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}
