import Dispatch
import Foundation

/// Where a placement export's bytes come from.
enum PlacementSource {
    /// A regular file: its size is known and any range can be read with `pread(2)`.
    case file(descriptor: Int32, size: Int)
    /// Bytes in memory (read in place, never copied).
    case memory(UnsafeBufferPointer<UInt8>)
    /// Standard input or a pipe: read once, front to back, on one thread.
    case stream(descriptor: Int32)
}

/// Counts an export as byte ranges, one thread each, and merges them into exactly what one
/// thread reading the whole export gives.
///
/// Why that is safe with quoted fields: a range starts just after a line feed, and its scanner
/// takes that for the start of a record, which is wrong when the line feed is inside a quoted
/// field. The first range does start at a record (right after the header). A range whose last
/// record ends exactly at the range's end (it is *clean*) proves that the next range starts at
/// a record too. So the ranges are merged in file order while they are clean; from the first one
/// that is not (its last record runs on past its end, or it failed) the rest of the export is
/// read on from that range's start by the merged scanner, as one thread would read it. Errors
/// are therefore always found by that sequential reading, with their true line numbers, and no
/// count ever comes from a range that started inside a record.
struct PlacementRanges {
    let counter: PlacementCounter
    let file: String
    let source: PlacementSource

    func count() throws(LoadError) -> PlacementCounts {
        guard counter.groupBy.count <= ScanStorage.dimensionCapacity else {
            throw .unusable(SourceLocation(file: file, line: 1, column: 1),
                            "cannot group by \(counter.groupBy.count) keys; group by at most \(ScanStorage.dimensionCapacity)")
        }
        let size: Int
        switch source {
        case .stream(let descriptor): return try countStream(descriptor)
        case .file(_, let fileSize): size = fileSize
        case .memory(let buffer): size = buffer.count
        }
        let start = try bodyOffset(prefix(3))
        guard counter.threads > 1 else { return try countInOne(from: start, size: size) }
        var merged = PlacementScanner(counter: counter, file: file)
        merged.stopAfterHeader = true
        let bodyStart = try scan(&merged, from: start, to: size, final: true)
        merged.stopAfterHeader = false
        try merged.finish()   // no header: the file is empty
        let starts = rangeStarts(from: bodyStart, size: size, lineLimit: merged.lineLimit)
        if starts.count > 1 {
            let work = RangeWork(ranges: self, starts: starts, size: size, merged: merged)
            DispatchQueue.concurrentPerform(iterations: min(counter.threads, starts.count)) { _ in work.work() }
            merged = work.merged
            if let failed = work.failed {
                _ = try scan(&merged, from: starts[failed], to: size, final: true)
            }
        } else {
            _ = try scan(&merged, from: bodyStart, to: size, final: true)
        }
        // Merging does not check how many values a column has; one thread would have stopped
        // with a message at the record that went over, so read once more to give it.
        if merged.exceedsValueLimit { return try countInOne(from: start, size: size) }
        return merged.result()
    }

    /// The export read front to back by one scanner.
    func countInOne(from start: Int, size: Int) throws(LoadError) -> PlacementCounts {
        var scanner = PlacementScanner(counter: counter, file: file)
        _ = try scan(&scanner, from: start, to: size, final: true)
        try scanner.finish()
        return scanner.result()
    }

    /// Where the text starts after a UTF-8 byte-order mark; UTF-16 is refused.
    func bodyOffset(_ head: [UInt8]) throws(LoadError) -> Int {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw .encoding(SourceLocation(file: file, line: 1, column: 1), "the file is UTF-16; save it as UTF-8")
        }
        return head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Up to `count` bytes from the start of a file or buffer.
    func prefix(_ count: Int) throws(LoadError) -> [UInt8] {
        switch source {
        case .memory(let buffer):
            return Array(buffer.prefix(count))
        case .file(let descriptor, _):
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
            if got < 0 { throw .unreadable(file: file, reason: "read failed") }
            return Array(bytes.prefix(got))
        case .stream:
            return []
        }
    }

    /// Where each range starts: the first right after the header, the others spread evenly (or
    /// at `rangeTargets`), each moved on to the start of a line. A range is never shorter than
    /// `minimumRangeSize` unless targets are given.
    func rangeStarts(from bodyStart: Int, size: Int, lineLimit: Int) -> [Int] {
        let length = size - bodyStart
        var targets: [Int]
        if let given = counter.rangeTargets {
            targets = given.sorted()
        } else {
            // About four ranges per thread, of at least minimumRangeSize and at most 8 MiB.
            let rangeSize = min(max(counter.minimumRangeSize, length / max(1, counter.threads * 4)), max(counter.minimumRangeSize, 8 << 20))
            let ranges = length / max(1, rangeSize)
            guard ranges > 1 else { return [bodyStart] }
            targets = (1..<ranges).map { bodyStart + length * $0 / ranges }
        }
        var starts = [bodyStart]
        for target in targets where target > bodyStart && target < size {
            guard let next = lineStart(atOrAfter: max(target, (starts.last ?? 0) + 1), size: size, lineLimit: lineLimit),
                  next < size else { continue }
            starts.append(next)
        }
        return starts
    }

    /// The first offset at or after `offset` that follows a line feed, looking no further than a
    /// record can be long (a longer line is an error the sequential reading will report).
    func lineStart(atOrAfter offset: Int, size: Int, lineLimit: Int) -> Int? {
        let from = offset - 1
        let length = min(size - from, lineLimit + 2)
        guard length > 0 else { return nil }
        switch source {
        case .memory(let buffer):
            guard let base = buffer.baseAddress, let found = memchr(base + from, 0x0A, length) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        case .file(let descriptor, _):
            let window = UnsafeMutablePointer<UInt8>.allocate(capacity: length)
            defer { window.deallocate() }
            let got = pread(descriptor, window, length, off_t(from))
            guard got > 0, let found = memchr(window, 0x0A, got) else { return nil }
            return from + window.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        case .stream:
            return nil
        }
    }

    /// Feeds the bytes from `start` to `end` to the scanner and returns the offset where its
    /// complete records end (for a scanner that stops after the header: where the header ends).
    /// With `final`, the export's end ends the last record, and a file is read to its end.
    func scan(_ scanner: inout PlacementScanner, from start: Int, to end: Int, final: Bool) throws(LoadError) -> Int {
        switch source {
        case .memory(let buffer):
            guard let base = buffer.baseAddress, end > start else {
                _ = try scanner.consume(UnsafeBufferPointer(start: nil, count: 0), final: final)
                return start
            }
            return start + (try scanner.consume(UnsafeBufferPointer(start: base + start, count: end - start), final: final))
        case .file(let descriptor, _):
            return try scanDescriptor(descriptor, &scanner, from: start, to: final ? nil : end)
        case .stream(let descriptor):
            return try scanDescriptor(descriptor, &scanner, from: start, to: nil)
        }
    }

    /// Standard input or a pipe, read front to back.
    func countStream(_ descriptor: Int32) throws(LoadError) -> PlacementCounts {
        var scanner = PlacementScanner(counter: counter, file: file)
        _ = try scanDescriptor(descriptor, &scanner, from: 0, to: nil)
        try scanner.finish()
        return scanner.result()
    }

    /// Reads a file from `start` (with `pread`, so threads can share the descriptor) up to `end`
    /// or, with no end, to the end of the input, into one reusable buffer scanned in place. A
    /// stream is read with `read` from where it is; its byte-order mark is checked here.
    func scanDescriptor(_ descriptor: Int32, _ scanner: inout PlacementScanner, from start: Int, to end: Int?) throws(LoadError) -> Int {
        let positional: Bool
        if case .stream = source { positional = false } else { positional = true }
        let capacity = PlacementCounter.blockCapacity(for: counter.maximumLineLength)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var offset = start   // of buffer[0] in the input
        var filled = 0
        var checkedStart = positional
        while true {
            let want = min(capacity - filled, end.map { $0 - offset - filled } ?? Int.max)
            var got = 0
            if want > 0 {
                got = positional ? pread(descriptor, buffer + filled, want, off_t(offset + filled)) : read(descriptor, buffer + filled, want)
                if got < 0 {
                    if errno == EINTR { continue }
                    throw .unreadable(file: file, reason: "read failed")
                }
            } else if end == nil {
                // A full buffer that holds no complete record; the line limit makes this
                // impossible, but a silent wrong count would be worse than a message.
                throw .csv(SourceLocation(file: file, line: scanner.line, column: 1),
                           "this record is longer than \(capacity) bytes; a placement record is one short line (is a quote left open?)")
            }
            filled += got
            let atEnd = got == 0
            var skip = 0
            if !checkedStart {
                // A stream's first bytes: wait for three (or the end) to see a byte-order mark.
                if filled < 3 && !atEnd { continue }
                skip = try bodyOffset(Array(UnsafeBufferPointer(start: buffer, count: min(filled, 3))))
                checkedStart = true
            }
            let consumed = skip + (try scanner.consume(UnsafeBufferPointer(start: buffer + skip, count: filled - skip), final: atEnd && end == nil))
            if scanner.stopAfterHeader && !scanner.header { return offset + consumed }
            offset += consumed
            filled -= consumed
            if filled > 0 && consumed > 0 { memmove(buffer, buffer + consumed, filled) }
            if atEnd { return offset }
        }
    }
}

/// The ranges of one count, shared with the threads that count them. A thread takes the next
/// range not yet taken, counts it with a scanner of its own and then merges every range that is
/// finished and next in file order. Many small ranges rather than one per thread: a thread that
/// gets less of the machine just counts fewer. A thread does not run further ahead of the
/// merged ranges than `lookAhead`, so at most that many scanners wait in memory. From the first
/// range that is not clean no more are taken; the caller reads on from there. Everything but
/// the counting itself happens under `condition`.
final class RangeWork: @unchecked Sendable {
    let ranges: PlacementRanges
    let starts: [Int]
    let size: Int
    let lookAhead: Int
    /// The header's scanner, into which the ranges are merged in order.
    var merged: PlacementScanner
    /// The first range, in file order, that did not end exactly at the next one's start (or
    /// failed).
    var failed: Int?
    private let condition = NSCondition()
    private var next = 0
    private var frontier = 0
    private var finished: [Int: (scanner: PlacementScanner, end: Int)] = [:]

    init(ranges: PlacementRanges, starts: [Int], size: Int, merged: PlacementScanner) {
        self.ranges = ranges
        self.starts = starts
        self.size = size
        self.merged = merged
        lookAhead = 4 * max(1, ranges.counter.threads)
    }

    /// Counts ranges on the calling thread until none are left.
    func work() {
        condition.lock()
        let template = merged.freshCopy()
        condition.unlock()
        while true {
            condition.lock()
            while failed == nil && next < starts.count && next - frontier >= lookAhead { condition.wait() }
            guard failed == nil, next < starts.count else {
                condition.unlock()
                return
            }
            let index = next
            next += 1
            condition.unlock()

            let last = index + 1 == starts.count
            var scanner = template.freshCopy()
            let end: Int
            do {
                end = try ranges.scan(&scanner, from: starts[index], to: last ? size : starts[index + 1], final: last)
            } catch {
                end = -1
            }

            condition.lock()
            finished[index] = (scanner, end)
            while failed == nil, let done = finished.removeValue(forKey: frontier) {
                if done.end >= 0 && (frontier + 1 == starts.count || done.end == starts[frontier + 1]) {
                    merged.absorb(done.scanner)
                    frontier += 1
                } else {
                    failed = frontier
                }
            }
            condition.broadcast()
            condition.unlock()
        }
    }
}
