// libFuzzer harness: the amount, decimal, date and rounding-unit parsers, and formatting back;
// the escaping of text for terminals and logs (TerminalText).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAmount(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if case .success(let money) = Money.parse(text) {
        // Reading back what we print must give the same amount.
        guard case .success(let again) = Money.parse(money.description), again == money else { fatalError("round trip of \(text)") }
        _ = NumberLocale.nl.format(money)
        _ = NumberLocale.en.formatSigned(money, decimals: 0)
        if let unit = RoundingUnit.parse("0.05") { _ = try? Apportionment.allocate(money, over: [3, 1, 0, 7], unit: unit) }
    }
    if case .success(let decimal) = ExactDecimal.parse(text) {
        _ = decimal.scaled(to: 2)
        _ = NumberLocale.nl.format(decimal)
        _ = Fraction(decimal).decimal(1)
    }
    _ = PlanDate(text)
    _ = RoundingUnit.parse(text)
    // The escaping rule for terminals and logs, on arbitrary text: nothing invisible survives
    // `visible`, and no line of `lines` (or of a shortened message) can begin a workflow command.
    let visible = TerminalText.visible(text)
    guard !visible.unicodeScalars.contains(where: TerminalText.needsEscape) else { fatalError("visible left a control character") }
    guard TerminalText.visible(visible) == visible else { fatalError("visible is not idempotent") }
    for output in [TerminalText.lines(text), TerminalText.lines(TerminalText.shortened(text)), TerminalText.guardingCommands(visible)] {
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("::") { fatalError("a line begins a workflow command") }
            if line.unicodeScalars.contains(where: { TerminalText.needsEscape($0) && $0 != "\t" }) { fatalError("lines left a control character") }
        }
    }
    return 0
}
