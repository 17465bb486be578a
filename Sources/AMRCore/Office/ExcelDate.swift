/// Dates and times in a workbook: a number whose cell format is a date format, counted in days
/// from the workbook's epoch. Rendered as ISO text so that a date never passes for a weight.
///
/// The 1900 date system (Excel's default) numbers 1900-01-01 as day 1 and keeps Lotus 1-2-3's
/// leap-year bug: day 60 is the nonexistent 1900-02-29, so from day 61 (1900-03-01) on, day n is
/// 1899-12-30 + n. The 1904 system (old Mac workbooks, `date1904` in workbook.xml) numbers
/// 1904-01-01 as day 0. The fraction of a day is the time of day.
enum ExcelDate {
    /// What a number format makes of a number.
    enum Kind: Equatable {
        /// Not a date: the number is shown as a number.
        case number
        /// A calendar date, perhaps with a time of day.
        case date
        /// A time of day or a duration (`h:mm`, `[h]:mm:ss`): no calendar date.
        case time
    }

    /// The built-in formats (ECMA-376 18.8.30): 14–17 and 22 are dates, 18–21 and 45–47 times.
    static func kind(ofBuiltInFormat id: Int) -> Kind {
        switch id {
        case 14...17, 22: .date
        case 18...21, 45...47: .time
        default: .number
        }
    }

    /// The kind of a custom format code such as `dd-mm-yyyy`, `[$-413]d mmmm yyyy`, `h:mm` or
    /// `#,##0.00 "inw."`. Only the first section counts; quoted text, escaped characters,
    /// colours and locales in brackets are skipped. `d` or `y` make a date; `h`, `s` or an
    /// elapsed-time bracket (`[h]`, `[mm]`, `[ss]`) a time, in which `m` means minutes;
    /// otherwise `m` alone means months (`mmm-jj` → date).
    static func kind(ofFormatCode code: String) -> Kind {
        var letters: [Character] = []
        var elapsed = false
        var iterator = code.makeIterator()
        while let character = iterator.next() {
            switch character {
            case ";": break
            case "\"":
                while let inner = iterator.next(), inner != "\"" {}
                continue
            case "\\", "_", "*":
                _ = iterator.next()
                continue
            case "[":
                var inside = ""
                while let inner = iterator.next(), inner != "]" { inside.append(inner) }
                let lowered = inside.lowercased()
                if !lowered.isEmpty, lowered.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { elapsed = true }
                continue
            default:
                letters.append(Character(character.lowercased()))
                continue
            }
            break
        }
        let text = String(letters).replacingOccurrences(of: "am/pm", with: "").replacingOccurrences(of: "a/p", with: "")
        if text.contains("d") || text.contains("y") { return .date }
        if elapsed || text.contains("h") || text.contains("s") { return .time }
        if text.contains("m") { return .date }
        return .number
    }

    /// The days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's
    /// `days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date `days` after 1970-01-01 (`civil_from_days`).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The largest serial Excel shows as a date: 9999-12-31 in the 1900 system.
    static let maximumSerial = 2_958_465

    /// `serial` (plain decimal text, as `ExcelNumber.normalized` gives it) as `YYYY-MM-DD`,
    /// with ` HH:MM:SS` when it has a time of day, or as `H:MM:SS` for a time; nil when Excel
    /// cannot show it as a date either (negative, or after 9999-12-31).
    static func text(serial: String, kind: Kind, date1904: Bool) -> String? {
        guard kind != .number, !serial.hasPrefix("-") else { return nil }
        let parts = serial.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integerText = parts.first, integerText.count <= 7, var whole = Int(integerText), whole <= maximumSerial else { return nil }
        // The time of day to the second, rounded; 13 fraction digits are far below a second.
        var seconds = 0
        if parts.count == 2 {
            let digits = parts[1].prefix(13)
            guard let fraction = Int(digits) else { return nil }
            var scale = 1
            for _ in 0..<digits.count { scale *= 10 }
            seconds = (fraction * 86_400 + scale / 2) / scale
        }
        if seconds == 86_400 {
            whole += 1
            seconds = 0
        }
        let clock = "\(seconds / 3600):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        if kind == .time {
            return "\(whole * 24 + seconds / 3600):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        }
        let date: String
        if date1904 {
            let (y, m, d) = civil(days: days(year: 1904, month: 1, day: 1) + whole)
            date = "\(y)-\(pad(m))-\(pad(d))"
        } else if whole == 0 {
            date = "1900-01-00"          // as Excel shows day 0
        } else if whole == 60 {
            date = "1900-02-29"          // Lotus 1-2-3's leap day, kept by Excel
        } else {
            let (y, m, d) = civil(days: days(year: 1899, month: 12, day: whole < 60 ? 31 : 30) + whole)
            date = "\(y)-\(pad(m))-\(pad(d))"
        }
        return seconds == 0 ? date : date + " " + (clock.count < 8 ? "0" + clock : clock)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
