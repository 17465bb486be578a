/// A strict decoder of raw DEFLATE data (RFC 1951): stored, fixed-Huffman and dynamic-Huffman
/// blocks. Foundation on Linux exposes no inflate and the package takes no dependencies, so
/// workbooks (zip archives of deflated XML) are read with this one.
///
/// Strict means every malformed stream ends in a typed `Inflate.Failure`, never a trap: an
/// invalid block type, a stored block whose length check fails, too many length or distance
/// codes, an over-subscribed or incomplete Huffman code (only the single one-bit code that RFC
/// 1951 allows for a lone distance is accepted incomplete, as zlib does), a repeat with nothing
/// to repeat or past the end, a literal/length code without end-of-block, symbols 286–287 and
/// distances 30–31, a distance further back than the output so far, and input that ends before
/// the final block. The output is capped at `limit` bytes while inflating, so a zip bomb stops
/// at the limit instead of filling memory.
public enum Inflate {
    /// Why a DEFLATE stream could not be decoded; `description` says it in words for a message.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The input ended before the final block did.
        case truncated
        /// Block type 3, which RFC 1951 reserves.
        case invalidBlockType
        /// A stored block's length and its one's complement disagree.
        case storedLengthMismatch
        /// A dynamic block declares more than 286 length or 30 distance codes.
        case tooManyCodes
        /// A set of code lengths makes no valid prefix code (over-subscribed or incomplete);
        /// `which` names the code: `code length`, `literal/length` or `distance`.
        case invalidCode(which: String)
        /// A code-length repeat with no previous length, or one that runs past the codes.
        case invalidRepeat
        /// The literal/length code has no end-of-block symbol.
        case missingEndOfBlock
        /// A symbol that RFC 1951 does not define (length 286–287, distance 30–31) or a bit
        /// pattern outside an incomplete code.
        case invalidSymbol
        /// A back-reference further back than the data inflated so far.
        case distanceTooFar(distance: Int, available: Int)
        /// The output would exceed `limit` bytes.
        case outputTooLarge(limit: Int)

        public var description: String {
            switch self {
            case .truncated: "the compressed data ends too early"
            case .invalidBlockType: "the compressed data has an invalid block type"
            case .storedLengthMismatch: "a stored block's length check fails"
            case .tooManyCodes: "a compressed block declares too many codes"
            case .invalidCode(let which): "a compressed block has an invalid \(which) code"
            case .invalidRepeat: "a compressed block repeats a code length wrongly"
            case .missingEndOfBlock: "a compressed block has no end-of-block code"
            case .invalidSymbol: "the compressed data holds an invalid code"
            case .distanceTooFar(let distance, let available): "the compressed data refers \(distance) bytes back where only \(available) exist"
            case .outputTooLarge(let limit): "it inflates to more than \(limit) bytes"
            }
        }
    }

    /// The inflated bytes of the raw DEFLATE stream `input`, at most `limit` bytes.
    /// `expectedSize` (when known, e.g. from a zip header) only reserves memory up to the limit.
    public static func inflate(_ input: [UInt8], limit: Int, expectedSize: Int? = nil) throws(Failure) -> [UInt8] {
        var decoder = Decoder(input: input, limit: max(0, limit))
        if let expectedSize, expectedSize > 0 { decoder.output.reserveCapacity(min(expectedSize, max(0, limit))) }
        try decoder.run()
        return decoder.output
    }

    // MARK: - Tables of RFC 1951, 3.2.5

    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order in which a dynamic block lists the code-length code's lengths (3.2.7).
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// A canonical Huffman code: a lookup table indexed by the next `bits` (at most
    /// `tableBits`) input bits, least significant first as DEFLATE packs them, for the codes
    /// that fit; longer codes are decoded bit by bit from the counts per length and the symbols
    /// in canonical order (as zlib's puff does). Each table entry is `symbol << 4 | length`; 0
    /// sends decoding the slow way. The table is capped because a hostile stream can start a new
    /// dynamic block every few bytes, and a full 2¹⁵-entry table per block would cost far more
    /// than the block's bytes.
    struct Huffman {
        static let tableBits = 10
        var table: [UInt16]
        var bits: Int
        /// Codes per length (index 1...15) and the symbols in canonical order.
        var counts: [Int]
        var symbols: [UInt16]

        /// Builds the code for `lengths` (0 = symbol unused). Over-subscribed lengths always
        /// fail; incomplete ones fail unless `allowSingleCode` and exactly one code of length 1
        /// exists (or none at all, for a distance code that is never used).
        init(lengths: ArraySlice<UInt8>, allowIncomplete allowSingleCode: Bool, name: String) throws(Failure) {
            var count = [Int](repeating: 0, count: 16)
            for length in lengths { count[Int(length)] += 1 }
            count[0] = 0
            var left = 1
            for length in 1...15 {
                left <<= 1
                left -= count[length]
                if left < 0 { throw .invalidCode(which: name) }
            }
            let used = count.reduce(0, +)
            if left > 0 {
                // RFC 1951 3.2.7: one distance code of one bit is allowed; zlib accepts the
                // same for the literal/length code. No codes at all is a code that is never used.
                guard allowSingleCode, used <= 1, count[1] == used else { throw .invalidCode(which: name) }
            }
            let maxLength = (1...15).last { count[$0] > 0 } ?? 1
            bits = min(maxLength, Self.tableBits)
            table = [UInt16](repeating: 0, count: 1 << bits)
            counts = count
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + count[length] }
            symbols = [UInt16](repeating: 0, count: used)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[Int(length)]] = UInt16(symbol)
                offsets[Int(length)] += 1
            }
            // First canonical code of each length (3.2.2).
            var next = [Int](repeating: 0, count: 16)
            var code = 0
            for length in 1...15 {
                code = (code + count[length - 1]) << 1
                next[length] = code
            }
            for (offset, length8) in lengths.enumerated() where length8 != 0 && Int(length8) <= bits {
                let length = Int(length8)
                let canonical = next[length]
                next[length] += 1
                var reversed = 0
                for bit in 0..<length where canonical & (1 << (length - 1 - bit)) != 0 { reversed |= 1 << bit }
                let entry = UInt16(offset << 4 | length)
                var index = reversed
                while index < table.count {
                    table[index] = entry
                    index += 1 << length
                }
            }
        }
    }

    static let fixedLiteral: Huffman? = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return try? Huffman(lengths: lengths[...], allowIncomplete: false, name: "literal/length")
    }()

    static let fixedDistance: Huffman? = {
        // 30 distance codes of 5 bits plus the two unused ones, so the code is complete.
        try? Huffman(lengths: [UInt8](repeating: 5, count: 32)[...], allowIncomplete: false, name: "distance")
    }()

    // MARK: - Decoder

    struct Decoder {
        let input: [UInt8]
        let limit: Int
        var position = 0
        var bitBuffer: UInt64 = 0
        var bitCount = 0
        var output: [UInt8] = []

        init(input: [UInt8], limit: Int) {
            self.input = input
            self.limit = limit
        }

        mutating func refill() {
            while bitCount <= 56 && position < input.count {
                bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }

        mutating func bits(_ n: Int) throws(Failure) -> Int {
            if bitCount < n { refill() }
            guard bitCount >= n else { throw .truncated }
            let value = Int(bitBuffer & ((1 << UInt64(n)) - 1))
            bitBuffer >>= UInt64(n)
            bitCount -= n
            return value
        }

        mutating func decode(_ code: Huffman) throws(Failure) -> Int {
            if bitCount < 15 { refill() }
            let entry = Int(code.table[Int(bitBuffer & ((1 << UInt64(code.bits)) - 1))])
            let length = entry & 15
            if length != 0 {
                // Past the end of input the missing bits read as zeros; say truncated then.
                guard length <= bitCount else { throw .truncated }
                bitBuffer >>= UInt64(length)
                bitCount -= length
                return entry >> 4
            }
            // A code longer than the table, or no code at all: bit by bit, canonically.
            var value = 0, first = 0, index = 0
            for length in 1...15 {
                guard bitCount > 0 else { throw .truncated }
                value |= Int(bitBuffer & 1)
                bitBuffer >>= 1
                bitCount -= 1
                let count = code.counts[length]
                if value - first < count { return Int(code.symbols[index + value - first]) }
                index += count
                first = (first + count) << 1
                value <<= 1
            }
            throw .invalidSymbol
        }

        mutating func run() throws(Failure) {
            var final = false
            while !final {
                final = try bits(1) == 1
                switch try bits(2) {
                case 0: try stored()
                case 1:
                    guard let literal = Inflate.fixedLiteral, let distance = Inflate.fixedDistance else { throw .invalidCode(which: "fixed") }
                    try codes(literal, distance)
                case 2:
                    let (literal, distance) = try dynamicCodes()
                    try codes(literal, distance)
                default: throw .invalidBlockType
                }
            }
        }

        mutating func stored() throws(Failure) {
            // Skip to a byte boundary; whole bytes still in the buffer are the header's start.
            let drop = bitCount % 8
            bitBuffer >>= UInt64(drop)
            bitCount -= drop
            let length = try bits(16)
            let complement = try bits(16)
            guard length == ~complement & 0xFFFF else { throw .storedLengthMismatch }
            guard output.count <= limit - length else { throw .outputTooLarge(limit: limit) }
            var remaining = length
            while remaining > 0 && bitCount >= 8 {
                output.append(UInt8(truncatingIfNeeded: bitBuffer))
                bitBuffer >>= 8
                bitCount -= 8
                remaining -= 1
            }
            guard remaining <= input.count - position else { throw .truncated }
            output.append(contentsOf: input[position..<(position + remaining)])
            position += remaining
        }

        mutating func dynamicCodes() throws(Failure) -> (Huffman, Huffman) {
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeLengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else { throw .tooManyCodes }
            var codeLengths = [UInt8](repeating: 0, count: 19)
            for index in 0..<codeLengthCount { codeLengths[Inflate.codeLengthOrder[index]] = UInt8(try bits(3)) }
            let lengthCode = try Huffman(lengths: codeLengths[...], allowIncomplete: false, name: "code length")

            let total = literalCount + distanceCount
            var lengths = [UInt8](repeating: 0, count: total)
            var index = 0
            while index < total {
                let symbol = try decode(lengthCode)
                if symbol < 16 {
                    lengths[index] = UInt8(symbol)
                    index += 1
                    continue
                }
                var value: UInt8 = 0
                let repeats: Int
                switch symbol {
                case 16:
                    guard index > 0 else { throw .invalidRepeat }
                    value = lengths[index - 1]
                    repeats = 3 + (try bits(2))
                case 17: repeats = 3 + (try bits(3))
                default: repeats = 11 + (try bits(7))
                }
                guard index + repeats <= total else { throw .invalidRepeat }
                for _ in 0..<repeats {
                    lengths[index] = value
                    index += 1
                }
            }
            guard lengths[256] != 0 else { throw .missingEndOfBlock }
            let literal = try Huffman(lengths: lengths[0..<literalCount], allowIncomplete: true, name: "literal/length")
            let distance = try Huffman(lengths: lengths[literalCount...], allowIncomplete: true, name: "distance")
            return (literal, distance)
        }

        mutating func codes(_ literal: Huffman, _ distance: Huffman) throws(Failure) {
            while true {
                let symbol = try decode(literal)
                if symbol < 256 {
                    guard output.count < limit else { throw .outputTooLarge(limit: limit) }
                    output.append(UInt8(symbol))
                    continue
                }
                if symbol == 256 { return }
                let lengthIndex = symbol - 257
                guard lengthIndex < 29 else { throw .invalidSymbol }
                let length = Inflate.lengthBase[lengthIndex] + (try bits(Inflate.lengthExtra[lengthIndex]))
                let distanceSymbol = try decode(distance)
                guard distanceSymbol < 30 else { throw .invalidSymbol }
                let back = Inflate.distanceBase[distanceSymbol] + (try bits(Inflate.distanceExtra[distanceSymbol]))
                guard back <= output.count else { throw .distanceTooFar(distance: back, available: output.count) }
                guard output.count <= limit - length else { throw .outputTooLarge(limit: limit) }
                // Byte by byte: the source may overlap what is being written (a run), and a
                // slice of `output` appended to itself would copy the whole buffer each time.
                let start = output.count - back
                for offset in 0..<length { output.append(output[start + offset]) }
            }
        }
    }
}
