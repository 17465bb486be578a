/// A report as a format-neutral document: a title, facts ("key: value"), and sections of tables
/// with typed cells, paragraphs, light summaries and charts. Built once per report in the
/// reader's language (see `Wording`); each writer (terminal table, Markdown, HTML, XLSX) turns
/// any document into its format and knows nothing of plans or allocations.
///
/// JSON and CSV are not written from the document: they are machine contracts per report with
/// stable English keys that scripts depend on.
public struct ReportDocument: Hashable, Sendable {
    /// Number notation and language of every word in the document.
    public var locale: NumberLocale
    public var title: String
    /// A short reference shown beside the title in a terminal (`bijdrage-2018`).
    public var reference: String?
    /// A line under the title (`Veenstreek, stand per 30 juni 2021`).
    public var subtitle: String?
    public var facts: [Fact]
    public var sections: [Section]
    /// Where the figures come from and who made the document (`Bron: CBS …`), printed last.
    public var credits: [String]

    public init(locale: NumberLocale, title: String, reference: String? = nil, subtitle: String? = nil,
                facts: [Fact] = [], sections: [Section] = [], credits: [String] = []) {
        self.locale = locale
        self.title = title
        self.reference = reference
        self.subtitle = subtitle
        self.facts = facts
        self.sections = sections
        self.credits = credits
    }
}

extension ReportDocument {
    /// A labelled value above a table: `bedrag: € 159.500,00 = …`.
    public struct Fact: Hashable, Sendable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A part of a document with an optional heading; in a workbook a section with a table is a sheet.
    public struct Section: Hashable, Sendable {
        public var heading: String?
        /// A short name for the section where a format needs one (a workbook's sheet name).
        public var name: String?
        public var blocks: [Block]

        public init(heading: String? = nil, name: String? = nil, blocks: [Block]) {
            self.heading = heading
            self.name = name
            self.blocks = blocks
        }
    }

    /// The content of a section, in order.
    public enum Block: Hashable, Sendable {
        case facts([Fact])
        case table(Table)
        /// A paragraph of running text (an explanation under a table).
        case paragraph(String)
        /// A list of short lines (the changes since the previous monitor).
        case list([String])
        /// How many lines have each light, worst first, after a label (`lichten`).
        case lights(String, [LightCount])
        /// A small chart of a series over time; formats without pictures show a compact text trend.
        case chart(TrendChart)
        /// A note in small print under a table (`* licht afgeleid uit de status`).
        case footnote(String)
    }

    /// A number of lines with one light, for a summary.
    public struct LightCount: Hashable, Sendable {
        public var light: TrafficLight
        public var count: Int
        /// The light's name in the document's language.
        public var label: String

        public init(light: TrafficLight, count: Int, label: String) {
            self.light = light
            self.count = count
            self.label = label
        }
    }

    /// A table of typed cells: numbers stay numbers so that each format can write them as its
    /// readers expect (aligned, with a number format in a workbook, neutralised never).
    public struct Table: Hashable, Sendable {
        public var columns: [Column]
        public var rows: [[Cell]]
        /// The total row, drawn apart (and in a workbook as `SUM` formulas where a column is summable).
        public var total: [Cell]?
        /// A heading of the table itself, under the section's (a programme's name).
        public var caption: String?

        public init(columns: [Column], rows: [[Cell]] = [], total: [Cell]? = nil, caption: String? = nil) {
            self.columns = columns
            self.rows = rows
            self.total = total
            self.caption = caption
        }

        /// A column's heading, how its cells align, and whether its total is their sum.
        public struct Column: Hashable, Sendable {
            public var heading: String
            public var alignment: Alignment
            /// The total row's cell in this column is the sum of the cells above it.
            public var summable: Bool
            /// Longest text shown in a terminal before it is cut with `…` (nil: no limit).
            public var terminalWidth: Int?
            /// A column of detail (an explanation) that formats with room show and a terminal
            /// table leaves out.
            public var detail: Bool

            public init(_ heading: String, alignment: Alignment = .left, summable: Bool = false, terminalWidth: Int? = nil,
                        detail: Bool = false) {
                self.heading = heading
                self.alignment = alignment
                self.summable = summable
                self.terminalWidth = terminalWidth
                self.detail = detail
            }
        }

        public enum Alignment: Hashable, Sendable { case left, right }
    }

    /// One cell of a document table.
    public enum Cell: Hashable, Sendable {
        case empty
        case text(String)
        /// A count or other exact number, shown with digit grouping (`802.209`).
        case number(ExactDecimal)
        /// An amount with the euro sign, `decimals` decimals shown (`€ 20.157,18`, `€ 20.157`).
        case money(Money, decimals: Int)
        /// A signed difference without the euro sign: `+0,01`, `-0,01`; empty when zero.
        case difference(Money, decimals: Int)
        /// A signed number (`+17.244,4`).
        case signed(ExactDecimal)
        /// A percentage in percent units: 12.64 is `12,64%`.
        case percent(ExactDecimal)
        case date(PlanDate)
        /// A traffic light with its word; `derived` marks a light read from a status.
        case light(TrafficLight, label: String, derived: Bool)
        /// A value with a date in brackets: `572 (2017-01-01)`.
        case dated(ExactDecimal, PlanDate)
        /// A percentage with a date in brackets: `76% (30-06-2021)`; the value in percent units.
        case datedPercent(ExactDecimal, PlanDate)
        /// A signed difference in percentage points, shown with `%`: `-4%`, `+1,5%`.
        case signedPercent(ExactDecimal)
        /// Text shown in bold (a total row's label).
        case strong(String)
    }

    /// A series over time for a small chart: realised measurements, the expected path to the target,
    /// the target itself and the report date. Values are exact; only the drawing rounds.
    public struct TrendChart: Hashable, Sendable {
        public struct Point: Hashable, Sendable {
            public var date: PlanDate
            public var value: Fraction

            public init(date: PlanDate, value: Fraction) {
                self.date = date
                self.value = value
            }
        }

        public var title: String
        public var light: TrafficLight
        /// The light's word, printed beside the chart so it reads without colour.
        public var lightLabel: String
        public var realised: [Point]
        /// The trajectory or pro-rata line towards the target.
        public var expected: [Point]
        public var target: Point?
        public var asOf: PlanDate
        /// Lower values are better: drawn with the axis turned so that up is still good.
        public var lowerIsBetter: Bool
        /// Labels in the document's language.
        public var labels: Labels
        /// The values are percentages: the axis and the target label carry `%`.
        public var percent: Bool = false

        public struct Labels: Hashable, Sendable {
            public var realised: String
            public var expected: String
            public var target: String
            public var asOf: String
            public var lowerIsBetter: String
            /// Month names, January first, for dates on the axis.
            public var months: [String]

            public init(realised: String, expected: String, target: String, asOf: String, lowerIsBetter: String, months: [String]) {
                self.realised = realised
                self.expected = expected
                self.target = target
                self.asOf = asOf
                self.lowerIsBetter = lowerIsBetter
                self.months = months
            }
        }

        public init(title: String, light: TrafficLight, lightLabel: String, realised: [Point], expected: [Point], target: Point?,
                    asOf: PlanDate, lowerIsBetter: Bool, labels: Labels, percent: Bool = false) {
            self.title = title
            self.light = light
            self.lightLabel = lightLabel
            self.realised = realised
            self.expected = expected
            self.target = target
            self.asOf = asOf
            self.lowerIsBetter = lowerIsBetter
            self.labels = labels
            self.percent = percent
        }
    }
}
