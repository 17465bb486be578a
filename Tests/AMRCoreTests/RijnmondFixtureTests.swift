import Foundation
import Testing
@testable import AMRCore

/// Rijnmond's uitvoeringsplan 2022–2025 as a plan file: it reads, its tables hold what the
/// document prints, it checks clean (the document's arithmetic is right), and any single number
/// of its tables changed by one is caught.
@Suite struct RijnmondFixtureTests {
    static let name = "rijnmond-2022-2025.json"

    static func text() throws -> String {
        try String(contentsOfFile: TestSupport.fixture(name), encoding: .utf8)
    }

    static func check(_ text: String) throws -> [Finding] {
        PlanChecker.check(try PlanLoader.load(bytes: Array(text.utf8), file: name), locale: .en, strict: true)
    }

    @Test func itChecksCleanEvenStrictly() throws {
        #expect(try Self.check(Self.text()).map(\.description) == [])
    }

    @Test func itHoldsTheDocumentsTables() throws {
        let plan = try PlanLoader.load(contentsOf: TestSupport.fixture(Self.name)).plan
        #expect(plan.region.code?.rawValue == "AM22")
        #expect(plan.region.municipalities.count == 16)
        #expect(plan.region.clusters.map(\.id) == ["rotterdam", "bar", "ijsselgemeenten", "voorne-putten-goeree-overflakkee", "mvs", "hoeksche-waard"])
        #expect(plan.themes.prefix(3).map(\.name) == ["Werkgeversdienstverlening", "Social Return", "Hallo Werk!"])

        let hallowerk = try #require(plan.table(id: "transparantie-hallowerk"))
        #expect(hallowerk.form == .columns)
        #expect(hallowerk.columns.map(\.id) == ["transparant", "matches"])
        #expect(hallowerk.rows.map { $0.cells["transparant"]?.value.description } == ["7251", "322", "249", "343", "280", "108"])
        #expect(hallowerk.rows.map { $0.cells["matches"]?.value.description } == ["1521", "95", "6", "112", "69", "50"])
        #expect(hallowerk.rows.compactMap(\.cluster).count == 6)
        #expect(hallowerk.totals["transparant"]?.value == ExactDecimal(significand: 8553))
        #expect(hallowerk.totals["matches"]?.value == ExactDecimal(significand: 1853))

        let werk = try #require(plan.table(id: "transparantie-werk-nl"))
        #expect(werk.rows.map(\.label) == ["WW", "Wajong", "WIA", "Participatiewet", "Overig"])
        // "n.v.t." is printed for the registered job seekers of the last two rows: no cell.
        #expect(werk.rows.map { $0.cells["geregistreerd"]?.value.description } == ["18637", "6533", "5190", nil, nil])
        #expect(werk.rows.map { $0.cells["geregistreerd"]?.date?.description } == ["2021-10-01", "2021-06-01", "2021-06-01", nil, nil])
        #expect(werk.rows.map { $0.cells["cv"]?.value.description } == ["16466", "1571", "1329", "2414", "6292"])
        #expect(werk.totals.mapValues(\.value.description) == ["geregistreerd": "30360", "cv": "28072"])

        let transparency = try #require(plan.targets.first { $0.id == "transparantie" })
        #expect(transparency.trajectory.map { $0.percent?.description } == ["8", "20", "35"])
        #expect(transparency.trajectory.last?.value == ExactDecimal(significand: 25140))
        let measurement = try #require(transparency.measurements.first)
        #expect(measurement.value == ExactDecimal(significand: 36625))
        #expect(measurement.channels.map(\.value.description) == ["8553", "28072", "7895"])
        #expect(measurement.channels.map(\.overlapsWith) == [nil, nil, "werk-nl"])

        let socialReturn = try #require(plan.requirements.first)
        #expect(socialReturn.percent == ExactDecimal(significand: 5))
        #expect(socialReturn.minimum == Money(cents: 5_000_000))
        #expect(socialReturn.average)
        #expect(socialReturn.estimates.map(\.amount) == [Money(cents: 12_500_000_000), Money(cents: 15_000_000_000)])
    }

    /// Every number of every table, one at a time, one more than printed: exactly one finding.
    @Test func anyTableNumberChangedByOneIsCaught() throws {
        let text = try Self.text()
        let loaded = try PlanLoader.load(bytes: Array(text.utf8), file: Self.name)
        var pointers: [String] = []
        for table in loaded.plan.tables {
            for row in table.rows { pointers += table.columns.compactMap { row.cells[$0.id]?.pointer } }
            pointers += table.columns.compactMap { table.totals[$0.id]?.pointer }
        }
        #expect(pointers.count == 24)
        for pointer in pointers {
            let value = try #require(loaded.document.value(at: pointer))
            guard case .number(let literal) = value.kind, let number = Int(literal) else {
                Issue.record("\(pointer) is not a whole number literal")
                continue
            }
            let changed = Self.replacing(in: text, line: value.line, column: value.column, length: literal.count, with: String(number + 1))
            let findings = try Self.check(changed)
            #expect(findings.count == 1, "\(pointer): \(findings.map(\.description))")
            #expect(findings.first?.rule == "table-column-total", "\(pointer)")
        }
    }

    /// The numbers the document prints more than once, and those derived from others, are each
    /// checked: one changed gives exactly one finding, where it is.
    @Test(arguments: [
        ("\"amount\": \"125000000.00\"", "\"amount\": \"125000001.00\"",
         "rijnmond-2022-2025.json:276:69: error[percentage]: the estimate \"ondergrens\" of \"Social Return bij inkoopopdrachten\" is stated as €125,000,001.00 but 5% of €2,500,000,000.00 is €125,000,000.00"),
        ("\"percent\": 5,", "\"percent\": 6,",
         "rijnmond-2022-2025.json:281:20: error[consistency]: the percentage of \"Social Return bij inkoopopdrachten\" is stated as 6% but as 5% in 3.2 Vastgesteld SR-beleid"),
        ("\"minimum\": \"50000.00\",", "\"minimum\": \"5000.00\",",
         "rijnmond-2022-2025.json:273:18: error[consistency]: the minimum of \"Social Return bij inkoopopdrachten\" is stated as €5,000.00 but as €50,000.00 in Samenvatting, Social Return, in 2.2 Organisatie van de regionale samenwerking and in 3.2 Vastgesteld SR-beleid"),
        ("\"percent\": 35, \"value\": 25140", "\"percent\": 35, \"value\": 25410",
         "rijnmond-2022-2025.json:197:57: error[consistency]: the step of 2021-12-31 of \"Werkzoekenden (P-wet en WW) transparant voor werkgevers, 50% in 2022\" is stated as 25,410 but as 25,140 in Samenvatting, Thema Transparantie and in Bijlage 4, Transparantie totaal Hallo Werk en Werk.nl"),
        ("\"value\": 36625,\n          \"channels\"", "\"value\": 36652,\n          \"channels\"",
         "rijnmond-2022-2025.json:209:20: error[transparency-overlap]: the total for 2021-11-01 of \"Werkzoekenden (P-wet en WW) transparant voor werkgevers, 50% in 2022\" is stated as 36,652 but the channels add up to 36,625"),
        ("{ \"value\": 36625, \"source\"", "{ \"value\": 36652, \"source\"",
         "rijnmond-2022-2025.json:218:24: error[consistency]: the value of 2021-11-01 of \"Werkzoekenden (P-wet en WW) transparant voor werkgevers, 50% in 2022\" is stated as 36,625 but as 36,652 in Samenvatting, Thema Transparantie"),
        ("\"percent\": 50,", "\"percent\": 40,",
         "rijnmond-2022-2025.json:191:18: error[consistency]: the percentage of target \"Werkzoekenden (P-wet en WW) transparant voor werkgevers, 50% in 2022\" is stated as 40% but as 50% in Samenvatting, HalloWerk and in Samenvatting, Thema Transparantie"),
        ("{ \"value\": 1853, \"source\"", "{ \"value\": 1835, \"source\"",
         "rijnmond-2022-2025.json:149:24: error[consistency]: the total of \"Aantal matches (plaatsingen werk/een baan)\" in \"Transparante werkzoekenden en matches via HalloWerk\" is stated as 1,853 but as 1,835 in Bijlage 4, Transparantie Hallo Werk"),
    ] as [(String, String, String)])
    func everyRepeatedOrDerivedNumberIsChecked(old: String, new: String, expected: String) throws {
        let text = try Self.text()
        #expect(text.components(separatedBy: old).count == 2, "the variant must change one place")
        #expect(try Self.check(text.replacingOccurrences(of: old, with: new)).map(\.description) == [expected])
    }

    /// The text with the characters at line:column (counted in Unicode scalars) replaced.
    static func replacing(in text: String, line: Int, column: Int, length: Int, with replacement: String) -> String {
        var lines = text.components(separatedBy: "\n")
        var scalars = Array(lines[line - 1].unicodeScalars)
        scalars.replaceSubrange((column - 1)..<(column - 1 + length), with: replacement.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        lines[line - 1] = String(view)
        return lines.joined(separator: "\n")
    }
}
