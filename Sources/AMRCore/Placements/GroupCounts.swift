/// Counts per packed group key (non-negative): open addressing with a multiplicative hash in
/// memory it allocates itself, so a row's increment is a multiply, a load and a store, with no
/// allocation once the distinct groups are in. The owner calls `release()` once.
struct GroupCounts {
    private var keys: UnsafeMutablePointer<Int>
    private var counts: UnsafeMutablePointer<Int>
    private var shift: UInt64
    private var mask: Int
    private(set) var used = 0

    init() {
        let bits = 12
        keys = .allocate(capacity: 1 << bits)
        keys.initialize(repeating: -1, count: 1 << bits)
        counts = .allocate(capacity: 1 << bits)
        counts.initialize(repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
        mask = (1 << bits) - 1
    }

    /// Frees the table's memory; it must not be used afterwards.
    func release() {
        keys.deallocate()
        counts.deallocate()
    }

    @inline(__always)
    private func home(_ key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Adds `amount` to the count of `key`.
    @inline(__always)
    mutating func add(_ key: Int, _ amount: Int = 1) {
        var index = home(key)
        while true {
            let existing = keys[index]
            if existing == key { counts[index] &+= amount; return }
            if existing < 0 { break }
            index = (index + 1) & mask
        }
        insert(key, amount, at: index)
    }

    @inline(never)
    private mutating func insert(_ key: Int, _ amount: Int, at index: Int) {
        keys[index] = key
        counts[index] = amount
        used += 1
        if used * 2 > mask + 1 { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts, oldSize = mask + 1
        let size = oldSize * 2
        keys = .allocate(capacity: size)
        keys.initialize(repeating: -1, count: size)
        counts = .allocate(capacity: size)
        counts.initialize(repeating: 0, count: size)
        shift -= 1
        mask = size - 1
        for index in 0..<oldSize where oldKeys[index] >= 0 {
            var slot = home(oldKeys[index])
            while keys[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            counts[slot] = oldCounts[index]
        }
        oldKeys.deallocate()
        oldCounts.deallocate()
    }

    /// Every key with its count, in table order (callers sort).
    var entries: [(key: Int, count: Int)] {
        var result: [(key: Int, count: Int)] = []
        result.reserveCapacity(used)
        for index in 0...mask where keys[index] >= 0 { result.append((keys[index], counts[index])) }
        return result
    }
}
