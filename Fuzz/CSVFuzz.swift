// libFuzzer harness: text decoding, the CSV reader, weights tables and the placement counter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let text = try? TextDecoding.decode(bytes, file: "fuzz.csv") {
        _ = try? CSVReader.records(text, delimiter: CSVReader.detectDelimiter(text), file: "fuzz.csv")
    }
    if let table = try? WeightTable.read(bytes: bytes, file: "fuzz.csv") {
        _ = try? PlanAllocator.allocate(Money(cents: 15_950_000), over: table, file: "fuzz.csv")
    }
    _ = try? PlacementCounter(groupBy: [.gemeente, .sector, .month], filter: ["doelgroep": "WW"]).count(bytes: bytes, file: "fuzz.csv")
    return 0
}
