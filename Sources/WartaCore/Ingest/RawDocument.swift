/// An article as read from its input, before any analysis.
public struct RawDocument: Sendable, Hashable {
    /// What the body is.
    public enum Format: String, Sendable, Hashable, Codable {
        case text
        case html
    }

    /// The JSONL `id`, else the file name.
    public var id: String
    /// The file (with `:LINE` for a JSON Lines record).
    public var path: String?
    public var url: String?
    public var title: String?
    public var published: String?
    public var language: String?
    public var format: Format
    /// The body as decoded text (not yet normalised or cleaned): plain text or HTML.
    public var body: String

    public init(
        id: String, path: String? = nil, url: String? = nil, title: String? = nil, published: String? = nil,
        language: String? = nil, format: Format, body: String
    ) {
        self.id = id
        self.path = path
        self.url = url
        self.title = title
        self.published = published
        self.language = language
        self.format = format
        self.body = body
    }
}
