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
    static func run(_ arguments: [String]) -> Outcome { run(arguments, in: root) }

    /// Runs amr in-process from `directory`.
    static func run(_ arguments: [String], in directory: URL) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(directory.path), "cannot change to \(directory.path)")
        defer { #expect(FileManager.default.changeCurrentDirectoryPath(previous), "cannot change back to \(previous)") }
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

/// Deterministic pseudo-random numbers for the property tests (SplitMix64), so every run checks
/// the same cases and a failure can be replayed from its seed.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0...bound, by rejection so there is no modulo bias.
    mutating func upTo(_ bound: UInt64) -> UInt64 {
        if bound == .max { return next() }
        let range = bound + 1
        let limit = UInt64.max - UInt64.max % range
        while true {
            let value = next()
            if value < limit { return value % range }
        }
    }

    /// True with probability 1 in `n`.
    mutating func oneIn(_ n: UInt64) -> Bool { upTo(n - 1) == 0 }

    /// A number in `0..<bound` (plain modulo, as the CSV tests were written with).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func element<T>(_ items: [T]) -> T { items[below(items.count)] }
}
