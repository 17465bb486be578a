import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads input files whole, turning every way that can fail into a `LoadError` that says so.
public enum FileInput {
    /// The bytes of the file at `path`; `-` reads standard input.
    public static func read(_ path: String, displayName: String? = nil, maximumSize: Int = InputLimits.standard.maximumFileSize) throws(LoadError) -> [UInt8] {
        let name = displayName ?? path
        if path == "-" { return try read(descriptor: STDIN_FILENO, displayName: name, maximumSize: maximumSize) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: name, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: name, reason: "it is a directory; give a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(file: name, reason: "permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw .unreadable(file: name, reason: "read failed")
        }
        if data.count > maximumSize {
            throw tooLarge(name, maximumSize)
        }
        return [UInt8](data)
    }

    /// Everything readable from `descriptor` (standard input, a pipe), up to `maximumSize` bytes:
    /// reading stops one byte past the limit, so an endless stream (`yes | amr check -`) costs
    /// no more memory than a file of the limit's size.
    public static func read(descriptor: Int32, displayName name: String, maximumSize: Int) throws(LoadError) -> [UInt8] {
        var bytes: [UInt8] = []
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while bytes.count <= maximumSize {
            let wanted = min(chunkSize, maximumSize + 1 - bytes.count)
            guard let base = chunk.baseAddress else { break }
            let count = Glibc.read(descriptor, base, wanted)
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: name, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        throw tooLarge(name, maximumSize)
    }

    static func tooLarge(_ name: String, _ maximumSize: Int) -> LoadError {
        .unreadable(file: name, reason: "larger than \(maximumSize) bytes; if it really is a plan or weights file, raise AMR_MAX_FILE_SIZE")
    }
}
