import Testing
@testable import AMRCore

/// The table rules (`table-row-total`, `table-column-total`, `table-percentage`) and
/// `consistency` on one clean plan with three tables, a budget and a target (no findings), and
/// on variants that each change one number: each gives exactly one finding, where the number is,
/// naming the other places involved.
@Suite struct TableRulesTests {
    static let base = """
    {
      "schemaVersion": 1, "id": "tabellen-2020", "title": "Tabellen",
      "region": {
        "id": "proef", "name": "Proef",
        "municipalities": [
          { "code": "GM0001", "name": "Eerstestad", "measures": { "bijstand": [ { "value": 400, "date": "2020-01-01" } ] } },
          { "code": "GM0002", "name": "Tweedorp", "measures": { "bijstand": [ { "value": 100, "date": "2020-01-01" } ] } },
          { "code": "GM0003", "name": "Derdeveen", "measures": { "bijstand": [ { "value": 200, "date": "2020-01-01" } ] } }
        ],
        "clusters": [ { "id": "noord", "name": "Noord", "municipalities": ["GM0001", "GM0002"] } ]
      },
      "budgets": [ { "id": "begroting", "total": "189400.00", "lines": [
        { "name": "Werkgeversdagen", "amount": "125400.00", "financier": "Regio", "alsoStated": [ { "value": "125400.00", "source": { "section": "§ 3.2" } } ] },
        { "name": "Scholing", "amount": "64000.00", "financier": "Gemeenten" } ] } ],
      "tables": [
        { "id": "leeftijd", "name": "Bijstand naar leeftijd", "measure": "bijstand", "date": "2020-01-01",
          "columns": [
            { "id": "jong", "name": "< 27", "category": "< 27" },
            { "id": "oud", "name": "27 en ouder", "category": "27+" },
            { "id": "status", "name": "waarvan statushouders", "category": "statushouders", "partOf": "totaal" },
            { "id": "totaal", "name": "totaal", "total": true } ],
          "rows": [
            { "municipality": "GM0001", "values": { "jong": 100, "oud": 300, "status": 40, "totaal": 400 } },
            { "municipality": "GM0002", "values": { "jong": 20, "oud": 80, "status": 5, "totaal": 100 } },
            { "municipality": "GM0003", "values": { "jong": 50, "oud": 150, "totaal": 200 } } ],
          "totals": { "jong": 170, "oud": 530, "totaal": 700 } },
        { "id": "loonwaarde", "name": "Bijstand naar loonwaarde", "measure": "bijstand", "date": "2020-01-01",
          "columns": [ { "id": "laag", "name": "0–50%", "category": "laag" }, { "id": "hoog", "name": "50–100%", "category": "hoog" }, { "id": "totaal", "name": "totaal", "total": true } ],
          "rows": [
            { "municipality": "GM0001", "values": { "laag": 150, "hoog": 250, "totaal": 400 } },
            { "municipality": "GM0003", "values": { "laag": 120, "hoog": 80, "totaal": 200 } } ] },
        { "id": "uitstroom", "name": "Uitstroom", "date": "2020-01-01",
          "columns": [
            { "id": "aantal", "name": "uitstroom", "measure": "uitstroom" },
            { "id": "bestand", "name": "% van het bestand", "percent": { "count": "aantal", "base": { "table": "leeftijd", "column": "totaal" }, "rounding": "nearest" } },
            { "id": "bijstand", "name": "% van de bijstand", "percent": { "count": "aantal", "base": { "measure": "bijstand" }, "rounding": "down", "decimals": 1 } },
            { "id": "doel", "name": "doel", "measure": "doel uitstroom" },
            { "id": "realisatie", "name": "% van het doel", "percent": { "count": "aantal", "base": "doel" } } ],
          "rows": [
            { "municipality": "GM0001", "values": { "aantal": 32, "bestand": 8, "bijstand": 8.0, "doel": 40, "realisatie": 80 } },
            { "municipality": "GM0003", "values": { "aantal": 16, "bestand": 8, "bijstand": 8.0, "doel": 20, "realisatie": 80 } } ],
          "totals": { "aantal": 48, "bestand": 7, "bijstand": 8.0, "doel": 60, "realisatie": 80 } }
      ],
      "targets": [
        { "id": "transparant", "name": "Transparant", "percent": 35, "base": 72000, "value": 25200,
          "alsoStated": [ { "value": 25200, "source": { "section": "Samenvatting" } }, { "value": 25200, "source": { "section": "Bijlage 4" } },
                          { "key": "percent", "value": 35, "source": { "section": "Bijlage 4" } } ] }
      ]
    }
    """

    func findings(_ text: String) throws -> [Finding] {
        let loaded = try PlanLoader.load(bytes: Array(text.utf8), file: "t.json")
        return PlanChecker.check(loaded, locale: .en)
    }

    func variant(_ old: String, _ new: String) -> String {
        Self.base.replacingOccurrences(of: old, with: new)
    }

    @Test func theCleanPlanPassesEveryRule() throws {
        #expect(try findings(Self.base).map(\.description) == [])
    }

    @Test(arguments: [
        // table-row-total: a row total (its column total then breaks too: one finding, at the row total)
        ("\"status\": 5, \"totaal\": 100", "\"status\": 5, \"totaal\": 110", "table-row-total",
         "t.json:24:95: error[table-row-total]: the columns of Tweedorp in \"Bijstand naar leeftijd\" add up to 100 but its row total is 110"),
        // an inner number: its row and its column both point at it
        ("\"jong\": 100, \"oud\": 300", "\"jong\": 110, \"oud\": 300", "table-row-total",
         "t.json:23:57: error[table-row-total]: \"< 27\" of Eerstestad in \"Bijstand naar leeftijd\" is 110, but its row total (400) and its column total (170) both give 100"),
        // a table without a total row
        ("\"laag\": 120, \"hoog\": 80, \"totaal\": 200", "\"laag\": 120, \"hoog\": 90, \"totaal\": 200", "table-row-total",
         "t.json:31:84: error[table-row-total]: the columns of Derdeveen in \"Bijstand naar loonwaarde\" add up to 210 but its row total is 200"),
        // an "of whom" part larger than its whole (it is not added, so the row still adds up)
        ("\"status\": 5,", "\"status\": 500,", "table-row-total",
         "t.json:24:82: error[table-row-total]: \"waarvan statushouders\" of Tweedorp in \"Bijstand naar leeftijd\" is 500, more than its whole \"totaal\" (100)"),
        // table-column-total: a column total (the total row's own sum then breaks too)
        ("\"totals\": { \"jong\": 170", "\"totals\": { \"jong\": 171", "table-column-total",
         "t.json:26:27: error[table-column-total]: the rows of \"< 27\" in \"Bijstand naar leeftijd\" add up to 170 but its stated total is 171"),
        // the grand total
        ("\"oud\": 530, \"totaal\": 700", "\"oud\": 530, \"totaal\": 710", "table-column-total",
         "t.json:26:54: error[table-column-total]: the rows of \"totaal\" in \"Bijstand naar leeftijd\" add up to 700 but its stated total is 710"),
        // a count whose column total and percentages both point at it
        ("\"aantal\": 32,", "\"aantal\": 36,", "table-column-total",
         "t.json:40:59: error[table-column-total]: \"uitstroom\" of Eerstestad in \"Uitstroom\" is 36, but its column total (48) and its percentage \"% van het bestand\" (8%) both give 32"),
        // a base whose column total and percentage both point at it (not also a base of 0)
        ("\"doel\": 40, \"realisatie\": 80", "\"doel\": 0, \"realisatie\": 80", "table-column-total",
         "t.json:40:102: error[table-column-total]: \"doel\" of Eerstestad in \"Uitstroom\" is 0, but its column total (60) and its percentage \"% van het doel\" (80%) both give 40"),
        // table-percentage: of a column of another table, of a measure, of a column, in the total row
        ("\"aantal\": 16, \"bestand\": 8,", "\"aantal\": 16, \"bestand\": 9,", "table-percentage",
         "t.json:41:74: error[table-percentage]: \"% van het bestand\" of Derdeveen in \"Uitstroom\" is stated as 9% but 16 of 200 is 8%"),
        ("\"bestand\": 8, \"bijstand\": 8.0, \"doel\": 20", "\"bestand\": 8, \"bijstand\": 8.5, \"doel\": 20", "table-percentage",
         "t.json:41:89: error[table-percentage]: \"% van de bijstand\" of Derdeveen in \"Uitstroom\" is stated as 8.5% but 16 of 200 is 8%"),
        ("\"doel\": 40, \"realisatie\": 80", "\"doel\": 40, \"realisatie\": 81", "table-percentage",
         "t.json:40:120: error[table-percentage]: \"% van het doel\" of Eerstestad in \"Uitstroom\" is stated as 81% but 32 of 40 is 80%"),
        ("\"aantal\": 48, \"bestand\": 7", "\"aantal\": 48, \"bestand\": 6", "table-percentage",
         "t.json:42:44: error[table-percentage]: \"% van het bestand\" of the total row in \"Uitstroom\" is stated as 6% but 48 of 700 is 6.85…% (rounded nearest 7%)"),
        // consistency: a municipality's measure at a date in two tables and the region's measures
        ("\"laag\": 120, \"hoog\": 80, \"totaal\": 200", "\"laag\": 120, \"hoog\": 90, \"totaal\": 210", "consistency",
         "t.json:31:84: error[consistency]: the bijstand of Derdeveen on 2020-01-01 is 210 in \"Bijstand naar loonwaarde\" but 200 in the region's measures"),
        // the statement the others disagree with is the one reported, wherever it is
        ("\"name\": \"Derdeveen\", \"measures\": { \"bijstand\": [ { \"value\": 200", "\"name\": \"Derdeveen\", \"measures\": { \"bijstand\": [ { \"value\": 210", "consistency",
         "t.json:8:87: error[consistency]: the bijstand of Derdeveen on 2020-01-01 is 210 in the region's measures but 200 in \"Bijstand naar leeftijd\""),
        // a budget line's amount in the text
        ("{ \"value\": \"125400.00\", \"source\": { \"section\": \"§ 3.2\" } }", "{ \"value\": \"120000.00\", \"source\": { \"section\": \"§ 3.2\" } }", "consistency",
         "t.json:13:106: error[consistency]: the amount of \"Werkgeversdagen\" is stated as €125,400.00 but as €120,000.00 in § 3.2"),
        // a number that disagrees with both of its repeats is the one that is off (and the
        // percentage rule accepts the repeated value)
        ("\"base\": 72000, \"value\": 25200", "\"base\": 72000, \"value\": 25300", "consistency",
         "t.json:45:90: error[consistency]: target \"Transparant\" is stated as 25,300 but as 25,200 in Samenvatting and in Bijlage 4"),
        ("{ \"key\": \"percent\", \"value\": 35,", "{ \"key\": \"percent\", \"value\": 36,", "consistency",
         "t.json:47:52: error[consistency]: the percentage of target \"Transparant\" is stated as 35% but as 36% in Bijlage 4"),
    ] as [(String, String, String, String)])
    func eachRuleFindsItsErrorOnce(old: String, new: String, rule: String, expected: String) throws {
        #expect(Self.base.contains(old), "the variant must change the plan")
        let found = try findings(variant(old, new))
        #expect(found.map(\.description) == [expected])
        #expect(found.first?.rule == rule)
    }

    /// The second place of a disagreement is a related location, with what is there.
    @Test(arguments: [
        ("\"jong\": 100, \"oud\": 300", "\"jong\": 110, \"oud\": 300",
         ["t.json:23:98 the row total of Eerstestad: 400", "t.json:26:27 the total of \"< 27\": 170"]),
        ("\"aantal\": 32,", "\"aantal\": 36,",
         ["t.json:42:29 the column total of \"uitstroom\": 48", "t.json:40:74 \"% van het bestand\" of Eerstestad: 8%"]),
        ("\"status\": 5,", "\"status\": 500,", ["t.json:24:97 the whole \"totaal\": 100"]),
        ("\"aantal\": 16, \"bestand\": 8,", "\"aantal\": 16, \"bestand\": 9,",
         ["t.json:25:83 the base: \"totaal\" of Derdeveen in \"Bijstand naar leeftijd\", 200"]),
        ("\"bestand\": 8, \"bijstand\": 8.0, \"doel\": 20", "\"bestand\": 8, \"bijstand\": 8.5, \"doel\": 20",
         ["t.json:8:87 the base: the bijstand of Derdeveen on 2020-01-01, 200"]),
        ("\"laag\": 120, \"hoog\": 80, \"totaal\": 200", "\"laag\": 120, \"hoog\": 90, \"totaal\": 210",
         ["t.json:8:87 200 in the region's measures"]),
        ("{ \"value\": \"125400.00\", \"source\": { \"section\": \"§ 3.2\" } }", "{ \"value\": \"120000.00\", \"source\": { \"section\": \"§ 3.2\" } }",
         ["t.json:13:44 stated as €125,400.00 here"]),
        ("\"base\": 72000, \"value\": 25200", "\"base\": 72000, \"value\": 25300",
         ["t.json:46:34 stated as 25,200 in Samenvatting", "t.json:46:95 stated as 25,200 in Bijlage 4"]),
    ] as [(String, String, [String])])
    func disagreementsNameTheOtherPlace(old: String, new: String, related: [String]) throws {
        let found = try findings(variant(old, new))
        #expect(found.count == 1)
        #expect(found.first?.related.map { "\($0.location) \($0.message)" } == related)
    }

    @Test func aPercentageWithoutRoundingAcceptsBothWaysAndSaysSo() throws {
        // 13 of 15 is 86,666…%: 86,6 and 86,7 are both right when the plan states no rounding.
        for stated in ["86.6", "86.7"] {
            let text = variant("\"aantal\": 16, \"bestand\": 8, \"bijstand\": 8.0, \"doel\": 20, \"realisatie\": 80",
                               "\"aantal\": 13, \"bestand\": 7, \"bijstand\": 6.5, \"doel\": 15, \"realisatie\": \(stated)")
                .replacingOccurrences(of: "\"aantal\": 48, \"bestand\": 7, \"bijstand\": 8.0, \"doel\": 60, \"realisatie\": 80",
                                      with: "\"aantal\": 45, \"bestand\": 6, \"bijstand\": 7.5, \"doel\": 55, \"realisatie\": 81.8")
            #expect(try findings(text).map(\.description) == [], "\(stated)")
        }
        let check = try #require(PercentageCheck(count: ExactDecimal(significand: 13), base: ExactDecimal(significand: 15), decimals: 1, rounding: nil))
        #expect(check.allowed == [ExactDecimal(significand: 866, scale: 1), ExactDecimal(significand: 867, scale: 1)])
        #expect(check.words(.nl) == "86,666…% (86,6% of 86,7%)")
        #expect(check.words(.en) == "86.666…% (86.6% or 86.7%)")
        let nearest = try #require(PercentageCheck(count: ExactDecimal(significand: 1), base: ExactDecimal(significand: 8), decimals: 1, rounding: .nearest))
        #expect(nearest.allowed == [ExactDecimal(significand: 125, scale: 1)])
        #expect(nearest.words(.en) == "12.5%")
        #expect(PercentageCheck(count: ExactDecimal(significand: 1), base: ExactDecimal(significand: 0), decimals: 0, rounding: nil) == nil)
    }

    @Test func aPercentageWhoseBaseIsMissingIsAFinding() throws {
        let text = Self.base
            .replacingOccurrences(of: "{ \"municipality\": \"GM0003\", \"values\": { \"laag\"", with: "{ \"municipality\": \"GM0002\", \"values\": { \"laag\"")
            .replacingOccurrences(of: "\"base\": { \"table\": \"leeftijd\"", with: "\"base\": { \"table\": \"loonwaarde\"")
        #expect(try findings(text).map(\.description) == [
            "t.json:31:84: error[consistency]: the bijstand of Tweedorp on 2020-01-01 is 200 in \"Bijstand naar loonwaarde\" but 100 in the region's measures",
            "t.json:41:74: error[table-percentage]: \"% van het bestand\" of Derdeveen in \"Uitstroom\" is stated as 8% but \"Bijstand naar loonwaarde\" has no row for Derdeveen to take the base from",
            // A base table without a total row gives the total row the sum of its rows as base.
            "t.json:42:44: error[table-percentage]: \"% van het bestand\" of the total row in \"Uitstroom\" is stated as 7% but 48 of 600 is 8%",
        ])
    }

    @Test func rowsForAClusterAreKeyedByTheCluster() throws {
        let text = """
        {
          "schemaVersion": 1, "id": "clusters", "title": "Clusters",
          "region": { "id": "r", "name": "R", "municipalities": [ { "code": "GM0001", "name": "Een" }, { "code": "GM0002", "name": "Twee" } ],
                      "clusters": [ { "id": "noord", "name": "Noord", "municipalities": ["GM0001", "GM0002"] } ] },
          "tables": [
            { "id": "a", "name": "A", "date": "2021-11-01", "columns": [ { "id": "n", "measure": "matches" } ], "rows": [ { "cluster": "noord", "values": { "n": 95 } } ] },
            { "id": "b", "name": "B", "date": "2021-11-01", "columns": [ { "id": "m", "measure": "matches" } ], "rows": [ { "cluster": "noord", "values": { "m": 59 } }, { "cluster": "zuid", "values": { "m": 1 } } ] }
          ]
        }
        """
        #expect(try findings(text).map(\.description) == [
            "t.json:7:154: error[consistency]: the matches of Noord on 2021-11-01 is 59 in \"B\" but 95 in \"A\"",
            "t.json:7:175: error[reference]: there is no cluster with id \"zuid\"",
        ])
    }
}
