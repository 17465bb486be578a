import Foundation
import Testing
@testable import amr

/// Every `$ amr …` block in README.md and the guides in docs/ after a `<!-- README-OUTPUT -->`
/// marker shows the real output of its commands; this test runs each one in-process from the
/// repository root and compares (and rewrites the blocks with AMR_UPDATE_GOLDEN=1). A block may hold several commands, each followed by its
/// output; they run in order, and a block that writes a file (`-o verdeling.xlsx`) runs in a
/// scratch directory that sees the repository's `Fixtures/` and `Tests/`, so the next command
/// can read it. README stays a front door (under 400 lines, linking every guide), and every
/// relative link in the docs points to a file and heading that exist.
@Suite struct ReadmeTests {
    struct Block {
        var commands: [String]
        var range: Range<Int>   // lines of the block's body, from its first command line
    }

    static let marker = "<!-- README-OUTPUT -->"

    static func blocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            if lines[index] == marker, index + 2 < lines.count, lines[index + 1] == "```console", lines[index + 2].hasPrefix("$ amr ") {
                let start = index + 2
                var end = start
                while end < lines.count, lines[end] != "```" { end += 1 }
                let commands = lines[start..<end].filter { $0.hasPrefix("$ amr ") }.map { String($0.dropFirst(2)) }
                blocks.append(Block(commands: commands, range: start..<end))
                index = end
            }
            index += 1
        }
        return blocks
    }

    /// Splits a shell-like command line (single quotes only).
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var any = false
        for character in command {
            if character == "'" { quoted.toggle(); any = true; continue }
            if character == " " && !quoted {
                if any || !current.isEmpty { words.append(current) }
                current = ""
                any = false
                continue
            }
            current.append(character)
        }
        if any || !current.isEmpty { words.append(current) }
        return words
    }

    static func rendered(_ outcome: Outcome) -> [String] {
        var text = outcome.stdout + outcome.stderr
        text = text.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if outcome.exitCode != 0 { lines.append("[exit \(outcome.exitCode)]") }
        return lines
    }

    /// A scratch directory with the repository's fixtures and test files linked in.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["Fixtures", "Tests"] {
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent(name),
                                                       withDestinationURL: TestSupport.root.appendingPathComponent(name))
        }
        return directory
    }

    /// README.md and every Markdown file in docs/, as paths from the repository root.
    static let documents: [String] = {
        let docs = TestSupport.root.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }()

    @Test func theGuidesAreFound() {
        // Guards the parameterised test below against running on nothing.
        for guide in ["installing", "allocating", "monitoring", "checking-in-ci", "plan-format", "cbs", "safety-and-limits", "development"] {
            #expect(Self.documents.contains("docs/\(guide).md"), "docs/\(guide).md is missing")
        }
    }

    @Test(arguments: ReadmeTests.documents) func outputsAreReal(_ document: String) throws {
        let url = TestSupport.root.appendingPathComponent(document)
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let blocks = Self.blocks(lines)
        // Every marker must start a block the test can run: a marker before anything else is a
        // block this test would silently skip.
        #expect(blocks.count == lines.filter { $0 == Self.marker }.count, "\(document): a \(Self.marker) marker is not followed by a ```console block starting with '$ amr '")
        if document == "README.md" { #expect(blocks.count >= 3) }
        for block in blocks.reversed() {
            // A block that writes files runs in a scratch directory; the others in the repository.
            let writes = block.commands.contains { Self.words($0).contains("-o") }
            let directory = writes ? try Self.scratch() : TestSupport.root
            defer { if writes { try? FileManager.default.removeItem(at: directory) } }
            var actual: [String] = []
            for command in block.commands {
                actual.append("$ " + command)
                actual += Self.rendered(TestSupport.run(Array(Self.words(command).dropFirst()), in: directory))
            }
            if TestSupport.updating {
                lines.replaceSubrange(block.range, with: actual)
            } else {
                #expect(Array(lines[block.range]) == actual, "\(document) output of '\(block.commands.joined(separator: "; "))' is out of date; run AMR_UPDATE_GOLDEN=1 swift test")
            }
        }
        if TestSupport.updating {
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func readmeIsAFrontDoor() throws {
        let text = try String(contentsOf: TestSupport.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n").count - (text.hasSuffix("\n") ? 1 : 0)
        #expect(lines < 400, "README.md has \(lines) lines; move detail into a guide under docs/")
        let targets = Set(Self.links(in: text).map { $0.components(separatedBy: "#")[0] })
        for document in Self.documents where document != "README.md" {
            #expect(targets.contains(document), "README.md does not link \(document)")
        }
    }

    @Test(arguments: ReadmeTests.documents) func linksLeadSomewhere(_ document: String) throws {
        let url = TestSupport.root.appendingPathComponent(document)
        let text = try String(contentsOf: url, encoding: .utf8)
        let directory = url.deletingLastPathComponent()
        let links = Self.links(in: text)
        for link in links where !link.contains("://") && !link.hasPrefix("mailto:") {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let target = parts[0].isEmpty ? url : directory.appendingPathComponent(parts[0]).standardizedFileURL
            guard FileManager.default.fileExists(atPath: target.path) else {
                Issue.record("\(document): link '\(link)' points to \(parts[0]), which does not exist")
                continue
            }
            if parts.count == 2 {
                let headings = Self.anchors(in: try String(contentsOf: target, encoding: .utf8))
                #expect(headings.contains(parts[1]), "\(document): link '\(link)' names no heading of \(target.lastPathComponent)")
            }
        }
        if document == "README.md" { #expect(links.count >= 7) }
    }

    /// The targets of the Markdown links `[text](target)` and images in a text, outside code
    /// blocks and code spans.
    static func links(in text: String) -> [String] {
        var links: [String] = []
        var fenced = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            if fenced { continue }
            // Drop code spans, whose brackets are not links.
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map { String($0.element) }.joined(separator: " ")
            var rest = Substring(prose)
            while let close = rest.range(of: "](") {
                let after = rest[close.upperBound...]
                guard let end = after.firstIndex(of: ")") else { break }
                links.append(String(after[..<end]))
                rest = after[after.index(after: end)...]
            }
        }
        return links
    }

    /// The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces
    /// as hyphens, and `-1`, `-2` … after a repeated one.
    static func anchors(in text: String) -> Set<String> {
        var anchors: Set<String> = []
        var seen: [String: Int] = [:]
        var fenced = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            guard !fenced, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }
            guard title.hasPrefix(" ") else { continue }
            let slug = String(title.dropFirst().lowercased().compactMap { character -> Character? in
                if character == " " { return "-" }
                if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
                return nil
            })
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return anchors
    }
}
