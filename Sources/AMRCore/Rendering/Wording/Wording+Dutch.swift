extension Wording {
    static let dutchMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]

    @Sendable static func dutchStatus(_ status: Subproject.Status) -> String {
        switch status {
        case .notStarted: "niet gestart"
        case .commissioned: "opdracht verstrekt"
        case .inProgress: "in uitvoering"
        case .onTrack: "op koers"
        case .delayed: "vertraagd"
        case .onHold: "on hold"
        case .done: "afgerond"
        }
    }

    /// Dutch, the default: the words of the plans themselves (gemeente, inwoners, verdeelsleutel,
    /// overschot, stoplicht) and of a council letter.
    static let dutch = Wording(
        months: dutchMonths,
        total: "totaal",

        planLabel: "plan",
        fileLabel: "bestand",
        amountLabel: "bedrag",
        keyLabel: "verdeelsleutel",
        methodLabel: "methode",
        sourceLabel: "bron",
        statedInLabel: "vindplaats",
        municipality: "gemeente",
        exactShare: "exact aandeel",
        stated: "vermeld",
        statedMinusExact: "verschil",
        basis: { budget, total, carryOver in
            "= \(budget) \(total)" + (carryOver.map { " − overschot \($0)" } ?? "")
        },
        measureOn: { measure, date in "\(measure) op \(date)" },
        equalShares: "gelijke delen",
        statedWeights: "gewichten per aandeel vermeld",
        fromFile: { column, file in "\(column) uit \(file)" },
        method: { method in
            switch method {
            case .largestRemainder: "grootste overschotten (Hamilton)"
            case .dhondt: "D'Hondt (grootste gemiddelden)"
            case .sainteLague: "Sainte-Laguë"
            }
        },
        roundedTo: { unit in "afgerond op \(unit)" },
        explanation: { method, key, unit, total in
            let how = switch method {
            case .largestRemainder: "volgens de methode van de grootste overschotten (Hamilton): elk exact aandeel wordt naar beneden afgerond op \(unit), en wat overblijft gaat per \(unit) naar de grootste overschotten"
            case .dhondt: "volgens de methode-D'Hondt (grootste gemiddelden), in eenheden van \(unit)"
            case .sainteLague: "volgens de methode-Sainte-Laguë, in eenheden van \(unit)"
            }
            return "Verdeeld naar rato van \(key) \(how); de aandelen tellen precies op tot \(total)."
        },
        planStatesOtherAmount: { stated, budget, fromBudget in
            "Het plan noemt \(stated) als te verdelen bedrag, maar begroting \(budget) geeft \(fromBudget); het vermelde bedrag is verdeeld."
        },
        weightTotalDiffers: { stated, weightName, computed in
            "De tabel vermeldt \(stated) \(weightName) in totaal; de rijen tellen op tot \(computed)."
        },
        splitMatches: "De vermelde verdeling komt overeen met de exacte.",
        rowOff: { name, size, tooLow in "\(name) is \(size) te \(tooLow ? "laag" : "hoog") vermeld" },
        splitDiffers: { rows, details in
            "De vermelde verdeling wijkt in \(rows) \(rows == 1 ? "rij" : "rijen") af: " + details.joined(separator: "; ") + "."
        },
        statedSumOff: { sum, size, short, total in
            "De vermelde aandelen tellen op tot \(sum), \(size) \(short ? "minder dan" : "meer dan") \(total)."
        },
        statedSumExact: { total in "De vermelde aandelen tellen op tot \(total)." },
        sheetNamed: { sheet in "blad \(sheet)" },
        splitSheet: "verdeling",
        budgetNamed: { id in "begroting \(id)" },
        adHocTitle: { weight, name in "\(weight) per \(name)" },
        regionLabel: "regio",
        codeHeading: "code",
        municipalitiesHeading: "gemeenten",
        inhabitantsHeading: "inwoners",
        provinceHeading: "provincie",
        regionsCount: { count in "\(count) regio's" },
        municipalitiesCount: { count in count == 1 ? "1 gemeente" : "\(count) gemeenten" },
        regionsTitle: { date in "Arbeidsmarktregio's op \(date)" },
        regionMunicipalitiesTitle: { region, date in "\(region): gemeenten op \(date)" },
        regionContext: { region, count, date in "\(region), \(count) \(count == 1 ? "gemeente" : "gemeenten") op \(date)" },
        regionTitle: { region, year in "Verdeling naar inwonertal, \(region) \(year)" },
        cbsCredit: { source, date in
            "Bron: CBS, \(source.tableName), inwoners op \(date)"
                + (source.regionTables.isEmpty ? "" : "; regio-indeling: Gebieden in Nederland " + source.regionTables.joined(separator: ", "))
                + " (\(CBSSource.licence))."
        },
        cbsWeightsEqual: { date, count in "De gewichten zijn voor alle \(count) gemeenten gelijk aan de inwonertallen van het CBS op \(date)." },
        cbsWeightsDiffer: { date, rows, count, details in
            "De gewichten wijken in \(rows) van de \(count) rijen af van de inwonertallen van het CBS op \(date): " + details.joined(separator: ", ")
                + "; de gewichten uit het bestand zijn gebruikt (ze kunnen van een andere peildatum zijn)."
        },
        membershipClause: { municipality, others, cbsRegion in
            "\(municipality) mogelijk bij \(others.joined(separator: " of ")) in plaats van bij \(cbsRegion)"
        },
        membershipCaveat: { years, year, clauses in
            "Voor \(years) is de CBS-regio-indeling van 2026 met terugwerkende kracht gebruikt: in \(year) hoorde "
                + clauses.joined(separator: "; ") + ". De eigen gemeentelijst van een plan gaat voor."
        },
        totalRowPlace: { line, sheet, label in
            (sheet.map { "Rij \(line) van blad \($0)" } ?? "Regel \(line)") + (label.isEmpty ? "" : " (\"\(label)\")")
        },
        rowsSpan: { count, first, last, sheet in
            sheet ? (count == 1 ? "rij \(first)" : "de \(count) rijen \(first)–\(last)")
                : (count == 1 ? "de rij op regel \(first)" : "de \(count) rijen op regels \(first)–\(last)")
        },
        totalRowEmpty: { place, subtotal in "\(place) is \(subtotal ? "een subtotaal" : "het totaal van de tabel") zonder waarde: geen partij, en niets te controleren." },
        totalRowBySum: { place, value, rows in
            "\(place) is gelezen als het totaal van de tabel, niet als partij, omdat de waarde, \(value), precies de som is van \(rows); is het wel een partij, zet er dan een rij \"Totaal\" onder."
        },
        totalRowMatches: { place, subtotal, value, rows in
            "\(place) is \(subtotal ? "een subtotaal" : "het totaal van de tabel"), geen partij: \(value), de som van \(rows)."
        },
        totalRowDiffers: { place, subtotal, value, rows, sum, gap, more in
            "\(place) is \(subtotal ? "een subtotaal" : "het totaal van de tabel"), geen partij: er staat \(value), maar \(rows) tellen op tot \(sum)"
                + (gap.map { ", \($0) \(more ? "meer" : "minder") dan vermeld" } ?? "") + "."
        },
        totalRowExplanation: { name, line in
            " Het verschil is het gewicht van \(name) op regel \(line): is die rij een subtotaal, noem haar dan \"Subtotaal \(name)\"."
        },
        shareColumnIsStatedSplit: { header in "De kolom \"\(header)\" is gelezen als de vermelde verdeling." },
        shareColumnAgrees: { header, percentages, compared, all in
            let rows = all ? (compared == 1 ? "de ene rij" : "alle \(compared) rijen") : (compared == 1 ? "de ene rij die er een vermeldt" : "de \(compared) rijen die er een vermelden")
            return "De kolom \"\(header)\" (\(percentages ? "percentages" : "breuken")) komt in \(rows) overeen met de exacte aandelen, op de vermelde nauwkeurigheid."
        },
        shareColumnDiffers: { header, percentages, details in
            "De kolom \"\(header)\" (\(percentages ? "percentages" : "breuken")) wijkt in \(details.count) \(details.count == 1 ? "rij" : "rijen") af van de exacte aandelen: " + details.joined(separator: "; ") + "."
        },
        shareDifference: { name, stated, exact in "\(name) vermeldt \(stated), het exacte aandeel is \(exact)" },

        asOf: { region, date in "\(region), stand per \(date)" },
        asOfLabel: "stand",
        lights: "stoplichten",
        light: { light in light.rawValue },
        status: dutchStatus,
        targets: "Doelen",
        tablesHeading: "Tabellen",
        tableMismatch: { column, row, stated, sum in
            if let row { return "Let op: het rijtotaal van \(row) is \(stated) vermeld, maar de kolommen tellen op tot \(sum) (zie amr check)." }
            return "Let op: het totaal\(column.map { " van \"\($0)\"" } ?? "") is \(stated) vermeld, maar de rijen tellen op tot \(sum) (zie amr check)."
        },
        otherDates: { cells in "andere peildatum: " + cells.joined(separator: "; ") },
        tableDate: { date in "peildatum \(date)" },
        subprojects: "Deelprojecten",
        changesSince: { date in "Wijzigingen sinds " + (date ?? "de vorige monitor") },
        noChanges: "Geen stoplichten gewijzigd.",
        lightHeading: "licht",
        targetHeading: "doel",
        expected: "verwacht",
        realised: "gerealiseerd",
        ofExpected: "% van verwacht",
        ofTarget: "% van doel",
        gap: "verschil",
        trend: "trend",
        explanationHeading: "toelichting",
        subproject: "deelproject",
        statusHeading: "status",
        note: "toelichting",
        reason: { reason in
            let nl = NumberLocale.nl
            return switch reason {
            case .noMeasurement(let date): "geen meting op of voor \(longDate(date, months: dutchMonths))"
            case .indicator: "een indicator zonder doelwaarde"
            case .beforeStart(let date): "voor de start van het doel (\(longDate(date, months: dutchMonths)))"
            case .beforeDue(let date): "het doel geldt per \(longDate(date, months: dutchMonths)); zonder tussenstappen is er nog geen verwachte waarde"
            case .noDate: "het doel heeft geen datum of periode; alleen de stand ten opzichte van het doel"
            case .atOrAbove: "op of boven de verwachte waarde"
            case .belowWithin(let t): "onder de verwachte waarde, maar ten minste \(nl.format(t))% ervan"
            case .below(let t): "onder \(nl.format(t))% van de verwachte waarde"
            case .atOrBelow: "op of onder de verwachte waarde"
            case .aboveWithin(let t): "boven de verwachte waarde, die nog ten minste \(nl.format(t))% van de gerealiseerde is"
            case .tooFarAbove(let t): "te ver boven de verwachte waarde, die minder dan \(nl.format(t))% van de gerealiseerde is"
            }
        },
        disagreement: { d in
            if let status = d.status {
                return "vermeld \(d.stated.rawValue), maar de status \"\(dutchStatus(status))\" wijst op \(d.implied.rawValue)"
            }
            return "vermeld \(d.stated.rawValue), maar de voortgang van de doelen geeft \(d.implied.rawValue)"
        },
        derivedFootnote: "* licht afgeleid uit de status; het plan geeft hier geen kleur",
        outlook: "indicatie",
        indicative: "indicatief, geen taakstelling",
        lowerIsBetter: "lager is beter",
        newLine: "nieuw",
        goneLine: "vervallen",
        madeWith: "Gemaakt met amr",

        placementsTitle: "Plaatsingen",
        count: "aantal",
        dimension: { dimension in
            switch dimension {
            case .gemeente: "gemeente"
            case .sector: "sector"
            case .doelgroep: "doelgroep"
            case .year: "jaar"
            case .quarter: "kwartaal"
            case .month: "maand"
            }
        },
        periodLabel: "periode",
        recordsLabel: "regels",
        fromDate: { date in "vanaf \(date)" },
        toDate: { date in "tot en met \(date)" },
        recordsRead: { records, counted in "\(records) gelezen, \(counted) geteld" }
    )
}
