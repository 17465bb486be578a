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
    // The scanner's shortcuts for a sheet's cells must give what its events give.
    let events = scannerLeaves(bytes, shortcuts: false), shortcuts = scannerLeaves(bytes, shortcuts: true)
    if events.leaves != shortcuts.leaves || events.error != shortcuts.error {
        fatalError("XMLScanner shortcuts disagree with its events: \(events) against \(shortcuts)")
    }
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

/// Every element of `bytes` as it closes (`parent/name attributes=text`), read by events or
/// with `plainChild` and `plainContent` tried at every start; and the error that stopped it.
func scannerLeaves(_ bytes: [UInt8], shortcuts: Bool) -> (leaves: [String], error: XMLError?) {
    var scanner = XMLScanner(bytes: bytes)
    var out: [String] = []
    var stack: [(name: String, text: String)] = []
    do {
        while true {
            switch try scanner.next() {
            case .startElement:
                var name = scanner.uri(of: scanner.elementNamespace) + "|" + scanner.localName
                for index in 0..<scanner.attributeCount { name += " \(scanner.attributeName(at: index))=\(scanner.attributeValue(at: index))" }
                stack.append((name, ""))
                guard shortcuts else { continue }
                var childNamespace = XMLScanner.Namespace.none
                while let child = scanner.plainChild({ namespace, _ in
                    childNamespace = namespace
                    return true
                }) {
                    out.append(name + "/" + scanner.uri(of: childNamespace) + "|" + String(decoding: child.name, as: UTF8.self) + "=" + String(decoding: child.text, as: UTF8.self))
                }
                if let text = scanner.plainContent() {
                    let frame = stack.removeLast()
                    out.append((stack.last?.name ?? "") + "/" + frame.name + "=" + frame.text + String(decoding: text, as: UTF8.self))
                }
            case .text:
                stack[stack.count - 1].text += scanner.text()
            case .endElement:
                let frame = stack.removeLast()
                out.append((stack.last?.name ?? "") + "/" + frame.name + "=" + frame.text)
            case .endOfDocument:
                return (out, nil)
            }
        }
    } catch {
        return (out, error)
    }
}
