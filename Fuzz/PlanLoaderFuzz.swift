// libFuzzer harness: the plan loader, the checker and the allocator on arbitrary bytes. Built by
// scripts/fuzz together with the AMRCore sources (one module, so no import).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loaded: LoadedPlan
    do {
        loaded = try PlanLoader.load(bytes: bytes, file: "fuzz.json")
    } catch {
        // A message is one line with nothing invisible in it, whatever the file holds.
        if error.description.unicodeScalars.contains(where: TerminalText.needsEscape) { fatalError("a message with a control character") }
        return 0
    }
    let findings = PlanChecker.check(loaded, strict: true)
    let text = FindingRenderer().text(findings, summary: .init(files: 1, findings: findings), sources: [:])
    let github = FindingRenderer().github(findings, summary: .init(files: 1, findings: findings))
    for output in [text, github] {
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.unicodeScalars.contains(where: TerminalText.needsEscape) { fatalError("check output with a control character") }
            if output == text, line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("::") { fatalError("a line begins a workflow command") }
        }
    }
    let github1 = github.split(separator: "\n").dropLast()
    if github1.contains(where: { !$0.hasPrefix("::") }) { fatalError("an annotation split over lines") }
    for spec in loaded.plan.allocations { _ = try? PlanAllocator.allocate(spec, in: loaded) }
    if let date = PlanDate("2020-06-30") {
        let report = MonitorBuilder.report(loaded.plan, asOf: date, previous: loaded.plan)
        for format in [OutputFormat.table, .markdown, .csv, .json, .html] {
            _ = MonitorRenderer(locale: .nl).render(report, as: format)
        }
    }
    return 0
}
