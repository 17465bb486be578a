import Testing
@testable import AMRCore

/// Worked examples and edges of the apportionment engine. The expected numbers were checked
/// independently with Python's `fractions` (exact rationals), not taken from the code.
@Suite struct ApportionmentTests {
    /// Inhabitants of Delft, Den Haag, Midden-Delfland, Westland, Rijswijk (CBS, 27 Sep 2017).
    static let haaglanden2018: [Int128] = [101_381, 524_882, 19_034, 105_885, 51_027]
    static let haaglanden2017: [Int128] = [101_075, 519_411, 18_870, 105_007, 49_322]

    /// The error an apportionment throws, or nil when it throws none (or something else).
    static func error(_ body: () throws -> Void) -> AllocationError? {
        do { try body(); return nil } catch { return error as? AllocationError }
    }

    /// The one-line message of that error.
    static func message(_ body: () throws -> Void) -> String? { error(body)?.description }

    // MARK: - The real plans

    /// Haaglanden jaarplan 2018, Schema 3: €159,500.00 by inhabitants. Quotas 2015717.79,
    /// 10436018.42, 378445.39, 2105269.01, 1014549.39 cents: the floors leave one cent, and the
    /// largest remainder (.42) is Den Haag's, so it gets 104,360.19 where the plan has .18.
    @Test func haaglanden2018() throws {
        let shares = try Apportionment.allocate(Money(cents: 15_950_000), over: Self.haaglanden2018)
        #expect(shares.map(\.cents) == [2_015_718, 10_436_019, 378_445, 2_105_269, 1_014_549])
        #expect(try Money.sum(shares) == Money(cents: 15_950_000))
        // The plan's own shares, each rounded on its own, lose that cent.
        let stated: [Int64] = [2_015_718, 10_436_018, 378_445, 2_105_269, 1_014_549]
        #expect(stated.reduce(0, +) == 15_949_999)
        #expect(zip(shares.map(\.cents), stated).map { $0 - $1 } == [0, 1, 0, 0, 0])
    }

    /// Haaglanden 2017, Schema 4: €154,000.00. Quotas 1961174.77, 10078216.67, 366137.70,
    /// 2037468.01, 957002.84 cents: three leftover cents to .84, .77 and .70.
    @Test func haaglanden2017() throws {
        let shares = try Apportionment.allocate(Money(cents: 15_400_000), over: Self.haaglanden2017)
        #expect(shares.map(\.cents) == [1_961_175, 10_078_216, 366_138, 2_037_468, 957_003])
        #expect(try Money.sum(shares) == Money(cents: 15_400_000))
    }

    /// The Alabama paradox of largest remainder (DOMAIN.md): from €159,500.03 to €159,500.04 the
    /// remainders reorder and Midden-Delfland loses a cent although there is more to split.
    @Test func alabamaParadoxTakesACentFromMiddenDelfland() throws {
        let before = try Apportionment.apportion(15_950_003, weights: Self.haaglanden2018, method: .largestRemainder)
        let after = try Apportionment.apportion(15_950_004, weights: Self.haaglanden2018, method: .largestRemainder)
        #expect(before == [2_015_718, 10_436_020, 378_446, 2_105_269, 1_014_550])
        #expect(after == [2_015_718, 10_436_021, 378_445, 2_105_270, 1_014_550])
        // Divisor methods are house-monotone: nobody loses.
        for method in [ApportionmentMethod.dhondt, .sainteLague] {
            let b = try Apportionment.apportion(15_950_003, weights: Self.haaglanden2018, method: method)
            let a = try Apportionment.apportion(15_950_004, weights: Self.haaglanden2018, method: method)
            #expect(zip(b, a).allSatisfy { $0 <= $1 }, "\(method): \(b) → \(a)")
            #expect(a.reduce(0, +) == 15_950_004)
        }
    }

    // MARK: - Textbook divisor examples

    @Test(arguments: [
        // Votes 100,000 / 80,000 / 30,000 / 20,000 for 8 seats (the standard D'Hondt example).
        ([100_000, 80_000, 30_000, 20_000] as [Int128], Int64(8), ApportionmentMethod.dhondt, [4, 3, 1, 0] as [Int64]),
        ([100_000, 80_000, 30_000, 20_000], 8, .sainteLague, [3, 3, 1, 1]),
        ([100_000, 80_000, 30_000, 20_000], 8, .largestRemainder, [3, 3, 1, 1]),
        // 53,000 / 24,000 / 23,000 for 7 seats (the standard Sainte-Laguë example).
        ([53_000, 24_000, 23_000], 7, .dhondt, [4, 2, 1]),
        ([53_000, 24_000, 23_000], 7, .sainteLague, [3, 2, 2]),
        ([53_000, 24_000, 23_000], 7, .largestRemainder, [4, 2, 1]),
    ])
    func textbookExamples(weights: [Int128], seats: Int64, method: ApportionmentMethod, expected: [Int64]) throws {
        #expect(try Apportionment.apportion(seats, weights: weights, method: method) == expected)
    }

    /// Large totals take the estimate-and-correct path; the two textbook results scale with it.
    @Test func divisorMethodsOnLargeHousesStartFromTheEstimate() throws {
        // 8,000,000 seats: quotas 3478260.87, 2782608.70, 1043478.26, 695652.17; all three
        // methods round them the same way here (checked with a sequential run in Python).
        let votes: [Int128] = [100_000, 80_000, 30_000, 20_000]
        let proportional: [Int64] = [3_478_261, 2_782_609, 1_043_478, 695_652]
        for method in ApportionmentMethod.allCases {
            let shares = try Apportionment.apportion(8_000_000, weights: votes, method: method)
            #expect(shares == proportional, "\(method)")
        }
    }

    // MARK: - Ties

    @Test func tiesGoToTheLargerWeightThenTheEarlierRow() throws {
        #expect(try Apportionment.apportion(1, weights: [1, 1, 1], method: .largestRemainder) == [1, 0, 0])
        #expect(try Apportionment.apportion(2, weights: [1, 1, 1], method: .dhondt) == [1, 1, 0])
        #expect(try Apportionment.apportion(1, weights: [2, 2], method: .sainteLague) == [1, 0])
        // Quotas 0.5 and 1.5: equal remainders, the larger weight wins wherever it stands.
        #expect(try Apportionment.apportion(2, weights: [1, 3], method: .largestRemainder) == [0, 2])
        #expect(try Apportionment.apportion(2, weights: [3, 1], method: .largestRemainder) == [2, 0])
        // D'Hondt: averages 6/2 = 3/1 for the third seat; the larger weight (6) wins it.
        #expect(try Apportionment.apportion(2, weights: [3, 6], method: .dhondt) == [0, 2])
        #expect(try Apportionment.apportion(3, weights: [3, 6], method: .dhondt) == [1, 2])
        // Taking away mirrors giving: the estimate for 3 units over [1, 1] under Sainte-Laguë is
        // [2, 2] (1.5 rounds up), and the later row gives its unit back.
        #expect(try Apportionment.apportion(3, weights: [1, 1], method: .sainteLague) == [2, 1])
        #expect(try Apportionment.apportion(3, weights: [1, 1, 1, 1], method: .sainteLague) == [1, 1, 1, 0])
    }

    // MARK: - Edges

    @Test func onePartyGetsEverything() throws {
        for method in ApportionmentMethod.allCases {
            #expect(try Apportionment.allocate(Money(cents: 15_950_000), over: [7], method: method) == [Money(cents: 15_950_000)])
            #expect(try Apportionment.apportion(5, weights: [0, 9, 0], method: method) == [0, 5, 0])
        }
    }

    @Test func zeroWeightsGetNothing() throws {
        #expect(try Apportionment.apportion(5, weights: [0, 1, 0, 1], method: .largestRemainder) == [0, 3, 0, 2])
        #expect(try Apportionment.apportion(5, weights: [0, 1, 0, 1], method: .dhondt) == [0, 3, 0, 2])
        #expect(try Apportionment.apportion(5, weights: [0, 1, 0, 1], method: .sainteLague) == [0, 3, 0, 2])
    }

    @Test func totalZeroGivesZeros() throws {
        for method in ApportionmentMethod.allCases {
            #expect(try Apportionment.apportion(0, weights: [3, 4, 0], method: method) == [0, 0, 0])
            #expect(try Apportionment.allocate(.zero, over: Self.haaglanden2018, method: method, unit: .euro) == Array(repeating: .zero, count: 5))
        }
        // A zero total still needs valid weights.
        #expect(Self.error { _ = try Apportionment.apportion(0, weights: [0], method: .dhondt) } == .allWeightsZero)
    }

    @Test func negativeTotalMirrorsThePositiveSplit() throws {
        #expect(try Apportionment.allocate(Money(cents: -15_950_000), over: Self.haaglanden2018).map(\.cents)
                == [-2_015_718, -10_436_019, -378_445, -2_105_269, -1_014_549])
        for method in ApportionmentMethod.allCases {
            for units: Int64 in [1, 7, 15_950_003, 1_000_000_000_007] {
                let positive = try Apportionment.apportion(units, weights: Self.haaglanden2018, method: method)
                let negative = try Apportionment.apportion(-units, weights: Self.haaglanden2018, method: method)
                #expect(negative == positive.map { -$0 })
            }
        }
    }

    /// DOMAIN.md: a negative total (a deficit to recover) mirrors the positive split, for
    /// largest remainder; the divisor methods hand out whole things and refuse it.
    @Test func aDeficitIsSplitAsTheMirrorOfItsPositiveSplit() throws {
        var random = SeededRandom(seed: 10)
        for _ in 0..<300 {
            let weights = (0..<(1 + random.below(12))).map { _ in Int128(random.upTo(1_000_000)) } + [1]
            let cents = Int64(random.upTo(100_000_000_000))
            let unit = try #require(RoundingUnit(cents: [1, 5, 100, 10_000][random.below(4)]))
            let total = cents - cents % unit.cents
            let positive = try Apportionment.allocate(Money(cents: total), over: weights, unit: unit)
            let negative = try Apportionment.allocate(Money(cents: -total), over: weights, unit: unit)
            #expect(negative == positive.map { Money(cents: -$0.cents) }, "\(total) over \(weights)")
            #expect(try Money.sum(negative) == Money(cents: -total))
        }
        for method in [ApportionmentMethod.dhondt, .sainteLague] {
            #expect(Self.error { _ = try Apportionment.allocate(Money(cents: -500), over: Self.haaglanden2018, method: method, unit: .euro) }
                    == .negativeTotal(method))
            #expect(try Apportionment.allocate(.zero, over: Self.haaglanden2018, method: method).allSatisfy { $0 == .zero })
        }
        #expect(AllocationError.negativeTotal(.dhondt).description
                == "D'Hondt splits whole things such as seats or placements, so it cannot split a negative total; give a total of 0 or more, or use largest-remainder to split a deficit")
    }

    @Test func wholeEurosAndHundredsOfEuros() throws {
        let euros = try Apportionment.allocate(Money(cents: 15_950_000), over: Self.haaglanden2018, unit: .euro)
        #expect(euros.map(\.cents) == [2_015_700, 10_436_000, 378_400, 2_105_300, 1_014_600])
        let hundred = try #require(RoundingUnit(cents: 10_000))
        let hundreds = try Apportionment.allocate(Money(cents: 15_950_000), over: Self.haaglanden2018, unit: hundred)
        #expect(hundreds.map(\.cents) == [2_020_000, 10_440_000, 380_000, 2_100_000, 1_010_000])
        #expect(try Money.sum(hundreds) == Money(cents: 15_950_000))
    }

    /// Shares at the very top of Int64: Sainte-Laguë's estimate rounds both halves up to 2⁶²,
    /// one more than there is, and the count of the estimate must not overflow on the way.
    @Test func totalsNearTheLimitOfInt64() throws {
        for method in ApportionmentMethod.allCases {
            let shares = try Apportionment.apportion(.max, weights: [1, 1], method: method)
            #expect(shares == [4_611_686_018_427_387_904, 4_611_686_018_427_387_903], "\(method)")
            #expect(try Apportionment.apportion(.min + 1, weights: [1, 1], method: method) == shares.map { -$0 })
        }
        // Int64.min has no positive mirror in units of a cent, but in units of two cents it does.
        #expect(Self.error { _ = try Apportionment.allocate(Money(cents: .min), over: [1]) } == .overflow("the total"))
        let halves = try Apportionment.allocate(Money(cents: .min), over: [1, 1], unit: #require(RoundingUnit(cents: 2)))
        #expect(halves == [Money(cents: .min / 2), Money(cents: .min / 2)])
    }

    /// Weights beyond 64 bits take the 256-bit paths and give what their small versions give.
    @Test func hugeWeightsWhoseSumStillFits() throws {
        let half = Int128.max / 2
        #expect(try Apportionment.apportion(3, weights: [half, half], method: .largestRemainder) == [2, 1])
        #expect(try Apportionment.apportion(3, weights: [half, half], method: .dhondt) == [2, 1])
        #expect(try Apportionment.apportion(3, weights: [half, half], method: .sainteLague) == [2, 1])
        let scale = Int128(1) << 90
        for method in ApportionmentMethod.allCases {
            let small = try Apportionment.apportion(15_950_003, weights: Self.haaglanden2018, method: method)
            let large = try Apportionment.apportion(15_950_003, weights: Self.haaglanden2018.map { $0 * scale }, method: method)
            #expect(small == large, "\(method)")
        }
    }

    /// €10¹² (10¹⁴ cents) over 342 municipalities with populations near 10⁹: no overflow, exact
    /// sums; largest remainder keeps the quota rule, the divisor methods stay house-monotone.
    @Test func nationalScaleDoesNotOverflow() throws {
        var random = SeededRandom(seed: 342)
        let weights = (0..<342).map { _ in Int128(999_000_000 + random.upTo(1_000_000)) }
        let units: Int64 = 100_000_000_000_000
        let quotas = try Apportionment.quotas(units, weights: weights)
        #expect(quotas.map(\.whole).reduce(0, +) > units - 342)
        for method in ApportionmentMethod.allCases {
            let shares = try Apportionment.apportion(units, weights: weights, method: method)
            #expect(shares.reduce(0, +) == units, "\(method)")
            if method == .largestRemainder {
                #expect(zip(shares, quotas).allSatisfy { $0 == $1.whole || $0 == $1.whole + 1 })
            } else {
                let more = try Apportionment.apportion(units + 1, weights: weights, method: method)
                #expect(zip(shares, more).allSatisfy { $0 <= $1 }, "\(method)")
            }
        }
        let money = try Apportionment.allocate(Money(cents: units), over: weights)
        #expect(try Money.sum(money) == Money(cents: units))
    }

    /// 10¹⁵ units over 342 parties: handing them out one at a time would not finish.
    @Test(.timeLimit(.minutes(1)), arguments: [ApportionmentMethod.dhondt, .sainteLague])
    func costGrowsWithPartiesNotUnits(method: ApportionmentMethod) throws {
        let weights = (1...342).map { Int128($0 * 7919 % 1000 + 1) }
        let shares = try Apportionment.apportion(1_000_000_000_000_000, weights: weights, method: method)
        #expect(shares.reduce(0, +) == 1_000_000_000_000_000)
    }

    // MARK: - Quotas

    @Test func quotasAreFloorsWithARemainderBelowTheDenominator() throws {
        let quotas = try Apportionment.quotas(15_950_000, weights: Self.haaglanden2018)
        #expect(quotas.map(\.whole) == [2_015_717, 10_436_018, 378_445, 2_105_269, 1_014_549])
        #expect(quotas.allSatisfy { $0.denominator == 802_209 })
        // 15,950,000 × 524,882 = 8,371,867,900,000 = 10,436,018 × 802,209 + 336,238.
        #expect(quotas[1].remainderNumerator == 336_238)
        // A negative total: −7/3 = −3 + 2/3 and −14/3 = −5 + 1/3, for small and 256-bit weights.
        for scale in [Int128(1), Int128(1) << 100] {
            let negative = try Apportionment.quotas(-7, weights: [1 * scale, 2 * scale])
            #expect(negative.map(\.whole) == [-3, -5])
            #expect(negative.map(\.remainderNumerator) == [2 * scale, 1 * scale])
            let positive = try Apportionment.quotas(7, weights: [1 * scale, 2 * scale])
            #expect(positive.map(\.whole) == [2, 4])
            #expect(positive.map(\.remainderNumerator) == [1 * scale, 2 * scale])
        }
        #expect(try Apportionment.quotas(.min, weights: [1, 1]).map(\.whole) == [.min / 2, .min / 2])
    }

    // MARK: - Errors

    @Test func errorsAreTheRightCase() {
        #expect(Self.error { _ = try Apportionment.apportion(1, weights: [], method: .largestRemainder) } == .noParties)
        #expect(Self.error { _ = try Apportionment.apportion(1, weights: [0, 0], method: .dhondt) } == .allWeightsZero)
        #expect(Self.error { _ = try Apportionment.apportion(1, weights: [3, -1, -2], method: .sainteLague) } == .negativeWeight(index: 1))
        #expect(Self.error { _ = try Apportionment.quotas(1, weights: [0, -5]) } == .negativeWeight(index: 1))
        #expect(Self.error { _ = try Apportionment.apportion(1, weights: [.max, 1], method: .largestRemainder) } == .overflow("the sum of the weights"))
        #expect(Self.error { _ = try Apportionment.apportion(.min, weights: [1], method: .dhondt) } == .overflow("the total"))
        let tenCents = RoundingUnit(cents: 10) ?? .cent
        #expect(Self.error { _ = try Apportionment.allocate(Money(cents: 15_950_005), over: [1], unit: tenCents) }
                == .totalNotMultipleOfUnit(total: Money(cents: 15_950_005), unit: tenCents))
        // The unit is checked before the weights, the weights before anything else.
        #expect(Self.error { _ = try Apportionment.allocate(Money(cents: 5), over: [], unit: .euro) }
                == .totalNotMultipleOfUnit(total: Money(cents: 5), unit: .euro))
        #expect(Self.error { _ = try Apportionment.apportion(.min, weights: [], method: .dhondt) } == .noParties)
    }

    @Test func errorMessagesSayWhatWouldBeRight() {
        #expect(Self.message { _ = try Apportionment.apportion(1, weights: [], method: .largestRemainder) }
                == "there is nothing to split over; give at least one party with a weight")
        #expect(Self.message { _ = try Apportionment.apportion(1, weights: [0, 0], method: .dhondt) }
                == "all weights are zero; at least one party needs a weight above zero")
        #expect(Self.message { _ = try Apportionment.apportion(1, weights: [3, -1], method: .sainteLague) }
                == "weight number 2 is negative; weights must be 0 or more")
        #expect(Self.message { _ = try Apportionment.allocate(Money(cents: 15_950_005), over: [1], unit: RoundingUnit(cents: 10) ?? .cent) }
                == "the total 159500.05 is not a multiple of the rounding unit 0.1; use a total that is, or a smaller unit")
        #expect(Self.message { _ = try Apportionment.allocate(Money(cents: 15_950_050), over: [1], unit: .euro) }
                == "the total 159500.50 is not a multiple of the rounding unit 1; use a total that is, or a smaller unit")
        #expect(Self.message { _ = try Apportionment.apportion(1, weights: [Int128.max, 1], method: .largestRemainder) }
                == "the sum of the weights is too large to compute exactly; use smaller numbers")
        #expect(Self.message { _ = try Apportionment.apportion(.min, weights: [1], method: .largestRemainder) }
                == "the total is too large to compute exactly; use smaller numbers")
    }

    // MARK: - Method names

    @Test func methodNamesAndAliases() {
        #expect(ApportionmentMethod.allCases.map(\.rawValue) == ["largest-remainder", "dhondt", "sainte-lague"])
        #expect(ApportionmentMethod.allCases.map(\.displayName) == ["largest remainder (Hamilton)", "D'Hondt", "Sainte-Laguë"])
        let accepted: [(String, ApportionmentMethod)] = [
            ("largest-remainder", .largestRemainder), ("Largest-Remainder", .largestRemainder),
            ("hamilton", .largestRemainder), ("LR", .largestRemainder),
            ("dhondt", .dhondt), ("DHONDT", .dhondt), ("d'hondt", .dhondt), ("D'Hondt", .dhondt),
            ("d\u{2019}hondt", .dhondt), ("jefferson", .dhondt),
            ("sainte-lague", .sainteLague), ("Sainte-Laguë", .sainteLague), ("sainte-lagu\u{0065}\u{0308}", .sainteLague),
            ("saintelague", .sainteLague), ("Webster", .sainteLague),
        ]
        for (text, method) in accepted { #expect(ApportionmentMethod.parse(text) == method, "\(text)") }
        for text in ["", "largest remainder", "d hondt", "sainte lague", "hare", " dhondt"] {
            #expect(ApportionmentMethod.parse(text) == nil, "\(text)")
        }
    }
}
