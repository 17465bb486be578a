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
        case .largestRemainder: return largestRemainder(units, weights: weights, total: total)
        case .dhondt: return divisorMethod(units, weights: weights, total: total, sainteLague: false)
        case .sainteLague: return divisorMethod(units, weights: weights, total: total, sainteLague: true)
        }
    }

    /// Splits `total` in multiples of `unit`; the shares add up to `total` exactly.
    public static func allocate(_ total: Money, over weights: [Int128], method: ApportionmentMethod = .largestRemainder,
                                unit: RoundingUnit = .cent) throws(AllocationError) -> [Money] {
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

    /// Each party's exact quota T·wᵢ/Σw as a whole part and a remainder over the denominator Σw.
    public static func quotas(_ units: Int64, weights: [Int128]) throws(AllocationError) -> [(whole: Int64, remainderNumerator: Int128, denominator: Int128)] {
        let total = try validatedSum(weights)
        return weights.map { weight in
            let (whole, remainder) = quota(units, weight, total)
            return (whole, remainder, total)
        }
    }

    // MARK: - Validation

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

    /// floor(units·weight/total) and its remainder, computed over a 256-bit product. Since
    /// 0 ≤ weight ≤ total, the quotient is at most `units` and always fits: the division
    /// cannot trap.
    static func quota(_ units: Int64, _ weight: Int128, _ total: Int128) -> (Int64, Int128) {
        if weight <= Int128(UInt64.max) {
            // units < 2⁶³ and weight < 2⁶⁴: the product fits in 127 bits.
            let product = Int128(units) * weight
            return (Int64(truncatingIfNeeded: product / total), product % total)
        }
        let product = Int128(units).multipliedFullWidth(by: weight)
        let (quotient, remainder) = total.dividingFullWidth(product)
        return (Int64(truncatingIfNeeded: quotient), remainder)
    }

    // MARK: - Largest remainder

    /// Hamilton: the floor of each quota, then one leftover unit each to the largest remainders;
    /// ties to the larger weight, then the earlier row. Parties of weight zero have remainder
    /// zero and never get a leftover unit (there are fewer leftovers than positive remainders).
    static func largestRemainder(_ units: Int64, weights: [Int128], total: Int128) -> [Int64] {
        var shares: [Int64] = []
        var remainders: [Int128] = []
        shares.reserveCapacity(weights.count)
        var assigned: Int64 = 0
        for weight in weights {
            let (whole, remainder) = quota(units, weight, total)
            shares.append(whole)
            remainders.append(remainder)
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

    /// D'Hondt (divisors 1, 2, 3, …) and Sainte-Laguë (1, 3, 5, …), as the sequential
    /// highest-averages procedure would give them with ties to the larger weight, then the
    /// earlier row — but without handing out units one at a time.
    ///
    /// The start is the method's own apportionment for the divisor Σw/T: sᵢ = floor(T·wᵢ/Σw) for
    /// D'Hondt, floor(T·wᵢ/Σw + ½) for Sainte-Laguë. That is a valid result for the house size
    /// Σsᵢ, and divisor methods are house-monotone, so adding (or removing) one unit at a time
    /// by the highest (lowest) average reaches the result for T. Σsᵢ differs from T by fewer
    /// than the number of parties, so the cost is O(n²) however large T is.
    static func divisorMethod(_ units: Int64, weights: [Int128], total: Int128, sainteLague: Bool) -> [Int64] {
        var seats: [Int64] = weights.map { weight in
            let (whole, remainder) = quota(units, weight, total)
            // floor(q + ½) = q, plus one when the remainder is at least half of Σw.
            return sainteLague && remainder >= total - remainder ? whole + 1 : whole
        }
        var assigned = seats.reduce(0, +)
        if assigned < units {
            // Highest average first; on a tie the larger weight, then the earlier row.
            var queue = Heap(weights.indices.filter { weights[$0] > 0 }) { a, b in
                let order = compare(weights[a], divisor(seats[a], sainteLague), weights[b], divisor(seats[b], sainteLague))
                if order != 0 { return order > 0 }
                return weights[a] != weights[b] ? weights[a] > weights[b] : a < b
            }
            while assigned < units, let chosen = queue.first {
                seats[chosen] += 1
                assigned += 1
                queue.topChanged()
            }
        }
        if assigned > units {
            // The weakest last unit goes back first; on a tie the smaller weight, then the later row.
            var queue = Heap(weights.indices.filter { seats[$0] > 0 }) { a, b in
                let order = compare(weights[a], divisor(seats[a] - 1, sainteLague), weights[b], divisor(seats[b] - 1, sainteLague))
                if order != 0 { return order < 0 }
                return weights[a] != weights[b] ? weights[a] < weights[b] : a > b
            }
            while assigned > units, let chosen = queue.first {
                seats[chosen] -= 1
                assigned -= 1
                if seats[chosen] == 0 { queue.removeFirst() } else { queue.topChanged() }
            }
        }
        return seats
    }

    /// The divisor for a party that holds `seats` units: seats+1 (D'Hondt) or 2·seats+1.
    static func divisor(_ seats: Int64, _ sainteLague: Bool) -> Int128 {
        sainteLague ? 2 * Int128(seats) + 1 : Int128(seats) + 1
    }

    /// The sign of a/b − c/d for non-negative a, c and positive b, d, exactly (full width).
    static func compare(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
        let small = Int128(Int64.max)
        if a <= small, b <= small, c <= small, d <= small {
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
private struct Heap {
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
