// libFuzzer harness: the document reader. The first byte picks what the rest is: the XML of a
// Word part, the XML of an OpenDocument part, or a whole file (zip, OLE, PDF, …); every table
// found is then interpreted and checked as `amr check` would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var limits = InputLimits()
    limits.maximumFileSize = 1 << 20
    var documentLimits = DocumentLimits()
    documentLimits.maximumCells = 20_000
    var tables: [DocumentTable] = []
    switch data[0] % 3 {
    case 0: tables = (try? DocumentReader.collect(bytes, part: "word/document.xml", file: "fuzz.docx", dialect: .wordprocessing, limits: documentLimits)) ?? []
    case 1: tables = (try? DocumentReader.collect(bytes, part: "content.xml", file: "fuzz.odt", dialect: .openDocument, limits: documentLimits)) ?? []
    default: tables = (try? DocumentReader.tables(bytes: bytes, file: "fuzz.docx", limits: limits, documentLimits: documentLimits))?.tables ?? []
    }
    let check = DocumentCheck(file: "fuzz.docx", tables: tables, notation: DocumentReader.notation(of: tables, declared: nil), regionNames: ["haaglanden"])
    _ = try? check.findings(locale: .nl)
    _ = check.skippedTables(locale: .en)
    return 0
}
