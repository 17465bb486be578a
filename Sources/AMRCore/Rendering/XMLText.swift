/// Escaping for the XML amr writes (JUnit reports, the parts of a workbook).
public enum XMLText {
    /// Text safe in XML 1.0: markup characters as entities; in attributes also tab, line feed and
    /// carriage return as character references (a parser would turn them into spaces), in text a
    /// carriage return (a parser would drop it). Characters XML 1.0 forbids even as references
    /// (most C0 controls, U+FFFE, U+FFFF) become `#x1B`, as pytest writes them, so what was there
    /// stays visible.
    public static func escaped(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += attribute ? "&quot;" : "\""
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "#x" + (hex.count == 1 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
