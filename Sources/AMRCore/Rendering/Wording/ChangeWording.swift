/// The words of the monitor's changes table (what changed since the previous monitor), apart
/// from the big `Wording` so that other areas' words merge without conflicts.
struct ChangeWording: Sendable {
    /// The name of the changes' sheet in a workbook.
    var sheet: String
    var kind: String
    var line: String
    var before: String
    var after: String
    var realisedBefore: String
    var realisedNow: String
    var target: String
    var subproject: String

    static func of(_ locale: NumberLocale) -> ChangeWording {
        switch locale {
        case .nl: .dutch
        case .en: .english
        }
    }
}
