import Foundation

/// Reads input files whole, turning every way that can fail into a `LoadError` that says so.
public enum FileInput {
    /// The bytes of the file at `path`; `-` reads standard input.
    public static func read(_ path: String, displayName: String? = nil, maximumSize: Int = InputLimits.standard.maximumFileSize) throws(LoadError) -> [UInt8] {
        let name = displayName ?? path
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return [UInt8](data)
        }
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
            throw .unreadable(file: name, reason: "larger than \(maximumSize) bytes; if it really is a plan or weights file, raise AMR_MAX_FILE_SIZE")
        }
        return [UInt8](data)
    }
}
