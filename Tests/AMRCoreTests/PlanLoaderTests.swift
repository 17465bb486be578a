import Testing
@testable import AMRCore

@Suite struct PlanLoaderTests {
    static let minimal = """
    {
      "schemaVersion": 1,
      "id": "test-2019",
      "title": "Test plan",
      "region": {
        "id": "test",
        "name": "Test",
        "centreMunicipality": "GM0001",
        "municipalities": [
          { "code": "GM0001", "name": "Een", "measures": { "inwoners": [ { "value": 300, "date": "2019-01-01" } ] } },
          { "code": "GM0002", "name": "Twee", "measures": { "inwoners": [ { "value": "100", "date": "2019-01-01" } ] } }
        ]
      },
      "allocations": [
        {
          "id": "bijdrage",
          "amount": "1000.00",
          "key": { "measure": "inwoners", "date": "2019-01-01" },
          "shares": [
            { "municipality": "GM0001", "stated": "750.00" },
            { "municipality": "GM0002", "stated": 250 }
          ]
        }
      ]
    }
    """

    func load(_ text: String) throws(LoadError) -> LoadedPlan {
        try PlanLoader.load(bytes: Array(text.utf8), file: "p.json")
    }

    func message(_ text: String) -> String? {
        do { _ = try load(text); return nil } catch { return error.description }
    }

    /// The minimal plan with one literal text replaced: each case breaks exactly one thing.
    func variant(_ old: String, _ new: String) -> String {
        Self.minimal.replacingOccurrences(of: old, with: new)
    }

    @Test func readsAMinimalPlan() throws {
        let loaded = try load(Self.minimal)
        let plan = loaded.plan
        #expect(plan.id == "test-2019")
        #expect(plan.kind == "jaarplan")
        #expect(plan.region.municipalities.map(\.code.rawValue) == ["GM0001", "GM0002"])
        #expect(plan.region.municipalities[1].measures["inwoners"]?.first?.value == ExactDecimal(significand: 100))
        let allocation = try #require(plan.allocations.first)
        #expect(allocation.amount == Money(cents: 100_000))
        #expect(allocation.method == .largestRemainder)
        #expect(allocation.unit == .cent)
        #expect(allocation.shares.map(\.stated) == [Money(cents: 75_000), Money(cents: 25_000)])
        #expect(allocation.pointer == "/allocations/0")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.location(of: "/allocations/0/shares/1/stated").description == "p.json:21:47")
        #expect(loaded.location(of: "/allocations/0/shares/1/nothing").line == 21)
    }

    @Test func unknownKeysAreWarningsWithASuggestion() throws {
        let loaded = try load(variant("\"amount\": \"1000.00\"", "\"amount\": \"1000.00\", \"ammount\": 5"))
        #expect(loaded.warnings.map(\.description) == [
            "p.json:17:28: warning: unknown key \"ammount\" is ignored; did you mean \"amount\"?"
        ])
        #expect(loaded.warnings.first?.location.pointer == "/allocations/0/ammount")
    }

    @Test(arguments: [
        ("\"schemaVersion\": 1", "\"schemaVersion\": 2",
         "p.json:2:20: schemaVersion 2 is newer than this amr understands (1); upgrade amr or write schemaVersion 1"),
        ("\"schemaVersion\": 1,", "",
         "p.json:1:1: /: missing required key \"schemaVersion\""),
        ("\"amount\": \"1000.00\"", "\"amount\": \"1000.001\"",
         "p.json:17:17: /allocations/0/amount: '1000.001' has more than 2 decimals, and an amount is whole cents; expected an amount in euros with at most 2 decimals such as \"159500.00\" or \"159.500,00\""),
        ("\"amount\": \"1000.00\"", "\"amount\": \"1,500\"",
         "p.json:17:17: /allocations/0/amount: '1,500' can be read two ways: € 1.500,00 with ',' grouping thousands (English notation), or 1,500 with ',' as decimal comma (Dutch notation), which is three decimals where an amount has two; expected 1500 for € 1.500,00 or 1,50 for € 1,50"),
        ("\"amount\": \"1000.00\"", "\"amount\": 250.000",
         "p.json:17:17: /allocations/0/amount: the number 250.000, which has more than 2 decimals; expected an amount with at most 2 decimals: for thousands write 250000 or \"250.000\" as a string in Dutch notation; for cents write 2 decimals such as 250.00"),
        ("\"amount\": \"1000.00\"", "\"amount\": 1e3",
         "p.json:17:17: /allocations/0/amount: '1e3' is in exponent notation; expected an amount in euros with at most 2 decimals such as \"159500.00\" or \"159.500,00\""),
        ("\"amount\": \"1000.00\"", "\"amount\": true",
         "p.json:17:17: /allocations/0/amount: true; expected an amount such as \"159500.00\" or 159500"),
        ("\"code\": \"GM0002\"", "\"code\": \"GM02\"",
         "p.json:11:17: /region/municipalities/1/code: a string \"GM02\"; expected a CBS municipality code \"GM\" + 4 digits such as \"GM0518\""),
        ("\"value\": 300, \"date\": \"2019-01-01\"", "\"value\": -300, \"date\": \"2019-01-01\"",
         "p.json:10:81: /region/municipalities/0/measures/inwoners/0/value: the number -300; expected a number of 0 or more"),
        ("\"value\": 300, \"date\": \"2019-01-01\"", "\"value\": 300, \"date\": \"2019-02-30\"",
         "p.json:10:94: /region/municipalities/0/measures/inwoners/0/date: a string \"2019-02-30\"; expected a date \"YYYY-MM-DD\" that exists in the calendar"),
        ("\"id\": \"bijdrage\"", "\"id\": \"Bijdrage 2019\"",
         "p.json:16:13: /allocations/0/id: a string \"Bijdrage 2019\"; expected an id of lower-case letters, digits and '-' such as \"begroting-2018\""),
        ("\"key\": { \"measure\": \"inwoners\", \"date\": \"2019-01-01\" }", "\"key\": { \"inwoners\": true }",
         "p.json:18:14: /allocations/0/key: an object; expected a key: { \"measure\": \"inwoners\", \"date\": \"2017-09-27\" }, { \"equal\": true }, { \"mix\": [ … ] } or { \"stated\": true }"),
        ("\"shares\": [", "\"method\": \"hare\", \"shares\": [",
         "p.json:19:17: /allocations/0/method: a string \"hare\"; expected \"largest-remainder\", \"dhondt\" or \"sainte-lague\""),
        ("\"shares\": [", "\"unit\": \"0.001\", \"shares\": [",
         "p.json:19:15: /allocations/0/unit: a string \"0.001\"; expected a positive rounding unit in whole cents such as \"0.01\", \"1\" or \"100\""),
        ("\"title\": \"Test plan\"", "\"title\": 7",
         "p.json:4:12: /title: the number 7; expected a string"),
    ])
    func badValuesNameFileLineColumnAndPointer(old: String, new: String, expected: String) {
        #expect(Self.minimal.contains(old))
        #expect(message(variant(old, new)) == expected)
    }

    @Test func wrongTopLevelType() {
        #expect(message("[]") == "p.json:1:1: /: an array; expected a plan: one JSON object { \"schemaVersion\": 1, \"id\": …, \"region\": … }")
        #expect(message("null") == "p.json:1:1: /: null; expected a plan: one JSON object { \"schemaVersion\": 1, \"id\": …, \"region\": … }")
    }

    @Test func missingFileAndDirectory() {
        #expect(throws: LoadError.unreadable(file: "/nonexistent/plan.json", reason: "no such file")) {
            try PlanLoader.load(contentsOf: "/nonexistent/plan.json")
        }
        #expect(throws: LoadError.unreadable(file: "/tmp", reason: "it is a directory; give a file")) {
            try PlanLoader.load(contentsOf: "/tmp")
        }
    }

    @Test func datesAndCodes() {
        #expect(PlanDate("2020-02-29") != nil)
        #expect(PlanDate("2019-02-29") == nil)
        #expect(PlanDate("2019-1-01") == nil)
        #expect(PlanDate("2018-12-31")?.description == "2018-12-31")
        #expect(PlanDate("2019-01-01").map(\.dayNumber) == PlanDate("2018-12-31").map { $0.dayNumber + 1 })
        #expect(MunicipalityCode("GM0518") != nil)
        #expect(MunicipalityCode("GM518") == nil)
        #expect(MunicipalityCode("gm0518") == nil)
        #expect(RegionCode("AM19") != nil)
        #expect(RegionCode("GM19") == nil)
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "ammount", among: ["amount", "basis"]) == "amount")
        #expect(Suggestion.closest(to: "alocate", among: ["allocate", "check"]) == "allocate")
        #expect(Suggestion.closest(to: "xyz", among: ["allocate", "check"]) == nil)
        #expect(Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
    }
}
