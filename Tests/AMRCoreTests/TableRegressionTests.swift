import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// Variants of the illustrative tables plan found by review: each must give exactly the five
/// published errors of the plan it varies, and no false one.
@Suite struct TableRegressionTests {
    static let published = ["consistency", "table-row-total", "table-column-total", "consistency", "table-percentage"]

    static func rules(_ file: String) throws -> [String] {
        let outcome = TestSupport.run(["check", file, "--format", "json"])
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        guard case .array(let findings)? = json.value(at: "/findings")?.kind else { return [] }
        return findings.indices.compactMap { index in
            if case .string(let rule)? = json.value(at: "/findings/\(index)/rule")?.kind { return rule }
            return nil
        }
    }

    /// A column with its own measure (uitstroom beside bijstand) is not added into the row total.
    @Test func aColumnOfAnotherMeasureIsNoAddend() throws {
        #expect(try Self.rules("Tests/AMRCoreTests/Regressions/column-of-another-measure.json") == Self.published)
    }

    /// The total row's percentage of a table that prints no total row takes the sum of its rows.
    @Test func aBaseTableWithoutTotalRowGivesTheSumOfItsRows() throws {
        #expect(try Self.rules("Tests/AMRCoreTests/Regressions/percentage-of-a-table-without-total-row.json") == Self.published)
        let text = TestSupport.run(["check", "Tests/AMRCoreTests/Regressions/percentage-of-a-table-without-total-row.json"]).stdout
        #expect(!text.contains("has no total row"))
    }
}
