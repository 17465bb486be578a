import AMRCore

/// A date given as an option value, as Dutch users write it (`30-06-2021`, `30-6-2021`,
/// `30/06/2021`) or as ISO 8601 (`2021-06-30`). Day first whenever the year comes last: Dutch
/// dates never put the month first.
enum DateArgument {
    static func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character) }

    static func parse(_ text: String, option: String, command: String) throws(UsageError) -> PlanDate {
        let trimmed = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        let advice = "type a date as 30-06-2021 or 2021-06-30"
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }),
              let separator = trimmed.first(where: { $0 == "-" || $0 == "/" || $0 == "." }),
              trimmed.allSatisfy({ isDigit($0) || $0 == separator }) else {
            throw UsageError("--\(option) '\(text)' is not a date; \(advice)", command: command)
        }
        let numbers = parts.compactMap { Int($0) }
        let (year, month, day): (Int, Int, Int)
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            (year, month, day) = (numbers[2], numbers[1], numbers[0])
        } else {
            throw UsageError("--\(option) '\(text)' is not a date with a four-digit year; \(advice)", command: command)
        }
        guard let date = PlanDate(year: year, month: month, day: day) else {
            throw UsageError("--\(option) '\(text)' is not a day in the calendar (day \(day) of month \(month) of \(year)); \(advice)", command: command)
        }
        return date
    }
}
