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
        return try decoder.readAll(expectedSize: expectedSize)
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
        /// `tableBits` 0 builds no table (every code decodes the slow way): the decoder builds
        /// its own tables for the literal/length and distance codes (`Lookup`).
        init(lengths: ArraySlice<UInt8>, allowIncomplete allowSingleCode: Bool, name: String, tableBits: Int = Huffman.tableBits) throws(Failure) {
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
            bits = min(maxLength, tableBits)
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

    /// The code lengths of the fixed literal/length code (3.2.6).
    static let fixedLiteralLengths: [UInt8] = {
        var lengths = [UInt8](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return lengths
    }()

    /// 30 distance codes of 5 bits plus the two unused ones, so the code is complete.
    static let fixedDistanceLengths = [UInt8](repeating: 5, count: 32)

    static let fixedLiteral: Huffman? = try? Huffman(lengths: fixedLiteralLengths[...], allowIncomplete: false, name: "literal/length")

    static let fixedDistance: Huffman? = try? Huffman(lengths: fixedDistanceLengths[...], allowIncomplete: false, name: "distance")

    /// The lookup tables the decoder reads the literal/length and distance codes of a block
    /// from, one entry per pattern of the next `bits` input bits (least significant first). An
    /// entry says all the decoder needs without further tables:
    /// `value << 16 | kind | extra << 4 | codeLength`, where the kind is a literal (value: the
    /// byte), a length or distance (value: its base, `extra` bits to add), the end of the
    /// block, a symbol RFC 1951 does not define, or `slow`: a code longer than the table (or
    /// none), decoded bit by bit from the `Huffman`. The literal/length table takes 11 bits, so
    /// nearly every symbol is one lookup; like `Huffman`'s own table it is capped, since a
    /// hostile stream may start a new dynamic block every few bytes. Allocated once per decoder
    /// and refilled per block (not at all for a run of fixed blocks).
    final class Lookup {
        static let literalBits = 11
        static let distanceBits = 10
        static let kindMask: UInt32 = 0x300
        static let literal: UInt32 = 0
        static let match: UInt32 = 0x100
        static let end: UInt32 = 0x200
        /// Not in the table; a `slow` entry has code length 0.
        static let other: UInt32 = 0x300
        static let slow: UInt32 = other
        static let invalid: UInt32 = other | 0x400

        let literal: UnsafeMutablePointer<UInt32>
        let distance: UnsafeMutablePointer<UInt32>
        var literalMask: UInt64 = 0
        var distanceMask: UInt64 = 0
        /// The tables hold the fixed code (3.2.6), so a next fixed block needs no refill.
        var holdsFixed = false

        init() {
            literal = .allocate(capacity: 1 << Self.literalBits)
            literal.initialize(repeating: Self.slow, count: 1 << Self.literalBits)
            distance = .allocate(capacity: 1 << Self.distanceBits)
            distance.initialize(repeating: Self.slow, count: 1 << Self.distanceBits)
        }

        deinit {
            literal.deallocate()
            distance.deallocate()
        }

        /// The entry of literal/length symbol `symbol`, without its code length.
        static func literalEntry(_ symbol: Int) -> UInt32 {
            if symbol < 256 { return UInt32(symbol) << 16 | Self.literal }
            if symbol == 256 { return Self.end }
            guard symbol < 286 else { return Self.invalid }
            let index = symbol - 257
            return UInt32(Inflate.lengthBase[index]) << 16 | Self.match | UInt32(Inflate.lengthExtra[index]) << 4
        }

        /// The entry of distance symbol `symbol`, without its code length.
        static func distanceEntry(_ symbol: Int) -> UInt32 {
            guard symbol < 30 else { return Self.invalid }
            return UInt32(Inflate.distanceBase[symbol]) << 16 | Self.match | UInt32(Inflate.distanceExtra[symbol]) << 4
        }

        /// Fills the tables from a block's code lengths, which `Huffman` has already checked
        /// make a valid code (so every index below is inside the table).
        func fill(literalLengths: ArraySlice<UInt8>, distanceLengths: ArraySlice<UInt8>) {
            literalMask = Self.fill(literal, maxBits: Self.literalBits, lengths: literalLengths, entry: Self.literalEntry)
            distanceMask = Self.fill(distance, maxBits: Self.distanceBits, lengths: distanceLengths, entry: Self.distanceEntry)
        }

        /// Fills `table` for the canonical code of `lengths` (3.2.2) and returns the mask of
        /// the bits it is indexed by.
        static func fill(_ table: UnsafeMutablePointer<UInt32>, maxBits: Int, lengths: ArraySlice<UInt8>, entry: (Int) -> UInt32) -> UInt64 {
            var count = [Int](repeating: 0, count: 16)
            for length in lengths { count[Int(length)] += 1 }
            count[0] = 0
            let maxLength = (1...15).last { count[$0] > 0 } ?? 1
            let bits = min(maxLength, maxBits)
            let size = 1 << bits
            table.update(repeating: Self.slow, count: size)
            var next = [Int](repeating: 0, count: 16)
            var code = 0
            for length in 1...15 {
                code = (code + count[length - 1]) << 1
                next[length] = code
            }
            for (symbol, length8) in lengths.enumerated() where length8 != 0 && Int(length8) <= bits {
                let length = Int(length8)
                let canonical = next[length]
                next[length] += 1
                var reversed = 0
                for bit in 0..<length where canonical & (1 << (length - 1 - bit)) != 0 { reversed |= 1 << bit }
                let value = entry(symbol) | UInt32(length)
                var index = reversed
                while index < size {
                    table[index] = value
                    index += 1 << length
                }
            }
            return UInt64(size - 1)
        }
    }

    // MARK: - Decoder

    /// The decoder, resumable: `read(into:)` inflates only as much as is asked for, keeping the
    /// last 32 KiB (the farthest a match can reach back) in a window, so a part of any size is
    /// inflated in chunks of bounded memory while it is scanned.
    struct Decoder {
        let input: [UInt8]
        let inputEnd: Int
        let limit: Int
        var position: Int
        var bitBuffer: UInt64 = 0
        var bitCount = 0
        /// The window: recent output, [0, count); bytes before `delivered` were handed out, and
        /// `dropped` bytes were slid out before the window's start.
        let window: Window
        var count = 0
        var delivered = 0
        var dropped = 0
        var state: State = .header
        var finalBlock = false
        var storedRemaining = 0
        var literal: Huffman?
        var distance: Huffman?
        /// The current block's codes as lookup tables.
        let lookup = Lookup()

        enum State { case header, stored, codes, done }

        /// History a match may reach back to.
        static let history = 32_768
        /// New bytes inflated per refill of the window at most.
        static let chunk = 1 << 18

        /// Memory the window holds, freed with the decoder.
        final class Window {
            let pointer: UnsafeMutablePointer<UInt8>
            let capacity: Int
            init(capacity: Int) {
                self.capacity = capacity
                pointer = .allocate(capacity: capacity)
                pointer.initialize(repeating: 0, count: capacity)
            }
            deinit { pointer.deallocate() }
        }

        init(input: [UInt8], limit: Int) {
            self.init(input: input, range: 0..<input.count, limit: limit)
        }

        /// Decodes the bytes `range` of `input` (a zip entry's data inside the archive), without copying them.
        init(input: [UInt8], range: Range<Int>, limit: Int) {
            self.input = input
            position = range.lowerBound
            inputEnd = range.upperBound
            self.limit = limit
            window = Window(capacity: Self.history + Self.chunk + 512)
        }

        /// Bytes inflated so far.
        var produced: Int { dropped + count }

        /// Everything left, as one array.
        mutating func readAll(expectedSize: Int? = nil) throws(Failure) -> [UInt8] {
            var output: [UInt8] = []
            if let expectedSize, expectedSize > 0 { output.reserveCapacity(min(expectedSize, max(0, limit))) }
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
            defer { chunk.deallocate() }
            while true {
                let count = try read(into: chunk)
                if count == 0 { return output }
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<count]))
            }
        }

        /// Copies the next inflated bytes into `destination` and returns how many; 0 at the end
        /// of the final block.
        mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
            guard destination.count > 0 else { return 0 }
            if delivered == count {
                if state == .done { return 0 }
                if count > Self.history {
                    let keep = Self.history
                    window.pointer.update(from: window.pointer + (count - keep), count: keep)
                    dropped += count - keep
                    count = keep
                    delivered = keep
                }
                try produce(upTo: min(count + destination.count, Self.history + Self.chunk))
            }
            let available = min(destination.count, count - delivered)
            if available > 0, let base = destination.baseAddress {
                base.copyMemory(from: window.pointer + delivered, byteCount: available)
            }
            delivered += available
            return available
        }

        mutating func refill() {
            while bitCount <= 56 && position < inputEnd {
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
            return try decodeSlowly(code)
        }

        /// A code longer than the table, or no code at all: bit by bit, canonically, from the
        /// counts per length (the table is not read).
        mutating func decodeSlowly(_ code: Huffman) throws(Failure) -> Int {
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

        /// Inflates until the window holds `target` bytes (a match may go up to 258 past it)
        /// or the stream ends.
        mutating func produce(upTo target: Int) throws(Failure) {
            while count < target {
                switch state {
                case .done:
                    return
                case .header:
                    if finalBlock {
                        state = .done
                        return
                    }
                    finalBlock = try bits(1) == 1
                    switch try bits(2) {
                    case 0:
                        try storedHeader()
                        state = .stored
                    case 1:
                        guard let literal = Inflate.fixedLiteral, let distance = Inflate.fixedDistance else { throw .invalidCode(which: "fixed") }
                        self.literal = literal
                        self.distance = distance
                        if !lookup.holdsFixed {
                            lookup.fill(literalLengths: Inflate.fixedLiteralLengths[...], distanceLengths: Inflate.fixedDistanceLengths[...])
                            lookup.holdsFixed = true
                        }
                        state = .codes
                    case 2:
                        let (literal, distance) = try dynamicCodes()
                        self.literal = literal
                        self.distance = distance
                        state = .codes
                    default: throw .invalidBlockType
                    }
                case .stored:
                    try stored(upTo: target)
                case .codes:
                    try codes(upTo: target)
                }
            }
        }

        mutating func storedHeader() throws(Failure) {
            // Skip to a byte boundary; whole bytes still in the buffer are the header's start.
            let drop = bitCount % 8
            bitBuffer >>= UInt64(drop)
            bitCount -= drop
            let length = try bits(16)
            let complement = try bits(16)
            guard length == ~complement & 0xFFFF else { throw .storedLengthMismatch }
            guard produced <= limit - length else { throw .outputTooLarge(limit: limit) }
            storedRemaining = length
        }

        mutating func stored(upTo target: Int) throws(Failure) {
            let out = window.pointer
            while storedRemaining > 0 && bitCount >= 8 && count < target {
                out[count] = UInt8(truncatingIfNeeded: bitBuffer)
                count += 1
                bitBuffer >>= 8
                bitCount -= 8
                storedRemaining -= 1
            }
            let take = min(storedRemaining, target - count)
            if take > 0 {
                guard take <= inputEnd - position else { throw .truncated }
                // The buffer is empty here (whole bytes, all taken), but may still hold the
                // input bytes after `position` that a word-wide refill read ahead. Those are
                // skipped now, so they must go: the next refill would mix them into the bits
                // after this block.
                bitBuffer = 0
                input.withUnsafeBufferPointer { bytes in
                    if let base = bytes.baseAddress { (out + count).update(from: base + position, count: take) }
                }
                position += take
                count += take
                storedRemaining -= take
            }
            if storedRemaining == 0 { state = .header }
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
            // No tables of their own: the codes are decoded from `lookup`, and only codes
            // longer than its tables the slow way from these.
            let literal = try Huffman(lengths: lengths[0..<literalCount], allowIncomplete: true, name: "literal/length", tableBits: 0)
            let distance = try Huffman(lengths: lengths[literalCount...], allowIncomplete: true, name: "distance", tableBits: 0)
            lookup.fill(literalLengths: lengths[0..<literalCount], distanceLengths: lengths[literalCount...])
            lookup.holdsFixed = false
            return (literal, distance)
        }

        /// Why the fast loop stopped.
        enum FastStop {
            /// Near the end of the input, the output limit or the target, or at a code longer
            /// than the tables: the next symbol takes the careful way.
            case careful
            case endOfBlock
            case invalidSymbol
            case distanceTooFar(Int)
        }

        /// Literals and matches of the current block until the window holds `target` bytes or
        /// the block ends. Most symbols go through `fastCodes`, which checks nothing per symbol
        /// that it has checked once per step; the rest (codes longer than the tables, the last
        /// bytes of the input, the last 258 bytes before the limit) through `carefulSymbol`,
        /// which checks everything.
        mutating func codes(upTo target: Int) throws(Failure) {
            guard let literal, let distance else { throw .invalidCode(which: "literal/length") }
            while count < target {
                // Below `fastEnd` a match of the longest length, 258, stays within the limit.
                let fastEnd = min(target, limit - dropped - 258)
                if count < fastEnd && inputEnd - position >= 8 {
                    switch fastCodes(until: fastEnd) {
                    case .careful: break
                    case .endOfBlock:
                        state = .header
                        return
                    case .invalidSymbol: throw .invalidSymbol
                    case .distanceTooFar(let back): throw .distanceTooFar(distance: back, available: produced)
                    }
                    if count >= target { return }
                }
                if try carefulSymbol(literal, distance) {
                    state = .header
                    return
                }
            }
        }

        /// Decodes symbols while the window holds fewer than `end` bytes and at least 8 input
        /// bytes are left. Each step reads 8 input bytes at once into the bit buffer, which then
        /// holds at least 56 bits: enough for a literal/length code (≤ 15 bits), its extra bits
        /// (≤ 5), a distance code (≤ 15) and its extra bits (≤ 13), so no symbol can run out
        /// of bits. With `end` at least 258 below the limit no match can pass it; the window
        /// has room for the longest match (plus the copy's overshoot) past the target.
        ///
        /// The table entry of the next symbol is looked up as soon as the current one's bits are
        /// taken, before its bytes are written, so the lookup overlaps the copy. That is sound
        /// because a refill leaves all 64 bits of the buffer holding input (beyond the `bits`
        /// counted), a step takes at most 48 of them, and a refill only adds bits above those
        /// counted: the 11 bits looked up are the input's next ones. Only counted bits are ever
        /// taken.
        mutating func fastCodes(until end: Int) -> FastStop {
            let literalTable = lookup.literal, distanceTable = lookup.distance
            let literalMask = lookup.literalMask, distanceMask = lookup.distanceMask
            let out = window.pointer
            let lastRefill = inputEnd - 8
            return input.withUnsafeBytes { raw -> FastStop in
                guard let base = raw.baseAddress, position <= lastRefill else { return .careful }
                var buffer = bitBuffer, bits = bitCount, position = position, count = count
                defer {
                    bitBuffer = buffer
                    bitCount = bits
                    self.position = position
                    self.count = count
                }
                // Before the first step the buffer may hold fewer than 11 bits: refill first.
                buffer |= UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &<< UInt64(bits)
                var entry = literalTable[Int(truncatingIfNeeded: buffer & literalMask)]
                while count < end && position <= lastRefill {
                    // Refill: the bytes beyond the whole ones taken are read again next time.
                    buffer |= UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &<< UInt64(bits)
                    position &+= (63 &- bits) &>> 3
                    bits |= 56
                    if entry & Lookup.kindMask == Lookup.literal {
                        // A literal (≤ 15 bits): 41 bits are left, enough for a second literal
                        // but not for a match, which waits for the next refill.
                        let length = entry & 15
                        buffer &>>= UInt64(length)
                        bits &-= Int(length)
                        out[count] = UInt8(truncatingIfNeeded: entry >> 16)
                        count &+= 1
                        entry = literalTable[Int(truncatingIfNeeded: buffer & literalMask)]
                        if entry & Lookup.kindMask == Lookup.literal {
                            let length = entry & 15
                            buffer &>>= UInt64(length)
                            bits &-= Int(length)
                            out[count] = UInt8(truncatingIfNeeded: entry >> 16)
                            count &+= 1
                            entry = literalTable[Int(truncatingIfNeeded: buffer & literalMask)]
                        }
                        continue
                    }
                    if entry & Lookup.kindMask == Lookup.match {
                        let codeLength = UInt64(entry & 15), extra = UInt64(entry >> 4 & 15)
                        let matchLength = Int(entry >> 16) &+ Int(truncatingIfNeeded: (buffer &>> codeLength) & ((1 &<< extra) &- 1))
                        let used = codeLength &+ extra
                        let distanceEntry = distanceTable[Int(truncatingIfNeeded: (buffer &>> used) & distanceMask)]
                        if distanceEntry & Lookup.kindMask != Lookup.match {
                            // A distance code longer than the table: nothing is taken yet,
                            // the careful way decodes the whole symbol.
                            if distanceEntry & 15 == 0 { return .careful }
                            return .invalidSymbol
                        }
                        let distanceLength = UInt64(distanceEntry & 15), distanceExtra = UInt64(distanceEntry >> 4 & 15)
                        let back = Int(distanceEntry >> 16) &+ Int(truncatingIfNeeded: (buffer &>> (used &+ distanceLength)) & ((1 &<< distanceExtra) &- 1))
                        let taken = used &+ distanceLength &+ distanceExtra
                        buffer &>>= taken
                        bits &-= Int(taken)
                        guard back <= count else { return .distanceTooFar(back) }
                        entry = literalTable[Int(truncatingIfNeeded: buffer & literalMask)]
                        Decoder.copyMatch(to: out + count, back: back, length: matchLength)
                        count &+= matchLength
                        continue
                    }
                    let length = entry & 15
                    if length == 0 { return .careful }
                    if entry & Lookup.kindMask == Lookup.end {
                        buffer &>>= UInt64(length)
                        bits &-= Int(length)
                        return .endOfBlock
                    }
                    return .invalidSymbol
                }
                return .careful
            }
        }

        /// One literal/length symbol, and its match, with every check: for codes longer than
        /// the tables and near the end of the input or of the limit. True at the end of the block.
        mutating func carefulSymbol(_ literal: Huffman, _ distance: Huffman) throws(Failure) -> Bool {
            let entry = try lookUp(lookup.literal, lookup.literalMask, literal, Lookup.literalEntry)
            switch entry & Lookup.kindMask {
            case Lookup.literal:
                guard produced < limit else { throw .outputTooLarge(limit: limit) }
                window.pointer[count] = UInt8(truncatingIfNeeded: entry >> 16)
                count += 1
                return false
            case Lookup.end: return true
            case Lookup.match: break
            default: throw .invalidSymbol
            }
            let extra = Int(entry >> 4 & 15)
            let matchLength = Int(entry >> 16) + (extra == 0 ? 0 : try bits(extra))
            let distanceEntry = try lookUp(lookup.distance, lookup.distanceMask, distance, Lookup.distanceEntry)
            guard distanceEntry & Lookup.kindMask == Lookup.match else { throw .invalidSymbol }
            let distanceExtra = Int(distanceEntry >> 4 & 15)
            let back = Int(distanceEntry >> 16) + (distanceExtra == 0 ? 0 : try bits(distanceExtra))
            guard back <= count else { throw .distanceTooFar(distance: back, available: produced) }
            guard produced <= limit - matchLength else { throw .outputTooLarge(limit: limit) }
            Decoder.copyMatch(to: window.pointer + count, back: back, length: matchLength)
            count += matchLength
            return false
        }

        /// The table entry of the next code, taken from the input: from `table`, or for a code
        /// longer than the table bit by bit from `code`.
        mutating func lookUp(_ table: UnsafeMutablePointer<UInt32>, _ mask: UInt64, _ code: Huffman, _ entryOf: (Int) -> UInt32) throws(Failure) -> UInt32 {
            if bitCount < 15 { refill() }
            let entry = table[Int(bitBuffer & mask)]
            let length = Int(entry & 15)
            guard length != 0 else { return entryOf(try decodeSlowly(code)) }
            // Past the end of input the missing bits read as zeros; say truncated then.
            guard length <= bitCount else { throw .truncated }
            bitBuffer >>= UInt64(length)
            bitCount -= length
            return entry
        }

        /// Copies `length` bytes from `back` bytes before `to` forward, so a source that overlaps
        /// what is being written (a run) repeats. Whole words are copied, so up to 31 bytes past
        /// the match are written too: the window has room for them, and they are overwritten
        /// by what follows.
        @inline(__always)
        static func copyMatch(to start: UnsafeMutablePointer<UInt8>, back: Int, length: Int) {
            var to = UnsafeMutableRawPointer(start)
            let end = to + length
            if back >= 16 {
                // Most matches are at most 32 bytes: two steps without a test between them.
                var from = UnsafeRawPointer(to - back)
                while true {
                    to.storeBytes(of: from.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
                    to.storeBytes(of: from.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self), toByteOffset: 16, as: SIMD16<UInt8>.self)
                    to += 32
                    from += 32
                    if to >= end { break }
                }
            } else if back >= 8 {
                var from = UnsafeRawPointer(to - back)
                repeat {
                    to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
                    to += 8
                    from += 8
                } while to < end
            } else if back == 1 {
                start.update(repeating: start[-1], count: length)
            } else {
                // A period of 2–7 bytes: the first bytes one at a time, until the copy reads
                // from a whole number of periods of at least 8 bytes back; then words.
                let period = back * ((8 + back - 1) / back)
                var p = start
                let bytewise = min(length, period - back)
                for _ in 0..<bytewise {
                    p.pointee = p[-back]
                    p += 1
                }
                to = UnsafeMutableRawPointer(p)
                while to < end {
                    to.storeBytes(of: UnsafeRawPointer(to - period).loadUnaligned(as: UInt64.self), as: UInt64.self)
                    to += 8
                }
            }
        }
    }
}
