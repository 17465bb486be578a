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
        PlanChecker.check(try PlanLoader.load(bytes: Array(text.utf8), file: name), strict: true)
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
