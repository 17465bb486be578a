/// Memory for CSV lines, reused from batch to batch and grown when a row needs more.
final class LineBuffer {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    /// Makes room for `count` bytes, keeping the first `kept` bytes written.
    func reserve(_ count: Int, keeping kept: Int = 0) {
        guard count > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(count, capacity * 2))
        if kept > 0 { grown.update(from: pointer, count: Swift.min(kept, capacity)) }
        pointer.deallocate()
        pointer = grown
        capacity = Swift.max(count, capacity * 2)
    }

    deinit { pointer.deallocate() }
}
