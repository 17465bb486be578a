import Foundation
import Testing
@testable import amr

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root, found from this file's path so tests work from any directory.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String { root.appendingPathComponent("Fixtures/\(name)").path }

    static var updating: Bool { ProcessInfo.processInfo.environment["AMR_UPDATE_GOLDEN"] == "1" }

    /// Runs amr in-process from the package root, so relative paths in arguments and messages
    /// read as a user would type them.
    static func run(_ arguments: [String]) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(root.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return Tool.run(arguments, environment: Environment(variables: [:], stdoutIsTerminal: false))
    }

    static let lock = NSLock()

    /// Compares `actual` with the golden file `Golden/name`, or rewrites it when AMR_UPDATE_GOLDEN=1.
    static func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = root.appendingPathComponent("Tests/AMRCoreTests/Golden/\(name)")
        if updating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); run AMR_UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        #expect(String(decoding: data, as: UTF8.self) == actual, "golden file \(name) differs", sourceLocation: sourceLocation)
    }
}
