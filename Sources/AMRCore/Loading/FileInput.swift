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
        // Straight into the array, sized from the file's size: reading into `Data` first and
        // converting held the file twice in memory (a 23 MB workbook cost 46 MB at its peak).
        var info = stat()
        let descriptor = handle.fileDescriptor
        guard fstat(descriptor, &info) == 0, info.st_size >= 0 else {
            return try read(descriptor: descriptor, displayName: name, maximumSize: maximumSize)
        }
        let expected = Int(info.st_size)
        if expected > maximumSize { throw tooLarge(name, maximumSize) }
        var failure: LoadError?
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < expected {
                let count = Glibc.read(descriptor, base + initialized, expected - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = .unreadable(file: name, reason: "read failed: \(String(cString: strerror(errno)))")
                    return
                }
                if count == 0 { return }
                initialized += count
            }
        }
        if let failure { throw failure }
        // A file that grew since `fstat` (or reports no size, as some special files do): the rest.
        if bytes.count == expected { try append(descriptor: descriptor, displayName: name, maximumSize: maximumSize, to: &bytes) }
        return bytes
    }

    /// Everything readable from `descriptor` (standard input, a pipe), up to `maximumSize` bytes:
    /// reading stops one byte past the limit, so an endless stream (`yes | amr check -`) costs
    /// no more memory than a file of the limit's size.
    public static func read(descriptor: Int32, displayName name: String, maximumSize: Int) throws(LoadError) -> [UInt8] {
        var bytes: [UInt8] = []
        try append(descriptor: descriptor, displayName: name, maximumSize: maximumSize, to: &bytes)
        return bytes
    }

    /// Appends what is left to read from `descriptor` to `bytes`, which may hold `maximumSize`
    /// bytes in all.
    static func append(descriptor: Int32, displayName name: String, maximumSize: Int, to bytes: inout [UInt8]) throws(LoadError) {
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
            if count == 0 { return }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        throw tooLarge(name, maximumSize)
    }

    static func tooLarge(_ name: String, _ maximumSize: Int) -> LoadError {
        .unreadable(file: name, reason: "larger than \(maximumSize) bytes; if it really is a plan or weights file, raise AMR_MAX_FILE_SIZE")
    }
}
