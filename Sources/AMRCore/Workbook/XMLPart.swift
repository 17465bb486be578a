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
        if contains(bytes, Array("<!DOCTYPE".utf8)) {
            throw LoadError.workbook(file: file, "part \(part) declares a document type, which workbooks never do; save the workbook again from Excel")
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
