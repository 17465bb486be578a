// libFuzzer harness: the OpenDocument spreadsheet reader. The first byte picks what the rest is:
// with bit 1 clear, a content.xml, put in a package with the spreadsheet mimetype; with it set, a
// whole file (zip or anything else). Bit 0 asks for the table 'Blad2' instead of the first. The
// file is then read as a weights table (records, then the weights rules) and counted as a
// placement export, as `amr allocate --weights` and `amr placements` read it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzODS(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var limits = InputLimits()
    limits.maximumFileSize = 1 << 20
    var file = rest
    if data[0] & 2 == 0 {
        var zip = ZipWriter()
        guard (try? zip.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))) != nil,
              (try? zip.add("content.xml", rest)) != nil, let bytes = try? zip.archive() else { return 0 }
        file = bytes
    }
    let sheet: String? = data[0] & 1 == 1 ? "Blad2" : nil
    if let records = try? WorkbookReader.records(bytes: file, file: "fuzz.ods", sheet: sheet, limits: limits) {
        _ = try? WeightTable.read(records: records, file: "fuzz.ods")
    }
    if let placements = try? PlacementSheet(bytes: file, file: "fuzz.ods", sheet: sheet, limits: limits) {
        _ = try? PlacementCounter(groupBy: [.gemeente, .month], threads: 1).count(placements, file: "fuzz.ods")
    }
    _ = ODSTableScanner.dateText(String(decoding: rest.prefix(64), as: UTF8.self))
    return 0
}
