import AMRCore

/// `amr monitor`: the full monitor of a plan (targets, sub-projects, changes since an earlier
/// monitor) with traffic lights. `amr progress` is the same for the targets only.
enum MonitorCommand: Command {
    static let name = "monitor"
    static let summary = "the monitor of a plan: targets and sub-projects with traffic lights"
    static let usage = "amr monitor PLAN.json [--as-of DATE] [--previous EARLIER.json] [options]"
    static let details = """
        Shows every target's progress at a date (expected on its trajectory, realised, the ratios and
        the gap) and every sub-project's light, with a summary of lights per colour. A target is
        green at 100% of its expected value or more, orange from the threshold (80% unless the plan
        or target says otherwise), red below; lower-is-better targets the other way round. A
        sub-project shows its stated light, or the one its status implies; where they disagree it is
        flagged. --previous compares with an earlier plan file: which lights changed, and the trend.
        --format html writes one self-contained page for a meeting that prints on A4.
        """
    static let examples = [
        "amr monitor Fixtures/gooi-vechtstreek-monitor-2020.json",
        "amr monitor Fixtures/zuid-kennemerland-ijmond-2017.json --format html -o monitor.html",
        "amr monitor plan-2021-q2.json --previous plan-2021-q1.json --fail-on rood",
        "amr monitor Fixtures/veenstreek-monitor-2021.json --as-of 30-06-2021 --wide",
    ]
    static let options = ReportOptions.options + [
        OptionSpec(long: "previous", short: "p", value: "FILE", help: "an earlier plan file to compare lights and trends with"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        try ReportOptions.run(arguments, environment: environment, outcome: &outcome, command: name, full: true)
    }
}

/// `amr progress`: targets against plan at a date.
enum ProgressCommand: Command {
    static let name = "progress"
    static let summary = "progress of a plan's targets at a date, with traffic lights"
    static let usage = "amr progress PLAN.json [--as-of DATE] [--placements FILE.csv] [options]"
    static let details = """
        For each target: the value expected at --as-of on its trajectory (linear between its points,
        pro rata inside a period, counted from the baseline for cumulative targets), the realised
        value (the latest measurement on or before that date), realised against expected and
        against the target, the gap, and the light. --as-of defaults to the latest measurement in
        the plan. --placements counts a placement export for the targets that name a filter.
        """
    static let examples = [
        "amr progress Fixtures/zuid-kennemerland-ijmond-2017.json",
        "amr progress Fixtures/haaglanden-2018.json --as-of 2018-06-30 --placements plaatsingen.csv",
        "amr progress plan.json --format csv --locale en -o progress.csv",
    ]
    static let options = ReportOptions.options

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome) throws -> Int32 {
        try ReportOptions.run(arguments, environment: environment, outcome: &outcome, command: name, full: false)
    }
}

/// The options and the run shared by `progress` and `monitor`.
enum ReportOptions {
    static let options = [
        OptionSpec(long: "as-of", short: "d", value: "DATE", help: "the date to report at, 30-06-2021 or 2021-06-30; default the latest measurement in the plan"),
        OptionSpec(long: "placements", short: nil, value: "FILE.csv", help: "count a placement export (CSV, .xlsx or .ods) for targets with a filter"),
        OptionSpec(long: "orange-from", short: nil, value: "PERCENT", help: "orange from this % of expected (default: the plan's, else 80)"),
        OptionSpec(long: "fail-on", short: nil, value: "LIGHT", help: "exit 1 when a line is this colour or worse: rood/red or oranje/orange", choices: ["red", "orange"],
                   aliases: ["rood": "red", "oranje": "orange"]),
        OptionSpec(long: "format", short: "f", value: "FORMAT", help: "output format, default table", choices: ["table", "markdown", "html", "xlsx", "ods", "docx", "odt", "csv", "json"]),
        OptionSpec(long: "wide", short: nil, value: nil, help: "show names whole in the table, however wide (default: cut to the terminal's width or COLUMNS only when needed)"),
        OptionSpec(long: "locale", short: "l", value: "LOCALE", help: "language and number notation: nl (default, € 20.157,18) or en", choices: ["nl", "en"]),
        OptionSpec(long: "output", short: "o", value: "FILE", help: "write to FILE (atomically) instead of standard output"),
    ]

    static func run(_ arguments: ParsedArguments, environment: Environment, outcome: inout Outcome, command: String, full: Bool) throws -> Int32 {
        guard let planFile = arguments.operands.first else {
            throw UsageError("give a plan file: amr \(command) PLAN.json", command: command)
        }
        guard arguments.operands.count == 1 else {
            throw UsageError("give one plan file; got \(arguments.operands.count): \(arguments.operands.joined(separator: " "))", command: command)
        }
        let limits = try environment.limits()
        let loaded = try PlanLoader.load(contentsOf: planFile, limits: limits)
        for warning in loaded.warnings { outcome.stderr += "amr: \(warning)\n" }
        let plan = loaded.plan
        var asOf: PlanDate
        if let text = arguments.value("as-of") {
            asOf = try DateArgument.parse(text, option: "as-of", command: command)
        } else if let latest = ProgressCalculator.latestMeasurement(in: plan) ?? plan.period?.end {
            asOf = latest
        } else {
            throw UsageError("\(planFile) has no measurements and no period to take a date from; give --as-of DATE, such as --as-of 30-06-2021", command: command)
        }
        var orangeFrom: ExactDecimal?
        if let text = arguments.value("orange-from") {
            // `80`, `80%`, `72,5` or `72.5`: a percentage as people type it.
            var plain = text.trimmingCharacters(in: .whitespaces)
            if plain.hasSuffix("%") { plain = String(plain.dropLast()).trimmingCharacters(in: .whitespaces) }
            plain = plain.replacingOccurrences(of: ",", with: ".")
            guard case .success(let value) = ExactDecimal.parse(plain), !value.isNegative, Fraction(value) <= Fraction(100) else {
                throw UsageError("--orange-from '\(text)' is not a percentage from 0 to 100; type e.g. --orange-from 80 (or 72,5)", command: command)
            }
            orangeFrom = value
        }
        var counts: [String: Measurement] = [:]
        var inputs = [planFile]
        if let placements = arguments.value("placements") {
            inputs.append(placements)
            if let sheet = try PlacementExport.sheet(placements, sheet: nil, limits: limits) {
                counts = try PlacementCounter.realised(for: plan, asOf: asOf, sheet: sheet, file: placements)
            } else {
                counts = try PlacementCounter.realised(for: plan, asOf: asOf, path: placements, file: placements)
            }
        }
        var previous: Plan?
        if let previousFile = arguments.value("previous") {
            inputs.append(previousFile)
            let earlier = try PlanLoader.load(contentsOf: previousFile, limits: limits)
            for warning in earlier.warnings { outcome.stderr += "amr: \(warning)\n" }
            previous = earlier.plan
            try checkPrevious(earlier.plan, file: previousFile, against: plan, file: planFile, asOf: asOf, command: command)
        }
        let report = MonitorBuilder.report(plan, asOf: asOf, orangeFrom: orangeFrom, counts: counts, previous: previous)
        let format = ReportFormat.chosen(arguments, choices: ReportFormat.choices(options))
        let locale = arguments.value("locale").flatMap(NumberLocale.init(rawValue:)) ?? .nl
        let colour = format == .table && arguments.value("output") == nil && environment.stdoutIsTerminal
            && (environment.variables["NO_COLOR"] ?? "").isEmpty
        let renderer = MonitorRenderer(locale: locale, colour: colour, full: full,
                                       width: arguments.value("output") == nil ? environment.tableWidth : nil, wide: arguments.has("wide"))
        if format.isOfficeFile {
            try OutputFile.write(office: [renderer.document(report)], as: format, to: arguments.value("output"),
                                 inputs: inputs, environment: environment, command: command, outcome: &outcome)
        } else {
            try OutputFile.write(renderer.render(report, as: format), to: arguments.value("output"), inputs: inputs, outcome: &outcome)
        }
        switch arguments.value("fail-on") {
        case "red": return report.worst(includingSubprojects: full) == .red ? 1 : 0
        case "orange": return report.worst(includingSubprojects: full).map { $0 == .red || $0 == .orange } == true ? 1 : 0
        default: return 0
        }
    }

    /// A `--previous` monitor must be of the same region, share lines with this one (matched by
    /// id) and stand at an earlier date, or the changes would compare unlike things: refused
    /// (exit 2). Plan ids may differ (`…-2021-q1` and `…-2021`).
    static func checkPrevious(_ earlier: Plan, file earlierFile: String, against plan: Plan, file planFile: String, asOf: PlanDate,
                              command: String) throws(UsageError) {
        let sameRegion: Bool
        if let a = earlier.region.code, let b = plan.region.code {
            sameRegion = a == b
        } else {
            sameRegion = earlier.region.name.lowercased() == plan.region.name.lowercased()
        }
        if !sameRegion {
            throw UsageError("--previous \(earlierFile) is a monitor of \(earlier.region.name), but \(planFile) is of \(plan.region.name); give an earlier monitor of \(plan.region.name), or leave out --previous", command: command)
        }
        if let date = ProgressCalculator.latestMeasurement(in: earlier) ?? earlier.period?.end, date >= asOf {
            throw UsageError("--previous \(earlierFile) stands at \(date), which is not before this report's date \(asOf); give an earlier monitor as --previous (the order is: amr \(command) NEWER.json --previous EARLIER.json), or a later --as-of", command: command)
        }
        // Another plan of the same region: no line in common, so nothing to compare.
        let ids = Set(plan.targets.map { "t/" + $0.id } + plan.subprojects.map { "s/" + $0.id })
        let earlierIDs = Set(earlier.targets.map { "t/" + $0.id } + earlier.subprojects.map { "s/" + $0.id })
        if !ids.isEmpty, !earlierIDs.isEmpty, ids.isDisjoint(with: earlierIDs) {
            throw UsageError("--previous \(earlierFile) has no target or sub-project in common with \(planFile) (lines are matched by id), so it is another plan; give an earlier monitor of the same plan, or leave out --previous", command: command)
        }
    }
}
