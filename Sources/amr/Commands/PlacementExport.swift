import AMRCore
import Foundation

/// A placement export given on the command line: a CSV file, counted in place, or an Excel
/// workbook, recognised by its first bytes and read as a sheet.
enum PlacementExport {
    /// The sheet when `path` is a workbook; nil for a CSV file or standard input.
    static func sheet(_ path: String, sheet name: String?, limits: InputLimits) throws -> PlacementSheet? {
        guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        try? handle.close()
        switch WorkbookReader.signature(of: head) {
        case .zip:
            let bytes = try FileInput.read(path, maximumSize: limits.maximumFileSize)
            return try PlacementSheet(bytes: bytes, file: path, sheet: name, limits: limits)
        case .ole:
            throw WorkbookReader.oleMessage(file: path)
        case .other:
            return nil
        }
    }
}
