import Foundation
import Testing
@testable import AMRCore

/// Hand-made DEFLATE streams for what the decoder's word-wide paths must get right: every match
/// length 3–258 at distances that overlap the bytes being written (1–8) and at distances that do
/// not, in long streams (the bulk path) and alone in short ones (the path near the end of the
/// input), codes longer than the lookup tables in the middle of a block, and a stored block
/// after a compressed one. Expected bytes come from a byte-by-byte model of RFC 1951, not from
/// the decoder.
@Suite struct InflateMatchTests {
    typealias BitWriter = InflateTests.BitWriter

    // RFC 1951 3.2.5, written out here so the test does not share the decoder's tables.
    static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtras = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtras = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The length symbol (257–285), its extra bits and their count for a match length.
    static func lengthSymbol(_ length: Int) -> (symbol: Int, extra: Int, extraBits: Int) {
        let index = lengthBases.lastIndex { $0 <= length } ?? 0
        return (257 + index, length - lengthBases[index], lengthExtras[index])
    }

    static func distanceSymbol(_ distance: Int) -> (symbol: Int, extra: Int, extraBits: Int) {
        let index = distanceBases.lastIndex { $0 <= distance } ?? 0
        return (index, distance - distanceBases[index], distanceExtras[index])
    }

    /// What the decoder must produce: literals, and matches copied one byte at a time.
    enum Item {
        case literal(UInt8)
        case match(length: Int, distance: Int)
    }

    static func model(_ items: [Item], after prefix: [UInt8] = []) -> [UInt8] {
        var out = prefix
        for item in items {
            switch item {
            case .literal(let byte): out.append(byte)
            case .match(let length, let distance):
                for _ in 0..<length { out.append(out[out.count - distance]) }
            }
        }
        return out
    }

    /// A final fixed-Huffman block of `items`.
    static func fixedBlock(_ items: [Item], into writer: inout BitWriter, final: Bool = true) {
        writer.bits(final ? 1 : 0, 1)
        writer.bits(1, 2)
        for item in items {
            switch item {
            case .literal(let byte): writer.fixedSymbol(Int(byte))
            case .match(let length, let distance):
                let l = lengthSymbol(length)
                writer.fixedSymbol(l.symbol)
                writer.bits(l.extra, l.extraBits)
                let d = distanceSymbol(distance)
                writer.code(d.symbol, 5)
                writer.bits(d.extra, d.extraBits)
            }
        }
        writer.fixedSymbol(256)
    }

    static func literals(_ count: Int, seed: UInt32) -> [Item] {
        InflateTests.lcg(seed: seed, count: count).map { .literal($0) }
    }

    /// One long stream per distance: every length 3–258 in turn, a literal between matches.
    @Test(arguments: Array(1...20) + [24, 31, 32, 33, 100, 258, 1000])
    func everyLengthAtADistanceInALongStream(_ distance: Int) throws {
        var items = Self.literals(max(distance, 40), seed: UInt32(distance))
        for length in 3...258 {
            items.append(.match(length: length, distance: distance))
            items.append(.literal(UInt8(length & 0xFF)))
        }
        var writer = BitWriter()
        Self.fixedBlock(items, into: &writer)
        let expected = Self.model(items)
        #expect(try Inflate.inflate(writer.bytes, limit: 1 << 20) == expected)
        // With the limit at the exact size the last matches take the careful path.
        #expect(try Inflate.inflate(writer.bytes, limit: expected.count) == expected)
        #expect(throws: Inflate.Failure.outputTooLarge(limit: expected.count - 1)) { try Inflate.inflate(writer.bytes, limit: expected.count - 1) }
    }

    /// Each match alone after just enough literals: the input is short, so near its end.
    @Test func everyLengthAtDistancesOneToNineAlone() throws {
        for distance in 1...9 {
            for length in 3...258 {
                let items = Self.literals(distance, seed: UInt32(length)) + [.match(length: length, distance: distance)]
                var writer = BitWriter()
                Self.fixedBlock(items, into: &writer)
                #expect(try Inflate.inflate(writer.bytes, limit: 1 << 20) == Self.model(items), "length \(length), distance \(distance)")
            }
        }
    }

    /// Matches from the farthest distance, 32,768, in a long run of them after a stored block.
    @Test func farMatchesInALongStream() throws {
        let first = InflateTests.lcg(seed: 12, count: 32768)
        var writer = BitWriter()
        writer.bits(0, 1)
        writer.bits(0, 2)
        writer.alignToByte()
        writer.bytes += [0x00, 0x80, 0xFF, 0x7F] + first
        writer.bitCount = writer.bytes.count * 8
        var items: [Item] = []
        for length in stride(from: 3, through: 258, by: 5) {
            items.append(.match(length: length, distance: 32768))
            items.append(.match(length: 258 - length + 3, distance: 32768 - length))
        }
        Self.fixedBlock(items, into: &writer)
        #expect(try Inflate.inflate(writer.bytes, limit: 1 << 20) == Self.model(items, after: first))
    }

    /// A stored block after a fixed one, then another fixed block. The fixed block's refills
    /// read input words ahead; those bytes belong to the stored block, which is copied straight
    /// from the input, and must not be read again as bits of the block after it (the decoder
    /// once refused this valid stream as "an invalid block type").
    @Test func aStoredBlockAfterACompressedOne() throws {
        for storedLength in [1, 7, 8, 9, 40, 300] {
            var writer = BitWriter()
            let start = Self.literals(26, seed: 3)
            Self.fixedBlock(start, into: &writer, final: false)
            writer.bits(0, 1)
            writer.bits(0, 2)
            writer.alignToByte()
            let stored = [UInt8](repeating: 0xFF, count: storedLength)
            writer.bytes += [UInt8(storedLength & 0xFF), UInt8(storedLength >> 8), UInt8(~storedLength & 0xFF), UInt8((~storedLength >> 8) & 0xFF)] + stored
            writer.bitCount = writer.bytes.count * 8
            let end = Array("The end.".utf8).map { Item.literal($0) } + [.match(length: 10, distance: storedLength + 8)]
            Self.fixedBlock(end, into: &writer)
            let expected = Self.model(end, after: Self.model(start) + stored)
            #expect(try Inflate.inflate(writer.bytes, limit: 1 << 20) == expected, "stored block of \(storedLength)")
        }
    }

    /// Writes a dynamic block whose code-length code gives every length 0–15 a 4-bit code.
    static func dynamicBlock(literalLengths: [Int], distanceLengths: [Int], items: [Item], into writer: inout BitWriter) {
        writer.bits(1, 1)
        writer.bits(2, 2)
        writer.bits(literalLengths.count - 257, 5)
        writer.bits(distanceLengths.count - 1, 5)
        writer.bits(19 - 4, 4)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        for symbol in order { writer.bits(symbol < 16 ? 4 : 0, 3) }
        // Sixteen codes of 4 bits: length n has code n.
        for length in literalLengths + distanceLengths { writer.code(length, 4) }
        let literalCodes = canonicalCodes(literalLengths), distanceCodes = canonicalCodes(distanceLengths)
        for item in items {
            switch item {
            case .literal(let byte): writer.code(literalCodes[Int(byte)], literalLengths[Int(byte)])
            case .match(let length, let distance):
                let l = lengthSymbol(length)
                writer.code(literalCodes[l.symbol], literalLengths[l.symbol])
                writer.bits(l.extra, l.extraBits)
                let d = distanceSymbol(distance)
                writer.code(distanceCodes[d.symbol], distanceLengths[d.symbol])
                writer.bits(d.extra, d.extraBits)
            }
        }
        writer.code(literalCodes[256], literalLengths[256])
    }

    /// RFC 1951 3.2.2.
    static func canonicalCodes(_ lengths: [Int]) -> [Int] {
        var next = [Int](repeating: 0, count: 17)
        var code = 0
        for length in 1...16 {
            code = (code + lengths.filter { $0 == length - 1 && $0 > 0 }.count) << 1
            next[length] = code
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            defer { next[length] += 1 }
            return next[length]
        }
    }

    /// Codes of every length 1–15 in use for literals, lengths and distances, many times over
    /// in one block: those longer than the lookup tables (11 and 10 bits) leave the bulk path
    /// for one symbol and come back.
    @Test func codesOfEveryLengthInALongBlock() throws {
        // 1 + 1/2 + … : lengths 1–14 and two of 15 make a complete code of sixteen.
        let staircase = Array(1...14) + [15, 15]
        var literalLengths = [Int](repeating: 0, count: 286)
        let literalSymbols = [Int(UInt8(ascii: "e")), 257, 256, Int(UInt8(ascii: "t")), 262, Int(UInt8(ascii: "a")), 270, 265,
                              Int(UInt8(ascii: "o")), 280, Int(UInt8(ascii: "q")), 285, Int(UInt8(ascii: "z")), 275, Int(UInt8(ascii: "x")), 283]
        for (symbol, length) in zip(literalSymbols, staircase) { literalLengths[symbol] = length }
        var distanceLengths = [Int](repeating: 0, count: 30)
        let distanceSymbols = [0, 3, 4, 1, 7, 9, 12, 2, 14, 16, 5, 20, 8, 25, 11, 29]
        for (symbol, length) in zip(distanceSymbols, staircase) { distanceLengths[symbol] = length }

        let letters = "etaoqzx".utf8.map { $0 }
        let lengths = literalSymbols.filter { $0 > 256 }.map { Self.lengthBases[$0 - 257] }
        let distances = distanceSymbols.map { Self.distanceBases[$0] }.filter { $0 <= 1500 }
        var items: [Item] = Array("eeeeeeeetttttttttaaaaoqzx".utf8).map { .literal($0) }
        var random = SeededRandom(seed: 15)
        var produced = items.count
        while produced < 40_000 {
            if random.below(3) == 0 {
                items.append(.literal(random.element(letters)))
                produced += 1
            } else {
                let distance = random.element(distances.filter { $0 <= produced })
                let length = random.element(lengths)
                items.append(.match(length: length, distance: distance))
                produced += length
            }
        }
        var writer = BitWriter()
        Self.dynamicBlock(literalLengths: literalLengths, distanceLengths: distanceLengths, items: items, into: &writer)
        let expected = Self.model(items)
        #expect(try Inflate.inflate(writer.bytes, limit: 1 << 20) == expected)
        #expect(try Inflate.inflate(writer.bytes, limit: expected.count) == expected)
    }
}
