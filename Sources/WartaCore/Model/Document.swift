/// One article, analysed: clean text, metadata, and what later stages found in it.
///
/// Encodes to the JSON of FORMATS.md §2 (`warta extract`). Offsets (`start`, `end`) count Unicode scalars
/// in ``text``.
public struct Document: Sendable, Hashable, Codable {
    /// The JSONL `id`, else the file name.
    public var id: String
    /// SHA-256 (hex) of the normalised title and body: the store's key.
    public var hash: String
    public var source: Source
    /// `id` or `en`.
    public var language: String
    public var title: String?
    public var author: String?
    /// ISO 8601 with zone where the page gives one (`2023-09-17T18:44:00+07:00`), without it otherwise.
    public var published: String?
    /// The place a dateline names ("Moskow" for "MOSKOW - ..."); the dateline itself stays in ``text``.
    public var dateline: String?
    /// The cleaned body, paragraphs separated by `\n`; photo captions are paragraphs of their own.
    public var text: String
    public var captions: [Caption]
    public var entities: [Entity]
    public var times: [TimeMention]
    public var events: [EventMention]
    /// Every line that cleaning took out of the body, with the reason (`warta extract --explain`);
    /// `nil` leaves it out of the JSON.
    public var removed: [RemovedLine]?

    public init(
        id: String, hash: String, source: Source, language: String, title: String? = nil, author: String? = nil,
        published: String? = nil, dateline: String? = nil, text: String, captions: [Caption] = [],
        entities: [Entity] = [], times: [TimeMention] = [], events: [EventMention] = [], removed: [RemovedLine]? = nil
    ) {
        self.id = id
        self.hash = hash
        self.source = source
        self.language = language
        self.title = title
        self.author = author
        self.published = published
        self.dateline = dateline
        self.text = text
        self.captions = captions
        self.entities = entities
        self.times = times
        self.events = events
        self.removed = removed
    }

    /// Where a document came from.
    public struct Source: Sendable, Hashable, Codable {
        /// The file it was read from (with `:LINE` for a JSON Lines record), if any.
        public var path: String?
        public var url: String?
        /// The publisher's host name or name ("okezone.com", "KOMPAS.com").
        public var publisher: String?

        public init(path: String? = nil, url: String? = nil, publisher: String? = nil) {
            self.path = path
            self.url = url
            self.publisher = publisher
        }
    }

    /// A photo caption kept in the text.
    public struct Caption: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
        /// Who took or supplied the photo ("KCNA via Reuters").
        public var credit: String?

        public init(start: Int, end: Int, credit: String?) {
            self.start = start
            self.end = end
            self.credit = credit
        }
    }

    /// A line that cleaning removed from the body.
    public struct RemovedLine: Sendable, Hashable, Codable {
        /// 1-based line number in the input text.
        public var line: Int
        public var text: String
        /// The rule that removed it (`ad`, `share`, `read-also`, `byline`, ...).
        public var reason: String
        /// What was kept of it as metadata, if anything ("author: Rahman Asmardika").
        public var kept: String?

        public init(line: Int, text: String, reason: String, kept: String? = nil) {
            self.line = line
            self.text = text
            self.reason = reason
            self.kept = kept
        }
    }
}
