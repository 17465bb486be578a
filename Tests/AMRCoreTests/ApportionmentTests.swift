import Testing
@testable import AMRCore

/// Deterministic pseudo-random numbers for property tests (SplitMix64), so every run checks the
/// same cases and a failure can be replayed.
struct SeededRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0...bound (bound ≥ 0), by rejection so there is no modulo bias.
    mutating func upTo(_ bound: UInt64) -> UInt64 {
        if bound == .max { return next() }
        let range = bound + 1
        let limit = UInt64.max - UInt64.max % range
        while true {
            let value = next()
            if value < limit { return value % range }
        }
    }
}

@Suite struct ApportionmentTests {
    static let haaglanden2018: [Int128] = [101_381, 524_882, 19_034, 105_885, 51_027]
    static let haaglanden2017: [Int128] = [101_075, 519_411, 18_870, 105_007, 49_322]

    @Test func haaglanden2018() throws {
        let shares = try Apportionment.allocate(Money(cents: 15_950_000), over: Self.haaglanden2018)
        #expect(shares.map(\.cents) == [2_015_718, 10_436_019, 378_445, 2_105_269, 1_014_549])
        #expect(try Money.sum(shares) == Money(cents: 15_950_000))
    }

    @Test func haaglanden2017() throws {
        let shares = try Apportionment.allocate(Money(cents: 15_400_000), over: Self.haaglanden2017)
        // Checked with Python's fractions: quotas 1961174.77…, 10078216.67…, 366137.70…, 2037468.01…, 957002.84…
        #expect(shares.map(\.cents) == [1_961_175, 10_078_216, 366_138, 2_037_468, 957_003])
        #expect(try Money.sum(shares) == Money(cents: 15_400_000))
    }

    /// The Alabama paradox of largest remainder: one more cent to split takes a cent away from
    /// Midden-Delfland (DOMAIN.md).
    @Test func alabamaParadox() throws {
        let before = try Apportionment.apportion(15_950_003, weights: Self.haaglanden2018, method: .largestRemainder)
        let after = try Apportionment.apportion(15_950_004, weights: Self.haaglanden2018, method: .largestRemainder)
        #expect(after[2] == before[2] - 1)
        #expect(after.reduce(0, +) == 15_950_004)
        // Divisor methods never do that.
        for method in [ApportionmentMethod.dhondt, .sainteLague] {
            let b = try Apportionment.apportion(15_950_003, weights: Self.haaglanden2018, method: method)
            let a = try Apportionment.apportion(15_950_004, weights: Self.haaglanden2018, method: method)
            #expect(zip(b, a).allSatisfy { $0 <= $1 })
        }
    }

    @Test func textbookDivisorMethods() throws {
        let votes: [Int128] = [100_000, 80_000, 30_000, 20_000]
        #expect(try Apportionment.apportion(8, weights: votes, method: .dhondt) == [4, 3, 1, 0])
        #expect(try Apportionment.apportion(8, weights: votes, method: .sainteLague) == [3, 3, 1, 1])
        #expect(try Apportionment.apportion(8, weights: votes, method: .largestRemainder) == [3, 3, 1, 1])
    }

    @Test func tiesGoToTheLargerWeightThenTheEarlierRow() throws {
        #expect(try Apportionment.apportion(1, weights: [1, 1, 1], method: .largestRemainder) == [1, 0, 0])
        #expect(try Apportionment.apportion(2, weights: [1, 1, 1], method: .dhondt) == [1, 1, 0])
        #expect(try Apportionment.apportion(1, weights: [2, 2], method: .sainteLague) == [1, 0])
        // Remainders 1/2 each for weights 1 and 3 over total 4 and 2 units: quotas 0.5 and 1.5.
        #expect(try Apportionment.apportion(2, weights: [1, 3], method: .largestRemainder) == [0, 2])
        #expect(try Apportionment.apportion(2, weights: [3, 1], method: .largestRemainder) == [2, 0])
    }

    @Test func edges() throws {
        #expect(try Apportionment.allocate(Money(cents: 10_000), over: [7]) == [Money(cents: 10_000)])
        #expect(try Apportionment.apportion(5, weights: [0, 1, 0, 1], method: .largestRemainder) == [0, 3, 0, 2])
        #expect(try Apportionment.apportion(0, weights: [3, 4], method: .dhondt) == [0, 0])
        #expect(try Apportionment.apportion(-3, weights: [1, 2], method: .largestRemainder) == [-1, -2])
        #expect(try Apportionment.allocate(Money(cents: -15_950_000), over: Self.haaglanden2018).map(\.cents)
                == [-2_015_718, -10_436_019, -378_445, -2_105_269, -1_014_549])
        let euros = try Apportionment.allocate(Money(cents: 15_950_000), over: Self.haaglanden2018, unit: .euro)
        #expect(euros.map(\.cents) == [2_015_700, 10_436_000, 378_400, 2_105_300, 1_014_600])
        let hundreds = try Apportionment.allocate(Money(cents: 15_950_000), over: Self.haaglanden2018, unit: try #require(RoundingUnit(cents: 10_000)))
        #expect(hundreds.allSatisfy { $0.cents % 10_000 == 0 })
        #expect(try Money.sum(hundreds) == Money(cents: 15_950_000))
    }

    @Test func errorsSayWhatWouldBeRight() {
        func message(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch { return (error as? AllocationError)?.description ?? "\(error)" }
        }
        #expect(message { _ = try Apportionment.apportion(1, weights: [], method: .largestRemainder) }
                == "there is nothing to split over; give at least one party with a weight")
        #expect(message { _ = try Apportionment.apportion(1, weights: [0, 0], method: .dhondt) }
                == "all weights are zero; at least one party needs a weight above zero")
        #expect(message { _ = try Apportionment.apportion(1, weights: [3, -1], method: .sainteLague) }
                == "weight number 2 is negative; weights must be 0 or more")
        #expect(message { _ = try Apportionment.allocate(Money(cents: 15_950_005), over: [1], unit: RoundingUnit(cents: 10) ?? .cent) }
                == "the total 159500.05 is not a multiple of the rounding unit 0.1; use a total that is, or a smaller unit")
        #expect(message { _ = try Apportionment.apportion(1, weights: [Int128.max, 1], method: .largestRemainder) }
                == "the sum of the weights is too large to compute exactly")
        #expect(message { _ = try Apportionment.apportion(.min, weights: [1], method: .largestRemainder) }
                == "the total is too large to compute exactly")
    }

    /// €10¹² over 342 municipalities with populations near 10⁹: no overflow, exact sum, quota rule.
    @Test func nationalScaleDoesNotOverflow() throws {
        var random = SeededRandom(state: 342)
        let weights = (0..<342).map { _ in Int128(999_000_000 + random.upTo(1_000_000)) }
        let units: Int64 = 100_000_000_000_000
        for method in ApportionmentMethod.allCases {
            let shares = try Apportionment.apportion(units, weights: weights, method: method)
            #expect(shares.reduce(0, +) == units)
            let quotas = try Apportionment.quotas(units, weights: weights)
            for (share, quota) in zip(shares, quotas) {
                #expect(share == quota.whole || share == quota.whole + 1)
            }
        }
    }

    @Test func costGrowsWithPartiesNotUnits() throws {
        // 10¹⁵ units over 342 parties: handing them out one at a time would never finish.
        let weights = (1...342).map { Int128($0 * 7919 % 1000 + 1) }
        let shares = try Apportionment.apportion(1_000_000_000_000_000, weights: weights, method: .sainteLague)
        #expect(shares.reduce(0, +) == 1_000_000_000_000_000)
    }
}

@Suite struct ApportionmentPropertyTests {
    static let cases = 10_000

    /// The sequential highest-averages procedure, one unit at a time: the reference the fast
    /// divisor methods must equal.
    static func sequential(_ units: Int64, _ weights: [Int128], sainteLague: Bool) -> [Int64] {
        var seats = [Int64](repeating: 0, count: weights.count)
        for _ in 0..<units {
            var best = -1
            for index in weights.indices where weights[index] > 0 {
                if best < 0 { best = index; continue }
                let d1 = sainteLague ? 2 * Int128(seats[index]) + 1 : Int128(seats[index]) + 1
                let d2 = sainteLague ? 2 * Int128(seats[best]) + 1 : Int128(seats[best]) + 1
                let left = weights[index] * d2, right = weights[best] * d1
                if left > right || (left == right && weights[index] > weights[best]) { best = index }
            }
            seats[best] += 1
        }
        return seats
    }

    static func randomCase(_ random: inout SeededRandom, maxParties: UInt64 = 50, maxUnits: UInt64 = 100_000_000_000_000) -> (Int64, [Int128]) {
        let count = Int(random.upTo(maxParties - 1)) + 1
        var weights: [Int128] = []
        for _ in 0..<count {
            switch random.upTo(9) {
            case 0: weights.append(0)
            case 1: weights.append(weights.last ?? 1)   // duplicates make ties
            case 2: weights.append(Int128(random.upTo(10)))
            default: weights.append(Int128(random.upTo(1_000_000_000)))
            }
        }
        if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
        let units = Int64(random.upTo(random.upTo(1) == 0 ? 1000 : maxUnits))
        return (units, weights)
    }

    @Test func partsSumExactlyAndTheSameInputGivesTheSameOutput() throws {
        var random = SeededRandom(state: 1)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random)
            for method in ApportionmentMethod.allCases {
                let shares = try Apportionment.apportion(units, weights: weights, method: method)
                let again = try Apportionment.apportion(units, weights: weights, method: method)
                let ok = shares.reduce(0, +) == units && shares.allSatisfy { $0 >= 0 }
                    && zip(shares, weights).allSatisfy { $1 != 0 || $0 == 0 } && again == shares
                if !ok { Issue.record("\(method) of \(units) over \(weights) gave \(shares)") }
            }
        }
    }

    @Test func largestRemainderKeepsTheQuotaRule() throws {
        var random = SeededRandom(state: 2)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random)
            let shares = try Apportionment.apportion(units, weights: weights, method: .largestRemainder)
            let quotas = try Apportionment.quotas(units, weights: weights)
            let ok = zip(shares, quotas).allSatisfy { share, quota in
                share == quota.whole || (quota.remainderNumerator > 0 && share == quota.whole + 1)
            }
            if !ok { Issue.record("quota rule broken for \(units) over \(weights): \(shares)") }
        }
    }

    @Test func divisorMethodsAreHouseMonotone() throws {
        var random = SeededRandom(state: 3)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random)
            guard units < Int64.max else { continue }
            for method in [ApportionmentMethod.dhondt, .sainteLague] {
                let before = try Apportionment.apportion(units, weights: weights, method: method)
                let after = try Apportionment.apportion(units + 1, weights: weights, method: method)
                if !zip(before, after).allSatisfy({ $0 <= $1 }) { Issue.record("\(method): \(units)→\(units + 1) over \(weights): \(before) → \(after)") }
            }
        }
    }

    /// Scaling every weight by the same factor changes nothing. With factors beyond 2⁶⁴ this runs
    /// the full-width (256-bit) paths against the plain 128-bit ones.
    @Test func scalingTheWeightsChangesNothing() throws {
        var random = SeededRandom(state: 5)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random, maxParties: 20)
            let small = weights.map { $0 % 1_000_000 }
            guard small.contains(where: { $0 > 0 }) else { continue }
            let factor = Int128(1) << (64 + Int(random.upTo(35)))  // keeps Σ below 2¹²⁷
            let large = small.map { $0 * factor }
            for method in ApportionmentMethod.allCases {
                let plain = try Apportionment.apportion(units, weights: small, method: method)
                let scaled = try Apportionment.apportion(units, weights: large, method: method)
                if plain != scaled { Issue.record("\(method) of \(units) over \(small) ×\(factor): \(plain) vs \(scaled)") }
            }
        }
    }

    @Test func divisorMethodsEqualTheSequentialProcedure() throws {
        var random = SeededRandom(state: 4)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random, maxParties: 12, maxUnits: 200)
            let small = Int64(units % 201)
            for (method, sainteLague) in [(ApportionmentMethod.dhondt, false), (.sainteLague, true)] {
                let fast = try Apportionment.apportion(small, weights: weights, method: method)
                let reference = Self.sequential(small, weights, sainteLague: sainteLague)
                if fast != reference { Issue.record("\(method) of \(small) over \(weights): \(fast), sequential \(reference)") }
            }
        }
    }
}
