/// A streaming, pull-style scanner for the XML that Office files hold (SpreadsheetML,
/// WordprocessingML, OpenDocument): elements, attributes, text, comments and CDATA, the five
/// predefined entities and character references, namespaces. One scanner for every Office part
/// amr reads.
///
/// Safe by construction: a document type declaration or a processing instruction is refused
/// (so no entity can be defined, expanded or fetched), the XML declaration must say UTF-8 (or
/// nothing), every byte is checked to be UTF-8 and an XML character, and the document must be
/// well-formed (matching tags, unique attributes, declared prefixes, one root). Errors say the
/// line, column and byte offset.
///
/// Fast by construction: bytes come from an `XMLByteSource` in chunks into one buffer that is
/// reused; an event's names, attribute values and text are byte ranges in that buffer, valid
/// until the next call to `next()`, so the hot path allocates nothing. Text longer than the
/// buffer arrives as several consecutive `.text` events (never split inside a character or a
/// reference); memory stays bounded by `Limits.maximumTagLength` plus the chunk size whatever
/// the part's size — a part of 250 MB of white space costs no more memory than an empty one.
///
/// The scanner holds its buffer by reference: do not copy a scanner and use both copies.
///
///     var scanner = XMLScanner(bytes: bytes)
///     let w = scanner.namespace("http://schemas.openxmlformats.org/wordprocessingml/2006/main")
///     while true {
///         switch try scanner.next() {
///         case .startElement where scanner.isElement("gridSpan", in: w):
///             let span = scanner.attribute("val", in: w)       // "2"
///         case .text: paragraph += scanner.text()
///         case .endOfDocument: return
///         default: break
///         }
///     }
struct XMLScanner {
    /// What `next()` found.
    enum Event: Equatable, Sendable {
        /// A start tag; for `<a/>` an `.endElement` follows at once (`isEmptyElement`).
        case startElement
        /// An end tag (or the end of an empty element). The name is the element's.
        case endElement
        /// Character data: text, or a CDATA section's content. Consecutive `.text` events are
        /// one text node cut into pieces.
        case text
        /// The root element has closed and only white space and comments followed.
        case endOfDocument
    }

    /// The bounds that keep a hostile part from costing more than its size.
    struct Limits: Sendable {
        /// Most elements open at once.
        var maximumDepth = 1_024
        /// Longest start tag (with its attributes), end tag, or XML declaration, in bytes.
        var maximumTagLength = 1 << 20
        /// Most attributes on one element (namespace declarations included).
        var maximumAttributes = 4_096
        /// Most bytes the part may have.
        var maximumSize = Int.max

        static let standard = Limits()
    }

    /// A namespace, by a number the scanner assigns: compare these instead of URIs.
    struct Namespace: Hashable, Sendable {
        let rawValue: Int
        /// No namespace: an unprefixed name with no default namespace, or any unprefixed attribute.
        static let none = Namespace(rawValue: 0)
        /// `http://www.w3.org/XML/1998/namespace`, bound to the prefix `xml` (`xml:space`).
        static let xml = Namespace(rawValue: 1)
        /// The namespace of namespace declarations (`xmlns`, `xmlns:w`) themselves.
        static let xmlns = Namespace(rawValue: 2)
    }

    // MARK: - State

    private let buffer: XMLScannerBuffer
    /// The buffer's memory, kept here (and renewed when it grows) so that reading it costs no
    /// access to a class property.
    private var base: UnsafeMutablePointer<UInt8>
    private var source: any XMLByteSource
    private let limits: Limits
    /// Bytes that came from the source and are in the buffer: [0, filled).
    private var filled = 0
    /// Bytes checked as UTF-8 XML characters, the end of what the tokenizer may look at.
    private var end = 0
    /// The next byte the tokenizer reads.
    private var position = 0
    private var sourceDone = false
    /// Bytes of the part before `buffer[0]`, newlines among them, and Unicode scalars after the
    /// last of those newlines: for the line and column of a message.
    private var discarded = 0
    private var linesDiscarded = 0
    private var columnBase = 0
    /// Newlines and Unicode scalars among the checked bytes in the buffer, [0, end): counted by
    /// `validate` as it checks them, so that bytes leaving the buffer are not read again.
    private var bufferLines = 0
    private var bufferScalars = 0
    private var started = false

    // The current event.
    private(set) var event: Event = .endOfDocument
    private var tokenStart = 0
    private var nameStart = 0
    private var nameLength = 0
    /// Bytes before the colon of a prefixed name (0: no prefix).
    private var prefixLength = 0
    private(set) var elementNamespace: Namespace = .none
    /// Whether the element of the current `.startElement` was written `<a/>`.
    private(set) var isEmptyElement = false
    private var textStart = 0
    private var textEnd = 0
    private var textNeedsDecoding = false
    private var textIsCDATA = false
    /// Whether the current `.text` piece holds only spaces, tabs and line breaks.
    private(set) var isWhitespace = true
    private var pendingEnd = false
    private var popPending = false

    /// The current start tag's attributes, [0, attributeCount), in memory the scanner owns
    /// (`attributeStorage`) and reads through this pointer: no copy-on-write check or bounds
    /// check per attribute of a million cells.
    private let attributeStorage = XMLScannerArray<Attribute>(capacity: 16)
    private var attributes: UnsafeMutablePointer<Attribute>
    private var attributeCapacity = 16
    /// How many attributes the current start tag has (namespace declarations included).
    private(set) var attributeCount = 0
    /// Whether an attribute of the current start tag may be a namespace declaration (its name
    /// starts with `x`), and whether one has a prefix: most tags have neither, and skip the
    /// work those need.
    private var tagMayDeclare = false
    private var tagHasPrefixedAttribute = false
    /// Whether two of the current start tag's attributes might share a name (more than two, or
    /// two whose names have the same length and last byte): only then are they compared.
    private var tagMayRepeat = false
    private var attributeTable: [Int32] = []
    private var scratch: [UInt8] = []
    /// Decoded text handed out by `plainContent` and `plainChild`.
    private let decodedText = XMLScannerBuffer(capacity: 256)

    /// The open elements, [0, openCount), innermost last.
    private let elementStorage = XMLScannerArray<OpenElement>(capacity: 64)
    private var elements: UnsafeMutablePointer<OpenElement>
    private var openCount = 0
    /// The names of the open elements, one after another in [0, namesUsed): popping an
    /// element only moves `namesUsed` back.
    private let nameStorage = XMLScannerArray<UInt8>(capacity: 1_024)
    private var elementNames: UnsafeMutablePointer<UInt8>
    private var namesUsed = 0
    private var bindings: [Binding] = []
    private var bindingPrefixes: [UInt8] = []
    private var defaultNamespace: Namespace = .none
    private var namespaceIDs: [String: Int] = ["http://www.w3.org/XML/1998/namespace": 1, "http://www.w3.org/2000/xmlns/": 2]
    private var namespaceURIs: [String] = ["", "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/"]
    private var sawRoot = false
    private var rootClosed = false
    /// Inside a CDATA section handed out in pieces.
    private var inCDATA = false

    struct Attribute {
        var nameStart: Int
        var nameLength: Int
        var prefixLength: Int
        var valueStart: Int
        var valueEnd: Int
        var needsDecoding: Bool
        var namespace: Namespace
    }

    struct OpenElement {
        var nameOffset: Int
        var nameLength: Int
        var namespace: Namespace
        var bindingCount: Int
        var defaultNamespace: Namespace
    }

    struct Binding {
        var prefixOffset: Int
        var prefixLength: Int
        var namespace: Namespace
    }

    /// The bytes a buffer takes from its source at a time.
    static let chunkSize = 1 << 16
    /// Text is handed out in pieces once this much of it is in the buffer and no `<` is in sight.
    static let textPieceSize = 1 << 16

    init(source: any XMLByteSource, limits: Limits = .standard) {
        self.source = source
        self.limits = limits
        buffer = XMLScannerBuffer(capacity: Self.chunkSize * 2)
        base = buffer.pointer
        attributes = attributeStorage.pointer
        elements = elementStorage.pointer
        elementNames = nameStorage.pointer
    }

    init(bytes: [UInt8], limits: Limits = .standard) {
        self.init(source: XMLBytes(bytes), limits: limits)
    }

    // MARK: - Names and namespaces

    /// The number for the namespace `uri`, the same for every mention of it in the part.
    mutating func namespace(_ uri: String) -> Namespace {
        if let id = namespaceIDs[uri] { return Namespace(rawValue: id) }
        let id = namespaceURIs.count
        namespaceIDs[uri] = id
        namespaceURIs.append(uri)
        return Namespace(rawValue: id)
    }

    /// The URI of a namespace number ("" for `.none`).
    func uri(of namespace: Namespace) -> String {
        namespaceURIs.indices.contains(namespace.rawValue) ? namespaceURIs[namespace.rawValue] : ""
    }

    /// Whether the current element (start or end) has the local name `local` in `namespace`.
    @inline(__always)
    func isElement(_ local: StaticString, in namespace: Namespace) -> Bool {
        guard elementNamespace == namespace else { return false }
        return equals(local, nameStart + (prefixLength > 0 ? prefixLength + 1 : 0), nameLength - (prefixLength > 0 ? prefixLength + 1 : 0))
    }

    /// Whether the current element's local name is `local`, whatever its namespace (compare
    /// `elementNamespace` once, then names with this).
    @inline(__always)
    func hasLocalName(_ local: StaticString) -> Bool {
        let skip = prefixLength > 0 ? prefixLength + 1 : 0
        return equals(local, nameStart + skip, nameLength - skip)
    }

    /// The current element's local name as bytes (`tc` of `w:tc`), a view of the buffer valid
    /// until the next `next()`: for a reader that tells its elements apart with one `switch`
    /// on the length and first byte instead of a chain of comparisons.
    @inline(__always)
    var localNameBytes: UnsafeBufferPointer<UInt8> {
        let skip = prefixLength > 0 ? prefixLength + 1 : 0
        return UnsafeBufferPointer(start: base + nameStart + skip, count: nameLength - skip)
    }

    /// The current element's local name (`tc` of `w:tc`).
    var localName: String {
        let skip = prefixLength > 0 ? prefixLength + 1 : 0
        return string(nameStart + skip, nameStart + nameLength)
    }

    /// The current element's name as written (`w:tc`).
    var qualifiedName: String { string(nameStart, nameStart + nameLength) }

    /// Elements open, counting the current one on `.startElement` and `.endElement`.
    var depth: Int { openCount }

    // MARK: - Attributes

    /// The value of the attribute `local` in `namespace` (unprefixed attributes are in `.none`;
    /// `w:val` in the WordprocessingML namespace), decoded; nil when the element has none.
    func attribute(_ local: StaticString, in namespace: Namespace = .none) -> String? {
        guard let index = attributeIndex(local, in: namespace) else { return nil }
        return attributeValue(at: index)
    }

    /// Calls `body` with the decoded bytes of the attribute `local` in `namespace`, without
    /// making a String; nil when the element has no such attribute.
    @inline(__always)
    mutating func withAttribute<R>(_ local: StaticString, in namespace: Namespace = .none, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let index = attributeIndex(local, in: namespace) else { return nil }
        let attribute = attributes[index]
        if !attribute.needsDecoding {
            return body(UnsafeBufferPointer(start: base + attribute.valueStart, count: attribute.valueEnd - attribute.valueStart))
        }
        scratch.removeAll(keepingCapacity: true)
        decode(attribute.valueStart, attribute.valueEnd, inAttribute: true, raw: false, into: &scratch)
        return scratch.withUnsafeBufferPointer(body)
    }

    @inline(__always)
    func attributeIndex(_ local: StaticString, in namespace: Namespace) -> Int? {
        guard event == .startElement else { return nil }
        var index = 0
        while index < attributeCount {
            let attribute = attributes[index]
            if attribute.namespace == namespace {
                let skip = attribute.prefixLength > 0 ? attribute.prefixLength + 1 : 0
                if equals(local, attribute.nameStart + skip, attribute.nameLength - skip) { return index }
            }
            index += 1
        }
        return nil
    }

    /// Attribute `index` as written: its name (`w:val`) and value bytes, whether the value
    /// holds references or line ends to decode (then take `attributeValue(at:)` or
    /// `withAttribute`), and its namespace. Views of the buffer, valid until the next `next()`:
    /// for a caller that looks at every attribute of a frequent element in one pass.
    @inline(__always)
    func rawAttribute(at index: Int) -> (name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, needsDecoding: Bool, namespace: Namespace) {
        let attribute = attributes[index]
        return (UnsafeBufferPointer(start: base + attribute.nameStart, count: attribute.nameLength),
                UnsafeBufferPointer(start: base + attribute.valueStart, count: attribute.valueEnd - attribute.valueStart),
                attribute.needsDecoding, attribute.namespace)
    }

    /// The name of attribute `index` as written (`w:val`).
    func attributeName(at index: Int) -> String {
        let attribute = attributes[index]
        return string(attribute.nameStart, attribute.nameStart + attribute.nameLength)
    }

    /// The local name of attribute `index` (`val` of `w:val`).
    func attributeLocalName(at index: Int) -> String {
        let attribute = attributes[index]
        let skip = attribute.prefixLength > 0 ? attribute.prefixLength + 1 : 0
        return string(attribute.nameStart + skip, attribute.nameStart + attribute.nameLength)
    }

    /// The namespace of attribute `index`.
    func attributeNamespace(at index: Int) -> Namespace { attributes[index].namespace }

    /// The decoded value of attribute `index`.
    func attributeValue(at index: Int) -> String {
        let attribute = attributes[index]
        if !attribute.needsDecoding { return string(attribute.valueStart, attribute.valueEnd) }
        var bytes: [UInt8] = []
        decode(attribute.valueStart, attribute.valueEnd, inAttribute: true, raw: false, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Text

    /// The current `.text` piece, decoded (references replaced, line ends normalised to LF).
    func text() -> String {
        guard event == .text else { return "" }
        if !textNeedsDecoding { return string(textStart, textEnd) }
        var bytes: [UInt8] = []
        decode(textStart, textEnd, inAttribute: false, raw: textIsCDATA, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the current `.text` piece, decoded, to `bytes`.
    func appendText(to bytes: inout [UInt8]) {
        guard event == .text else { return }
        if !textNeedsDecoding {
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + textStart, count: textEnd - textStart))
        } else {
            decode(textStart, textEnd, inAttribute: false, raw: textIsCDATA, into: &bytes)
        }
    }

    /// Calls `body` with the decoded bytes of the current `.text` piece, without making a String.
    @inline(__always)
    mutating func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard event == .text else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        if !textNeedsDecoding { return body(UnsafeBufferPointer(start: base + textStart, count: textEnd - textStart)) }
        scratch.removeAll(keepingCapacity: true)
        decode(textStart, textEnd, inAttribute: false, raw: textIsCDATA, into: &scratch)
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The length in bytes of the current `.text` piece as written (before decoding): a bound
    /// on its decoded length, for a limit checked before the text is kept.
    var rawTextLength: Int { event == .text ? textEnd - textStart : 0 }

    /// On the `.startElement` of an element written with content (`<v>45002</v>`): when that
    /// content is text only (no markup, no `>`) followed at once by the element's end tag, and
    /// both are already in the buffer, consumes them and returns the text, decoded (references
    /// replaced, line ends normalised), valid until the next `next()`; the current event is then the
    /// element's `.endElement` (the next `next()` goes on after it). Otherwise returns nil and
    /// changes nothing: the caller reads the content event by event as always. The same checks
    /// hold either way; this only skips two events for the commonest content of a sheet's cell.
    mutating func plainContent() -> UnsafeBufferPointer<UInt8>? {
        guard event == .startElement, !isEmptyElement,
              let (textStop, after, decode) = plainText(from: position, name: nameStart, nameLength) else { return nil }
        let text = decode ? decoded(position, textStop) : UnsafeBufferPointer(start: base + position, count: textStop - position)
        position = after
        tokenStart = textStop
        event = .endElement
        popPending = true
        return text
    }

    /// On the `.startElement` of an element written with content: when that content starts
    /// with a child element written with no attributes and no prefix, holding only text (no
    /// markup, no `>`), closed at once (`<c r="A2"><v>45002</v>` → `v`, `45002`), already in the
    /// buffer, and `accept` takes the child's namespace and local name: consumes the child whole
    /// and returns its name and its text, decoded, valid until the next `next()`. The current event
    /// stays the parent's start (its name and attributes too); the next `next()` goes on after
    /// the child. Otherwise returns nil and changes nothing. The child is checked as `next()`
    /// would check it (name, depth, text, end tag); this only spares a reader the child's three
    /// events, in a sheet of a million rows the commonest content of a cell.
    @inline(__always)
    mutating func plainChild(_ accept: (Namespace, UnsafeBufferPointer<UInt8>) -> Bool) -> (name: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>)? {
        guard event == .startElement, !isEmptyElement, !pendingEnd, openCount < limits.maximumDepth else { return nil }
        let p = base
        let limit = end
        var i = position
        guard i + 1 < limit, p[i] == 0x3C, isNameStartByte(p[i + 1]) else { return nil }
        i &+= 1
        let childName = i
        while i < limit {
            let byte = p[i]
            // A colon (a prefix) takes the general path, as does anything but a name byte.
            guard isNameByte(byte) && byte != 0x3A else { break }
            i &+= 1
        }
        guard i < limit, p[i] == 0x3E else { return nil }
        let childLength = i - childName
        let name = UnsafeBufferPointer(start: p + childName, count: childLength)
        // No attributes, so no declarations: an unprefixed name is in the default namespace.
        guard accept(defaultNamespace, name), let (textStop, after, decode) = plainText(from: i + 1, name: childName, childLength) else { return nil }
        position = after
        return (name, decode ? decoded(i + 1, textStop) : UnsafeBufferPointer(start: p + i + 1, count: textStop - i - 1))
    }

    /// Text from `start` (no markup, no `>`) followed at once by the end tag of the element
    /// named by the `length` bytes at `name`, all in the buffer: where the text stops, where the
    /// end tag ends, and whether the text has references or carriage returns to decode; else nil
    /// (a reference that is not one is left to the general path, which says so).
    @inline(__always)
    private func plainText(from start: Int, name: Int, _ length: Int) -> (textStop: Int, after: Int, decode: Bool)? {
        let p = base
        let limit = end
        var i = start
        var decode = false
        // Text: any checked byte but `<`; `&` starts a reference and CR is normalised (both
        // decoded); `>` might end `]]>` and takes the general path.
        let stops: UInt64 = 1 << 0x0D | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
        while i < limit {
            let byte = p[i]
            if byte < 0x40 && stops >> UInt64(byte) & 1 != 0 {
                if byte == 0x26 {
                    guard let after = try? checkReference(at: i) else { return nil }
                    decode = true
                    i = after
                    continue
                }
                guard byte == 0x0D else { break }
                decode = true
            }
            i &+= 1
        }
        guard i + 2 < limit, p[i] == 0x3C, p[i + 1] == 0x2F else { return nil }
        let textStop = i
        // `</` and the element's name exactly as its start tag wrote it, then `>` (spaces before
        // it are rare enough for the general path).
        i &+= 2
        guard i + length < limit else { return nil }
        var k = 0
        while k < length {
            if p[i + k] != p[name + k] { return nil }
            k &+= 1
        }
        guard p[i + length] == 0x3E else { return nil }
        return (textStop, i + length + 1, decode)
    }

    /// The checked text [start, stop) with its references replaced and line ends normalised,
    /// in memory the scanner owns (with room past its end, as the buffer has), valid until the
    /// next call.
    private mutating func decoded(_ start: Int, _ stop: Int) -> UnsafeBufferPointer<UInt8> {
        // Decoding never lengthens text (`&amp;` is one byte, `&#x1F600;` four).
        if decodedText.capacity < stop - start { decodedText.grow(to: max(stop - start, decodedText.capacity * 2)) }
        let target = decodedText.pointer
        let p = base
        var i = start
        var n = 0
        while i < stop {
            let byte = p[i]
            if byte == 0x26 {
                var semicolon = i + 1
                while semicolon < stop && p[semicolon] != 0x3B { semicolon += 1 }
                // Checked when scanned: a reference to an XML character, so a scalar.
                if let value = referenceValue(i + 1, semicolon) {
                    if value < 0x80 {
                        target[n] = UInt8(value)
                        n += 1
                    } else if value < 0x800 {
                        target[n] = UInt8(0xC0 | value >> 6)
                        target[n + 1] = UInt8(0x80 | value & 0x3F)
                        n += 2
                    } else if value < 0x10000 {
                        target[n] = UInt8(0xE0 | value >> 12)
                        target[n + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                        target[n + 2] = UInt8(0x80 | value & 0x3F)
                        n += 3
                    } else {
                        target[n] = UInt8(0xF0 | value >> 18)
                        target[n + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                        target[n + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                        target[n + 3] = UInt8(0x80 | value & 0x3F)
                        n += 4
                    }
                }
                i = semicolon + 1
            } else if byte == 0x0D {
                // CRLF and a lone CR are one LF.
                target[n] = 0x0A
                n += 1
                i += i + 1 < stop && p[i + 1] == 0x0A ? 2 : 1
            } else {
                target[n] = byte
                n += 1
                i += 1
            }
        }
        return UnsafeBufferPointer(start: target, count: n)
    }

    // MARK: - Where

    /// The line (1-based) of the current event's start.
    var line: Int { location(of: tokenStart).line }
    /// The column (1-based, in Unicode scalars) of the current event's start.
    var column: Int { location(of: tokenStart).column }
    /// The byte offset in the part of the current event's start.
    var offset: Int { discarded + tokenStart }

    /// An error at the current event's start, for a caller that finds its content wrong.
    func error(_ kind: XMLError.Kind, _ reason: String) -> XMLError { error(kind, reason, at: tokenStart) }

    func error(_ kind: XMLError.Kind, _ reason: String, at index: Int) -> XMLError {
        let (line, column) = location(of: index)
        return XMLError(kind, reason, line: line, column: column, offset: discarded + index)
    }

    /// Line and column of the buffer index `index`.
    func location(of index: Int) -> (line: Int, column: Int) {
        let p = base
        let upTo = min(max(index, 0), filled)
        var lines = 0
        var lastNewline = -1
        for i in 0..<upTo where p[i] == 0x0A {
            lines += 1
            lastNewline = i
        }
        var scalars = 0
        for i in (lastNewline + 1)..<max(upTo, lastNewline + 1) where p[i] & 0xC0 != 0x80 { scalars += 1 }
        return (linesDiscarded + lines + 1, (lastNewline < 0 ? columnBase : 0) + scalars + 1)
    }

    // MARK: - Scanning

    /// The next event. After `.endOfDocument` it keeps returning `.endOfDocument`.
    mutating func next() throws(XMLError) -> Event {
        if popPending { popElement() }
        if pendingEnd {
            pendingEnd = false
            event = .endElement
            popPending = true
            return .endElement
        }
        if !started { try start() }
        if inCDATA { return try scanCDATA() }
        while true {
            if position >= end {
                if try !refill(keepingFrom: position) { return try finish() }
                continue
            }
            tokenStart = position
            let p = base
            if p[position] != 0x3C {
                if let event = try scanText() { return event }
                continue
            }
            if position + 1 >= end {
                if try !refill(keepingFrom: position) { throw error(.malformed, "the part ends inside a tag", at: position) }
                continue
            }
            switch p[position + 1] {
            case 0x2F: // </
                if try scanEndTag() { return .endElement }
            case 0x21: // <!
                if let event = try scanMarkup() { return event }
            case 0x3F: // <?
                throw error(.refused, "a processing instruction (<?…?>) is not allowed here; Office parts have none but the XML declaration at the very start", at: position)
            default:
                if try scanStartTag() { return .startElement }
            }
        }
    }

    /// Reads the first bytes: a byte-order mark and the XML declaration, if any.
    private mutating func start() throws(XMLError) {
        started = true
        while filled < 1_024 && !sourceDone { try fill() }
        var p = base
        if filled >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE)) {
            throw XMLError(.refused, "the part is UTF-16 (it starts with a UTF-16 byte-order mark); Office parts are UTF-8", line: 1, column: 1, offset: 0)
        }
        try validate()
        p = base
        if end >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            position = 3
            columnBase = -1 // the byte-order mark is not a column
        }
        guard position + 5 < end, p[position] == 0x3C, p[position + 1] == 0x3F, p[position + 2] == 0x78, p[position + 3] == 0x6D,
              p[position + 4] == 0x6C, isSpace(p[position + 5]) else { return }
        try scanDeclaration()
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`: the version must be 1.x and
    /// the encoding, when given, UTF-8.
    private mutating func scanDeclaration() throws(XMLError) {
        let p = base
        let declarationStart = position
        var i = position + 5
        var sawVersion = false
        var sawAny = false
        while true {
            while i < end && isSpace(p[i]) { i += 1 }
            guard i < end else { throw error(.malformed, "the XML declaration is not closed with ?>", at: declarationStart) }
            if p[i] == 0x3F {
                guard i + 1 < end, p[i + 1] == 0x3E else { throw error(.malformed, "the XML declaration is not closed with ?>", at: i) }
                guard sawVersion else { throw error(.malformed, "the XML declaration has no version", at: declarationStart) }
                position = i + 2
                return
            }
            guard isNameStartByte(p[i]) else { throw error(.malformed, "the XML declaration is not closed with ?>", at: i) }
            guard sawAny == false || isSpace(p[i - 1]) else { throw error(.malformed, "the XML declaration needs a space between its settings", at: i) }
            let nameStart = i
            while i < end && isNameByte(p[i]) { i += 1 }
            let name = string(nameStart, i)
            while i < end && isSpace(p[i]) { i += 1 }
            guard i < end, p[i] == 0x3D else { throw error(.malformed, "the XML declaration is malformed at '\(name)'", at: nameStart) }
            i += 1
            while i < end && isSpace(p[i]) { i += 1 }
            guard i < end, p[i] == 0x22 || p[i] == 0x27 else { throw error(.malformed, "the XML declaration's \(name) has no quoted value", at: i) }
            let quote = p[i]
            let valueStart = i + 1
            i += 1
            while i < end && p[i] != quote && p[i] != 0x3C && p[i] != 0x3E { i += 1 }
            guard i < end, p[i] == quote else { throw error(.malformed, "the XML declaration's \(name) is not closed", at: valueStart) }
            let value = string(valueStart, i)
            i += 1
            sawAny = true
            switch name {
            case "version" where !sawVersion:
                guard value.hasPrefix("1."), value.count > 2, value.dropFirst(2).allSatisfy(\.isASCII), value.dropFirst(2).allSatisfy(\.isNumber) else {
                    throw error(.refused, "the part declares XML version '\(Self.shown(value))'; Office parts are XML 1.0", at: valueStart)
                }
                sawVersion = true
            case "encoding" where sawVersion:
                guard value.lowercased() == "utf-8" else {
                    throw error(.refused, "the part declares the encoding '\(Self.shown(value))'; Office parts are UTF-8, and amr reads no other", at: valueStart)
                }
            case "standalone" where sawVersion:
                guard value == "yes" || value == "no" else { throw error(.malformed, "the XML declaration's standalone is '\(Self.shown(value))', not yes or no", at: valueStart) }
            default:
                throw error(.malformed, "the XML declaration has an unexpected '\(Self.shown(name))'", at: nameStart)
            }
        }
    }

    /// Text up to the next `<`, or a piece of it; nil when more bytes were needed and read.
    private mutating func scanText() throws(XMLError) -> Event? {
        let p = base
        var i = position
        var needsDecoding = false
        var whitespace = true
        let limit = end
        while i < limit {
            let byte = p[i]
            if byte == 0x3C { break }
            if byte == 0x26 {
                // A reference must be whole in the buffer.
                switch try checkReference(at: i) {
                case .some(let after):
                    needsDecoding = true
                    whitespace = false
                    i = after
                    continue
                case .none:
                    if i - position >= Self.textPieceSize { return textPiece(position, i, needsDecoding, whitespace) }
                    _ = try refill(keepingFrom: position)
                    return nil
                }
            }
            if byte > 0x20 {
                whitespace = false
                if byte == 0x3E && i - position >= 2 && p[i - 1] == 0x5D && p[i - 2] == 0x5D {
                    throw error(.malformed, "]]> is not allowed in text", at: i - 2)
                }
            } else if byte == 0x0D {
                needsDecoding = true
            }
            i &+= 1
        }
        if i == limit && !sourceDone {
            // No `<` yet: hand out what there is once it is large, else read more first.
            if i - position >= Self.textPieceSize {
                // Keep a CR and `]]` with what follows, so CRLF and `]]>` are seen whole.
                var cut = i
                if p[cut - 1] == 0x0D { cut -= 1 }
                if p[cut - 1] == 0x5D { cut -= 1 }
                if p[cut - 1] == 0x5D { cut -= 1 }
                return textPiece(position, cut, needsDecoding, whitespace)
            }
            _ = try refill(keepingFrom: position)
            return nil
        }
        if i == position { return nil }
        if openCount == 0 && !whitespace {
            throw error(.malformed, sawRoot ? "text after the root element has closed" : "text before the root element", at: position)
        }
        return textPiece(position, i, needsDecoding, whitespace)
    }

    private mutating func textPiece(_ start: Int, _ stop: Int, _ needsDecoding: Bool, _ whitespace: Bool) -> Event? {
        position = stop
        if openCount == 0 { return nil } // white space outside the root is not reported
        textStart = start
        textEnd = stop
        textNeedsDecoding = needsDecoding
        textIsCDATA = false
        isWhitespace = whitespace
        event = .text
        return .text
    }

    /// The index after a valid reference starting with `&` at `index`; nil when the buffer ends
    /// before its `;`. Only the five predefined entities and character references of XML
    /// characters exist: a document may define no others.
    private func checkReference(at index: Int) throws(XMLError) -> Int? {
        let p = base
        var i = index + 1
        let stop = min(end, index + 40)
        while i < stop && p[i] != 0x3B { i += 1 }
        guard i < stop else {
            if i == end && index + 40 > end && !sourceDone { return nil }
            throw error(.malformed, "& must start a reference such as &amp; or &#38;", at: index)
        }
        guard referenceValue(index + 1, i) != nil else {
            let name = string(index + 1, i)
            if name.first == "#" { throw error(.malformed, "&\(Self.shown(name)); is not a reference to a character XML allows", at: index) }
            throw error(.malformed, "the entity &\(Self.shown(name)); is not defined (only &lt; &gt; &amp; &quot; &apos; exist here)", at: index)
        }
        return i + 1
    }

    /// The scalar a reference's body (between `&` and `;`) stands for, or nil.
    private func referenceValue(_ start: Int, _ stop: Int) -> UInt32? {
        let p = base
        let count = stop - start
        guard count >= 2 else { return nil }
        if p[start] == 0x23 {
            var value: UInt32 = 0
            var digits = 0
            if p[start + 1] == 0x78 {
                for i in (start + 2)..<stop {
                    let byte = p[i]
                    let digit: UInt32
                    switch byte {
                    case 0x30...0x39: digit = UInt32(byte - 0x30)
                    case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                    case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                    default: return nil
                    }
                    value = value &* 16 &+ digit
                    digits += 1
                    if value > 0x10FFFF { return nil }
                }
            } else {
                for i in (start + 1)..<stop {
                    let byte = p[i]
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value &* 10 &+ UInt32(byte - 0x30)
                    digits += 1
                    if value > 0x10FFFF { return nil }
                }
            }
            guard digits > 0, Self.isXMLCharacter(value) else { return nil }
            return value
        }
        switch count {
        case 2 where p[start] == 0x6C && p[start + 1] == 0x74: return 0x3C // lt
        case 2 where p[start] == 0x67 && p[start + 1] == 0x74: return 0x3E // gt
        case 3 where p[start] == 0x61 && p[start + 1] == 0x6D && p[start + 2] == 0x70: return 0x26 // amp
        case 4 where p[start] == 0x71 && p[start + 1] == 0x75 && p[start + 2] == 0x6F && p[start + 3] == 0x74: return 0x22 // quot
        case 4 where p[start] == 0x61 && p[start + 1] == 0x70 && p[start + 2] == 0x6F && p[start + 3] == 0x73: return 0x27 // apos
        default: return nil
        }
    }

    static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `<name attributes>` or `<name attributes/>`; false when more bytes were needed and read.
    private mutating func scanStartTag() throws(XMLError) -> Bool {
        if rootClosed { throw error(.malformed, "a second root element; a part has one", at: position) }
        let p = base
        var i = position + 1
        let limit = end
        guard isNameStartByte(p[i]) && p[i] != 0x3A else { throw error(.malformed, "< must start a tag (a name must follow it); write &lt; in text", at: position) }
        let start = i
        var colon = 0
        while i < limit {
            let byte = p[i]
            if isNameByte(byte) {
                if byte == 0x3A {
                    guard colon == 0 else {
                        var stop = i
                        while stop < limit && isNameByte(p[stop]) { stop += 1 }
                        throw error(.malformed, "the name \(Self.shown(string(start, stop))) has two colons", at: start)
                    }
                    colon = i - start
                }
                i &+= 1
            } else {
                break
            }
        }
        guard i < limit else { return try needMore() }
        let nameEnd = i
        if colon > 0 && i - start == colon + 1 { throw error(.malformed, "the name \(Self.shown(string(start, i))) ends with a colon", at: start) }
        var count = 0
        var empty = false
        var mayDeclare = false
        var prefixed = false
        var mayRepeat = false
        // The first attribute's name length and last byte, for `tagMayRepeat`.
        var firstLength = 0
        var firstLast: UInt8 = 0
        while true {
            let spaceStart = i
            while i < limit && isSpace(p[i]) { i &+= 1 }
            guard i < limit else { return try needMore() }
            let byte = p[i]
            if byte == 0x3E {
                i &+= 1
                break
            }
            if byte == 0x2F {
                guard i + 1 < limit else { return try needMore() }
                guard p[i + 1] == 0x3E else { throw error(.malformed, "/ in a tag must be followed by >", at: i) }
                i &+= 2
                empty = true
                break
            }
            guard i > spaceStart else { throw error(.malformed, "a space must separate a tag's name and attributes", at: i) }
            guard isNameStartByte(byte) && byte != 0x3A else { throw error(.malformed, "an attribute name is expected here", at: i) }
            let attributeStart = i
            var attributeColon = 0
            while i < limit && isNameByte(p[i]) {
                if p[i] == 0x3A {
                    guard attributeColon == 0 else { throw error(.malformed, "the attribute name \(Self.shown(string(attributeStart, i + 1))) has two colons", at: attributeStart) }
                    attributeColon = i - attributeStart
                }
                i &+= 1
            }
            let attributeEnd = i
            // The name may go on in the next chunk (`xml:` | `space`): read on before judging it.
            guard i < limit else { return try needMore() }
            if byte == 0x78 { mayDeclare = true }
            if attributeColon > 0 { prefixed = true }
            if attributeColon > 0 && attributeEnd - attributeStart == attributeColon + 1 {
                throw error(.malformed, "the attribute name \(Self.shown(string(attributeStart, attributeEnd))) ends with a colon", at: attributeStart)
            }
            while i < limit && isSpace(p[i]) { i &+= 1 }
            guard i < limit else { return try needMore() }
            guard p[i] == 0x3D else { throw error(.malformed, "the attribute \(Self.shown(string(attributeStart, attributeEnd))) has no = and value", at: attributeStart) }
            i &+= 1
            while i < limit && isSpace(p[i]) { i &+= 1 }
            guard i < limit else { return try needMore() }
            let quote = p[i]
            guard quote == 0x22 || quote == 0x27 else { throw error(.malformed, "the value of \(Self.shown(string(attributeStart, attributeEnd))) must be in quotes", at: i) }
            i &+= 1
            let valueStart = i
            var needsDecoding = false
            // The bytes that stop the value's plain run, all below 0x40: its quote, <, &, and
            // tab, LF and CR (decoded to spaces). One bit test per byte instead of a comparison
            // with the quote and then several more for every digit.
            let stops: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x26 | 1 << 0x3C | 1 << UInt64(quote)
            while i < limit {
                let value = p[i]
                if value < 0x40 && stops >> UInt64(value) & 1 != 0 {
                    if value == quote { break }
                    if value == 0x3C { throw error(.malformed, "< is not allowed in an attribute value; write &lt;", at: i) }
                    if value == 0x26 {
                        guard let after = try checkReference(at: i) else { return try needMore() }
                        needsDecoding = true
                        i = after
                        continue
                    }
                    needsDecoding = true
                }
                i &+= 1
            }
            guard i < limit else { return try needMore() }
            i &+= 1
            guard count < limits.maximumAttributes else {
                throw error(.limit, "an element has more than \(limits.maximumAttributes) attributes", at: position)
            }
            let attribute = Attribute(nameStart: attributeStart, nameLength: attributeEnd - attributeStart, prefixLength: attributeColon,
                                      valueStart: valueStart, valueEnd: i - 1, needsDecoding: needsDecoding, namespace: .none)
            if count == attributeCapacity {
                attributeStorage.grow(keeping: count)
                attributes = attributeStorage.pointer
                attributeCapacity = attributeStorage.capacity
            }
            (attributes + count).initialize(to: attribute)
            // Same local names have the same length and last byte (prefixes aside, which
            // `resolveNames` handles whole).
            if count == 0 {
                firstLength = attributeEnd - attributeStart
                firstLast = p[attributeEnd - 1]
            } else if count > 1 || (attributeEnd - attributeStart == firstLength && p[attributeEnd - 1] == firstLast) {
                mayRepeat = true
            }
            count &+= 1
        }
        // The whole tag is in the buffer.
        attributeCount = count
        tagMayDeclare = mayDeclare
        tagHasPrefixedAttribute = prefixed
        tagMayRepeat = mayRepeat
        nameStart = start
        nameLength = nameEnd - start
        prefixLength = colon
        isEmptyElement = empty
        let tagStart = position
        position = i
        tokenStart = tagStart
        try pushElement()
        event = .startElement
        if empty { pendingEnd = true }
        return true
    }

    /// Reads more bytes keeping the current token and returns false (so the caller scans the
    /// token again); the part ending inside a tag is an error.
    private mutating func needMore() throws(XMLError) -> Bool {
        if end - tokenStart >= limits.maximumTagLength {
            throw error(.limit, "a tag is longer than \(limits.maximumTagLength) bytes", at: tokenStart)
        }
        if try !refill(keepingFrom: tokenStart) { throw error(.malformed, "the part ends inside a tag", at: tokenStart) }
        return false
    }

    /// Namespace declarations, the element's and attributes' namespaces, unique attributes.
    @inline(__always)
    private mutating func pushElement() throws(XMLError) {
        guard openCount < limits.maximumDepth else {
            throw error(.limit, "elements are nested more than \(limits.maximumDepth) deep", at: tokenStart)
        }
        let p = base
        let bindingCount = bindings.count
        let previousDefault = defaultNamespace
        if tagMayDeclare || tagHasPrefixedAttribute || prefixLength > 0 || attributeCount > 2 {
            try resolveNames()
        } else {
            // The common tag: no declarations, no prefixes, at most two attributes.
            elementNamespace = defaultNamespace
            // Two names told apart at a glance while scanning (`r` and `t` of a cell), else compared.
            if tagMayRepeat { try checkUniqueAttributes() }
        }
        if openCount == elementStorage.capacity {
            elementStorage.grow(keeping: openCount)
            elements = elementStorage.pointer
        }
        (elements + openCount).initialize(to: OpenElement(nameOffset: namesUsed, nameLength: nameLength, namespace: elementNamespace,
                                                          bindingCount: bindingCount, defaultNamespace: previousDefault))
        openCount += 1
        // Eight bytes of room past the names, for the copy below.
        while namesUsed + nameLength + 8 > nameStorage.capacity {
            nameStorage.grow(keeping: namesUsed)
            elementNames = nameStorage.pointer
        }
        if nameLength <= 8 {
            // Most names are a few bytes: one word copied (the buffer has room past its end,
            // and what follows the name is overwritten by the next name), not a call to memmove.
            UnsafeMutableRawPointer(elementNames + namesUsed).storeBytes(of: UnsafeRawPointer(p + nameStart).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            (elementNames + namesUsed).initialize(from: p + nameStart, count: nameLength)
        }
        namesUsed += nameLength
        sawRoot = true
    }

    /// Namespace declarations, the element's and attributes' namespaces, unique attributes:
    /// for a tag with declarations, prefixes or more than two attributes.
    private mutating func resolveNames() throws(XMLError) {
        let p = base
        // Declarations first: they apply to the element's own name and attributes.
        for index in 0..<(tagMayDeclare ? attributeCount : 0) {
            let attribute = attributes[index]
            let isDefault = attribute.nameLength == 5 && attribute.prefixLength == 0 && equals("xmlns", attribute.nameStart, 5)
            let isPrefixed = attribute.prefixLength == 5 && equals("xmlns", attribute.nameStart, 5)
            guard isDefault || isPrefixed else { continue }
            attributes[index].namespace = .xmlns
            let uri = attributeValue(at: index)
            if isDefault {
                defaultNamespace = uri.isEmpty ? .none : namespace(uri)
                if defaultNamespace == .xml || defaultNamespace == .xmlns {
                    throw error(.malformed, "the default namespace may not be \(uri)", at: attribute.nameStart)
                }
                continue
            }
            let prefixStart = attribute.nameStart + 6
            let prefixCount = attribute.nameLength - 6
            let id = uri.isEmpty ? Namespace.none : namespace(uri)
            if equals("xmlns", prefixStart, prefixCount) { throw error(.malformed, "the prefix xmlns may not be declared", at: attribute.nameStart) }
            if equals("xml", prefixStart, prefixCount) != (id == .xml) || id == .xmlns {
                throw error(.malformed, "the prefix xml and its namespace go only together", at: attribute.nameStart)
            }
            guard id != .none else { throw error(.malformed, "the prefix \(Self.shown(string(prefixStart, prefixStart + prefixCount))) may not be undeclared (xmlns:p=\"\")", at: attribute.nameStart) }
            bindings.append(Binding(prefixOffset: bindingPrefixes.count, prefixLength: prefixCount, namespace: id))
            bindingPrefixes.append(contentsOf: UnsafeBufferPointer(start: p + prefixStart, count: prefixCount))
        }
        // The element's namespace.
        if prefixLength == 0 {
            elementNamespace = defaultNamespace
        } else {
            guard let id = lookUp(prefixStart: nameStart, prefixLength: prefixLength) else {
                throw error(.malformed, "the prefix \(Self.shown(string(nameStart, nameStart + prefixLength))) of <\(Self.shown(qualifiedName))> is not declared", at: tokenStart)
            }
            elementNamespace = id
        }
        // Attributes' namespaces (unprefixed ones have none) and uniqueness.
        for index in 0..<(tagHasPrefixedAttribute ? attributeCount : 0) where attributes[index].prefixLength > 0 && attributes[index].namespace != .xmlns {
            let attribute = attributes[index]
            guard let id = lookUp(prefixStart: attribute.nameStart, prefixLength: attribute.prefixLength) else {
                throw error(.malformed, "the prefix \(Self.shown(string(attribute.nameStart, attribute.nameStart + attribute.prefixLength))) of the attribute \(Self.shown(attributeName(at: index))) is not declared", at: attribute.nameStart)
            }
            attributes[index].namespace = id
        }
        if attributeCount == 2 {
            // The common pair (`r` and `t` of a cell): different local names at a glance.
            let a = attributes[0], b = attributes[1]
            let localA = a.nameLength - (a.prefixLength > 0 ? a.prefixLength + 1 : 0)
            let localB = b.nameLength - (b.prefixLength > 0 ? b.prefixLength + 1 : 0)
            if a.namespace == b.namespace && localA == localB && p[a.nameStart + a.nameLength - 1] == p[b.nameStart + b.nameLength - 1] {
                try checkUniqueAttributes()
            }
        } else if attributeCount > 2 {
            try checkUniqueAttributes()
        }
    }

    /// The namespace bound to the prefix at `prefixStart` in the buffer, innermost first.
    private func lookUp(prefixStart: Int, prefixLength: Int) -> Namespace? {
        let p = base
        if prefixLength == 3 && p[prefixStart] == 0x78 && p[prefixStart + 1] == 0x6D && p[prefixStart + 2] == 0x6C { return .xml }
        var index = bindings.count - 1
        return bindingPrefixes.withUnsafeBufferPointer { prefixes -> Namespace? in
            while index >= 0 {
                let binding = bindings[index]
                if binding.prefixLength == prefixLength {
                    var same = true
                    for k in 0..<prefixLength where prefixes[binding.prefixOffset + k] != p[prefixStart + k] {
                        same = false
                        break
                    }
                    if same { return binding.namespace }
                }
                index -= 1
            }
            return nil
        }
    }

    /// No two attributes with the same namespace and local name (which also rules out the same
    /// name written twice). Few attributes are compared pairwise, many through a hash table, so
    /// a tag of thousands of attributes costs no more than its length.
    private mutating func checkUniqueAttributes() throws(XMLError) {
        let p = base
        func same(_ a: Attribute, _ b: Attribute) -> Bool {
            guard a.namespace == b.namespace else { return false }
            let skipA = a.prefixLength > 0 ? a.prefixLength + 1 : 0, skipB = b.prefixLength > 0 ? b.prefixLength + 1 : 0
            let lengthA = a.nameLength - skipA
            guard lengthA == b.nameLength - skipB else { return false }
            for k in 0..<lengthA where p[a.nameStart + skipA + k] != p[b.nameStart + skipB + k] { return false }
            return true
        }
        if attributeCount <= 8 {
            for a in 1..<attributeCount {
                for b in 0..<a where same(attributes[a], attributes[b]) { throw duplicateAttribute(a) }
            }
            return
        }
        var size = 16
        while size < attributeCount * 2 { size <<= 1 }
        if attributeTable.count < size { attributeTable = [Int32](repeating: -1, count: size) }
        for k in 0..<size { attributeTable[k] = -1 }
        for index in 0..<attributeCount {
            let attribute = attributes[index]
            let skip = attribute.prefixLength > 0 ? attribute.prefixLength + 1 : 0
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(attribute.namespace.rawValue)
            for k in (attribute.nameStart + skip)..<(attribute.nameStart + attribute.nameLength) {
                hash = (hash ^ UInt64(p[k])) &* 0x0100_0000_01B3
            }
            var slot = Int(hash & UInt64(size - 1))
            while attributeTable[slot] >= 0 {
                if same(attributes[Int(attributeTable[slot])], attribute) { throw duplicateAttribute(index) }
                slot = (slot + 1) & (size - 1)
            }
            attributeTable[slot] = Int32(index)
        }
    }

    private func duplicateAttribute(_ index: Int) -> XMLError {
        error(.malformed, "the attribute \(Self.shown(attributeName(at: index))) occurs twice in one tag", at: attributes[index].nameStart)
    }

    private mutating func popElement() {
        popPending = false
        guard openCount > 0 else { return }
        openCount -= 1
        let element = elements[openCount]
        namesUsed -= element.nameLength
        if bindings.count > element.bindingCount {
            let first = bindings[element.bindingCount]
            bindingPrefixes.removeLast(bindingPrefixes.count - first.prefixOffset)
            bindings.removeLast(bindings.count - element.bindingCount)
        }
        defaultNamespace = element.defaultNamespace
        if openCount == 0 { rootClosed = true }
    }

    /// `</name>`, which must close the innermost open element; false when more bytes were needed.
    @inline(__always)
    private mutating func scanEndTag() throws(XMLError) -> Bool {
        let p = base
        var i = position + 2
        let limit = end
        let start = i
        var colon = 0
        while i < limit && isNameByte(p[i]) {
            if p[i] == 0x3A && colon == 0 { colon = i - start }
            i &+= 1
        }
        let stop = i
        while i < limit && isSpace(p[i]) { i &+= 1 }
        guard i < limit else { return try needMore() }
        guard p[i] == 0x3E else { throw error(.malformed, "the end tag </\(Self.shown(string(start, stop)))> is not closed with >", at: position) }
        guard openCount > 0 else {
            throw error(.malformed, "the end tag </\(Self.shown(string(start, stop)))> closes nothing", at: position)
        }
        let element = elements[openCount - 1]
        let length = stop - start
        var matches = length == element.nameLength
        if matches {
            let names = elementNames + element.nameOffset
            var k = 0
            while k < length {
                if names[k] != p[start + k] {
                    matches = false
                    break
                }
                k &+= 1
            }
        }
        guard matches else {
            let open = openName(element)
            throw error(.malformed, "the end tag </\(Self.shown(string(start, stop)))> does not match <\(Self.shown(open))>", at: position)
        }
        nameStart = start
        nameLength = length
        prefixLength = colon
        elementNamespace = element.namespace
        isEmptyElement = false
        position = i + 1
        event = .endElement
        popPending = true
        return true
    }

    /// `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE` (refused); nil when it was a comment or more
    /// bytes were needed.
    private mutating func scanMarkup() throws(XMLError) -> Event? {
        let p = base
        let i = position + 2
        guard i + 2 <= end else {
            if try !refill(keepingFrom: position) { throw error(.malformed, "<! must start a comment or CDATA section", at: position) }
            return nil
        }
        if p[i] == 0x2D && p[i + 1] == 0x2D {
            try skipComment()
            return nil
        }
        guard i + 7 <= end else {
            if try !refill(keepingFrom: position) { throw error(.malformed, "<! must start a comment or CDATA section", at: position) }
            return nil
        }
        if p[i] == 0x5B && equals("CDATA[", i + 1, 6) {
            guard openCount > 0 else { throw error(.malformed, "a CDATA section outside the root element", at: position) }
            position = i + 7
            inCDATA = true
            return try scanCDATA()
        }
        if equals("DOCTYPE", i, 7) {
            throw error(.refused, "the part declares a document type (<!DOCTYPE>), which Office parts never do; it is refused so that no entity can be defined or fetched")
        }
        throw error(.malformed, "<! must start a comment or CDATA section", at: position)
    }

    /// Skips a comment, however long, without keeping it in memory.
    private mutating func skipComment() throws(XMLError) {
        var i = position + 4
        var unclosed: XMLError?
        while true {
            let p = base
            while i + 1 < end {
                if p[i] == 0x2D && p[i + 1] == 0x2D {
                    guard i + 2 < end else { break }
                    guard p[i + 2] == 0x3E else { throw error(.malformed, "-- is not allowed inside a comment", at: i) }
                    position = i + 3
                    return
                }
                i += 1
            }
            // What is before `i` (at most a `-` or two from the end) is skipped; the message for
            // a comment never closed names where it starts.
            if unclosed == nil { unclosed = error(.malformed, "a comment is not closed with -->", at: position) }
            position = i
            if try !refill(keepingFrom: i), let unclosed { throw unclosed }
            i = position
        }
    }

    /// The content of a CDATA section up to `]]>`, in pieces when long.
    private mutating func scanCDATA() throws(XMLError) -> Event {
        while true {
            let p = base
            var i = position
            var whitespace = true
            var needsDecoding = false
            while i + 2 < end {
                let byte = p[i]
                if byte == 0x5D && p[i + 1] == 0x5D && p[i + 2] == 0x3E {
                    let start = position
                    position = i + 3
                    inCDATA = false
                    return cdataPiece(start, i, needsDecoding, whitespace)
                }
                if byte > 0x20 { whitespace = false } else if byte == 0x0D { needsDecoding = true }
                i += 1
            }
            if i - position >= Self.textPieceSize {
                var cut = i
                while cut > position + 1 && p[cut - 1] == 0x0D { cut -= 1 }
                let start = position
                position = cut
                return cdataPiece(start, cut, needsDecoding, whitespace)
            }
            if try !refill(keepingFrom: position) { throw error(.malformed, "a CDATA section is not closed with ]]>", at: position) }
        }
    }

    private mutating func cdataPiece(_ start: Int, _ stop: Int, _ needsDecoding: Bool, _ whitespace: Bool) -> Event {
        tokenStart = start
        textStart = start
        textEnd = stop
        textNeedsDecoding = needsDecoding
        textIsCDATA = true
        isWhitespace = whitespace
        event = .text
        return .text
    }

    /// The end of the document, once every element is closed.
    private mutating func finish() throws(XMLError) -> Event {
        guard sawRoot else { throw error(.malformed, "the part has no root element", at: position) }
        if openCount > 0 {
            let open = openName(elements[openCount - 1])
            throw error(.malformed, "the part ends before <\(Self.shown(open))> is closed", at: position)
        }
        event = .endOfDocument
        return .endOfDocument
    }

    // MARK: - Buffer

    /// Moves the bytes from `keep` on to the buffer's start and reads more; false at the end of
    /// the source with nothing new. Indices into the buffer shift by `keep`.
    private mutating func refill(keepingFrom keep: Int) throws(XMLError) -> Bool {
        if keep > 0 {
            account(keep)
            let p = base
            let remaining = filled - keep
            if remaining > 0 { p.update(from: p + keep, count: remaining) }
            filled -= keep
            end -= keep
            position -= keep
            tokenStart = max(0, tokenStart - keep)
        }
        let oldEnd = end
        while end == oldEnd {
            if sourceDone {
                if filled > end { throw error(.malformed, "the part is not UTF-8 (it ends inside a character)", at: end) }
                return false
            }
            try fill()
            try validate()
        }
        return true
    }

    /// Reads one chunk from the source into the free space, growing the buffer when full.
    private mutating func fill() throws(XMLError) {
        guard !sourceDone else { return }
        if buffer.capacity - filled < Self.chunkSize / 4 {
            guard buffer.capacity < limits.maximumTagLength + Self.chunkSize * 4 else {
                throw error(.limit, "a tag is longer than \(limits.maximumTagLength) bytes", at: tokenStart)
            }
            buffer.grow(to: buffer.capacity * 2)
            base = buffer.pointer
        }
        let room = min(buffer.capacity - filled, Self.chunkSize)
        let count = try source.read(into: UnsafeMutableRawBufferPointer(start: base + filled, count: room))
        if count == 0 {
            sourceDone = true
            return
        }
        guard count <= limits.maximumSize - discarded - filled else {
            throw XMLError(.limit, "the part is larger than \(limits.maximumSize) bytes")
        }
        filled += count
    }

    /// Counts lines and columns in the bytes about to leave the buffer, [0, count): what
    /// `validate` counted in the buffer less what stays, [count, end) (usually the start of one
    /// tag), so that each byte of a large part is read once for this, not twice.
    private mutating func account(_ count: Int) {
        let p = base
        let (tailLines, tailScalars) = Self.lineCounts(p + count, end - count)
        let lines = bufferLines - tailLines
        if lines > 0 {
            // The column starts after the last LF: count the scalars from there only.
            var last = count - 1
            while last >= 0 && p[last] != 0x0A { last -= 1 }
            columnBase = Self.lineCounts(p + last + 1, count - last - 1).scalars
        } else {
            columnBase += bufferScalars - tailScalars
        }
        linesDiscarded += lines
        discarded += count
        bufferLines = tailLines
        bufferScalars = tailScalars
    }

    /// The LFs and the Unicode scalars in `count` bytes from `start`.
    private static func lineCounts(_ start: UnsafePointer<UInt8>, _ count: Int) -> (lines: Int, scalars: Int) {
        var lines = 0
        var scalars = 0
        var i = 0
        // Eight bytes at a time, in one pass: the bytes equal to LF, and the scalars (the bytes
        // that are not UTF-8 continuation bytes, 10xxxxxx). Most words hold neither an LF nor a
        // continuation byte, and x86-64's baseline has no popcount instruction, so the bits are
        // only counted when there are some.
        while i + 8 <= count {
            let word = UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)
            let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
            let t = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F)
            if t != 0 { lines += t.nonzeroBitCount }
            let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
            scalars += continuation == 0 ? 8 : 8 - continuation.nonzeroBitCount
            i += 8
        }
        while i < count {
            if start[i] == 0x0A { lines += 1 }
            if start[i] & 0xC0 != 0x80 { scalars += 1 }
            i += 1
        }
        return (lines, scalars)
    }

    /// Checks the new bytes [end, filled): UTF-8 (no overlong forms, surrogates or values past
    /// U+10FFFF) and XML characters (no control characters but tab, LF and CR; no U+FFFE/FFFF).
    /// An incomplete sequence at the end waits for more bytes.
    private mutating func validate() throws(XMLError) {
        let p = base
        let first = end
        var i = end
        let count = filled
        // Newlines and continuation bytes among the checked bytes, for `account`; both are
        // outside the ASCII fast path below, so it costs nothing there.
        var lines = 0
        var continuations = 0
        defer {
            bufferLines += lines
            bufferScalars += (end - first) - continuations
        }
        while i < count {
            // ASCII eight bytes at a time when none is a control character.
            while i + 8 <= count {
                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < count else { break }
            let lead = p[i]
            if lead < 0x80 {
                if lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D {
                    end = i
                    throw error(.malformed, lead == 0 ? "the part holds a NUL byte: it is not UTF-8 text (UTF-16?)" : "the control character U+\(Self.hex(UInt32(lead))) is not allowed in XML", at: i)
                }
                if lead == 0x0A { lines += 1 }
                i += 1
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
            default:
                end = i
                throw error(.malformed, "the part is not UTF-8 (byte \(discarded + i + 1) is not)", at: i)
            }
            guard i + length <= count else {
                if sourceDone {
                    end = i
                    throw error(.malformed, "the part is not UTF-8 (it ends inside a character)", at: i)
                }
                break
            }
            let second = p[i + 1]
            var valid = second >= lower && second <= upper
            if valid { for k in 2..<max(2, length) where p[i + k] & 0xC0 != 0x80 { valid = false } }
            guard valid else {
                end = i
                throw error(.malformed, "the part is not UTF-8 (byte \(discarded + i + 1) is not)", at: i)
            }
            // U+FFFE and U+FFFF are not characters.
            if lead == 0xEF && second == 0xBF && p[i + 2] >= 0xBE {
                end = i
                throw error(.malformed, "U+\(p[i + 2] == 0xBE ? "FFFE" : "FFFF") is not a character XML allows", at: i)
            }
            continuations += length - 1
            i += length
        }
        end = i
    }

    // MARK: - Helpers

    @inline(__always)
    private func equals(_ literal: StaticString, _ start: Int, _ count: Int) -> Bool {
        guard literal.utf8CodeUnitCount == count else { return false }
        let p = base
        return literal.withUTF8Buffer { bytes in
            var k = 0
            while k < count {
                if bytes[k] != p[start + k] { return false }
                k += 1
            }
            return true
        }
    }

    /// The name of an open element, for a message.
    private func openName(_ element: OpenElement) -> String {
        String(decoding: UnsafeBufferPointer(start: elementNames + element.nameOffset, count: element.nameLength), as: UTF8.self)
    }

    private func string(_ start: Int, _ stop: Int) -> String {
        guard stop > start else { return "" }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: stop - start), as: UTF8.self)
    }

    /// Replaces references and normalises line ends (and, in attributes, white space) of the
    /// checked bytes [start, stop).
    private func decode(_ start: Int, _ stop: Int, inAttribute: Bool, raw: Bool, into output: inout [UInt8]) {
        let p = base
        var i = start
        while i < stop {
            let byte = p[i]
            if byte == 0x26 && !raw {
                var semicolon = i + 1
                while semicolon < stop && p[semicolon] != 0x3B { semicolon += 1 }
                if let value = referenceValue(i + 1, semicolon), let scalar = Unicode.Scalar(value) {
                    output.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
                }
                i = semicolon + 1
                continue
            }
            if byte == 0x0D {
                output.append(inAttribute ? 0x20 : 0x0A)
                i += (i + 1 < stop && p[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            if inAttribute && (byte == 0x09 || byte == 0x0A) {
                output.append(0x20)
            } else {
                output.append(byte)
            }
            i += 1
        }
    }

    /// One bit test instead of four comparisons: bits 0x09, 0x0A, 0x0D and 0x20 of a mask, and
    /// a byte above a space (the common case, a name's letter) fails the first comparison.
    @inline(__always) private func isSpace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (0x1_0000_2600 as UInt64) >> UInt64(byte) & 1 != 0
    }

    /// Name bytes: ASCII letters, `_`, `:`, and any byte of a non-ASCII character (checked as
    /// UTF-8 already); digits, `-` and `.` after the first.
    /// Both test one bit of a 64-bit mask for the ASCII bytes (0x00–0x3F or 0x40–0x7F) instead
    /// of up to eight comparisons per byte of every name.
    @inline(__always) private func isNameStartByte(_ byte: UInt8) -> Bool {
        // 0x40–0x7F: A–Z, _, a–z; 0x00–0x3F: only the colon.
        byte >= 0x80 || (byte < 0x40 ? 0x0400_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE as UInt64) >> UInt64(byte & 0x3F) & 1 != 0
    }

    @inline(__always) private func isNameByte(_ byte: UInt8) -> Bool {
        // 0x00–0x3F: -, ., 0–9 and the colon; 0x40–0x7F: A–Z, _, a–z.
        byte >= 0x80 || (byte < 0x40 ? 0x07FF_6000_0000_0000 : 0x07FF_FFFE_87FF_FFFE as UInt64) >> UInt64(byte & 0x3F) & 1 != 0
    }

    /// A value from the part, shortened and with control characters shown, for a message.
    static func shown(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(60) {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                result += "\\u{\(hex(scalar.value))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 60 ? result + "…" : result
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The scanner's buffer, held by reference so the scanner can read it through a pointer while
/// its own fields change.
final class XMLScannerBuffer {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    /// Bytes allocated past `capacity`, never filled: a word read at any byte of the buffer
    /// stays inside the allocation.
    static let padding = 8

    init(capacity: Int) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity + Self.padding)
        pointer.initialize(repeating: 0, count: capacity + Self.padding)
    }

    func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity + Self.padding)
        grown.initialize(repeating: 0, count: newCapacity + Self.padding)
        grown.update(from: pointer, count: capacity)
        pointer.deallocate()
        pointer = grown
        capacity = newCapacity
    }

    deinit { pointer.deallocate() }
}


/// Memory of trivial values (no references: `Attribute`, `OpenElement`, bytes) that the scanner
/// owns and reads through `pointer`, held by reference like its buffer. Only `grow` moves it.
final class XMLScannerArray<Element> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    /// Doubles the capacity, keeping the first `count` values.
    func grow(keeping count: Int) {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = grown
        capacity *= 2
    }

    deinit { pointer.deallocate() }
}
