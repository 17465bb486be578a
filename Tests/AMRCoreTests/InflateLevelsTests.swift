import Foundation
import Testing
@testable import AMRCore

/// The DEFLATE decoder against Python's zlib at every level 0–9 and every strategy
/// (Workbooks/inflate-levels.json, from make-inflate-levels.py), on worksheet-like rows, runs of
/// short patterns and noise, some joined so that stored blocks follow compressed ones. The data
/// is rebuilt here from the same generators, byte for byte; outputs of 300 kB cross the
/// decoder's 256 KiB window refills. Read whole, in pieces of odd sizes, against the exact
/// limit, cut short and flipped.
@Suite struct InflateLevelsTests {
    struct Part: Decodable {
        var data: String
        var seed: UInt32
        var count: Int
        var level: Int
        var strategy: String?
    }

    struct Case: Decodable {
        var name: String
        var parts: [Part]
        var deflate: String
    }

    static func cases() -> [Case] {
        let url = TestSupport.root.appendingPathComponent("Tests/AMRCoreTests/Workbooks/inflate-levels.json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }

    /// The generator of make-inflate-levels.py: x = (x × 1103515245 + 12345) mod 2³¹, byte = bits 16–23.
    struct Generator {
        var x: UInt64
        init(seed: UInt32) { x = UInt64(seed) }
        mutating func next() -> Int {
            x = (x &* 1_103_515_245 &+ 12345) % (1 << 31)
            return Int((x >> 16) & 0xFF)
        }
    }

    static func rows(seed: UInt32, count: Int) -> [UInt8] {
        var generator = Generator(seed: seed)
        var out: [UInt8] = []
        var row = 0
        while out.count < count {
            row += 1
            let value = 45000 + generator.next()
            let shared = generator.next() % 30
            out += Array("<row r=\"\(row)\"><c r=\"A\(row)\" s=\"1\"><v>\(value)</v></c><c r=\"B\(row)\" t=\"s\"><v>\(shared)</v></c></row>".utf8)
        }
        return Array(out.prefix(count))
    }

    static func periodic(seed: UInt32, count: Int) -> [UInt8] {
        var generator = Generator(seed: seed)
        var out: [UInt8] = []
        while out.count < count {
            let period = 1 + generator.next() % 8
            let pattern = (0..<period).map { _ in UInt8(generator.next()) }
            let times = 1 + generator.next() % 40
            for _ in 0..<times { out += pattern }
        }
        return Array(out.prefix(count))
    }

    static func noise(seed: UInt32, count: Int) -> [UInt8] {
        var generator = Generator(seed: seed)
        return (0..<count).map { _ in UInt8(generator.next()) }
    }

    static func plain(_ testCase: Case) -> [UInt8] {
        testCase.parts.flatMap { part -> [UInt8] in
            switch part.data {
            case "rows": rows(seed: part.seed, count: part.count)
            case "periodic": periodic(seed: part.seed, count: part.count)
            default: noise(seed: part.seed, count: part.count)
            }
        }
    }

    static func stream(_ testCase: Case) -> [UInt8]? {
        Data(base64Encoded: testCase.deflate).map { [UInt8]($0) }
    }

    @Test func theCasesCoverEveryLevelStrategyAndBlockType() throws {
        let cases = Self.cases()
        #expect(cases.count == 20)
        let parts = cases.flatMap(\.parts)
        #expect(Set(parts.map(\.level)) == Set(0...9))
        #expect(Set(parts.compactMap(\.strategy)) == ["filtered", "huffman", "rle", "fixed"])
        #expect(Set(parts.map(\.data)) == ["rows", "periodic", "noise"])
        // The first block's type is in bits 1–2 of the first byte.
        let types = Set(cases.compactMap { Self.stream($0)?.first.map { ($0 >> 1) & 3 } })
        #expect(types == [0, 1, 2])
        #expect(cases.contains { Self.plain($0).count > 1 << 18 })
    }

    @Test(arguments: cases().map(\.name))
    func inflatesToItsData(_ name: String) throws {
        let testCase = try #require(Self.cases().first { $0.name == name })
        let stream = try #require(Self.stream(testCase))
        let expected = Self.plain(testCase)
        #expect(expected.count == testCase.parts.map(\.count).reduce(0, +))
        let output = try Inflate.inflate(stream, limit: 1 << 24)
        #expect(output.count == expected.count)
        #expect(output == expected)
        // At exactly the limit it still inflates; one byte less is too large.
        #expect(try Inflate.inflate(stream, limit: expected.count) == expected)
        #expect(throws: Inflate.Failure.outputTooLarge(limit: expected.count - 1)) { try Inflate.inflate(stream, limit: expected.count - 1) }
    }

    /// Read through `Decoder.read(into:)` in pieces of 1, 7, 4,096 and 65,539 bytes, the bytes
    /// and their CRC-32 are the same as read whole.
    @Test(arguments: [1, 7, 4096, 65_539])
    func readsInPiecesOfAnySize(_ piece: Int) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: piece, alignment: 1)
        defer { buffer.deallocate() }
        for testCase in Self.cases() where piece > 1 || testCase.parts.map(\.count).reduce(0, +) <= 100_000 {
            let stream = try #require(Self.stream(testCase))
            let expected = Self.plain(testCase)
            var decoder = Inflate.Decoder(input: [0xAA, 0x55] + stream + [0x55, 0xAA], range: 2..<(stream.count + 2), limit: expected.count)
            var output: [UInt8] = []
            var crc = CRC32()
            while true {
                let count = try decoder.read(into: buffer)
                if count == 0 { break }
                #expect(count <= piece)
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                crc.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
            #expect(output == expected, "\(testCase.name) in pieces of \(piece)")
            #expect(crc.value == CRC32Tests.reference(expected), "\(testCase.name) in pieces of \(piece)")
        }
    }

    /// Every stream cut short anywhere is truncated: a decoder that read past the end of its
    /// input, or took missing bits for zeros, would say something else or nothing.
    @Test func cutStreamsAreTruncated() throws {
        for testCase in Self.cases() {
            let stream = try #require(Self.stream(testCase))
            let step = max(1, stream.count / 61)
            for length in Array(stride(from: 0, to: stream.count, by: step)) + [stream.count - 1] {
                // The bytes after the cut are still in the array (as in a zip archive), only outside the range.
                var decoder = Inflate.Decoder(input: stream, range: 0..<length, limit: 1 << 24)
                #expect(throws: Inflate.Failure.truncated, "\(testCase.name) cut at \(length)") { try decoder.readAll() }
            }
        }
    }

    /// Flipped bits end in a result or a typed error, never a trap.
    @Test func flippedStreamsNeverTrap() throws {
        var random = SeededRandom(seed: 22)
        for testCase in Self.cases() {
            let stream = try #require(Self.stream(testCase))
            for _ in 0..<20 {
                var flipped = stream
                for _ in 0..<1 + random.below(3) { flipped[random.below(flipped.count)] ^= UInt8(1 << random.below(8)) }
                _ = try? Inflate.inflate(flipped, limit: 1 << 22)
            }
        }
    }
}
