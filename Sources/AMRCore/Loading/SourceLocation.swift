/// Where in an input file something was found: file name, 1-based line and column, and for
/// JSON the pointer (RFC 6901) of the value. Columns count Unicode scalars, as editors do.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var pointer: String?
    /// For a workbook: the sheet's name. `line` is then the row and `column` the column (1 = A),
    /// and the location reads as Excel writes a cell, `file:Sheet!B7`.
    public var sheet: String?
    /// For a Word or OpenDocument file: the place in words (`tabel 4 "Uitstroom", rij "Totaal",
    /// kolom "Aantal"`). `line` is then the table's number and `column` its row, for sorting; the
    /// location reads `file: place`, and `pointer` names the place for SARIF (`tabel 4/rij 9/kolom 2`).
    public var place: String?

    public init(file: String, line: Int, column: Int, pointer: String? = nil, sheet: String? = nil, place: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
        self.sheet = sheet
        self.place = place
    }

    /// `file:line:column`, the form compilers and editors understand; in a workbook
    /// `file:Blad1!B7` (a sheet name with spaces or punctuation quoted, `'Mijn blad'!B7`).
    public var description: String {
        if let place { return "\(file): \(place)" }
        guard let sheet else { return "\(file):\(line):\(column)" }
        return "\(file):\(Self.quotedSheetName(sheet))!\(Self.cellReference(row: line, column: column))"
    }

    /// `B7` for row 7, column 2; `AA1` for column 27.
    public static func cellReference(row: Int, column: Int) -> String {
        columnLetters(column) + String(row)
    }

    /// `A` for 1, `Z` for 26, `AA` for 27, as Excel names columns.
    public static func columnLetters(_ column: Int) -> String {
        var n = max(1, column)
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// A sheet name as a cell reference writes it: bare when it is letters, digits and `_`,
    /// else in single quotes with `'` doubled.
    public static func quotedSheetName(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
