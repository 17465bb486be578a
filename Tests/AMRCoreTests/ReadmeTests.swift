import Foundation
import Testing
@testable import amr

/// Every `$ amr …` block in README.md after a `<!-- README-OUTPUT -->` marker shows the real
/// output of that command; this test runs each one in-process and compares (and rewrites the
/// blocks with AMR_UPDATE_GOLDEN=1).
@Suite struct ReadmeTests {
    struct Block {
        var command: String
        var range: Range<Int>   // lines of the block's body after the command line
    }

    static let marker = "<!-- README-OUTPUT -->"

    static func blocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            if lines[index] == marker, index + 2 < lines.count, lines[index + 1] == "```console", lines[index + 2].hasPrefix("$ amr ") {
                let start = index + 3
                var end = start
                while end < lines.count, lines[end] != "```" { end += 1 }
                blocks.append(Block(command: String(lines[index + 2].dropFirst(2)), range: start..<end))
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

    @Test func readmeOutputsAreReal() throws {
        let url = TestSupport.root.appendingPathComponent("README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let blocks = Self.blocks(lines)
        #expect(blocks.count >= 5)
        for block in blocks.reversed() {
            let outcome = TestSupport.run(Array(Self.words(block.command).dropFirst()))
            let actual = Self.rendered(outcome)
            if TestSupport.updating {
                lines.replaceSubrange(block.range, with: actual)
            } else {
                #expect(Array(lines[block.range]) == actual, "README output of '\(block.command)' is out of date; run AMR_UPDATE_GOLDEN=1 swift test")
            }
        }
        if TestSupport.updating {
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
