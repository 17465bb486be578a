import Testing
@testable import AMRCore
@testable import amr

/// Option values as Dutch users type them: `--fail-on rood`, `--locale nl-NL`, dates as
/// `30-06-2021`, regions as `Regio Gooi & Vechtstreek`; every refusal says what to type.
@Suite struct OptionWordsTests {
    let parser = ArgumentParser(command: "monitor", options: [
        OptionSpec(long: "fail-on", short: nil, value: "LIGHT", help: "", choices: ["red", "orange"],
                   aliases: ["rood": "red", "oranje": "orange"]),
        OptionSpec(long: "locale", short: "l", value: "LOCALE", help: "", choices: ["nl", "en"]),
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "", choices: ["table", "csv"]),
    ])

    @Test(arguments: [
        ("--fail-on", "rood", "red"), ("--fail-on", "ROOD", "red"), ("--fail-on", "oranje", "orange"), ("--fail-on", "Red", "red"),
        ("--fail-on", "orange", "orange"), ("--locale", "nl", "nl"), ("--locale", "nl-NL", "nl"), ("--locale", "nl_NL", "nl"),
        ("--locale", "NL", "nl"), ("--locale", "en", "en"), ("--locale", "en-GB", "en"), ("--locale", "en_US", "en"),
        ("--locale", "EN_us", "en"), ("--locale", "nl_NL.UTF-8", "nl"), ("--format", "CSV", "csv"),
    ])
    func acceptsTheUsersWords(option: String, value: String, canonical: String) throws {
        let parsed = try parser.parse([option, value])
        #expect(parsed.value(String(option.dropFirst(2))) == canonical)
    }

    @Test(arguments: [
        (["--fail-on", "paars"], "'paars' is not a valid value for --fail-on; expected one of: red, orange (or oranje, rood); type --fail-on red"),
        (["--locale", "fr"], "'fr' is not a valid value for --locale; expected one of: nl, en (also nl-NL, nl_NL, en-GB, en_US and the like); type --locale nl"),
        (["--fail-on", "roood"], "'roood' is not a valid value for --fail-on; did you mean 'rood'?"),
    ])
    func refusesWithWhatToType(arguments: [String], message: String) {
        do {
            _ = try parser.parse(arguments)
            Issue.record("accepted \(arguments)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func failOnRoodExitsAsFailOnRed() {
        for file in ["Fixtures/gooi-vechtstreek-monitor-2020.json", "Fixtures/veenstreek-monitor-2021.json"] {
            for (dutch, english) in [("rood", "red"), ("oranje", "orange")] {
                let a = TestSupport.run(["monitor", file, "--fail-on", dutch, "--format", "json"])
                let b = TestSupport.run(["monitor", file, "--fail-on", english, "--format", "json"])
                #expect(a.exitCode == b.exitCode && a.stdout == b.stdout && a.stderr == "", "\(file) \(dutch)")
            }
        }
        let orange = TestSupport.run(["monitor", "Fixtures/gooi-vechtstreek-monitor-2020.json", "--fail-on", "oranje"])
        #expect(orange.exitCode == 1)
    }

    @Test(arguments: [
        ("30-06-2021", "2021-06-30"), ("2021-06-30", "2021-06-30"), ("30-6-2021", "2021-06-30"), ("1/7/2021", "2021-07-01"),
        ("31.12.2020", "2020-12-31"), ("29-02-2024", "2024-02-29"),
    ])
    func datesDayFirstOrISO(text: String, iso: String) throws {
        #expect(try DateArgument.parse(text, option: "as-of", command: "progress").description == iso)
    }

    @Test(arguments: [
        ("31-06-2021", "--as-of '31-06-2021' is not a day in the calendar (day 31 of month 6 of 2021); type a date as 30-06-2021 or 2021-06-30"),
        ("06-30-2021", "--as-of '06-30-2021' is not a day in the calendar (day 6 of month 30 of 2021); type a date as 30-06-2021 or 2021-06-30"),
        ("30-06-21", "--as-of '30-06-21' is not a date with a four-digit year; type a date as 30-06-2021 or 2021-06-30"),
        ("30 juni 2021", "--as-of '30 juni 2021' is not a date; type a date as 30-06-2021 or 2021-06-30"),
        ("2021-06/30", "--as-of '2021-06/30' is not a date; type a date as 30-06-2021 or 2021-06-30"),
    ])
    func refusesDatesWithWhatToType(text: String, message: String) {
        do {
            _ = try DateArgument.parse(text, option: "as-of", command: "progress")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func asOfInDutchEqualsISO() {
        let dutch = TestSupport.run(["progress", "Fixtures/gooi-vechtstreek-monitor-2020.json", "--as-of", "30-06-2020", "--format", "json"])
        let iso = TestSupport.run(["progress", "Fixtures/gooi-vechtstreek-monitor-2020.json", "--as-of", "2020-06-30", "--format", "json"])
        #expect(dutch.exitCode == 0)
        #expect(dutch.stdout == iso.stdout)
    }

    @Test(arguments: ["Regio Gooi & Vechtstreek", "Arbeidsmarktregio Gooi en Vechtstreek", "gooi+vechtstreek", "AM12", "\"Gooi & Vechtstreek\""])
    func regionsAsPeopleWriteThem(text: String) {
        let outcome = TestSupport.run(["allocate", "--total", "250.000", "--region", text, "--year", "2024", "--format", "json"])
        #expect(outcome.exitCode == 0, "\(text): \(outcome.stderr)")
        #expect(outcome.stdout.contains("Gooi en Vechtstreek (AM12)"), "\(text)")
    }

    @Test func orangeFromAsTyped() {
        let plain = TestSupport.run(["progress", "Fixtures/veenstreek-monitor-2021.json", "--orange-from", "90", "--format", "json"])
        let percent = TestSupport.run(["progress", "Fixtures/veenstreek-monitor-2021.json", "--orange-from", "90%", "--format", "json"])
        #expect(plain.exitCode == 0 && plain.stdout == percent.stdout)
        let comma = TestSupport.run(["progress", "Fixtures/veenstreek-monitor-2021.json", "--orange-from", "72,5", "--format", "json"])
        #expect(comma.stdout.contains("\"orangeFromPercent\": \"72.5\""))
    }
}
