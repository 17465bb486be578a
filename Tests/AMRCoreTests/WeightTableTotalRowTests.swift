import Testing
@testable import AMRCore

/// Total and subtotal rows, rows wider than the header, and share columns in weights tables
/// (issue 10): what a spreadsheet exported by a policy officer holds besides the parties.
@Suite struct WeightTableTotalRowTests {
    func table(_ text: String, totalNames: [String] = []) throws(LoadError) -> WeightTable {
        try WeightTable.read(bytes: Array(text.utf8), file: "w.csv", totalNames: totalNames)
    }

    func message(_ text: String, totalNames: [String] = []) -> String? {
        do {
            _ = try table(text, totalNames: totalNames)
            return nil
        } catch {
            return error.description
        }
    }

    static let haaglanden = "Gemeente;Inwoners\nDelft;101.381\nDen Haag;524.882\nMidden-Delfland;19.034\nWestland;105.885\nRijswijk;51.027\n"

    // MARK: Total rows by label

    @Test func aTotaalRowIsNoPartyAndIsChecked() throws {
        let t = try table(Self.haaglanden + "Totaal;802.209\n")
        #expect(t.rows.map(\.name) == ["Delft", "Den Haag", "Midden-Delfland", "Westland", "Rijswijk"])
        let total = try #require(t.totalRow)
        #expect(total.label == "Totaal")
        #expect(total.line == 7)
        #expect(total.location.description == "w.csv:7:1")
        #expect(total.stated == ExactDecimal(significand: 802_209))
        #expect(total.sum == ExactDecimal(significand: 802_209))
        #expect(total.rowCount == 5 && total.firstLine == 2 && total.lastLine == 6)
        #expect(total.recognisedBy == .label && !total.isSubtotal && total.matches)
        #expect(t.subtotalRows.isEmpty && t.warnings.isEmpty)
    }

    @Test func aTotalThatDiffersIsKeptAndFlagged() throws {
        let t = try table(Self.haaglanden + "Totaal;802.290\n")
        let total = try #require(t.totalRow)
        #expect(!total.matches)
        #expect(total.stated == ExactDecimal(significand: 802_290))
        #expect(total.sum == ExactDecimal(significand: 802_209))
        #expect(total.explanation == nil)
        #expect(t.rows.count == 5)
    }

    @Test(arguments: ["Totaal", "TOTAAL", "totaal:", "Total", "Totalen", "Som", "Sum", "Generaal totaal", "Totaal generaal",
                      "Eindtotaal", "Totaal Haaglanden", "Haaglanden totaal", "Grand Total", "Som van Inwoners", "Totaal (regio)"])
    func labelsOfATotalRow(label: String) throws {
        // 802.210: a total that does not add up is still a total row, found by its label alone.
        let t = try table(Self.haaglanden + "\(label);802.210\n")
        #expect(t.rows.count == 5, "\(label)")
        #expect(t.totalRow?.label == label.replacingOccurrences(of: "  ", with: " "))
        #expect(t.totalRow?.recognisedBy == .label)
    }

    @Test(arguments: ["Someren", "Sommelsdijk", "Totaalbeeld", "Somerset", "Subtotaalweg", "Totalis", "Haaglanden"])
    func namesThatOnlyLookLikeLabels(name: String) throws {
        let t = try table(Self.haaglanden + "\(name);802.210\n")
        #expect(t.rows.count == 6, "\(name)")
        #expect(t.totalRow == nil)
    }

    @Test func theLabelMayBeInTheFirstFieldWhenTheNameColumnIsAnother() throws {
        let t = try table("Code;Gemeente;Inwoners\nGM0503;Delft;101.381\nGM0518;Den Haag;524.882\nTotaal;;626.263\n")
        #expect(t.rows.map(\.name) == ["Delft", "Den Haag"])
        #expect(t.totalRow?.label == "Totaal" && t.totalRow?.matches == true)
        #expect(t.totalRow?.location.description == "w.csv:4:1")
    }

    @Test func anEmptyTotalRowIsNoPartyAndNothingToCheck() throws {
        let t = try table(Self.haaglanden + "Totaal;\n")
        #expect(t.rows.count == 5)
        #expect(t.totalRow?.stated == nil)
        #expect(t.totalRow?.matches == true)
        // Also with the weight field left out altogether.
        #expect(try table(Self.haaglanden + "Totaal\n").totalRow?.stated == nil)
    }

    @Test func aSummaryRowIsRefused() {
        #expect(message(Self.haaglanden + "Totaal;802.209\nGemiddelde;160.441,8\n")
                == "w.csv:8:1: 'Gemiddelde' is a summary row (an average, a minimum, …), not a party; remove it from the weights")
    }

    @Test func aTotalAloneIsNoTable() {
        #expect(message("Gemeente;Inwoners\nTotaal;5\n")
                == "w.csv:2:1: no rows with a name and a weight besides the total row on line 2; add one row per party with its name and weight")
    }

    @Test func totalNamesAreDuplicatesOfNoParty() throws {
        // Two rows labelled Totaal: a subtotal and the total; duplicates are looked for among parties only.
        let t = try table("naam;gewicht\nA;1\nB;2\nTotaal;3\nC;4\nTotaal;7\n")
        #expect(t.rows.map(\.name) == ["A", "B", "C"])
        #expect(t.subtotalRows.map(\.line) == [4])
        #expect(t.totalRow?.line == 6 && t.totalRow?.matches == true)
    }

    // MARK: Total rows by the region's name

    @Test func theRegionsNameMarksTheLastRow() throws {
        let t = try table(Self.haaglanden + "Haaglanden;802.209\n", totalNames: ["Haaglanden"])
        #expect(t.rows.count == 5)
        #expect(t.totalRow?.recognisedBy == .name)
        #expect(t.warnings.isEmpty)
        // Also when it does not add up, and written as `Regio haaglanden:`.
        let wrong = try table(Self.haaglanden + "Regio haaglanden:;802.210\n", totalNames: ["Haaglanden"])
        #expect(wrong.totalRow?.recognisedBy == .name)
        #expect(wrong.totalRow?.matches == false)
        #expect(wrong.rows.count == 5)
    }

    @Test func theRegionsNameElsewhereOrWithACodeIsAParty() throws {
        let middle = try table("naam;inwoners\nHaaglanden;5\nDelft;3\nRijswijk;2\n", totalNames: ["Haaglanden"])
        #expect(middle.rows.count == 3 && middle.totalRow == nil)
        let coded = try table("naam;code;inwoners\nA;GM0001;5\nB;GM0002;3\nGroningen;GM0014;2\n", totalNames: ["Groningen"])
        #expect(coded.rows.count == 3 && coded.totalRow == nil)
        // Without the name given, a last row that does not add up is a party.
        #expect(try table(Self.haaglanden + "Haaglanden;802.210\n").rows.count == 6)
    }

    // MARK: Total rows by their sum

    @Test func aLastRowEqualToTheSumOfThreeOrMoreRowsIsTheTotalWithAWarning() throws {
        let t = try table(Self.haaglanden + "Haaglanden;802.209\n")
        #expect(t.rows.count == 5)
        let total = try #require(t.totalRow)
        #expect(total.recognisedBy == .sum && total.label == "Haaglanden" && total.matches)
        #expect(t.warnings == ["w.csv:7:1: the last row 'Haaglanden' is taken as the table's total, not as a party, because its weight is the sum of the 5 rows above it; if it is a party, add a row 'Totaal' under it"])
    }

    @Test(arguments: [
        "naam;gewicht\nA;5\nB;5\n",                    // one row above
        "naam;gewicht\nA;25\nB;25\nC;50\n",            // two rows above: a hand-made key
        "naam;gewicht\nA;1\nB;2\nC;3\nA2;0\n",          // zero is no total
        "naam;gewicht\nA;1\nB;2\nC;3\nc;6\n",           // the name of a party above it
        "naam;code;gewicht\nA;GM0001;1\nB;GM0002;2\nC;GM0003;3\nD;GM0004;6\n", // a municipality's code
        "naam;gewicht\nA;1\nB;2\nC;3\nD;7\n",           // not the sum
    ])
    func lastRowsThatStayParties(text: String) throws {
        let result: WeightTable
        do { result = try table(text) } catch {
            // The duplicate name is refused as a duplicate, not swallowed as a total.
            #expect(error.description == "w.csv:5:1: 'c' appears twice, on line 4 and line 5; give each party one row")
            return
        }
        #expect(result.totalRow == nil, "\(text)")
        #expect(result.rows.count == text.split(separator: "\n").count - 1)
        #expect(result.warnings.isEmpty)
    }

    @Test func anUnnamedLastRowIsTheTotalWhenItAddsUp() throws {
        let t = try table("naam;gewicht\nA;1\nB;2\n;3\n")
        #expect(t.rows.map(\.name) == ["A", "B"])
        #expect(t.totalRow?.recognisedBy == .sum && t.totalRow?.label == "")
        #expect(message("naam;gewicht\nA;1\nB;2\n;4\n")
                == "w.csv:4:1: this row has a weight but no name; fill in the naam, or label it 'Totaal' if it is the table's total (the rows above it add up to 3, not 4)")
    }

    // MARK: Subtotals

    static let rijnmond = "Gemeente;Inwoners\nBarendrecht;48.000\nAlbrandswaard;25.000\nRidderkerk;46.000\nSubtotaal BAR;119.000\nCapelle aan den IJssel;67.000\nKrimpen aan den IJssel;29.000\nTotaal IJsselgemeenten;96.000\nTotaal;215.000\n"

    @Test func subtotalsAreCheckedAgainstTheRowsSinceThePreviousOne() throws {
        let t = try table(Self.rijnmond)
        #expect(t.rows.map(\.name) == ["Barendrecht", "Albrandswaard", "Ridderkerk", "Capelle aan den IJssel", "Krimpen aan den IJssel"])
        #expect(t.subtotalRows.map(\.label) == ["Subtotaal BAR", "Totaal IJsselgemeenten"])
        #expect(t.subtotalRows.map(\.rowCount) == [3, 2])
        #expect(t.subtotalRows.map(\.firstLine) == [2, 6])
        #expect(t.subtotalRows.allSatisfy { $0.isSubtotal && $0.matches })
        #expect(t.totalRow?.rowCount == 5 && t.totalRow?.matches == true)
    }

    @Test func aSubtotalThatDiffersIsFlagged() throws {
        let t = try table(Self.rijnmond.replacingOccurrences(of: "Subtotaal BAR;119.000", with: "Subtotaal BAR;118.000"))
        #expect(t.subtotalRows.first?.matches == false)
        #expect(t.subtotalRows.first?.stated == ExactDecimal(significand: 118_000))
        #expect(t.totalRow?.matches == true)
    }

    @Test func clustersClosedByTotaalWithoutAGrandTotal() throws {
        let t = try table("naam;inwoners\nA;1\nB;2\nNoord totaal;3\nC;4\nD;5\nZuid totaal;9\n")
        #expect(t.rows.count == 4)
        #expect(t.subtotalRows.map(\.label) == ["Noord totaal", "Zuid totaal"])
        #expect(t.subtotalRows.allSatisfy { $0.matches })
        #expect(t.totalRow == nil)
    }

    @Test func anUnlabelledSubtotalIsNamedWhenTheTotalDiffersByIt() throws {
        let text = Self.rijnmond.replacingOccurrences(of: "Subtotaal BAR", with: "BAR").replacingOccurrences(of: "Totaal IJsselgemeenten;96.000\n", with: "")
        let t = try table(text)
        let total = try #require(t.totalRow)
        #expect(!total.matches)
        #expect(total.explanation == TotalRow.Explanation(name: "BAR", line: 5, weight: ExactDecimal(significand: 119_000)))
        #expect(t.rows.count == 6)
    }

    @Test func aTotalAboveItsRows() throws {
        let t = try table("naam;inwoners\nTotaal;6\nA;1\nB;2\nC;3\n")
        #expect(t.rows.count == 3)
        #expect(t.totalRow?.line == 2 && t.totalRow?.firstLine == 3 && t.totalRow?.lastLine == 5 && t.totalRow?.matches == true)
        #expect(message("naam;inwoners\nTotaal;6\nA;1\nB;2\nC;3\nTotaal;6\n")
                == "w.csv:2:1: 'Totaal' is a total row above the rows it adds up, and the table has another total row on line 6; put each total under its rows")
    }

    @Test func aSubtotalWithoutRowsAboveIsRefused() {
        #expect(message("naam;inwoners\nSubtotaal;6\nA;1\n")
                == "w.csv:2:1: 'Subtotaal' is a total row, but no rows come between it and the start of the table; put each total under the rows it adds up, or remove it")
        #expect(message("naam;inwoners\nA;1\nB;2\nSubtotaal AB;3\nSubtotaal Noord;3\nC;4\n")
                == "w.csv:5:1: 'Subtotaal Noord' is a total row, but no rows come between it and the total row on line 4; put each total under the rows it adds up, or remove it")
    }

    // MARK: Rows wider than the header

    @Test func aNumberSplitAtAnUnquotedThousandsSeparator() {
        #expect(message("gemeente,inwoners\nDelft,101,381\nDen Haag,524,882\n")
                == "w.csv:2:7: this row has 3 fields but the header (line 1) has 2: '101' and '381' look like one number, 101,381, split at an unquoted thousands separator or decimal comma; put the number in quotes (\"101,381\") or save the file with ';' as separator")
        #expect(message("gemeente,inwoners\nDen Haag,\"524,882\"\nNederland,17,942,942\n")
                == "w.csv:3:11: this row has 4 fields but the header (line 1) has 2: '17' and '942' and '942' look like one number, 17,942,942, split at unquoted thousands separators; put the number in quotes (\"17,942,942\") or save the file with ';' as separator")
    }

    @Test func aNumberSplitAtAnUnquotedDecimalComma() {
        #expect(message("naam,gewicht\nA,1,5\nB,2\n")
                == "w.csv:2:3: this row has 3 fields but the header (line 1) has 2: '1' and '5' look like one number, 1,5, split at an unquoted decimal comma; put the number in quotes (\"1,5\") or save the file with ';' as separator")
    }

    @Test func anExtraFieldThatIsNoNumber() {
        #expect(message("naam,gewicht\nBergen, NH,5\n")
                == "w.csv:2:12: this row has 3 fields but the header (line 1) has 2; a value with a ',' in it needs quotes (\"…\") or save the file with ';' as separator, or give the extra column a header")
        #expect(message("naam;gewicht\nA;5;voorlopig\n")
                == "w.csv:2:5: this row has 3 fields but the header (line 1) has 2; a value with a ';' in it needs quotes (\"…\"), or give the extra column a header")
    }

    @Test func trailingEmptyFieldsAndHeadedColumnsAreFine() throws {
        #expect(try table("Gemeente;Inwoners\nDelft;101.381;;\nRijswijk;51.027;\n").rows.count == 2)
        #expect(try table("Gemeente;Inwoners;;\nDelft;101.381;;\n").rows.count == 1)
        #expect(try table("Gemeente;Inwoners;Opmerking\nDelft;101.381;voorlopig\n").rows.count == 1)
    }

    @Test func withoutAHeaderTheFirstRowSetsTheWidth() throws {
        #expect(try table("A;3\nB;1,5\n").rows.count == 2)
        #expect(message("A;3\nB;1;5\n")
                == "w.csv:2:5: this row has 3 fields but the first row (line 1) has 2; a value with a ';' in it needs quotes (\"…\"), or give the extra column a header")
        // A split number on the first row would set the width itself: caught on any row.
        #expect(message("Delft,101,381\nDen Haag,524,882\n")
                == "w.csv:1:7: '101' and '381' look like one number, 101,381, split at an unquoted thousands separator or decimal comma; put the number in quotes (\"101,381\") or save the file with ';' as separator")
        #expect(try table("A,1,x\nB,2,y\n").rows.map(\.weight.description) == ["1", "2"])
    }

    @Test func statLineExportsWithTheirExtraColumnsStillRead() throws {
        let text = """
        "Regionale kerncijfers"
        "Regio's";"Codering";"Perioden";"Bevolking/Totale bevolking (aantal)";"Bevolking/Bevolkingsdichtheid (aantal inwoners per km²)"
        "Delft (gemeente)";"GM0503";"2017";"101.381";"4.451"
        "Rijswijk (gemeente)";"GM0603";"2017";"51.027";"3.613"
        "© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 10-10-2017"

        """
        let t = try table(text)
        #expect(t.rows.map(\.name) == ["Delft", "Rijswijk"])
        #expect(t.rows.map(\.weight.description) == ["101381", "51027"])
        #expect(t.rows.map(\.code) == ["GM0503", "GM0603"])
        #expect(t.shareColumns.isEmpty && t.totalRow == nil)
    }

    @Test func aWorkbooksCellsAreNotCheckedForWidthAndStoredNumbersAreExact() throws {
        let records = [
            CSVRecord(fields: ["Gemeente", "Inwoners"], line: 1, columns: [1, 2], sheet: "Blad1"),
            CSVRecord(fields: ["Delft", "1.234", "opmerking"], line: 2, columns: [1, 2, 3], numeric: [1], sheet: "Blad1"),
            CSVRecord(fields: ["Rijswijk", "2", ""], line: 3, columns: [1, 2, 3], numeric: [1], sheet: "Blad1"),
            CSVRecord(fields: ["Totaal", "3.234"], line: 4, columns: [1, 2], numeric: [1], sheet: "Blad1"),
        ]
        let t = try WeightTable.read(records: records, file: "w.xlsx")
        // A stored 1.234 is one and a bit, even in a column of counts.
        #expect(t.rows.map(\.weight.description) == ["1.234", "2"])
        #expect(t.totalRow?.location.description == "w.xlsx:Blad1!A4")
        #expect(t.totalRow?.matches == true)
    }

    // MARK: Share columns

    @Test func aPercentageColumnIsReadAtItsOwnPrecision() throws {
        let t = try table("Gemeente;Inwoners;%\nDelft;101.381;12,6\nDen Haag;524.882;65,4%\nRijswijk;51.027;\n")
        let column = try #require(t.shareColumns.first)
        #expect(column.header == "%")
        #expect(column.kind == nil || column.kind == .percentage)
        #expect(column.values.map { $0?.value.description } == ["12.6", "65.4", nil])
        #expect(column.location.description == "w.csv:1:19")
    }

    @Test func kindsOfShareColumns() throws {
        let fractions = try table("naam;inwoners;aandeel\nA;1;0,25\nB;3;0,75\n")
        #expect(fractions.shareColumns.first?.kind == .fraction)
        let percentages = try table("naam;inwoners;aandeel (%)\nA;1;25\nB;3;75\n")
        #expect(percentages.shareColumns.first?.kind == .percentage)
        let amounts = try table("naam;inwoners;bedrag\nA;1;€ 250,00\nB;3;€ 750,00\n")
        #expect(amounts.shareColumns.first?.kind == .amount)
        #expect(amounts.shareColumns.first?.values.map { $0?.value.description } == ["250.00", "750.00"])
        let open = try table("naam;inwoners;aandeel\nA;1;250\nB;3;750\n")
        #expect(open.shareColumns.first?.kind == nil && open.shareColumns.first?.problem == nil)
        let growth = try table("naam;inwoners;groei (%)\nA;1;1,5\nB;3;2\n")
        #expect(growth.shareColumns.first?.problem == "its values do not add up to 100, so they are not shares of this table")
        let text = try table("naam;inwoners;%\nA;1;n.v.t.\nB;3;75\n")
        #expect(text.shareColumns.first?.problem == "'n.v.t.' on line 2 is not a number")
        let cents = try table("naam;inwoners;bedrag\nA;1;0,125\nB;3;0,375\n")
        #expect(cents.shareColumns.first?.problem == "'0,125' on line 2 has more than 2 decimals, so the column is no amounts in cents")
        let mixed = try table("naam;inwoners;%\nA;1;25,5\nB;3;74.5\n")
        #expect(mixed.shareColumns.first?.problem == "its values are written with both ',' and '.' as decimal mark")
    }

    @Test func aShareHeaderIsNeverTheWeight() throws {
        let t = try table("gemeente;% inwoners;aantal inwoners\nA;25;1\nB;75;3\n")
        #expect(t.weightHeader == "aantal inwoners")
        #expect(t.rows.map(\.weight.description) == ["1", "3"])
        #expect(t.shareColumns.map(\.header) == ["% inwoners"])
        // Without a weight header, a column headed `aandeel` is the weight itself.
        let alone = try table("naam;aandeel\nA;1\nB;3\n")
        #expect(alone.rows.map(\.weight.description) == ["1", "3"] && alone.shareColumns.isEmpty)
    }
}
