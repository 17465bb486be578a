// libFuzzer harness: text decoding, the CSV reader, weights tables and the placement counter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let text = try? TextDecoding.decode(bytes, file: "fuzz.csv") {
        _ = try? CSVReader.records(text, delimiter: CSVReader.detectDelimiter(text), file: "fuzz.csv")
    }
    do {
        let table = try WeightTable.read(bytes: bytes, file: "fuzz.csv")
        if let report = try? PlanAllocator.allocate(Money(cents: 15_950_000), over: table, file: "fuzz.csv") {
            // Names from the file reach the terminal table only as visible text.
            for format in [OutputFormat.table, .markdown] {
                let output = AllocationRenderer(locale: .nl).render([report], as: format)
                if output.unicodeScalars.contains(where: { TerminalText.needsEscape($0) && $0 != "\n" }) { fatalError("\(format) with a control character") }
                for line in output.split(separator: "\n") where line.drop(while: { $0 == " " }).hasPrefix("::") { fatalError("a line begins a workflow command") }
            }
        }
    } catch {
        if error.description.unicodeScalars.contains(where: TerminalText.needsEscape) { fatalError("a message with a control character") }
    }
    _ = try? PlacementCounter(groupBy: [.gemeente, .sector, .month], filter: ["doelgroep": "WW"]).count(bytes: bytes, file: "fuzz.csv")
    return 0
}
