/// The memory behind one `PlacementScanner`, allocated once and freed with it: the field bounds
/// of the current record, what each grouped dimension reads, the filters, the interners and the
/// count table. It is raw memory so that the per-row code reads plain pointers and touches no
/// reference count; each scanner (one per thread) has its own.
final class ScanStorage {
    /// Fields of a record whose bounds are kept; no column that is read lies further right.
    static let fieldCapacity = 64
    /// At most one dimension of each kind can be grouped by.
    static let dimensionCapacity = PlacementDimension.allCases.count
    /// The grouped dimensions: the capacity of `dimensions` and `interners`.
    let dimensionCount: Int

    /// What one grouped dimension reads: a column (interned), or a period of the date.
    struct Dimension {
        /// The column, or -1 for a period.
        var column: Int
        var period: PlacementDimension
    }

    /// A column a record must match (ignoring case) to be counted.
    struct Filter {
        var column: Int
        var value: UnsafeMutablePointer<UInt8>
        var length: Int
    }

    let starts = UnsafeMutablePointer<Int>.allocate(capacity: fieldCapacity)
    let ends = UnsafeMutablePointer<Int>.allocate(capacity: fieldCapacity)
    let escaped = UnsafeMutablePointer<Bool>.allocate(capacity: fieldCapacity)
    /// The fast path's separator positions of the current record.
    let separators = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    let dimensions: UnsafeMutablePointer<Dimension>
    let interners: UnsafeMutablePointer<ValueInterner>
    let counts = UnsafeMutablePointer<GroupCounts>.allocate(capacity: 1)
    private(set) var filters = UnsafeMutablePointer<Filter>.allocate(capacity: 1)
    private(set) var filterCount = 0

    init(dimensions count: Int) {
        dimensionCount = count
        dimensions = .allocate(capacity: max(1, count))
        interners = .allocate(capacity: max(1, count))
        for index in 0..<count { (interners + index).initialize(to: ValueInterner()) }
        counts.initialize(to: GroupCounts())
    }

    func setFilters(_ list: [(column: Int, value: [UInt8])]) {
        for index in 0..<filterCount { filters[index].value.deallocate() }
        filters.deallocate()
        filters = .allocate(capacity: max(1, list.count))
        for (index, item) in list.enumerated() {
            let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, item.value.count))
            bytes.initialize(from: item.value, count: item.value.count)
            (filters + index).initialize(to: Filter(column: item.column, value: bytes, length: item.value.count))
        }
        filterCount = list.count
    }

    deinit {
        for index in 0..<dimensionCount { interners[index].release() }
        interners.deallocate()
        counts.pointee.release()
        counts.deallocate()
        for index in 0..<filterCount { filters[index].value.deallocate() }
        filters.deallocate()
        starts.deallocate()
        ends.deallocate()
        escaped.deallocate()
        separators.deallocate()
        dimensions.deallocate()
    }
}
