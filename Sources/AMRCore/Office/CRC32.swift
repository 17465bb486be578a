/// The CRC-32 of zip files and PNG (IEEE 802.3, reflected polynomial 0xEDB88320). Bytes in
/// memory are taken sixteen at a time with sixteen tables ("slicing-by-16"): only the lookups
/// of the first four bytes of each step wait for the previous step's checksum, the other twelve
/// overlap with them, so checking a part of hundreds of megabytes costs a fraction of inflating
/// it. A zip entry whose stored CRC differs from this one over its inflated bytes is damaged.
public struct CRC32: Sendable, Equatable {
    /// The checksum of everything fed so far.
    public private(set) var value: UInt32 = 0

    public init() {}

    /// Table k maps a byte to its CRC shifted through k more zero bytes: table 0 is the classic one.
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 16 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            tables[n] = c
        }
        for n in 0..<256 {
            for k in 1..<16 { tables[k * 256 + n] = (tables[(k - 1) * 256 + n] >> 8) ^ tables[Int(tables[(k - 1) * 256 + n] & 0xFF)] }
        }
        return tables
    }()

    /// Adds `bytes` to the checksum.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        var crc = self
        if bytes.withContiguousStorageIfAvailable({ crc.update(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { crc.update($0) }
        }
        self = crc
    }

    /// Adds the bytes in `buffer` to the checksum.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        let count = buffer.count
        guard count > 0, let base = buffer.baseAddress else { return }
        var c = ~value
        Self.tables.withUnsafeBufferPointer { tables in
            // Unchecked pointer reads: every index below is a byte (0...255) plus a fixed
            // multiple of 256 under 16 × 256, inside the table.
            guard let t = tables.baseAddress else { return }
            var p = base
            let end = base + count
            while end - p >= 16 {
                let a = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
                let b = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                let x = UInt32(truncatingIfNeeded: a) ^ c
                let y = UInt32(truncatingIfNeeded: a >> 32)
                let z = UInt32(truncatingIfNeeded: b)
                let w = UInt32(truncatingIfNeeded: b >> 32)
                // The twelve lookups that do not depend on c come first, so they need not wait.
                let rest = t[0xB00 + Int(y & 0xFF)] ^ t[0xA00 + Int(y >> 8 & 0xFF)] ^ t[0x900 + Int(y >> 16 & 0xFF)] ^ t[0x800 + Int(y >> 24)]
                    ^ t[0x700 + Int(z & 0xFF)] ^ t[0x600 + Int(z >> 8 & 0xFF)] ^ t[0x500 + Int(z >> 16 & 0xFF)] ^ t[0x400 + Int(z >> 24)]
                    ^ t[0x300 + Int(w & 0xFF)] ^ t[0x200 + Int(w >> 8 & 0xFF)] ^ t[0x100 + Int(w >> 16 & 0xFF)] ^ t[Int(w >> 24)]
                c = rest ^ t[0xF00 + Int(x & 0xFF)] ^ t[0xE00 + Int(x >> 8 & 0xFF)] ^ t[0xD00 + Int(x >> 16 & 0xFF)] ^ t[0xC00 + Int(x >> 24)]
                p += 16
            }
            while p < end {
                c = t[Int((c ^ UInt32(p.load(as: UInt8.self))) & 0xFF)] ^ (c >> 8)
                p += 1
            }
        }
        value = ~c
    }

    /// The checksum of `bytes`.
    public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
