/// Splits a whole number of units over weights exactly: every party gets a whole number of
/// units and the parts add up to the total. Integer arithmetic only (128-bit, with full-width
/// products where they could overflow), so the result is the same on every machine.
public enum Apportionment {
    /// Splits `units` over non-negative weights. A negative total (a deficit to recover) mirrors
    /// the split of its absolute value.
    public static func apportion(_ units: Int64, weights: [Int128], method: ApportionmentMethod) throws(AllocationError) -> [Int64] {
        let total = try validatedSum(weights)
        if units == 0 { return weights.map { _ in 0 } }
        if units < 0 {
            guard units != .min else { throw .overflow("the total") }
            return try apportion(-units, weights: weights, method: method).map { -$0 }
        }
        switch method {
        case .largestRemainder: return try largestRemainder(units, weights: weights, total: total)
        case .dhondt: return try divisorMethod(units, weights: weights, total: total, sainteLague: false)
        case .sainteLague: return try divisorMethod(units, weights: weights, total: total, sainteLague: true)
        }
    }

    /// Splits `total` in multiples of `unit`; every share is a multiple of `unit` and the shares
    /// add up to `total` exactly. A negative total (a deficit to recover) is split by largest
    /// remainder as the mirror of its positive split: every share is minus the share of the
    /// positive total. The divisor methods refuse it: they hand out whole seats or placements,
    /// and a negative number of seats means nothing (`apportion` still mirrors, as arithmetic).
    public static func allocate(_ total: Money, over weights: [Int128], method: ApportionmentMethod = .largestRemainder,
                                unit: RoundingUnit = .cent) throws(AllocationError) -> [Money] {
        guard total.cents >= 0 || method == .largestRemainder else { throw .negativeTotal(method) }
        guard total.cents % unit.cents == 0 else { throw .totalNotMultipleOfUnit(total: total, unit: unit) }
        let parts = try apportion(total.cents / unit.cents, weights: weights, method: method)
        var shares: [Money] = []
        shares.reserveCapacity(parts.count)
        for part in parts {
            // |part| ≤ |total / unit|, so part × unit fits whenever total does; checked anyway.
            let (cents, overflow) = part.multipliedReportingOverflow(by: unit.cents)
            if overflow { throw .overflow("a share") }
            shares.append(Money(cents: cents))
        }
        return shares
    }

    /// Each party's exact quota T·wᵢ/Σw as `whole + remainderNumerator / denominator`, with
    /// `whole` the floor (also for a negative T) and 0 ≤ remainderNumerator < denominator = Σw.
    /// Not reduced. For explanations and for checking the quota rule.
    public static func quotas(_ units: Int64, weights: [Int128]) throws(AllocationError) -> [(whole: Int64, remainderNumerator: Int128, denominator: Int128)] {
        let total = try validatedSum(weights)
        let wide = Int128(units)
        var result: [(whole: Int64, remainderNumerator: Int128, denominator: Int128)] = []
        result.reserveCapacity(weights.count)
        for weight in weights {
            let (whole, remainder) = try quota(wide, weight, total)
            result.append((whole, remainder, total))
        }
        return result
    }

    // MARK: - Validation

    /// Σw, after checking that there is a party, no weight is negative, the sum fits and is not 0.
    static func validatedSum(_ weights: [Int128]) throws(AllocationError) -> Int128 {
        guard !weights.isEmpty else { throw .noParties }
        var total: Int128 = 0
        for (index, weight) in weights.enumerated() {
            if weight < 0 { throw .negativeWeight(index: index) }
            let (sum, overflow) = total.addingReportingOverflow(weight)
            if overflow { throw .overflow("the sum of the weights") }
            total = sum
        }
        if total == 0 { throw .allWeightsZero }
        return total
    }

    // MARK: - Exact quota

    /// floor(units·weight/total) and the remainder in 0..<total, exactly.
    ///
    /// units·weight can need up to 190 bits, so for weights of 64 bits and more it is formed as a 256-bit product
    /// and divided with `dividingFullWidth`. That traps when the quotient does not fit in 128
    /// bits; it cannot here, because 0 ≤ weight ≤ total makes |quotient| ≤ |units| < 2⁶³. The
    /// guard states that reason as a check, so a wrong caller gets an error and not a crash.
    static func quota(_ units: Int128, _ weight: Int128, _ total: Int128) throws(AllocationError) -> (whole: Int64, remainder: Int128) {
        guard total > 0, weight >= 0, weight <= total, units >= int64Min, units <= int64Max else { throw .overflow("a quota") }
        var quotient: Int128
        var remainder: Int128
        if weight <= uint64Max {
            // |units| ≤ 2⁶³ and weight < 2⁶⁴: the product fits in 127 bits.
            (quotient, remainder) = (units * weight).quotientAndRemainder(dividingBy: total)
        } else {
            (quotient, remainder) = total.dividingFullWidth(units.multipliedFullWidth(by: weight))
        }
        // Both divisions round toward zero; a negative product needs one step down to the floor.
        if remainder < 0 {
            quotient -= 1
            remainder += total
        }
        guard quotient >= int64Min, quotient <= int64Max else { throw .overflow("a quota") }
        return (Int64(truncatingIfNeeded: quotient), remainder)
    }

    // Bounds as Int128 constants: converting Int64.max to Int128 at each use is an unspecialized
    // generic call in a debug build, which the property tests feel.
    static let int64Max: Int128 = 0x7FFF_FFFF_FFFF_FFFF
    static let int64Min: Int128 = -0x8000_0000_0000_0000
    static let uint64Max: Int128 = 0xFFFF_FFFF_FFFF_FFFF

    // MARK: - Largest remainder

    /// Hamilton: the floor of each quota, then one leftover unit each to the largest remainders;
    /// ties to the larger weight, then the earlier row. Parties of weight zero have remainder
    /// zero and never get a leftover unit: the leftover count is Σ remainders / Σw, a sum of
    /// fractions each below 1, so it is smaller than the number of positive remainders.
    static func largestRemainder(_ units: Int64, weights: [Int128], total: Int128) throws(AllocationError) -> [Int64] {
        var shares: [Int64] = []
        var remainders: [Int128] = []
        shares.reserveCapacity(weights.count)
        remainders.reserveCapacity(weights.count)
        var assigned: Int64 = 0
        let wide = Int128(units)
        for weight in weights {
            let (whole, remainder) = try quota(wide, weight, total)
            shares.append(whole)
            remainders.append(remainder)
            // Σ floor(quota) ≤ units, so this never overflows.
            assigned += whole
        }
        let leftover = units - assigned
        guard leftover > 0 else { return shares }
        let order = weights.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
            if weights[a] != weights[b] { return weights[a] > weights[b] }
            return a < b
        }
        for index in order.prefix(Int(leftover)) { shares[index] += 1 }
        return shares
    }

    // MARK: - Divisor methods

    /// D'Hondt (divisors 1, 2, 3, …) and Sainte-Laguë (1, 3, 5, …), exactly as the sequential
    /// highest-averages procedure gives them with ties to the larger weight, then the earlier
    /// row — but in time that grows with the number of parties, not of units.
    ///
    /// Why this equals the sequential procedure: every party i has a bid wᵢ/d(k) for its
    /// (k+1)-th unit, and the bids, ordered by average, then larger weight, then earlier row,
    /// form one fixed list (a party's own bids strictly fall with k). The sequential procedure
    /// for house size h hands out exactly the first h bids of that list. So any seats that hold
    /// a prefix of the list are the sequential result for their own sum, and adding the best
    /// bid not yet held (or dropping the worst bid held) keeps a prefix — that is the
    /// correction below. The estimate is a prefix: it is the method's apportionment for the
    /// divisor Σw/T, sᵢ = floor(T·wᵢ/Σw) for D'Hondt and floor(T·wᵢ/Σw + ½) for Sainte-Laguë,
    /// and every bid it holds has an average ≥ Σw/T (Sainte-Laguë: ≥ Σw/2T) while every bid it
    /// does not hold is strictly below that, so no tie can cross the line. (Sainte-Laguë could
    /// just as well round exact halves down: the bids exactly at Σw/2T are those halves, so they
    /// would all be left out together and the estimate would still be a prefix.)
    ///
    /// The estimate misses T by less than the number of parties (D'Hondt: by Σ fractional parts
    /// < n; Sainte-Laguë: by at most n/2), so there are fewer than n corrections, each O(log n).
    static func divisorMethod(_ units: Int64, weights: [Int128], total: Int128, sainteLague: Bool) throws(AllocationError) -> [Int64] {
        let target = Int128(units)
        // Counted in Int128: Σ seats can pass Int64.max for a total near it (Sainte-Laguë rounds up).
        var seats: [Int128] = []
        // The divisor of each party's next unit, d(sᵢ): sᵢ+1 (D'Hondt) or 2sᵢ+1 (Sainte-Laguë);
        // the divisor of its last unit is that minus `step`.
        var divisors: [Int128] = []
        let step: Int128 = sainteLague ? 2 : 1
        seats.reserveCapacity(weights.count)
        divisors.reserveCapacity(weights.count)
        var assigned: Int128 = 0
        for weight in weights {
            let (whole, remainder) = try quota(target, weight, total)
            var estimate = Int128(whole)
            // floor(q + ½) is q's floor plus one when the remainder is at least half of Σw; then
            // the quota is not whole, so the floor is below units and adding one still fits.
            if sainteLague && remainder >= total - remainder { estimate += 1 }
            seats.append(estimate)
            divisors.append(step * estimate + 1)
            assigned += estimate
        }
        if assigned < target {
            // Highest average first; on a tie the larger weight, then the earlier row.
            var queue = PartyHeap(weights.indices.filter { weights[$0] > 0 }) { a, b in
                let order = compare(weights[a], divisors[a], weights[b], divisors[b])
                if order != 0 { return order > 0 }
                return weights[a] != weights[b] ? weights[a] > weights[b] : a < b
            }
            while assigned < target, let chosen = queue.first {
                seats[chosen] += 1
                divisors[chosen] += step
                assigned += 1
                queue.topChanged()
            }
        } else if assigned > target {
            // The weakest unit held goes back first: the lowest average of a last unit; on a tie
            // the smaller weight, then the later row (the mirror of the giving order).
            var queue = PartyHeap(weights.indices.filter { seats[$0] > 0 }) { a, b in
                let order = compare(weights[a], divisors[a] - step, weights[b], divisors[b] - step)
                if order != 0 { return order < 0 }
                return weights[a] != weights[b] ? weights[a] < weights[b] : a > b
            }
            while assigned > target, let chosen = queue.first {
                seats[chosen] -= 1
                divisors[chosen] -= step
                assigned -= 1
                if seats[chosen] == 0 { queue.removeFirst() } else { queue.topChanged() }
            }
        }
        // Each share is between 0 and units: the estimate is at most ⌈quota⌉ ≤ units, giving
        // stops at units in all, and taking stops at zero.
        var shares: [Int64] = []
        shares.reserveCapacity(seats.count)
        for count in seats {
            guard count >= 0, count <= target else { throw .overflow("a share") }
            shares.append(Int64(truncatingIfNeeded: count))
        }
        return shares
    }

    /// The sign of a/b − c/d for non-negative a, c and positive b, d, exactly: a·d against c·b,
    /// as 256-bit products when they could pass 128 bits.
    static func compare(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
        if a <= int64Max, b <= int64Max, c <= int64Max, d <= int64Max {
            let left = a * d, right = c * b
            return left == right ? 0 : (left < right ? -1 : 1)
        }
        let left = a.multipliedFullWidth(by: d)
        let right = c.multipliedFullWidth(by: b)
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        if left.low != right.low { return left.low < right.low ? -1 : 1 }
        return 0
    }
}

/// A binary heap of party indices whose priorities change only at the top: the comparator reads
/// the current seats, and `topChanged` restores the order after the top party's count moved.
private struct PartyHeap {
    private var items: [Int]
    private let before: (Int, Int) -> Bool

    init(_ items: [Int], by before: @escaping (Int, Int) -> Bool) {
        self.items = items
        self.before = before
        for index in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    var first: Int? { items.first }

    mutating func topChanged() { siftDown(0) }

    mutating func removeFirst() {
        guard !items.isEmpty else { return }
        items.swapAt(0, items.count - 1)
        items.removeLast()
        siftDown(0)
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { return }
            var best = left
            if left + 1 < items.count, before(items[left + 1], items[left]) { best = left + 1 }
            guard before(items[best], items[parent]) else { return }
            items.swapAt(best, parent)
            parent = best
        }
    }
}
