// libFuzzer harness: the DEFLATE decoder on the raw input, and the zip reader (directory, local
// headers, inflating and CRC-checking every entry) plus the whole workbook reader on it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZip(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? Inflate.inflate(bytes, limit: 1 << 20)
    if var archive = try? ZipArchive(bytes: bytes, file: "fuzz.xlsx", maximumSize: 1 << 20) {
        for entry in archive.entries { _ = try? archive.contents(of: entry.name) }
    }
    var limits = InputLimits()
    limits.maximumFileSize = 1 << 20
    if let records = try? WorkbookReader.records(bytes: bytes, file: "fuzz.xlsx", limits: limits) {
        _ = try? WeightTable.read(records: records, file: "fuzz.xlsx")
    }
    return 0
}
