/// Reads the tables of a Word (`.docx`, also `.docm`: its tables are read and its macros never
/// run) or OpenDocument text (`.odt`) file through amr's own zip reader and XML scanner, and
/// refuses with a message what it cannot read: a `.doc` of Word 97–2003, a password-protected
/// file, a PDF, a workbook, anything else. The same size limits as for workbooks apply.
public enum DocumentReader {
    /// File name endings `amr check` takes for documents, and finds in directories.
    public static let extensions = ["docx", "docm", "dotx", "odt", "ott"]
    /// Endings that name a document amr refuses with a message (rather than trying it as a plan file).
    public static let refusedExtensions = ["doc", "dot", "pdf", "rtf", "wpd", "pages"]

    /// What amr says about a PDF: where to get a file it can read.
    static let pdfAdvice = "a PDF has no tables amr can read (its text is laid out on pages, not kept as tables); check the plan as .docx or .odt: ask its author for the Word or LibreOffice file, or open the PDF in Word (File > Open converts it) or LibreOffice Writer and save it as .docx or .odt, then compare its tables with the PDF"

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let styleNamespace = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let foNamespace = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

    /// Whether `path` is to be read as a document (by its ending).
    public static func handles(_ path: String) -> Bool {
        let ending = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return path.contains(".") && (extensions.contains(ending) || refusedExtensions.contains(ending))
    }

    /// The document's tables and their check.
    public static func read(bytes: [UInt8], file: String, limits: InputLimits = .standard,
                            regionNames: [String] = []) throws(LoadError) -> DocumentCheck {
        let (tables, notation) = try tables(bytes: bytes, file: file, limits: limits)
        return DocumentCheck(file: file, tables: tables, notation: notation, regionNames: Set(regionNames.map(WeightTable.labelKey)))
    }

    static func tables(bytes: [UInt8], file: String, limits: InputLimits, documentLimits: DocumentLimits = .standard)
        throws(LoadError) -> (tables: [DocumentTable], notation: CellNumber.Notation) {
        let ending = file.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if bytes.starts(with: Array("%PDF".utf8)) || ending == "pdf" {
            throw .unreadable(file: file, reason: pdfAdvice)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            if contains(bytes, utf16: "EncryptionInfo") {
                throw .unreadable(file: file, reason: "the document is protected with a password (encrypted); save a copy without a password (Word: File > Info > Protect Document) and check that")
            }
            throw .unreadable(file: file, reason: "this is a Word 97–2003 document (.doc), which amr does not read; save it as .docx (Word: File > Save As) or .odt and check that")
        }
        guard bytes.starts(with: ZipArchive.signature) else {
            if ending == "doc" || ending == "dot" {
                throw .unreadable(file: file, reason: "this is no Word 2007+ document; a Word 97–2003 document (.doc) amr does not read: save it as .docx (Word: File > Save As) or .odt and check that")
            }
            throw .unreadable(file: file, reason: "not a Word (.docx) or OpenDocument text (.odt) file")
        }
        var archive = try ZipArchive(bytes: bytes, file: file, maximumSize: limits.maximumFileSize)
        if let mimetype = try archive.contents(of: "mimetype") {
            let type = String(decoding: mimetype.prefix(200), as: UTF8.self).trimmingSpaces
            guard type.hasPrefix("application/vnd.oasis.opendocument.text") else {
                throw .unreadable(file: file, reason: "an OpenDocument file of type \(type), not a text document (.odt); amr check reads plan documents and plan files")
            }
            if let manifest = try archive.contents(of: "META-INF/manifest.xml"), contains(manifest, ascii: "encryption-data") {
                throw .unreadable(file: file, reason: "the document is protected with a password (encrypted); save a copy without a password and check that")
            }
            guard let content = try archive.contents(of: "content.xml") else {
                throw .unreadable(file: file, reason: "the OpenDocument file has no content.xml")
            }
            let styles = try archive.contents(of: "styles.xml")
            let notation = try styles.map { (s: [UInt8]) throws(LoadError) in try language(s, part: "styles.xml", file: file, dialect: .openDocument) } ?? nil
            let tables = try collect(content, part: "content.xml", file: file, dialect: .openDocument, limits: documentLimits)
            return (tables, Self.notation(of: tables, declared: notation))
        }
        guard let document = try archive.contents(of: "word/document.xml") else {
            if archive.entry(named: "xl/workbook.xml") != nil {
                throw .unreadable(file: file, reason: "this is an Excel workbook, not a Word document")
            }
            throw .unreadable(file: file, reason: "a zip file without word/document.xml or content.xml: not a Word (.docx) or OpenDocument text (.odt) file")
        }
        let styles = try archive.contents(of: "word/styles.xml")
        let notation = try styles.map { (s: [UInt8]) throws(LoadError) in try language(s, part: "word/styles.xml", file: file, dialect: .wordprocessing) } ?? nil
        let tables = try collect(document, part: "word/document.xml", file: file, dialect: .wordprocessing, limits: documentLimits)
        return (tables, Self.notation(of: tables, declared: notation))
    }

    /// Feeds a part's events to the table builder.
    static func collect(_ bytes: [UInt8], part: String, file: String, dialect: DocumentTableBuilder.Dialect,
                        limits: DocumentLimits) throws(LoadError) -> [DocumentTable] {
        var scanner = XMLScanner(bytes: bytes)
        let known: [(XMLScanner.Namespace, String)] = dialect == .wordprocessing
            ? [(scanner.namespace(wordNamespace), "w")]
            : [(scanner.namespace(tableNamespace), "table"), (scanner.namespace(textNamespace), "text"), (scanner.namespace(styleNamespace), "style")]
        var builder = DocumentTableBuilder(dialect: dialect, limits: limits)
        func name() -> String {
            // Elements of the known namespaces by a fixed prefix, whatever the file calls them.
            if let prefix = known.first(where: { $0.0 == scanner.elementNamespace })?.1 { return prefix + ":" + scanner.localName }
            return scanner.qualifiedName
        }
        do {
            loop: while true {
                switch try scanner.next() {
                case .startElement:
                    var attributes: [(name: String, value: String)] = []
                    for index in 0..<scanner.attributeCount {
                        attributes.append((scanner.attributeLocalName(at: index), scanner.attributeValue(at: index)))
                    }
                    let element = name()
                    builder.start(element, attributes: attributes)
                    if scanner.isEmptyElement { continue loop }
                case .endElement:
                    builder.end(name())
                case .text:
                    builder.text(scanner.text())
                case .endOfDocument:
                    break loop
                }
                if let exceeded = builder.exceeded {
                    throw LoadError.unreadable(file: file, reason: "the document has \(exceeded), more than amr reads")
                }
            }
        } catch let error as XMLError {
            throw .unreadable(file: file, reason: "part \(part) is not well-formed XML (\(error))")
        } catch let error as LoadError {
            throw error
        } catch {
            throw .unreadable(file: file, reason: "part \(part) cannot be read (\(error))")
        }
        return builder.tables
    }

    /// How the document writes its numbers: by the cells that read as a number in one notation
    /// only (`104.360,18` is Dutch, `104,360.18` English); when they do not tell, by the
    /// document's language, else Dutch. A template's language alone (Word's default is en-US)
    /// must not turn `€ 120.000` into 120.
    static func notation(of tables: [DocumentTable], declared: CellNumber.Notation?) -> CellNumber.Notation {
        var dutch = 0, english = 0
        for table in tables {
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.enumerated() where !table.isCovered(r, c) && !cell.text.isEmpty {
                    let nl = CellNumber.read(cell.text, notation: .dutch), en = CellNumber.read(cell.text, notation: .english)
                    switch (nl, en) {
                    case (.number, .text): dutch += 1
                    case (.text, .number): english += 1
                    default: break
                    }
                }
            }
        }
        if dutch != english { return dutch > english ? .dutch : .english }
        // The words of the tables and their captions say more than the declared language: a
        // Dutch plan typed on a system whose default language is en-US (LibreOffice's and Word's
        // default) declares en-US, and `240.000` must then still be two hundred and forty thousand.
        if let words = wordLanguage(of: tables) { return words }
        return declared ?? .dutch
    }

    /// Common words that only one of the two languages uses, as plan tables and captions print them.
    static let dutchWords: Set<String> = ["de", "het", "een", "van", "en", "naar", "voor", "met", "op", "bij",
                                          "uit", "totaal", "gemeente", "gemeenten", "inwoners", "aantal", "bijdrage",
                                          "uitstroom", "jaar", "tabel", "bedrag", "werkzoekenden", "uitkeringen", "waarvan"]
    static let englishWords: Set<String> = ["the", "of", "and", "for", "with", "to", "from", "by", "total",
                                            "municipality", "municipalities", "inhabitants", "number", "year",
                                            "table", "amount", "contribution", "outflow", "benefits"]

    /// Dutch or English by the words of the tables' cells and captions, when one language has
    /// clearly more of them (at least three, and twice the other's); nil when they do not tell.
    static func wordLanguage(of tables: [DocumentTable]) -> CellNumber.Notation? {
        var dutch = 0, english = 0
        func count(_ text: String) {
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                let w = String(word)
                if dutchWords.contains(w) { dutch += 1 } else if englishWords.contains(w) { english += 1 }
            }
        }
        for table in tables {
            if let caption = table.caption { count(caption) }
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.enumerated() where !table.isCovered(r, c) { count(cell.text) }
            }
        }
        if dutch >= 3 && dutch >= 2 * english { return .dutch }
        if english >= 3 && english >= 2 * dutch { return .english }
        return nil
    }

    /// The notation of the document's language: English for `en-…`, else Dutch.
    static func language(_ bytes: [UInt8], part: String, file: String, dialect: DocumentTableBuilder.Dialect) throws(LoadError) -> CellNumber.Notation? {
        var scanner = XMLScanner(bytes: bytes)
        let w = scanner.namespace(wordNamespace), fo = scanner.namespace(foNamespace)
        var inDefaults = false
        do {
            while true {
                switch try scanner.next() {
                case .startElement:
                    if dialect == .wordprocessing {
                        if scanner.isElement("docDefaults", in: w) { inDefaults = true }
                        if inDefaults, scanner.isElement("lang", in: w), let value = scanner.attribute("val", in: w) {
                            return value.lowercased().hasPrefix("en") ? .english : .dutch
                        }
                    } else {
                        if scanner.localName == "default-style" { inDefaults = true }
                        if inDefaults, scanner.localName == "text-properties", let value = scanner.attribute("language", in: fo) {
                            return value.lowercased().hasPrefix("en") ? .english : .dutch
                        }
                    }
                case .endElement:
                    if scanner.localName == "docDefaults" || scanner.localName == "default-style" { inDefaults = false }
                case .text:
                    break
                case .endOfDocument:
                    return nil
                }
            }
        } catch {
            throw .unreadable(file: file, reason: "part \(part) is not well-formed XML (\(error))")
        }
    }

    static func contains(_ bytes: [UInt8], utf16 text: String) -> Bool {
        let needle: [UInt8] = text.utf8.flatMap { byte -> [UInt8] in [byte, 0] }
        return contains(bytes, needle)
    }

    static func contains(_ bytes: [UInt8], ascii text: String) -> Bool { contains(bytes, Array(text.utf8)) }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle { return true }
            index += 1
        }
        return false
    }
}
