import Testing
@testable import amr

@Suite struct ArgumentParserTests {
    let parser = ArgumentParser(command: "allocate", options: [
        OptionSpec(long: "total", short: "t", value: "AMOUNT", help: ""),
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "", choices: ["table", "csv", "json"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: ""),
        OptionSpec(long: "strict", short: nil, value: nil, help: ""),
    ])

    func error(_ arguments: [String]) -> String? {
        do { _ = try parser.parse(arguments); return nil } catch { return error.message }
    }

    @Test func longShortInlineAndOperands() throws {
        let parsed = try parser.parse(["plan.json", "--total=159500", "-f", "csv", "--strict", "-o", "out.csv", "--", "--weird"])
        #expect(parsed.operands == ["plan.json", "--weird"])
        #expect(parsed.value("total") == "159500")
        #expect(parsed.value("format") == "csv")
        #expect(parsed.value("output") == "out.csv")
        #expect(parsed.has("strict"))
    }

    @Test func dashIsAnOperandAndNegativeNumbersAreValues() throws {
        let parsed = try parser.parse(["-", "--total", "-0.01"])
        #expect(parsed.operands == ["-"])
        #expect(parsed.value("total") == "-0.01")
    }

    @Test(arguments: [
        (["--totl", "5"], "unknown option '--totl' for 'amr allocate'; did you mean '--total'?"),
        (["--bogus"], "unknown option '--bogus' for 'amr allocate'"),
        (["--total"], "option --total needs a value: --total AMOUNT"),
        (["--total", "--strict"], "option --total needs a value: --total AMOUNT"),
        (["--format", "jsn"], "'jsn' is not a valid value for --format; did you mean 'json'?"),
        (["--format", "xml"], "'xml' is not a valid value for --format; expected one of: table, csv, json; type --format table"),
        (["--format"], "option --format needs a value: --format FORMAT; expected one of: table, csv, json"),
        (["--strict=yes"], "option --strict takes no value"),
        (["-t", "1", "--total", "2"], "option --total is given twice; give it once"),
        (["--total="], "option --total needs a non-empty value"),
    ])
    func mistakesSayWhatWouldBeRight(arguments: [String], message: String) {
        #expect(error(arguments) == message)
    }
}
