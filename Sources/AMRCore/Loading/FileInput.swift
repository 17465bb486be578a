import Foundation

/// Reads input files whole, turning every way that can fail into a `LoadError` that says so.
public enum FileInput {
    /// Files larger than this are refused; real plans and exports are far smaller.
    public static let defaultMaximumSize = 256 * 1024 * 1024

    /// The bytes of the file at `path`; `-` reads standard input.
    public static func read(_ path: String, displayName: String? = nil, maximumSize: Int = defaultMaximumSize) throws(LoadError) -> [UInt8] {
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
            throw .unreadable(file: name, reason: "larger than \(maximumSize / (1024 * 1024)) MiB")
        }
        return [UInt8](data)
    }
}
