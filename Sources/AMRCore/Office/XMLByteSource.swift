/// Where an `XMLScanner` gets its bytes, a chunk at a time, so a part never has to be in memory
/// whole (a zip entry is inflated as it is scanned).
protocol XMLByteSource {
    /// Copies the next bytes (at most `destination.count`) into `destination` and returns how
    /// many; 0 only at the end. A failure is an `XMLError` of kind `.input`.
    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int
}

/// Bytes already in memory, as a source.
struct XMLBytes: XMLByteSource {
    let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
        let count = min(destination.count, bytes.count - offset)
        guard count > 0, let target = destination.baseAddress else { return 0 }
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { target.copyMemory(from: base + offset, byteCount: count) }
        }
        offset += count
        return count
    }
}
