import Foundation
import Testing
@testable import AMRCore

/// The streamed sheet reader gives the same records as the XMLParser-based reader it replaced,
/// on every workbook in the repository (fixtures, corpus inputs, regressions, fuzz seeds) and
/// every sheet of each: Workbooks/records-before-scanner.json was written by this test running
/// on the old reader (commit d127c2d, `AMR_DUMP_RECORDS=path`). A workbook the old reader
/// refused must still be refused (the wording of some messages changed).
@Suite struct WorkbookRecordsTests {
    struct Outcome: Codable, Equatable {
        var records: [[String]]?
        var failed: Bool
    }

    static let golden = TestSupport.root.appendingPathComponent("Tests/AMRCoreTests/Workbooks/records-before-scanner.json")

    static func workbooks() -> [String] {
        let folders = ["Fixtures", "Fuzz/seeds/zip", "Tests/AMRCoreTests/Corpus/inputs", "Tests/AMRCoreTests/Regressions/weights", "Tests/AMRCoreTests/Workbooks"]
        var paths: [String] = []
        for folder in folders {
            let url = TestSupport.root.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".xlsx") {
                paths.append(folder + "/" + name)
            }
        }
        return paths.sorted()
    }

    /// Every sheet's records (or that it failed), keyed `path` and `path#sheet`.
    static func outcomes() -> [String: Outcome] {
        var result: [String: Outcome] = [:]
        for path in workbooks() {
            guard let data = FileManager.default.contents(atPath: TestSupport.root.appendingPathComponent(path).path) else { continue }
            let bytes = [UInt8](data)
            var names: [String?] = [nil]
            if var archive = try? ZipArchive(bytes: bytes, file: path, maximumSize: 1 << 28), let workbook = try? archive.contents(of: "xl/workbook.xml") {
                var part = WorkbookPart()
                if (try? XMLPart.parse(workbook, part: "xl/workbook.xml", file: path, into: &part)) != nil { names += part.sheets.map(\.name) }
            }
            for name in names {
                let key = name.map { path + "#" + $0 } ?? path
                do {
                    let records = try WorkbookReader.records(bytes: bytes, file: path, sheet: name)
                    result[key] = Outcome(records: records.map { record in
                        ["\(record.line)", record.columns.map(String.init).joined(separator: " "), record.numeric.sorted().map(String.init).joined(separator: " "),
                         record.sheet ?? ""] + record.fields
                    }, failed: false)
                } catch {
                    result[key] = Outcome(records: nil, failed: true)
                }
            }
        }
        return result
    }

    @Test func theStreamedReaderGivesTheRecordsOfTheOldOne() throws {
        let now = Self.outcomes()
        if let path = ProcessInfo.processInfo.environment["AMR_DUMP_RECORDS"] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(now).write(to: URL(fileURLWithPath: path))
            return
        }
        let data = try #require(FileManager.default.contents(atPath: Self.golden.path))
        let before = try JSONDecoder().decode([String: Outcome].self, from: data)
        #expect(before.count >= 26)
        #expect(Set(before.keys).isSubset(of: Set(now.keys)))
        for (key, outcome) in before.sorted(by: { $0.key < $1.key }) {
            #expect(now[key] == outcome, "\(key)")
        }
        #expect(before.values.contains { ($0.records?.count ?? 0) > 100 })
    }
}
