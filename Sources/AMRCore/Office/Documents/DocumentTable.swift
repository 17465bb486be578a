/// A table of a Word or OpenDocument text document, as printed: its place among the document's
/// tables, its caption, and a rectangular grid in which merged cells are resolved (a cell spanning
/// columns or rows holds its text once, at its top-left position; the positions it covers point
/// there).
public struct DocumentTable: Hashable, Sendable {
    /// One position of the grid.
    public struct Cell: Hashable, Sendable {
        /// The text, paragraphs joined by a space; empty for a covered position.
        public var text: String
        /// The row and column of the cell that covers this position (its own for a cell).
        public var originRow: Int
        public var originColumn: Int
        /// Whether the cell's text was bold throughout, as total rows often are.
        public var isBold: Bool

        public var isCovered: Bool { false }
    }

    /// 1-based, in document order (a table nested in a cell comes after the table holding it).
    public var number: Int
    /// The caption: a `Tabel 3: …` / `Schema 3: …` line right after the table, else the heading or
    /// paragraph just before it.
    public var caption: String?
    /// The grid, row by row; every row has `width` positions.
    public var rows: [[Cell]]
    /// How many leading rows the document marks as repeated header rows (0 when it does not say).
    public var markedHeaderRows: Int
    /// Nesting depth: 0 for a table in the body, 1 for a table in a cell of another.
    public var depth: Int

    public var width: Int { rows.first?.count ?? 0 }

    /// Whether the position is covered by a cell that starts elsewhere.
    public func isCovered(_ row: Int, _ column: Int) -> Bool {
        let cell = rows[row][column]
        return cell.originRow != row || cell.originColumn != column
    }

    /// The text at a position, looking through a merge to the cell that covers it.
    public func text(_ row: Int, _ column: Int) -> String {
        let cell = rows[row][column]
        return rows[cell.originRow][cell.originColumn].text
    }
}
