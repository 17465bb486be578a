extension CheckWording {
    static let englishRules: [String: RuleText] = [
        "allocation-share": RuleText(
            summary: "each stated share equals the exact share for the plan's key, method and unit",
            help: "Each stated share must equal the exact share for the plan's key (inhabitants at the reference date, another measure, equal shares or a mix), method and rounding unit: by largest remainder, the floor or the ceiling of its exact quota, the units left over going to the largest remainders. A share rounded on its own (Den Haag's 104.360,185… stated as 104.360,18) is reported with the exact value."),
        "allocation-sum": RuleText(
            summary: "the stated shares of an allocation add up to the amount it splits",
            help: "The shares an allocation states must add up to the amount it splits. When each share is rounded on its own the sum gains or loses a unit (Haaglanden 2018's table adds up to € 159.499,99 for € 159.500,00). 'amr allocate' gives a split whose shares add up exactly."),
        "budget-sum": RuleText(
            summary: "every stated subtotal equals the sum of its parts; the total equals the sum of its lines",
            help: "A budget states subtotals and a total. Every subtotal must equal the sum of its parts and the total the sum of its top-level lines; in a budget with year columns also each row over its years, each column total and the grand total. A sum is read two ways, from each part's stated amount and from each part's own parts or formula, and a total that matches either is accepted, so one wrong number is reported once, where it is."),
        "cbs-inhabitants": RuleText(
            summary: "inhabitants stated for a date in 2015–2025 equal CBS's figures of the last 1 January before it (warning); a CBS key has figures for its date",
            help: "Where a plan states inhabitants for a date in a year amr carries CBS figures for (2015–2025), each figure is compared with CBS's of the last 1 January on or before that date (a plan that consulted cbs.nl on 27 September 2017 had the figures of 1 January 2017); the message names that reference date. A difference is a warning, not an error: the plan may use another source or date on purpose. A key { \"measure\": \"inwoners\", \"source\": \"cbs\", \"date\": … } must name 1 January of a year the figures cover."),
        "cbs-membership": RuleText(
            summary: "the region lists the municipalities CBS puts in it in the plan's year, and no others (warning)",
            help: "The region's list of municipalities is compared with the municipalities CBS puts in that labour-market region on 1 January of the plan's year (2015–2025): one missing or one that CBS puts elsewhere is a warning. For 2020–2023 amr uses CBS's 2026 division, so four municipalities (Renkum, Weesp, Hardinxveld-Giessendam, Vijfheerenlanden) are flagged with that caveat; 2015 and 2017–2019 have no CBS table of the regions and take the nearest year's membership through the mergers (2016's, or 2020's for 2019), as each message says. The plan's own list always wins."),
        "carry-over": RuleText(
            summary: "the carry-over equals its parts; the amount to split equals total − carry-over",
            help: "Money left from an earlier year (overschot, overheveling) is deducted before a budget is split. A carry-over that lists its parts must equal their sum, and an allocation based on a budget less its carry-over must state exactly the total less the carry-over (Haaglanden 2018: € 286.500,00 − € 127.000,00 = € 159.500,00)."),
        "consistency": RuleText(
            summary: "a number stated in several places (tables, measures, alsoStated) is the same everywhere",
            help: "A plan often states one fact in several places: a municipality's count in two tables of the same date, in a table and in the region's measures, or a budget amount again in the running text (alsoStated). Every statement must agree; a disagreement is one finding at the statement that disagrees with the others, naming the other place as a related location."),
        "count-total": RuleText(
            summary: "a table of counts adds up to its stated total; a key adds up to its printed total",
            help: "A table of counts (job seekers or outflow per municipality) must add up to the total it states, and the key of an allocation must add up to the total its table prints (802.209 inhabitants)."),
        "duplicate-id": RuleText(
            summary: "ids are unique within their list; municipality codes are unique in the region",
            help: "Ids must be unique within their list and municipality codes within the region, so that every reference names exactly one thing."),
        "formula": RuleText(
            summary: "a cost line's formula gives exactly its stated amount",
            help: "A cost line stated as a formula must have exactly the amount the formula gives: count × unit price, hours per week × weeks × rate, or FTE × annual cost × part of the year (16 h/week × 46 weeks × € 75/h = € 55.200)."),
        "grand-total": RuleText(
            summary: "a total over several allocations or budgets equals their sum",
            help: "A total the plan states over several allocations or budgets (the contributions of 2019–2021 together) must equal their sum. Published plans drop a digit here: € 79.500 printed for € 795.000."),
        "percentage": RuleText(
            summary: "a count or amount stated as a percentage of a base equals that percentage of it",
            help: "A count or amount stated as a percentage of a base must be that percentage of it (35% of 72.000 job seekers is 25.200; 5% of a € 2,5 billion purchase volume is € 125 million), with the rounding the plan states (down, nearest or up). Without a stated rounding the floor and the ceiling are both accepted, and the message says which rounding gives the stated count. A percentage the text states on its own (\"80% is 27–65 jaar\", under \"percentages\") is checked against its count and base wherever they are printed: a number, a table's cell, a measure at a date or a target; one without a base is a warning that says what to add."),
        "period": RuleText(
            summary: "target dates lie inside the plan period; a carry-over comes from an earlier year",
            help: "Dates must agree with the plan's period: a target's date lies inside it, a baseline (nulmeting) comes before its target date, and a carry-over comes from a year before the period. A target the plan quotes as background (an earlier plan's target, marked \"background\": true) is left alone."),
        "reference": RuleText(
            summary: "municipalities belong to the region; referenced ids exist",
            help: "Everything a plan refers to must exist: the municipalities of allocations and clusters and the centre municipality belong to the region, and the themes, programmes, subprojects, clusters and budgets named by id are defined."),
        TableAnalysis.columnRule: RuleText(
            summary: "each column of a table adds up to its stated total",
            help: "A table that prints a total row states, for each column, the sum of its rows. Each stated column total must equal the sum of the rows (cells printed empty are left out); an \"of whom\" column is checked the same way within itself. When a row total and a column total disagree by the same amount, the finding is placed at the cell that explains both."),
        "table-percentage": RuleText(
            summary: "a percentage in a table equals its count over its base, with the plan's rounding",
            help: "A percentage column states each row's count as a percentage of a base: another column, a column of another table, or a measure of the municipalities. The stated percentage must equal count / base × 100 under the plan's rounding (down, nearest or up, at the decimals printed); the message names the count, the base and the percentage it should be."),
        TableAnalysis.rowRule: RuleText(
            summary: "each row of a table adds up to its row total; an \"of whom\" part is not added and not more than its whole",
            help: "In a table with a row-total column, the counted columns of each row must add up to its stated row total. An \"of whom\" column (partOf) is a part of another column, never added, and never larger than the column it is part of."),
        "target-split": RuleText(
            summary: "the parts of a split target add up to the target; a level is its baseline plus its growth",
            help: "A target split into parts must add up to the target: 2.850 placements = 1.536 market + 1.314 government. A target stated as a level beside its baseline and growth must be their sum: 934 + 795 = 1.729 jobs, not 1.579. A change between two dated figures (changes) must be the difference of the two, and its percentage the difference over the earlier one."),
        "transparency-overlap": RuleText(
            summary: "a total over channels leaves out channels that overlap another",
            help: "Job seekers made visible on several platforms count once: a total over channels must leave out a channel that overlaps another (the Kandidatenverkenner overlaps Werk.nl), and a channel's overlapsWith must name another channel of the same measurement."),
        PlanChecker.unknownKeyRule: RuleText(
            summary: "keys the plan format does not define (a typo such as \"ammount\")",
            help: "A key the plan format does not define is ignored, which hides a typo such as \"ammount\": the amount is then missing. It is a warning, and an error with --strict; the message suggests the nearest known key."),
    ]
}
