import AMRCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    var description: String
}

/// Writes a report to its destination: stdout, or a file written to a temporary name beside it
/// and renamed into place, so an interrupted run never leaves half a report.
///
/// What `-o PATH` does with what is already there (as coreutils' `cp` and `sort -o` do, and
/// the shell's `>`):
/// - nothing: a new file, with the usual mode (0666 less the umask);
/// - a regular file: replaced atomically, keeping its mode (and its owner, where amr may);
/// - a symbolic link: followed, and the file it points to is replaced (the link stays); a link
///   that points nowhere is refused, as `cp` refuses to write through a dangling link;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout` on a terminal or a pipe): written
///   straight into; `/dev/stdout` and `/dev/fd/1` are standard output itself, and another
///   descriptor by name (`/dev/stderr`, `/dev/fd/3`) is appended to, whatever it leads to;
/// - a directory, a block device, a socket: refused.
///
/// The temporary file has an unpredictable name and is created exclusively without following
/// links (`O_CREAT|O_EXCL|O_NOFOLLOW`), so a file or link planted under its name is never
/// written through; on any error it is removed.
enum OutputFile {
    static func write(_ text: String, to path: String?, inputs: [String], outcome: inout Outcome) throws(OutputError) {
        guard let path, !isStandardOutput(path) else {
            outcome.stdout += text
            return
        }
        try write(bytes: Array(text.utf8), to: path, inputs: inputs)
    }

    /// Writes documents as a file for an office suite (a workbook, a Word or OpenDocument file):
    /// to `path`, or to standard output when that is not a terminal (a pipe or a redirect); to a
    /// terminal it is refused, since its bytes would only garble the screen.
    static func write(office documents: [ReportDocument], as format: OutputFormat, to path: String?, inputs: [String],
                      environment: Environment, command: String, outcome: inout Outcome) throws {
        guard let path, !isStandardOutput(path) else {
            if environment.stdoutIsTerminal {
                let name = format.rawValue
                throw UsageError("--format \(name) writes \(format.fileKind), not text for a terminal; give -o FILE.\(name) (or redirect the output to a file)",
                                 command: command)
            }
            outcome.binary += try format.officeFile(documents) ?? []
            return
        }
        try write(bytes: try format.officeFile(documents) ?? [], to: path, inputs: inputs)
    }

    /// Writes a workbook's bytes: to `path`, or to standard output when that is not a terminal.
    static func write(workbook bytes: [UInt8], to path: String?, inputs: [String], environment: Environment,
                      command: String, outcome: inout Outcome) throws {
        guard let path, !isStandardOutput(path) else {
            if environment.stdoutIsTerminal {
                throw UsageError("--format xlsx writes a workbook, not text for a terminal; give -o FILE.xlsx (or redirect the output to a file)",
                                 command: command)
            }
            outcome.binary += bytes
            return
        }
        try write(bytes: bytes, to: path, inputs: inputs)
    }

    /// `-`, and the names Linux gives standard output: written as stdout is, so that the report
    /// and anything else amr prints arrive in order (and tests see them in `Outcome`).
    static func isStandardOutput(_ path: String) -> Bool {
        ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(path)
    }

    /// Whether `-o path` writes into a stream rather than a file: standard output, a character
    /// device or a FIFO (following links), so nothing there is replaced.
    static func writesStraight(_ path: String) -> Bool {
        if isStandardOutput(path) || isDescriptor(path) { return true }
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return status.st_mode & S_IFMT == S_IFCHR || status.st_mode & S_IFMT == S_IFIFO
    }

    /// `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: an open descriptor of this process by name,
    /// whatever it leads to (a terminal, a pipe, a file the shell opened with `2>log`).
    static func isDescriptor(_ path: String) -> Bool {
        path == "/dev/stderr" || path.hasPrefix("/dev/fd/") || path.hasPrefix("/proc/self/fd/")
    }

    static func write(bytes: [UInt8], to path: String, inputs: [String]) throws(OutputError) {
        let shown = TerminalText.visible(path)
        func failure(_ reason: String) -> OutputError { OutputError(description: "\(shown): \(reason)") }
        // Written into, appended: replacing the file behind the descriptor would leave the shell's
        // redirect writing to a file that is gone.
        if isDescriptor(path) { return try writeStraight(bytes, to: path, append: true, failure) }
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where input != "-" {
            if URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target.path {
                throw failure("cannot write the output over an input file; choose another -o/--output file")
            }
        }
        var link = stat()
        var destination = path
        var existing: stat?
        if lstat(path, &link) == 0 {
            var status = link
            if link.st_mode & S_IFMT == S_IFLNK {
                guard stat(path, &status) == 0 else {
                    throw failure(errno == ENOENT ? "is a symbolic link to a file that does not exist; amr does not write through a dangling link: remove it or give another file"
                                                  : "is a symbolic link that cannot be followed (\(String(cString: strerror(errno))))")
                }
            }
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                existing = status
                if link.st_mode & S_IFMT == S_IFLNK {
                    guard let resolved = realpath(path, nil) else { throw failure("cannot follow the symbolic link: \(String(cString: strerror(errno)))") }
                    destination = String(cString: resolved)
                    free(resolved)
                }
            case S_IFCHR, S_IFIFO:
                return try writeStraight(bytes, to: path, failure)
            case S_IFDIR:
                throw failure("is a directory; give a file name for -o/--output")
            default:
                throw failure("is \(kind(status.st_mode)), not a regular file; -o/--output writes regular files, character devices such as /dev/null, and FIFOs")
            }
        } else if errno != ENOENT {
            throw failure("cannot write: \(String(cString: strerror(errno)))")
        }
        try replace(destination, with: bytes, keeping: existing, failure)
    }

    /// Writes into a device or FIFO as it is, as the shell's `>` would.
    static func writeStraight(_ bytes: [UInt8], to path: String, append: Bool = false, _ failure: (String) -> OutputError) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (append ? O_APPEND : 0))
        guard descriptor >= 0 else { throw failure("cannot write: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        if let error = writeAll(bytes, to: descriptor) { throw failure("cannot write: \(String(cString: strerror(error)))") }
    }

    /// Writes a temporary file beside `destination` and renames it over it.
    static func replace(_ destination: String, with bytes: [UInt8], keeping existing: stat?, _ failure: (String) -> OutputError) throws(OutputError) {
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent().path
        var random = SystemRandomNumberGenerator()
        let token = (0..<2).map { _ in String(random.next() as UInt64, radix: 16) }.joined()
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).amr-\(token).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, existing == nil ? 0o666 : 0o600)
        guard descriptor >= 0 else {
            let reason = switch errno {
            case ENOENT where !FileManager.default.fileExists(atPath: directory), ENOTDIR:
                "the directory \(TerminalText.visible(directory)) does not exist"
            case EACCES, EPERM: "cannot create a file in \(TerminalText.visible(directory)): permission denied"
            default: "cannot create a file in \(TerminalText.visible(directory)): \(String(cString: strerror(errno)))"
            }
            throw failure("cannot write: " + reason)
        }
        var error = writeAll(bytes, to: descriptor)
        if error == nil, let existing {
            // The owner first: changing it may clear the set-id bits that the mode then restores.
            if geteuid() == 0 { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
            if fchmod(descriptor, existing.st_mode & 0o7777) != 0 { error = errno }
        }
        if error == nil, fsync(descriptor) != 0 { error = errno }
        if close(descriptor) != 0, error == nil { error = errno }
        if error == nil, rename(temporary, destination) != 0 { error = errno }
        if let error {
            unlink(temporary)
            throw failure("cannot write: \(String(cString: strerror(error)))")
        }
    }

    /// Writes every byte, retrying short writes and interrupted calls; the errno on failure.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }

    /// A file type in words, for a refusal.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }
}
