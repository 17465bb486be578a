extension CheckWording {
    /// English, with `--locale en`.
    static let english = CheckWording(
        rules: englishRules,
        gap: { size, short in "\(size) \(short ? "short" : "too much")" },
        list: { joined($0, and: "and") },
        tooLargeToAdd: "the amounts here add up to more than amr can compute exactly",
        tooLargeHint: "check for a misplaced decimal point",
        totalRow: { label in label.map { "the total row \"\($0)\"" } ?? "the total row" },
        rowNumber: { "row \($0)" },
        cell: { column, row, table in "\"\(column)\" of \(row) in \"\(table)\"" },
        column: { "\"\($0)\"" },
        percentRounded: { exact, rounding, allowed in "\(exact) (rounded \(rounding.rawValue) \(allowed))" },
        percentEither: { exact, floor, ceiling in "\(exact) (\(floor) or \(ceiling))" },
        rounding: { ", rounded \($0.rawValue)" },

        budgetLines: { budget, sum, total, gap in "the lines of budget \"\(budget)\" add up to \(sum) but the stated total is \(total) (\(gap))" },
        budgetLinesHint: "correct the total or the line that is off",
        lineParts: { line, sum, amount, gap in "the parts of \"\(line)\" add up to \(sum) but the stated amount is \(amount) (\(gap))" },
        linePartsHint: "correct the subtotal or the part that is off",
        lineYears: { line, sum, amount, gap in "the years of \"\(line)\" add up to \(sum) but the stated row total is \(amount) (\(gap))" },
        lineYearsHint: "correct the row total or the year that is off",
        linePartsInYear: { line, year, sum, amount, gap in "the parts of \"\(line)\" in \(year) add up to \(sum) but the stated amount is \(amount) (\(gap))" },
        yearColumn: { year, sum, total, gap in "the lines of \(year) add up to \(sum) but the stated total for \(year) is \(total) (\(gap))" },
        yearColumnHint: "correct the column total or the line that is off",
        yearsGrandTotal: { years, sum, total, gap in
            "the totals of \(years.map(String.init).joined(separator: ", ")) add up to \(sum) but the stated grand total is \(total) (\(gap))"
        },
        droppedDigitHint: "correct the grand total; a digit may have been dropped",
        carryOverParts: { sum, stated, gap in "the parts of the carry-over add up to \(sum) but the stated carry-over is \(stated) (\(gap))" },
        carryOverPartsHint: "correct the carry-over or the part that is off",
        budgetTotal: { total, budget in "the total \(total) of budget \"\(budget)\"" },
        lessCarryOver: { " less the carry-over \($0)" },
        amountToSplit: { stated, how, expected, gap in "the amount to split is stated as \(stated) but \(how) is \(expected) (\(gap))" },
        amountToSplitHint: "correct the amount, the budget total or the carry-over",
        allocationSum: { allocation, sum, amount, gap in "the shares of \"\(allocation)\" add up to \(sum) but the stated amount is \(amount) (\(gap))" },
        allocationSumHint: "each share was probably rounded on its own; 'amr allocate' gives a split that adds up exactly",
        grandTotalUnnamed: "the grand total",
        grandTotal: { total, stated, parts, sum, gap in "\(total) is stated as \(stated) but \(parts.joined(separator: ", ")) add up to \(sum) (\(gap))" },

        keyNotPrinted: { allocation, measure, date, missing in
            let names = missing.map { $0.count > 3 ? $0.prefix(3).joined(separator: ", ") + " and \($0.count - 3) more" : $0.joined(separator: ", ") }
            return "the shares of \"\(allocation)\" are checked for their sum only: the plan names the key \"\(measure)\"\(date.map { " on \($0)" } ?? "") but gives \(names.map { "none for \($0)" } ?? "no figures for it")"
        },
        keyNotPrintedHint: { "add the figures the split was made with under \($0) to check each share" },
        splitImpossible: { "the exact split cannot be made: \($0)" },
        splitImpossibleHint: "fix this so the stated shares can be checked",
        exactSplitHint: { method, unit in "'amr allocate' shows the exact split (\(method.displayName), unit \(unit))" },
        roundedOnItsOwn: { "this share was rounded on its own, which loses or adds units in the sum; " + $0 },
        shareByCBS: { name, stated, date, exact, gap in
            "the share of \(name) is stated as \(stated) but by CBS's inhabitants on \(date) the exact share is \(exact) (\(gap))"
        },
        shareByCBSHint: { date, key in
            "the plan names the key inwoners on \(date) but prints no figures, so amr used CBS's (\(key)); add the plan's own figures under /region/municipalities/…/measures/inwoners to check against those"
        },
        share: { name, stated, exact, gap in "the share of \(name) is stated as \(stated) but the exact share is \(exact) (\(gap))" },

        formulaTooLarge: { "the formula of \"\($0)\" is too large to compute exactly" },
        hoursFormula: { perWeek, weeks, rate in "\(perWeek) h/week × \(weeks) weeks × \(rate)" },
        formula: { formula, product, line, amount in "\(formula) = \(product) but the stated amount of \"\(line)\" is \(amount)" },
        formulaHint: "correct the amount or the formula",

        targetParts: { target, parts, sum, value in "the parts of target \"\(target)\" add up to \(parts) = \(sum) but the target is \(value)" },
        targetPartsHint: "correct the target or the part that is off",
        growthAlone: { target, growth in "target \"\(target)\" states a growth of \(growth) but not both the level and the baseline it adds up with" },
        growthAloneHint: "add \"value\" (the level) and \"baseline\": { \"date\", \"value\" } so the level can be checked",
        level: { target, value, baseline, growth, level in
            "target \"\(target)\" is stated as a level of \(value) but its baseline \(baseline) plus its growth \(growth) is \(level)"
        },
        levelHint: "correct the level, the baseline or the growth",
        changeNamed: { "change \"\($0)\"" },
        cannotCheck: { what, reason in "\(what) cannot be checked: \(reason)" },
        referenceHint: "correct the reference, or give the number itself",
        changeFrom: { what, value in "from: \(what), \(value)" },
        changeTo: { what, value in "to: \(what), \(value)" },
        changeValue: { change, approximately, value, from, to, difference in
            "\(change) states a change of \(approximately ? "about " : "")\(value) but from \(from) to \(to) is \(difference)"
        },
        changeValueHint: "correct the change or one of the two figures",
        changePercent: { change, percent, difference, from, words in "\(change) states a change of \(percent)% but \(difference) of \(from) is \(words)" },
        changePercentHint: "correct the percentage or one of the two figures",

        countRows: { table, sum, total in "the rows of \"\(table)\" add up to \(sum) but the stated total is \(total)" },
        rowsHint: "correct the total or the row that is off",
        keyWeights: "weights",
        keyTotal: { key, sum, printed in "the \(key) of the shares add up to \(sum) but the table prints \(printed)" },
        keyTotalHint: "correct the printed total or the value that is off",
        innerNumber: { cell, stated, rowTotal, columnTotal, byRow, byColumn in
            byRow == byColumn
                ? "\(cell) is \(stated), but its row total (\(rowTotal)) and its column total (\(columnTotal)) both give \(byRow)"
                : "\(cell) is \(stated), but its row total (\(rowTotal)) gives \(byRow) and its column total (\(columnTotal)) gives \(byColumn)"
        },
        innerNumberHint: { "correct this number: with \($0) its row and its column both add up" },
        rowTotalOf: { row, value in "the row total of \(row): \(value)" },
        columnTotalOf: { column, value in "the total of \"\(column)\": \(value)" },
        columnTotalBeside: { column, value in "the column total of \"\(column)\": \(value)" },
        innerByPercentage: { cell, stated, rowTotal, total, percentColumn, percent, right in
            "\(cell) is \(stated), but its \(rowTotal ? "row total" : "column total") (\(total)) and its percentage \"\(percentColumn)\" (\(percent)%) both give \(right)"
        },
        innerByPercentageHint: { "correct this number: with \($0) the sum and the percentage both hold" },
        percentOfRow: { percentColumn, row, percent in "\"\(percentColumn)\" of \(row): \(percent)%" },
        ofWhom: { cell, part, whole, wholeValue in "\(cell) is \(part), more than its whole \"\(whole)\" (\(wholeValue))" },
        ofWhomHint: "an \"of whom\" column counts a part of its whole; correct one of the two",
        wholeOf: { whole, value in "the whole \"\(whole)\": \(value)" },
        columnTotals: { table, sum, stated in "the column totals of \"\(table)\" add up to \(sum) but its grand total is \(stated)" },
        columnTotalsHint: "correct the grand total or the column total that is off",
        rowColumns: { row, table, sum, stated in "the columns of \(row) in \"\(table)\" add up to \(sum) but its row total is \(stated)" },
        rowColumnsHint: "correct the row total or the number that is off",
        columnRows: { column, table, sum, stated in "the rows of \"\(column)\" in \"\(table)\" add up to \(sum) but its stated total is \(stated)" },

        targetNamed: { "target \"\($0)\"" },
        stepOf: { "the step of \($0)" },
        percentOf: { percent, base, result in "\(percent)% of \(base) is \(result)" },
        eurosExactly: { "\($0) euros" },
        estimate: { label, requirement, amount, words in
            "the estimate\(label.map { " \"\($0)\"" } ?? "") of \"\(requirement)\" is stated as \(amount) but \(words)"
        },
        estimateHint: "correct the amount, the base or the percentage",
        percentage: { what, value, words, rounded in "\(what) is stated as \(value) but \(words)\(rounded ?? "")" },
        percentageHint: { $0 ? "correct the count or the percentage" : "correct the count, or state the plan's \"rounding\" (down, nearest, up)" },
        percentageNamed: { "percentage \"\($0)\"" },
        noCount: { name, percent in "\(name) (\(percent)%) says of what it is a share but not how many: it cannot be checked" },
        noCountHint: "add \"count\": the number the percentage is of its base (a number, a table cell, a measure or a target)",
        noBase: { name, percent in "\(name) (\(percent)%) gives no base, so it cannot be checked" },
        noBaseHint: "add \"base\": what it is a percentage of (a number, { \"table\", \"column\", \"row\" }, { \"measure\", \"municipality\", \"date\" } or { \"target\" })",
        theCount: { what, value in "the count: \(what), \(value)" },
        theBase: { what, value in "the base: \(what), \(value)" },
        baseIsZero: { name, percent, base in "\(name) is stated as \(percent)% but its base, \(base), is 0" },
        baseIsZeroHint: "correct the base or the percentage",
        statement: { name, approximately, percent, count, countValue, base, baseValue, words in
            "\(name) is stated as \(approximately ? "about " : "")\(percent)% but \(count) (\(countValue)) of \(base) (\(baseValue)) is \(words)"
        },
        statementHint: "correct the percentage, or the count or base it refers to",
        percentWithoutBase: { target, percent in "target \"\(target)\" is stated as \(percent)% of a base the file does not give, so its value cannot be checked" },
        percentWithoutBaseHint: "add \"base\": the number the plan takes the percentage of (and its \"rounding\")",
        numberStated: "the number stated",
        noTarget: { "there is no target \"\($0)\"" },
        targetWithoutValue: { "target \"\($0)\" states no value" },
        noTable: { "there is no table \"\($0)\"" },
        noRowKey: { table, row in "\"\(table)\" has no row \"\(row)\"" },
        noColumnKey: { table, column in "\"\(table)\" has no column \"\(column)\"" },
        sumOfColumn: { column, table in "the sum of \"\(column)\" in \"\(table)\"" },
        rowWithoutCell: { row, table, column in "\(row) of \"\(table)\" has no \"\(column)\"" },
        notMunicipalityOrCluster: { subject, region in "\(subject) is not a municipality or cluster of \(region)" },
        tablePercent: { cell, percent in "\(cell) is stated as \(percent)%" },
        noCountCell: { what, column in "\(what) but the row has no \"\(column)\" to take the percentage of" },
        noCountCellHint: "state the count, or leave the percentage out",
        baseMissing: { what, reason in "\(what) but \(reason)" },
        baseMissingHint: "give the base, or leave the percentage out",
        tableBaseIsZero: { what, base in "\(what) but its base, \(base), is 0" },
        tablePercentage: { what, count, base, words in "\(what) but \(count) of \(base) is \(words)" },
        tablePercentageHint: { $0 ? "correct the percentage, the count or the base"
                                  : "correct the percentage, the count or the base, or state the plan's \"rounding\" (down, nearest, up)" },
        rowHasNoBase: { row, column in "\(row) has no \"\(column)\" to take it of" },
        noTotalToAdd: { table, column in "\"\(table)\" has no total of \"\(column)\", and not every row has one to add up" },
        noTotalRowForBase: { "\"\($0)\" has no total row to take the base from" },
        noRowForBase: { table, row in "\"\(table)\" has no row for \(row) to take the base from" },
        noCellForBase: { row, column, table in "\(row) has no \"\(column)\" in \"\(table)\" to take the base from" },
        totalBaseUnknown: { "the base of row \($0) is missing, so the total's base is unknown" },
        rowsTooLarge: { "the rows' \($0) is too large to add up" },
        measureOfRows: { "the \($0) of its rows" },
        rowNotMunicipality: { row, measure in "\(row) is not a municipality or cluster, so it has no \(measure)" },
        notMunicipalityOf: { code, region in "\(code) is not a municipality of \(region)" },
        noObservation: { municipality, measure, date in "\(municipality) has no \(measure)\(date.map { " on \($0)" } ?? "") in the region's measures" },
        severalObservations: { municipality, measure in "\(municipality) has several \(measure) observations; give the base a date" },
        measureTooLarge: { measure, name in "the \(measure) of \(name) is too large to add up" },
        measureOf: { measure, name, date in "the \(measure) of \(name)\(date.map { " on \($0)" } ?? "")" },

        keyedWhat: { measure, category, subject, date in "the \(measure)\(category.map { " (\($0))" } ?? "") of \(subject) on \(date)" },
        inMeasures: { source in source.map { "in the region's measures (\($0))" } ?? "in the region's measures" },
        inTable: { "in \"\($0)\"" },
        observation: { position, measure in "observation \(position) of \"\(measure)\"" },
        keyed: { what, value, place, other, otherPlace in "\(what) is \(value) \(place) but \(other) \(otherPlace)" },
        keyedHint: "the same number is stated twice and the two disagree; correct the one that is wrong",
        measureContradicted: { what, stated, statements, right in "\(what) is \(stated), but the \(statements) statements that use it all hold with \(right)" },
        measureContradictedHint: "correct this number; the statements that use it then hold too",
        valueIn: { value, place in "\(value) \(place)" },
        anotherPlace: "another place",
        repeatedWrong: { what, stated, repeated, places in
            "\(what) is stated as \(stated) but as \(repeated) " + joined(places.map { "in " + $0 }, and: "and")
        },
        repeatedWrongHint: "the same number is printed several times and this one disagrees with the others; correct it",
        statedAsIn: { value, place in "stated as \(value) in \(place)" },
        repeated: { what, stated, repeated, place in "\(what) is stated as \(stated) but as \(repeated) in \(place)" },
        repeatedHint: "the same number is printed twice and the two disagree; correct the one that is wrong",
        statedHere: { "stated as \($0) here" },
        budgetYearTotal: { year, budget in "the \(year) total of budget \"\(budget)\"" },
        budgetTotalOf: { "the total of budget \"\($0)\"" },
        lineAmountInYear: { line, year in "the amount of \"\(line)\" in \(year)" },
        lineAmount: { "the amount of \"\($0)\"" },
        allocationAmount: { "the amount of allocation \"\($0)\"" },
        targetPercent: { "the percentage of target \"\($0)\"" },
        targetBase: { "the base of target \"\($0)\"" },
        stepPercent: { date, target in "the percentage of the step of \(date) of \"\(target)\"" },
        step: { date, target in "the step of \(date) of \"\(target)\"" },
        measurementLevel: { date, target in "the level of \(date) of \"\(target)\"" },
        measurementValue: { date, target in "the value of \(date) of \"\(target)\"" },
        channelOn: { channel, date, target in "channel \"\(channel)\" on \(date) of \"\(target)\"" },
        columnTotalIn: { column, table in "the total of \"\(column)\" in \"\(table)\"" },
        requirementMinimum: { "the minimum of \"\($0)\"" },
        requirementPercent: { "the percentage of \"\($0)\"" },

        channelNotOther: { channel, other in "channel \"\(channel)\" overlaps \"\(other)\", which is not another channel of this measurement" },
        channelNotOtherHint: { "name one of: " + $0.joined(separator: ", ") },
        channels: { date, target, value, sum in "the total for \(date) of \"\(target)\" is stated as \(value) but the channels add up to \(sum)" },
        alsoCounts: { "; the stated total also counts " + $0.map { "\"\($0.name)\" (overlaps \"\($0.overlaps)\")" }.joined(separator: ", ") },
        channelsHint: "leave out channels that overlap another",

        centreNotInRegion: { "the centre municipality \($0) is not one of the region's municipalities" },
        addMunicipalityHint: "add it to /region/municipalities or correct the code",
        emptyCluster: { "cluster \"\($0)\" has no municipalities, so nothing stated for it can be checked" },
        emptyClusterHint: "list its municipalities; a figure for the whole country printed beside the region's goes in a table row with \"label\" and \"national\": true",
        clusterMember: { cluster, code, region in "cluster \"\(cluster)\" names \(code), which is not a municipality of \(region)" },
        shareOutside: { allocation, code, region in "allocation \"\(allocation)\" has a share for \(code), which is not a municipality of \(region)" },
        targetOutside: { target, code, region in "target \"\(target)\" is for \(code), which is not a municipality of \(region)" },
        tableRowOutside: { table, code, region in "table \"\(table)\" has a row for \(code), which is not a municipality of \(region)" },
        missingId: { kind, id in "there is no \(kind) with id \"\(id)\"" },
        defineHint: { "define it under the plan's \($0)s" },
        knownHint: { "known: " + $0.joined(separator: ", ") },
        didYouMean: { "did you mean \"\($0)\"?" },
        duplicate: { what, value, line in "\(what) \"\(value)\" is used twice (first at line \(line))" },
        duplicateHint: { "give each entry its own \($0)" },
        targetDateOutside: { target, date, start, end in "target \"\(target)\" is for \(date), outside the plan period \(start) – \(end)" },
        targetDateHint: "correct the date or the plan's period",
        baselineAfter: { target, baseline, date in "the baseline of \"\(target)\" (\(baseline)) lies after the target date \(date)" },
        baselineAfterHint: "the baseline (nulmeting) is where counting starts; it comes first",
        carryOverYear: { year, start, end in "the carry-over comes from \(year), not from a year before the plan period \(start) – \(end)" },
        carryOverYearHint: "a carry-over (overschot) is money left from an earlier year",
        unknownKey: { key, suggestion, known in
            "unknown key \"\(key)\" is ignored" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "; known keys here: " + known.joined(separator: ", "))
        },
        unknownKeyStrictHint: "remove the key or correct its spelling",

        cbsKeyDate: { allocation, date, years in "allocation \"\(allocation)\" takes CBS inhabitants on \(date), but amr has CBS figures for 1 January \(years) only" },
        cbsKeyDateHint: { "use 1 January of one of those years, e.g. \"\($0)\"" },
        cbsShareWithoutMunicipality: { "allocation \"\($0)\" takes CBS inhabitants, but this share names no municipality" },
        cbsShareWithoutMunicipalityHint: "add \"municipality\" with its CBS code",
        mergedInto: { "; by then it had merged into " + joined($0, and: "and") },
        cbsNoMunicipality: { code, year, allocation, merged in "CBS has no municipality \(code) on 1 January \(year), so allocation \"\(allocation)\" has no inhabitants for it\(merged)" },
        cbsNoMunicipalityHint: { "municipalities merge on 1 January; use the code of \($0) or another year's figures" },
        lastFirstOfJanuary: { year, date in " on 1 January \(year), the last 1 January before \(date)" },
        checkCodeHint: "check the code: municipalities merge on 1 January",
        mergedHint: { code, year, into in "\(code) merged on 1 January \(year) into " + into.joined(separator: ", ") },
        cbsLacks: { name, code, measure, date, year in "\(name) (\(code)) has \(measure) on \(date), but CBS has no municipality \(code) on 1 January \(year)" },
        cbsDiffers: { name, code, value, measure, date, cbs, reference in "\(name) (\(code)) has \(value) \(measure) on \(date), but CBS gives \(cbs)\(reference)" },
        cbsDiffersHint: { "use CBS's figure, or the date the plan's figure is really for; \($0)" },
        notARegion: { code, year in "\(code) is not a labour-market region in CBS's division of 1 January \(year)" },
        notARegionHint: { "'amr regions --year \($0)' lists the 35 regions with their codes" },
        notAMunicipality: { name, code, year, successor in "\(name) (\(code)) is not a municipality on 1 January \(year) according to CBS" + successor },
        notAMunicipalityHint: { year, region in "municipalities merge on 1 January; list those of \(year) ('amr regions \(region) --year \(year)')" },
        mergedOn: { year, into in ": it merged on 1 January \(year) into " + joined(into, and: "and") },
        elsewhere: { name, code, home, year, region, origin in
            "CBS puts \(name) (\(code)) in \(home) on 1 January \(year), not in \(region)\(origin.map { " (\($0))" } ?? "")"
        },
        elsewhereHint: "remove it if it does not take part; the plan's own list is what amr uses",
        notListed: { name, code, region, year, origin in
            "CBS puts \(name) (\(code)) in \(region) on 1 January \(year), but the plan's region does not list it\(origin.map { " (\($0))" } ?? "")"
        },
        notListedHint: "add it if it takes part; the plan's own list is what amr uses",
        origin: { membership, year in membership.origin(year: year) },
        caveatClause: { caveat, figures in caveat.clause(in: figures) },
        caveatHint: { origin, clause in "\(origin), and \(clause); the plan's own list wins" },

        summary: { files, errors, warnings, notes, unusable, skipped in
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            var line = "checked \(plural(files, "file")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
            if notes > 0 { line += ", \(plural(notes, "note"))" }
            if unusable > 0 { line += "; \(plural(unusable, "file")) could not be used" }
            if skipped > 0 { line += "; \(plural(skipped, "file")) skipped as not a plan" }
            return line
        },
        seeAlso: { " (see also \($0))" },
        hint: { " (hint: \($0))" },
        standardInput: "standard input",
        unknownRuleSummary: { "findings of the rule \($0)" },
        unknownRuleHelp: { "Findings of the rule \($0), which this version of amr does not describe." },
        skipReason: { reason in
            switch reason {
            case .device: "not a regular file (a device)"
            case .socket: "not a regular file (a socket)"
            case .special: "not a regular file (a FIFO or other special file)"
            case .npmManifest: "an npm package manifest"
            case .composerManifest: "a Composer manifest"
            case .typeScriptConfiguration: "a TypeScript configuration"
            case .jsonSchema: "a JSON Schema (such as amr schema writes), not a plan"
            case .directoryLink: "a symbolic link to a directory (not followed; name the directory itself)"
            case .nodeModules: "a node_modules folder (JavaScript packages)"
            }
        },
        skipped: { file, reason in "skipped \(file): \(reason)" },
        nothingLeft: { "no plan files left to check" + ($0 ? " after --exclude" : "") })
}
