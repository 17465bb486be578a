import Foundation

/// The files `amr check` reads for its operands. A directory is searched for `*.json` files,
/// recursively and in sorted order; hidden entries are passed over, and what is clearly not a
/// plan is skipped with a note: a `node_modules` folder, a file that is not a regular file (a
/// FIFO, a socket, a device), a package manifest (`package.json`, `package-lock.json`,
/// `composer.json`, `tsconfig.json`) and a JSON Schema (such as `amr schema`'s output: its
/// `$schema` names the meta-schema at json-schema.org). A file named on the command
/// line is read as given unless it is one of those manifests or schemas. Anything else, even a
/// file that is not valid JSON, is read, so a plan that fails to load is reported, never hidden.
/// `--exclude` patterns leave out files and directories by name or path.
public struct PlanFileScan {
    /// A file left out, and why (for the note on stderr).
    public struct Skipped: Hashable, Sendable {
        public var file: String
        public var reason: Reason
    }

    /// Why a file is clearly not a plan; `CheckWording.skipReason` says it in words.
    public enum Reason: Hashable, Sendable {
        case device, socket, special
        case npmManifest, composerManifest, typeScriptConfiguration
        case jsonSchema
        case directoryLink, nodeModules
    }

    /// The note on stderr for each file left out, in `locale`'s language: `skipped
    /// plans/package.json: an npm package manifest`.
    public func notes(_ locale: NumberLocale) -> [String] {
        let words = CheckWording.of(locale)
        var notes = skipped.map { words.skipped($0.file, words.skipReason($0.reason)) }
        // Everything named was left out on purpose (--exclude) or is clearly not a plan (a hook
        // given only package.json): nothing to check is no error, but it is said.
        if files.isEmpty { notes.append(words.nothingLeft(!excluded.isEmpty)) }
        return notes
    }

    public private(set) var files: [String] = []
    public private(set) var skipped: [Skipped] = []
    /// Files and directories left out by `--exclude`, which the user asked for: not noted.
    public private(set) var excluded: [String] = []
    public let excludes: [PathGlob]

    public init(excludes: [PathGlob] = []) {
        self.excludes = excludes
    }

    /// Adds what `operand` names: a file as is, a directory as its `*.json` files and documents, `-` as
    /// standard input. Throws when a directory cannot be listed or holds nothing to check.
    public mutating func add(_ operand: String) throws(LoadError) {
        if operand == "-" {
            files.append(operand)
            return
        }
        if isExcluded(operand) {
            excluded.append(operand)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: operand, isDirectory: &isDirectory), isDirectory.boolValue else {
            if let reason = Self.notAPlan(operand, regularOnly: false) {
                skipped.append(Skipped(file: operand, reason: reason))
            } else {
                files.append(operand)
            }
            return
        }
        let base = operand.hasSuffix("/") && operand.count > 1 ? String(operand.dropLast()) : operand
        var found: [String] = []
        let before = skipped.count
        try walk(base, into: &found)
        if found.isEmpty {
            let reason = skipped.count > before ? "the directory holds no plan files (only files skipped as not a plan)" : "the directory holds no .json plan files and no .docx or .odt documents"
            throw .unreadable(file: operand, reason: reason)
        }
        files += found.sorted()
    }

    /// A file a directory scan reads: a plan file (`*.json`) or a Word or OpenDocument plan.
    static func isCandidate(_ name: String) -> Bool {
        if name.hasSuffix(".json") { return true }
        guard let dot = name.lastIndex(of: ".") else { return false }
        return DocumentReader.extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private mutating func walk(_ directory: String, into found: inout [String]) throws(LoadError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted() } catch {
            throw .unreadable(file: directory, reason: "cannot list the directory")
        }
        var directories: [String] = []
        var entries: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            if isExcluded(path) {
                excluded.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A dangling symbolic link: reading it gives the reason.
                if Self.isCandidate(name) { entries.append(path) }
                continue
            }
            if isDirectory.boolValue {
                if (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeSymbolicLink {
                    // Not followed: a link back up the tree would never end.
                    skipped.append(Skipped(file: path, reason: .directoryLink))
                } else if name == "node_modules" {
                    skipped.append(Skipped(file: path, reason: .nodeModules))
                } else {
                    directories.append(path)
                }
                continue
            }
            guard Self.isCandidate(name) else { continue }
            if let reason = Self.notAPlan(path, regularOnly: true) {
                skipped.append(Skipped(file: path, reason: reason))
            } else {
                entries.append(path)
            }
        }
        found += entries
        for path in directories { try walk(path, into: &found) }
    }

    func isExcluded(_ path: String) -> Bool { excludes.contains { $0.matches(path) } }

    /// Why the file at `path` is clearly not a plan, or nil when it may be one.
    static func notAPlan(_ path: String, regularOnly: Bool) -> Reason? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if regularOnly, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            return type == .typeCharacterSpecial || type == .typeBlockSpecial ? .device : type == .typeSocket ? .socket : .special
        }
        switch name {
        case "package.json", "package-lock.json", "npm-shrinkwrap.json": return .npmManifest
        case "composer.json", "composer.lock": return .composerManifest
        default: break
        }
        if name.hasPrefix("tsconfig") && name.hasSuffix(".json") { return .typeScriptConfiguration }
        // Only a regular file is opened here: a FIFO given on the command line is read once, later.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096) else { return nil }
        return isJSONSchema(Array(head)) ? .jsonSchema : nil
    }

    /// Whether the start of a file reads as a JSON Schema: a `$schema` that names the
    /// meta-schema at json-schema.org (a plan that names a schema names the plan schema).
    static func isJSONSchema(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        guard let key = text.range(of: "\"$schema\"") else { return false }
        let rest = text[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == ":" }
        guard rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") else { return false }
        return rest[rest.index(after: rest.startIndex)..<end].contains("json-schema.org")
    }
}
