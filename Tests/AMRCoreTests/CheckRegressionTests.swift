import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// False alarms real plans gave, each rebuilt in a plan of our own in the same shape: each must
/// give no error, and a number planted wrong in it must still be found, once, at that number.
@Suite struct CheckRegressionTests {
    static let folder = "Tests/AMRCoreTests/Regressions/check/"

    static func text(_ name: String) throws -> String {
        try String(contentsOf: TestSupport.root.appendingPathComponent(folder + name), encoding: .utf8)
    }

    static func findings(_ text: String, locale: NumberLocale = .nl) throws -> [Finding] {
        PlanChecker.check(try PlanLoader.load(bytes: Array(text.utf8), file: "t.json"), locale: locale)
    }

    /// `old` → `new` in `name`, which must occur exactly once.
    static func variant(_ name: String, _ old: String, _ new: String) throws -> String {
        let text = try text(name)
        #expect(text.components(separatedBy: old).count == 2, "\(old) occurs once in \(name)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test(arguments: ["key-not-printed.json", "one-wrong-number.json", "background-target.json", "rounded-figures.json", "percentages-in-text.json",
                      "levels-and-changes.json", "national-figures.json"])
    func noFalseAlarm(name: String) throws {
        let found = try Self.findings(try Self.text(name))
        let unexpected = found.filter { $0.severity != .note }
        if name == "one-wrong-number.json" {
            // Its four wrong numbers, each once, where it is; the text repeating them rightly is no
            // finding, nor are the shares of the allocation whose amount is printed wrong.
            #expect(unexpected.map { "\($0.rule) \($0.location.pointer ?? "") \($0.stated ?? "")→\($0.expected ?? "")" } == [
                "budget-sum /budgets/0/total 200000.00→2000000.00",
                "allocation-sum /allocations/0/amount 15950.00→159500.00",
                "target-split /targets/0/value 285→2850",
                "grand-total /grandTotals/0/amount 50.00→500.00",
            ])
        } else {
            #expect(unexpected.isEmpty, "\(unexpected.map(\.message))")
        }
    }

    /// A key the plan names but does not print is a note that says how to add the figures; the
    /// sum is still checked.
    @Test func aKeyWithoutFiguresIsANoteAndTheSumIsStillChecked() throws {
        let found = try Self.findings(try Self.text("key-not-printed.json"))
        #expect(found.count == 1)
        #expect(found.first?.severity == .note)
        #expect(found.first?.rule == "allocation-share")
        #expect(found.first?.location.pointer == "/allocations/0/key")
        #expect(found.first?.hint?.contains("/region/municipalities/…/measures/inwoners") == true)
        #expect(found.first?.hint?.contains("\"date\": \"2019-07-01\"") == true)

        let planted = try Self.findings(try Self.variant("key-not-printed.json", "\"15000.00\"", "\"15000.01\""))
        let errors = planted.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == ["allocation-sum"])
        #expect(errors.first?.stated == "90000.00")
        #expect(errors.first?.expected == "90000.01")
    }

    /// With --strict a note is still no failure, and the summary counts it.
    @Test func aNoteFailsNothingNotEvenStrict() {
        let outcome = TestSupport.run(["check", "--strict", Self.folder + "key-not-printed.json"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.hasSuffix("1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen, 1 opmerking\n"))
        let github = TestSupport.run(["check", "--format", "github", Self.folder + "key-not-printed.json"])
        #expect(github.stdout.hasPrefix("::notice file=\(Self.folder)key-not-printed.json,line=20,col=14,title=amr allocation-share::"))
    }

    /// `amr allocate PLAN` makes every allocation it can and says which it cannot, and why.
    @Test func allocateShowsEveryAllocationItCan() {
        let outcome = TestSupport.run(["allocate", Self.folder + "key-not-printed.json", "--format", "csv"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.contains("Duinrand"))
        #expect(outcome.stdout.contains("1000"))
        #expect(outcome.stderr.contains("allocation 'bijdrage-2020' is not made"))
        #expect(outcome.stderr.contains("measures/inwoners"))
        let only = TestSupport.run(["allocate", Self.folder + "key-not-printed.json", "--allocation", "bijdrage-2020"])
        #expect(only.exitCode == 2)
        #expect(only.stdout == "")
    }

    /// Where the key is CBS's inhabitants on 1 January of a year amr carries, the shares are
    /// checked against CBS's figures, as a warning that says so.
    @Test func aCBSKeyWithoutFiguresIsCheckedAgainstCBS() throws {
        let plan = """
            { "schemaVersion": 1, "id": "t", "title": "t", "region": { "id": "haaglanden", "name": "Haaglanden", "municipalities": [
                { "code": "GM0503", "name": "Delft" }, { "code": "GM0518", "name": "Den Haag" } ] },
              "allocations": [ { "id": "a", "amount": "1000.00", "key": { "measure": "inwoners", "date": "2021-01-01" },
                "shares": [ { "municipality": "GM0503", "stated": "SHARE1" }, { "municipality": "GM0518", "stated": "SHARE2" } ] } ] }
            """
        let probe = try PlanLoader.load(bytes: Array(plan.replacingOccurrences(of: "SHARE1", with: "0").replacingOccurrences(of: "SHARE2", with: "0").utf8), file: "t.json")
        let exact = try PlanAllocator.allocate(PlanAllocator.withCBSKey(probe.plan.allocations[0], date: PlanDate(year: 2021, month: 1, day: 1)!), in: probe)
        let right = plan.replacingOccurrences(of: "SHARE1", with: exact.rows[0].amount.description).replacingOccurrences(of: "SHARE2", with: exact.rows[1].amount.description)
        #expect(try Self.findings(right).isEmpty)
        let off = try exact.rows[0].amount.adding(Money(cents: 1))
        let wrong = plan.replacingOccurrences(of: "SHARE1", with: off.description).replacingOccurrences(of: "SHARE2", with: exact.rows[1].amount.description)
        let found = try Self.findings(wrong, locale: .en).filter { $0.rule == "allocation-share" }
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("by CBS's inhabitants on 2021-01-01") == true)
    }

    /// Each construct still catches a planted error, once, at the planted number.
    @Test(arguments: [
        ("background-target.json", ", \"background\": true", "", "period", "/targets/0/date"),
        ("rounded-figures.json", "\"total\": 290", "\"total\": 2900", "count-total", "/tables/0/total"),
        ("rounded-figures.json", "\"totaal\": 290", "\"totaal\": 29", "table-column-total", "/tables/1/totals/totaal"),
        ("rounded-figures.json", "\"oud\": 90, \"totaal\": 120", "\"oud\": 900, \"totaal\": 120", "table-row-total", "/tables/1/rows/1/values/oud"),
        ("rounded-figures.json", "\"value\": 4200", "\"value\": 420", "consistency", "/targets/0/alsoStated/0/value"),
        ("rounded-figures.json", "\"value\": \"5600000\"", "\"value\": \"560000\"", "consistency", "/budgets/0/lines/0/alsoStated/0/value"),
        ("rounded-figures.json", "\"value\": 18,", "\"value\": 1.8,", "consistency", "/targets/1/alsoStated/0/value"),
        // A range that does not hold the number ("400 à 450" for 4.380).
        ("rounded-figures.json", "\"value\": 4000, \"upTo\": 4500", "\"value\": 400, \"upTo\": 450", "consistency", "/targets/0/alsoStated/1/value"),
        ("one-wrong-number.json", "\"value\": \"2000000\"", "\"value\": \"3000000\"", "consistency", "/budgets/0/alsoStated/0/value"),
        ("one-wrong-number.json", "\"value\": 2850", "\"value\": 2580", "consistency", "/targets/0/alsoStated/0/value"),
        // A percentage in the text of a table's total row over another column of it ("80% is 27–65 jaar" where the table gives 90%).
        ("percentages-in-text.json", "\"percent\": 90,", "\"percent\": 80,", "percentage", "/percentages/0/percent"),
        // Of a measure at a date of one municipality.
        ("percentages-in-text.json", "\"percent\": 8,", "\"percent\": 9,", "percentage", "/percentages/1/percent"),
        // Of a measure over the whole region.
        ("percentages-in-text.json", "\"percent\": 65,", "\"percent\": 56,", "percentage", "/percentages/2/percent"),
        // A target over a single stated figure.
        ("percentages-in-text.json", "\"base\": 150 }", "\"base\": 1500 }", "percentage", "/percentages/3/percent"),
        // "bijna 11%": within 10% of it, but not a dropped digit.
        ("percentages-in-text.json", "\"percent\": 11,", "\"percent\": 1.1,", "percentage", "/percentages/4/percent"),
        // A target as a level beside its baseline and growth: 934 + 795 is 1.729, not 1.579.
        ("levels-and-changes.json", "\"value\": 1729", "\"value\": 1579", "target-split", "/targets/0/value"),
        // A change between two dates: "ca. 400" allows 10%, a dropped digit not.
        ("levels-and-changes.json", "\"value\": -400", "\"value\": -40", "target-split", "/changes/0/value"),
        ("levels-and-changes.json", "\"percent\": \"-9.4\"", "\"percent\": \"-94\"", "target-split", "/changes/0/percent"),
        ("levels-and-changes.json", "\"value\": -250 }", "\"value\": -25 }", "target-split", "/changes/1/value"),
        // The country's figures beside the region's are checked in their own row (a percentage),
        // but are no part of the region's total.
        ("national-figures.json", "\"aandeel-ww\": \"40.0\"", "\"aandeel-ww\": \"4.0\"", "table-percentage", "/tables/0/rows/2/values/aandeel-ww"),
        ("national-figures.json", "\"total\": 120", "\"total\": 1200", "count-total", "/tables/1/total"),
        // A table's percentage of one cell of another table (the region's total) and of a figure printed once.
        ("percentages-in-text.json", "\"van-regio\": \"6.1\"", "\"van-regio\": \"16.1\"", "table-percentage", "/tables/1/rows/1/values/van-regio"),
        ("percentages-in-text.json", "\"van-doel\": 26 }", "\"van-doel\": 62 }", "table-percentage", "/tables/1/rows/0/values/van-doel"),
    ])
    func aPlantedErrorIsFoundOnce(name: String, old: String, new: String, rule: String, pointer: String) throws {
        let before = try Self.findings(try Self.text(name)).filter { $0.severity == .error }
        let after = try Self.findings(try Self.variant(name, old, new)).filter { $0.severity == .error }
        let added = after.filter { finding in !before.contains { $0.rule == finding.rule && $0.location == finding.location } }
        #expect(added.map(\.rule) == [rule])
        #expect(added.first?.location.pointer == pointer)
    }

    /// Rounding is no licence for any gap: a rounded table whose sum is off by more than its
    /// numbers' rounding allows is still wrong.
    @Test func roundingAllowsHalfAUnitPerNumber() throws {
        // 100 + 120 + 80 = 300: with four numbers rounded to 10 the total may be 280…320.
        #expect(try Self.findings(try Self.variant("rounded-figures.json", "\"total\": 290", "\"total\": 280")).filter { $0.severity == .error }.isEmpty)
        #expect(try Self.findings(try Self.variant("rounded-figures.json", "\"total\": 290", "\"total\": 270")).map(\.rule) == ["count-total"])
    }

    /// Two statements of a measure in the region's measures are named by their sources.
    @Test func aDisagreementNamesBothPlacesByTheirSource() throws {
        let plan = """
            { "schemaVersion": 1, "id": "t", "title": "t", "region": { "id": "r", "name": "R", "municipalities": [
                { "code": "GM9101", "name": "Duinrand", "measures": { "bijstand": [
                    { "value": 336, "date": "2020-01-01", "source": "tabel 2" }, { "value": 390, "date": "2020-01-01", "source": "bijlage B" } ] } } ] } }
            """
        #expect(try Self.findings(plan, locale: .en).map(\.message)
                == ["the bijstand of Duinrand on 2020-01-01 is 390 in the region's measures (bijlage B) but 336 in the region's measures (tabel 2)"])
        #expect(try Self.findings(plan).map(\.message)
                == ["het cijfer \"bijstand\" van Duinrand op 1 januari 2020 is 390 in de gemeentegegevens (bijlage B), maar 336 in de gemeentegegevens (tabel 2)"])
    }

    /// A percentage whose base the file does not give is a warning that says what to add.
    @Test func aPercentageWithoutBaseIsAWarningSayingWhatToAdd() throws {
        let text = try Self.variant("percentages-in-text.json", ", \"base\": 1000 }", " }")
        let found = try Self.findings(text, locale: .en)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.location.pointer == "/percentages/4/percent")
        #expect(found.first?.hint?.hasPrefix("add \"base\"") == true)
        #expect(try Self.findings(text).first?.hint?.hasPrefix("vul \"base\" aan") == true)

        let target = try Self.variant("percentages-in-text.json", "\"value\": 120, \"date\"", "\"value\": 120, \"percent\": 35, \"date\"")
        let warned = try Self.findings(target)
        #expect(warned.map(\.rule) == ["percentage"])
        #expect(warned.first?.severity == .warning)
        #expect(warned.first?.location.pointer == "/targets/0/percent")
    }

    /// A reference to a table, row or column that is not there is an error naming it.
    @Test func aReferenceThatIsNotThereIsAnError() throws {
        let found = try Self.findings(try Self.variant("percentages-in-text.json", "\"row\": \"GM9101\", \"column\": \"uitstroom\"", "\"row\": \"GM9109\", \"column\": \"uitstroom\""),
                                      locale: .en)
        #expect(found.map(\.message) == ["\"In Duinrand stroomde 8% van het bestand uit naar werk\" (8%) cannot be checked: \"Uitstroom naar werk 2020\" has no row \"GM9109\""])
    }

    /// Without `national` the country's row would be added into the region's total: so the mark
    /// is what makes the clean plan clean; and a made-up empty cluster is a warning that says so.
    @Test func theCountrysRowIsMarkedNotMadeUp() throws {
        let unmarked = try Self.findings(try Self.variant("national-figures.json", "\"label\": \"Nederland\", \"national\": true,", "\"label\": \"Nederland\","))
        #expect(unmarked.filter { $0.severity == .error }.map(\.rule) == ["table-column-total", "table-column-total", "table-column-total"])
        let cluster = try Self.variant("national-figures.json", "{ \"code\": \"GM9102\", \"name\": \"Zeewijk\" } ]",
                                       "{ \"code\": \"GM9102\", \"name\": \"Zeewijk\" } ], \"clusters\": [ { \"id\": \"nederland\", \"name\": \"Nederland\", \"municipalities\": [] } ]")
        let warned = try Self.findings(cluster)
        #expect(warned.map(\.rule) == ["reference"])
        #expect(warned.first?.severity == .warning)
        #expect(warned.first?.hint?.contains("\"national\": true") == true)
    }

    /// A wrong measure that several statements use (a percentage of it, a table that states it
    /// again) is one finding, at the measure, when the table's own sums confirm the other value.
    @Test func aWrongMeasureIsReportedOnceAtTheMeasure() throws {
        let text = try Self.variant("percentages-in-text.json", "\"value\": 650, \"date\": \"2020-01-01\"", "\"value\": 560, \"date\": \"2020-01-01\"")
        let errors = try Self.findings(text).filter { $0.severity == .error }
        #expect(errors.map(\.rule) == ["consistency"])
        #expect(errors.first?.location.pointer == "/region/municipalities/0/measures/bijstand/0/value")
        #expect(errors.first?.stated == "560")
        #expect(errors.first?.expected == "650")
        #expect(errors.first?.related.map(\.location.pointer) == ["/tables/0/rows/0/values/totaal"])
    }

    /// In a rounded table an inner number's row and column each give their own right value:
    /// the message names each total with what it gives, not one value for both.
    @Test func aRoundedInnerNumberNamesWhatEachTotalGives() throws {
        let text = try Self.variant("rounded-figures.json", "\"oud\": 90, \"totaal\": 120", "\"oud\": 190, \"totaal\": 120")
        let english = try Self.findings(text, locale: .en).filter { $0.severity == .error }
        #expect(english.map(\.message) == ["\"27+\" of Zeewijk in \"WW naar leeftijd (UWV, afgerond op tientallen)\" is 190, but its row total (120) gives 80 and its column total (240) gives 90"])
        #expect(english.first?.location.pointer == "/tables/1/rows/1/values/oud")
        // Where both totals give the same value, the message says so once.
        let exact = try Self.variant("rounded-figures.json", "\"oud\": 90, \"totaal\": 120", "\"oud\": 180, \"totaal\": 120")
            .replacingOccurrences(of: "\"oud\": 240", with: "\"oud\": 230")
        let plain = try Self.findings(exact, locale: .en).filter { $0.severity == .error && $0.rule == "table-row-total" }
        #expect(plain.first?.message.hasSuffix("both give 80") == true)
    }

    /// A fall stated as a negative percentage keeps its minus on every percentage the message
    /// names, the alternatives too.
    @Test func aFallKeepsItsMinusSign() throws {
        let text = try Self.variant("levels-and-changes.json", "\"percent\": \"-9.4\"", "\"percent\": \"-94\"")
        let found = try Self.findings(text, locale: .en).filter { $0.location.pointer == "/changes/0/percent" }
        #expect(found.count == 1)
        #expect(found.first?.message.hasSuffix("is -9.41…% (-9% or -10%)") == true, "\(found.map(\.message))")
        #expect(found.first?.expected?.hasPrefix("-") == true)
    }

    /// A measure stated once that several statements start from (a change in one municipality, and
    /// the region's change and its percentage over the sum): wrong, it is one finding, at the
    /// measure, with the statements as its related places.
    @Test func aWrongMeasureThatChangesStartFromIsOneFinding() throws {
        let text = try Self.variant("levels-and-changes.json", "\"value\": 2450, \"date\": \"2015-12-31\"", "\"value\": 2950, \"date\": \"2015-12-31\"")
        let errors = try Self.findings(text).filter { $0.severity == .error }
        #expect(errors.map(\.rule) == ["consistency"])
        #expect(errors.first?.location.pointer == "/region/municipalities/0/measures/ww/0/value")
        #expect(errors.first?.stated == "2950")
        #expect(errors.first?.expected == "2450")
        #expect(errors.first?.related.map(\.location.pointer) == ["/changes/0/value", "/changes/0/percent", "/changes/1/value"])
        #expect(try Self.findings(text, locale: .en).first?.message == "the ww of Duinrand on 2015-12-31 is 2,950, but the 3 statements that use it all hold with 2,450")
        // A wrong change is still the change's own finding, where it is.
        let change = try Self.findings(try Self.variant("levels-and-changes.json", "\"value\": -250 }", "\"value\": -350 }")).filter { $0.severity == .error }
        #expect(change.map { $0.location.pointer ?? "" } == ["/changes/1/value"])
    }
}
