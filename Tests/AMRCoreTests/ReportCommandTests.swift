import Foundation
import Testing
@testable import AMRCore
@testable import amr

@Suite struct ReportCommandTests {
    static let veenstreek = ["Fixtures/veenstreek-monitor-2021.json", "--previous", "Fixtures/veenstreek-monitor-2021-q1.json"]

    @Test(arguments: ["table", "markdown", "csv", "json", "html"], ["nl", "en"])
    func monitorGolden(format: String, locale: String) {
        let outcome = TestSupport.run(["monitor"] + Self.veenstreek + ["--format", format, "--locale", locale])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr == "")
        TestSupport.expectGolden(outcome.stdout, "monitor-veenstreek\(locale == "nl" ? "" : "-en").\(Self.extension(format))")
    }

    @Test(arguments: ["table", "markdown", "csv", "json", "html"])
    func progressGolden(format: String) {
        let outcome = TestSupport.run(["progress", "Fixtures/zuid-kennemerland-ijmond-2017.json", "--as-of", "2017-01-01", "--format", format])
        #expect(outcome.exitCode == 0)
        TestSupport.expectGolden(outcome.stdout, "progress-zki.\(Self.extension(format))")
    }

    @Test(arguments: ["table", "markdown", "html", "csv", "json"], ["nl", "en"])
    func placementsGolden(format: String, locale: String) {
        let outcome = TestSupport.run(["placements", "Fixtures/plaatsingen-haaglanden-2018.csv", "--by", "gemeente,sector", "--format", format,
                                       "--locale", locale])
        #expect(outcome.exitCode == 0)
        TestSupport.expectGolden(outcome.stdout, "placements-haaglanden\(locale == "nl" ? "" : "-en").\(Self.extension(format))")
    }

    static func `extension`(_ format: String) -> String {
        switch format {
        case "table": "txt"
        case "markdown": "md"
        default: format
        }
    }

    @Test func gooiEnVechtstreekMonitorShowsAll22SubProjects() throws {
        let outcome = TestSupport.run(["monitor", "Fixtures/gooi-vechtstreek-monitor-2020.json", "--format", "json"])
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        guard case .array(let rows)? = json.value(at: "/subprojects")?.kind else { Issue.record("no subprojects"); return }
        #expect(rows.count == 22)
        TestSupport.expectGolden(TestSupport.run(["monitor", "Fixtures/gooi-vechtstreek-monitor-2020.json", "--format", "html"]).stdout,
                                 "monitor-gooi-vechtstreek.html")
    }

    @Test func failOnSetsTheExitCode() {
        let red = TestSupport.run(["monitor", "Fixtures/veenstreek-monitor-2021.json", "--fail-on", "red"])
        #expect(red.exitCode == 1)
        let zki = TestSupport.run(["progress", "Fixtures/zuid-kennemerland-ijmond-2017.json", "--as-of", "2017-01-01", "--fail-on", "orange"])
        #expect(zki.exitCode == 0)
    }

    @Test func placementsFeedTargetsWithAFilter() throws {
        let outcome = TestSupport.run(["progress", "Fixtures/haaglanden-2018.json", "--placements", "Fixtures/plaatsingen-haaglanden-2018.csv",
                                       "--as-of", "2018-09-30", "--format", "json"])
        let json = try JSONReader.parse(Array(outcome.stdout.utf8), file: "stdout")
        #expect(json.value(at: "/targets/1/id")?.kind == .string("plaatsingen-tlg-2018"))
        #expect(json.value(at: "/targets/1/realised/value")?.kind == .string("109"))
        #expect(json.value(at: "/targets/1/countedFromPlacements")?.kind == .bool(true))
        let direct = TestSupport.run(["placements", "Fixtures/plaatsingen-haaglanden-2018.csv", "--by", "sector", "--to", "2018-09-30", "--format", "csv", "--locale", "en"])
        #expect(direct.stdout.contains("\"Transport, Logistiek & Groothandel\",109\r\n"))
    }

    @Test func coloursOnlyOnATerminalWithoutNoColor() {
        let arguments = ["progress", "Fixtures/zuid-kennemerland-ijmond-2017.json", "--as-of", "2017-01-01"]
        let terminal = TestSupport.lock.withLock {
            Tool.run(arguments.map { $0.hasPrefix("Fixtures/") ? TestSupport.fixture(String($0.dropFirst(9))) : $0 },
                     environment: Environment(variables: [:], stdoutIsTerminal: true))
        }
        #expect(terminal.stdout.contains("\u{1B}[32m● groen\u{1B}[0m"))
        let noColor = Tool.run(arguments.map { $0.hasPrefix("Fixtures/") ? TestSupport.fixture(String($0.dropFirst(9))) : $0 },
                               environment: Environment(variables: ["NO_COLOR": "1"], stdoutIsTerminal: true))
        #expect(!noColor.stdout.contains("\u{1B}["))
        #expect(!TestSupport.run(arguments).stdout.contains("\u{1B}["))
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let html = TestSupport.run(["monitor"] + Self.veenstreek + ["--format", "html"]).stdout
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("url("))
        #expect(html.contains("@page { size: A4;"))
        #expect(HTMLWriter.escaped("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test func usageErrors() {
        let cases: [([String], String)] = [
            (["progress"], "give a plan file: amr progress PLAN.json"),
            (["progress", "Fixtures/haaglanden-2018.json", "--as-of", "31-06-2018"], "--as-of '31-06-2018' is not a day in the calendar (day 31 of month 6 of 2018); type a date as 30-06-2021 or 2021-06-30"),
            (["progress", "Fixtures/haaglanden-2018.json", "--as-of", "juni 2018"], "--as-of 'juni 2018' is not a date; type a date as 30-06-2021 or 2021-06-30"),
            (["monitor", "Fixtures/haaglanden-2018.json", "--fail-on", "yellow"], "'yellow' is not a valid value for --fail-on"),
            (["monitor", "Fixtures/haaglanden-2018.json", "--orange-from", "120"], "--orange-from '120' is not a percentage from 0 to 100; type e.g. --orange-from 80 (or 72,5)"),
            (["placements", "Fixtures/plaatsingen-haaglanden-2018.csv", "--by", "sectr"], "--by 'sectr' is not something to group by; did you mean 'sector'?"),
            (["placements", "Fixtures/plaatsingen-haaglanden-2018.csv", "--from", "2018-05-01", "--to", "2018-01-01"], "--to 2018-01-01 is before --from 2018-05-01"),
            (["placements", "Fixtures/missing.csv"], "Fixtures/missing.csv: cannot read: no such file"),
        ]
        for (arguments, fragment) in cases {
            let outcome = TestSupport.run(arguments)
            #expect(outcome.exitCode == 2, "\(arguments)")
            #expect(outcome.stdout == "", "\(arguments)")
            #expect(outcome.stderr.contains(fragment), "\(arguments): \(outcome.stderr)")
        }
    }
}

/// Issue 12: the plan's tables, with several columns and their stated total row, in every format
/// of `amr monitor` and `amr progress`.
@Suite struct MonitorTablesTests {
    static let rijnmond = ["monitor", "Fixtures/rijnmond-2022-2025.json"]

    @Test func tablesShowInEveryFormat() throws {
        let table = TestSupport.run(Self.rijnmond)
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("TABELLEN\nTransparante werkzoekenden en matches via HalloWerk\n"))
        #expect(table.stdout.contains("Totaal                                           8.553                                       1.853\n"))
        // An empty cell stays empty: Participatiewet has CVs but no registration count.
        #expect(table.stdout.contains("Participatiewet                                                                                  2.414\n"))
        let markdown = TestSupport.run(Self.rijnmond + ["--format", "markdown"]).stdout
        #expect(markdown.contains("| BAR | 322 | 95 |"))
        #expect(markdown.contains("| **Totaal** | **8.553** | **1.853** |"))
        let html = TestSupport.run(Self.rijnmond + ["--format", "html"]).stdout
        #expect(html.contains("<h3>Transparantie Werk.nl per doelgroep uitkering</h3>"))
        #expect(html.contains("<tfoot>\n<tr><td><b>Totaal</b></td><td class=\"num\">30.360</td><td class=\"num\">28.072</td></tr>"))
        let json = try JSONReader.parse(Array(TestSupport.run(Self.rijnmond + ["--format", "json"]).stdout.utf8), file: "stdout")
        #expect(json.value(at: "/tables/0/rows/1/name")?.kind == .string("BAR"))
        #expect(json.value(at: "/tables/0/totals/transparant")?.kind == .string("8553"))
        #expect(json.value(at: "/tables/1/rows/3/name")?.kind == .string("Participatiewet"))
        #expect(json.value(at: "/tables/1/rows/3/values/cv")?.kind == .string("2414"))
        #expect(json.value(at: "/tables/1/rows/3/values/geregistreerd") == nil)
        let csv = TestSupport.run(Self.rijnmond + ["--format", "csv", "--locale", "en"]).stdout
        #expect(csv.contains("\r\ntable,"))
        #expect(csv.contains(",BAR,,2021-11-01,,322,"))
        let progress = TestSupport.run(["progress", "Fixtures/rijnmond-2022-2025.json"]).stdout
        #expect(progress.contains("TABELLEN"))
        let workbook = TestSupport.run(Self.rijnmond + ["--format", "xlsx"])
        let names = String(decoding: try { var a = try ZipArchive(bytes: workbook.binary, file: "m.xlsx", maximumSize: 1 << 26); return try a.contents(of: "xl/workbook.xml") ?? [] }(), as: UTF8.self)
        #expect(names.contains(#"name="Tabellen""#))
    }
}
