// libFuzzer harness: the workbook's XML parts as amr reads them — the input is fed as a
// worksheet (with shared strings and date styles to refer to), as shared strings, as styles and
// as a workbook part; the rows a sheet gives are read as a weights table and written as
// placement lines. Also the number and
// date rules on the input as text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    if let number = ExcelNumber.normalized(text) {
        _ = ExcelDate.text(serial: number, kind: .date, date1904: false)
        _ = ExcelDate.text(serial: number, kind: .time, date1904: true)
    }
    _ = ExcelDate.kind(ofFormatCode: text)
    // The worksheet as WorksheetScanner reads it (the reader of weights and placements), each
    // row also written as the placement counter's CSV line and its columns found again.
    var shared = SharedStrings()
    for text in ["Gemeente", "Inwoners", "Delft", "Den Haag"] {
        shared.bytes += Array(text.utf8)
        shared.ends.append(UInt32(shared.bytes.count))
    }
    var rows = WorksheetScanner(source: XMLBytes(bytes), file: "fuzz.xlsx", sheet: "Blad1", part: "xl/worksheets/sheet1.xml",
                                sharedStrings: shared, styles: [.number, .date, .time], date1904: false)
    var records: [CSVRecord] = []
    let buffer = LineBuffer()
    while (try? rows.nextRow()) == true {
        let row = rows.row
        guard row.width <= 1 << 10 else { break }
        var fields = [String](repeating: "", count: row.width)
        for cell in row.cells { fields[cell.column - 1] = row.string(cell) }
        records.append(CSVRecord(fields: fields, line: row.number, columns: (0..<row.width).map { $0 + 1 }, numeric: [], sheet: "Blad1"))
        let end = PlacementSheet.line(for: row, into: buffer)
        _ = PlacementLines.textColumns(UnsafeBufferPointer(start: buffer.pointer, count: end))
    }
    _ = try? WeightTable.read(records: records, file: "fuzz.xlsx")
    _ = try? SharedStringsPart.read(XMLBytes(bytes), part: "strings", file: "fuzz.xlsx", maximumCount: 1 << 16)
    var styles = StylesPart()
    _ = try? XMLPart.parse(bytes, part: "styles", file: "fuzz.xlsx", into: &styles)
    var workbook = WorkbookPart()
    _ = try? XMLPart.parse(bytes, part: "workbook", file: "fuzz.xlsx", into: &workbook)
    var relationships = RelationshipsPart()
    if (try? XMLPart.parse(bytes, part: "rels", file: "fuzz.xlsx", into: &relationships)) != nil {
        for relationship in relationships.relationships { _ = RelationshipsPart.resolve(relationship.target, from: "xl/workbook.xml") }
    }
    return 0
}
