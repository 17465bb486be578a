import Foundation
import Testing
@testable import AMRCore

/// The XML scanner of Office parts: events, names and namespaces, attributes, text with
/// references, CDATA and comments, the refusals (DTD, processing instructions, other encodings)
/// and every well-formedness error with its line and column. Each document is also read one
/// byte at a time from its source, to prove that no token depends on where a chunk ends.
@Suite struct XMLScannerTests {
    /// Gives its bytes a few at a time.
    struct Trickle: XMLByteSource {
        let bytes: [UInt8]
        let step: Int
        var offset = 0
        mutating func read(into destination: UnsafeMutableRawBufferPointer) throws(XMLError) -> Int {
            let count = min(step, destination.count, bytes.count - offset)
            for k in 0..<max(0, count) { destination[k] = bytes[offset + k] }
            offset += max(0, count)
            return max(0, count)
        }
    }

    /// The events of `xml` as a compact trace: `<ns|name a=v>`, `</name>`, `"text"`.
    static func trace(_ xml: String, step: Int? = nil) throws(XMLError) -> String {
        let bytes = Array(xml.utf8)
        var scanner = step.map { XMLScanner(source: Trickle(bytes: bytes, step: $0)) } ?? XMLScanner(bytes: bytes)
        var out = ""
        var text = ""
        while true {
            let event = try scanner.next()
            if event != .text, !text.isEmpty {
                out += "\"\(text)\""
                text = ""
            }
            switch event {
            case .startElement:
                let uri = scanner.uri(of: scanner.elementNamespace)
                out += "<" + (uri.isEmpty ? "" : uri + "|") + scanner.localName
                for index in 0..<scanner.attributeCount where scanner.attributeNamespace(at: index) != .xmlns {
                    let ns = scanner.uri(of: scanner.attributeNamespace(at: index))
                    out += " " + (ns.isEmpty ? "" : ns + "|") + scanner.attributeLocalName(at: index) + "=" + scanner.attributeValue(at: index)
                }
                out += ">"
            case .endElement:
                out += "</\(scanner.qualifiedName)>"
            case .text:
                text += scanner.text()
            case .endOfDocument:
                return out
            }
        }
    }

    /// The error for `xml`, read whole and a byte at a time (which must agree).
    static func failure(_ xml: String) -> XMLError? {
        var whole: XMLError?
        do { _ = try trace(xml) } catch { whole = error }
        var trickled: XMLError?
        do { _ = try trace(xml, step: xml.utf8.count > 1_000 ? 997 : 1) } catch { trickled = error }
        #expect(whole == trickled, "whole and trickled differ for \(xml)")
        return whole
    }

    static let wellFormed: [(String, String)] = [
        ("<a/>", "<a></a>"),
        ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<a x='1' y=\"2\">t</a>", "<a x=1 y=2>\"t\"</a>"),
        ("\u{FEFF}<?xml version='1.0'?><a/>", "<a></a>"),
        ("<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>", "<a></a>"),
        ("<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;</a>", "<a>\"<>&\"'AB😀\"</a>"),
        ("<a b='x&amp;y&#10;z\tw'/>", "<a b=x&y\nz w></a>"),
        ("<a b='one\r\ntwo'>x\r\ny\rz</a>", "<a b=one two>\"x\ny\nz\"</a>"),
        ("<a><!-- a comment - with dashes --><b/><![CDATA[<raw> & ]] stuff]]></a><!--after-->\n", "<a><b></b>\"<raw> & ]] stuff\"</a>"),
        ("<w:document xmlns:w=\"urn:w\"><w:p><w:r><w:t xml:space=\"preserve\"> Hi </w:t></w:r></w:p></w:document>",
         "<urn:w|document><urn:w|p><urn:w|r><urn:w|t http://www.w3.org/XML/1998/namespace|space=preserve>\" Hi \"</w:t></w:r></w:p></w:document>"),
        ("<x:ws xmlns:x='urn:s' xmlns='urn:d'><row><x:c r='A1'/></row></x:ws>", "<urn:s|ws><urn:d|row><urn:s|c r=A1></x:c></row></x:ws>"),
        ("<a xmlns='urn:a'><b xmlns=''><c/></b><d/></a>", "<urn:a|a><b><c></c></b><urn:a|d></d></a>"),
        ("<a xmlns:p='urn:1'><b xmlns:p='urn:2'><p:c/></b><p:c/></a>", "<a><b><urn:2|c></p:c></b><urn:1|c></p:c></a>"),
        ("<table:table-cell xmlns:table='urn:t' table:number-columns-repeated=\"3\" office:value-type='float' xmlns:office='urn:o'/>",
         "<urn:t|table-cell urn:t|number-columns-repeated=3 urn:o|value-type=float></table:table-cell>"),
        ("<a>é ü 中 😀</a  >", "<a>\"é ü 中 😀\"</a>"),
        ("<a >  <b\n c = \"1\"\n/></a>", "<a>\"  \"<b c=1></b></a>"),
        // Two names of one length and last byte are compared, and differ.
        ("<a ab='1' bb='2'><c r='1' s='2'/></a>", "<a ab=1 bb=2><c r=1 s=2></c></a>"),
    ]

    @Test(arguments: wellFormed.indices)
    func wellFormedDocuments(_ index: Int) throws {
        let (xml, expected) = Self.wellFormed[index]
        #expect(try Self.trace(xml) == expected)
        for step in [1, 2, 3, 7] { #expect(try Self.trace(xml, step: step) == expected, "step \(step)") }
    }

    /// Past the first kilobyte (which the scanner reads whole before starting), every chunk
    /// boundary inside a prefixed attribute name: `xml:` at a chunk's end once said the name
    /// ends with a colon (found by the generated inline-string workbooks of issue 22).
    @Test func aPrefixedAttributeNameCutByAChunk() throws {
        let padding = String(repeating: " ", count: 1_100)
        let xml = "<a xmlns:p='urn:p'>\(padding)<t xml:space=\"preserve\" p:c='1'> x </t><p:d p:e='2'/></a>"
        let expected = "<a>\"\(padding)\"<t http://www.w3.org/XML/1998/namespace|space=preserve urn:p|c=1>\" x \"</t><urn:p|d urn:p|e=2></p:d></a>"
        #expect(try Self.trace(xml) == expected)
        for step in [1, 2, 3, 5, 7] { #expect(try Self.trace(xml, step: step) == expected, "step \(step)") }
    }

    static let malformed: [(String, String, Int, Int)] = [
        ("<a><b></a>", "the end tag </a> does not match <b>", 1, 7),
        ("<a>\n<b>\n</c></b></a>", "the end tag </c> does not match <b>", 3, 1),
        ("<a>", "the part ends before <a> is closed", 1, 4),
        ("", "the part has no root element", 1, 1),
        ("  ", "the part has no root element", 1, 3),
        ("<a/><b/>", "a second root element; a part has one", 1, 5),
        ("<a/>x", "text after the root element has closed", 1, 5),
        ("x<a/>", "text before the root element", 1, 1),
        ("</a>", "the end tag </a> closes nothing", 1, 1),
        ("<a b='1' b='2'/>", "the attribute b occurs twice in one tag", 1, 10),
        ("<a><c r='1' s='2' r='3'/></a>", "the attribute r occurs twice in one tag", 1, 19),
        ("<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>", "the attribute q:x occurs twice in one tag", 1, 36),
        ("<a b=1/>", "the value of b must be in quotes", 1, 6),
        ("<a b='<'/>", "< is not allowed in an attribute value; write &lt;", 1, 7),
        ("<a b='1'c='2'/>", "a space must separate a tag's name and attributes", 1, 9),
        ("<a>&nbsp;</a>", "the entity &nbsp; is not defined (only &lt; &gt; &amp; &quot; &apos; exist here)", 1, 4),
        ("<a>&#0;</a>", "&#0; is not a reference to a character XML allows", 1, 4),
        ("<a>&#xD800;</a>", "&#xD800; is not a reference to a character XML allows", 1, 4),
        ("<a>&#x110000;</a>", "&#x110000; is not a reference to a character XML allows", 1, 4),
        ("<a>AT&T</a>", "& must start a reference such as &amp; or &#38;", 1, 6),
        ("<a>]]></a>", "]]> is not allowed in text", 1, 4),
        ("<a>\u{1B}[2J</a>", "the control character U+001B is not allowed in XML", 1, 4),
        ("<p:a/>", "the prefix p of <p:a> is not declared", 1, 1),
        ("<a p:b='1'/>", "the prefix p of the attribute p:b is not declared", 1, 4),
        ("<a:b:c/>", "the name a:b:c has two colons", 1, 2),
        ("<a><!-- x -- y --></a>", "-- is not allowed inside a comment", 1, 11),
        ("<a><!-- x </a>", "a comment is not closed with -->", 1, 4),
        ("<a><![CDATA[ x </a>", "a CDATA section is not closed with ]]>", 1, 13),
        ("<a><1/></a>", "< must start a tag (a name must follow it); write &lt; in text", 1, 4),
        ("<a x='1'", "the part ends inside a tag", 1, 1),
        ("<?xml version='1.0' encoding='UTF-8'><a/>", "the XML declaration is not closed with ?>", 1, 37),
    ]

    @Test(arguments: malformed.indices)
    func malformedDocuments(_ index: Int) throws {
        let (xml, reason, line, column) = Self.malformed[index]
        let error = try #require(Self.failure(xml))
        #expect(error.kind == .malformed)
        #expect(error.reason == reason)
        #expect(error.line == line && error.column == column, "\(error)")
    }

    @Test func refusals() throws {
        let doctype = try #require(Self.failure("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<a>&e;</a>"))
        #expect(error(doctype, is: .refused, contains: "document type", line: 2, column: 1))
        // The bypass of issue 18: another encoding declared, the DTD behind it.
        let utf7 = try #require(Self.failure("<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-!DOCTYPE a+AD4-<a/>"))
        #expect(error(utf7, is: .refused, contains: "the encoding 'UTF-7'", line: 1, column: 31))
        let latin = try #require(Self.failure("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"))
        #expect(error(latin, is: .refused, contains: "'ISO-8859-1'", line: 1, column: 31))
        let instruction = try #require(Self.failure("<a><?xm?></a>"))
        #expect(error(instruction, is: .refused, contains: "processing instruction", line: 1, column: 4))
        let late = try #require(Self.failure(" <?xml version='1.0'?><a/>"))
        #expect(late.kind == .refused)
        let utf16 = try #require(Self.failure("\u{FEFF}<a/>".utf16.map { String(UnicodeScalar(UInt8($0 & 0xFF))) }.joined()))
        #expect(utf16.kind == .malformed || utf16.kind == .refused)
        let version = try #require(Self.failure("<?xml version=\"2.0\"?><a/>"))
        #expect(version.kind == .refused)
    }

    func error(_ error: XMLError, is kind: XMLError.Kind, contains text: String, line: Int, column: Int) -> Bool {
        error.kind == kind && error.reason.contains(text) && error.line == line && error.column == column
    }

    @Test func bytesThatAreNotUTF8() {
        for bytes: [UInt8] in [[0x3C, 0x61, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x61, 0x3E],  // bad continuation
                               [0x3C, 0x61, 0x3E, 0xED, 0xA0, 0x80, 0x3C, 0x2F, 0x61, 0x3E],  // surrogate
                               [0x3C, 0x61, 0x3E, 0xC0, 0xAF, 0x3C, 0x2F, 0x61, 0x3E],  // overlong
                               [0x3C, 0x61, 0x3E, 0xEF, 0xBF, 0xBF, 0x3C, 0x2F, 0x61, 0x3E],  // U+FFFF
                               [0x3C, 0x61, 0x2F, 0x3E, 0xE2, 0x82],  // cut short
                               [0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00]] {  // UTF-16
            for step in [1, 1 << 20] {
                var scanner = XMLScanner(source: Trickle(bytes: bytes, step: step))
                var failure: XMLError?
                do { while try scanner.next() != .endOfDocument {} } catch { failure = error }
                #expect(failure != nil, "\(bytes)")
            }
        }
    }

    /// Text far longer than the buffer comes in pieces that join to the whole, and a part of
    /// mostly white space costs no more memory than the buffer.
    @Test func longTextInPieces() throws {
        let body = String(repeating: "abc&amp;é\r\n", count: 100_000)
        var scanner = XMLScanner(bytes: Array("<a>\(body)</a>".utf8))
        var joined: [UInt8] = []
        var pieces = 0
        while true {
            let event = try scanner.next()
            if event == .text {
                pieces += 1
                scanner.appendText(to: &joined)
            }
            if event == .endOfDocument { break }
        }
        #expect(pieces > 1)
        #expect(String(decoding: joined, as: UTF8.self) == body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "&amp;", with: "&"))
    }

    @Test func whitespaceCostsOnlyTime() throws {
        let padding = [UInt8](repeating: 0x20, count: 20_000_000)
        var scanner = XMLScanner(bytes: Array("<a>".utf8) + padding + Array("<b/></a>".utf8) + padding)
        var events: [XMLScanner.Event] = []
        var longest = 0
        while true {
            let event = try scanner.next()
            if event == .text { longest = max(longest, scanner.rawTextLength) } else { events.append(event) }
            if event == .endOfDocument { break }
        }
        #expect(events == [.startElement, .startElement, .endElement, .endElement, .endOfDocument])
        #expect(longest <= XMLScanner.textPieceSize + XMLScanner.chunkSize)
    }

    @Test func limits() throws {
        var limits = XMLScanner.Limits()
        limits.maximumDepth = 3
        var deep = XMLScanner(bytes: Array("<a><b><c><d/></c></b></a>".utf8), limits: limits)
        var failure: XMLError?
        do { while try deep.next() != .endOfDocument {} } catch { failure = error }
        #expect(failure?.kind == .limit)

        limits = XMLScanner.Limits()
        limits.maximumTagLength = 1_000
        var long = XMLScanner(bytes: Array(("<a b='" + String(repeating: "x", count: 300_000) + "'/>").utf8), limits: limits)
        failure = nil
        do { while try long.next() != .endOfDocument {} } catch { failure = error }
        #expect(failure?.kind == .limit)

        limits = XMLScanner.Limits()
        limits.maximumSize = 100
        var big = XMLScanner(bytes: Array(("<a>" + String(repeating: " ", count: 300_000) + "</a>").utf8), limits: limits)
        failure = nil
        do { while try big.next() != .endOfDocument {} } catch { failure = error }
        #expect(failure?.kind == .limit)

        // Thousands of distinct attributes are checked for duplicates in linear time; one duplicate among them is found.
        let many = (0..<3_000).map { "a\($0)='1'" }.joined(separator: " ")
        #expect(Self.failure("<e \(many)/>") == nil)
        #expect(Self.failure("<e \(many) a1234='2'/>")?.reason == "the attribute a1234 occurs twice in one tag")
    }

    /// What the readers of documents need: attributes by namespace, empty elements, a table cell's span.
    @Test func wordTableCell() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr>\
        <w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Delft &amp; Den Haag</w:t></w:r></w:p></w:tc>\
        </w:tr></w:tbl></w:body></w:document>
        """
        var scanner = XMLScanner(bytes: Array(xml.utf8))
        let w = scanner.namespace("http://schemas.openxmlformats.org/wordprocessingml/2006/main")
        var span: String?, merge: String?, text = "", inText = false
        var emptyEnds = 0
        loop: while true {
            switch try scanner.next() {
            case .startElement where scanner.isElement("gridSpan", in: w):
                span = scanner.attribute("val", in: w)
                #expect(scanner.attribute("val") == nil) // unprefixed: no namespace
                #expect(scanner.isEmptyElement)
            case .startElement where scanner.isElement("vMerge", in: w):
                merge = scanner.withAttribute("val", in: w) { String(decoding: $0, as: UTF8.self) }
            case .startElement:
                inText = scanner.isElement("t", in: w)
                #expect(!scanner.isElement("t", in: .none))
            case .endElement:
                if scanner.isElement("gridSpan", in: w) || scanner.isElement("vMerge", in: w) { emptyEnds += 1 }
                inText = false
            case .text where inText:
                text += scanner.text()
                #expect(scanner.line == 2)
            case .text: break
            case .endOfDocument: break loop
            }
        }
        #expect(span == "2" && merge == "restart" && text == "Delft & Den Haag" && emptyEnds == 2)
    }
}
