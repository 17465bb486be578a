import Testing
@testable import AMRCore

/// The checks of document tables on grids (no file format involved): each planted error is found
/// at its table, row and column, once; tables that add up, and tables amr cannot interpret, give
/// nothing.
@Suite struct DocumentTableTests {
    /// A table from rows of cell texts; `"^"` is a position covered by the cell above, `"<"` one
    /// covered by the cell to the left.
    static func table(_ rows: [[String]], number: Int = 1, caption: String? = "Tabel") -> DocumentTable {
        var grid: [[DocumentTable.Cell]] = []
        for (r, row) in rows.enumerated() {
            var cells: [DocumentTable.Cell] = []
            for (c, text) in row.enumerated() {
                switch text {
                case "^": cells.append(.init(text: "", originRow: grid[r - 1][c].originRow, originColumn: grid[r - 1][c].originColumn, isBold: false))
                case "<": cells.append(.init(text: "", originRow: cells[c - 1].originRow, originColumn: cells[c - 1].originColumn, isBold: false))
                default: cells.append(.init(text: text, originRow: r, originColumn: c, isBold: false))
                }
            }
            grid.append(cells)
        }
        return DocumentTable(number: number, caption: caption, rows: grid, markedHeaderRows: 0, depth: 0)
    }

    static func findings(_ tables: [DocumentTable], locale: NumberLocale = .nl, notation: CellNumber.Notation = .dutch) throws -> [Finding] {
        try DocumentCheck(file: "plan.docx", tables: tables, notation: notation, regionNames: ["haaglanden", "flevoland", "veenstreek"])
            .findings(locale: locale)
    }

    @Test func totalRowThatDoesNotAddUp() throws {
        let found = try Self.findings([Self.table([
            ["Gemeente", "Aantal"], ["Noordveen", "180"], ["Zuidhaven", "110"], ["Oostermeer", "64"], ["Westerbroek", "50"],
            ["Lindendal", "40"], ["Beekhoven", "25"], ["Rietwijk", "20"], ["Heidedorp", "15"], ["Totaal", "600"],
        ], number: 4, caption: "Uitstroom naar betaald werk 2018")])
        #expect(found.count == 1)
        #expect(found.first?.rule == "table-column-total")
        #expect(found.first.map { "\($0.location): \($0.message)" }
                == "plan.docx: tabel 4 \"Uitstroom naar betaald werk 2018\", rij \"Totaal\", kolom \"Aantal\": 600 vermeld, de rijen tellen op tot 504")
        #expect(found.first?.hint == "rij \"Totaal\" is een totaal: zo heet de rij")
    }

    @Test func totalPrintedFirst() throws {
        let found = try Self.findings([Self.table([
            ["Gemeente", "Aantal"], ["Totaal", "400"], ["Almere", "183"], ["Lelystad", "110"], ["Dronten", "97"],
        ])])
        #expect(found.map(\.message) == ["400 vermeld, de rijen tellen op tot 390"])
    }

    @Test func englishWording() throws {
        let found = try Self.findings([Self.table([
            ["Municipality", "Caseload", "Outflow"], ["Almere", "1,200", "140"], ["Lelystad", "800", "95"], ["Total", "2,000", "245"],
        ], caption: "Outflow")], locale: .en, notation: .english)
        #expect(found.map { "\($0.location): \($0.message)" } == ["plan.docx: table 1 \"Outflow\", row \"Total\", column \"Outflow\": 245 stated, the rows add up to 235"])
    }

    @Test func rowTotalColumn() throws {
        let found = try Self.findings([Self.table([
            ["Sector", "Q1", "Q2", "Q3", "Q4", "Totaal"], ["Zorg", "12", "15", "11", "14", "52"], ["Techniek", "8", "9", "10", "7", "36"],
            ["Logistiek", "20", "18", "22", "25", "85"], ["Totaal", "40", "42", "43", "46", "171"],
        ])])
        #expect(found.count == 1)
        #expect(found.first?.location.place == "tabel 1 \"Tabel\", rij \"Techniek\", kolom \"Totaal\"")
        #expect(found.first?.message == "36 vermeld, de kolommen \"Q1\", \"Q2\", \"Q3\" en \"Q4\" tellen op tot 34")
    }

    @Test func subtotalsAndTheirGroups() throws {
        let found = try Self.findings([Self.table([
            ["Post", "Bedrag"], ["Accountmanagers", "€ 120.000"], ["Werkgeversdagen", "€ 30.000"], ["Subtotaal werkgevers", "€ 150.000"],
            ["Scholing", "€ 80.000"], ["Coaching", "€ 45.000"], ["Subtotaal werkzoekenden", "€ 135.000"], ["Eindtotaal", "€ 285.000"],
        ])])
        #expect(found.map(\.location.place) == ["tabel 1 \"Tabel\", rij \"Subtotaal werkzoekenden\", kolom \"Bedrag\""])
        #expect(found.first?.message == "135.000 vermeld, de rijen tellen op tot 125.000")
    }

    @Test func percentageOfAColumn() throws {
        let found = try Self.findings([Self.table([
            ["Gemeente", "Doelgroep", "Bereikt", "Bereik"], ["Almere", "400", "100", "25%"], ["Lelystad", "250", "50", "20%"],
            ["Dronten", "120", "30", "20%"], ["Zeewolde", "80", "16", "20%"], ["Urk", "60", "15", "25%"],
        ])])
        #expect(found.map(\.location.place) == ["tabel 1 \"Tabel\", rij \"Dronten\", kolom \"Bereik\""])
        #expect(found.first?.rule == "table-percentage")
    }

    @Test func percentageRoundedAsTheOtherRows() throws {
        let found = try Self.findings([Self.table([
            ["Gemeente", "Bestand", "Uitstroom", "% van het bestand"], ["Noordveen", "1.740", "139", "8%"], ["Zuidhaven", "975", "78", "8%"],
            ["Oostermeer", "412", "33", "8%"], ["Westerbroek", "208", "19", "9%"], ["Lindendal", "170", "15", "8%"], ["Beekhoven", "102", "9", "9%"],
            ["Rietwijk", "90", "7", "8%"], ["Heidedorp", "78", "6", "8%"], ["Totaal", "3.775", "306", "8%"],
        ])])
        #expect(found.map(\.location.place) == ["tabel 1 \"Tabel\", rij \"Lindendal\", kolom \"% van het bestand\""])
    }

    @Test func shareOfTheColumnTotal() throws {
        let found = try Self.findings([Self.table([
            ["Cluster", "Trajecten", "Aandeel"], ["Noord", "150", "30%"], ["Midden", "200", "40%"], ["Zuid", "100", "25%"],
            ["Oost", "50", "10%"], ["Totaal", "500", "100%"],
        ])])
        #expect(found.map { "\($0.location.place ?? ""): \($0.message)" } == ["tabel 1 \"Tabel\", rij \"Zuid\", kolom \"Aandeel\": 25% vermeld, maar 100 van 500 is 20%"])
    }

    @Test func percentHeadingOverBareNumbers() throws {
        let found = try Self.findings([Self.table([
            ["Gemeente", "Bestand", "Uitstroom", "%"], ["Almere", "400", "100", "25"], ["Lelystad", "250", "50", "20"],
            ["Dronten", "120", "30", "20"], ["Zeewolde", "80", "16", "20"], ["Totaal", "850", "196", "23"],
        ])])
        #expect(found.map { "\($0.location.place ?? ""): \($0.rule)" } == ["tabel 1 \"Tabel\", rij \"Dronten\", kolom \"%\": table-percentage"])
    }

    @Test func roundedCountsWithinTheirRoundingAreNoError() throws {
        let clean = try Self.findings([Self.table([
            ["Gemeente", "Werkzoekenden"], ["Almere", "1.240"], ["Lelystad", "870"], ["Dronten", "330"], ["Zeewolde", "160"], ["Urk", "110"], ["Totaal", "2.700"],
        ])])
        #expect(clean.isEmpty)
        let wrong = try Self.findings([Self.table([
            ["Gemeente", "WW"], ["Almere", "3.410"], ["Lelystad", "1.820"], ["Dronten", "560"], ["Zeewolde", "330"], ["Totaal", "6.320"],
        ])])
        #expect(wrong.map(\.message) == ["6.320 vermeld, de rijen tellen op tot 6.120"])
    }

    @Test func regionNameAsTotalConfirmedByAnotherColumn() throws {
        let found = try Self.findings([Self.table([
            ["Gemeente", "Inwoners", "Bijdrage"], ["Delft", "101.381", "€ 20.157,18"], ["Den Haag", "524.882", "€ 104.360,18"],
            ["Midden-D.", "19.034", "€ 3.784,45"], ["Westland", "105.885", "€ 21.052,69"], ["Rijswijk", "51.027", "€ 10.145,49"],
            ["Haaglanden", "802.209", "€ 159.500,00"], ["Bron aantal inwoners: cbs.nl", "", ""],
        ])])
        #expect(found.map(\.message) == ["159.500,00 vermeld, de rijen tellen op tot 159.499,99"])
        #expect(found.first?.location.place == "tabel 1 \"Tabel\", rij \"Haaglanden\", kolom \"Bijdrage\"")
        // Without a column that adds up, a region's name is not taken for a total.
        let unconfirmed = try Self.findings([Self.table([
            ["Gemeente", "Bijdrage"], ["Delft", "€ 20.157,18"], ["Den Haag", "€ 104.360,18"], ["Haaglanden", "€ 159.500,00"],
        ])])
        #expect(unconfirmed.isEmpty)
    }

    /// A last row named after a region amr does not know is the total when two of its columns
    /// are exactly the sums of the rows above; then a wrong number in it is found in its own cell,
    /// and a wrong row total in its row, not both blamed on the last row's total.
    @Test func lastRowTakenForTheTotalByItsArithmetic() throws {
        func age(_ cc: String) -> DocumentTable {
            Self.table([
                ["Gemeente", "< 25", "25–55", "> 55", "waarvan nieuwkomers", "Totaal"],
                ["Aardam", "50", "600", "30", "20", "680"], ["Bosmeer", "40", "420", "25", "12", "485"],
                ["Citteren", "22", "300", "14", "6", cc], ["Dijkveld", "10", "150", "9", "3", "169"],
                ["Eemhoek", "7", "88", "4", "1", "99"], ["Duinstreek", "192", "1.558", "82", "", "1.769"],
            ], number: 3, caption: "Uitkeringen naar leeftijd")
        }
        let one = try Self.findings([age("336")])
        #expect(one.map { "\($0.location.place ?? ""): \($0.message)" } == [
            "tabel 3 \"Uitkeringen naar leeftijd\", rij \"Duinstreek\", kolom \"< 25\": 192 vermeld, de rijen tellen op tot 129",
        ])
        #expect(one.first?.hint == "rij \"Duinstreek\" is het totaal: de laatste rij, en de kolommen \"25–55\", \"> 55\" en \"Totaal\" ervan zijn precies de som van de rijen erboven")
        let two = try Self.findings([age("346")])
        #expect(two.map { "\($0.location.place ?? ""): \($0.message)" } == [
            "tabel 3 \"Uitkeringen naar leeftijd\", rij \"Citteren\", kolom \"Totaal\": 346 vermeld, de kolommen \"< 25\", \"25–55\" en \"> 55\" tellen op tot 336",
            "tabel 3 \"Uitkeringen naar leeftijd\", rij \"Duinstreek\", kolom \"< 25\": 192 vermeld, de rijen tellen op tot 129",
        ])
        // One column that adds up is no proof: a last row of data may equal one sum by chance.
        let once = try Self.findings([Self.table([
            ["Gemeente", "A", "B", "C"], ["Aardam", "5", "7", "9"], ["Bosmeer", "4", "8", "3"], ["Citteren", "3", "2", "1"], ["Duinstreek", "12", "20", "30"],
        ])])
        #expect(once.isEmpty)
        // Two rows above: the last may be their sum in two columns by chance; nothing is said.
        let small = try Self.findings([Self.table([
            ["Gemeente", "2019", "2020", "2021"], ["Aardam", "1", "2", "3"], ["Bosmeer", "1", "2", "3"], ["Citteren", "2", "4", "5"],
        ])])
        #expect(small.isEmpty)
    }

    /// Counts per municipality in one table; another table gives their outflow with a percentage
    /// of those counts, and a third each one's share of their stated total.
    static func crossTables(outflowPercent: String, share: String) -> [DocumentTable] {
        [
            Self.table([["Gemeente", "Bestand"], ["Aardam", "1.200"], ["Bosmeer", "800"], ["Citteren", "450"], ["Dijkveld", "300"],
                        ["Eemhoek", "250"], ["Totaal", "3.000"]], number: 2, caption: "Bestand per gemeente"),
            Self.table([["Inleiding", ""], ["Zie tabel 2", ""]], number: 3, caption: "Tekst"),
            Self.table([["Gemeente", "Uitstroom", "% van het bestand"], ["Aardam", "96", "8%"], ["Bosmeer", "72", "9%"],
                        ["Citteren", "36", "8%"], ["Dijkveld", "27", "9%"], ["Eemhoek", "20", outflowPercent]], number: 5, caption: "Uitstroom"),
            Self.table([["Gemeente", "Aandeel (%)"], ["Aardam", "40,0"], ["Bosmeer", "26,7"], ["Citteren", share], ["Dijkveld", "10,0"],
                        ["Eemhoek", "8,3"]], number: 6, caption: "Verdeling van het bestand"),
        ]
    }

    @Test func percentageOfACountInAnotherTable() throws {
        let found = try Self.findings(Self.crossTables(outflowPercent: "10%", share: "16,0"))
        #expect(found.map { "\($0.location.place ?? ""): \($0.rule): \($0.message)" } == [
            "tabel 5 \"Uitstroom\", rij \"Eemhoek\", kolom \"% van het bestand\": table-percentage: 10% vermeld, maar 20 van 250 is 8%",
            "tabel 6 \"Verdeling van het bestand\", rij \"Citteren\", kolom \"Aandeel (%)\": table-percentage: 16,0% vermeld, maar 450 van 3.000 is 15%",
        ])
        #expect(found.first?.hint == "kolom \"% van het bestand\" is \"Uitstroom\" als percentage van \"Bestand\" in tabel 2 \"Bestand per gemeente\", in de rij met dezelfde naam, op het dichtstbijzijnde getal afgerond: zo kloppen de andere rijen, en geen andere basis verklaart ze")
        #expect(found.last?.hint == "kolom \"Aandeel (%)\" is \"Bestand\" in tabel 2 \"Bestand per gemeente\" als percentage van het totaal van \"Bestand\" in tabel 2 \"Bestand per gemeente\" (3.000), op het dichtstbijzijnde getal afgerond: zo kloppen de andere rijen, en geen andere basis verklaart ze")
        // The plan file amr extracts gives the same findings, its bases in the plan format's terms.
        let check = DocumentCheck(file: "plan.docx", tables: Self.crossTables(outflowPercent: "10%", share: "16,0"), notation: .dutch, regionNames: [])
        let loaded = try PlanLoader.load(bytes: Array(check.planJSON.utf8), file: "plan.json")
        func key(_ f: Finding) -> String { "\(f.rule) \(f.stated ?? "") \(f.expected ?? "")" }
        #expect(PlanChecker.check(loaded, locale: .nl).map(key).sorted() == found.map(key).sorted())
        #expect(check.planJSON.contains("\"base\": {\n              \"column\": \"kolom-2\",\n              \"row\": \"total\",\n              \"table\": \"tabel-2\""))
        // A base table amr does not extract (no total row): its column by the percentage's labels in a table of its own.
        var unextracted = Self.crossTables(outflowPercent: "10%", share: "15,0")
        unextracted[0].rows.removeLast()
        let helper = DocumentCheck(file: "plan.docx", tables: unextracted, notation: .dutch, regionNames: [])
        let helperPlan = try PlanLoader.load(bytes: Array(helper.planJSON.utf8), file: "plan.json")
        #expect(helperPlan.plan.tables.contains { $0.id == "tabel-5-kolom-3-percentage-basis" })
        #expect(try helper.findings(locale: .nl).map(\.location.place) == ["tabel 5 \"Uitstroom\", rij \"Eemhoek\", kolom \"% van het bestand\""])
        #expect(PlanChecker.check(helperPlan, locale: .nl).map(key).sorted() == (try helper.findings(locale: .nl)).map(key).sorted())
        let clean = try Self.findings(Self.crossTables(outflowPercent: "8%", share: "15,0"))
        #expect(clean.isEmpty, "\(clean.map(\.message))")
    }

    /// Bases that do not explain the other rows, rows that do not match by label, or two bases
    /// that explain them equally well but disagree: nothing, and the column listed with --verbose.
    @Test func percentageOfAnotherTableOnlyWhenCertain() throws {
        // Two rows off: no base explains all but one.
        var tables = Self.crossTables(outflowPercent: "10%", share: "15,0")
        tables[2] = Self.table([["Gemeente", "Uitstroom", "% van het bestand"], ["Aardam", "96", "8%"], ["Bosmeer", "72", "12%"],
                                ["Citteren", "36", "8%"], ["Dijkveld", "27", "9%"], ["Eemhoek", "20", "10%"]], number: 5, caption: "Uitstroom")
        #expect(try Self.findings(tables).isEmpty)
        // Other labels: the rows of the percentage are not those of the counts.
        tables[2] = Self.table([["Cluster", "Uitstroom", "% van het bestand"], ["Noord", "96", "8%"], ["Midden", "72", "9%"],
                                ["Zuid", "36", "8%"], ["Oost", "27", "9%"], ["West", "20", "10%"]], number: 5, caption: "Uitstroom")
        #expect(try Self.findings(tables).isEmpty)
        // Two tables with other counts for the same rows, each explaining all rows but another one.
        tables = Self.crossTables(outflowPercent: "8%", share: "15,0")
        tables[1] = Self.table([["Gemeente", "Doelgroep"], ["Aardam", "1.200"], ["Bosmeer", "800"], ["Citteren", "450"], ["Dijkveld", "300"],
                                ["Eemhoek", "200"]], number: 3, caption: "Doelgroep")
        tables[2] = Self.table([["Gemeente", "Uitstroom", "% van het bestand"], ["Aardam", "96", "8%"], ["Bosmeer", "72", "9%"],
                                ["Citteren", "36", "8%"], ["Dijkveld", "27", "9%"], ["Eemhoek", "20", "9%"], ["Totaal", "251", "8%"]],
                               number: 5, caption: "Uitstroom")
        #expect(try Self.findings(tables).isEmpty)
        // Percentages of 0 fit any large enough base: no evidence for one.
        let zeros = [
            Self.table([["Regio", "Inwoners"], ["Noord", "60.000"], ["Zuid", "40.000"], ["Totaal", "100.000"]], number: 1),
            Self.table([["Project", "Plaatsingen", "%"], ["Werkfit", "1", "0%"], ["Jobcoach", "2", "0%"], ["Startbaan", "1", "0%"],
                        ["Leerwerk", "3", "0%"], ["Techniekpact", "40", "5%"]], number: 2),
        ]
        #expect(try Self.findings(zeros).isEmpty)
        let check = DocumentCheck(file: "plan.docx", tables: tables, notation: .dutch, regionNames: [])
        #expect(check.skippedTables(locale: .nl).contains(
            "plan.docx: tabel 5 \"Uitstroom\", kolom \"% van het bestand\": niet gecontroleerd (geen basis in deze of een andere tabel die de rijen verklaart)"))
    }

    @Test func amountInTheHeadingIsTheColumnsTotal() throws {
        let found = try Self.findings([Self.table([
            ["Gemeente", "Inwoners", "€ 154.000,00"], ["Delft", "101.075", "€ 19.611,75"], ["Den Haag", "519.411", "€ 100.782,17"],
            ["Midden-Delfland", "18.870", "€ 3.661,38"], ["Westland", "105.007", "€ 20.374,68"], ["Rijswijk", "49.322", "€ 9.570,03"],
        ])])
        #expect(found.map(\.message) == ["154.000,00 vermeld, de rijen tellen op tot 154.000,01"])
    }

    @Test func errorFreeShapesGiveNothing() throws {
        let tables = [
            Self.table([["Sector", "Plaatsingen", "<", "<", "Totaal"], ["^", "2019", "2020", "2021", "^"], ["Zorg", "40", "55", "61", "156"],
                        ["Techniek", "22", "30", "35", "87"], ["Totaal", "62", "85", "96", "243"]]),
            Self.table([["Cluster", "Gemeente", "Deelnemers"], ["Noord", "Assen", "120"], ["^", "Tynaarlo", "45"], ["^", "Subtotaal Noord", "165"],
                        ["Zuid", "Emmen", "210"], ["^", "Coevorden", "60"], ["^", "Subtotaal Zuid", "270"], ["Totaal", "", "435"]]),
            Self.table([["Gemeente", "Klanten", "Gemiddelde duur (maanden)", "Uitstroom", "Uitstroom %"], ["Almere", "1.000", "14,2", "120", "12,0%"],
                        ["Lelystad", "500", "11,8", "64", "12,8%"], ["Dronten", "250", "9,5", "25", "10,0%"], ["Totaal", "1.750", "12,9", "209", "11,9%"]]),
            Self.table([["Soort", "Aantal"], ["Bijstand", "2.400"], ["waarvan jongeren", "310"], ["WW", "3.100"], ["Wajong", "900"], ["Totaal", "6.400"]]),
            Self.table([["Gebied", "Beroepsbevolking", "Werklozen", "Werkloosheid"], ["Almere", "110.000", "5.500", "5,0%"], ["Lelystad", "40.000", "2.400", "6,0%"],
                        ["Totaal", "150.000", "7.900", "5,3%"], ["Nederland", "9.500.000", "380.000", "4,0%"]]),
            Self.table([["Post", "", "Bedrag"], ["Accountmanagers", "€", "125.000"], ["Werkgeversdagen¹", "€", "-"], ["Scholing", "€", "80.000*"],
                        ["Onvoorzien", "€", "n.v.t."], ["Totaal", "€", "205.000"]]),
            Self.table([["Doelgroep uitkering", "Aantal geregistreerde werkzoekenden UWV", "Aantal Cv's op Werk.nl"], ["WW", "18.637", "16.466"],
                        ["Wajong", "6.533", "1.571"], ["WIA", "5.190", "1.329"], ["Participatiewet", "n.v.t.", "2.414"], ["Overig", "n.v.t.", "6.292"],
                        ["Totaal", "30.360", "28.072"]]),
            Self.table([["", "Pagina"], ["Samenvatting", "4"], ["Hoofdstuk 1", "8"], ["1.1 Inleiding", "8"], ["Hoofdstuk 2", "11"]]),
            Self.table([["Jaar", "Doel", "Gerealiseerd"], ["2019", "8%", "9%"], ["2020", "20%", "18%"], ["2021", "35%", ""]]),
            Self.table([["Jaar", "Plaatsingen"], ["2019", "12"], ["2020", "18"], ["Totaal", "30"]]),
            // A heading repeated in the middle (a table split over pages): the total covers both parts.
            Self.table([["Gemeente", "Klanten"], ["Almere", "120"], ["Lelystad", "80"], ["Gemeente", "Klanten"], ["Dronten", "30"], ["Urk", "20"], ["Totaal", "250"]]),
            // A cumulative column is not added.
            Self.table([["Maand", "Plaatsingen", "Cumulatief"], ["januari", "10", "10"], ["februari", "12", "22"], ["maart", "8", "30"], ["Totaal", "30", "30"]]),
        ]
        let found = try Self.findings(tables)
        #expect(found.isEmpty, "\(found.map { "\($0.location): \($0.message)" })")
    }

    @Test func cellNumbersAsPlansPrintThem() {
        func value(_ text: String, _ notation: CellNumber.Notation = .dutch) -> String? {
            if case .number(let n) = CellNumber.read(text, notation: notation) { return "\(n.value)\(n.kind == .percentage ? "%" : "")" }
            return nil
        }
        #expect(value("1.536") == "1536")
        #expect(value("€ 104.360,18") == "104360.18")
        #expect(value("€\u{00A0}2 miljoen") == "2000000")
        #expect(value("12,64%") == "12.64%")
        #expect(value("5%¹") == "5%")
        #expect(value("336*") == "336")
        #expect(value("1\u{202F}536 ") == "1536")
        #expect(value("€ 120.000,-") == "120000")
        #expect(value("-1.234,50") == "-1234.50")
        #expect(value("12.5") == nil)
        #expect(value("1.2345") == nil)
        #expect(value("1,200", .english) == "1200")
        #expect(value("Q1 2021") == nil)
        #expect(CellNumber.read("n.v.t.", notation: .dutch) == .blank)
        #expect(CellNumber.read("-", notation: .dutch) == .blank)
    }
}
