extension CheckWording {
    static func dutchRounding(_ rounding: Rounding) -> String {
        switch rounding {
        case .down: "naar beneden afgerond"
        case .nearest: "afgerond"
        case .up: "naar boven afgerond"
        }
    }

    static func dutchDate(_ date: PlanDate) -> String { Wording.longDate(date, months: Wording.dutchMonths) }

    /// Dutch, the default: the words of the plans and of the officer who checks them (vermeld,
    /// tellen op tot, te weinig, begroting, overschot, verdeling, aandeel, doel, nulmeting).
    static let dutch = CheckWording(
        rules: dutchRules,
        gap: { size, short in "\(size) \(short ? "te weinig" : "te veel")" },
        list: { joined($0, and: "en") },
        tooLargeToAdd: "de bedragen hier tellen op tot meer dan amr exact kan berekenen",
        tooLargeHint: "controleer of er een komma of punt verkeerd staat",
        totalRow: { label in label.map { "de totaalrij \"\($0)\"" } ?? "de totaalrij" },
        rowNumber: { "rij \($0)" },
        cell: { column, row, table in "\"\(column)\" van \(row) in \"\(table)\"" },
        column: { "\"\($0)\"" },
        percentRounded: { exact, rounding, allowed in "\(exact) (\(dutchRounding(rounding)) \(allowed))" },
        percentEither: { exact, floor, ceiling in "\(exact) (\(floor) of \(ceiling))" },
        rounding: { ", \(dutchRounding($0))" },

        budgetLines: { budget, sum, total, gap in "de posten van begroting \"\(budget)\" tellen op tot \(sum), maar het vermelde totaal is \(total) (\(gap))" },
        budgetLinesHint: "corrigeer het totaal of de post die afwijkt",
        lineParts: { line, sum, amount, gap in "de onderdelen van \"\(line)\" tellen op tot \(sum), maar het vermelde bedrag is \(amount) (\(gap))" },
        linePartsHint: "corrigeer het subtotaal of het onderdeel dat afwijkt",
        lineYears: { line, sum, amount, gap in "de jaren van \"\(line)\" tellen op tot \(sum), maar het vermelde rijtotaal is \(amount) (\(gap))" },
        lineYearsHint: "corrigeer het rijtotaal of het jaar dat afwijkt",
        linePartsInYear: { line, year, sum, amount, gap in "de onderdelen van \"\(line)\" in \(year) tellen op tot \(sum), maar het vermelde bedrag is \(amount) (\(gap))" },
        yearColumn: { year, sum, total, gap in "de posten van \(year) tellen op tot \(sum), maar het vermelde totaal voor \(year) is \(total) (\(gap))" },
        yearColumnHint: "corrigeer het kolomtotaal of de post die afwijkt",
        yearsGrandTotal: { years, sum, total, gap in
            "de totalen van \(joined(years.map(String.init), and: "en")) tellen op tot \(sum), maar het vermelde eindtotaal is \(total) (\(gap))"
        },
        droppedDigitHint: "corrigeer het totaal; mogelijk is er een cijfer weggevallen",
        carryOverParts: { sum, stated, gap in "de onderdelen van het overschot tellen op tot \(sum), maar het vermelde overschot is \(stated) (\(gap))" },
        carryOverPartsHint: "corrigeer het overschot of het onderdeel dat afwijkt",
        budgetTotal: { total, budget in "het totaal \(total) van begroting \"\(budget)\"" },
        lessCarryOver: { " min het overschot \($0)" },
        amountToSplit: { stated, how, expected, gap in "het te verdelen bedrag is vermeld als \(stated), maar \(how) is \(expected) (\(gap))" },
        amountToSplitHint: "corrigeer het bedrag, het totaal van de begroting of het overschot",
        allocationSum: { allocation, sum, amount, gap in "de aandelen van \"\(allocation)\" tellen op tot \(sum), maar het vermelde bedrag is \(amount) (\(gap))" },
        allocationSumHint: "elk aandeel is waarschijnlijk los afgerond; 'amr allocate' geeft een verdeling die precies optelt",
        grandTotalUnnamed: "het totaal",
        grandTotal: { total, stated, parts, sum, gap in
            "\(total) is vermeld als \(stated), maar \(joined(parts, and: "en")) \(parts.count == 1 ? "is" : "tellen op tot") \(sum) (\(gap))"
        },

        keyNotPrinted: { allocation, measure, date, missing in
            let names = missing.map { $0.count > 3 ? $0.prefix(3).joined(separator: ", ") + " en \($0.count - 3) andere" : joined($0, and: "en") }
            return "van \"\(allocation)\" is alleen de som van de aandelen gecontroleerd: het plan noemt de verdeelsleutel \"\(measure)\"\(date.map { " op \(dutchDate($0))" } ?? "") maar geeft \(names.map { "geen cijfers voor \($0)" } ?? "er geen cijfers bij")"
        },
        keyNotPrintedHint: { "vul de cijfers waarmee verdeeld is aan onder \($0) om elk aandeel te controleren" },
        splitImpossible: { "de exacte verdeling kan niet worden gemaakt: \($0)" },
        splitImpossibleHint: "los dit op, dan kunnen de vermelde aandelen worden gecontroleerd",
        exactSplitHint: { method, unit in "'amr allocate' toont de exacte verdeling (\(Wording.dutch.method(method)), eenheid \(unit))" },
        roundedOnItsOwn: { "dit aandeel is los afgerond, waardoor de som eenheden wint of verliest; " + $0 },
        shareByCBS: { name, stated, date, exact, gap in
            "het aandeel van \(name) is vermeld als \(stated), maar naar de inwonertallen van het CBS op \(dutchDate(date)) is het exacte aandeel \(exact) (\(gap))"
        },
        shareByCBSHint: { date, key in
            "het plan noemt als verdeelsleutel de inwoners op \(dutchDate(date)) maar vermeldt geen cijfers, dus amr gebruikte die van het CBS (\(key)); vul de eigen cijfers van het plan aan onder /region/municipalities/…/measures/inwoners om daartegen te controleren"
        },
        share: { name, stated, exact, gap in "het aandeel van \(name) is vermeld als \(stated), maar het exacte aandeel is \(exact) (\(gap))" },

        formulaTooLarge: { "de formule van \"\($0)\" is te groot om exact te berekenen" },
        hoursFormula: { perWeek, weeks, rate in "\(perWeek) uur/week × \(weeks) weken × \(rate)" },
        formula: { formula, product, line, amount in "\(formula) = \(product), maar het vermelde bedrag van \"\(line)\" is \(amount)" },
        formulaHint: "corrigeer het bedrag of de formule",

        targetParts: { target, parts, sum, value in "de delen van doel \"\(target)\" tellen op tot \(parts) = \(sum), maar het doel is \(value)" },
        targetPartsHint: "corrigeer het doel of het deel dat afwijkt",
        growthAlone: { target, growth in "doel \"\(target)\" noemt een groei van \(growth), maar niet zowel het niveau als de nulmeting waarmee die optelt" },
        growthAloneHint: "vul \"value\" (het niveau) en \"baseline\": { \"date\", \"value\" } aan, dan kan het niveau worden gecontroleerd",
        level: { target, value, baseline, growth, level in
            "doel \"\(target)\" is vermeld als een niveau van \(value), maar de nulmeting \(baseline) plus de groei \(growth) is \(level)"
        },
        levelHint: "corrigeer het niveau, de nulmeting of de groei",
        changeNamed: { "verandering \"\($0)\"" },
        cannotCheck: { what, reason in "\(what) kan niet worden gecontroleerd: \(reason)" },
        referenceHint: "corrigeer de verwijzing, of vermeld het getal zelf",
        changeFrom: { what, value in "van: \(what), \(value)" },
        changeTo: { what, value in "naar: \(what), \(value)" },
        changeValue: { change, approximately, value, from, to, difference in
            "\(change) noemt een verandering van \(approximately ? "ongeveer " : "")\(value), maar van \(from) naar \(to) is \(difference)"
        },
        changeValueHint: "corrigeer de verandering of een van de twee cijfers",
        changePercent: { change, percent, difference, from, words in "\(change) noemt een verandering van \(percent)%, maar \(difference) op \(from) is \(words)" },
        changePercentHint: "corrigeer het percentage of een van de twee cijfers",

        countRows: { table, sum, total in "de rijen van \"\(table)\" tellen op tot \(sum), maar het vermelde totaal is \(total)" },
        rowsHint: "corrigeer het totaal of de rij die afwijkt",
        keyWeights: "gewichten",
        keyTotal: { key, sum, printed in "de \(key) van de aandelen tellen op tot \(sum), maar de tabel vermeldt \(printed)" },
        keyTotalHint: "corrigeer het vermelde totaal of de waarde die afwijkt",
        innerNumber: { cell, stated, rowTotal, columnTotal, byRow, byColumn in
            byRow == byColumn
                ? "\(cell) is \(stated), maar volgens het rijtotaal (\(rowTotal)) en het kolomtotaal (\(columnTotal)) is het allebei \(byRow)"
                : "\(cell) is \(stated), maar volgens het rijtotaal (\(rowTotal)) is het \(byRow) en volgens het kolomtotaal (\(columnTotal)) \(byColumn)"
        },
        innerNumberHint: { "corrigeer dit getal: met \($0) kloppen de rij en de kolom allebei" },
        rowTotalOf: { row, value in "het rijtotaal van \(row): \(value)" },
        columnTotalOf: { column, value in "het totaal van \"\(column)\": \(value)" },
        columnTotalBeside: { column, value in "het kolomtotaal van \"\(column)\": \(value)" },
        innerByPercentage: { cell, stated, rowTotal, total, percentColumn, percent, right in
            "\(cell) is \(stated), maar volgens het \(rowTotal ? "rijtotaal" : "kolomtotaal") (\(total)) en het percentage \"\(percentColumn)\" (\(percent)%) is het allebei \(right)"
        },
        innerByPercentageHint: { "corrigeer dit getal: met \($0) kloppen de som en het percentage allebei" },
        percentOfRow: { percentColumn, row, percent in "\"\(percentColumn)\" van \(row): \(percent)%" },
        ofWhom: { cell, part, whole, wholeValue in "\(cell) is \(part), meer dan het geheel \"\(whole)\" (\(wholeValue))" },
        ofWhomHint: "een \"waarvan\"-kolom telt een deel van het geheel; corrigeer een van de twee",
        wholeOf: { whole, value in "het geheel \"\(whole)\": \(value)" },
        columnTotals: { table, sum, stated in "de kolomtotalen van \"\(table)\" tellen op tot \(sum), maar het eindtotaal is \(stated)" },
        columnTotalsHint: "corrigeer het eindtotaal of het kolomtotaal dat afwijkt",
        rowColumns: { row, table, sum, stated in "de kolommen van \(row) in \"\(table)\" tellen op tot \(sum), maar het rijtotaal is \(stated)" },
        rowColumnsHint: "corrigeer het rijtotaal of het getal dat afwijkt",
        columnRows: { column, table, sum, stated in "de rijen van \"\(column)\" in \"\(table)\" tellen op tot \(sum), maar het vermelde totaal is \(stated)" },

        targetNamed: { "doel \"\($0)\"" },
        stepOf: { "de tussenstap van \(dutchDate($0))" },
        percentOf: { percent, base, result in "\(percent)% van \(base) is \(result)" },
        eurosExactly: { "\($0) euro" },
        estimate: { label, requirement, amount, words in
            "de raming\(label.map { " \"\($0)\"" } ?? "") van \"\(requirement)\" is vermeld als \(amount), maar \(words)"
        },
        estimateHint: "corrigeer het bedrag, de basis of het percentage",
        percentage: { what, value, words, rounded in "\(what) is vermeld als \(value), maar \(words)\(rounded ?? "")" },
        percentageHint: { $0 ? "corrigeer het aantal of het percentage" : "corrigeer het aantal, of geef aan hoe het plan afrondt (\"rounding\": down, nearest of up)" },
        percentageNamed: { "percentage \"\($0)\"" },
        noCount: { name, percent in "\(name) (\(percent)%) zegt waarvan het een deel is, maar niet hoeveel: dat kan niet worden gecontroleerd" },
        noCountHint: "vul \"count\" aan: het getal dat het percentage van de basis is (een getal, een cel van een tabel, een gegeven van de gemeenten of een doel)",
        noBase: { name, percent in "\(name) (\(percent)%) noemt geen basis en kan dus niet worden gecontroleerd" },
        noBaseHint: "vul \"base\" aan: waarvan het een percentage is (een getal, { \"table\", \"column\", \"row\" }, { \"measure\", \"municipality\", \"date\" } of { \"target\" })",
        theCount: { what, value in "het aantal: \(what), \(value)" },
        theBase: { what, value in "de basis: \(what), \(value)" },
        baseIsZero: { name, percent, base in "\(name) is vermeld als \(percent)%, maar de basis, \(base), is 0" },
        baseIsZeroHint: "corrigeer de basis of het percentage",
        statement: { name, approximately, percent, count, countValue, base, baseValue, words in
            "\(name) is vermeld als \(approximately ? "ongeveer " : "")\(percent)%, maar \(count) (\(countValue)) van \(base) (\(baseValue)) is \(words)"
        },
        statementHint: "corrigeer het percentage, of het aantal of de basis waarnaar het verwijst",
        percentWithoutBase: { target, percent in "doel \"\(target)\" is vermeld als \(percent)% van een basis die het bestand niet noemt, dus de waarde kan niet worden gecontroleerd" },
        percentWithoutBaseHint: "vul \"base\" aan: het getal waarvan het plan het percentage neemt (en de \"rounding\")",
        numberStated: "het vermelde getal",
        noTarget: { "er is geen doel \"\($0)\"" },
        targetWithoutValue: { "doel \"\($0)\" noemt geen waarde" },
        noTable: { "er is geen tabel \"\($0)\"" },
        noRowKey: { table, row in "\"\(table)\" heeft geen rij \"\(row)\"" },
        noColumnKey: { table, column in "\"\(table)\" heeft geen kolom \"\(column)\"" },
        sumOfColumn: { column, table in "de som van \"\(column)\" in \"\(table)\"" },
        rowWithoutCell: { row, table, column in "\(row) van \"\(table)\" heeft geen \"\(column)\"" },
        notMunicipalityOrCluster: { subject, region in "\(subject) is geen gemeente of cluster van \(region)" },
        tablePercent: { cell, percent in "\(cell) is vermeld als \(percent)%" },
        noCountCell: { what, column in "\(what), maar de rij heeft geen \"\(column)\" om het percentage van te nemen" },
        noCountCellHint: "vermeld het aantal, of laat het percentage weg",
        baseMissing: { what, reason in "\(what), maar \(reason)" },
        baseMissingHint: "vermeld de basis, of laat het percentage weg",
        tableBaseIsZero: { what, base in "\(what), maar de basis, \(base), is 0" },
        tablePercentage: { what, count, base, words in "\(what), maar \(count) van \(base) is \(words)" },
        tablePercentageHint: { $0 ? "corrigeer het percentage, het aantal of de basis"
                                  : "corrigeer het percentage, het aantal of de basis, of geef aan hoe het plan afrondt (\"rounding\": down, nearest of up)" },
        rowHasNoBase: { row, column in "\(row) heeft geen \"\(column)\" om het van te nemen" },
        noTotalToAdd: { table, column in "\"\(table)\" heeft geen totaal van \"\(column)\", en niet elke rij heeft er een om op te tellen" },
        noTotalRowForBase: { "\"\($0)\" heeft geen totaalrij om de basis uit te nemen" },
        noRowForBase: { table, row in "\"\(table)\" heeft geen rij voor \(row) om de basis uit te nemen" },
        noCellForBase: { row, column, table in "\(row) heeft geen \"\(column)\" in \"\(table)\" om de basis uit te nemen" },
        totalBaseUnknown: { "de basis van rij \($0) ontbreekt, dus de basis van het totaal is onbekend" },
        rowsTooLarge: { "de \($0) van de rijen is te groot om op te tellen" },
        measureOfRows: { "de \($0) van de rijen" },
        rowNotMunicipality: { row, measure in "\(row) is geen gemeente of cluster en heeft dus geen \(measure)" },
        notMunicipalityOf: { code, region in "\(code) is geen gemeente van \(region)" },
        noObservation: { municipality, measure, date in "\(municipality) heeft geen \(measure)\(date.map { " op \(dutchDate($0))" } ?? "") in de gemeentegegevens" },
        severalObservations: { municipality, measure in "\(municipality) heeft meerdere waarden voor \(measure); geef de basis een datum" },
        measureTooLarge: { measure, name in "de \(measure) van \(name) is te groot om op te tellen" },
        measureOf: { measure, name, date in "de \(measure) van \(name)\(date.map { " op \(dutchDate($0))" } ?? "")" },

        keyedWhat: { measure, category, subject, date in "het cijfer \"\(measure)\"\(category.map { " (\($0))" } ?? "") van \(subject) op \(dutchDate(date))" },
        inMeasures: { source in source.map { "in de gemeentegegevens (\($0))" } ?? "in de gemeentegegevens" },
        inTable: { "in \"\($0)\"" },
        observation: { position, measure in "waarde \(position) van \"\(measure)\"" },
        keyed: { what, value, place, other, otherPlace in "\(what) is \(value) \(place), maar \(other) \(otherPlace)" },
        keyedHint: "hetzelfde getal staat twee keer in het plan en de twee verschillen; corrigeer het getal dat niet klopt",
        measureContradicted: { what, stated, statements, right in
            "\(what) is \(stated), maar de \(statements) uitspraken die het gebruiken, kloppen allemaal met \(right)"
        },
        measureContradictedHint: "corrigeer dit getal; dan kloppen ook de uitspraken die het gebruiken",
        valueIn: { value, place in "\(value) \(place)" },
        anotherPlace: "een andere plaats",
        repeatedWrong: { what, stated, repeated, places in
            "\(what) is vermeld als \(stated), maar als \(repeated) " + joined(places.map { "in " + $0 }, and: "en")
        },
        repeatedWrongHint: "hetzelfde getal staat meermaals in het plan en dit getal wijkt af van de andere; corrigeer het",
        statedAsIn: { value, place in "vermeld als \(value) in \(place)" },
        repeated: { what, stated, repeated, place in "\(what) is vermeld als \(stated), maar als \(repeated) in \(place)" },
        repeatedHint: "hetzelfde getal staat twee keer in het plan en de twee verschillen; corrigeer het getal dat niet klopt",
        statedHere: { "hier vermeld als \($0)" },
        budgetYearTotal: { year, budget in "het totaal \(year) van begroting \"\(budget)\"" },
        budgetTotalOf: { "het totaal van begroting \"\($0)\"" },
        lineAmountInYear: { line, year in "het bedrag van \"\(line)\" in \(year)" },
        lineAmount: { "het bedrag van \"\($0)\"" },
        allocationAmount: { "het bedrag van verdeling \"\($0)\"" },
        targetPercent: { "het percentage van doel \"\($0)\"" },
        targetBase: { "de basis van doel \"\($0)\"" },
        stepPercent: { date, target in "het percentage van de tussenstap van \(dutchDate(date)) van \"\(target)\"" },
        step: { date, target in "de tussenstap van \(dutchDate(date)) van \"\(target)\"" },
        measurementLevel: { date, target in "het niveau op \(dutchDate(date)) van \"\(target)\"" },
        measurementValue: { date, target in "de waarde op \(dutchDate(date)) van \"\(target)\"" },
        channelOn: { channel, date, target in "kanaal \"\(channel)\" op \(dutchDate(date)) van \"\(target)\"" },
        columnTotalIn: { column, table in "het totaal van \"\(column)\" in \"\(table)\"" },
        requirementMinimum: { "het minimum van \"\($0)\"" },
        requirementPercent: { "het percentage van \"\($0)\"" },

        channelNotOther: { channel, other in "kanaal \"\(channel)\" overlapt met \"\(other)\", maar dat is geen ander kanaal van deze meting" },
        channelNotOtherHint: { "noem een van: " + $0.joined(separator: ", ") },
        channels: { date, target, value, sum in "het totaal op \(dutchDate(date)) van \"\(target)\" is vermeld als \(value), maar de kanalen tellen op tot \(sum)" },
        alsoCounts: { "; het vermelde totaal telt ook " + joined($0.map { "\"\($0.name)\" (overlapt met \"\($0.overlaps)\")" }, and: "en") + " mee" },
        channelsHint: "laat kanalen weg die met een ander overlappen",

        centreNotInRegion: { "de centrumgemeente \($0) is geen van de gemeenten van de regio" },
        addMunicipalityHint: "voeg haar toe aan /region/municipalities of corrigeer de code",
        emptyCluster: { "cluster \"\($0)\" heeft geen gemeenten, dus wat ervoor vermeld is, kan niet worden gecontroleerd" },
        emptyClusterHint: "noem de gemeenten ervan; een cijfer voor heel Nederland naast dat van de regio hoort in een tabelrij met \"label\" en \"national\": true",
        clusterMember: { cluster, code, region in "cluster \"\(cluster)\" noemt \(code), maar dat is geen gemeente van \(region)" },
        shareOutside: { allocation, code, region in "verdeling \"\(allocation)\" heeft een aandeel voor \(code), maar dat is geen gemeente van \(region)" },
        targetOutside: { target, code, region in "doel \"\(target)\" is voor \(code), maar dat is geen gemeente van \(region)" },
        tableRowOutside: { table, code, region in "tabel \"\(table)\" heeft een rij voor \(code), maar dat is geen gemeente van \(region)" },
        missingId: { kind, id in
            let noun = ["budget": "begroting", "allocation": "verdeling", "theme": "thema", "programme": "programma",
                        "subproject": "deelproject", "cluster": "cluster"][kind] ?? kind
            return "er is geen \(noun) met id \"\(id)\""
        },
        defineHint: { "leg het vast onder \"\($0)s\" in het plan" },
        knownHint: { "bekend: " + $0.joined(separator: ", ") },
        didYouMean: { "bedoelt u \"\($0)\"?" },
        duplicate: { what, value, line in
            let noun = ["municipality code": "gemeentecode", "cluster id": "cluster-id", "theme id": "thema-id", "budget id": "begrotings-id",
                        "allocation id": "verdelings-id", "target id": "doel-id", "programme id": "programma-id", "subproject id": "deelproject-id",
                        "table id": "tabel-id", "requirement id": "id van de opgave", "part id": "id van het deel"][what] ?? what
            return "\(noun) \"\(value)\" komt twee keer voor (eerst op regel \(line))"
        },
        duplicateHint: { "geef elk onderdeel een eigen \"\($0)\"" },
        targetDateOutside: { target, date, start, end in
            "doel \"\(target)\" is voor \(dutchDate(date)), buiten de planperiode \(dutchDate(start)) – \(dutchDate(end))"
        },
        targetDateHint: "corrigeer de datum of de periode van het plan",
        baselineAfter: { target, baseline, date in "de nulmeting van \"\(target)\" (\(dutchDate(baseline))) ligt na de streefdatum \(dutchDate(date))" },
        baselineAfterHint: "de nulmeting is waar het tellen begint; die komt eerst",
        carryOverYear: { year, start, end in "het overschot komt uit \(year), niet uit een jaar vóór de planperiode \(dutchDate(start)) – \(dutchDate(end))" },
        carryOverYearHint: "een overschot is geld dat over is uit een eerder jaar",
        unknownKey: { key, suggestion, known in
            "onbekende sleutel \"\(key)\" wordt genegeerd" + (suggestion.map { "; bedoelt u \"\($0)\"?" } ?? "; bekende sleutels hier: " + known.joined(separator: ", "))
        },
        unknownKeyStrictHint: "verwijder de sleutel of corrigeer de spelling",

        cbsKeyDate: { allocation, date, years in
            "verdeling \"\(allocation)\" gebruikt de inwonertallen van het CBS op \(dutchDate(date)), maar amr heeft CBS-cijfers voor alleen 1 januari \(years)"
        },
        cbsKeyDateHint: { "gebruik 1 januari van een van die jaren, bijvoorbeeld \"\($0)\"" },
        cbsShareWithoutMunicipality: { "verdeling \"\($0)\" gebruikt de inwonertallen van het CBS, maar dit aandeel noemt geen gemeente" },
        cbsShareWithoutMunicipalityHint: "vul \"municipality\" aan met de CBS-code",
        mergedInto: { "; toen was ze al opgegaan in " + joined($0, and: "en") },
        cbsNoMunicipality: { code, year, allocation, merged in
            "het CBS heeft geen gemeente \(code) op 1 januari \(year), dus verdeling \"\(allocation)\" heeft er geen inwonertal voor\(merged)"
        },
        cbsNoMunicipalityHint: { "gemeenten fuseren op 1 januari; gebruik de code van \($0) of de cijfers van een ander jaar" },
        lastFirstOfJanuary: { year, date in " op 1 januari \(year), de laatste 1 januari vóór \(dutchDate(date))" },
        checkCodeHint: "controleer de code: gemeenten fuseren op 1 januari",
        mergedHint: { code, year, into in "\(code) is op 1 januari \(year) opgegaan in " + joined(into, and: "en") },
        cbsLacks: { name, code, measure, date, year in
            "\(name) (\(code)) heeft \(measure) op \(dutchDate(date)), maar het CBS heeft geen gemeente \(code) op 1 januari \(year)"
        },
        cbsDiffers: { name, code, value, measure, date, cbs, reference in
            "\(name) (\(code)) heeft \(value) \(measure) op \(dutchDate(date)), maar het CBS geeft \(cbs)\(reference)"
        },
        cbsDiffersHint: { "gebruik het cijfer van het CBS, of de datum waarvoor het cijfer van het plan echt geldt; \($0)" },
        notARegion: { code, year in "\(code) is geen arbeidsmarktregio in de CBS-indeling van 1 januari \(year)" },
        notARegionHint: { "'amr regions --year \($0)' geeft de 35 regio's met hun codes" },
        notAMunicipality: { name, code, year, successor in "\(name) (\(code)) is volgens het CBS geen gemeente op 1 januari \(year)" + successor },
        notAMunicipalityHint: { year, region in "gemeenten fuseren op 1 januari; noem die van \(year) ('amr regions \(region) --year \(year)')" },
        mergedOn: { year, into in ": ze is op 1 januari \(year) opgegaan in " + joined(into, and: "en") },
        elsewhere: { name, code, home, year, region, origin in
            "het CBS deelt \(name) (\(code)) op 1 januari \(year) in bij \(home), niet bij \(region)\(origin.map { " (\($0))" } ?? "")"
        },
        elsewhereHint: "verwijder haar als ze niet meedoet; amr gebruikt de eigen gemeentelijst van het plan",
        notListed: { name, code, region, year, origin in
            "het CBS deelt \(name) (\(code)) op 1 januari \(year) in bij \(region), maar de regio van het plan noemt haar niet\(origin.map { " (\($0))" } ?? "")"
        },
        notListedHint: "voeg haar toe als ze meedoet; amr gebruikt de eigen gemeentelijst van het plan",
        origin: { membership, year in
            switch membership.kind {
            case .derived: "amr gebruikt voor \(year) de indeling van \(membership.basis)"
            case .codesOnly: "amr gebruikt de CBS-tabel van \(year)"
            case .own: membership.basisIsBackwards
                ? "amr gebruikt de CBS-indeling van 2026 voor \(MembershipCaveat.backwardYears.lowerBound)–\(MembershipCaveat.backwardYears.upperBound)"
                : "amr gebruikt de CBS-tabel van \(year)"
            }
        },
        caveatClause: { caveat, figures in
            MembershipWording.dutch.clause("\(caveat.name) (\(caveat.municipality))", caveat.otherRegions.map { figures.region($0)?.label ?? $0.rawValue },
                                           figures.region(caveat.cbsRegion)?.label ?? caveat.cbsRegion.rawValue)
        },
        caveatHint: { origin, clause in "\(origin), en \(clause); de eigen gemeentelijst van het plan gaat voor" },

        summary: { files, errors, warnings, notes, unusable, skipped in
            var line = "\(plural(files, "bestand", "bestanden")) gecontroleerd: \(plural(errors, "fout", "fouten")), \(plural(warnings, "waarschuwing", "waarschuwingen"))"
            if notes > 0 { line += ", \(plural(notes, "opmerking", "opmerkingen"))" }
            if unusable > 0 { line += "; \(plural(unusable, "bestand kon", "bestanden konden")) niet worden gebruikt" }
            if skipped > 0 { line += "; \(plural(skipped, "bestand", "bestanden")) overgeslagen (geen plan)" }
            return line
        },
        seeAlso: { " (zie ook \($0))" },
        hint: { " (hint: \($0))" },
        standardInput: "standaardinvoer",
        unknownRuleSummary: { "bevindingen van de regel \($0)" },
        unknownRuleHelp: { "Bevindingen van de regel \($0), die deze versie van amr niet beschrijft." },
        skipReason: { reason in
            switch reason {
            case .device: "geen gewoon bestand (een apparaat)"
            case .socket: "geen gewoon bestand (een socket)"
            case .special: "geen gewoon bestand (een FIFO of ander speciaal bestand)"
            case .npmManifest: "een npm-pakketbeschrijving"
            case .composerManifest: "een Composer-pakketbeschrijving"
            case .typeScriptConfiguration: "een TypeScript-configuratie"
            case .jsonSchema: "een JSON Schema (zoals amr schema dat schrijft), geen plan"
            case .directoryLink: "een symbolische koppeling naar een map (niet gevolgd; noem de map zelf)"
            case .nodeModules: "een map node_modules (JavaScript-pakketten)"
            }
        },
        skipped: { file, reason in "\(file) overgeslagen: \(reason)" },
        nothingLeft: { "geen planbestanden over om te controleren" + ($0 ? " na --exclude" : "") })
}
