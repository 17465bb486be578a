import Testing
@testable import AMRCore
@testable import amr

/// The one rule for amounts as people type them (`AmountReader`), on the command line, in plan
/// files and in the numbers amr prints itself.
@Suite struct AmountReaderTests {
    @Test(arguments: [
        ("250000", Int64(25_000_000)), ("250.000", 25_000_000), ("250.000,00", 25_000_000), ("€ 250.000", 25_000_000),
        ("€250.000", 25_000_000), ("250.000 EUR", 25_000_000), ("250.000,-", 25_000_000), ("1.500", 150_000),
        ("1.250.000", 125_000_000), ("159500.5", 15_950_050), ("159500,5", 15_950_050), ("159500.00", 15_950_000),
        ("12,5", 1250), ("0,01", 1), ("0.01", 1), ("250 000", 25_000_000), ("250\u{A0}000,50", 25_000_050),
        ("250,000.00", 25_000_000), ("1,234,567", 123_456_700), ("-5", -500), ("€ -0,01", -1), ("-€ 1.500", -150_000),
        ("\u{2212}250.000", -25_000_000), (" 250.000 ", 25_000_000), ("1.234,5", 123_450),
    ])
    func readsDutchNotation(text: String, cents: Int64) throws {
        #expect(try AmountReader(notation: .nl).read(text).get() == Money(cents: cents))
    }

    @Test(arguments: [
        ("250000", Int64(25_000_000)), ("250,000", 25_000_000), ("250,000.00", 25_000_000), ("€250,000", 25_000_000),
        ("1,500", 150_000), ("159500.5", 15_950_050), ("250.000,00", 25_000_000), ("1.250.000", 125_000_000),
        ("0.01", 1), ("-€159,500.00", -15_950_000),
    ])
    func readsEnglishNotation(text: String, cents: Int64) throws {
        #expect(try AmountReader(notation: .en).read(text).get() == Money(cents: cents))
    }

    /// `250.000` is never two hundred and fifty euros: thousands in Dutch, a question in English.
    @Test func twoHundredAndFiftyThousandIsNeverTwoHundredAndFifty() throws {
        #expect(try AmountReader(notation: .nl).read("250.000").get() == Money(cents: 25_000_000))
        guard case .failure(let error) = AmountReader(notation: .en).read("250.000") else {
            Issue.record("250.000 read in English notation")
            return
        }
        let message = error.message(in: .en)
        #expect(message.contains("€250,000.00"))
        #expect(message.contains("type 250000 for €250,000.00 or 250.00 for €250.00"))
    }

    @Test(arguments: [
        // Three digits after the other notation's mark: both readings shown.
        (NumberLocale.nl, "1,500", "'1,500' can be read two ways: € 1.500,00 with ',' grouping thousands (English notation), or 1,500 with ',' as decimal comma (Dutch notation), which is three decimals where an amount has two; type 1500 for € 1.500,00 or 1,50 for € 1,50"),
        (.nl, "1,505", "'1,505' can be read two ways: € 1.505,00 with ',' grouping thousands (English notation), or 1,505 with ',' as decimal comma (Dutch notation), which is three decimals where an amount has two; type 1505 for € 1.505,00"),
        (.en, "-1.500", "'-1.500' can be read two ways: -€1,500.00 with '.' grouping thousands (Dutch notation), or -1.500 with '.' as decimal point (English notation), which is three decimals where an amount has two; type -1500 for -€1,500.00 or -1.50 for -€1.50"),
        // Never more than two decimals, zeros included.
        (.nl, "1.5000", "'1.5000' has more than 2 decimals, and an amount is whole cents; type at most 2 decimals such as 250000,50 (or 250.000 for thousands)"),
        (.nl, "0,500", "'0,500' has more than 2 decimals, and an amount is whole cents; type at most 2 decimals such as 250000,50 (or 250.000 for thousands)"),
        (.nl, "1234.567", "'1234.567' has more than 2 decimals, and an amount is whole cents; type at most 2 decimals such as 250000,50 (or 250.000 for thousands)"),
        (.en, "1,234.567", "'1,234.567' has more than 2 decimals, and an amount is whole cents; type at most 2 decimals such as 250000.50 (or 250,000 for thousands)"),
        (.nl, "1.23.456", "'1.23.456' groups its digits other than in threes or has its decimal mark twice; type 1250000, 1.250.000 or 1.250.000,50"),
        (.nl, "1.234.56,7", "'1.234.56,7' groups its digits other than in threes or has its decimal mark twice; type 1250000, 1.250.000 or 1.250.000,50"),
        (.nl, "1,2,3.4", "'1,2,3.4' groups its digits other than in threes or has its decimal mark twice; type 1250000, 1.250.000 or 1.250.000,50"),
        (.nl, "abc", "'abc' is not an amount; type euros such as 250000, 250.000 or 250.000,00"),
        (.nl, "12abc", "'12abc' is not an amount; type euros such as 250000, 250.000 or 250.000,00"),
        (.nl, "€", "'€' is not an amount; type euros such as 250000, 250.000 or 250.000,00"),
        (.nl, "1.", "'1.' is not an amount; type euros such as 250000, 250.000 or 250.000,00"),
        (.nl, "1e6", "'1e6' is in exponent notation; type the amount in digits such as 250000"),
        (.nl, "", "is empty; type an amount in euros such as 250000 or 250.000,00"),
        (.nl, "99999999999999999999", "'99999999999999999999' is too large: amounts go up to € 92.233.720.368.547.758,07; type a smaller amount"),
    ])
    func refusesWithWhatToType(notation: NumberLocale, text: String, message: String) {
        switch AmountReader(notation: notation).read(text) {
        case .success(let money): Issue.record("read \(text) as \(money)")
        case .failure(let error): #expect(error.message(in: notation) == message)
        }
    }

    /// Every amount amr prints, in either locale and with 0–2 decimals shown, reads back to the
    /// same amount in that locale; the plain text of JSON and CSV reads back in both.
    @Test func everyPrintedAmountReadsBack() throws {
        var random = SeededRandom(seed: 17)
        var amounts: [Int64] = [0, 1, -1, 99, 100, 150_000, 25_000_000, 100_000, 123_456_789, .max, -.max]
        for _ in 0..<5_000 {
            let magnitude = [UInt64(999), 99_999, 9_999_999, 999_999_999_999, UInt64(Int64.max)][Int(random.upTo(4))]
            let cents = Int64(random.upTo(magnitude))
            amounts.append(random.oneIn(4) ? -cents : cents)
        }
        for cents in amounts {
            let money = Money(cents: cents)
            for locale in NumberLocale.allCases {
                for decimals in 0...2 {
                    let printed = locale.format(money, decimals: decimals)
                    #expect(AmountReader(notation: locale).read(printed) == .success(money), "\(printed) in \(locale)")
                }
                #expect(AmountReader(notation: locale).read(money.description) == .success(money), "\(money.description) in \(locale)")
                let grouped = locale.format(NumberLocale.decimal(money, decimals: 2))
                #expect(AmountReader(notation: locale).read(grouped) == .success(money), "\(grouped) in \(locale)")
            }
        }
    }

    @Test func jsonNumbersHaveAtMostTwoDecimalsWritten() {
        #expect(AmountReader.readPlain("159500.5") == .success(Money(cents: 15_950_050)))
        #expect(AmountReader.readPlain("159500") == .success(Money(cents: 15_950_000)))
        #expect(AmountReader.readPlain("250.000") == .failure(.tooManyDecimals("250.000")))
        #expect(AmountReader.readPlain("1.50000") == .failure(.tooManyDecimals("1.50000")))
    }

    @Test func unitsAreReadByTheSameRule() {
        #expect(RoundingUnit.parse("1.000")?.cents == 100_000)
        #expect(RoundingUnit.parse("0,05")?.cents == 5)
        #expect(RoundingUnit.parse("1,000", notation: .en)?.cents == 100_000)
        #expect(RoundingUnit.parse("1,000") == nil)
    }

    // MARK: - On the command line

    @Test(arguments: [NumberLocale.nl, .en])
    func totalOf250000IsNeverSplitAs250Euros(locale: NumberLocale) throws {
        for text in ["250.000", "250.000,00", "€ 250.000", "250000"] {
            let outcome = TestSupport.run(["allocate", "--total", text, "--region", "haaglanden", "--year", "2024",
                                           "--locale", locale.rawValue])
            #expect(!outcome.stdout.contains("€ 250,00") && !outcome.stdout.contains("€250.00"), "\(text) \(locale)")
            if locale == .en && text.hasSuffix("250.000") {
                #expect(outcome.exitCode == 2)
                #expect(outcome.stdout == "")
                #expect(outcome.stderr.contains("can be read two ways: €250,000.00"))
            } else {
                #expect(outcome.exitCode == 0, "\(text) \(locale): \(outcome.stderr)")
                #expect(outcome.stdout.contains(locale == .nl ? "€ 250.000,00" : "€250,000.00"), "\(text) \(locale)")
            }
        }
    }

    @Test func englishTotalsWithLocaleEn() throws {
        let outcome = TestSupport.run(["allocate", "--total", "250,000.00", "--region", "haaglanden", "--year", "2024", "--locale", "en"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.contains("€250,000.00"))
        let comma = TestSupport.run(["allocate", "--total", "1,500", "--region", "haaglanden", "--year", "2024"])
        #expect(comma.exitCode == 2)
        #expect(comma.stderr.contains("type 1500 for € 1.500,00 or 1,50 for € 1,50 (or give --locale en to read ',' as thousands separator)"))
    }

    @Test func unitOptionReadsTheSameWay() throws {
        let outcome = TestSupport.run(["allocate", "--total", "250.000", "--region", "haaglanden", "--year", "2024", "--unit", "1.000", "--format", "json"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\"unit\": \"1000\""))
        let bad = TestSupport.run(["allocate", "--total", "250.000", "--region", "haaglanden", "--unit", "0,001"])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("--unit '0,001' has more than 2 decimals"))
    }

    @Test func planAmountStringsAreReadInDutchNotation() throws {
        func amount(_ json: String) throws -> Money {
            try JSONCursor(value: try JSONReader.parse(Array(json.utf8), file: "p.json"), pointer: "/amount", file: "p.json").amount()
        }
        #expect(try amount("\"250.000\"") == Money(cents: 25_000_000))
        #expect(try amount("\"€ 250.000,00\"") == Money(cents: 25_000_000))
        #expect(try amount("\"159500.00\"") == Money(cents: 15_950_000))
        #expect(try amount("159500.5") == Money(cents: 15_950_050))
        // A JSON number is plain digits: 250.000 is no amount, never € 250,00.
        #expect(throws: LoadError.self) { try amount("250.000") }
        #expect(throws: LoadError.self) { try amount("\"1,500\"") }
    }

    /// An amount column beside the weights follows the same rule: `250.000` is thousands,
    /// `250,000` is not guessed.
    @Test func amountCellsInASpreadsheet() throws {
        let table = try WeightTable.read(bytes: Array("gemeente;inwoners;bedrag\nA;1;250.000\nB;1;250.000\n".utf8), file: "w.csv")
        let values = table.shareColumns.first?.values.compactMap { $0?.value }
        #expect(values == [ExactDecimal(significand: 250_000), ExactDecimal(significand: 250_000)])
        let comma = try WeightTable.read(bytes: Array("gemeente;inwoners;bedrag\nA;1;250,000\nB;1;250,000\n".utf8), file: "w.csv")
        #expect(comma.shareColumns.first?.problem?.contains("may be read two ways") == true)
    }

    @Test func wordsAfterTheTotalSayHowToTypeIt() {
        let million = TestSupport.run(["allocate", "--total", "2,5", "miljoen", "--region", "haaglanden"])
        #expect(million.exitCode == 2)
        #expect(million.stderr.hasPrefix("amr: error: 'miljoen' after --total 2,5 is not part of the amount; type the amount in digits, e.g. --total 2.500.000 for 2,5 miljoen"))
        let euro = TestSupport.run(["allocate", "--total", "€", "250.000", "--region", "haaglanden"])
        #expect(euro.exitCode == 2)
        #expect(euro.stderr.hasPrefix("amr: error: --total '€' is followed by '250.000': type the amount as one value in digits"))
    }
}
