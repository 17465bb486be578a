import Foundation
import Testing
@testable import AMRCore
@testable import amr

/// `amr allocate --total … --weights FILE` on spreadsheets with total rows and share columns,
/// and amounts at the edges (issue 10).
extension AllocateCommandTests {
    static let totaal = "Fixtures/haaglanden-inwoners-2017-totaal.csv"
    static let totaalFout = "Fixtures/haaglanden-inwoners-2017-totaal-fout.csv"

    func number(_ outcome: Outcome, _ pointer: String) throws -> String? {
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        switch json.value(at: pointer)?.kind {
        case .number(let text)?: return text
        case .bool(let flag)?: return String(flag)
        default: return nil
        }
    }

    @Test func anExcelExportWithATotaalRowSplitsOverTheMunicipalitiesOnly() throws {
        let outcome = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.totaal, "--format", "json"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        #expect(try shares(outcome).map(\.amount) == ["20157.18", "104360.19", "3784.45", "21052.69", "10145.49"])
        #expect(try string(outcome, "/totalRow/label") == "Totaal")
        #expect(try string(outcome, "/totalRow/stated") == "802209")
        #expect(try string(outcome, "/totalRow/sum") == "802209")
        #expect(try string(outcome, "/totalRow/recognisedBy") == "label")
        #expect(try number(outcome, "/totalRow/line") == "7")
        #expect(try number(outcome, "/totalRow/rows") == "5")
        #expect(try number(outcome, "/totalRow/matches") == "true")
        #expect(try number(outcome, "/matchesStated") == "true")
        #expect(try string(outcome, "/statedWeightTotal") == "802209")
        let table = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.totaal])
        #expect(table.stdout.contains("\nRegel 7 (\"Totaal\") is het totaal van de tabel, geen partij: 802.209 Inwoners, de som van de 5 rijen op regels 2–6.\n"))
        let english = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.totaal, "--locale", "en"])
        #expect(english.stdout.contains("\nLine 7 (\"Totaal\") is the table's total, not a party: 802,209 Inwoners, the sum of the 5 rows on lines 2–6.\n"))
        let markdown = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.totaal, "--format", "markdown"])
        #expect(markdown.stdout.contains("\nRegel 7 (\"Totaal\") is het totaal van de tabel, geen partij: 802.209 Inwoners, de som van de 5 rijen op regels 2–6.\n"))
    }

    @Test func aTotaalRowThatDiffersExitsOne() throws {
        let outcome = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.totaalFout])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("\nRegel 7 (\"Totaal\") is het totaal van de tabel, geen partij: er staat 802.290 Inwoners, maar de 5 rijen op regels 2–6 tellen op tot 802.209, 81 minder dan vermeld.\n"))
        let english = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.totaalFout, "--locale", "en"])
        #expect(english.stdout.contains("\nLine 7 (\"Totaal\") is the table's total, not a party: it states 802,290 Inwoners, but the 5 rows on lines 2–6 add up to 802,209, 81 less than stated.\n"))
        let json = TestSupport.run(["allocate", "--total", "159500", "--weights", Self.totaalFout, "--format", "json", "--locale", "en"])
        #expect(json.exitCode == 1)
        #expect(try number(json, "/totalRow/matches") == "false")
        #expect(try number(json, "/matchesStated") == "false")
        // The split is the same: the total row is never a party, right or wrong.
        #expect(try shares(json).map(\.amount) == ["20157.18", "104360.19", "3784.45", "21052.69", "10145.49"])
    }

    @Test func aTotalFoundByItsSumIsSaidOnStandardError() throws {
        let path = try weightsFile("gemeente;inwoners\nDelft;101381\nDen Haag;524882\nWestland;105885\nDrie gemeenten;732148\n")
        let outcome = TestSupport.run(["allocate", "--total", "1000", "--weights", path, "--format", "json"])
        #expect(outcome.exitCode == 0)
        #expect(try shares(outcome).map(\.name) == ["Delft", "Den Haag", "Westland"])
        #expect(try string(outcome, "/totalRow/recognisedBy") == "sum")
        #expect(outcome.stderr.hasPrefix("amr: warning: \(path):5:1: the last row 'Drie gemeenten' is taken as the table's total, not as a party"))
        // A last row named after a labour-market region is its total by name, even one off.
        let named = try weightsFile("gemeente;inwoners\nDelft;101381\nDen Haag;524882\nWestland;105885\nHaaglanden;732149\n")
        let byName = TestSupport.run(["allocate", "--total", "1000", "--weights", named, "--format", "json"])
        #expect(byName.exitCode == 1)
        #expect(try string(byName, "/totalRow/recognisedBy") == "name")
        #expect(try shares(byName).map(\.name) == ["Delft", "Den Haag", "Westland"])
    }

    @Test func subtotalsThatDifferExitOneAndNameTheRows() throws {
        let path = try weightsFile("naam;inwoners\nA;1\nB;2\nSubtotaal AB;4\nC;4\nTotaal;7\n")
        let outcome = TestSupport.run(["allocate", "--total", "70", "--weights", path, "--locale", "en"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.contains("\nLine 4 (\"Subtotaal AB\") is a subtotal, not a party: it states 4 inwoners, but the 2 rows on lines 2–3 add up to 3, 1 less than stated.\nLine 6 (\"Totaal\") is the table's total, not a party: 7 inwoners, the sum of the 3 rows on lines 2–5.\n"))
        let json = TestSupport.run(["allocate", "--total", "70", "--weights", path, "--format", "json"])
        #expect(try string(json, "/subtotalRows/0/label") == "Subtotaal AB")
        #expect(try number(json, "/subtotalRows/0/matches") == "false")
        #expect(try shares(json).map(\.amount) == ["10.00", "20.00", "40.00"])
    }

    @Test func aPercentageColumnIsComparedAtItsPrecision() throws {
        let right = try weightsFile("Gemeente;Inwoners;%\nDelft;101.381;12,6\nDen Haag;524.882;65,4\nMidden-Delfland;19.034;2,4\nWestland;105.885;13,2\nRijswijk;51.027;6,4\n")
        let agrees = TestSupport.run(["allocate", "--total", "159500", "--weights", right, "--locale", "en"])
        #expect(agrees.exitCode == 0)
        #expect(agrees.stdout.contains("\nThe column \"%\" (percentages) agrees with the exact shares in all 5 rows, at the precision stated.\n"))
        // 65,43…% written as 65,5%: one row off at one decimal; 12,64% at two decimals is right.
        let wrong = try weightsFile("Gemeente;Inwoners;Aandeel (%)\nDelft;101.381;12,64%\nDen Haag;524.882;65,5%\nMidden-Delfland;19.034;2,4%\nWestland;105.885;13,2%\nRijswijk;51.027;6,4%\n")
        let differs = TestSupport.run(["allocate", "--total", "159500", "--weights", wrong])
        #expect(differs.exitCode == 1)
        #expect(differs.stdout.contains("\nDe kolom \"Aandeel (%)\" (percentages) wijkt in 1 rij af van de exacte aandelen: Den Haag vermeldt 65,5%, het exacte aandeel is 65,4%.\n"))
        let json = TestSupport.run(["allocate", "--total", "159500", "--weights", wrong, "--format", "json"])
        #expect(try string(json, "/shareColumns/0/kind") == "percentage")
        #expect(try string(json, "/shareColumns/0/differences/0/stated") == "65.5")
        #expect(try string(json, "/shareColumns/0/differences/0/exact") == "65.4")
        #expect(try number(json, "/shareColumns/0/compared") == "5")
    }

    @Test func anAmountColumnIsTheStatedSplit() throws {
        let path = try weightsFile("Gemeente;Inwoners;Bijdrage\nDelft;101.381;20.157,18\nDen Haag;524.882;104.360,18\nMidden-Delfland;19.034;3.784,45\nWestland;105.885;21.052,69\nRijswijk;51.027;10.145,49\nTotaal;802.209;159.499,99\n")
        let outcome = TestSupport.run(["allocate", "--total", "159500", "--weights", path, "--format", "json"])
        #expect(outcome.exitCode == 1)
        #expect(try shares(outcome).map(\.stated) == ["20157.18", "104360.18", "3784.45", "21052.69", "10145.49"])
        #expect(try string(outcome, "/shares/1/difference") == "-0.01")
        #expect(try string(outcome, "/statedSum") == "159499.99")
        #expect(try number(outcome, "/shareColumns/0/statedSplit") == "true")
        let table = TestSupport.run(["allocate", "--total", "159500", "--weights", path, "--locale", "en"])
        #expect(table.stdout.contains("\nThe column \"Bijdrage\" is read as the stated split.\nThe stated split differs from the exact one in 1 row: Den Haag is stated €0.01 too low.\n"))
    }

    @Test func aShareColumnThatCannotBeComparedIsSaidAndIgnored() throws {
        let path = try weightsFile("naam;inwoners;aandeel\nA;1;250\nB;3;700\n")
        let outcome = TestSupport.run(["allocate", "--total", "1000", "--weights", path])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "amr: warning: \(path): the column \"aandeel\" is not compared with the split: it is not clear whether it holds percentages, fractions or amounts (its values add up to neither 100, nor 1, nor the amount split); head it '%' or 'bedrag'\n")
        #expect(!outcome.stdout.contains("aandeel\""))
        // The same column adding up to the amount split holds amounts.
        let amounts = try weightsFile("naam;inwoners;aandeel\nA;1;250\nB;3;750\n")
        let json = TestSupport.run(["allocate", "--total", "1000", "--weights", amounts, "--format", "json"])
        #expect(json.exitCode == 0)
        #expect(try shares(json).map(\.stated) == ["250.00", "750.00"])
    }

    @Test func aDeficitMirrorsTheSplitAndDivisorMethodsRefuseIt() throws {
        let path = try weightsFile("naam;stemmen\nA;100000\nB;80000\nC;30000\nD;20000\n")
        let positive = TestSupport.run(["allocate", "--total", "1000.03", "--weights", path, "--format", "json"])
        let negative = TestSupport.run(["allocate", "--total", "-1000.03", "--weights", path, "--format", "json"])
        #expect(negative.exitCode == 0)
        #expect(try shares(negative).map(\.amount) == shares(positive).map { "-" + $0.amount })
        for method in ["dhondt", "sainte-lague"] {
            let refused = TestSupport.run(["allocate", "--total", "-5", "--weights", path, "--unit", "1", "--method", method])
            #expect(refused.exitCode == 2)
            #expect(refused.stdout == "")
            #expect(refused.stderr.hasPrefix("amr: error: --total -5 is negative, and \(method) splits whole things such as seats or placements; give a total of 0 or more, or use --method largest-remainder to split a deficit"))
        }
    }

    @Test func amountsTooLargeAreCalledTooLarge() throws {
        let cases: [([String], String)] = [
            (["--total", "9223372036854775807"], "--total '9223372036854775807' is too large: amounts go up to € 92.233.720.368.547.758,07; type a smaller amount"),
            (["--total", "92233720368547759"], "--total '92233720368547759' is too large: amounts go up to € 92.233.720.368.547.758,07; type a smaller amount"),
            (["--total", "-99999999999999999999"], "--total '-99999999999999999999' is too large a negative amount: amounts go down to € -92.233.720.368.547.758,07; type a smaller amount"),
            (["--total", "100", "--unit", "92233720368547759"], "--unit '92233720368547759' is too large: amounts go up to € 92.233.720.368.547.758,07; type a smaller amount"),
            (["--total", "1.0001"], "--total '1.0001' has more than 2 decimals, and an amount is whole cents; type at most 2 decimals such as 250000,50 (or 250.000 for thousands)"),
        ]
        for (arguments, message) in cases {
            let outcome = TestSupport.run(["allocate", "--weights", Self.totaal] + arguments)
            #expect(outcome.exitCode == 2, "\(arguments)")
            #expect(outcome.stderr.hasPrefix("amr: error: \(message)"), "\(arguments): \(outcome.stderr)")
        }
        // The largest amount itself is split.
        let largest = TestSupport.run(["allocate", "--total", "92233720368547758.07", "--weights", Self.totaal, "--format", "json"])
        #expect(largest.exitCode == 0)
        #expect(try string(largest, "/total") == "92233720368547758.07")
    }
}
