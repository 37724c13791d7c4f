/// Where analysed documents are kept: SQLite by default (WartaSQLite), PostgreSQL for teams.
///
/// Every write is idempotent: adding a document that is already stored, from the same source, changes
/// nothing; from a new source, it records the source only.
public protocol DocumentStore: Sendable {
    /// Stores a document and its source, with the raw input it was read from, in one transaction.
    func add(_ document: Document, raw: String) async throws -> StoreOutcome
    /// Stores several documents in order, each all or nothing, in as few transactions as the store can;
    /// the outcomes are in the same order.
    func add(batch: [(document: Document, raw: String)]) async throws -> [StoreOutcome]
    /// Full-text search over titles and bodies, best first.
    func search(_ query: String, limit: Int) async throws -> [SearchHit]
    /// A document by its id (file name or JSONL id), or by its hash or a prefix of it.
    func document(_ key: String) async throws -> Document?
    /// How much the store holds.
    func stats() async throws -> StoreStats
    /// Stored documents in the order they were added, `limit` of them from `offset` on.
    func documents(offset: Int, limit: Int) async throws -> [DocumentSummary]
}

extension DocumentStore {
    /// A store that cannot list its documents says so.
    public func documents(offset: Int, limit: Int) async throws -> [DocumentSummary] {
        throw StoreError(message: "this store cannot list its documents")
    }
}

/// A failure of a store, in words a user can act on.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}

/// What a list of documents shows of each.
public struct DocumentSummary: Sendable, Hashable, Codable {
    /// The id of its first source (file name or JSONL id).
    public var id: String
    public var hash: String
    public var title: String?
    public var author: String?
    public var published: String?
    public var language: String
    public var url: String?
    public var publisher: String?
    /// How many sources (files, feeds) gave this document.
    public var sources: Int

    public init(
        id: String, hash: String, title: String?, author: String?, published: String?, language: String, url: String?,
        publisher: String?, sources: Int
    ) {
        self.id = id
        self.hash = hash
        self.title = title
        self.author = author
        self.published = published
        self.language = language
        self.url = url
        self.publisher = publisher
        self.sources = sources
    }
}

extension DocumentStore {
    public func add(batch: [(document: Document, raw: String)]) async throws -> [StoreOutcome] {
        var outcomes = [StoreOutcome]()
        outcomes.reserveCapacity(batch.count)
        for item in batch { outcomes.append(try await add(item.document, raw: item.raw)) }
        return outcomes
    }
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

/// The store's view of events and entities: mentions written with each document, merged events rebuilt from
/// all of them.
public protocol EventStore: DocumentStore {
    /// Every document's event mentions, ready for merging.
    func eventInputs() async throws -> [EventMerger.Input]
    /// Replaces the merged events with `events` in one transaction.
    func replaceEvents(_ events: [EventMerger.Merged]) async throws
    /// The merged events, in date order.
    func events() async throws -> [EventMerger.Merged]
    /// Canonical entities across all documents, most mentioned first.
    func entities(type: String?) async throws -> [EntitySummary]
    /// Merges every stored event mention again and stores the result; returns how many events there are.
    ///
    /// A store shared by several processes does this in one transaction, serialised with the other
    /// rebuilds, so that the last rebuild to finish has seen every committed document.
    @discardableResult
    func rebuildEvents() async throws -> Int
}

extension EventStore {
    /// Merges every stored event mention again and stores the result; returns how many events there are.
    ///
    /// Merging is order-independent, so this gives the same events however the documents arrived. This
    /// default reads and writes in two steps: fine for one process at a time.
    @discardableResult
    public func rebuildEvents() async throws -> Int {
        let merged = EventMerger().merge(try await eventInputs())
        try await replaceEvents(merged)
        return merged.count
    }
}

/// One canonical entity of the store.
public struct EntitySummary: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    public var type: String
    public var link: String?
    public var country: String?
    public var aliases: [String]
    public var mentions: Int
    public var documents: Int

    public init(
        key: String, name: String, type: String, link: String?, country: String?, aliases: [String], mentions: Int,
        documents: Int
    ) {
        self.key = key
        self.name = name
        self.type = type
        self.link = link
        self.country = country
        self.aliases = aliases
        self.mentions = mentions
        self.documents = documents
    }
}
