// libFuzzer harness: the amount, decimal, date and rounding-unit parsers, and formatting back.
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
    return 0
}
