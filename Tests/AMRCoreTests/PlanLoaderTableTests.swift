import Testing
@testable import AMRCore

/// Reading tables in both forms, budget lines with a financier and repeats, and requirements.
@Suite struct PlanLoaderTableTests {
    func load(_ text: String) throws -> Plan {
        try PlanLoader.load(bytes: Array(text.utf8), file: "p.json").plan
    }

    static let region = """
    "region": { "id": "r", "name": "R", "municipalities": [ { "code": "GM0001", "name": "Een" }, { "code": "GM0002", "name": "Twee" } ],
                "clusters": [ { "id": "noord", "name": "Noord", "municipalities": ["GM0001", "GM0002"] } ] }
    """

    @Test func theSingleColumnFormIsReadAsOneColumn() throws {
        let plan = try load("""
        { "schemaVersion": 1, "id": "p", "title": "P", \(Self.region),
          "tables": [ { "id": "uitstroom", "measure": "outflow", "date": "2020-12-31",
                        "rows": [ { "municipality": "GM0001", "value": 100 }, { "label": "Overig", "value": 404 } ], "total": 504 } ] }
        """)
        let table = try #require(plan.tables.first)
        #expect(table.form == .singleColumn)
        #expect(table.columns.map(\.id) == [CountTable.singleColumnID])
        #expect(table.columns.first?.kind == .count)
        #expect(table.rows.map(\.value) == [ExactDecimal(significand: 100), ExactDecimal(significand: 404)])
        #expect(table.total == ExactDecimal(significand: 504))
        #expect(table.totals[CountTable.singleColumnID]?.pointer == "/tables/0/total")
        #expect(table.rows[1].cells["value"]?.pointer == "/tables/0/rows/1/value")
    }

    @Test func columnsRowsCellsAndTotalsAreRead() throws {
        let plan = try load("""
        { "schemaVersion": 1, "id": "p", "title": "P", \(Self.region),
          "tables": [
            { "id": "a", "name": "Bijstand", "measure": "bijstand", "date": "2020-01-01", "totalLabel": "R",
              "source": { "section": "Tabel 1" },
              "columns": [ { "id": "jong", "name": "< 27", "category": "< 27" }, { "id": "status", "partOf": "totaal" },
                           { "id": "totaal", "total": true, "date": "2020-02-01" } ],
              "rows": [ { "municipality": "GM0001", "values": { "jong": 5, "totaal": { "value": 9, "date": "2020-03-01", "note": "n",
                          "alsoStated": [ { "value": 9, "source": { "section": "§ 2" } } ] } } },
                        { "cluster": "noord", "label": "Noord", "values": { "status": 1 }, "note": "leeg" } ],
              "totals": { "totaal": 9 } },
            { "id": "b", "columns": [ { "id": "n" },
                { "id": "p1", "percent": { "count": "n", "base": "n" } },
                { "id": "p2", "percent": { "count": "n", "base": { "table": "a", "column": "totaal" }, "rounding": "down", "decimals": 1 } },
                { "id": "p3", "percent": { "count": "n", "base": { "measure": "bijstand", "date": "2020-01-01" }, "rounding": "up" } } ],
              "rows": [] }
          ] }
        """)
        let a = plan.tables[0]
        #expect(a.form == .columns)
        #expect(a.title == "Bijstand" && a.totalLabel == "R" && a.source?.section == "Tabel 1")
        #expect(a.columns.map(\.kind) == [.count, .part(of: "totaal"), .total])
        #expect(a.totalColumn?.id == "totaal")
        #expect(a.columns[1].wholeColumn == "totaal" && a.columns[1].title == "status")
        #expect(a.columns[2].date == PlanDate("2020-02-01"))
        let cell = try #require(a.rows[0].cell("totaal"))
        #expect(cell.value == ExactDecimal(significand: 9) && cell.date == PlanDate("2020-03-01") && cell.note == "n")
        #expect(cell.pointer == "/tables/0/rows/0/values/totaal/value")
        #expect(cell.alsoStated.map(\.pointer) == ["/tables/0/rows/0/values/totaal/alsoStated/0/value"])
        #expect(a.rows[0].cell("status") == nil)
        #expect(a.rows[1].cluster == "noord" && a.rows[1].label == "Noord" && a.rows[1].note == "leeg")
        #expect(a.hasTotalRow && a.totals["totaal"]?.pointer == "/tables/0/totals/totaal")
        let b = plan.tables[1]
        #expect(!b.hasTotalRow)
        guard case .percentage(let p1) = b.columns[1].kind, case .percentage(let p2) = b.columns[2].kind,
              case .percentage(let p3) = b.columns[3].kind else { Issue.record("not percentages"); return }
        #expect(p1.base == .column("n") && p1.rounding == nil && p1.decimals == nil)
        #expect(p2.base == .table("a", column: "totaal") && p2.rounding == .down && p2.decimals == 1)
        #expect(p3.base == .measure("bijstand", date: PlanDate("2020-01-01")) && p3.rounding == .up)
    }

    @Test func budgetLinesCarryAFinancierAndRepeats() throws {
        let plan = try load("""
        { "schemaVersion": 1, "id": "p", "title": "P", \(Self.region),
          "budgets": [ { "id": "b", "years": [2019, 2020], "totals": { "2020": "10.00" },
                         "alsoStated": [ { "value": "10.00", "year": 2020 } ],
                         "lines": [ { "name": "A", "amounts": { "2020": "10.00" }, "financier": "Gemeenten",
                                      "alsoStated": [ { "value": "10", "year": 2020, "source": { "section": "§ 3", "note": "tekst" } } ] } ] } ],
          "requirements": [ { "id": "sr", "name": "Social Return", "percent": 5, "minimum": "50000.00", "average": true,
                              "estimates": [ { "base": "1000.00", "amount": "50.00" } ], "alsoStated": [ { "key": "minimum", "value": 50000 } ] } ] }
        """)
        let line = plan.budgets[0].lines[0]
        #expect(line.financier == "Gemeenten")
        #expect(line.alsoStated.map(\.year) == [2020])
        #expect(line.alsoStated.first?.source?.citation == "§ 3")
        #expect(plan.budgets[0].alsoStated.map(\.value) == [ExactDecimal(significand: 1000, scale: 2)])
        #expect(plan.requirements.first?.alsoStated.first?.key == "minimum")
        #expect(plan.requirements.first?.estimates.first?.amount == Money(cents: 5000))
    }

    @Test(arguments: [
        ("\"alsoStated\": [ { \"value\": \"10\", \"year\": 2020, \"source\": { \"section\": \"§ 3\", \"note\": \"tekst\" } } ]",
         "\"alsoStated\": [ { \"value\": \"10\", \"year\": 2021 } ]",
         "p.json:6:72: /budgets/0/lines/0/alsoStated/0/year: the number 2021; expected one of the years 2019, 2020"),
        ("\"alsoStated\": [ { \"value\": \"10\", \"year\": 2020, \"source\": { \"section\": \"§ 3\", \"note\": \"tekst\" } } ]",
         "\"alsoStated\": [ { \"value\": \"10\", \"year\": 2019 } ]",
         "p.json:6:72: /budgets/0/lines/0/alsoStated/0/year: alsoStated repeats the amount of 2019, which is not stated here"),
        ("\"alsoStated\": [ { \"key\": \"minimum\", \"value\": 50000 } ]", "\"alsoStated\": [ { \"key\": \"maximum\", \"value\": 50000 } ]",
         "p.json:8:107: /requirements/0/alsoStated/0/key: a string \"maximum\"; expected one of \"percent\", \"minimum\""),
        ("\"financier\": \"Gemeenten\"", "\"financier\": \"\"",
         "p.json:5:89: /budgets/0/lines/0/financier: a string \"\"; expected a non-empty text"),
    ] as [(String, String, String)])
    func badRepeatsAreLoadErrors(old: String, new: String, expected: String) throws {
        let text = """
        { "schemaVersion": 1, "id": "p", "title": "P", \(Self.region),
          "budgets": [ { "id": "b", "years": [2019, 2020], "totals": { "2020": "10.00" },
                         "alsoStated": [ { "value": "10.00", "year": 2020 } ],
                         "lines": [ { "name": "A", "amounts": { "2020": "10.00" }, "financier": "Gemeenten",
                                      "alsoStated": [ { "value": "10", "year": 2020, "source": { "section": "§ 3", "note": "tekst" } } ] } ] } ],
          "requirements": [ { "id": "sr", "name": "Social Return", "percent": 5, "minimum": "50000.00", "average": true,
                              "estimates": [ { "base": "1000.00", "amount": "50.00" } ], "alsoStated": [ { "key": "minimum", "value": 50000 } ] } ] }
        """
        #expect(text.contains(old))
        var message: String?
        do { _ = try load(text.replacingOccurrences(of: old, with: new)) } catch let error as LoadError { message = error.description }
        #expect(message == expected)
    }
}
