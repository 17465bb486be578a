import Foundation

/// An `XMLByteSource` read ahead on a second thread: while the scanner tokenizes one chunk, the
/// thread inflates (and checks the CRC of) the next ones. A big worksheet part costs about a
/// quarter of its time in inflating, which a second core then takes off the reading.
///
/// Memory stays flat: at most `slots` chunks of `chunkSize` bytes are ahead of the reader; the
/// thread waits while they are all full. Bytes, failures and the end come out in the order the
/// wrapped source gave them, so a damaged entry is reported at the same point as when read
/// directly. When the reader is done with it (or stops early on an error), the thread is told
/// to stop and ends without reading further.
struct PrefetchedSource: XMLByteSource {
    /// Chunks read ahead at most, and their size.
    static let slots = 4
    static let chunkSize = 1 << 18

    private let reader: Reader
    /// The chunk being handed out, and how far.
    private var current = -1
    private var currentCount = 0
    private var currentOffset = 0
    private var ended = false

    /// Reads `source` ahead on a thread of its own; the source is the thread's from now on.
    init(_ source: any XMLByteSource) {
        reader = Reader(Pipe(source: source))
    }

    /// Parts smaller than this are read directly: a thread would cost more than it saves.
    static let minimumSize = 1 << 20

    /// A zip entry's source, read ahead when the entry is large.
    static func reading(_ source: ZipEntrySource) -> any XMLByteSource {
        source.entry.size >= minimumSize ? PrefetchedSource(source) : source
    }

    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
        guard destination.count > 0, !ended else { return 0 }
        let pipe = reader.pipe
        if current < 0 || currentOffset == currentCount {
            if current >= 0 { pipe.release() }
            current = -1
            switch pipe.take() {
            case .chunk(let slot, let count):
                current = slot
                currentCount = count
                currentOffset = 0
            case .end:
                ended = true
                return 0
            case .failure(let error):
                ended = true
                throw error
            }
        }
        let count = min(destination.count, currentCount - currentOffset)
        if let target = destination.baseAddress {
            target.copyMemory(from: pipe.chunks + current * Self.chunkSize + currentOffset, byteCount: count)
        }
        currentOffset += count
        return count
    }

    /// The reader's handle: when the last copy of the source goes, the thread is stopped.
    private final class Reader {
        let pipe: Pipe
        init(_ pipe: Pipe) {
            self.pipe = pipe
            pipe.start()
        }
        deinit { pipe.stop() }
    }

    /// What the reader takes next.
    enum Item {
        case chunk(slot: Int, count: Int)
        case end
        case failure(XMLError)
    }

    /// The ring of chunks between the thread (which fills slot `tail`) and the reader (which
    /// takes slot `head`). Every field but `source` and `chunks`' contents is guarded by
    /// `condition`; a slot's bytes belong to the thread until it is queued and to the reader
    /// until it is released.
    private final class Pipe: @unchecked Sendable {
        let condition = NSCondition()
        let chunks: UnsafeMutableRawPointer
        var counts = [Int](repeating: 0, count: PrefetchedSource.slots)
        var source: any XMLByteSource
        var head = 0
        var queued = 0
        /// The slot the reader holds (taken but not released).
        var held = false
        var failure: XMLError?
        var finished = false
        var stopped = false
        var threadDone = false

        init(source: any XMLByteSource) {
            self.source = source
            chunks = .allocate(byteCount: PrefetchedSource.slots * PrefetchedSource.chunkSize, alignment: 16)
        }

        deinit { chunks.deallocate() }

        func start() {
            let thread = Thread { [self] in run() }
            thread.name = "amr-inflate"
            thread.start()
        }

        /// The thread: fills free slots until the source ends, fails or the reader stops.
        private func run() {
            var tail = 0
            while true {
                condition.lock()
                // One slot may be held by the reader besides the queued ones.
                while !stopped && queued + (held ? 1 : 0) >= PrefetchedSource.slots { condition.wait() }
                let stop = stopped
                condition.unlock()
                if stop { break }
                var count = 0
                var error: XMLError?
                do {
                    count = try source.read(into: UnsafeMutableRawBufferPointer(start: chunks + tail * PrefetchedSource.chunkSize, count: PrefetchedSource.chunkSize))
                } catch let failure {
                    error = failure
                }
                condition.lock()
                if let error {
                    failure = error
                    finished = true
                } else if count == 0 {
                    finished = true
                } else {
                    counts[tail] = count
                    queued += 1
                    tail = (tail + 1) % PrefetchedSource.slots
                }
                condition.broadcast()
                let done = finished
                condition.unlock()
                if done { break }
            }
            condition.lock()
            threadDone = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next chunk in order, waiting for the thread when none is ready.
        func take() -> Item {
            condition.lock()
            defer { condition.unlock() }
            while queued == 0 && !finished { condition.wait() }
            if queued == 0 {
                if let failure { return .failure(failure) }
                return .end
            }
            let slot = head
            head = (head + 1) % PrefetchedSource.slots
            queued -= 1
            held = true
            return .chunk(slot: slot, count: counts[slot])
        }

        /// The reader is done with the chunk it took.
        func release() {
            condition.lock()
            held = false
            condition.broadcast()
            condition.unlock()
        }

        /// Tells the thread to stop and waits until it has, so that nothing reads the source
        /// or the chunks after this.
        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            while !threadDone { condition.wait() }
            condition.unlock()
        }
    }
}
