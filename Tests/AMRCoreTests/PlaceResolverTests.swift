import Testing
@testable import AMRCore

/// Names and codes people write, resolved to CBS municipalities and regions.
@Suite struct PlaceResolverTests {
    let data: CBSData

    init() throws { data = try CBSData.embedded() }

    func resolver(_ year: Int) throws -> PlaceResolver {
        PlaceResolver(data: data, figures: try data.figures(for: year))
    }

    /// (what is written, year, the code it must resolve to)
    static let names: [(String, Int, String)] = [
        ("GM0518", 2024, "GM0518"), ("gm0518", 2024, "GM0518"),
        ("'s-Gravenhage", 2024, "GM0518"), ("’s-Gravenhage", 2024, "GM0518"), ("s-Gravenhage", 2024, "GM0518"),
        ("Den Haag", 2024, "GM0518"), ("DEN HAAG", 2020, "GM0518"), ("den-haag", 2024, "GM0518"), ("The Hague", 2024, "GM0518"),
        ("Rijswijk", 2024, "GM0603"), ("Rijswijk (ZH.)", 2024, "GM0603"), ("Rijswijk ZH", 2024, "GM0603"),
        ("Rijswijk Zuid-Holland", 2025, "GM0603"), ("Rijswijk", 2023, "GM0603"), ("Rijswijk (ZH.)", 2023, "GM0603"),
        ("Hengelo", 2024, "GM0164"), ("Hengelo (O.)", 2021, "GM0164"), ("Laren", 2025, "GM0417"), ("Beek", 2024, "GM0888"),
        ("Bergen NH", 2024, "GM0373"), ("Bergen (NH.)", 2024, "GM0373"), ("Bergen N.H.", 2024, "GM0373"),
        ("Bergen Noord-Holland", 2024, "GM0373"), ("Bergen L", 2024, "GM0893"), ("bergen (l.)", 2020, "GM0893"),
        ("Bergen op Zoom", 2024, "GM0748"),
        ("Súdwest-Fryslân", 2024, "GM1900"), ("Sudwest Fryslan", 2024, "GM1900"), ("SÚDWEST FRYSLÂN", 2022, "GM1900"),
        ("Den Bosch", 2024, "GM0796"), ("'s-Hertogenbosch", 2024, "GM0796"),
        ("Nuenen", 2024, "GM0820"), ("Nuenen, Gerwen en Nederwetten", 2024, "GM0820"),
        ("Capelle a/d IJssel", 2024, "GM0502"), ("Alphen a/d Rijn", 2024, "GM0484"), ("Alphen aan den Rijn", 2024, "GM0484"),
        ("Tietjerksteradeel", 2024, "GM0737"), ("Weesp", 2022, "GM0457"), ("Dijk en Waard", 2022, "GM1980"),
        ("  Delft ", 2024, "GM0503"), ("Midden Delfland", 2024, "GM1842"), ("MiddenDelfland", 2024, "GM1842"),
    ]

    @Test(arguments: names)
    func commonNamesResolve(_ text: String, _ year: Int, _ code: String) throws {
        #expect(try resolver(year).municipality(text).code.rawValue == code)
    }

    @Test func bergenAloneIsAmbiguous() throws {
        let error = #expect(throws: PlaceLookupError.self) { try resolver(2024).municipality("Bergen") }
        #expect(error == .ambiguousMunicipality("Bergen", candidates: ["Bergen (NH.) (GM0373)", "Bergen (L.) (GM0893)"]))
        #expect(error?.description == "'Bergen' is ambiguous: it may be Bergen (NH.) (GM0373) or Bergen (L.) (GM0893); write the code or the full name")
        #expect(try resolver(2024).candidates("bergen").map(\.code.rawValue) == ["GM0373", "GM0893"])
    }

    @Test func nearMissesSuggestTheClosest() throws {
        let error = #expect(throws: PlaceLookupError.self) { try resolver(2024).municipality("Delfft") }
        #expect(error?.description == "'Delfft' is not a municipality on 1 January 2024; did you mean Delft (GM0503)?")
        let prefix = #expect(throws: PlaceLookupError.self) { try resolver(2024).municipality("Midden-D.") }
        #expect(prefix?.description.contains("Midden-Delfland (GM1842)") == true)
        let nothing = #expect(throws: PlaceLookupError.self) { try resolver(2024).municipality("Xyzzyqwv") }
        #expect(nothing == .unknownMunicipality("Xyzzyqwv", year: 2024, suggestions: []))
    }

    @Test func municipalitiesOfOtherYearsSaySo() throws {
        let weesp = #expect(throws: PlaceLookupError.self) { try resolver(2024).municipality("Weesp") }
        #expect(weesp?.description == "Weesp (GM0457) is not a municipality on 1 January 2024; CBS lists it up to 1 January 2022; on 1 January 2023 it merged into Amsterdam (GM0363)")
        let haaren = #expect(throws: PlaceLookupError.self) { try resolver(2023).municipality("haaren") }
        #expect(haaren?.description == "'haaren' is Haaren (GM0788), which is not a municipality on 1 January 2023; CBS lists it up to 1 January 2020; on 1 January 2021 it merged into (split over) Boxtel (GM0757), Oisterwijk (GM0824), Tilburg (GM0855) and Vught (GM0865)")
        let dijk = #expect(throws: PlaceLookupError.self) { try resolver(2020).municipality("GM1980") }
        #expect(dijk?.description == "'GM1980' is Dijk en Waard (GM1980), which is not a municipality on 1 January 2020; CBS lists it from 1 January 2022; it was formed from Heerhugowaard (GM0398) and Langedijk (GM0416)")
    }

    /// (what is written, the region code it must resolve to)
    static let regions: [(String, String)] = [
        ("AM21", "AM21"), ("am21", "AM21"), ("haaglanden", "AM21"), ("Haaglanden", "AM21"),
        ("gooi-en-vechtstreek", "AM12"), ("Gooi en Vechtstreek", "AM12"), ("Gooi- en Vechtstreek", "AM12"),
        ("Food Valley", "AM38"), ("foodvalley", "AM38"), ("Zaanstreek/Waterland", "AM17"), ("zaanstreek-waterland", "AM17"),
        ("Zuid-Kennemerland & IJmond", "AM37"), ("zuid-kennemerland-en-ijmond", "AM37"), ("Regio Zwolle", "AM36"), ("zwolle", "AM36"),
        ("Fryslân", "AM02"), ("Friesland", "AM02"), ("Helmond-De Peel", "AM32"), ("groot amsterdam", "AM18"),
    ]

    @Test(arguments: regions)
    func regionNamesResolve(_ text: String, _ code: String) throws {
        #expect(try resolver(2024).region(text).code.rawValue == code)
    }

    @Test func unknownRegionsSuggestOrPointToTheRegionOfAMunicipality() throws {
        let typo = #expect(throws: PlaceLookupError.self) { try resolver(2024).region("haaglandn") }
        #expect(typo?.description == "'haaglandn' is not a labour-market region; did you mean haaglanden (AM21 Haaglanden)? ('amr regions' lists them all)")
        let town = #expect(throws: PlaceLookupError.self) { try resolver(2024).region("Delft") }
        #expect(town?.description == "'Delft' is not a labour-market region: Delft (GM0503) is a municipality in Haaglanden (AM21): give that region as haaglanden or AM21")
        let code = #expect(throws: PlaceLookupError.self) { try resolver(2024).region("AM04") }
        #expect(code?.description.hasPrefix("'AM04' is not a labour-market region") == true)
        #expect(throws: PlaceLookupError.noFigures(year: 2014, available: "2015–2025")) { try data.figures(for: 2014) }
    }

    /// Every official name, code and slug of every year leads back to its own place.
    @Test(arguments: [2020, 2021, 2022, 2023, 2024, 2025])
    func everyPlaceResolvesToItself(year: Int) throws {
        let resolver = try resolver(year)
        for municipality in resolver.figures.municipalities {
            #expect(try resolver.municipality(municipality.name) == municipality)
            #expect(try resolver.municipality(municipality.code.rawValue) == municipality)
        }
        for region in resolver.figures.regions {
            #expect(try resolver.region(region.name) == region)
            #expect(try resolver.region(region.slug) == region)
            #expect(try resolver.region(region.code.rawValue) == region)
        }
    }

    @Test func namesCompareWithoutCaseDiacriticsOrPunctuation() {
        #expect(PlaceName.key("Súdwest-Fryslân") == "sudwest-fryslan")
        #expect(PlaceName.key("’s-Gravenhage") == "s-gravenhage")
        #expect(PlaceName.key("Zuid-Kennemerland & IJmond") == "zuid-kennemerland-en-ijmond")
        #expect(PlaceName.key("Capelle a/d IJssel") == "capelle-aan-den-ijssel")
        #expect(PlaceName.compactKey("Food Valley") == PlaceName.compactKey("FoodValley"))
        #expect(PlaceName.sortKey("'s-Gravenhage") < PlaceName.sortKey("Midden-Delfland"))
        #expect(PlaceName.sortKey("Delft") < PlaceName.sortKey("'s-Gravenhage"))
    }
}
