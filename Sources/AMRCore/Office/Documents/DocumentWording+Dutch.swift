extension DocumentWording {
    static let dutch = DocumentWording(
        table: { number, caption in caption.map { "tabel \(number) \"\($0)\"" } ?? "tabel \(number)" },
        row: { label, number in label.isEmpty ? "rij \(number)" : "rij \"\(label)\"" },
        column: { "kolom \"\($0)\"" },
        headingRow: "kopregel",
        columnTotal: { stated, sum in "\(stated) vermeld, de rijen tellen op tot \(sum)" },
        rowTotal: { stated, columns, sum in "\(stated) vermeld, de kolommen \(joined(columns.map { "\"\($0)\"" }, and: "en")) tellen op tot \(sum)" },
        innerNumber: { stated, right in "\(stated) vermeld; met \(right) kloppen zowel het rijtotaal als het kolomtotaal" },
        percentage: { stated, count, base, exact in "\(stated)% vermeld, maar \(count) van \(base) is \(exact)" },
        rounded: { " (afgerond \($0)%)" },
        other: { stated, expected in "\(stated) vermeld, verwacht \(expected)" },
        becauseLabel: { row in "\(row) is een totaal: zo heet de rij" },
        becauseRegion: { row in "\(row) is het totaal: de laatste rij, met de naam van een arbeidsmarktregio, en een andere kolom ervan is precies de som van de rijen erboven" },
        becauseSums: { row, columns in "\(row) is het totaal: de laatste rij, en de kolommen \(joined(columns.map { "\"\($0)\"" }, and: "en")) ervan zijn precies de som van de rijen erboven" },
        becauseHeading: { column in "het kopje van \(column) is een bedrag boven een kolom bedragen: het totaal ervan" },
        becauseRowTotal: { column, addends in "\(column) is het rijtotaal: zo heet de kolom, en in de andere rijen is ze precies de som van \(joined(addends.map { "\"\($0)\"" }, and: "en"))" },
        becausePercentage: { column, count, base, rounding in
            let how = rounding.map { ", \(["down": "naar beneden", "nearest": "op het dichtstbijzijnde getal", "up": "naar boven"][$0.rawValue] ?? $0.rawValue) afgerond" } ?? ""
            return "\(column) is \"\(count)\" als percentage van \"\(base)\"\(how): zo kloppen de andere rijen"
        },
        becauseShare: { column, count, rounding in
            let how = rounding.map { ", \(["down": "naar beneden", "nearest": "op het dichtstbijzijnde getal", "up": "naar boven"][$0.rawValue] ?? $0.rawValue) afgerond" } ?? ""
            return "\(column) is het aandeel van elke rij in het totaal van \"\(count)\"\(how): zo kloppen de andere rijen"
        },
        count: { column, table in table.map { "\"\(column)\" in \($0)" } ?? "\"\(column)\"" },
        sameRow: { column, table in "\"\(column)\" in \(table), in de rij met dezelfde naam" },
        totalOf: { column, table, total in "het totaal van \"\(column)\" in \(table) (\(total))" },
        becauseOtherTable: { column, count, base, rounding in
            let how = rounding.map { ", \(["down": "naar beneden", "nearest": "op het dichtstbijzijnde getal", "up": "naar boven"][$0.rawValue] ?? $0.rawValue) afgerond" } ?? ""
            return "\(column) is \(count) als percentage van \(base)\(how): zo kloppen de andere rijen, en geen andere basis verklaart ze"
        },
        unexplainedPercentage: { "\($0): niet gecontroleerd (geen basis in deze of een andere tabel die de rijen verklaart)" },
        group: { "groep \"\($0)\"" },
        skipped: { table, reason in
            let why: String
            switch reason {
            case .noNumbers: why = "geen getallen"
            case .noTotals: why = "geen totaalrij, totaalkolom of percentages met een herkenbare basis"
            case .rowsAfterTotal: why = "er staan rijen onder het totaal; niet duidelijk wat het totaal omvat"
            case .headingInTheMiddle: why = "een kopregel midden in de getallen; niet duidelijk wat bij elkaar hoort"
            case .totalNotConfirmed: why = "de laatste rij lijkt een totaal, maar geen kolom ervan is de som van de rijen"
            case .tooSmall: why = "te klein om iets op te tellen"
            }
            return "\(table): niet gecontroleerd (\(why))"
        },
        list: { joined($0, and: "en") })
}
