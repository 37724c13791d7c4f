/// Where analysed documents are kept: SQLite by default (WartaSQLite), PostgreSQL for teams.
///
/// Every write is idempotent: adding a document that is already stored, from the same source, changes
/// nothing; from a new source, it records the source only.
public protocol DocumentStore: Sendable {
    /// Stores a document and its source, with the raw input it was read from, in one transaction.
    func add(_ document: Document, raw: String) async throws -> StoreOutcome
    /// Full-text search over titles and bodies, best first.
    func search(_ query: String, limit: Int) async throws -> [SearchHit]
    /// A document by its id (file name or JSONL id), or by its hash or a prefix of it.
    func document(_ key: String) async throws -> Document?
    /// How much the store holds.
    func stats() async throws -> StoreStats
}

/// What adding a document did.
public enum StoreOutcome: String, Sendable, Hashable, Codable {
    /// A new document.
    case added
    /// A document already stored, now with one more source.
    case newSource = "new-source"
    /// Nothing new.
    case known
}

/// One search result.
public struct SearchHit: Sendable, Hashable, Codable {
    public var id: String
    public var title: String?
    /// A piece of the body around the match, the matched words in `[` `]`.
    public var snippet: String
    /// Relevance, higher is better.
    public var score: Double

    public init(id: String, title: String?, snippet: String, score: Double) {
        self.id = id
        self.title = title
        self.snippet = snippet
        self.score = score
    }
}

/// Counts of what a store holds.
public struct StoreStats: Sendable, Hashable, Codable {
    public var documents: Int
    public var sources: Int
    public var entities: Int
    public var events: Int

    public init(documents: Int, sources: Int, entities: Int, events: Int) {
        self.documents = documents
        self.sources = sources
        self.entities = entities
        self.events = events
    }
}
