import Foundation
import Testing
@testable import AMRCore

/// The scanner's shortcuts for a sheet's cells (`plainChild`, `plainContent`) give what the
/// events give, and fail as the events fail; and the line and column of an error stay right
/// however the part comes in chunks (they are counted as bytes are checked, not as they leave).
@Suite struct XMLScannerShortcutTests {
    typealias Trickle = XMLScannerTests.Trickle

    /// One frame per open element: its name, its parent's, its text, whether it had a child.
    struct Frame {
        var name: String
        var parent: String
        var text = ""
        var hadChild = false
    }

    /// The elements of `xml` in the order they close: `parent/name=text` for an element with
    /// text only, `parent/name{text}` for one with children. With `shortcuts`, every element
    /// tries `plainChild` (taking any child) and then `plainContent` before its events.
    static func leaves(_ xml: String, step: Int? = nil, shortcuts: Bool, limits: XMLScanner.Limits = .standard) throws(XMLError) -> [String] {
        let bytes = Array(xml.utf8)
        var scanner = step.map { XMLScanner(source: Trickle(bytes: bytes, step: $0), limits: limits) } ?? XMLScanner(bytes: bytes, limits: limits)
        var out: [String] = []
        var stack: [Frame] = []
        func close(_ frame: Frame) {
            out.append(frame.hadChild ? "\(frame.parent)/\(frame.name){\(frame.text)}" : "\(frame.parent)/\(frame.name)=\(frame.text)")
        }
        while true {
            switch try scanner.next() {
            case .startElement:
                if !stack.isEmpty { stack[stack.count - 1].hadChild = true }
                // The name with its namespace and attributes, so that a child taken whole that
                // should not have been (one with attributes, or prefixed) shows.
                var name = scanner.uri(of: scanner.elementNamespace) + "|" + scanner.localName
                for index in 0..<scanner.attributeCount { name += " \(scanner.attributeName(at: index))=\(scanner.attributeValue(at: index))" }
                stack.append(Frame(name: name, parent: stack.last?.name ?? ""))
                guard shortcuts else { continue }
                var childNamespace = XMLScanner.Namespace.none
                while let child = scanner.plainChild({ namespace, _ in
                    childNamespace = namespace
                    return true
                }) {
                    stack[stack.count - 1].hadChild = true
                    let childName = scanner.uri(of: childNamespace) + "|" + String(decoding: child.name, as: UTF8.self)
                    out.append("\(name)/\(childName)=\(String(decoding: child.text, as: UTF8.self))")
                }
                if let text = scanner.plainContent() {
                    #expect(scanner.event == .endElement)
                    var frame = stack.removeLast()
                    frame.text += String(decoding: text, as: UTF8.self)
                    close(frame)
                }
            case .text:
                stack[stack.count - 1].text += scanner.text()
            case .endElement:
                close(stack.removeLast())
            case .endOfDocument:
                return out
            }
        }
    }

    static func outcome(_ xml: String, step: Int? = nil, shortcuts: Bool, limits: XMLScanner.Limits = .standard) -> Result<[String], XMLError> {
        do { return .success(try leaves(xml, step: step, shortcuts: shortcuts, limits: limits)) } catch { return .failure(error) }
    }

    static let documents = [
        // What a sheet writes: values, formulas, inline strings, shared-string indices.
        "<s><row r='1'><c r='A1'><v>45002</v></c><c r='B1' t='s'><v>4</v></c><c r='C1'><f>SUM(A1:B1)</f><v>9</v></c></row></s>",
        "<s><c t='inlineStr'><is><t>GM1973</t></is></c><c><is><t>a</t><rPh><t>b</t></rPh></is></c></s>",
        // Text the shortcuts leave to the events: references, CR, `>`, CDATA, comments, children.
        "<s><c><v>a&amp;b</v><v>x\r\ny</v><v>1 > 0</v><v><![CDATA[raw]]></v><v><!--n-->1</v><v>1<b/>2</v></c></s>",
        "<s><c><t>Bouw &amp; Techniek</t><t>&lt;&#65;&#x1F600;&quot;&apos;&gt;</t><t>a\rb\r\nc</t><t>&amp;</t><t>&#233;&#x4E2D;&#xA9;&#x7FF;&#x800;&#xFFFD;&#x10000;&#x10FFFF;</t></c></s>",
        // Children the shortcuts leave: prefixed, with attributes, empty, after white space.
        "<s xmlns:x='urn:x'><c><x:v>1</x:v><v a='1'>2</v><v/><v></v> <v>3</v></c></s>",
        "<s xmlns='urn:d'><c><v>1</v><v xmlns='urn:e'>2</v></c></s>",
        // Names that are not ASCII, a child closed with spaces, text that is only spaces.
        "<s><c><wérd>é ü 中</wérd><v>4</v ><v>5</v><v>  </v></c></s>",
        // Deep and repeated.
        "<a><b><c><d><e>1</e><e>2</e></d></c></b></a>",
    ]

    static let malformed = [
        "<s><c><v>1</w></c></s>",       // end tag of another name
        "<s><c><v>1</v></s>",           // the cell not closed
        "<s><c><v>1</vv></c></s>",      // a longer end tag
        "<s><c><v>1</v></c>",           // the root not closed
        "<s><c><v>1&bogus;</v></c></s>", // an undefined entity
        "<s><c><v>]]></v></c></s>",      // ]]> in text
        "<s><c><:v>1</:v></c></s>",      // a name starting with a colon
        "<s><c><v>a &amp b</v></c></s>",  // a reference without its semicolon
        "<s><c><v>&#0;</v></c></s>",      // a reference to no character
    ]

    @Test(arguments: documents.indices)
    func shortcutsGiveWhatEventsGive(_ index: Int) throws {
        let xml = Self.documents[index]
        let events = try Self.leaves(xml, shortcuts: false)
        #expect(!events.isEmpty)
        for step in [nil, 1, 2, 3, 7] as [Int?] {
            #expect(try Self.leaves(xml, step: step, shortcuts: true) == events, "step \(step.map(String.init) ?? "whole")")
        }
    }

    /// The shortcuts do take the plain cells (else the test above would prove nothing).
    @Test func plainCellsAreTakenWhole() throws {
        var scanner = XMLScanner(bytes: Array("<s><c r='A1'><f>1+1</f><v>2</v></c><t>x</t></s>".utf8))
        #expect(try scanner.next() == .startElement)
        #expect(scanner.plainChild { _, _ in true } == nil)  // <c> has attributes
        #expect(try scanner.next() == .startElement)
        #expect(scanner.localName == "c")
        var taken: [String] = []
        while let child = scanner.plainChild({ _, name in name.count == 1 }) {
            taken.append(String(decoding: child.name, as: UTF8.self) + "=" + String(decoding: child.text, as: UTF8.self))
            #expect(scanner.localName == "c" && scanner.event == .startElement && scanner.attribute("r") == "A1")
        }
        #expect(taken == ["f=1+1", "v=2"])
        #expect(try scanner.next() == .endElement)
        #expect(scanner.localName == "c")
        #expect(try scanner.next() == .startElement)
        // `accept` refusing leaves the child to the events.
        #expect(scanner.plainContent().map { String(decoding: $0, as: UTF8.self) } == "x")
        #expect(scanner.event == .endElement && scanner.localName == "t")
        #expect(try scanner.next() == .endElement)
        #expect(scanner.localName == "s")
        #expect(try scanner.next() == .endOfDocument)
    }

    /// Text with references and line ends is taken whole too, decoded as the events decode it.
    @Test func referencesInAPlainCellAreDecoded() throws {
        var scanner = XMLScanner(bytes: Array("<s><c><v>Zorg &amp; Welzijn&#x21;\r\n</v></c><t>a&lt;b</t></s>".utf8))
        #expect(try scanner.next() == .startElement)
        #expect(try scanner.next() == .startElement)
        let child = scanner.plainChild { _, _ in true }
        #expect(child.map { String(decoding: $0.text, as: UTF8.self) } == "Zorg & Welzijn!\n")
        #expect(try scanner.next() == .endElement)
        #expect(scanner.localName == "c")
        #expect(try scanner.next() == .startElement)
        #expect(scanner.plainContent().map { String(decoding: $0, as: UTF8.self) } == "a<b")
    }

    @Test(arguments: malformed.indices)
    func shortcutsFailAsEventsFail(_ index: Int) {
        let xml = Self.malformed[index]
        guard case .failure(let expected) = Self.outcome(xml, shortcuts: false) else {
            Issue.record("\(xml) was read without an error")
            return
        }
        for step in [nil, 1, 3] as [Int?] {
            guard case .failure(let error) = Self.outcome(xml, step: step, shortcuts: true) else {
                Issue.record("\(xml) was read with shortcuts without an error")
                continue
            }
            #expect(error == expected, "\(xml)")
        }
    }

    /// A child one level past the depth limit is refused, not taken by the shortcut.
    @Test func theDepthLimitHoldsForAPlainChild() {
        var limits = XMLScanner.Limits()
        limits.maximumDepth = 2
        let xml = "<a><b><v>1</v></b></a>"
        guard case .failure(let expected) = Self.outcome(xml, shortcuts: false, limits: limits),
              case .failure(let error) = Self.outcome(xml, shortcuts: true, limits: limits) else {
            Issue.record("the depth limit was not applied")
            return
        }
        #expect(error == expected)
        #expect(error.kind == .limit)
        #expect(Self.outcome("<a><v>1</v></a>", shortcuts: true, limits: limits) == .success(["|a/|v=1", "/|a{}"]))
    }

    /// An error far into a long part, past many refills of the buffer, with lines, CRLFs and
    /// characters of two to four bytes before it: its line and column as counted here.
    @Test func lineAndColumnAfterManyRefills() throws {
        var xml = "<?xml version=\"1.0\"?>\n<s>"
        var row = 0
        while xml.utf8.count < 400_000 {
            row += 1
            switch row % 4 {
            case 0: xml += "<c r=\"A\(row)\"><v>\(row)</v></c>"
            case 1: xml += "\r\n<t>é ü 中 😀 \(row)</t>"
            case 2: xml += "<t>" + String(repeating: "ab", count: row % 50) + "</t>\n"
            default: xml += "<c><is><t>naïve</t></is></c>"
            }
        }
        let good = xml + "</s>"
        let bad = xml + "<c>Köln</d></s>"
        // Where the bad end tag starts: lines after CRLF normalisation count LFs; the column
        // counts Unicode scalars after the last LF, from 1.
        let before = xml + "<c>Köln"
        let scalars = Array(before.unicodeScalars)
        let lines = scalars.filter { $0 == "\n" }.count + 1
        let column = scalars.count - (scalars.lastIndex(of: "\n") ?? -1)
        for step in [nil, 997, 4_096, 65_537] as [Int?] {
            #expect(throws: Never.self) { _ = try Self.leaves(good, step: step, shortcuts: true) }
            guard case .failure(let error) = Self.outcome(bad, step: step, shortcuts: true) else {
                Issue.record("no error")
                continue
            }
            #expect(error.reason.contains("</d>"))
            #expect(error.line == lines && error.column == column, "step \(step.map(String.init) ?? "whole"): \(error)")
        }
    }
}
