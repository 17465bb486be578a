/// One zip entry's bytes as an `XMLByteSource`: inflated chunk by chunk as the scanner asks,
/// so a part of hundreds of megabytes is never in memory whole. Its size and CRC-32 are checked
/// as it goes and at its end, as `ZipArchive.contents(of:)` checks a part read whole.
struct ZipEntrySource: XMLByteSource {
    let entry: ZipArchive.Entry
    let file: String
    private var decoder: Inflate.Decoder?
    private let bytes: [UInt8]
    private var offset: Int
    private var crc = CRC32()
    private var size = 0
    private var finished = false

    init(archive: ZipArchive, entry: ZipArchive.Entry) {
        self.entry = entry
        file = archive.file
        bytes = archive.bytes
        offset = entry.dataOffset
        if entry.method == 8 {
            decoder = Inflate.Decoder(input: archive.bytes, range: entry.dataOffset..<(entry.dataOffset + entry.compressedSize), limit: entry.size)
        }
    }

    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
        guard !finished else { return 0 }
        let shownName = WeightTable.shown(entry.name)
        var count = 0
        if decoder != nil {
            do {
                count = try decoder?.read(into: destination) ?? 0
            } catch .outputTooLarge {
                throw Self.damaged(file, "entry \(shownName) inflates to more than the \(entry.size) bytes it declares")
            } catch {
                throw Self.damaged(file, "entry \(shownName) cannot be inflated: \(error)")
            }
        } else {
            count = min(destination.count, entry.dataOffset + entry.compressedSize - offset)
            if count > 0, let target = destination.baseAddress {
                bytes.withUnsafeBytes { source in
                    if let base = source.baseAddress { target.copyMemory(from: base + offset, byteCount: count) }
                }
            }
            offset += max(0, count)
        }
        if count > 0 {
            crc.update(UnsafeRawBufferPointer(rebasing: destination[..<count]))
            size += count
            return count
        }
        finished = true
        guard size == entry.size else {
            throw Self.damaged(file, "entry \(shownName) inflates to \(size) bytes, not the \(entry.size) it declares")
        }
        guard crc.value == entry.crc32 else { throw Self.damaged(file, "entry \(shownName) fails its CRC check") }
        return 0
    }

    static func damaged(_ file: String, _ what: String) -> XMLError {
        XMLError(.input, ZipArchive.damaged(file, what).message)
    }
}
