import Testing
@testable import AMRCore

@Suite struct ProgressTests {
    /// A plan with one target, given as JSON members.
    func plan(_ target: String, subprojects: String = "[]", orangeFrom: String = "") throws -> Plan {
        let text = """
        { "schemaVersion": 1, "id": "p", "title": "P", \(orangeFrom)
          "region": { "id": "r", "name": "R", "municipalities": [] },
          "targets": [ { "id": "t", "name": "T", \(target) } ], "subprojects": \(subprojects) }
        """
        return try PlanLoader.load(bytes: Array(text.utf8), file: "p.json").plan
    }

    func progress(_ target: String, asOf: String, orangeFrom: String = "") throws -> TargetProgress {
        let plan = try plan(target, orangeFrom: orangeFrom)
        return ProgressCalculator.progress(of: plan.targets[0], in: plan, asOf: try #require(PlanDate(asOf)))
    }

    static let cumulative = #""value": 2850, "cumulative": true, "baseline": { "date": "2015-01-01" }, "date": "2018-12-31""#
    static let perYear = #""value": 365, "period": { "start": "2021-01-01", "end": "2021-12-31" }, "date": "2021-12-31""#
    static let steps = #""value": 25200, "percent": 35, "base": 72000, "period": { "start": "2019-01-01", "end": "2021-12-31" }, "date": "2021-12-31", "trajectory": [ { "date": "2019-12-31", "percent": 8 }, { "date": "2020-12-31", "percent": 20 } ]"#
    static let lower = #""value": 375, "direction": "lower", "baseline": { "date": "2021-01-01", "value": 420 }, "date": "2021-12-31""#

    @Test(arguments: [
        // target, as-of, expected (exact fraction)
        (cumulative, "2015-01-01", "0"),
        (cumulative, "2014-06-30", "0"),          // before the start
        (cumulative, "2018-12-31", "2850"),
        (cumulative, "2020-01-01", "2850"),       // after the end
        (cumulative, "2017-01-01", "2850*731/1460"),
        (perYear, "2021-01-01", "1"),             // pro rata: one day of 365
        (perYear, "2021-07-02", "183"),
        (perYear, "2022-03-01", "365"),
        (steps, "2019-12-31", "5760"),            // 8% of 72.000
        (steps, "2020-12-31", "14400"),           // 20%
        (steps, "2021-07-02", "14400+10800*183/365"),
        (lower, "2021-01-01", "420"),
        (lower, "2021-12-31", "375"),
    ])
    func expectedOnTheTrajectory(target: String, asOf: String, expected: String) throws {
        let plan = try plan(target)
        let value = ProgressCalculator.expected(plan.targets[0], in: plan, on: try #require(PlanDate(asOf)))
        #expect(value == Self.evaluate(expected))
    }

    /// "a*b/c" or "a+b*c/d" as an exact fraction, so the table above states its arithmetic.
    static func evaluate(_ text: String) -> Fraction? {
        let terms = text.split(separator: "+")
        var total = Fraction.zero
        for term in terms {
            let parts = term.split(separator: "/")
            var product = Fraction(1)
            for factor in parts[0].split(separator: "*") { product = product.multiplied(by: Fraction(Int128(factor) ?? 0)) ?? product }
            if parts.count > 1 { product = product.divided(by: Fraction(Int128(parts[1]) ?? 1)) ?? product }
            total = total.adding(product) ?? total
        }
        return total
    }

    @Test(arguments: [
        // measurements, as-of, light, performance %
        (#"[ { "date": "2021-07-02", "value": 183 } ]"#, "2021-07-02", TrafficLight.green, "100"),
        (#"[ { "date": "2021-07-02", "value": 182 } ]"#, "2021-07-02", .orange, "99.5"),
        (#"[ { "date": "2021-07-02", "value": 147 } ]"#, "2021-07-02", .orange, "80.3"),
        (#"[ { "date": "2021-07-02", "value": 146 } ]"#, "2021-07-02", .red, "79.8"),
        (#"[ { "date": "2021-07-02", "value": 146 } ]"#, "2021-07-01", .grey, ""),     // no measurement yet
        (#"[ { "date": "2021-12-31", "value": 400, "kind": "forecast" } ]"#, "2021-07-02", .grey, ""),
    ] as [(String, String, TrafficLight, String)])
    func lightsFromProgress(measurements: String, asOf: String, light: TrafficLight, percent: String) throws {
        let p = try progress(Self.perYear + #", "measurements": "# + measurements, asOf: asOf)
        #expect(p.light == light)
        #expect((p.performance?.multiplied(by: Fraction(100))?.decimal(1)?.description.replacingOccurrences(of: ".0", with: "") ?? "") == percent)
    }

    @Test func thresholdsPerPlanAndPerTarget() throws {
        let measured = Self.perYear + #", "measurements": [ { "date": "2021-07-02", "value": 170 } ]"#
        #expect(try progress(measured, asOf: "2021-07-02").light == .orange)                                  // 92.9% ≥ 80
        #expect(try progress(measured, asOf: "2021-07-02", orangeFrom: #""orangeFrom": 95,"#).light == .red)   // the plan's 95
        #expect(try progress(measured + #", "orangeFrom": 90"#, asOf: "2021-07-02", orangeFrom: #""orangeFrom": 95,"#).light == .orange) // the target's 90 wins
    }

    @Test func lowerIsBetter() throws {
        let base = Self.lower + #", "measurements": [ { "date": "2021-07-02", "value": VALUE } ]"#
        // Expected on 2021-07-02: 420 − 45·182/364 = 397.5.
        #expect(try progress(base.replacingOccurrences(of: "VALUE", with: "397"), asOf: "2021-07-02").light == .green)
        #expect(try progress(base.replacingOccurrences(of: "VALUE", with: "400"), asOf: "2021-07-02").light == .orange)
        #expect(try progress(base.replacingOccurrences(of: "VALUE", with: "500"), asOf: "2021-07-02").light == .red)    // 397,5/500 = 79.5%
        #expect(try progress(base.replacingOccurrences(of: "VALUE", with: "0"), asOf: "2021-07-02").light == .green)
    }

    @Test func zeroTargetAndBeforeTheStart() throws {
        let zero = try progress(#""value": 0, "date": "2021-01-01", "measurements": [ { "date": "2021-01-01", "value": 0 } ]"#, asOf: "2021-01-01")
        #expect(zero.light == .green)
        #expect(zero.performance == nil && zero.ofTarget == nil)
        let early = try progress(Self.cumulative + #", "measurements": [ { "date": "2014-12-01", "value": 3 } ]"#, asOf: "2014-12-31")
        #expect(early.light == .grey)
        #expect(early.reason == "before the start of the target (2015-01-01)")
        // A target with only a date has no expected value before it, and one without a date none at all.
        let due = try progress(#""value": 5, "date": "2021-12-31", "measurements": [ { "date": "2021-06-30", "value": 3 } ]"#, asOf: "2021-06-30")
        #expect(due.light == .grey && due.expected == nil && due.ofTarget == Fraction(3, 5))
        #expect(due.why == .beforeDue(try #require(PlanDate("2021-12-31"))))
        let undated = try progress(#""value": 5, "measurements": [ { "date": "2021-06-30", "value": 3 } ]"#, asOf: "2021-06-30")
        #expect(undated.light == .grey && undated.why == .noDate)
        let dueNow = try progress(#""value": 5, "date": "2021-01-01", "measurements": [ { "date": "2021-06-30", "value": 3 } ]"#, asOf: "2021-06-30")
        #expect(dueNow.light == .red && dueNow.expected == Fraction(5))
    }

    /// Zuid-Kennemerland & IJmond: target 440 in January 2017, realised 572: 130%, green.
    @Test func zuidKennemerlandIJmond() throws {
        let loaded = try PlanLoader.load(contentsOf: TestSupport.fixture("zuid-kennemerland-ijmond-2017.json"))
        let target = try #require(loaded.plan.targets.first { $0.id == "banenafspraak" })
        let january = ProgressCalculator.progress(of: target, in: loaded.plan, asOf: try #require(PlanDate("2017-01-01")))
        #expect(january.light == .green)
        #expect(january.performance == Fraction(572, 440))
        #expect(january.gap == Fraction(132))
        let summer = ProgressCalculator.progress(of: target, in: loaded.plan, asOf: try #require(PlanDate("2017-06-30")))
        #expect(summer.realised?.value == ExactDecimal(significand: 583))
        #expect(summer.realised?.level == ExactDecimal(significand: 1439))
        #expect(summer.outlook?.value == ExactDecimal(significand: 702))
    }

    @Test func subprojectLightsAndDisagreements() throws {
        let plan = try plan(#""value": 1"#, subprojects: #"""
            [ { "id": "a", "name": "A", "status": "vertraagd", "light": "groen" },
              { "id": "b", "name": "B", "status": "in-uitvoering", "light": "oranje" },
              { "id": "c", "name": "C", "status": "afgerond" },
              { "id": "d", "name": "D", "status": "on-hold", "light": "grijs" },
              { "id": "e", "name": "E" } ]
            """#)
        let report = MonitorBuilder.report(plan, asOf: try #require(PlanDate("2021-01-01")))
        #expect(report.subprojects.map(\.light) == [.green, .orange, .done, .grey, .grey])
        #expect(report.subprojects.map(\.fromStatus) == [false, false, true, false, false])
        #expect(report.subprojects[0].disagreement == "stated groen, but the status \"vertraagd\" suggests oranje")
        #expect(report.subprojects[1].disagreement == nil)
        #expect(report.subprojects[3].disagreement == nil)
    }
}
