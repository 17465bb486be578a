import Foundation
import Testing
@testable import AMRCore

/// The zip writer and reader: round trips, the fixed bytes of the writer, and every damaged or
/// unsupported archive the reader must refuse with a message.
@Suite struct ZipArchiveTests {
    static func archive(_ entries: [(String, String)]) throws -> [UInt8] {
        var writer = ZipWriter()
        for (name, text) in entries { try writer.add(name, Array(text.utf8)) }
        return try writer.archive()
    }

    static func message(_ body: () throws(LoadError) -> Void) -> String? {
        do { try body() } catch { return error.description }
        return nil
    }

    @Test func writtenEntriesReadBack() throws {
        let bytes = try Self.archive([("a.txt", "hallo"), ("map/b.xml", "<x/>"), ("leeg", ""), ("één.txt", "ü")])
        var archive = try ZipArchive(bytes: bytes, file: "t.zip", maximumSize: 1000)
        #expect(archive.entries.map(\.name) == ["a.txt", "map/b.xml", "leeg", "één.txt"])
        #expect(try archive.contents(of: "a.txt") == Array("hallo".utf8))
        #expect(try archive.contents(of: "MAP/B.XML") == Array("<x/>".utf8))
        #expect(try archive.contents(of: "leeg") == [])
        #expect(try archive.contents(of: "één.txt") == Array("ü".utf8))
        #expect(try archive.contents(of: "c.txt") == nil)
        #expect(archive.inflatedSoFar == 5 + 4 + 0 + 2)
    }

    /// The writer's bytes are fixed: same entries, same bytes, with the 1980-01-01 00:00 stamp.
    @Test func theWriterIsDeterministic() throws {
        let one = try Self.archive([("a.txt", "hallo")])
        let two = try Self.archive([("a.txt", "hallo")])
        #expect(one == two)
        #expect(one.count == 30 + 5 + 5 + 46 + 5 + 22)
        #expect(Array(one[10..<14]) == [0x00, 0x00, 0x21, 0x00])
        // CRC-32 of "hallo" in the local header.
        let crc = UInt32(one[14]) | UInt32(one[15]) << 8 | UInt32(one[16]) << 16 | UInt32(one[17]) << 24
        #expect(crc == CRC32.checksum(Array("hallo".utf8)))
        var writer = ZipWriter()
        try writer.add("a", [1])
        #expect(throws: ZipWriter.Failure.invalidName("A")) { try writer.add("A", [2]) }
        #expect(throws: ZipWriter.Failure.invalidName("")) { try writer.add("", [2]) }
    }

    @Test func deflatedEntriesOfARealWorkbookReadAndCheck() throws {
        let path = TestSupport.root.appendingPathComponent("Tests/AMRCoreTests/Workbooks/libreoffice-haaglanden-2017.xlsx").path
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        var archive = try ZipArchive(bytes: bytes, file: "w.xlsx", maximumSize: 1 << 20)
        #expect(archive.entries.allSatisfy { $0.method == 8 })
        let sheet = try #require(try archive.contents(of: "xl/worksheets/sheet1.xml"))
        #expect(String(decoding: sheet, as: UTF8.self).contains("<v>524882</v>"))
        for entry in archive.entries { _ = try archive.contents(of: entry.name) }
    }

    @Test func anArchiveCommentIsSkipped() throws {
        var bytes = try Self.archive([("a.txt", "hallo")])
        let comment = Array("opmerking met PK\u{5}\u{6} erin".utf8)
        bytes[bytes.count - 2] = UInt8(comment.count)
        bytes += comment
        var archive = try ZipArchive(bytes: bytes, file: "t.zip", maximumSize: 100)
        #expect(try archive.contents(of: "a.txt") == Array("hallo".utf8))
    }

    @Test func damagedArchivesAreRefused() throws {
        let good = try Self.archive([("xl/a.xml", "hallo")])
        func open(_ bytes: [UInt8], read: Bool = true, maximumSize: Int = 1000) -> String? {
            Self.message { () throws(LoadError) in
                var archive = try ZipArchive(bytes: bytes, file: "w.xlsx", maximumSize: maximumSize)
                if read { _ = try archive.contents(of: "xl/a.xml") }
            }
        }
        #expect(open(Array(good.dropLast(3))) == "w.xlsx: the workbook is damaged: it has no zip directory at its end (the file is cut short or is not a workbook); save it again from Excel")
        #expect(open(Array(good[..<40])) == "w.xlsx: the workbook is damaged: it has no zip directory at its end (the file is cut short or is not a workbook); save it again from Excel")

        var badCRC = good
        let directory = good.count - 22 - 46 - 8
        badCRC[30 + 8] ^= 1      // the data, not the headers
        #expect(open(badCRC) == "w.xlsx: the workbook is damaged: entry xl/a.xml fails its CRC check; save it again from Excel")

        var encrypted = good
        encrypted[6] |= 1
        encrypted[directory + 8] |= 1
        #expect(open(encrypted) == "w.xlsx: entry xl/a.xml is encrypted; amr reads workbooks without a password: remove the password in Excel and save again")

        var method = good
        method[directory + 10] = 12
        #expect(open(method) == "w.xlsx: entry xl/a.xml is compressed with method 12, which amr does not read (only stored and deflated); save the workbook again from Excel")

        var mismatch = good
        mismatch[18] = 9         // local compressed size
        #expect(open(mismatch) == "w.xlsx: the workbook is damaged: entry xl/a.xml's local header does not match the zip directory; save it again from Excel")

        var multiDisk = good
        multiDisk[good.count - 22 + 4] = 1
        #expect(open(multiDisk) == "w.xlsx: the zip archive spans several disks, which amr does not read; save the workbook again as one .xlsx file")

        var zip64 = good
        for offset in 0..<4 { zip64[good.count - 22 + 16 + offset] = 0xFF }
        #expect(open(zip64) == "w.xlsx: the workbook uses zip64 (parts over 4 GB), which amr does not read; a table of weights is far smaller: save it again from Excel")

        #expect(open(good, maximumSize: 4) == "w.xlsx: entry xl/a.xml inflates to 5 bytes, more than the limit of 4 bytes; if the workbook is genuine, raise AMR_MAX_FILE_SIZE")
    }

    @Test func unsafeAndDuplicateNamesAreRefused() throws {
        let traversal = try Self.archive([("xl/../../etc/passwd", "x")])
        #expect(Self.message { () throws(LoadError) in _ = try ZipArchive(bytes: traversal, file: "w.xlsx", maximumSize: 100) }
                == "w.xlsx: entry 'xl/../../etc/passwd' has an unsafe name (absolute, empty or with '..'); this is not a workbook saved by a spreadsheet program")
        let absolute = try Self.archive([("/etc/passwd", "x")])
        #expect(Self.message { () throws(LoadError) in _ = try ZipArchive(bytes: absolute, file: "w.xlsx", maximumSize: 100) } != nil)
        // The writer refuses duplicates, so make one by renaming the second entry in both headers.
        var duplicate = try Self.archive([("a.xml", "1"), ("b.xml", "2")])
        for index in duplicate.indices.dropLast(4) where Array(duplicate[index..<(index + 5)]) == Array("b.xml".utf8) { duplicate[index] = UInt8(ascii: "A") }
        #expect(Self.message { () throws(LoadError) in _ = try ZipArchive(bytes: duplicate, file: "w.xlsx", maximumSize: 100) }
                == "w.xlsx: the workbook is damaged: entry A.xml appears twice in its zip directory; save it again from Excel")
    }

    /// A deflated entry declaring far more than its compressed bytes can hold, and entries that
    /// together pass the limit.
    @Test func zipBombsStopAtTheLimit() throws {
        let vectors = InflateTests.vectors()
        let vector = try #require(vectors.first { $0.name == "long-matches" })
        let stream = [UInt8](try #require(Data(base64Encoded: vector.deflate)))
        let plain = [UInt8](repeating: UInt8(ascii: "a"), count: 100_000)
        let bytes = Self.deflatedArchive([("a.txt", stream, plain), ("b.txt", stream, plain)])
        var archive = try ZipArchive(bytes: bytes, file: "bom.xlsx", maximumSize: 150_000)
        #expect(try archive.contents(of: "a.txt") == plain)
        #expect(Self.message { () throws(LoadError) in _ = try archive.contents(of: "b.txt") }
                == "bom.xlsx: the workbook's parts inflate to more than the limit of 150000 bytes; if the workbook is genuine, raise AMR_MAX_FILE_SIZE")
        // Declared 4 GB - 2 from 115 bytes: more than DEFLATE can hold.
        let lie = Self.deflatedArchive([("a.txt", stream, plain)], declaredSize: 0xFFFF_FFFE)
        #expect(Self.message { () throws(LoadError) in _ = try ZipArchive(bytes: lie, file: "bom.xlsx", maximumSize: Int(UInt32.max)) }
                == "bom.xlsx: the workbook is damaged: entry a.txt claims 4294967294 bytes from 115 compressed bytes, more than DEFLATE can hold; save it again from Excel")
        // Declared smaller than it inflates to.
        let small = Self.deflatedArchive([("a.txt", stream, plain)], declaredSize: 1000)
        var smallArchive = try ZipArchive(bytes: small, file: "bom.xlsx", maximumSize: 1 << 20)
        #expect(Self.message { () throws(LoadError) in _ = try smallArchive.contents(of: "a.txt") }
                == "bom.xlsx: the workbook is damaged: entry a.txt inflates to more than the 1000 bytes it declares; save it again from Excel")
    }

    @Test func aDataDescriptorMustRepeatTheDirectory() throws {
        let stream: [UInt8] = [0x03, 0x00]
        let good = Self.deflatedArchive([("a.txt", stream, [])], descriptor: true)
        var archive = try ZipArchive(bytes: good, file: "d.xlsx", maximumSize: 100)
        #expect(try archive.contents(of: "a.txt") == [])
        let bad = Self.deflatedArchive([("a.txt", stream, [])], descriptor: true, descriptorCRC: 7)
        #expect(Self.message { () throws(LoadError) in _ = try ZipArchive(bytes: bad, file: "d.xlsx", maximumSize: 100) }
                == "d.xlsx: the workbook is damaged: entry a.txt's data descriptor does not match the zip directory; save it again from Excel")
    }

    /// A zip of deflated entries (the test's own, since ZipWriter only stores).
    static func deflatedArchive(_ entries: [(name: String, stream: [UInt8], plain: [UInt8])], declaredSize: Int? = nil,
                                descriptor: Bool = false, descriptorCRC: UInt32? = nil) -> [UInt8] {
        var data: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ v: Int, _ out: inout [UInt8]) { out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: Int, _ out: inout [UInt8]) { for s in [0, 8, 16, 24] { out.append(UInt8((v >> s) & 0xFF)) } }
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = Int(CRC32.checksum(entry.plain))
            let size = declaredSize ?? entry.plain.count
            let offset = data.count
            u32(0x0403_4B50, &data); u16(20, &data); u16(descriptor ? 8 : 0, &data); u16(8, &data); u16(0, &data); u16(0x21, &data)
            u32(descriptor ? 0 : crc, &data); u32(descriptor ? 0 : entry.stream.count, &data); u32(descriptor ? 0 : size, &data)
            u16(name.count, &data); u16(0, &data); data += name; data += entry.stream
            if descriptor {
                u32(0x0807_4B50, &data); u32(Int(descriptorCRC ?? UInt32(crc)), &data); u32(entry.stream.count, &data); u32(size, &data)
            }
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(descriptor ? 8 : 0, &directory); u16(8, &directory)
            u16(0, &directory); u16(0x21, &directory); u32(crc, &directory); u32(entry.stream.count, &directory); u32(size, &directory)
            u16(name.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u32(0, &directory)
            u32(offset, &directory); directory += name
        }
        var result = data + directory
        u32(0x0605_4B50, &result); u16(0, &result); u16(0, &result); u16(entries.count, &result); u16(entries.count, &result)
        u32(directory.count, &result); u32(data.count, &result); u16(0, &result)
        return result
    }
}
