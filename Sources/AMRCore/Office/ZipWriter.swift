/// Writes a zip archive of stored (uncompressed, method 0) entries, as the zip and OOXML specs
/// allow; enough for a workbook of generated XML without a DEFLATE encoder.
///
/// Every entry gets the DOS timestamp 1980-01-01 00:00 and no extra fields, so the same entries
/// in the same order give the same bytes. Names are written as UTF-8 (flag bit 11 when not ASCII).
public struct ZipWriter: Sendable {
    /// Why an entry cannot be added; plain zip (without zip64) has these limits.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The name is empty, longer than 65,535 bytes, or already in the archive.
        case invalidName(String)
        /// The archive would pass 4 GiB or 65,535 entries.
        case tooLarge

        public var description: String {
            switch self {
            case .invalidName(let name): "cannot add zip entry '\(name)': the name is empty, too long or already used"
            case .tooLarge: "the zip archive would be larger than 4 GiB or hold more than 65,535 entries"
            }
        }
    }

    private var data: [UInt8] = []
    private var directory: [UInt8] = []
    private var names: Set<String> = []
    private var count = 0

    /// DOS date 1980-01-01 (year 0 from 1980, month 1, day 1) and time 00:00:00.
    static let dosDate: UInt16 = 0x0021
    static let dosTime: UInt16 = 0

    public init() {}

    /// Adds an entry named `name` (a path with `/`) holding `contents`, stored as is.
    public mutating func add(_ name: String, _ contents: [UInt8]) throws(Failure) {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.count <= 0xFFFF, !names.contains(name.lowercased()) else { throw .invalidName(name) }
        let offset = data.count
        guard count < 0xFFFF, contents.count < 0xFFFF_FFFF, offset + 30 + nameBytes.count + contents.count < 0xFFFF_FFFF else { throw .tooLarge }
        names.insert(name.lowercased())
        count += 1
        let crc = CRC32.checksum(contents)
        let flags: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        let size = UInt32(contents.count)

        Self.append32(0x0403_4B50, to: &data)
        Self.append16(10, to: &data)                  // version needed: 1.0, stored
        Self.append16(flags, to: &data)
        Self.append16(0, to: &data)                   // method: stored
        Self.append16(Self.dosTime, to: &data)
        Self.append16(Self.dosDate, to: &data)
        Self.append32(crc, to: &data)
        Self.append32(size, to: &data)
        Self.append32(size, to: &data)
        Self.append16(UInt16(nameBytes.count), to: &data)
        Self.append16(0, to: &data)                   // extra field length
        data.append(contentsOf: nameBytes)
        data.append(contentsOf: contents)

        Self.append32(0x0201_4B50, to: &directory)
        Self.append16(0x0014, to: &directory)         // made by: MS-DOS, version 2.0
        Self.append16(10, to: &directory)
        Self.append16(flags, to: &directory)
        Self.append16(0, to: &directory)
        Self.append16(Self.dosTime, to: &directory)
        Self.append16(Self.dosDate, to: &directory)
        Self.append32(crc, to: &directory)
        Self.append32(size, to: &directory)
        Self.append32(size, to: &directory)
        Self.append16(UInt16(nameBytes.count), to: &directory)
        Self.append16(0, to: &directory)              // extra field length
        Self.append16(0, to: &directory)              // comment length
        Self.append16(0, to: &directory)              // disk number start
        Self.append16(0, to: &directory)              // internal attributes
        Self.append32(0, to: &directory)              // external attributes
        Self.append32(UInt32(offset), to: &directory)
        directory.append(contentsOf: nameBytes)
    }

    /// The whole archive: the entries, the central directory and the end-of-central-directory
    /// record (no comment).
    public func archive() throws(Failure) -> [UInt8] {
        guard data.count + directory.count < 0xFFFF_FFFF else { throw .tooLarge }
        var result = data
        result.append(contentsOf: directory)
        Self.append32(0x0605_4B50, to: &result)
        Self.append16(0, to: &result)                 // this disk
        Self.append16(0, to: &result)                 // disk with the directory
        Self.append16(UInt16(count), to: &result)
        Self.append16(UInt16(count), to: &result)
        Self.append32(UInt32(directory.count), to: &result)
        Self.append32(UInt32(data.count), to: &result)
        Self.append16(0, to: &result)                 // comment length
        return result
    }

    static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
