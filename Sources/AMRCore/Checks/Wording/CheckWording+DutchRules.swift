extension CheckWording {
    /// Each rule's summary and help in Dutch (SARIF's rule descriptions with the default locale).
    static let dutchRules: [String: RuleText] = [
        "allocation-share": RuleText(
            summary: "elk vermeld aandeel is gelijk aan het exacte aandeel volgens de verdeelsleutel, methode en eenheid van het plan",
            help: "Elk vermeld aandeel moet gelijk zijn aan het exacte aandeel volgens de verdeelsleutel van het plan (inwoners op de peildatum, een ander gegeven, gelijke delen of een mix), de methode en de afrondingseenheid: bij de grootste overschotten het exacte quotum naar beneden of naar boven afgerond, waarbij de overgebleven eenheden naar de grootste overschotten gaan. Een aandeel dat los is afgerond (Den Haag: 104.360,185… vermeld als 104.360,18) wordt gemeld met de exacte waarde."),
        "allocation-sum": RuleText(
            summary: "de vermelde aandelen van een verdeling tellen op tot het bedrag dat ze verdeelt",
            help: "De aandelen die een verdeling vermeldt, moeten optellen tot het bedrag dat wordt verdeeld. Wordt elk aandeel los afgerond, dan wint of verliest de som een eenheid (de tabel van Haaglanden 2018 telt op tot € 159.499,99 voor € 159.500,00). 'amr allocate' geeft een verdeling waarvan de aandelen precies optellen."),
        "budget-sum": RuleText(
            summary: "elk vermeld subtotaal is de som van de onderdelen; het totaal is de som van de posten",
            help: "Een begroting vermeldt subtotalen en een totaal. Elk subtotaal moet gelijk zijn aan de som van de onderdelen en het totaal aan de som van de posten op het hoogste niveau; in een begroting met kolommen per jaar ook elke rij over de jaren, elk kolomtotaal en het eindtotaal. Een som wordt op twee manieren gelezen, uit het vermelde bedrag van elk onderdeel en uit de eigen onderdelen of formule ervan, en een totaal dat met een van beide klopt, wordt geaccepteerd: zo wordt één fout getal één keer gemeld, waar het staat."),
        "cbs-inhabitants": RuleText(
            summary: "inwonertallen voor een datum in 2015–2025 zijn gelijk aan die van het CBS op de laatste 1 januari ervoor (waarschuwing); een CBS-verdeelsleutel heeft cijfers voor de datum",
            help: "Waar een plan inwonertallen vermeldt voor een datum in een jaar waarvan amr CBS-cijfers heeft (2015–2025), wordt elk cijfer vergeleken met dat van het CBS op de laatste 1 januari op of vóór die datum (een plan dat cbs.nl raadpleegde op 27 september 2017, had de cijfers van 1 januari 2017); de melding noemt die peildatum. Een verschil is een waarschuwing, geen fout: het plan kan bewust een andere bron of datum gebruiken. Een verdeelsleutel { \"measure\": \"inwoners\", \"source\": \"cbs\", \"date\": … } moet 1 januari noemen van een jaar waarvoor de cijfers er zijn."),
        "cbs-membership": RuleText(
            summary: "de regio noemt de gemeenten die het CBS er in het jaar van het plan toe rekent, en geen andere (waarschuwing)",
            help: "De gemeentelijst van de regio wordt vergeleken met de gemeenten die het CBS op 1 januari van het jaar van het plan (2015–2025) tot die arbeidsmarktregio rekent: een gemeente die ontbreekt of die het CBS bij een andere regio indeelt, is een waarschuwing. Voor 2020–2023 gebruikt amr de CBS-indeling van 2026, dus vier gemeenten (Renkum, Weesp, Hardinxveld-Giessendam, Vijfheerenlanden) krijgen dat voorbehoud; voor 2015 en 2017–2019 heeft het CBS geen tabel van de regio's en geldt de indeling van het dichtstbijzijnde jaar via de fusies (die van 2016, of van 2020 voor 2019), zoals elke melding zegt. De eigen gemeentelijst van het plan gaat altijd voor."),
        "carry-over": RuleText(
            summary: "het overschot is de som van de onderdelen; het te verdelen bedrag is het totaal min het overschot",
            help: "Geld dat over is uit een eerder jaar (overschot, overheveling) gaat van een begroting af voordat die wordt verdeeld. Een overschot dat zijn onderdelen noemt, moet gelijk zijn aan hun som, en een verdeling op basis van een begroting min het overschot moet precies het totaal min het overschot vermelden (Haaglanden 2018: € 286.500,00 − € 127.000,00 = € 159.500,00)."),
        "consistency": RuleText(
            summary: "een getal dat op meer plaatsen staat (tabellen, gemeentegegevens, alsoStated), is overal hetzelfde",
            help: "Een plan vermeldt één feit vaak op meer plaatsen: het aantal van een gemeente in twee tabellen met dezelfde peildatum, in een tabel en in de gemeentegegevens, of een bedrag van de begroting nog eens in de lopende tekst (alsoStated). Alle vermeldingen moeten overeenkomen; een verschil is één melding, bij de vermelding die van de andere afwijkt, met de andere plaats erbij."),
        "count-total": RuleText(
            summary: "een tabel met aantallen telt op tot het vermelde totaal; een verdeelsleutel telt op tot het afgedrukte totaal",
            help: "Een tabel met aantallen (werkzoekenden of uitstroom per gemeente) moet optellen tot het totaal dat ze vermeldt, en de verdeelsleutel van een verdeling moet optellen tot het totaal dat de tabel afdrukt (802.209 inwoners)."),
        "duplicate-id": RuleText(
            summary: "ids zijn uniek binnen hun lijst; gemeentecodes zijn uniek in de regio",
            help: "Ids moeten uniek zijn binnen hun lijst en gemeentecodes binnen de regio, zodat elke verwijzing precies één ding aanwijst."),
        "formula": RuleText(
            summary: "de formule van een kostenpost geeft precies het vermelde bedrag",
            help: "Een kostenpost met een formule moet precies het bedrag hebben dat de formule geeft: aantal × prijs per stuk, uren per week × weken × tarief, of fte × jaarkosten × deel van het jaar (16 uur/week × 46 weken × € 75/uur = € 55.200)."),
        "grand-total": RuleText(
            summary: "een totaal over meer verdelingen of begrotingen is hun som",
            help: "Een totaal dat het plan vermeldt over meer verdelingen of begrotingen (de bijdragen van 2019–2021 samen), moet hun som zijn. In gepubliceerde plannen valt hier een cijfer weg: € 79.500 afgedrukt voor € 795.000."),
        "percentage": RuleText(
            summary: "een aantal of bedrag vermeld als percentage van een basis is dat percentage ervan",
            help: "Een aantal of bedrag dat als percentage van een basis is vermeld, moet dat percentage ervan zijn (35% van 72.000 werkzoekenden is 25.200; 5% van een inkoopvolume van € 2,5 miljard is € 125 miljoen), met de afronding die het plan noemt (down, nearest of up). Zonder vermelde afronding worden naar beneden en naar boven afgerond allebei geaccepteerd, en de melding zegt welke afronding het vermelde aantal geeft. Een percentage dat de tekst los noemt (\"80% is 27–65 jaar\", onder \"percentages\"), wordt gecontroleerd tegen het aantal en de basis, waar die ook staan: een getal, een cel van een tabel, een gegeven op een datum of een doel; een percentage zonder basis is een waarschuwing die zegt wat er moet worden aangevuld."),
        "period": RuleText(
            summary: "streefdata liggen binnen de planperiode; een overschot komt uit een eerder jaar",
            help: "Data moeten passen bij de periode van het plan: de datum van een doel ligt erbinnen, een nulmeting komt vóór de streefdatum, en een overschot komt uit een jaar vóór de periode. Een doel dat het plan als achtergrond aanhaalt (het doel van een eerder plan, gemarkeerd met \"background\": true), blijft buiten beschouwing."),
        "reference": RuleText(
            summary: "gemeenten horen bij de regio; ids waarnaar verwezen wordt, bestaan",
            help: "Alles waarnaar een plan verwijst, moet bestaan: de gemeenten van verdelingen en clusters en de centrumgemeente horen bij de regio, en de thema's, programma's, deelprojecten, clusters en begrotingen die bij id worden genoemd, zijn vastgelegd."),
        TableAnalysis.columnRule: RuleText(
            summary: "elke kolom van een tabel telt op tot het vermelde totaal",
            help: "Een tabel met een totaalrij vermeldt voor elke kolom de som van de rijen. Elk vermeld kolomtotaal moet gelijk zijn aan de som van de rijen (lege cellen tellen niet mee); een \"waarvan\"-kolom wordt op dezelfde manier binnen zichzelf gecontroleerd. Wijken een rijtotaal en een kolomtotaal evenveel af, dan staat de melding bij de cel die beide verklaart."),
        "table-percentage": RuleText(
            summary: "een percentage in een tabel is het aantal gedeeld door de basis, met de afronding van het plan",
            help: "Een kolom met percentages vermeldt het aantal van elke rij als percentage van een basis: een andere kolom, een kolom van een andere tabel, of een gegeven van de gemeenten. Het vermelde percentage moet gelijk zijn aan aantal / basis × 100 met de afronding van het plan (down, nearest of up, op het aantal afgedrukte decimalen); de melding noemt het aantal, de basis en het percentage dat het zou moeten zijn."),
        TableAnalysis.rowRule: RuleText(
            summary: "elke rij van een tabel telt op tot het rijtotaal; een \"waarvan\"-deel telt niet mee en is niet groter dan het geheel",
            help: "In een tabel met een kolom voor het rijtotaal moeten de getelde kolommen van elke rij optellen tot het vermelde rijtotaal. Een \"waarvan\"-kolom (partOf) is een deel van een andere kolom, telt nooit mee en is nooit groter dan de kolom waarvan ze een deel is."),
        "target-split": RuleText(
            summary: "de delen van een gesplitst doel tellen op tot het doel; een niveau is de nulmeting plus de groei",
            help: "Een doel dat in delen is gesplitst, moet optellen tot het doel: 2.850 plaatsingen = 1.536 markt + 1.314 overheid. Een doel dat als niveau naast de nulmeting en de groei staat, moet hun som zijn: 934 + 795 = 1.729 banen, niet 1.579. Een verandering tussen twee cijfers met een datum (changes) moet het verschil van die twee zijn, en het percentage ervan dat verschil gedeeld door het eerste cijfer."),
        "transparency-overlap": RuleText(
            summary: "een totaal over kanalen laat kanalen weg die met een ander overlappen",
            help: "Werkzoekenden die op meer platforms zichtbaar zijn, tellen één keer: een totaal over kanalen moet een kanaal weglaten dat met een ander overlapt (de Kandidatenverkenner overlapt met Werk.nl), en overlapsWith van een kanaal moet een ander kanaal van dezelfde meting noemen."),
        PlanChecker.unknownKeyRule: RuleText(
            summary: "sleutels die het planformaat niet kent (een tikfout zoals \"ammount\")",
            help: "Een sleutel die het planformaat niet kent, wordt genegeerd, en dat verbergt een tikfout zoals \"ammount\": het bedrag ontbreekt dan. Het is een waarschuwing, en een fout met --strict; de melding noemt de sleutel die er het dichtst bij ligt."),
    ]
}
