import Testing
@testable import AMRCore

/// Every rule of `amr check` on one clean plan (no findings) and on variants of it that each
/// break one thing.
@Suite struct CheckRulesTests {
    static let base = """
    {
      "schemaVersion": 1, "id": "proef-2019-2020", "title": "Proefplan",
      "region": {
        "id": "proef", "name": "Proef", "centreMunicipality": "GM0001",
        "municipalities": [
          { "code": "GM0001", "name": "Eerstestad", "measures": { "inwoners": [ { "value": 300, "date": "2019-01-01" } ] } },
          { "code": "GM0002", "name": "Tweedorp", "measures": { "inwoners": [ { "value": 100, "date": "2019-01-01" } ] } },
          { "code": "GM0003", "name": "Derdeveen", "measures": { "inwoners": [ { "value": 200, "date": "2019-01-01" } ] } }
        ],
        "clusters": [ { "id": "noord", "name": "Noord", "municipalities": ["GM0001", "GM0002"] } ]
      },
      "period": { "start": "2019-01-01", "end": "2020-12-31" },
      "themes": [ { "id": "werk", "name": "Werk" } ],
      "budgets": [
        {
          "id": "begroting",
          "lines": [
            { "name": "Projectleiding", "amount": "55200.00", "formula": { "hoursPerWeek": 16, "weeks": 46, "rate": "75.00" } },
            { "name": "Uitvoering", "amount": "141500.00", "lines": [
              { "name": "Trajecten", "amount": "64000.00", "formula": { "count": 8, "unitPrice": "8000.00" } },
              { "name": "Personeel", "amount": "77500.00", "formula": { "fte": "2.5", "annualCost": "62000.00", "partOfYear": "0.5" } }
            ] }
          ],
          "total": "196700.00",
          "carryOver": { "from": 2018, "amount": "195700.00", "parts": [ { "name": "A", "amount": "150000.00" }, { "name": "B", "amount": "45700.00" } ] }
        },
        {
          "id": "meerjarig", "years": [2019, 2020],
          "lines": [
            { "name": "A", "amounts": { "2019": "100.00", "2020": "200.00" }, "amount": "300.00" },
            { "name": "B", "amounts": { "2019": "50.00", "2020": "50.00" }, "amount": "100.00" }
          ],
          "totals": { "2019": "150.00", "2020": "250.00" },
          "total": "400.00"
        }
      ],
      "allocations": [
        {
          "id": "verdeling-2019", "year": 2019, "amount": "1000.00", "basis": { "budget": "begroting", "lessCarryOver": true },
          "key": { "measure": "inwoners", "date": "2019-01-01" }, "statedWeightTotal": 600,
          "shares": [
            { "municipality": "GM0001", "stated": "500.00" },
            { "municipality": "GM0002", "stated": "166.67" },
            { "municipality": "GM0003", "stated": "333.33" }
          ]
        },
        {
          "id": "verdeling-2020", "year": 2020, "amount": "2000.00",
          "key": { "measure": "inwoners", "date": "2019-01-01" },
          "shares": [
            { "municipality": "GM0001", "stated": "1000.00" },
            { "municipality": "GM0002", "stated": "333.33" },
            { "municipality": "GM0003", "stated": "666.67" }
          ]
        }
      ],
      "grandTotals": [ { "id": "samen", "name": "Bijdragen samen", "amount": "3000.00", "allocations": ["verdeling-2019", "verdeling-2020"] } ],
      "tables": [ { "id": "uitstroom", "name": "Uitstroom", "rows": [ { "municipality": "GM0001", "value": 100 }, { "label": "Overig", "value": 404 } ], "total": 504 } ],
      "targets": [
        { "id": "plaatsingen", "name": "Plaatsingen", "theme": "werk", "value": 2850, "date": "2020-12-31",
          "baseline": { "date": "2015-01-01" }, "parts": [ { "id": "markt", "value": 1536 }, { "id": "overheid", "value": 1314 } ] },
        { "id": "transparant", "name": "Transparant", "cluster": "noord", "percent": 35, "base": 72000, "value": 25200, "date": "2020-12-31",
          "trajectory": [ { "date": "2019-12-31", "percent": 8, "value": 5760 }, { "date": "2020-06-30", "percent": 20, "value": 14400 } ],
          "measurements": [ { "date": "2020-06-30", "value": 37000, "channels": [ { "id": "a", "value": 9000 }, { "id": "b", "value": 28000 }, { "id": "c", "value": 7900, "overlapsWith": "b" } ] } ] }
      ],
      "programmes": [ { "id": "prog", "name": "Programma" } ],
      "subprojects": [ { "id": "sub", "programme": "prog", "name": "Deelproject" } ]
    }
    """

    func findings(_ text: String, strict: Bool = false) throws -> [Finding] {
        let loaded = try PlanLoader.load(bytes: Array(text.utf8), file: "p.json")
        return PlanChecker.check(loaded, locale: .en, strict: strict)
    }

    func variant(_ old: String, _ new: String) -> String {
        Self.base.replacingOccurrences(of: old, with: new)
    }

    @Test func theCleanPlanPassesEveryRule() throws {
        #expect(try findings(Self.base).map(\.description) == [])
    }

    @Test(arguments: [
        // budget-sum: a subtotal, the total, a row over years, a column total, the grand total over years
        ("\"amount\": \"141500.00\"", "\"amount\": \"141000.00\"", "budget-sum",
         "p.json:19:43: error[budget-sum]: the parts of \"Uitvoering\" add up to €141,500.00 but the stated amount is €141,000.00 (€500.00 short)"),
        ("\"total\": \"196700.00\"", "\"total\": \"19670.00\"", "budget-sum",
         "p.json:24:16: error[budget-sum]: the lines of budget \"begroting\" add up to €196,700.00 but the stated total is €19,670.00 (€177,030.00 short)"),
        ("\"2020\": \"200.00\" }, \"amount\": \"300.00\"", "\"2020\": \"200.00\" }, \"amount\": \"310.00\"", "budget-sum",
         "p.json:30:85: error[budget-sum]: the years of \"A\" add up to €300.00 but the stated row total is €310.00 (€10.00 too much)"),
        ("\"totals\": { \"2019\": \"150.00\"", "\"totals\": { \"2019\": \"160.00\"", "budget-sum",
         "p.json:33:27: error[budget-sum]: the lines of 2019 add up to €150.00 but the stated total for 2019 is €160.00 (€10.00 too much)"),
        ("\"total\": \"400.00\"", "\"total\": \"40.00\"", "budget-sum",
         "p.json:34:16: error[budget-sum]: the totals of 2019, 2020 add up to €400.00 but the stated grand total is €40.00 (€360.00 short)"),
        // carry-over: its parts, and the amount to split
        ("{ \"name\": \"B\", \"amount\": \"45700.00\" }", "{ \"name\": \"B\", \"amount\": \"45000.00\" }", "carry-over",
         "p.json:25:46: error[carry-over]: the parts of the carry-over add up to €195,000.00 but the stated carry-over is €195,700.00 (€700.00 too much)"),
        ("\"amount\": \"195700.00\"", "\"amount\": \"195000.00\"", "carry-over",
         "p.json:25:46: error[carry-over]: the parts of the carry-over add up to €195,700.00 but the stated carry-over is €195,000.00 (€700.00 short)"),
        // allocation-sum and allocation-share
        ("\"stated\": \"166.67\"", "\"stated\": \"166.66\"", "allocation-share",
         "p.json:39:55: error[allocation-sum]: the shares of \"verdeling-2019\" add up to €999.99 but the stated amount is €1,000.00 (€0.01 short)\np.json:43:47: error[allocation-share]: the share of Tweedorp is stated as €166.66 but the exact share is €166.67 (€0.01 short)"),
        ("\"stated\": \"666.67\"", "\"stated\": \"666.68\"", "allocation-sum",
         "p.json:48:55: error[allocation-sum]: the shares of \"verdeling-2020\" add up to €2,000.01 but the stated amount is €2,000.00 (€0.01 too much)\np.json:53:47: error[allocation-share]: the share of Derdeveen is stated as €666.68 but the exact share is €666.67 (€0.01 too much)"),
        // grand-total
        ("\"amount\": \"3000.00\"", "\"amount\": \"300.00\"", "grand-total",
         "p.json:57:74: error[grand-total]: \"Bijdragen samen\" is stated as €300.00 but verdeling-2019, verdeling-2020 add up to €3,000.00 (€2,700.00 short)"),
        // formula: count × price; hours × weeks × rate; FTE × cost × part of year
        ("\"amount\": \"64000.00\"", "\"amount\": \"60000.00\"", "formula",
         "p.json:20:44: error[formula]: 8 × €8,000.00 = 64,000.00 but the stated amount of \"Trajecten\" is €60,000.00"),
        ("\"amount\": \"55200.00\"", "\"amount\": \"55000.00\"", "formula",
         "p.json:18:47: error[formula]: 16 h/week × 46 weeks × €75.00 = 55,200.00 but the stated amount of \"Projectleiding\" is €55,000.00"),
        ("\"partOfYear\": \"0.5\"", "\"partOfYear\": \"0.25\"", "formula",
         "p.json:21:44: error[formula]: 2.5 FTE × €62,000.00 × 0.25 = 38,750.00 but the stated amount of \"Personeel\" is €77,500.00"),
        // target-split
        ("\"value\": 1314", "\"value\": 1313", "target-split",
         "p.json:60:77: error[target-split]: the parts of target \"Plaatsingen\" add up to 1,536 + 1,313 = 2,849 but the target is 2,850"),
        // count-total: a table and an allocation key's printed total
        ("\"total\": 504", "\"total\": 600", "count-total",
         "p.json:58:159: error[count-total]: the rows of \"Uitstroom\" add up to 504 but the stated total is 600"),
        ("\"statedWeightTotal\": 600", "\"statedWeightTotal\": 601", "count-total",
         "p.json:40:84: error[count-total]: the inwoners of the shares add up to 600 but the table prints 601"),
        // percentage: the target and a trajectory step
        ("\"value\": 25200", "\"value\": 25000", "percentage",
         "p.json:62:110: error[percentage]: target \"Transparant\" is stated as 25,000 but 35% of 72,000 is 25,200"),
        ("\"percent\": 20, \"value\": 14400", "\"percent\": 20, \"value\": 14000", "percentage",
         "p.json:63:126: error[percentage]: the step of 2020-06-30 is stated as 14,000 but 20% of 72,000 is 14,400"),
        // transparency-overlap: a total that counts an overlapping channel too
        ("\"value\": 37000", "\"value\": 44900", "transparency-overlap",
         "p.json:64:58: error[transparency-overlap]: the total for 2020-06-30 of \"Transparant\" is stated as 44,900 but the channels add up to 37,000; the stated total also counts \"c\" (overlaps \"b\")"),
        // reference
        ("\"programme\": \"prog\"", "\"programme\": \"prgo\"", "reference",
         "p.json:67:48: error[reference]: there is no programme with id \"prgo\""),
        ("\"municipalities\": [\"GM0001\", \"GM0002\"]", "\"municipalities\": [\"GM0001\", \"GM0009\"]", "reference",
         "p.json:10:82: error[reference]: cluster \"Noord\" names GM0009, which is not a municipality of Proef"),
        ("\"theme\": \"werk\"", "\"theme\": \"wrek\"", "reference",
         "p.json:60:60: error[reference]: there is no theme with id \"wrek\""),
        // duplicate-id
        ("\"id\": \"sub\"", "\"id\": \"prog\", \"programme\": \"prog\", \"name\": \"x\" }, { \"id\": \"prog\"", "duplicate-id",
         "p.json:67:80: error[duplicate-id]: subproject id \"prog\" is used twice (first at line 67)"),
        // period
        ("\"value\": 2850, \"date\": \"2020-12-31\"", "\"value\": 2850, \"date\": \"2021-12-31\"", "period",
         "p.json:60:91: error[period]: target \"Plaatsingen\" is for 2021-12-31, outside the plan period 2019-01-01 – 2020-12-31"),
        ("\"from\": 2018", "\"from\": 2019", "period",
         "p.json:25:30: error[period]: the carry-over comes from 2019, not from a year before the plan period 2019-01-01 – 2020-12-31"),
        // unknown-key
        ("\"id\": \"uitstroom\", \"name\"", "\"id\": \"uitstroom\", \"naam\": \"x\", \"name\"", "unknown-key",
         "p.json:58:36: warning[unknown-key]: unknown key \"naam\" is ignored; did you mean \"name\"?"),
    ] as [(String, String, String, String)])
    func eachRuleFindsItsError(old: String, new: String, rule: String, expected: String) throws {
        #expect(Self.base.contains(old), "the variant must change the plan")
        // Exactly this finding: one wrong number is reported once, where it is.
        let found = try findings(variant(old, new))
        // A wrong share also breaks its table's sum: that case expects both.
        #expect(found.map(\.description) == expected.components(separatedBy: "\n"))
        #expect(found.contains { $0.rule == rule })
    }

    @Test func strictMakesUnknownKeysErrors() throws {
        let text = variant("\"id\": \"uitstroom\", \"name\"", "\"id\": \"uitstroom\", \"ammount\": 1, \"name\"")
        #expect(try findings(text).map(\.severity) == [.warning])
        #expect(try findings(text, strict: true).map(\.severity) == [.error])
    }

    @Test func naiveRoundingIsNamedInTheHint() throws {
        let found = try findings(variant("\"stated\": \"166.67\"", "\"stated\": \"166.66\""))
        let share = try #require(found.first { $0.rule == "allocation-share" })
        #expect(share.hint?.contains("rounded on its own") == false)
        #expect(share.stated == "166.66" && share.expected == "166.67")
    }
}

extension Finding: CustomStringConvertible {
    public var description: String {
        "\(location): \(severity.rawValue)[\(rule)]: \(message)"
    }
}
