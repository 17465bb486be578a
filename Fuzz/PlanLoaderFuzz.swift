// libFuzzer harness: the plan loader, the checker and the allocator on arbitrary bytes. Built by
// scripts/fuzz together with the AMRCore sources (one module, so no import).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let loaded = try? PlanLoader.load(bytes: bytes, file: "fuzz.json") else { return 0 }
    _ = PlanChecker.check(loaded, strict: true)
    for spec in loaded.plan.allocations { _ = try? PlanAllocator.allocate(spec, in: loaded) }
    if let date = PlanDate("2020-06-30") {
        let report = MonitorBuilder.report(loaded.plan, asOf: date, previous: loaded.plan)
        for format in [OutputFormat.table, .markdown, .csv, .json, .html] {
            _ = MonitorRenderer(locale: .nl).render(report, as: format)
        }
    }
    return 0
}
