import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives the events of one XML part of a workbook. Element names are local names (namespaces
/// processed); attribute keys are as written (`r:id`).
protocol XMLPartHandler {
    mutating func start(_ name: String, namespace: String?, attributes: [String: String]) throws(LoadError)
    mutating func end(_ name: String, namespace: String?) throws(LoadError)
    mutating func characters(_ text: String) throws(LoadError)
}

/// Parses one XML part of a workbook with Foundation's `XMLParser` and turns every way it can
/// fail into a `LoadError` naming the file and the part.
///
/// A part with a document type declaration is refused before parsing: OOXML parts never have
/// one, and refusing it rules out entity-expansion bombs and external entities.
///
/// Two facts about `XMLParser` on Linux (libxml2 underneath) shape this: given all the bytes at
/// once as `Data` it fails on parts over 10,000,000 bytes ("huge input lookup"), so the bytes go
/// in through a stream, in chunks; and it reports no error for a document that ends with
/// elements still open, so the delegate counts open elements itself.
enum XMLPart {
    /// The SpreadsheetML namespaces: transitional (what Excel writes) and strict.
    static let spreadsheetNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ]

    /// Feeds `bytes`, the part named `part` of the workbook `file`, to `handler`.
    static func parse<Handler: XMLPartHandler>(_ bytes: [UInt8], part: String, file: String, into handler: inout Handler) throws(LoadError) {
        if let offset = firstInvalidUTF8(bytes) {
            throw ZipArchive.damaged(file, "part \(part) is not UTF-8 text (byte \(offset + 1) is not); workbooks are written in UTF-8")
        }
        if contains(bytes, Array("<!DOCTYPE".utf8)) {
            throw LoadError.workbook(file: file, "part \(part) declares a document type, which workbooks never do; save the workbook again from Excel")
        }
        if hasProcessingInstruction(bytes) {
            throw LoadError.workbook(file: file, "part \(part) holds a processing instruction (<?…?>), which workbooks never do; save the workbook again from Excel")
        }
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(handler: handler)
        parser.delegate = delegate
        let finished = parser.parse()
        if let failure = delegate.failure { throw failure }
        if !finished || parser.parserError != nil {
            throw ZipArchive.damaged(file, "part \(part) is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber))")
        }
        if !delegate.sawRoot || delegate.depth != 0 {
            throw ZipArchive.damaged(file, "part \(part) is not well-formed XML (it ends before its elements are closed)")
        }
        handler = delegate.handler
    }

    /// Whether `<?` occurs anywhere but in the XML declaration at the start. Foundation's
    /// XMLParser on Linux crashes on a processing instruction without data (`<?xm?>`, found by
    /// fuzzing), and workbook parts have none, so any is refused before parsing.
    static func hasProcessingInstruction(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let declaration = Array("<?xml".utf8)
        if bytes[start...].starts(with: declaration), bytes.count > start + 5, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + 5]) {
            // Skip the declaration: up to its `?>`.
            var index = start + 5
            while index + 1 < bytes.count, !(bytes[index] == 0x3F && bytes[index + 1] == 0x3E) { index += 1 }
            start = index + 2
        }
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 0x3C && bytes[index + 1] == 0x3F { return true }
            index += 1
        }
        return false
    }

    /// The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no
    /// overlong forms, no surrogates, nothing above U+10FFFF) or is NUL, or nil. Checked before
    /// parsing because Foundation's XMLParser on Linux traps (crashes the process) on an
    /// attribute value that is not UTF-8, where libxml2 would have reported it.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { return index }
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// The `XMLParserDelegate` (an `NSObject`, as the protocol requires) holding the handler
    /// and the first error it threw; parsing stops at that error.
    final class Delegate<Handler: XMLPartHandler>: NSObject, XMLParserDelegate {
        var handler: Handler
        var failure: LoadError?
        /// Elements open now, and whether a root element was seen at all.
        var depth = 0
        var sawRoot = false

        init(handler: Handler) { self.handler = handler }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            depth += 1
            sawRoot = true
            guard failure == nil else { return }
            do { try handler.start(elementName, namespace: namespaceURI, attributes: attributeDict) } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            depth -= 1
            guard failure == nil else { return }
            do { try handler.end(elementName, namespace: namespaceURI) } catch {
                failure = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard failure == nil else { return }
            do { try handler.characters(string) } catch {
                failure = error
                parser.abortParsing()
            }
        }
    }
}
