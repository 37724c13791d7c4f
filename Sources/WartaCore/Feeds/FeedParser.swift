internal import CLibXML2
internal import Foundation

/// Reads RSS 2.0 (and RSS 1.0), Atom and JSON Feed documents into a ``Feed``.
///
/// XML goes through libxml2 without recovery, network access or entity expansion, so a broken feed is a
/// ``FeedError`` with libxml2's message and line rather than a half-read feed. Relative links are resolved
/// against `xml:base` where given, else against the feed's own URL.
///
/// ```swift
/// let feed = try FeedParser.parse(bytes, feed: "https://example.invalid/rss.xml")
/// for item in feed.items { print(item.id, item.url ?? "-") }
/// ```
public enum FeedParser {
    static let atomNamespace = "http://www.w3.org/2005/Atom"

    /// Parses a feed document.
    ///
    /// - Parameters:
    ///   - bytes: the document as served (UTF-8 or the encoding its XML declaration names).
    ///   - feed: the feed's URL, for resolving relative links and for errors.
    /// - Throws: ``FeedError``: malformed XML, invalid JSON, or a document that is no feed.
    public static func parse(_ bytes: [UInt8], feed: String) throws(FeedError) -> Feed {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { throw FeedError(feed: feed, reason: .empty) }
        if bytes[start] == UInt8(ascii: "{") { return try parseJSON(bytes[start...], feed: feed) }
        let root = try parseXML(bytes, feed: feed)
        return try interpret(root, feed: feed)
    }

    /// Whether a response looks like a feed rather than a page, from its content type and first bytes.
    public static func looksLikeFeed(_ bytes: [UInt8], contentType: String?) -> Bool {
        let type = (contentType ?? "").lowercased()
        if type.contains("rss") || type.contains("atom") || type.contains("feed+json") { return true }
        if type.contains("html") { return false }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.hasPrefix("{") { return head.contains("jsonfeed.org/version") }
        guard trimmed.hasPrefix("<") else { return false }
        if head.contains("<html") || head.contains("<!doctype html") { return false }
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
            || (type.contains("xml") && trimmed.hasPrefix("<?xml"))
    }

    // MARK: XML

    /// An element of the parsed document, detached from libxml2.
    struct Element {
        var name: String
        var namespace: String?
        var attributes: [String: String] = [:]
        var children: [Element] = []
        var text = ""

        func child(_ name: String, namespace: String? = nil) -> Element? {
            children.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
        }

        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The trimmed text of a child, nil when missing or blank.
        func value(_ name: String, namespace: String? = nil) -> String? {
            child(name, namespace: namespace).flatMap { FeedParser.nonBlank($0.text) }
        }
    }

    static func parseXML(_ bytes: [UInt8], feed: String) throws(FeedError) -> Element {
        guard let context = xmlNewParserCtxt() else {
            throw FeedError(feed: feed, reason: .malformedXML(line: 0, "cannot create an XML parser"))
        }
        defer { xmlFreeParserCtxt(context) }
        // libxml2 goes on after the first error and keeps only the last, often a consequence ("Premature end
        // of data"); keep the first, which names the cause.
        let firstError = FirstError()
        let unmanaged = Unmanaged.passRetained(firstError)
        defer { unmanaged.release() }
        context.pointee._private = unmanaged.toOpaque()
        context.pointee.sax?.pointee.serror = { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let parser = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let box = parser.pointee._private else { return }
            let first = Unmanaged<FirstError>.fromOpaque(box).takeUnretainedValue()
            if first.message == nil {
                first.message = error.pointee.message.map { String(cString: $0) }
                first.line = Int(error.pointee.line)
            }
        }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOBLANKS.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), feed, nil, options)
            }
        }
        guard let document else {
            var message = "not well-formed"
            var line = 0
            if let first = firstError.message {
                message = first.trimmingCharacters(in: .whitespacesAndNewlines)
                line = firstError.line
            } else if let error = xmlCtxtGetLastError(context) {
                if let text = error.pointee.message {
                    message = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                line = Int(error.pointee.line)
            }
            throw FeedError(feed: feed, reason: .malformedXML(line: line, message))
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw FeedError(feed: feed, reason: .empty)
        }
        return element(root)
    }

    /// The first error libxml2 raised while parsing.
    private final class FirstError {
        var message: String?
        var line = 0
    }

    private static func element(_ node: xmlNodePtr) -> Element {
        var result = Element(
            name: node.pointee.name.map { String(cString: $0) } ?? "",
            namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) })
        var property = node.pointee.properties
        while let attribute = property {
            if let name = attribute.pointee.name, let value = xmlGetProp(node, name) {
                result.attributes[String(cString: name)] = String(cString: value)
                free(value)
            }
            property = attribute.pointee.next
        }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                result.children.append(element(c))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { result.text += String(cString: content) }
            default:
                break
            }
            child = c.pointee.next
        }
        if result.text.isEmpty && !result.children.isEmpty && result.attributes["type"] == "xhtml" {
            // Atom XHTML content: keep its words.
            if let content = xmlNodeGetContent(node) {
                result.text = String(cString: content)
                free(content)
            }
        }
        return result
    }

    static func interpret(_ root: Element, feed: String) throws(FeedError) -> Feed {
        switch root.name {
        case "rss":
            guard let channel = root.child("channel") else {
                throw FeedError(feed: feed, reason: .notAFeed("<rss> without <channel>"))
            }
            return rss(channel: channel, items: channel.all("item"), feed: feed)
        case "RDF":
            let channel = root.child("channel") ?? Element(name: "channel")
            return rss(channel: channel, items: root.all("item"), feed: feed)
        case "feed":
            return atom(root, feed: feed)
        default:
            throw FeedError(feed: feed, reason: .notAFeed("the root element is <\(root.name)>"))
        }
    }

    static func rss(channel: Element, items: [Element], feed: String) -> Feed {
        let content = "http://purl.org/rss/1.0/modules/content/"
        let dublinCore = "http://purl.org/dc/elements/1.1/"
        var result = Feed(format: .rss, title: channel.value("title"), link: channel.value("link"))
        for item in items {
            let guid = item.value("guid")
            let permalink = item.child("guid")?.attributes["isPermaLink"]?.lowercased() != "false"
            let link = item.value("link") ?? (permalink ? guid.flatMap { isWebURL($0) ? $0 : nil } : nil)
            let url = link.flatMap { resolve($0, base: feed) }
            let title = item.value("title")
            guard let id = guid ?? url ?? title else { continue }
            let date = item.value("pubDate") ?? item.value("date", namespace: dublinCore)
            result.items.append(
                FeedItem(
                    id: id, url: url, title: title, published: date.map { PublicationDate.parse($0) ?? $0 },
                    content: item.value("encoded", namespace: content) ?? item.value("description")))
        }
        return result
    }

    static func atom(_ root: Element, feed: String) -> Feed {
        let base = root.attributes["base"].flatMap { resolve($0, base: feed) } ?? feed
        var result = Feed(
            format: .atom, title: root.value("title"), link: alternateLink(root).flatMap { resolve($0, base: base) })
        for entry in root.all("entry") {
            let entryBase = entry.attributes["base"].flatMap { resolve($0, base: base) } ?? base
            let url = alternateLink(entry).flatMap { resolve($0, base: entryBase) }
            let title = entry.value("title")
            guard let id = entry.value("id") ?? url ?? title else { continue }
            let date = entry.value("published") ?? entry.value("updated")
            result.items.append(
                FeedItem(
                    id: id, url: url, title: title, published: date.map { PublicationDate.parse($0) ?? $0 },
                    content: entry.value("content") ?? entry.value("summary")))
        }
        return result
    }

    /// The `href` of the `<link>` to the page itself: `rel="alternate"` or no `rel`, HTML preferred.
    static func alternateLink(_ element: Element) -> String? {
        let links = element.all("link").filter { ($0.attributes["rel"] ?? "alternate") == "alternate" }
        let html = links.first { ($0.attributes["type"] ?? "text/html").contains("html") }
        return (html ?? links.first)?.attributes["href"].flatMap(nonBlank)
    }

    // MARK: JSON Feed

    struct JSONFeed: Decodable {
        struct Item: Decodable {
            var id: String?
            var url: String?
            var externalURL: String?
            var title: String?
            var contentHTML: String?
            var contentText: String?
            var summary: String?
            var datePublished: String?

            enum CodingKeys: String, CodingKey {
                case id, url, title, summary
                case externalURL = "external_url"
                case contentHTML = "content_html"
                case contentText = "content_text"
                case datePublished = "date_published"
            }

            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                // The spec asks for a string id; numbers are common enough to accept.
                if let number = try? c.decodeIfPresent(Int.self, forKey: .id) {
                    id = String(number)
                } else {
                    id = try c.decodeIfPresent(String.self, forKey: .id)
                }
                url = try c.decodeIfPresent(String.self, forKey: .url)
                externalURL = try c.decodeIfPresent(String.self, forKey: .externalURL)
                title = try c.decodeIfPresent(String.self, forKey: .title)
                contentHTML = try c.decodeIfPresent(String.self, forKey: .contentHTML)
                contentText = try c.decodeIfPresent(String.self, forKey: .contentText)
                summary = try c.decodeIfPresent(String.self, forKey: .summary)
                datePublished = try c.decodeIfPresent(String.self, forKey: .datePublished)
            }
        }

        var version: String
        var title: String?
        var homePageURL: String?
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, items
            case homePageURL = "home_page_url"
        }
    }

    static func parseJSON(_ bytes: ArraySlice<UInt8>, feed: String) throws(FeedError) -> Feed {
        let decoded: JSONFeed
        do {
            decoded = try JSONDecoder().decode(JSONFeed.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw FeedError(feed: feed, reason: .invalidJSON(describe(error)))
        } catch {
            throw FeedError(feed: feed, reason: .invalidJSON("\(error)"))
        }
        guard decoded.version.contains("jsonfeed.org/version/") else {
            throw FeedError(feed: feed, reason: .notAFeed("JSON whose version is \"\(decoded.version)\""))
        }
        var result = Feed(format: .json, title: decoded.title, link: decoded.homePageURL)
        for item in decoded.items {
            let url = (item.url ?? item.externalURL).flatMap(nonBlank).flatMap { resolve($0, base: feed) }
            let title = item.title.flatMap(nonBlank)
            guard let id = item.id.flatMap(nonBlank) ?? url ?? title else { continue }
            result.items.append(
                FeedItem(
                    id: id, url: url, title: title,
                    published: item.datePublished.map { PublicationDate.parse($0) ?? $0 },
                    content: (item.contentHTML ?? item.contentText ?? item.summary).flatMap(nonBlank)))
        }
        return result
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value\(path(context))"
        case .dataCorrupted(let context): return "not valid JSON\(path(context))"
        @unknown default: return "not valid JSON"
        }
    }

    // MARK: Helpers

    static func nonBlank(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// `href` made absolute against `base`; nil for what is no web address.
    static func resolve(_ href: String, base: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if isWebURL(trimmed) { return trimmed }
        guard let url = URL(string: trimmed, relativeTo: URL(string: base)), isWebURL(url.absoluteString) else {
            return nil
        }
        return url.absoluteString
    }
}
