extension Wording {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    @Sendable static func englishLight(_ light: TrafficLight) -> String {
        switch light {
        case .green: "green"
        case .orange: "orange"
        case .red: "red"
        case .grey: "grey"
        case .done: "done"
        case .onHold: "on hold"
        case .notStarted: "not started"
        }
    }

    @Sendable static func englishStatus(_ status: Subproject.Status) -> String {
        switch status {
        case .notStarted: "not started"
        case .commissioned: "commissioned"
        case .inProgress: "in progress"
        case .onTrack: "on track"
        case .delayed: "delayed"
        case .onHold: "on hold"
        case .done: "done"
        }
    }

    /// English, with `--locale en`. Light and status names are translated; the plan's own texts
    /// (titles, names, notes) stay as published.
    static let english = Wording(
        months: englishMonths,
        total: "total",

        planLabel: "plan",
        fileLabel: "file",
        amountLabel: "amount",
        keyLabel: "key",
        methodLabel: "method",
        sourceLabel: "source",
        statedInLabel: "stated in",
        municipality: "municipality",
        exactShare: "exact share",
        stated: "stated",
        statedMinusExact: "stated − exact",
        basis: { budget, total, carryOver in
            "= \(budget) \(total)" + (carryOver.map { " − carry-over \($0)" } ?? "")
        },
        measureOn: { measure, date in "\(measure) on \(date)" },
        equalShares: "equal shares",
        statedWeights: "weights stated per share",
        fromFile: { column, file in "\(column) from \(file)" },
        method: { method in
            switch method {
            case .largestRemainder: "largest remainder (Hamilton)"
            case .dhondt: "D'Hondt (highest averages)"
            case .sainteLague: "Sainte-Laguë"
            }
        },
        roundedTo: { unit in "rounded to \(unit)" },
        explanation: { method, key, unit, total in
            let how = switch method {
            case .largestRemainder: "by largest remainder (Hamilton): each exact share is rounded down to \(unit), and what is left goes, \(unit) at a time, to the largest remainders"
            case .dhondt: "by D'Hondt (highest averages), in units of \(unit)"
            case .sainteLague: "by Sainte-Laguë, in units of \(unit)"
            }
            return "Split in proportion to \(key) \(how); the shares add up to exactly \(total)."
        },
        planStatesOtherAmount: { stated, budget, fromBudget in
            "The plan states \(stated) to split, but budget \(budget) gives \(fromBudget); the stated amount was split."
        },
        weightTotalDiffers: { stated, weightName, computed in
            "The table states \(stated) \(weightName) in all; the rows add up to \(computed)."
        },
        splitMatches: "The stated split matches the exact one.",
        rowOff: { name, size, tooLow in "\(name) is stated \(size) too \(tooLow ? "low" : "high")" },
        splitDiffers: { rows, details in
            "The stated split differs from the exact one in \(rows) \(rows == 1 ? "row" : "rows"): " + details.joined(separator: "; ") + "."
        },
        statedSumOff: { sum, size, short, total in
            "The stated shares add up to \(sum), \(size) \(short ? "short of" : "more than") \(total)."
        },
        statedSumExact: { total in "The stated shares add up to \(total)." },
        sheetNamed: { sheet in "sheet \(sheet)" },
        splitSheet: "split",
        budgetNamed: { id in "budget \(id)" },
        adHocTitle: { weight, name in "\(weight) per \(name)" },
        regionLabel: "region",
        codeHeading: "code",
        municipalitiesHeading: "municipalities",
        inhabitantsHeading: "inhabitants",
        provinceHeading: "province",
        regionsCount: { count in count == 1 ? "1 region" : "\(count) regions" },
        municipalitiesCount: { count in count == 1 ? "1 municipality" : "\(count) municipalities" },
        regionsTitle: { date in "Labour-market regions (arbeidsmarktregio's) on \(date)" },
        regionMunicipalitiesTitle: { region, date in "\(region): municipalities on \(date)" },
        regionContext: { region, count, date in "\(region), \(count) \(count == 1 ? "municipality" : "municipalities") on \(date)" },
        regionTitle: { region, year in "Split by inhabitants, \(region) \(year)" },
        cbsCredit: { source, date in
            "Bron: CBS, \(source.tableName), inhabitants on \(date)"
                + (source.regionTables.isEmpty ? "" : "; regions: Gebieden in Nederland " + source.regionTables.joined(separator: ", "))
                + " (\(CBSSource.licence))."
        },
        cbsWeightsEqual: { date, count in "The weights equal CBS's inhabitants on \(date) for all \(count) municipalities." },
        cbsWeightsDiffer: { date, rows, count, details in
            "The weights differ from CBS's inhabitants on \(date) in \(rows) of \(count) rows: " + details.joined(separator: ", ")
                + "; the file's weights were used (they may be for another date)."
        },
        membershipClause: { municipality, others, cbsRegion in
            "\(municipality) may have belonged to \(others.joined(separator: " or ")) rather than \(cbsRegion)"
        },
        membershipCaveat: { years, year, clauses in
            "Region membership for \(years) is CBS's 2026 membership applied backwards: in \(year) " + clauses.joined(separator: "; ")
                + ". A plan's own list of municipalities wins."
        },
        totalRowPlace: { line, sheet, label in
            (sheet.map { "Row \(line) of sheet \($0)" } ?? "Line \(line)") + (label.isEmpty ? "" : " (\"\(label)\")")
        },
        rowsSpan: { count, first, last, sheet in
            sheet ? (count == 1 ? "row \(first)" : "the \(count) rows \(first)–\(last)")
                : (count == 1 ? "the row on line \(first)" : "the \(count) rows on lines \(first)–\(last)")
        },
        totalRowEmpty: { place, subtotal in "\(place) is \(subtotal ? "a subtotal" : "the table's total") without a value: not a party, and nothing to check." },
        totalRowBySum: { place, value, rows in
            "\(place) is read as the table's total, not as a party, because its value, \(value), is exactly the sum of \(rows); if it is a party, add a row \"Totaal\" under it."
        },
        totalRowMatches: { place, subtotal, value, rows in
            "\(place) is \(subtotal ? "a subtotal" : "the table's total"), not a party: \(value), the sum of \(rows)."
        },
        totalRowDiffers: { place, subtotal, value, rows, sum, gap, more in
            "\(place) is \(subtotal ? "a subtotal" : "the table's total"), not a party: it states \(value), but \(rows) add up to \(sum)"
                + (gap.map { ", \($0) \(more ? "more" : "less") than stated" } ?? "") + "."
        },
        totalRowExplanation: { name, line in
            " The difference is the weight of \(name) on line \(line): if that row is a subtotal, label it \"Subtotaal \(name)\"."
        },
        shareColumnIsStatedSplit: { header in "The column \"\(header)\" is read as the stated split." },
        shareColumnAgrees: { header, percentages, compared, all in
            let rows = all ? (compared == 1 ? "the 1 row" : "all \(compared) rows") : (compared == 1 ? "the 1 row that states one" : "the \(compared) rows that state one")
            return "The column \"\(header)\" (\(percentages ? "percentages" : "fractions")) agrees with the exact shares in \(rows), at the precision stated."
        },
        shareColumnDiffers: { header, percentages, details in
            "The column \"\(header)\" (\(percentages ? "percentages" : "fractions")) differs from the exact shares in \(details.count) \(details.count == 1 ? "row" : "rows"): " + details.joined(separator: "; ") + "."
        },
        shareDifference: { name, stated, exact in "\(name) states \(stated), the exact share is \(exact)" },

        asOf: { region, date in "\(region), as of \(date)" },
        asOfLabel: "as of",
        lights: "lights",
        light: englishLight,
        status: englishStatus,
        targets: "Targets",
        tablesHeading: "Tables",
        tableMismatch: { column, row, stated, sum in
            if let row { return "Note: the row total of \(row) is stated as \(stated), but its columns add up to \(sum) (see amr check)." }
            return "Note: the total\(column.map { " of \"\($0)\"" } ?? "") is stated as \(stated), but the rows add up to \(sum) (see amr check)."
        },
        otherDates: { cells in "other dates: " + cells.joined(separator: "; ") },
        tableDate: { date in "as of \(date)" },
        subprojects: "Sub-projects",
        changesSince: { date in "Changes since " + (date ?? "the previous monitor") },
        noChanges: "No lights changed.",
        lightHeading: "light",
        targetHeading: "target",
        expected: "expected",
        realised: "realised",
        ofExpected: "% of expected",
        ofTarget: "% of target",
        gap: "gap",
        trend: "trend",
        explanationHeading: "explanation",
        subproject: "sub-project",
        statusHeading: "status",
        note: "note",
        reason: { reason in
            let en = NumberLocale.en
            return switch reason {
            case .noMeasurement(let date): "no measurement on or before \(longDate(date, months: englishMonths))"
            case .indicator: "an indicator without a target value"
            case .beforeStart(let date): "before the start of the target (\(longDate(date, months: englishMonths)))"
            case .beforeDue(let date): "the target is due on \(longDate(date, months: englishMonths)); without steps there is no expected value before it"
            case .noDate: "the target has no date or period; only realised against the target is shown"
            case .atOrAbove: "at or above the expected value"
            case .belowWithin(let t): "below the expected value, at least \(en.format(t))% of it"
            case .below(let t): "below \(en.format(t))% of the expected value"
            case .atOrBelow: "at or below the expected value"
            case .aboveWithin(let t): "above the expected value, which is still at least \(en.format(t))% of the realised value"
            case .tooFarAbove(let t): "too far above the expected value, which is less than \(en.format(t))% of the realised value"
            }
        },
        disagreement: { d in
            let light = englishLight
            if let status = d.status {
                return "stated \(light(d.stated)), but the status \"\(englishStatus(status))\" suggests \(light(d.implied))"
            }
            return "stated \(light(d.stated)), but its targets' progress gives \(light(d.implied))"
        },
        derivedFootnote: "* light read from the status; the plan gives no colour here",
        outlook: "outlook",
        indicative: "indicative, not binding",
        lowerIsBetter: "lower is better",
        newLine: "new",
        goneLine: "gone",
        madeWith: "Made with amr",

        placementsTitle: "Placements",
        count: "count",
        dimension: { dimension in
            switch dimension {
            case .gemeente: "municipality"
            case .sector: "sector"
            case .doelgroep: "target group"
            case .year: "year"
            case .quarter: "quarter"
            case .month: "month"
            }
        },
        periodLabel: "period",
        recordsLabel: "records",
        fromDate: { date in "from \(date)" },
        toDate: { date in "up to and including \(date)" },
        recordsRead: { records, counted in "\(records) read, \(counted) counted" }
    )
}
