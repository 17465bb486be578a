import Testing
@testable import AMRCore

/// Seeded properties of the apportionment engine, 10,000 random cases each: 1–50 parties,
/// weights 0–10⁹ with zeros and duplicates (for ties), totals 0–10¹² units.
@Suite struct ApportionmentPropertyTests {
    static let cases = 10_000

    /// A random case. Totals are small (≤ 1,000) half of the time, where leftovers and ties are
    /// dense, and up to `maxUnits` otherwise.
    static func randomCase(_ random: inout SeededRandom, maxParties: UInt64 = 50,
                           maxUnits: UInt64 = 1_000_000_000_000) -> (units: Int64, weights: [Int128]) {
        let count = Int(random.upTo(maxParties - 1)) + 1
        var weights: [Int128] = []
        for _ in 0..<count {
            switch random.upTo(9) {
            case 0: weights.append(0)
            case 1:  // duplicates make ties
                weights.append(weights.isEmpty ? 1 : weights[Int(random.upTo(UInt64(weights.count - 1)))])
            case 2: weights.append(Int128(random.upTo(10)))
            default: weights.append(Int128(random.upTo(1_000_000_000)))
            }
        }
        if weights.allSatisfy({ $0 == 0 }) { weights[Int(random.upTo(UInt64(count - 1)))] = Int128(random.upTo(999)) + 1 }
        let units = Int64(random.upTo(random.oneIn(2) ? 1000 : maxUnits))
        return (units, weights)
    }

    /// The sequential highest-averages procedure, one unit at a time (the textbook definition):
    /// the reference the fast divisor methods must equal. Ties to the larger weight, then the
    /// earlier row.
    static func sequential(_ units: Int64, _ weights: [Int128], sainteLague: Bool) -> [Int64] {
        // Weights ≤ 10⁹ and divisors ≤ 401: the cross products fit in Int64 (faster in debug).
        let weights = weights.map { Int64($0) }
        var seats = [Int64](repeating: 0, count: weights.count)
        for _ in 0..<units {
            var best = -1
            for index in weights.indices where weights[index] > 0 {
                guard best >= 0 else { best = index; continue }
                let divisor = sainteLague ? 2 * seats[index] + 1 : seats[index] + 1
                let bestDivisor = sainteLague ? 2 * seats[best] + 1 : seats[best] + 1
                let mine = weights[index] * bestDivisor, theirs = weights[best] * divisor
                if mine > theirs || (mine == theirs && weights[index] > weights[best]) { best = index }
            }
            seats[best] += 1
        }
        return seats
    }

    /// (a) The parts add up to the total exactly, are never negative (or, for a negative total,
    /// never positive), and weight zero gets zero — for every method.
    @Test func partsSumExactly() throws {
        var random = SeededRandom(seed: 1)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random)
            let signed = random.oneIn(8) ? -units : units
            for method in ApportionmentMethod.allCases {
                let shares = try Apportionment.apportion(signed, weights: weights, method: method)
                let ok = shares.count == weights.count && shares.reduce(0, +) == signed
                    && shares.allSatisfy { signed >= 0 ? $0 >= 0 : $0 <= 0 }
                    && zip(shares, weights).allSatisfy { $1 != 0 || $0 == 0 }
                if !ok { Issue.record("\(method) of \(signed) over \(weights) gave \(shares)") }
            }
        }
    }

    /// (b) Largest remainder gives every party the floor or the ceiling of its exact quota; and
    /// `quotas` itself is exact: whole·Σw + remainder = T·wᵢ with 0 ≤ remainder < Σw.
    @Test func largestRemainderKeepsTheQuotaRule() throws {
        var random = SeededRandom(seed: 2)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random)
            let shares = try Apportionment.apportion(units, weights: weights, method: .largestRemainder)
            let quotas = try Apportionment.quotas(units, weights: weights)
            let sum = weights.reduce(0, +)
            for ((share, quota), weight) in zip(zip(shares, quotas), weights) {
                // T ≤ 10¹² and w ≤ 10⁹: T·w ≤ 10²¹ fits in Int128 directly.
                let exact = quota.denominator == sum && Int128(quota.whole) * sum + quota.remainderNumerator == Int128(units) * weight
                    && quota.remainderNumerator >= 0 && quota.remainderNumerator < sum
                let rule = share == quota.whole || (quota.remainderNumerator > 0 && share == quota.whole + 1)
                if !exact || !rule {
                    Issue.record("\(units) over \(weights): share \(share), quota \(quota)")
                    break
                }
            }
        }
    }

    /// Largest remainder equals the textbook procedure: floors, then one unit at a time to the
    /// largest remaining remainder, ties to the larger weight, then the earlier row.
    @Test func largestRemainderEqualsTheTextbookProcedure() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<Self.cases {
            var (units, weights) = Self.randomCase(&random)
            // Tiny weights and totals make equal remainders (ties) common.
            if random.oneIn(2) {
                weights = weights.map { $0 % 5 }
                if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
                units %= 50
            }
            let sum = weights.reduce(0, +)
            // T ≤ 10¹² and w ≤ 10⁹: T·w fits in Int128.
            var shares = weights.map { Int64(Int128(units) * $0 / sum) }
            var remainders = weights.map { Int128(units) * $0 % sum }
            var leftover = units - shares.reduce(0, +)
            while leftover > 0 {
                var best = 0
                for index in weights.indices.dropFirst() {
                    let (r, w) = (remainders[index], weights[index])
                    if r > remainders[best] || (r == remainders[best] && w > weights[best]) { best = index }
                }
                shares[best] += 1
                remainders[best] = -1
                leftover -= 1
            }
            let fast = try Apportionment.apportion(units, weights: weights, method: .largestRemainder)
            if fast != shares { Issue.record("\(units) over \(weights): \(fast), textbook \(shares)") }
        }
    }

    /// (c) Determinism: the same input twice gives the same output, and among parties of equal
    /// weight the earlier row never has less, nor more than one unit more.
    @Test func sameInputSameOutputAndEqualWeightsDifferByAtMostOne() throws {
        var random = SeededRandom(seed: 3)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random)
            // For each row, the row before it of the same weight and the first row of that weight.
            let byWeight = weights.indices.sorted { weights[$0] != weights[$1] ? weights[$0] < weights[$1] : $0 < $1 }
            var pairs: [(before: Int, first: Int, row: Int)] = []
            for (previous, row) in zip(byWeight, byWeight.dropFirst()) where weights[previous] == weights[row] {
                pairs.append((previous, pairs.last.map { $0.row == previous ? $0.first : previous } ?? previous, row))
            }
            for method in ApportionmentMethod.allCases {
                let first = try Apportionment.apportion(units, weights: weights, method: method)
                let second = try Apportionment.apportion(units, weights: weights, method: method)
                if first != second { Issue.record("\(method) of \(units) over \(weights): \(first) then \(second)") }
                for (before, firstOfWeight, row) in pairs where first[before] < first[row] || first[firstOfWeight] > first[row] + 1 {
                    Issue.record("\(method) of \(units) over \(weights): equal weights, row \(row) got \(first[row]), rows \(firstOfWeight) and \(before) \(first[firstOfWeight]) and \(first[before])")
                }
            }
        }
    }

    /// (d) D'Hondt and Sainte-Laguë are house-monotone: one more unit never takes one away.
    @Test func divisorMethodsAreHouseMonotone() throws {
        var random = SeededRandom(seed: 4)
        for _ in 0..<Self.cases {
            let (units, weights) = Self.randomCase(&random)
            for method in [ApportionmentMethod.dhondt, .sainteLague] {
                let before = try Apportionment.apportion(units, weights: weights, method: method)
                let after = try Apportionment.apportion(units + 1, weights: weights, method: method)
                let grew = zip(before, after).filter { $0 < $1 }.count
                if grew != 1 || !zip(before, after).allSatisfy({ $0 <= $1 }) {
                    Issue.record("\(method): \(units) → \(units + 1) over \(weights): \(before) → \(after)")
                }
            }
        }
    }

    /// (e) The estimate-and-correct divisor methods equal the sequential procedure, ties included.
    @Test func divisorMethodsEqualTheSequentialProcedure() throws {
        var random = SeededRandom(seed: 5)
        for _ in 0..<Self.cases {
            var (_, weights) = Self.randomCase(&random, maxParties: 12)
            // Many tiny weights make ties between averages (3/1 = 6/2, 1/1 = 3/3, …) common.
            if random.oneIn(2) { weights = weights.map { $0 % 7 }; if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 } }
            let units = Int64(random.upTo(200))
            for (method, sainteLague) in [(ApportionmentMethod.dhondt, false), (.sainteLague, true)] {
                let fast = try Apportionment.apportion(units, weights: weights, method: method)
                let reference = Self.sequential(units, weights, sainteLague: sainteLague)
                if fast != reference { Issue.record("\(method) of \(units) over \(weights): \(fast), sequential \(reference)") }
            }
        }
    }

    /// Scaling every weight by the same factor changes nothing. Factors beyond 2⁶⁴ run the
    /// 256-bit paths (quota and average comparison) against the plain 128-bit ones. Fewer cases:
    /// the generic full-width multiplication is slow in a debug build.
    @Test func scalingTheWeightsChangesNothing() throws {
        var random = SeededRandom(seed: 6)
        for _ in 0..<3_000 {
            let (units, weights) = Self.randomCase(&random, maxParties: 20)
            let small = weights.map { $0 % 1_000_000 }
            guard small.contains(where: { $0 > 0 }) else { continue }
            let factor = Int128(1) << (64 + Int(random.upTo(38)))  // Σ < 20·10⁶·2¹⁰² < 2¹²⁷
            let large = small.map { $0 * factor }
            for method in ApportionmentMethod.allCases {
                let plain = try Apportionment.apportion(units, weights: small, method: method)
                let scaled = try Apportionment.apportion(units, weights: large, method: method)
                if plain != scaled { Issue.record("\(method) of \(units) over \(small) ×\(factor): \(plain) vs \(scaled)") }
            }
        }
    }
}
