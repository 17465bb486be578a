/// Small numbers for byte strings (the distinct municipalities or sectors of an export), handed
/// out in order of first appearance. It runs for every grouped field of every row, so it lives in
/// memory it allocates itself: a lookup is a few loads and compares, with no allocation, no
/// bounds-check traps and no reference counting. The owner calls `release()` once
/// (`ScanStorage` does, in its `deinit`).
struct ValueInterner {
    /// One open-addressing slot. A value of at most 16 bytes is told apart by its length and
    /// its first and last eight bytes alone; a longer one also compares the bytes in between.
    struct Slot {
        var head: UInt64
        var tail: UInt64
        var bytes: UnsafeMutablePointer<UInt8>?
        var length: Int32
        var id: Int32
    }

    private(set) var slots: UnsafeMutablePointer<Slot>
    private(set) var mask: Int
    /// By id: the value's bytes (a copy the interner owns) and its length.
    private var values: UnsafeMutablePointer<(bytes: UnsafeMutablePointer<UInt8>?, length: Int)>
    private var valueCapacity: Int
    /// Distinct values so far; the next id.
    private(set) var count = 0

    init() {
        let size = 256
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(head: 0, tail: 0, bytes: nil, length: 0, id: -1), count: size)
        mask = size - 1
        valueCapacity = 256
        values = .allocate(capacity: valueCapacity)
    }

    /// Frees the interner's memory; it must not be used afterwards.
    func release() {
        for id in 0..<count { values[id].bytes?.deallocate() }
        values.deallocate()
        slots.deallocate()
    }

    /// The first and last eight bytes of `length` bytes at `start` (for fewer than eight, all of
    /// them, zero-padded), read with whole-word loads where the buffer allows (`end`).
    @inline(__always)
    static func words(_ start: UnsafePointer<UInt8>?, _ length: Int, end: UnsafePointer<UInt8>?) -> (UInt64, UInt64) {
        guard let start, length > 0 else { return (0, 0) }
        let raw = UnsafeRawPointer(start)
        if length >= 8 {
            return (UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
                    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)))
        }
        if let end, start + 8 <= end {
            // One load and a mask instead of a byte loop: the bytes past the value are in the buffer.
            let word = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            return (word & (UInt64.max >> UInt64(64 - 8 * length)), 0)
        }
        var head: UInt64 = 0
        for index in 0..<length { head |= UInt64(start[index]) << UInt64(8 * index) }
        return (head, 0)
    }

    @inline(__always)
    static func slot(head: UInt64, tail: UInt64, length: Int, mask: Int) -> Int {
        let mixed = (head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(truncatingIfNeeded: length) << 56)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    /// The id of a value seen before, or -1. `end` is where the buffer holding the value ends.
    @inline(__always)
    func lookup(_ start: UnsafePointer<UInt8>?, _ length: Int, end: UnsafePointer<UInt8>?) -> Int {
        Self.lookup(slots: slots, mask: mask, start, length, end: end)
    }

    /// `lookup` on the table alone, for the per-row code that keeps the table in registers.
    @inline(__always)
    static func lookup(slots: UnsafeMutablePointer<Slot>, mask: Int, _ start: UnsafePointer<UInt8>?, _ length: Int, end: UnsafePointer<UInt8>?) -> Int {
        let (head, tail) = words(start, length, end: end)
        var index = slot(head: head, tail: tail, length: length, mask: mask)
        while true {
            let slot = slots[index]
            if slot.id < 0 { return -1 }
            if slot.head == head && slot.tail == tail && Int(slot.length) == length
                && (length <= 16 || middleEqual(slot.bytes, start, length)) {
                return Int(slot.id)
            }
            index = (index &+ 1) & mask
        }
    }

    /// Bytes 8 up to `length - 8` of two values of the same length (more than 16 bytes).
    @inline(__always)
    static func middleEqual(_ a: UnsafeMutablePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ length: Int) -> Bool {
        guard let a, let b else { return false }
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        var offset = 8
        while offset < length - 8 {
            if x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != y.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        return true
    }

    /// The id of the value, adding it if it is new.
    mutating func id(of start: UnsafePointer<UInt8>?, _ length: Int) -> Int {
        let known = lookup(start, length, end: nil)
        return known >= 0 ? known : insert(start, length)
    }

    /// Adds a value that `lookup` did not find and returns its id.
    @inline(never)
    mutating func insert(_ start: UnsafePointer<UInt8>?, _ length: Int) -> Int {
        let (head, tail) = Self.words(start, length, end: nil)
        var copy: UnsafeMutablePointer<UInt8>? = nil
        if let start, length > 0 {
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
            bytes.initialize(from: start, count: length)
            copy = bytes
        }
        if count == valueCapacity {
            let larger = UnsafeMutablePointer<(bytes: UnsafeMutablePointer<UInt8>?, length: Int)>.allocate(capacity: valueCapacity * 2)
            larger.moveInitialize(from: values, count: count)
            values.deallocate()
            values = larger
            valueCapacity *= 2
        }
        let id = count
        values[id] = (copy, length)
        count += 1
        place(Slot(head: head, tail: tail, bytes: copy, length: Int32(truncatingIfNeeded: length), id: Int32(truncatingIfNeeded: id)))
        if count * 4 > mask + 1 { grow() }   // a quarter full at most: a lookup rarely probes twice
        return id
    }

    private mutating func place(_ slot: Slot) {
        var index = Self.slot(head: slot.head, tail: slot.tail, length: Int(slot.length), mask: mask)
        while slots[index].id >= 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots, oldSize = mask + 1
        let size = oldSize * 2
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(head: 0, tail: 0, bytes: nil, length: 0, id: -1), count: size)
        mask = size - 1
        for index in 0..<oldSize where old[index].id >= 0 { place(old[index]) }
        old.deallocate()
    }

    /// The bytes of the value with this id.
    func value(_ id: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: values[id].bytes, count: values[id].length)
    }
}
