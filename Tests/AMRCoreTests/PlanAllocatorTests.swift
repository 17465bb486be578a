import Testing
@testable import AMRCore

@Suite struct PlanAllocatorTests {
    /// A plan with three municipalities and two measures; `allocation` is spliced in.
    func plan(_ allocation: String) -> String {
        """
        {
          "schemaVersion": 1, "id": "t", "title": "T",
          "region": { "id": "t", "name": "T", "municipalities": [
            { "code": "GM0001", "name": "A", "measures": { "inwoners": [ { "value": 300, "date": "2019-01-01" }, { "value": 310, "date": "2020-01-01" } ], "werkzoekenden": [ { "value": 10 } ] } },
            { "code": "GM0002", "name": "B", "measures": { "inwoners": [ { "value": 100, "date": "2019-01-01" }, { "value": 90, "date": "2020-01-01" } ], "werkzoekenden": [ { "value": 30 } ] } },
            { "code": "GM0003", "name": "C", "measures": { "inwoners": [ { "value": 0, "date": "2019-01-01" }, { "value": 0, "date": "2020-01-01" } ], "werkzoekenden": [ { "value": 0 } ] } }
          ] },
          "budgets": [ { "id": "b", "lines": [ { "name": "x", "amount": "1500.00" } ], "total": "1500.00", "carryOver": { "amount": "500.00" } } ],
          "allocations": [ \(allocation) ]
        }
        """
    }

    func allocate(_ allocation: String) throws(LoadError) -> AllocationReport {
        let loaded = try PlanLoader.load(bytes: Array(plan(allocation).utf8), file: "p.json")
        return try PlanAllocator.allocate(loaded.plan.allocations[0], in: loaded)
    }

    func message(_ allocation: String) -> String? {
        do { _ = try allocate(allocation); return nil } catch { return error.description }
    }

    let shares = #"[ { "municipality": "GM0001" }, { "municipality": "GM0002" }, { "municipality": "GM0003" } ]"#

    @Test func aNegativeAmountIsSplitAsADeficitButNotByADivisorMethod() throws {
        let deficit = try allocate(#"{ "id": "a", "amount": "-1000.00", "key": { "measure": "inwoners", "date": "2020-01-01" }, "shares": \#(shares) }"#)
        #expect(deficit.rows.map(\.amount.cents) == [-77_500, -22_500, 0])
        #expect(message(#"{ "id": "a", "amount": "-1000", "unit": "1", "method": "sainte-lague", "key": { "measure": "inwoners", "date": "2020-01-01" }, "shares": \#(shares) }"#)
                == "p.json:9:43: /allocations/0/amount: Sainte-Laguë splits whole things such as seats or placements, so it cannot split a negative total; give a total of 0 or more, or use largest-remainder to split a deficit")
    }

    @Test func aStatedWeightTotalThatDiffersIsFoundSomething() throws {
        let right = try allocate(#"{ "id": "a", "amount": "1000.00", "statedWeightTotal": 400, "key": { "measure": "inwoners", "date": "2020-01-01" }, "shares": \#(shares) }"#)
        #expect(right.matchesStated)
        let wrong = try allocate(#"{ "id": "a", "amount": "1000.00", "statedWeightTotal": "400.5", "key": { "measure": "inwoners", "date": "2020-01-01" }, "shares": \#(shares) }"#)
        #expect(!wrong.weightTotalsMatch && !wrong.matchesStated)
    }

    @Test func measureAtADate() throws {
        let report = try allocate(#"{ "id": "a", "amount": "1000.00", "key": { "measure": "inwoners", "date": "2020-01-01" }, "shares": \#(shares) }"#)
        #expect(report.rows.map(\.amount.cents) == [77_500, 22_500, 0])
        #expect(report.keyDescription == "inwoners on 2020-01-01")
        #expect(report.weightTotal == ExactDecimal(significand: 400))
    }

    /// 60% inhabitants + 40% job seekers: A gets 0,6·¾ + 0,4·¼ = 0,55 of the amount, exactly.
    @Test func mixOfKeysIsExact() throws {
        let report = try allocate(#"""
            { "id": "a", "amount": "1000.00", "key": { "mix": [ { "measure": "inwoners", "date": "2019-01-01", "percent": 60 },
              { "measure": "werkzoekenden", "percent": "40" } ] }, "shares": \#(shares) }
            """#)
        #expect(report.rows.map(\.amount.cents) == [55_000, 45_000, 0])
        #expect(report.keyDescription == "60% inwoners on 2019-01-01 + 40% werkzoekenden")
    }

    @Test func mixWhoseThirdsDoNotDivideEvenly() throws {
        // 50% inhabitants (3:1) + 50% job seekers (1:3) = exactly half each; 0.01 goes to the earlier row.
        let report = try allocate(#"""
            { "id": "a", "amount": "0.01", "key": { "mix": [ { "measure": "inwoners", "date": "2019-01-01", "percent": 50 },
              { "measure": "werkzoekenden", "percent": 50 } ] }, "shares": \#(shares) }
            """#)
        #expect(report.rows.map(\.amount.cents) == [1, 0, 0])
    }

    @Test func equalAndStatedKeys() throws {
        let equal = try allocate(#"{ "id": "a", "amount": "100.00", "key": { "equal": true }, "shares": \#(shares) }"#)
        #expect(equal.rows.map(\.amount.cents) == [3_334, 3_333, 3_333])
        let stated = try allocate(#"""
            { "id": "a", "amount": "100.00", "key": { "stated": true }, "shares": [ { "label": "X", "weight": "1.5" }, { "label": "Y", "weight": 0.5 } ] }
            """#)
        #expect(stated.rows.map(\.amount.cents) == [7_500, 2_500])
        #expect(stated.rows.map(\.name) == ["X", "Y"])
    }

    @Test func amountFromTheBudgetLessCarryOver() throws {
        let report = try allocate(#"{ "id": "a", "basis": { "budget": "b", "lessCarryOver": true }, "key": { "measure": "inwoners", "date": "2019-01-01" }, "shares": \#(shares) }"#)
        #expect(report.total == Money(cents: 100_000))
        #expect(report.basis?.carryOver == Money(cents: 50_000))
        #expect(report.rows.map(\.amount.cents) == [75_000, 25_000, 0])
    }

    @Test(arguments: [
        (#"{ "id": "a", "amount": "10", "key": { "measure": "inwoners" }, "shares": [ { "municipality": "GM0001" } ] }"#,
         "p.json:9:56: /allocations/0/key: A has 2 observations of \"inwoners\"; give the key a \"date\" that picks one"),
        (#"{ "id": "a", "amount": "10", "key": { "measure": "bijstand" }, "shares": [ { "municipality": "GM0001" } ] }"#,
         "p.json:9:95: /allocations/0/shares/0: A (GM0001) has no \"bijstand\"; add it under /region/municipalities/…/measures"),
        (#"{ "id": "a", "amount": "10", "key": { "measure": "inwoners", "date": "2018-01-01" }, "shares": [ { "municipality": "GM0001" } ] }"#,
         "p.json:9:117: /allocations/0/shares/0: A (GM0001) has no \"inwoners\" on 2018-01-01; it has inwoners on 2019-01-01, 2020-01-01"),
        (#"{ "id": "a", "amount": "10", "key": { "equal": true }, "shares": [ { "municipality": "GM0009" } ] }"#,
         "p.json:9:105: /allocations/0/shares/0/municipality: municipality GM0009 is not in region T; add it to /region/municipalities or fix the code"),
        (#"{ "id": "a", "amount": "10", "key": { "measure": "inwoners", "date": "2019-01-01" }, "shares": [ { "municipality": "GM0003" } ] }"#,
         "p.json:9:20: /allocations/0: all weights are zero; at least one party needs a weight above zero"),
        (#"{ "id": "a", "amount": "10", "key": { "mix": [ { "measure": "inwoners", "date": "2019-01-01", "percent": 60 } ] }, "shares": [ { "municipality": "GM0001" } ] }"#,
         "p.json:9:65: /allocations/0/key/mix: the percents of the mix add up to 60, not 100; make them add up to 100"),
        (#"{ "id": "a", "basis": { "budget": "begroting" }, "key": { "equal": true }, "shares": [ { "municipality": "GM0001" } ] }"#,
         "p.json:9:54: /allocations/0/basis/budget: no budget with id \"begroting\"; the plan's budgets are b"),
        (#"{ "id": "a", "amount": "10.05", "unit": "0.10", "key": { "equal": true }, "shares": [ { "municipality": "GM0001" } ] }"#,
         "p.json:9:20: /allocations/0: the total 10.05 is not a multiple of the rounding unit 0.1; use a total that is, or a smaller unit"),
    ])
    func unusableAllocationsSayWhereAndWhy(allocation: String, expected: String) {
        #expect(message(allocation) == expected)
    }
}
