/// A news feed as read from RSS 2.0 (or RSS 1.0), Atom or JSON Feed: its title and its items, newest first as
/// the publisher lists them.
public struct Feed: Sendable, Hashable, Codable {
    /// The syntax the feed was written in.
    public enum Format: String, Sendable, Hashable, Codable {
        case rss
        case atom
        case json = "json-feed"
    }

    public var format: Format
    public var title: String?
    /// The site the feed belongs to.
    public var link: String?
    public var items: [FeedItem]

    public init(format: Format, title: String? = nil, link: String? = nil, items: [FeedItem] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.items = items
    }
}

/// One entry of a feed: the article it points to, and what the feed says about it.
public struct FeedItem: Sendable, Hashable, Codable {
    /// What identifies the item across fetches: the RSS `guid`, the Atom or JSON Feed `id`, else the link,
    /// else the title.
    public var id: String
    /// The article's page (absolute).
    public var url: String?
    public var title: String?
    /// The publication date as ISO 8601 when it can be read, else as the feed wrote it.
    public var published: String?
    /// The article (or its summary) as the feed carries it, HTML or plain text.
    public var content: String?

    public init(id: String, url: String? = nil, title: String? = nil, published: String? = nil, content: String? = nil)
    {
        self.id = id
        self.url = url
        self.title = title
        self.published = published
        self.content = content
    }
}

/// A feed that cannot be read, with the reason: one line, `FEED: REASON`.
public struct FeedError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The XML is not well-formed (libxml2's message and the line).
        case malformedXML(line: Int, String)
        /// The JSON is not valid, or not a JSON Feed.
        case invalidJSON(String)
        /// Well-formed, but neither RSS, Atom nor JSON Feed (the root element or what was found).
        case notAFeed(String)
        case empty
    }

    /// The feed's URL (or file).
    public var feed: String
    public var reason: Reason

    public init(feed: String, reason: Reason) {
        self.feed = feed
        self.reason = reason
    }

    /// A short machine-readable code for the reason.
    public var code: String {
        switch reason {
        case .malformedXML: "malformed-xml"
        case .invalidJSON: "invalid-json"
        case .notAFeed: "not-a-feed"
        case .empty: "empty"
        }
    }

    public var description: String {
        let why: String =
            switch reason {
            case .malformedXML(let line, let message): "malformed XML at line \(line): \(message)"
            case .invalidJSON(let message): "invalid JSON Feed: \(message)"
            case .notAFeed(let what): "not a feed (RSS, Atom or JSON Feed): \(what)"
            case .empty: "empty feed document"
            }
        return "\(feed): \(why)"
    }
}
