internal import CLibXML2
internal import Foundation

/// Turns an HTML page into lines of text and the metadata its head declares, with libxml2's forgiving
/// HTML parser.
///
/// Block elements become lines; scripts, styles, forms, navigation, headers, footers and asides are
/// skipped; the lines then go through the same ``Cleaner`` as scraped text. Metadata comes from
/// `<title>`, OpenGraph and `article:` meta tags, `<meta name="author">`, `<link rel="canonical">`,
/// `<time datetime>` and JSON-LD (`headline`, `datePublished`, `author`).
public enum HTMLReader {
    public struct Page: Sendable {
        public var lines: [String] = []
        public var title: String?
        public var author: String?
        public var published: String?
        public var url: String?
        public var siteName: String?
        public var language: String?
        /// The page's elements nest deeper than ``maxNesting``: it was not read (no lines, no metadata).
        public var tooDeeplyNested = false
    }

    /// The deepest nesting of elements read; deeper pages are refused. No page needs it, and libxml2 stops
    /// building the tree at 256 levels (its `xmlParserMaxDepth`) anyway, which would silently drop the rest
    /// of the page.
    public static let maxNesting = 250

    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "nav", "header",
        "footer", "aside", "head", "canvas", "video", "audio", "object", "embed", "input", "textarea", "menu",
    ]
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "figcaption", "figure",
        "article", "section", "main", "br", "tr", "table", "pre", "dd", "dt", "dl", "hr", "address",
        "caption", "summary", "details", "body",
    ]

    /// Parses `html` (any quality of markup) and keeps the lines of its main content.
    ///
    /// The content is the best-scoring container and its good siblings (``ContentScorer``), or the
    /// JSON-LD `articleBody` when the page declares one that is not much shorter. A page where no paragraph
    /// is found gives all its visible lines.
    public static func read(_ html: String) -> Page {
        var page = Page()
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty, let document = parse(&bytes) else { return page }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return page }
        if nestingExceeds(root, maxNesting) {
            page.tooDeeplyNested = true
            return page
        }
        var articleBody: String?
        readHead(root, into: &page, articleBody: &articleBody)
        let scorer = ContentScorer(root: root)
        var current = ""
        if scorer.chosen.isEmpty {
            walk(root, scorer: nil, limit: 0, lines: &page.lines, current: &current)
        } else {
            for i in scorer.chosen {
                let node = scorer.nodes[i]
                flush(&current, into: &page.lines)
                walk(node, scorer: scorer, limit: Double(scorer.text[i]) * 0.5, lines: &page.lines, current: &current)
            }
        }
        flush(&current, into: &page.lines)
        if let articleBody {
            let bodyLines = linesOf(articleBody)
            let bodyLength = bodyLines.reduce(0) { $0 + $1.utf8.count }
            let pageLength = page.lines.reduce(0) { $0 + $1.utf8.count }
            if bodyLength >= 200, Double(bodyLength) >= Double(pageLength) * 0.8 { page.lines = bodyLines }
        }
        return page
    }

    private static func parse(_ bytes: inout [UInt8]) -> htmlDocPtr? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
    }

    /// The paragraphs of a JSON-LD `articleBody`: plain text split at line breaks, or HTML read as HTML.
    static func linesOf(_ body: String) -> [String] {
        if body.contains("</") || body.contains("<br") || body.contains("<p") {
            var bytes = Array(body.utf8)
            guard let document = parse(&bytes) else { return [] }
            defer { xmlFreeDoc(document) }
            guard let root = xmlDocGetRootElement(document), !nestingExceeds(root, maxNesting) else { return [] }
            var lines = [String]()
            var current = ""
            walk(root, scorer: nil, limit: 0, lines: &lines, current: &current)
            flush(&current, into: &lines)
            return lines
        }
        return body.split(whereSeparator: \.isNewline).map { LineText.collapse(String($0)) }.filter { !$0.isEmpty }
    }

    /// Whether elements under `root` nest more than `limit` deep, found without recursion.
    static func nestingExceeds(_ root: xmlNodePtr, _ limit: Int) -> Bool {
        var node = root
        var depth = 0
        while true {
            if node.pointee.type == XML_ELEMENT_NODE, let first = node.pointee.children {
                depth += 1
                if depth > limit { return true }
                node = first
                continue
            }
            // The next sibling of the node or of its nearest ancestor that has one, short of `root`.
            while node != root, node.pointee.next == nil, let parent = node.pointee.parent {
                node = parent
                depth -= 1
            }
            guard node != root, let next = node.pointee.next else { return false }
            node = next
        }
    }

    private static func name(_ node: xmlNodePtr) -> String {
        guard let raw = node.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    private static func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        guard let value = xmlGetProp(node, key) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    private static func content(_ node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { free(value) }
        return String(cString: value)
    }

    private static func flush(_ current: inout String, into lines: inout [String]) {
        let line = LineText.collapse(current)
        if !line.isEmpty { lines.append(line) }
        current = ""
    }

    /// Writes the lines of `node`'s content. With a scorer, furniture inside the content (share bars,
    /// related links, lists of links) is left out unless it holds more than `limit` bytes of text.
    private static func walk(_ node: xmlNodePtr, scorer: ContentScorer?, limit: Double, lines: inout [String], current: inout String) {
        var child = node.pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let text = c.pointee.content { current += String(cString: text) }
            case XML_ELEMENT_NODE:
                let tag: String
                if let scorer {
                    guard let i = ContentScorer.index(of: c) else { continue }
                    let size = Double(scorer.text[i])
                    if size == 0 && scorer.nodes[i].pointee.children != nil { continue }
                    if scorer.hint[i] < 0 && size < limit { continue }
                    if scorer.tags[i].isBlock && scorer.linkDensity(i) > 0.5 && size < limit { continue }
                    tag = scorer.cache.name(c)
                } else {
                    tag = name(c)
                    if skipped.contains(tag) { continue }
                    let classes = ((attribute(c, "class") ?? "") + " " + (attribute(c, "id") ?? "")).lowercased()
                    if isChrome(classes) { continue }
                }
                let block = blocks.contains(tag)
                // Table cells: one line a row, the cells apart by a space.
                let cell = tag == "td" || tag == "th"
                if block { flush(&current, into: &lines) }
                if cell { current += " " }
                walk(c, scorer: scorer, limit: limit, lines: &lines, current: &current)
                if block { flush(&current, into: &lines) }
                if cell { current += " " }
            default:
                continue
            }
        }
    }

    /// Class and id words of page furniture.
    static func isChrome(_ classes: String) -> Bool {
        guard !classes.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        for word in ["share", "social", "related", "comment", "newsletter", "subscribe", "advert", "sidebar",
            "breadcrumb", "cookie", "popup", "modal", "navbar", "menu", "footer", "header", "promo", "sponsor",
            "widget", "recommend", "trending", "banner"]
        where classes.contains(word) {
            return true
        }
        return false
    }

    /// The name of an element that carries metadata ("html", "title", "meta", "link", "time", "script"), or "" for
    /// any other, without making a string for every element of the page.
    private static func headTag(_ node: xmlNodePtr) -> String {
        guard let raw = node.pointee.name else { return "" }
        switch raw.pointee | 0x20 {
        case UInt8(ascii: "h"): return xmlStrcasecmp(raw, "html") == 0 ? "html" : ""
        case UInt8(ascii: "t"):
            if xmlStrcasecmp(raw, "title") == 0 { return "title" }
            return xmlStrcasecmp(raw, "time") == 0 ? "time" : ""
        case UInt8(ascii: "m"): return xmlStrcasecmp(raw, "meta") == 0 ? "meta" : ""
        case UInt8(ascii: "l"): return xmlStrcasecmp(raw, "link") == 0 ? "link" : ""
        case UInt8(ascii: "s"): return xmlStrcasecmp(raw, "script") == 0 ? "script" : ""
        default: return ""
        }
    }

    private static func readHead(_ root: xmlNodePtr, into page: inout Page, articleBody: inout String?) {
        var stack: [xmlNodePtr] = [root]
        var ldJSON = [String]()
        while let node = stack.popLast() {
            var child = node.pointee.children
            while let c = child {
                child = c.pointee.next
                guard c.pointee.type == XML_ELEMENT_NODE else { continue }
                switch headTag(c) {
                case "html":
                    page.language = attribute(c, "lang").map { String($0.prefix(2)).lowercased() }
                    stack.append(c)
                case "title":
                    if page.title == nil { page.title = LineText.collapse(content(c)) }
                case "meta":
                    let key = (attribute(c, "property") ?? attribute(c, "name") ?? attribute(c, "itemprop") ?? "").lowercased()
                    guard let value = attribute(c, "content").map({ LineText.collapse($0) }), !value.isEmpty else { break }
                    switch key {
                    case "og:title", "twitter:title": page.title = value
                    case "author", "article:author", "dc.creator", "parsely-author", "sailthru.author": page.author = page.author ?? value
                    case "article:published_time", "datepublished", "pubdate", "publishdate", "dc.date", "date", "parsely-pub-date":
                        page.published = page.published ?? value
                    case "og:url": page.url = value
                    case "og:site_name": page.siteName = value
                    default: break
                    }
                case "link":
                    if attribute(c, "rel")?.lowercased() == "canonical", page.url == nil { page.url = attribute(c, "href") }
                case "time":
                    if page.published == nil, let value = attribute(c, "datetime") { page.published = value }
                    stack.append(c)
                case "script":
                    if attribute(c, "type")?.lowercased() == "application/ld+json" { ldJSON.append(content(c)) }
                default:
                    stack.append(c)
                }
            }
        }
        for json in ldJSON { readLinkedData(json, into: &page, articleBody: &articleBody) }
    }

    private static func readLinkedData(_ json: String, into page: inout Page, articleBody: inout String?) {
        guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) else { return }
        var queue: [Any] = [object]
        while let item = queue.popLast() {
            if let list = item as? [Any] {
                queue.append(contentsOf: list)
                continue
            }
            guard let dict = item as? [String: Any] else { continue }
            if let graph = dict["@graph"] { queue.append(graph) }
            if let body = dict["articleBody"] as? String, body.utf8.count > (articleBody?.utf8.count ?? 0) {
                articleBody = body
            }
            if let headline = dict["headline"] as? String, page.title == nil { page.title = headline }
            if let date = dict["datePublished"] as? String { page.published = page.published ?? date }
            if page.author == nil {
                if let author = dict["author"] as? [String: Any], let name = author["name"] as? String { page.author = name }
                if let authors = dict["author"] as? [[String: Any]], let name = authors.first?["name"] as? String { page.author = name }
                if let name = dict["author"] as? String { page.author = name }
            }
        }
    }
}
