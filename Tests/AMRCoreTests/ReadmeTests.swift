import Foundation
import Testing
@testable import amr

/// Every `$ amr …` block in README.md after a `<!-- README-OUTPUT -->` marker shows the real
/// output of its commands; this test runs each one in-process and compares (and rewrites the
/// blocks with AMR_UPDATE_GOLDEN=1). A block may hold several commands, each followed by its
/// output; they run in order, and a block that writes a file (`-o verdeling.xlsx`) runs in a
/// scratch directory that sees the repository's `Fixtures/` and `Tests/`, so the next command
/// can read it.
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

    @Test func readmeOutputsAreReal() throws {
        let url = TestSupport.root.appendingPathComponent("README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let blocks = Self.blocks(lines)
        #expect(blocks.count >= 5)
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
                #expect(Array(lines[block.range]) == actual, "README output of '\(block.commands.joined(separator: "; "))' is out of date; run AMR_UPDATE_GOLDEN=1 swift test")
            }
        }
        if TestSupport.updating {
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
