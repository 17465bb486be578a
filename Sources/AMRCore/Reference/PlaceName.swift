import Foundation

/// How names of municipalities and regions are compared: case, diacritics, punctuation and
/// spacing do not count, so "Den Haag", "den-haag" and "DEN HAAG" are one name, "Súdwest-Fryslân"
/// is "sudwest-fryslan", and "Zuid-Kennemerland & IJmond" is "zuid-kennemerland-en-ijmond".
enum PlaceName {
    /// The comparison key: lower-case ASCII letters and digits, runs of anything else as one `-`,
    /// `&` read as "en" and "a/d" as "aan den" ("Capelle a/d IJssel").
    static func key(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        // Most names are ASCII: only the others need decomposing (â → a + ◌̂) first.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        for scalar in ascii ? text.unicodeScalars : text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if !scalar.isASCII, scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar == "&" {
                endWord()
                words.append("en")
            } else if let letter = asciiLetterOrDigit(scalar) {
                word.append(letter)
            } else {
                endWord()
            }
        }
        endWord()
        // "a/d" is how Dutch abbreviates "aan den" in place names.
        var index = 0
        while index + 1 < words.count {
            if words[index] == "a" && words[index + 1] == "d" { words.replaceSubrange(index...index + 1, with: ["aan", "den"]) }
            index += 1
        }
        return words.joined(separator: "-")
    }

    /// The key without separators, so "Food Valley" and "FoodValley" meet.
    static func compactKey(_ text: String) -> String {
        String(key(text).filter { $0 != "-" })
    }

    /// A sort key that files `'s-Gravenhage` under G, as CBS's alphabetical lists do.
    static func sortKey(_ name: String) -> String {
        let k = key(name)
        if name.hasPrefix("'") || name.hasPrefix("’"), k.hasPrefix("s-") || k.hasPrefix("t-") { return String(k.dropFirst(2)) }
        return k
    }

    static func asciiLetterOrDigit(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return Character(scalar)
        case 0x41...0x5A: return Character(Unicode.Scalar(UInt8(scalar.value + 0x20)))
        default:
            // Letters without a decomposition that people still write in ASCII.
            switch scalar {
            case "ø", "Ø": return "o"
            case "ł", "Ł": return "l"
            case "ı": return "i"
            default: return nil
            }
        }
    }
}
