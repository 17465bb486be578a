/// A zip archive read from memory, as far as Office Open XML needs it (APPNOTE 6.3): one disk,
/// no zip64, no encryption, entries stored (method 0) or deflated (method 8).
///
/// Everything is checked before it is trusted: the end-of-central-directory record (found from
/// the end, past an archive comment), every central-directory entry and its local header (same
/// name and method; same CRC and sizes, or a data descriptor that repeats them), names (no `..`,
/// no absolute paths, no duplicates, compared case-insensitively as OPC part names are), and on
/// reading an entry its inflated size and CRC-32. Inflating is bounded: no entry may declare more
/// than `maximumSize` bytes or more than DEFLATE can expand its compressed bytes to, and all
/// entries read together may not inflate to more than `maximumSize` — a zip bomb stops there.
public struct ZipArchive: Sendable {
    /// One file in the archive, as its central directory describes it.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var method: Int
        public var crc32: UInt32
        public var compressedSize: Int
        public var size: Int
        /// Where the entry's data starts (after its local header).
        var dataOffset: Int
    }

    /// The entries in central-directory order.
    public let entries: [Entry]
    /// The archive's bytes.
    let bytes: [UInt8]
    /// The name used in messages.
    let file: String
    /// The most bytes one entry, and all entries read together, may inflate to.
    let maximumSize: Int
    /// Bytes inflated so far by `contents(of:)`, counted against `maximumSize`.
    public private(set) var inflatedSoFar = 0

    /// DEFLATE expands at most 258 bytes from one 1-bit-per-symbol code pair; 1032:1 is its
    /// ceiling, so a declared size beyond that is a lie (or a bomb).
    static let maximumRatio = 1032

    /// The local-file-header signature, `PK\u{3}\u{4}`: the first bytes of a zip file.
    public static let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Reads the archive's directory; entries are inflated on demand by `contents(of:)`.
    public init(bytes: [UInt8], file: String, maximumSize: Int) throws(LoadError) {
        self.bytes = bytes
        self.file = file
        self.maximumSize = maximumSize
        let reader = ByteReader(bytes: bytes)

        // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, whose
        // length field must reach exactly to the end of the file.
        var eocd: Int?
        if bytes.count >= 22 {
            var offset = bytes.count - 22
            let lowest = max(0, bytes.count - 22 - 0xFFFF)
            while offset >= lowest {
                if reader.uint32(at: offset) == 0x0605_4B50, reader.uint16(at: offset + 20) == bytes.count - offset - 22 {
                    eocd = offset
                    break
                }
                offset -= 1
            }
        }
        guard let end = eocd else {
            throw Self.damaged(file, "it has no zip directory at its end (the file is cut short or is not a workbook)")
        }
        if end >= 20, reader.uint32(at: end - 20) == 0x0706_4B50 {
            throw LoadError.workbook(file: file, "the workbook uses zip64 (parts over 4 GB), which amr does not read; a table of weights is far smaller: save it again from Excel")
        }
        let disk = reader.uint16(at: end + 4), directoryDisk = reader.uint16(at: end + 6)
        let entriesHere = reader.uint16(at: end + 8), entryCount = reader.uint16(at: end + 10)
        let directorySize = reader.uint32(at: end + 12), directoryOffset = reader.uint32(at: end + 16)
        if disk != 0 || directoryDisk != 0 || entriesHere != entryCount {
            throw LoadError.workbook(file: file, "the zip archive spans several disks, which amr does not read; save the workbook again as one .xlsx file")
        }
        // 0xFFFF entries is a count like any other: a zip64 archive says so with the locator
        // checked above (APPNOTE 4.4.1.4), and a plain zip may hold exactly 65,535 entries.
        if directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw LoadError.workbook(file: file, "the workbook uses zip64 (parts over 4 GB), which amr does not read; a table of weights is far smaller: save it again from Excel")
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            throw Self.damaged(file, "its zip directory lies outside the file")
        }

        var entries: [Entry] = []
        var seen: Set<String> = []
        var offset = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for _ in 0..<entryCount {
            guard offset <= directoryEnd - 46, reader.uint32(at: offset) == 0x0201_4B50 else {
                throw Self.damaged(file, "its zip directory is cut short or garbled")
            }
            let flags = reader.uint16(at: offset + 8)
            let method = reader.uint16(at: offset + 10)
            let crc = UInt32(reader.uint32(at: offset + 16))
            let compressedSize = reader.uint32(at: offset + 20), size = reader.uint32(at: offset + 24)
            let nameLength = reader.uint16(at: offset + 28), extraLength = reader.uint16(at: offset + 30)
            let commentLength = reader.uint16(at: offset + 32)
            let startDisk = reader.uint16(at: offset + 34)
            let localOffset = reader.uint32(at: offset + 42)
            let next = offset + 46 + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { throw Self.damaged(file, "its zip directory is cut short or garbled") }
            let nameBytes = Array(bytes[(offset + 46)..<(offset + 46 + nameLength)])
            let name = String(decoding: nameBytes, as: UTF8.self)
            let shownName = WeightTable.shown(name)
            offset = next

            if flags & 0x41 != 0 {
                throw LoadError.workbook(file: file, "entry \(shownName) is encrypted; amr reads workbooks without a password: remove the password in Excel and save again")
            }
            if compressedSize == 0xFFFF_FFFF || size == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF || startDisk == 0xFFFF {
                throw LoadError.workbook(file: file, "entry \(shownName) uses zip64 (over 4 GB), which amr does not read; a table of weights is far smaller: save it again from Excel")
            }
            if startDisk != 0 {
                throw LoadError.workbook(file: file, "the zip archive spans several disks, which amr does not read; save the workbook again as one .xlsx file")
            }
            guard method == 0 || method == 8 else {
                throw LoadError.workbook(file: file, "entry \(shownName) is compressed with method \(method), which amr does not read (only stored and deflated); save the workbook again from Excel")
            }
            guard !nameBytes.isEmpty, !nameBytes.contains(0), !name.hasPrefix("/"), !name.hasPrefix("\\"),
                  !name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains(where: { $0 == ".." }) else {
                throw LoadError.workbook(file: file, "entry '\(shownName)' has an unsafe name (absolute, empty or with '..'); this is not a workbook saved by a spreadsheet program")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw Self.damaged(file, "entry \(shownName) appears twice in its zip directory")
            }
            if size > maximumSize {
                throw LoadError.workbook(file: file, "entry \(shownName) inflates to \(size) bytes, more than the limit of \(maximumSize) bytes; if the workbook is genuine, raise AMR_MAX_FILE_SIZE")
            }
            if method == 0 && size != compressedSize {
                throw Self.damaged(file, "entry \(shownName) is stored but its two sizes differ")
            }
            if method == 8 && size > compressedSize.multipliedReportingOverflow(by: Self.maximumRatio).partialValue + 8 {
                throw Self.damaged(file, "entry \(shownName) claims \(size) bytes from \(compressedSize) compressed bytes, more than DEFLATE can hold")
            }

            // The local header must agree with the directory.
            guard localOffset <= directoryOffset - 30, reader.uint32(at: localOffset) == 0x0403_4B50 else {
                throw Self.damaged(file, "entry \(shownName) has no local header where the zip directory says")
            }
            let localFlags = reader.uint16(at: localOffset + 6)
            let localMethod = reader.uint16(at: localOffset + 8)
            let localNameLength = reader.uint16(at: localOffset + 26), localExtraLength = reader.uint16(at: localOffset + 28)
            let dataOffset = localOffset + 30 + localNameLength + localExtraLength
            guard dataOffset <= directoryOffset, compressedSize <= directoryOffset - dataOffset else {
                throw Self.damaged(file, "entry \(shownName) runs past the end of the data")
            }
            guard localMethod == method, localFlags & 0x41 == 0,
                  bytes[(localOffset + 30)..<(localOffset + 30 + localNameLength)].elementsEqual(nameBytes) else {
                throw Self.damaged(file, "entry \(shownName)'s local header does not match the zip directory")
            }
            if localFlags & 0x08 != 0 {
                // A data descriptor after the data repeats CRC and sizes, with or without its signature.
                var descriptor = dataOffset + compressedSize
                if descriptor <= directoryOffset - 4, reader.uint32(at: descriptor) == 0x0807_4B50 { descriptor += 4 }
                guard descriptor <= directoryOffset - 12,
                      UInt32(reader.uint32(at: descriptor)) == crc,
                      reader.uint32(at: descriptor + 4) == compressedSize,
                      reader.uint32(at: descriptor + 8) == size else {
                    throw Self.damaged(file, "entry \(shownName)'s data descriptor does not match the zip directory")
                }
            } else {
                guard UInt32(reader.uint32(at: localOffset + 14)) == crc,
                      reader.uint32(at: localOffset + 18) == compressedSize,
                      reader.uint32(at: localOffset + 22) == size else {
                    throw Self.damaged(file, "entry \(shownName)'s local header does not match the zip directory")
                }
            }
            entries.append(Entry(name: name, method: method, crc32: crc, compressedSize: compressedSize, size: size, dataOffset: dataOffset))
        }
        self.entries = entries
    }

    /// The entry named `name`, compared case-insensitively (OPC part names are).
    public func entry(named name: String) -> Entry? {
        let key = name.lowercased()
        return entries.first { $0.name.lowercased() == key }
    }

    /// The inflated bytes of the entry named `name`, or nil when the archive has none; a damaged
    /// entry or one that would take the bytes read beyond `maximumSize` is an error.
    public mutating func contents(of name: String) throws(LoadError) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        let shownName = WeightTable.shown(entry.name)
        guard entry.size <= maximumSize - inflatedSoFar else {
            throw LoadError.workbook(file: file, "the workbook's parts inflate to more than the limit of \(maximumSize) bytes; if the workbook is genuine, raise AMR_MAX_FILE_SIZE")
        }
        let data: [UInt8]
        if entry.method == 0 {
            data = Array(bytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)])
        } else {
            do {
                var decoder = Inflate.Decoder(input: bytes, range: entry.dataOffset..<(entry.dataOffset + entry.compressedSize), limit: entry.size)
                data = try decoder.readAll(expectedSize: entry.size)
            } catch .outputTooLarge {
                throw Self.damaged(file, "entry \(shownName) inflates to more than the \(entry.size) bytes it declares")
            } catch {
                throw Self.damaged(file, "entry \(shownName) cannot be inflated: \(error)")
            }
        }
        guard data.count == entry.size else {
            throw Self.damaged(file, "entry \(shownName) inflates to \(data.count) bytes, not the \(entry.size) it declares")
        }
        guard CRC32.checksum(data) == entry.crc32 else {
            throw Self.damaged(file, "entry \(shownName) fails its CRC check")
        }
        inflatedSoFar += data.count
        return data
    }

    /// The entry named `name` as a source inflated as it is read, or nil when the archive has
    /// none. Its declared size counts against `maximumSize` at once, so an entry too large is
    /// refused before a byte of it is inflated; the source stops at that size.
    mutating func source(of name: String) throws(LoadError) -> ZipEntrySource? {
        guard let entry = entry(named: name) else { return nil }
        guard entry.size <= maximumSize - inflatedSoFar else {
            throw LoadError.workbook(file: file, "the workbook's parts inflate to more than the limit of \(maximumSize) bytes; if the workbook is genuine, raise AMR_MAX_FILE_SIZE")
        }
        inflatedSoFar += entry.size
        return ZipEntrySource(archive: self, entry: entry)
    }

    static func damaged(_ file: String, _ what: String) -> LoadError {
        .workbook(file: file, "the workbook is damaged: \(what); save it again from Excel")
    }

    /// Little-endian fields read at offsets that are checked by the caller or fall back to 0.
    struct ByteReader {
        let bytes: [UInt8]

        func uint16(at offset: Int) -> Int {
            guard offset >= 0, offset <= bytes.count - 2 else { return 0 }
            return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        }

        func uint32(at offset: Int) -> Int {
            guard offset >= 0, offset <= bytes.count - 4 else { return 0 }
            return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        }
    }
}
