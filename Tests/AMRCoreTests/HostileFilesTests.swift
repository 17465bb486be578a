import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import AMRCore
@testable import amr

/// amr run as root in CI on files mailed in by others (issue 18): what `-o` does with what is
/// already at its path, text from files on its way to a terminal or a CI log, standard input,
/// and the limits that keep the process alive. Device files are made with `mknod` in a scratch
/// directory (never in /dev); where the test may not make devices those tests are skipped.
@Suite struct HostileFilesTests {
    /// A fresh directory under the temporary directory, removed by the caller.
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amr-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Whether this process may make device nodes (root, or CAP_MKNOD, and a file system that allows them).
    static let canMakeDevices: Bool = {
        guard let directory = try? scratch() else { return false }
        defer { try? FileManager.default.removeItem(at: directory) }
        return mknod(directory.appendingPathComponent("null").path, S_IFCHR | 0o666, Self.device(1, 3)) == 0
    }()

    /// glibc's `makedev` (a macro Swift does not see), for the small numbers used here.
    static func device(_ major: UInt64, _ minor: UInt64) -> dev_t {
        dev_t(((major & 0xFFF) << 8) | (minor & 0xFF) | ((minor & ~0xFF) << 12))
    }

    static func fileType(_ path: String) -> mode_t? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }

    /// The arguments of a small allocation written to `output`.
    static func allocation(to output: String, weights: String) -> [String] {
        ["allocate", "--total", "1000", "--weights", weights, "--format", "csv", "-o", output]
    }

    static func weights(in directory: URL) throws -> String {
        let file = directory.appendingPathComponent("w.csv")
        try Data("naam;gewicht\nDelft;1\nRijswijk;2\n".utf8).write(to: file)
        return file.path
    }

    /// The names in `directory` that look like amr's temporary files.
    static func leftovers(_ directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.contains(".amr-") }
    }

    // MARK: - -o and what is already there

    @Test(.enabled(if: canMakeDevices, "this test may not make device nodes (mknod needs root or CAP_MKNOD)"))
    func aCharacterDeviceIsWrittenIntoNotReplaced() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let device = directory.appendingPathComponent("mynull").path
        #expect(mknod(device, S_IFCHR | 0o666, Self.device(1, 3)) == 0)
        let outcome = Tool.run(Self.allocation(to: device, weights: try Self.weights(in: directory)), environment: Environment())
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(Self.fileType(device) == S_IFCHR)
        #expect(Self.leftovers(directory).isEmpty)
    }

    @Test(.enabled(if: canMakeDevices, "this test may not make device nodes (mknod needs root or CAP_MKNOD)"))
    func aFullDeviceGivesItsReason() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let device = directory.appendingPathComponent("full").path
        #expect(mknod(device, S_IFCHR | 0o666, Self.device(1, 7)) == 0)
        let outcome = Tool.run(Self.allocation(to: device, weights: try Self.weights(in: directory)), environment: Environment())
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: \(device): cannot write: No space left on device\n")
        #expect(Self.fileType(device) == S_IFCHR)
    }

    @Test(.enabled(if: canMakeDevices, "this test may not make device nodes (mknod needs root or CAP_MKNOD)"))
    func aBlockDeviceIsRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let device = directory.appendingPathComponent("disk").path
        // Only the node is made; nothing reads or writes the device behind it.
        #expect(mknod(device, S_IFBLK | 0o600, Self.device(7, 250)) == 0)
        let outcome = Tool.run(Self.allocation(to: device, weights: try Self.weights(in: directory)), environment: Environment())
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: \(device): is a block device, not a regular file; -o/--output writes regular files, character devices such as /dev/null, and FIFOs\n")
        #expect(Self.fileType(device) == S_IFBLK)
        #expect(Self.leftovers(directory).isEmpty)
    }

    @Test func aFIFOIsWrittenIntoNotReplaced() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader first, so that amr's open for writing does not wait; the report (a few hundred
        // bytes) fits in the pipe's buffer, so amr finishes before it is read.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let weights = try Self.weights(in: directory)
        let outcome = Tool.run(Self.allocation(to: fifo, weights: weights), environment: Environment())
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(reader, &buffer, buffer.count)
        let expected = Tool.run(["allocate", "--total", "1000", "--weights", weights, "--format", "csv"], environment: Environment())
        #expect(count > 0)
        #expect(Array(buffer.prefix(max(0, count))) == Array(expected.stdout.utf8))
        #expect(Self.fileType(fifo) == S_IFIFO)
    }

    @Test func standardOutputByNameIsStandardOutput() {
        // Tested by name only: a test never touches the real /dev.
        for name in ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"] { #expect(OutputFile.isStandardOutput(name)) }
        #expect(!OutputFile.isStandardOutput("/dev/stderr"))
        #expect(!OutputFile.isStandardOutput("stdout"))
    }

    @Test func aDescriptorByNameIsAppendedToNotReplaced() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // As `amr … -o /dev/stderr 2>log` would: the shell's file behind a descriptor of ours
        // (named through /proc, so the test stays out of /dev).
        let log = directory.appendingPathComponent("log").path
        #expect(FileManager.default.createFile(atPath: log, contents: Data("before\n".utf8)))
        let descriptor = open(log, O_WRONLY | O_APPEND)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var before = stat()
        _ = stat(log, &before)
        let outcome = Tool.run(Self.allocation(to: "/proc/self/fd/\(descriptor)", weights: try Self.weights(in: directory)), environment: Environment())
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        var after = stat()
        _ = stat(log, &after)
        #expect(after.st_ino == before.st_ino)
        let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        #expect(text.hasPrefix("before\n") && text.contains("Rijswijk"))
    }

    @Test func anExistingFileKeepsItsMode() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.csv").path
        #expect(FileManager.default.createFile(atPath: report, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
        let outcome = Tool.run(Self.allocation(to: report, weights: try Self.weights(in: directory)), environment: Environment())
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(Self.mode(report) == 0o600)
        #expect(String(decoding: FileManager.default.contents(atPath: report) ?? Data(), as: UTF8.self).contains("Rijswijk"))
        #expect(Self.leftovers(directory).isEmpty)
    }

    @Test func aSymbolicLinkIsFollowedAndStays() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("reports/2026.csv")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: target.path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640]))
        let link = directory.appendingPathComponent("latest.csv").path
        #expect(symlink("reports/2026.csv", link) == 0)
        let outcome = Tool.run(Self.allocation(to: link, weights: try Self.weights(in: directory)), environment: Environment())
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(Self.fileType(link) == S_IFLNK)
        #expect(Self.fileType(target.path) == S_IFREG)
        #expect(Self.mode(target.path) == 0o640)
        #expect(String(decoding: FileManager.default.contents(atPath: target.path) ?? Data(), as: UTF8.self).contains("Rijswijk"))
        #expect(Self.leftovers(directory).isEmpty && Self.leftovers(target.deletingLastPathComponent()).isEmpty)
    }

    @Test func aDanglingSymbolicLinkIsRefused() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("report.csv").path
        #expect(symlink("nowhere/else.csv", link) == 0)
        let outcome = Tool.run(Self.allocation(to: link, weights: try Self.weights(in: directory)), environment: Environment())
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: \(link): is a symbolic link to a file that does not exist; amr does not write through a dangling link: remove it or give another file\n")
        #expect(Self.fileType(link) == S_IFLNK)
        #expect(Self.leftovers(directory).isEmpty)
    }

    @Test func aPlantedLinkUnderTheOldTemporaryNameIsNotWrittenThrough() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let victim = directory.appendingPathComponent("victim.txt").path
        #expect(FileManager.default.createFile(atPath: victim, contents: Data("precious".utf8)))
        // The name amr's temporary file had before: predictable from the process id.
        let planted = directory.appendingPathComponent(".report.csv.amr-\(getpid()).tmp").path
        #expect(symlink(victim, planted) == 0)
        let outcome = Tool.run(Self.allocation(to: directory.appendingPathComponent("report.csv").path, weights: try Self.weights(in: directory)),
                               environment: Environment())
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(FileManager.default.contents(atPath: victim) == Data("precious".utf8))
        #expect(Self.fileType(planted) == S_IFLNK)
    }

    @Test func theTemporaryNameIsUnpredictableAndExclusive() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Whatever name amr picks, an existing file or link under it is never opened: exclusive
        // creation without following links. Plant links under every name of the old scheme and
        // a file of the new scheme's shape; the report still arrives and nothing else changes.
        let victim = directory.appendingPathComponent("victim.txt").path
        #expect(FileManager.default.createFile(atPath: victim, contents: Data("precious".utf8)))
        for pid in [getpid(), getpid() + 1, 1] {
            _ = symlink(victim, directory.appendingPathComponent(".r.csv.amr-\(pid).tmp").path)
        }
        let report = directory.appendingPathComponent("r.csv").path
        for _ in 0..<3 {
            let outcome = Tool.run(Self.allocation(to: report, weights: try Self.weights(in: directory)), environment: Environment())
            #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        }
        #expect(FileManager.default.contents(atPath: victim) == Data("precious".utf8))
        #expect(Self.leftovers(directory).count == 3)
    }

    @Test func aMissingDirectoryIsNamed() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("no/such/dir/r.csv").path
        let outcome = Tool.run(Self.allocation(to: output, weights: try Self.weights(in: directory)), environment: Environment())
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: \(output): cannot write: the directory \(directory.path)/no/such/dir does not exist\n")
    }

    // MARK: - Text from files on its way to a terminal or a CI log

    @Test func theEscapingRule() {
        #expect(TerminalText.visible("a\u{1B}[2J\u{7}b\u{202E}c\nd\te\r\u{0}\u{85}\u{2028}") == "a\\u{1B}[2J\\u{7}b\\u{202E}c\\nd\\te\\r\\u{0}\\u{85}\\u{2028}")
        #expect(TerminalText.visible("Den Haag – ’s-Gravenhage € 1.000 \\x") == "Den Haag – ’s-Gravenhage € 1.000 \\x")
        #expect(TerminalText.visible("👩‍👩‍👧 Súdwest-Fryslân") == "👩‍👩‍👧 Súdwest-Fryslân")
        #expect(TerminalText.lines("::error::x\n  ::warning::y\n\t::set-output\nok :: fine\n:single") == "\\u{3A}:error::x\n  \\u{3A}:warning::y\n\t\\u{3A}:set-output\nok :: fine\n:single")
        #expect(TerminalText.lines("amr: error: a\u{1B}b\n") == "amr: error: a\\u{1B}b\n")
        #expect(TerminalText.guardingCommands("\u{1B}[32m::ok\u{1B}[0m\n::x") == "\u{1B}[32m::ok\u{1B}[0m\n\\u{3A}:x")
        let long = String(repeating: "9", count: 100_000)
        // The run cut is the whole word, quotes included: 100,002 characters, 80 of them kept.
        #expect(TerminalText.shortened("amount '\(long)' is too large") ==
            "amount '\(String(repeating: "9", count: 59))…(99922 characters left out)…\(String(repeating: "9", count: 19))' is too large")
        let path = "/" + String(repeating: "a", count: 150)
        #expect(TerminalText.shortened(path + ": x") == path + ": x")
    }

    /// The allocation fixture with the name of its first allocation replaced by `name` (JSON text).
    static func plan(withAllocationNamed name: String, in directory: URL, file: String = "plan.json") throws -> String {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("haaglanden-2018.json"))), as: UTF8.self)
        let original = "Verdeling naar inwonertal, optie a (Schema 3)"
        #expect(text.contains(original))
        let url = directory.appendingPathComponent(file)
        try Data(text.replacingOccurrences(of: original, with: name).utf8).write(to: url)
        return url.path
    }

    static let hostileName = #"Schema 3\n::error file=x.json::pwned\u001b]0;title\u0007\u202e\r"#

    static func expectNothingInvisible(_ text: String, keepingLines: Bool = true, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter { TerminalText.needsEscape($0) && !(keepingLines && $0 == "\n") }
        #expect(bad.isEmpty, "\(what) holds \(bad.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
        for line in text.split(separator: "\n") {
            #expect(!line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("::"), "\(what): \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test func checkTextCannotStartAWorkflowCommandOrDriveTheTerminal() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try Self.plan(withAllocationNamed: Self.hostileName, in: directory)
        let outcome = Tool.run(["check", plan, "--locale", "en"], environment: Environment())
        #expect(outcome.exitCode == 1)
        Self.expectNothingInvisible(outcome.stdout, "check text")
        #expect(outcome.stdout.contains(#"the shares of "Schema 3\n::error file=x.json::pwned\u{1B}]0;title\u{7}\u{202E}\r" add up to"#))
    }

    @Test func githubAnnotationsStayOneCommandEach() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = try Self.plan(withAllocationNamed: Self.hostileName + " 100%", in: directory, file: "a,b:%c.json")
        let outcome = Tool.run(["check", plan, "--format", "github", "--locale", "en"], environment: Environment())
        #expect(outcome.exitCode == 1)
        let lines = outcome.stdout.split(separator: "\n")
        // The plan's two errors and the CBS warning on Westland, each one annotation, then the summary.
        let annotations = lines.dropLast()
        #expect(annotations.count == 3)
        #expect(lines.last?.hasPrefix("checked 1 file") == true)
        for annotation in annotations {
            #expect(annotation.hasPrefix("::error file=\(directory.path)/a%2Cb%3A%25c.json,line=")
                    || annotation.hasPrefix("::warning file=\(directory.path)/a%2Cb%3A%25c.json,line="))
            #expect(!annotation.unicodeScalars.contains { TerminalText.needsEscape($0) })
        }
        let errors = annotations.filter { $0.hasPrefix("::error ") }
        #expect(errors.count == 2)
        #expect(errors.first?.contains(#"the shares of "Schema 3\n::error file=x.json::pwned\u{1B}]0;title\u{7}\u{202E}\r 100%25" add up"#) == true)
    }

    @Test func namesInTablesAreShownVisibly() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let weights = directory.appendingPathComponent("w.csv")
        try Data("naam;gewicht\n\"\u{1B}[2J\u{7}Delft\u{202E}\";1\n::error::x Rijswijk;2\n".utf8).write(to: weights)
        for format in ["table", "markdown"] {
            let outcome = Tool.run(["allocate", "--total", "1000", "--weights", weights.path, "--format", format], environment: Environment())
            #expect(outcome.exitCode == 0, "\(outcome.stderr)")
            Self.expectNothingInvisible(outcome.stdout, format)
            #expect(outcome.stdout.contains(format == "table" ? #"\u{1B}[2J\u{7}Delft\u{202E}"# : #"\\u{1B}\[2J\\u{7}Delft\\u{202E}"#))
            if format == "table" { #expect(outcome.stdout.contains("\n\\u{3A}:error::x Rijswijk ")) }
        }
    }

    @Test func aCSVRowCannotStartAWorkflowCommand() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let weights = directory.appendingPathComponent("w.csv")
        try Data("naam;gewicht\n::error::x;1\nRijswijk;2\n".utf8).write(to: weights)
        let outcome = Tool.run(["allocate", "--total", "1000", "--weights", weights.path, "--format", "csv", "--locale", "en"], environment: Environment())
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\r\n\"::error::x\",1,333.33\r\n"))
        for line in outcome.stdout.split(separator: "\n") { #expect(!line.hasPrefix("::")) }
    }

    @Test func aPlanTitleCannotStartALine() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("veenstreek-monitor-2021.json"))), as: UTF8.self)
        let plan = directory.appendingPathComponent("m.json")
        let hostile = text.replacingOccurrences(of: #""title": ""#, with: #""title": "::error::x\u001b[2J"#)
        #expect(hostile != text)
        try Data(hostile.utf8).write(to: plan)
        let outcome = Tool.run(["monitor", plan.path, "--as-of", "2021-06-30"], environment: Environment())
        #expect(outcome.exitCode != 2, "\(outcome.stderr)")
        Self.expectNothingInvisible(outcome.stdout, "monitor table")
    }

    @Test func fileNamesInMessagesAreShownVisibly() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "x\u{1B}]0;t\u{7}\n::error::y.json"
        try Data("{".utf8).write(to: directory.appendingPathComponent(name))
        let outcome = Tool.run(["check", directory.appendingPathComponent(name).path], environment: Environment())
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: \(directory.path)/x\\u{1B}]0;t\\u{7}\\n::error::y.json:1:2: invalid JSON: the file ends inside the object that starts at line 1, column 1; expected '}'\n")
    }

    // MARK: - Standard input and the limits

    @Test func standardInputStopsAtTheFileSizeLimit() throws {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let saved = dup(STDIN_FILENO)
        #expect(dup2(ends[0], STDIN_FILENO) == STDIN_FILENO)
        // A writer that would give 64 MiB of spaces (`yes ' '`), far past the limit of 1 MB.
        final class Counter: @unchecked Sendable { var written = 0 }
        let counter = Counter()
        let writer = Thread { [writeEnd = ends[1]] in
            let chunk = [UInt8](repeating: 0x20, count: 65536)
            while counter.written < 64 << 20 {
                let n = chunk.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                counter.written += n
            }
            close(writeEnd)
        }
        writer.start()
        let outcome = Tool.run(["check", "-"], environment: Environment(variables: ["AMR_MAX_FILE_SIZE": "1000000"]))
        dup2(saved, STDIN_FILENO)
        close(saved)
        close(ends[0])
        while !writer.isFinished { usleep(1000) }
        #expect(outcome.exitCode == 2)
        #expect(outcome.stderr == "amr: error: <stdin>: cannot read: larger than 1000000 bytes; if it really is a plan or weights file, raise AMR_MAX_FILE_SIZE\n")
        // Reading stopped at the limit: the writer was cut off long before its 64 MiB.
        #expect(counter.written < 4 << 20)
    }

    @Test func theJSONDepthHasACeiling() throws {
        let plan = TestSupport.fixture("haaglanden-2018.json")
        let deep = Tool.run(["check", plan], environment: Environment(variables: ["AMR_MAX_JSON_DEPTH": "100000000"]))
        #expect(deep.exitCode == 2)
        #expect(deep.stderr == "amr: error: AMR_MAX_JSON_DEPTH=100000000 is more than 512, the deepest nesting amr reads without risking its stack; unset it or give at most 512 (see 'amr --help')\n")
        #expect(Tool.run(["check", plan], environment: Environment(variables: ["AMR_MAX_JSON_DEPTH": "512"])).exitCode == 1)
        // The reader keeps to the ceiling whatever its caller asks: 10,000 nested arrays are an
        // error, not a crash.
        let nested = Array(repeating: UInt8(ascii: "["), count: 10_000) + Array(repeating: UInt8(ascii: "]"), count: 10_000)
        #expect(throws: LoadError.syntax(SourceLocation(file: "deep.json", line: 1, column: 513),
                                         "nesting deeper than 512 levels; plan files need far fewer (amr reads no deeper, to keep the stack safe)")) {
            try JSONReader.parse(nested, file: "deep.json", maximumDepth: 100_000_000)
        }
        // The ceiling itself is read without trouble.
        let atCeiling = Array(repeating: UInt8(ascii: "["), count: 512) + Array(repeating: UInt8(ascii: "]"), count: 512)
        #expect(throws: Never.self) { try JSONReader.parse(atCeiling, file: "deep.json", maximumDepth: 512) }
    }

    @Test func aPlainZipOf65535EntriesIsNotZip64() throws {
        var writer = ZipWriter()
        for index in 0..<65_535 { try writer.add("e/\(index)", []) }
        let bytes = try writer.archive()
        let archive = try ZipArchive(bytes: bytes, file: "many.zip", maximumSize: 1 << 30)
        #expect(archive.entries.count == 65_535)
        #expect(archive.entries.last?.name == "e/65534")
    }
}
