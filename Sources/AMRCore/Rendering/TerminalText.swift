/// The one escaping rule for text from files (names, values, file names, messages) on its way
/// to a terminal or a CI log. Control characters (C0, DEL, C1), the line and paragraph
/// separators and the bidirectional formatting characters are shown as visible escapes
/// (`\u{1B}`, `\u{202E}`; `\n`, `\r`, `\t` for those three), as Swift writes them; so a name can
/// neither drive the terminal (clear the screen, set its title, ring the bell), nor reorder
/// what is shown (Trojan Source, CVE-2021-42574), nor start a line of its own. And no line may
/// begin a GitHub Actions workflow command (`::error …`, also after leading spaces, as the
/// runner trims them): its first `:` is shown as `\u{3A}`.
///
/// Everything else, a backslash included, is left as written: a file name such as
/// `C:\plannen\x.json` stays readable. CSV, JSON, SARIF, JUnit, HTML and XLSX have escaping
/// rules of their own and keep the text as it is.
public enum TerminalText {
    /// `text` on one line with every character that is not shown as itself escaped visibly.
    public static func visible(_ text: String) -> String {
        escaping(text, keepingLines: false, guardingCommands: false)
    }

    /// Like `visible`, but keeps tabs: for a line of a source file under which a caret is drawn.
    public static func visibleKeepingTabs(_ text: String) -> String {
        guard text.contains("\t") else { return visible(text) }
        return text.split(separator: "\t", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\t")
    }

    /// Like `visible`, but keeps line breaks (`\n`) and tabs, and guards each line against
    /// beginning a workflow command: for whole messages or outputs made of lines.
    public static func lines(_ text: String) -> String {
        escaping(text, keepingLines: true, guardingCommands: true)
    }

    /// Only the guard of `lines`: for output whose parts were escaped with `visible` where they
    /// came from a file, and which holds escape sequences of its own (colours).
    public static func guardingCommands(_ text: String) -> String {
        guard text.contains("::") else { return text }
        return escaping(text, keepingLines: true, guardingCommands: true, escapingControls: false)
    }

    static func escaping(_ text: String, keepingLines: Bool, guardingCommands: Bool, escapingControls: Bool = true) -> String {
        let scalars = text.unicodeScalars
        func kept(_ scalar: Unicode.Scalar) -> Bool {
            !escapingControls || !needsEscape(scalar) || (keepingLines && (scalar == "\n" || scalar == "\t"))
        }
        guard scalars.contains(where: { !kept($0) }) || (guardingCommands && text.contains("::")) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var atLineStart = true
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if !kept(scalar) {
                result += escaped(scalar)
                atLineStart = false
            } else if guardingCommands, atLineStart, scalar == ":", next != scalars.endIndex, scalars[next] == ":" {
                result += escaped(scalar)
                atLineStart = false
            } else {
                result.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    atLineStart = true
                } else if scalar != " " && scalar != "\t" {
                    // The runner trims leading white space before it looks for `::`.
                    atLineStart = false
                }
            }
            index = next
        }
        return result
    }

    /// The longest run of characters without a space that a message shows whole; a longer one
    /// (a 100,000-digit amount) is cut in the middle, visibly and with the count of what is left out.
    public static let longestRun = 200

    /// `text` with each run of more than `longestRun` characters without white space cut to its
    /// first 60 and last 20 characters around `…(N characters left out)…`.
    public static func shortened(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > longestRun else { return text }
        var result = String.UnicodeScalarView()
        var runStart = 0
        func flush(_ end: Int) {
            let length = end - runStart
            if length > longestRun {
                result.append(contentsOf: scalars[runStart..<(runStart + 60)])
                result.append(contentsOf: "…(\(length - 80) characters left out)…".unicodeScalars)
                result.append(contentsOf: scalars[(end - 20)..<end])
            } else {
                result.append(contentsOf: scalars[runStart..<end])
            }
        }
        for (offset, scalar) in scalars.enumerated() where scalar.properties.isWhitespace {
            flush(offset)
            result.append(scalar)
            runStart = offset + 1
        }
        flush(scalars.count)
        return String(result)
    }

    /// Characters that a terminal or a log would not show as themselves.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Line and paragraph separators; Arabic letter mark; left-to-right and right-to-left
        // marks; embeddings, overrides and their pop; isolates and their pop.
        case 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `\n`, `\r`, `\t`, or `\u{1B}` with the code point in upper-case hexadecimal.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
    }
}
