// libFuzzer harness: the OpenDocument spreadsheet reader. The first byte picks what the rest is:
// with bit 1 clear, a content.xml, put in a package with the spreadsheet mimetype; with it set, a
// whole file (zip or anything else). Bit 0 asks for the table 'Blad2' instead of the first. The
// file is then read as a weights table (records, then the weights rules) and counted as a
// placement export, as `amr allocate --weights` and `amr placements` read it. The rest is also
// read as a content.xml handed out in chunks of 1 to 64 bytes (the top bits of the first byte):
// a part that reads without error whole must give the same rows, or the harness traps (a tag or text cut at
// a chunk's end read differently).
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
    let whole = odsRows(XMLBytes(rest))
    let chunked = odsRows(ODSChunks(bytes: rest, size: Int(data[0] >> 2) + 1))
    // Read whole, the part is checked (UTF-8, characters) as soon as it is in; in chunks the
    // reading may stop at the table's end before a bad byte after it. So: a part that reads
    // without error whole must read the same in chunks.
    if whole.last == "end" && whole != chunked { fatalError("chunks of \(Int(data[0] >> 2) + 1) bytes read \(chunked) instead of \(whole)") }
    return 0
}

/// The rows (column=text of each cell) of the first table in a content.xml, then the error's
/// text or the end.
func odsRows(_ source: any XMLByteSource) -> [String] {
    var scanner = ODSTableScanner(source: source, file: "fuzz.ods", sheet: nil, maximumCells: 1 << 16)
    var rows: [String] = []
    do {
        while try scanner.nextRow() {
            rows.append("\(scanner.row.number):" + scanner.row.cells.map { "\($0.column)=\(scanner.row.string($0))" }.joined(separator: "|"))
        }
        rows.append("end")
    } catch {
        // Where an error is found may differ by chunk (it is reported where it is seen), not whether.
        rows.append("error")
    }
    return rows
}

/// Bytes handed out at most `size` at a time.
struct ODSChunks: XMLByteSource {
    let bytes: [UInt8]
    let size: Int
    var offset = 0

    mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
        let count = min(size, destination.count, bytes.count - offset)
        for index in 0..<count { destination[index] = bytes[offset + index] }
        offset += count
        return count
    }
}
