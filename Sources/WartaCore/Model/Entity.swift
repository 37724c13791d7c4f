/// A person, organisation or place found in a document, with every mention of it.
public struct Entity: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// `PER`, `ORG`, `LOC` (or `GPE`).
    public var type: String
    public var aliases: [String]
    public var titles: [String]
    public var country: String?
    /// The knowledge-base entry this entity is linked to (`person:kim-jong-un`, `country:PRK`, `org:kcna`,
    /// `place:Pyongyang`), if any: the entry's facts are its evidence.
    public var link: String?
    public var mentions: [Mention]

    public init(
        id: String, name: String, type: String, aliases: [String] = [], titles: [String] = [], country: String? = nil,
        link: String? = nil, mentions: [Mention] = []
    ) {
        self.link = link
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.titles = titles
        self.country = country
        self.mentions = mentions
    }

    /// Where an entity is named in ``Document/text``.
    public struct Mention: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
        public var text: String

        public init(start: Int, end: Int, text: String) {
            self.start = start
            self.end = end
            self.text = text
        }
    }
}
