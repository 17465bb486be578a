import AMRCore
import Foundation

/// An output file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    var description: String
}

/// Writes a report to its destination: stdout, or a file written to a temporary name beside it
/// and renamed into place, so an interrupted run never leaves half a report.
enum OutputFile {
    static func write(_ text: String, to path: String?, inputs: [String], outcome: inout Outcome) throws(OutputError) {
        guard let path, path != "-" else {
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
        guard let path, path != "-" else {
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
        guard let path, path != "-" else {
            if environment.stdoutIsTerminal {
                throw UsageError("--format xlsx writes a workbook, not text for a terminal; give -o FILE.xlsx (or redirect the output to a file)",
                                 command: command)
            }
            outcome.binary += bytes
            return
        }
        try write(bytes: bytes, to: path, inputs: inputs)
    }

    static func write(bytes: [UInt8], to path: String, inputs: [String]) throws(OutputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where input != "-" {
            if URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target.path {
                throw OutputError(description: "\(path): cannot write the output over an input file; choose another -o/--output file")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(description: "\(path): is a directory; give a file name for -o/--output")
        }
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).amr-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            throw OutputError(description: "\(path): cannot write: \(reason(error))")
        }
        if rename(temporary.path, target.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(description: "\(path): cannot write: \(String(cString: strerror(errno)))")
        }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileNoSuchFileError || nsError.code == 4 {
            return "the directory does not exist"
        }
        return "the directory does not exist or is not writable"
    }
}
