import Testing
@testable import AMRCore

@Suite struct MoneyTests {
    @Test(arguments: [
        ("159500.00", Int64(15_950_000)), ("159500", 15_950_000), ("0.01", 1), ("-0.01", -1), ("+12.5", 1250),
        ("20157.18", 2_015_718), ("0", 0), ("92233720368547758.07", Int64.max), ("92233720368547758", 9_223_372_036_854_775_800),
        ("92233720368547758.070", Int64.max), ("-92233720368547758.07", -Int64.max), ("1.50000", 150),
    ])
    func parsesExactly(text: String, cents: Int64) throws {
        #expect(try Money.parse(text).get() == Money(cents: cents))
    }

    @Test(arguments: [
        ("1.001", "'1.001' with more than 2 decimals (amounts are in whole cents)"),
        ("12abc", "'12abc', which is not a number"),
        ("1.2.3", "'1.2.3', which is not a number"),
        ("1e3", "'1e3' in exponent notation; write it out in plain digits"),
        ("NaN", "'NaN', which is not a number"),
        ("", "an empty value"),
        (" 1", "' 1', which is not a number"),
        ("1.", "'1.', which is not a number"),
        (".5", "'.5', which is not a number"),
        ("159.500,00", "'159.500,00', which is not a number"),
        ("99999999999999999999", "'99999999999999999999', which is too large"),
        ("92233720368547758.08", "'92233720368547758.08', which is too large"),
        // Whole numbers of euros whose cents do not fit are too large, not "more than 2 decimals".
        ("92233720368547759", "'92233720368547759', which is too large"),
        ("9223372036854775807", "'9223372036854775807', which is too large"),
        ("9223372036854775808", "'9223372036854775808', which is too large"),
        ("-92233720368547759", "'-92233720368547759', which is too large a negative amount"),
        ("0.0000000000001", "'0.0000000000001' with more than 2 decimals (amounts are in whole cents)"),
        ("92233720368547758.071", "'92233720368547758.071', which is too large"),
    ])
    func rejectsWhatIsNotAnExactAmount(text: String, message: String) {
        switch Money.parse(text) {
        case .success(let money): Issue.record("parsed \(text) as \(money)")
        case .failure(let error): #expect(error.description == message)
        }
    }

    @Test func arithmeticIsOverflowChecked() throws {
        let max = Money(cents: .max)
        #expect(throws: ArithmeticOverflow.self) { try max.adding(Money(cents: 1)) }
        #expect(throws: ArithmeticOverflow.self) { try Money(cents: .min).subtracting(Money(cents: 1)) }
        #expect(try Money.sum([Money(cents: 2_015_718), Money(cents: 10_436_018), Money(cents: 378_445),
                               Money(cents: 2_105_269), Money(cents: 1_014_549)]) == Money(cents: 15_949_999))
    }

    @Test func formatsInDutchAndEnglish() {
        #expect(NumberLocale.nl.format(Money(cents: 2_015_718)) == "€ 20.157,18")
        #expect(NumberLocale.en.format(Money(cents: 2_015_718)) == "€20,157.18")
        #expect(NumberLocale.nl.format(Money(cents: -1)) == "€ -0,01")
        #expect(NumberLocale.en.format(Money(cents: -15_950_000)) == "-€159,500.00")
        #expect(NumberLocale.nl.format(Money(cents: 999_200), decimals: 0) == "€ 9.992")
        #expect(NumberLocale.nl.format(Money(cents: 999_250), decimals: 0) == "€ 9.992,5")
        #expect(NumberLocale.nl.formatSigned(Money(cents: 1)) == "+0,01")
        #expect(NumberLocale.nl.formatSigned(Money(cents: -1)) == "-0,01")
        #expect(NumberLocale.nl.format(Int64(802_209)) == "802.209")
        #expect(NumberLocale.en.format(Int64(1_234_567)) == "1,234,567")
        #expect(NumberLocale.nl.format(Int64(100)) == "100")
    }

    @Test func roundingUnits() {
        #expect(RoundingUnit.parse("0.01") == .cent)
        #expect(RoundingUnit.parse("1") == .euro)
        #expect(RoundingUnit.parse("100")?.cents == 10_000)
        #expect(RoundingUnit.parse("0.05")?.decimals == 2)
        #expect(RoundingUnit.parse("0.10")?.decimals == 1)
        #expect(RoundingUnit.parse("0.10")?.description == "0.1")
        #expect(RoundingUnit.parse("100")?.description == "100")
        #expect(RoundingUnit.parse("0") == nil)
        #expect(RoundingUnit.parse("-1") == nil)
        #expect(RoundingUnit.parse("0.001") == nil)
    }

    @Test func exactDecimalScaling() {
        let value = ExactDecimal(significand: 1250, scale: 2)
        #expect(value.scaled(to: 4) == 125_000)
        #expect(value.scaled(to: 1) == 125)
        #expect(value.scaled(to: 0) == nil)
        #expect(ExactDecimal(significand: -5, scale: 3).description == "-0.005")
        #expect(ExactDecimal(significand: Int64.max).scaled(to: 1) == nil)
    }

    @Test func trailingZerosKeepTheirScaleWhereTheyFit() throws {
        #expect(try ExactDecimal.parse("1.50").get() == ExactDecimal(significand: 150, scale: 2))
        #expect(try ExactDecimal.parse("0.000").get() == ExactDecimal(significand: 0, scale: 3))
        #expect(try ExactDecimal.parse("-2.0").get() == ExactDecimal(significand: -20, scale: 1))
        #expect(try ExactDecimal.parse("1.05").get() == ExactDecimal(significand: 105, scale: 2))
        // Zeros that do not fit are dropped, the value kept.
        #expect(try ExactDecimal.parse("922337203685477580.70").get() == ExactDecimal(significand: 9_223_372_036_854_775_807, scale: 1))
        #expect(ExactDecimal.parse("1.") == .failure(.notANumber("1.")))
        #expect(ExactDecimal.parse("0.1234567890120") == .failure(.tooManyDecimals("0.1234567890120", limit: 12)))
    }

    @Test func comparingByValue() {
        #expect(ExactDecimal.compare(ExactDecimal(significand: 150, scale: 2), ExactDecimal(significand: 15, scale: 1)) == 0)
        #expect(ExactDecimal.compare(ExactDecimal(significand: 802_209), ExactDecimal(significand: 802_210)) == -1)
        #expect(ExactDecimal.compare(ExactDecimal(significand: -1, scale: 12), ExactDecimal(significand: .min)) == 1)
        // Scaling Int64.max up by 30 digits does not fit in 128 bits; its sign still decides.
        #expect(ExactDecimal.compare(ExactDecimal(significand: .max), ExactDecimal(significand: 1, scale: 30)) == 1)
        #expect(ExactDecimal.compare(ExactDecimal(significand: .min), ExactDecimal(significand: 1, scale: 30)) == -1)
        #expect(ExactDecimal.difference(ExactDecimal(significand: 5), ExactDecimal(significand: 25, scale: 1)) == ExactDecimal(significand: 25, scale: 1))
        #expect(ExactDecimal.difference(ExactDecimal(significand: .min), ExactDecimal(significand: 1)) == nil)
    }
}
