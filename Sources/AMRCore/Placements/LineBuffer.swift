/// Memory for one CSV line, reused from row to row and grown when a row needs more.
final class LineBuffer {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    /// Makes room for `count` bytes (what was written is not kept).
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        capacity = Swift.max(count, capacity * 2)
        pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }
}
