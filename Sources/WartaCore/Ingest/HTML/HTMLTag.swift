internal import CLibXML2

/// What the content extractor needs to know about an element name, looked up once per distinct name.
struct HTMLTag: Sendable, Hashable {
    /// Never text of an article: scripts, forms, navigation, page header and footer, media.
    var isSkipped = false
    /// Starts and ends a line.
    var isBlock = false
    /// `<a>`: text inside counts as link text.
    var isLink = false
    /// May hold an article (a div, section, article, td, ...): collects the scores of its paragraphs.
    var isContainer = false
    /// h1–h6.
    var isHeading = false
    /// A bonus or malus for a container by its name (readability's idea: divs hold articles, lists rarely).
    var bonus: Double = 0

    static let skippedNames: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "nav", "header",
        "footer", "aside", "head", "canvas", "video", "audio", "object", "embed", "input", "textarea", "menu",
        "option", "label", "dialog", "map", "math",
    ]
    static let blockNames: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "figcaption", "figure",
        "article", "section", "main", "br", "tr", "td", "th", "table", "pre", "dd", "dt", "dl", "hr", "address",
        "caption", "summary", "details", "body", "center", "form", "tbody", "thead", "html",
    ]
    static let containerBonus: [String: Double] = [
        "div": 5, "article": 10, "main": 5, "section": 3, "td": 3, "pre": 3, "blockquote": 3, "body": -5, "center": 0,
        "tbody": 0, "table": -1, "form": -3, "dd": 0, "figure": -3, "ul": -3, "ol": -3, "dl": -3, "li": -3, "html": -10,
    ]

    init(name: String) {
        isSkipped = Self.skippedNames.contains(name)
        isBlock = Self.blockNames.contains(name)
        isLink = name == "a"
        isHeading = name.count == 2 && name.hasPrefix("h") && name.last.map { ("1"..."6").contains($0) } == true
        if let bonus = Self.containerBonus[name] {
            isContainer = true
            self.bonus = bonus
        }
    }

    /// Looks tags up by the interned name pointer libxml2 gives every element of a document, so a page of
    /// thousands of elements makes only a few dozen strings.
    struct Cache {
        private var byPointer: [UnsafeRawPointer: HTMLTag] = [:]
        private(set) var names: [UnsafeRawPointer: String] = [:]

        mutating func tag(_ node: xmlNodePtr) -> HTMLTag {
            guard let raw = node.pointee.name else { return HTMLTag(name: "") }
            let key = UnsafeRawPointer(raw)
            if let known = byPointer[key] { return known }
            let name = String(cString: raw).lowercased()
            let tag = HTMLTag(name: name)
            byPointer[key] = tag
            names[key] = name
            return tag
        }

        func name(_ node: xmlNodePtr) -> String {
            guard let raw = node.pointee.name else { return "" }
            return names[UnsafeRawPointer(raw)] ?? String(cString: raw).lowercased()
        }
    }
}
