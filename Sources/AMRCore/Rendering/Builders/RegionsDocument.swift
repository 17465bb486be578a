/// CBS's labour-market regions as a document: all regions of a year with their number of
/// municipalities and inhabitants, or one region's municipalities, always with the credit
/// "Bron: CBS" and the note on how the year's region membership was made.
public enum RegionsDocument {
    /// The regions of `figures`' year.
    public static func build(_ figures: CBSYear, locale: NumberLocale) -> ReportDocument {
        let w = Wording.of(locale)
        var table = ReportDocument.Table(columns: [
            .init(w.codeHeading), .init(w.regionLabel), .init(w.municipalitiesHeading, alignment: .right, summable: true),
            .init(w.inhabitantsHeading, alignment: .right, summable: true),
        ])
        for region in figures.regions {
            table.rows.append([.text(region.code.rawValue), .text(region.name), count(region.municipalities.count), count(region.inhabitants)])
        }
        table.total = [.strong(w.total), .text(w.regionsCount(figures.regions.count)), count(figures.municipalities.count), count(figures.inhabitants)]
        let source = figures.source(regionTables: Array(Set(figures.municipalities.map(\.regionTable))).sorted())
        let note = MembershipWording.of(locale).note(figures, caveats: CBSUse.caveats(in: figures))
        return document(w.regionsTitle(w.date(figures.date)), table: table, source: source, note: note, year: figures.year, w, locale)
    }

    /// One region's municipalities in `figures`' year.
    public static func build(_ region: CBSRegion, in figures: CBSYear, locale: NumberLocale) -> ReportDocument {
        members(region.municipalities, label: region.label, in: figures, source: figures.source(regionTables: region.regionTables),
                note: MembershipWording.of(locale).note(figures, caveats: CBSUse.caveats(for: region.code, in: figures)), locale: locale)
    }

    /// A set of municipalities someone named, in `figures`' year: no region membership is used.
    public static func build(_ set: MunicipalitySet, in figures: CBSYear, locale: NumberLocale) -> ReportDocument {
        members(set.municipalities, label: set.label, in: figures, source: figures.source(), note: nil, locale: locale)
    }

    static func members(_ municipalities: [CBSMunicipality], label: String, in figures: CBSYear, source: CBSSource, note: String?,
                        locale: NumberLocale) -> ReportDocument {
        let w = Wording.of(locale)
        var table = ReportDocument.Table(columns: [
            .init(w.codeHeading), .init(w.municipality), .init(w.provinceHeading),
            .init(w.inhabitantsHeading, alignment: .right, summable: true),
        ])
        for municipality in municipalities {
            table.rows.append([.text(municipality.code.rawValue), .text(municipality.name), .text(municipality.provinceName),
                               count(municipality.inhabitants)])
        }
        table.total = [.strong(w.total), .text(w.municipalitiesCount(municipalities.count)), .empty,
                       count(municipalities.reduce(0) { $0 + $1.inhabitants })]
        let title = w.regionMunicipalitiesTitle(label, w.date(figures.date))
        return document(title, table: table, source: source, note: note, year: figures.year, w, locale)
    }

    static func count(_ value: Int) -> ReportDocument.Cell { .number(ExactDecimal(significand: Int64(value))) }

    static func document(_ title: String, table: ReportDocument.Table, source: CBSSource, note: String?, year: Int,
                         _ w: Wording, _ locale: NumberLocale) -> ReportDocument {
        var blocks: [ReportDocument.Block] = [.table(table)]
        if let note { blocks.append(.paragraph(note)) }
        return ReportDocument(locale: locale, title: title, sections: [.init(name: "CBS \(year)", blocks: blocks)],
                              credits: [w.cbsCredit(source, w.date(source.date))])
    }
}
