import Foundation
import Testing
@testable import AMRCore

/// CRC-32 against a bitwise reference written from the definition (one bit per step, no
/// tables), for every length around the sixteen-byte steps and every start within a word, so a
/// wrong table entry, a wrong order of the sixteen lookups or a wrong tail shows.
@Suite struct CRC32Tests {
    /// The reflected CRC-32 of IEEE 802.3, bit by bit.
    static func reference(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    @Test func knownValues() {
        #expect(Self.reference(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum([UInt8(ascii: "a")]) == 0xE8B7_BE43)
        #expect(CRC32.checksum([0]) == 0xD202_EF8D)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum([UInt8](repeating: 0xFF, count: 32)) == 0xFF6C_AB0B)
    }

    /// Lengths 0–80 (across one, two and more sixteen-byte steps and every tail) from each start
    /// 0–16 in a buffer, read through an unaligned raw buffer.
    @Test func everyLengthFromEveryStartMatchesTheReference() {
        let data = Self.bytes(100, seed: 32)
        data.withUnsafeBytes { raw in
            for start in 0...16 {
                for length in 0...80 {
                    var crc = CRC32()
                    crc.update(UnsafeRawBufferPointer(rebasing: raw[start..<(start + length)]))
                    #expect(crc.value == Self.reference(data[start..<(start + length)]), "start \(start), length \(length)")
                }
            }
        }
    }

    /// Fed in two pieces split anywhere, and in pieces of odd sizes, the checksum is the whole's.
    @Test func piecesGiveTheChecksumOfTheWhole() {
        let data = Self.bytes(70, seed: 33)
        let whole = Self.reference(data)
        for split in 0...data.count {
            var crc = CRC32()
            crc.update(data[..<split])
            crc.update(data[split...])
            #expect(crc.value == whole, "split at \(split)")
        }
        let long = Self.bytes(100_003, seed: 34)
        let longWhole = Self.reference(long)
        #expect(CRC32.checksum(long) == longWhole)
        for piece in [1, 7, 15, 16, 17, 4096, 65_537] {
            var crc = CRC32()
            var offset = 0
            while offset < long.count {
                let end = min(long.count, offset + piece)
                crc.update(long[offset..<end])
                offset = end
            }
            #expect(crc.value == longWhole, "pieces of \(piece)")
        }
    }

    /// A collection without contiguous storage goes through a copy and gives the same value.
    @Test func aCollectionWithoutContiguousStorage() {
        let data = Self.bytes(53, seed: 35)
        #expect(CRC32.checksum(data.reversed()) == Self.reference(data.reversed()))
        #expect(CRC32.checksum(data.lazy.map { $0 ^ 0x5A }) == Self.reference(data.map { $0 ^ 0x5A }))
    }
}
