import Foundation
import Testing
@testable import AMRCore

/// The DEFLATE decoder against streams made by Python's zlib (Workbooks/inflate-vectors.json,
/// from make-inflate-vectors.py), hand-made streams for what zlib never emits, and every way a
/// stream can be malformed.
@Suite struct InflateTests {
    struct Vector: Decodable {
        struct Generator: Decodable {
            var lcg: UInt32?
            var `repeat`: String?
            var count: Int
            var thenFixture: String?
            var times: Int?
        }
        var name: String
        var deflate: String
        var size: Int
        var plain: String?
        var generator: Generator?
    }

    static func vectors() -> [Vector] {
        let url = TestSupport.root.appendingPathComponent("Tests/AMRCoreTests/Workbooks/inflate-vectors.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return (try? JSONDecoder().decode([Vector].self, from: data)) ?? []
    }

    /// The generator of make-inflate-vectors.py: x = (x × 1103515245 + 12345) mod 2³¹, byte = bits 16–23.
    static func lcg(seed: UInt32, count: Int) -> [UInt8] {
        var x = UInt64(seed)
        return (0..<count).map { _ in
            x = (x &* 1_103_515_245 &+ 12345) % (1 << 31)
            return UInt8((x >> 16) & 0xFF)
        }
    }

    static func expected(_ vector: Vector) -> [UInt8]? {
        if let plain = vector.plain { return Data(base64Encoded: plain).map { [UInt8]($0) } }
        guard let generator = vector.generator else { return nil }
        var bytes: [UInt8] = []
        if let seed = generator.lcg { bytes = lcg(seed: seed, count: generator.count) }
        if let text = generator.repeat { bytes = [UInt8](repeating: Array(text.utf8)[0], count: generator.count) }
        if let fixture = generator.thenFixture, let times = generator.times {
            let text = FileManager.default.contents(atPath: TestSupport.fixture(fixture)).map { [UInt8]($0) } ?? []
            for _ in 0..<times { bytes += text }
        }
        return bytes
    }

    @Test func theVectorsCoverEveryBlockType() {
        let vectors = Self.vectors()
        #expect(vectors.count == 6)
        // The first block's type is in bits 1–2 of the first byte.
        let types = Set(vectors.compactMap { Data(base64Encoded: $0.deflate)?.first.map { ($0 >> 1) & 3 } })
        #expect(types == [0, 1, 2])
    }

    @Test(arguments: vectors().map(\.name))
    func zlibStreamsInflateToTheirData(_ name: String) throws {
        let vector = try #require(Self.vectors().first { $0.name == name })
        let stream = try #require(Data(base64Encoded: vector.deflate))
        let expected = try #require(Self.expected(vector))
        #expect(expected.count == vector.size)
        let output = try Inflate.inflate([UInt8](stream), limit: 1 << 24)
        #expect(output.count == expected.count)
        #expect(output == expected)
    }

    @Test func theCRCOfTheCheckStringIsTheStandardOne() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        var crc = CRC32()
        crc.update(Array("1234".utf8))
        crc.update(Array("56789".utf8))
        #expect(crc.value == 0xCBF4_3926)
    }

    /// Writes DEFLATE bits least significant first, Huffman codes most significant first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var bitCount = 0

        mutating func bits(_ value: Int, _ count: Int) {
            for bit in 0..<count {
                if bitCount % 8 == 0 { bytes.append(0) }
                if value & (1 << bit) != 0 { bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8)) }
                bitCount += 1
            }
        }

        mutating func code(_ value: Int, _ length: Int) {
            for bit in (0..<length).reversed() { bits((value >> bit) & 1, 1) }
        }

        /// A fixed-Huffman literal/length symbol (RFC 1951 3.2.6).
        mutating func fixedSymbol(_ symbol: Int) {
            switch symbol {
            case 0...143: code(0x30 + symbol, 8)
            case 144...255: code(0x190 + symbol - 144, 9)
            case 256...279: code(symbol - 256, 7)
            default: code(0xC0 + symbol - 280, 8)
            }
        }

        mutating func alignToByte() { bitCount = bytes.count * 8 }
    }

    /// A stored block of 32,768 bytes, then a fixed block copying 258 bytes from 32,768 back:
    /// the farthest distance DEFLATE has, which zlib's encoder never uses.
    @Test func aMatchFromTheFarthestDistanceCopiesTheFirstBytes() throws {
        let first = Self.lcg(seed: 11, count: 32768)
        var writer = BitWriter()
        writer.bits(0, 1)          // not final
        writer.bits(0, 2)          // stored
        writer.alignToByte()
        writer.bytes += [0x00, 0x80, 0xFF, 0x7F] + first
        writer.bitCount = writer.bytes.count * 8
        writer.bits(1, 1)          // final
        writer.bits(1, 2)          // fixed
        writer.fixedSymbol(285)    // length 258
        writer.code(29, 5)         // distance code 29: 24577 + 13 extra bits
        writer.bits(32768 - 24577, 13)
        writer.fixedSymbol(256)
        let output = try Inflate.inflate(writer.bytes, limit: 1 << 20)
        #expect(output.count == 32768 + 258)
        #expect(Array(output[32768...]) == Array(first[..<258]))

        // One byte fewer before the match: 32,768 back is then too far.
        var short = BitWriter()
        short.bits(1, 1)
        short.bits(1, 2)
        short.fixedSymbol(65)
        short.fixedSymbol(257)     // length 3
        short.code(29, 5)
        short.bits(32768 - 24577, 13)
        short.fixedSymbol(256)
        #expect(throws: Inflate.Failure.distanceTooFar(distance: 32768, available: 1)) { try Inflate.inflate(short.bytes, limit: 1 << 20) }
    }

    @Test func anOverlappingMatchRepeatsARun() throws {
        var writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        writer.fixedSymbol(Int(UInt8(ascii: "a")))
        writer.fixedSymbol(Int(UInt8(ascii: "b")))
        writer.fixedSymbol(264)    // length 10
        writer.code(1, 5)          // distance 2
        writer.fixedSymbol(256)
        #expect(try Inflate.inflate(writer.bytes, limit: 100) == Array("abababababab".utf8))
    }

    /// 40,000 matches of 258 bytes: 10 MB out. Appending a slice of the output to itself once
    /// copied the whole output per match, which took minutes here; byte copies take well under a
    /// second.
    @Test(.timeLimit(.minutes(1))) func longOutputsInflateInLinearTime() throws {
        var writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        writer.fixedSymbol(Int(UInt8(ascii: "x")))
        for _ in 0..<40_000 {
            writer.fixedSymbol(285)
            writer.code(0, 5)      // distance 1
        }
        writer.fixedSymbol(256)
        let output = try Inflate.inflate(writer.bytes, limit: 1 << 24)
        #expect(output.count == 1 + 40_000 * 258)
        #expect(output.allSatisfy { $0 == UInt8(ascii: "x") })
    }

    /// Codes of every length 1–15 (symbol n has length n + 1, two of 15): those longer than the
    /// lookup table are decoded bit by bit, and each symbol comes back.
    @Test func codesLongerThanTheTableDecode() throws {
        var lengths = (0..<14).map { UInt8($0 + 1) }
        lengths += [15, 15]
        let code = try Inflate.Huffman(lengths: lengths[...], allowIncomplete: false, name: "test")
        #expect(code.bits == Inflate.Huffman.tableBits)
        // Canonical codes (RFC 1951 3.2.2).
        var next = [Int](repeating: 0, count: 17)
        var value = 0
        for length in 1...16 {
            value = (value + lengths.filter { Int($0) == length - 1 }.count) << 1
            next[length] = value
        }
        var codes: [Int] = []
        for length in lengths {
            codes.append(next[Int(length)])
            next[Int(length)] += 1
        }
        let order = [15, 3, 0, 12, 14, 9, 1, 13, 10, 11]
        var writer = BitWriter()
        for symbol in order { writer.code(codes[symbol], Int(lengths[symbol])) }
        var decoder = Inflate.Decoder(input: writer.bytes + [0xFF, 0xFF], limit: 0)
        var decoded: [Int] = []
        for _ in order { decoded.append(try decoder.decode(code)) }
        #expect(decoded == order)
    }

    @Test func emptyInputIsTruncatedButAnEmptyStreamIsEmpty() throws {
        #expect(throws: Inflate.Failure.truncated) { try Inflate.inflate([], limit: 10) }
        #expect(try Inflate.inflate([0x03, 0x00], limit: 0) == [])
        // A final stored block of length 0.
        #expect(try Inflate.inflate([0x01, 0x00, 0x00, 0xFF, 0xFF], limit: 0) == [])
    }

    @Test func malformedStreamsAreTypedErrors() {
        // Block type 3.
        #expect(throws: Inflate.Failure.invalidBlockType) { try Inflate.inflate([0x07], limit: 10) }
        // Stored block whose complement is wrong.
        #expect(throws: Inflate.Failure.storedLengthMismatch) { try Inflate.inflate([0x01, 0x05, 0x00, 0x00, 0x00], limit: 10) }
        // Stored block longer than the input.
        #expect(throws: Inflate.Failure.truncated) { try Inflate.inflate([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x61], limit: 10) }
        // A fixed block with no end-of-block code.
        var open = BitWriter()
        open.bits(1, 1)
        open.bits(1, 2)
        open.fixedSymbol(65)
        #expect(throws: Inflate.Failure.truncated) { try Inflate.inflate(open.bytes, limit: 10) }
        // Length symbol 286 and distance symbol 30 exist in the fixed code but mean nothing.
        var badLength = BitWriter()
        badLength.bits(1, 1)
        badLength.bits(1, 2)
        badLength.fixedSymbol(65)
        badLength.fixedSymbol(286)
        #expect(throws: Inflate.Failure.invalidSymbol) { try Inflate.inflate(badLength.bytes + [0, 0], limit: 10) }
        var badDistance = BitWriter()
        badDistance.bits(1, 1)
        badDistance.bits(1, 2)
        badDistance.fixedSymbol(65)
        badDistance.fixedSymbol(257)
        badDistance.code(30, 5)
        #expect(throws: Inflate.Failure.invalidSymbol) { try Inflate.inflate(badDistance.bytes + [0, 0], limit: 10) }
    }

    /// A dynamic block header with the given code-length-code lengths (in RFC order) and the
    /// literal/length and distance code lengths written with them.
    static func dynamicBlock(literalCount: Int, distanceCount: Int, codeLengthLengths: [Int], symbols: [(code: Int, length: Int)]) -> [UInt8] {
        var writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(2, 2)
        writer.bits(literalCount - 257, 5)
        writer.bits(distanceCount - 1, 5)
        writer.bits(codeLengthLengths.count - 4, 4)
        for length in codeLengthLengths { writer.bits(length, 3) }
        for symbol in symbols { writer.code(symbol.code, symbol.length) }
        return writer.bytes + [0, 0, 0, 0]
    }

    @Test func invalidHuffmanCodesAreRefused() {
        // Too many length codes: HLIT = 287 (5 bits of 30).
        var many = BitWriter()
        many.bits(1, 1)
        many.bits(2, 2)
        many.bits(30, 5)
        many.bits(0, 5)
        many.bits(0, 4)
        #expect(throws: Inflate.Failure.tooManyCodes) { try Inflate.inflate(many.bytes + [0, 0, 0], limit: 10) }
        // Code-length code over-subscribed: three codes of length 1.
        #expect(throws: Inflate.Failure.invalidCode(which: "code length")) {
            try Inflate.inflate(Self.dynamicBlock(literalCount: 257, distanceCount: 1, codeLengthLengths: [1, 1, 1, 0], symbols: []), limit: 10)
        }
        // Code-length code incomplete: one code of length 2.
        #expect(throws: Inflate.Failure.invalidCode(which: "code length")) {
            try Inflate.inflate(Self.dynamicBlock(literalCount: 257, distanceCount: 1, codeLengthLengths: [2, 0, 0, 0], symbols: []), limit: 10)
        }
        // Code lengths 16 ("repeat previous") first: nothing to repeat. Code-length code: symbols
        // 16 and 17 with one bit each (16 → 0, 17 → 1).
        #expect(throws: Inflate.Failure.invalidRepeat) {
            try Inflate.inflate(Self.dynamicBlock(literalCount: 257, distanceCount: 1, codeLengthLengths: [1, 1, 0, 0], symbols: [(0, 1)]), limit: 10)
        }
        // Repeats of zero (17: 3–10 times, 7 extra bits … here 17 only) past the 258 lengths:
        // 26 × 10 = 260 > 258.
        #expect(throws: Inflate.Failure.invalidRepeat) {
            var symbols: [(code: Int, length: Int)] = []
            for _ in 0..<26 { symbols += [(1, 1), (0b111, 3)] }
            // 17's 3 extra bits are written LSB first; as a 3-bit "code" 0b111 reads the same.
            return try Inflate.inflate(Self.dynamicBlock(literalCount: 257, distanceCount: 1, codeLengthLengths: [1, 1, 0, 0], symbols: symbols), limit: 10)
        }
        // All 258 lengths zero (17 × 25 of 10 and one 17 of 8): no end-of-block code.
        #expect(throws: Inflate.Failure.missingEndOfBlock) {
            var symbols: [(code: Int, length: Int)] = []
            for _ in 0..<25 { symbols += [(1, 1), (0b111, 3)] }
            symbols += [(1, 1), (0b101, 3)]   // 3 + 5 = 8 more
            return try Inflate.inflate(Self.dynamicBlock(literalCount: 257, distanceCount: 1, codeLengthLengths: [1, 1, 0, 0], symbols: symbols), limit: 10)
        }
    }

    @Test func theOutputLimitStopsABomb() throws {
        let vector = try #require(Self.vectors().first { $0.name == "long-matches" })
        let stream = [UInt8](try #require(Data(base64Encoded: vector.deflate)))
        #expect(throws: Inflate.Failure.outputTooLarge(limit: 99_999)) { try Inflate.inflate(stream, limit: 99_999) }
        #expect(try Inflate.inflate(stream, limit: 100_000).count == 100_000)
        let stored = [UInt8](try #require(Data(base64Encoded: Self.vectors().first { $0.name == "stored" }?.deflate ?? "")))
        #expect(throws: Inflate.Failure.outputTooLarge(limit: 999)) { try Inflate.inflate(stored, limit: 999) }
    }

    /// Every prefix of a valid stream, and seeded random flips of it, end in a result or a typed
    /// error, never a trap.
    @Test func cutAndFlippedStreamsNeverTrap() throws {
        let vector = try #require(Self.vectors().first { $0.name == "dynamic" })
        let stream = [UInt8](try #require(Data(base64Encoded: vector.deflate)))
        for length in stride(from: 0, to: stream.count, by: 7) {
            #expect(throws: Inflate.Failure.self) { try Inflate.inflate(Array(stream[..<length]), limit: 1 << 20) }
        }
        var random = SeededRandom(seed: 10)
        for _ in 0..<300 {
            var flipped = stream
            for _ in 0..<3 { flipped[random.below(flipped.count)] ^= UInt8(1 << random.below(8)) }
            _ = try? Inflate.inflate(flipped, limit: 1 << 20)
        }
    }
}
