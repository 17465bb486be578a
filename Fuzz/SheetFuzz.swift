// libFuzzer harness: the workbook's XML parts as amr reads them — the input is fed as a
// worksheet (with shared strings and date styles to refer to), as shared strings, as styles and
// as a workbook part; a sheet that reads is then read as a weights table. Also the number and
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
    var sheet = WorksheetPart(file: "fuzz.xlsx", sheet: "Blad1", part: "xl/worksheets/sheet1.xml",
                              sharedStrings: ["Gemeente", "Inwoners", "Delft", "Den Haag"],
                              styles: [.number, .date, .time], date1904: false, maximumFields: 1 << 16)
    if (try? XMLPart.parse(bytes, part: "sheet", file: "fuzz.xlsx", into: &sheet)) != nil {
        _ = try? WeightTable.read(records: sheet.records, file: "fuzz.xlsx")
    }
    var strings = SharedStringsPart(maximumCount: 1 << 16, file: "fuzz.xlsx")
    _ = try? XMLPart.parse(bytes, part: "strings", file: "fuzz.xlsx", into: &strings)
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
