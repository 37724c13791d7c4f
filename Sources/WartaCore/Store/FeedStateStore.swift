public import Foundation

/// What a crawler remembers between runs: per feed, the validators of its last response; per item, whether
/// its page was ingested, so that a restart fetches nothing twice.
public protocol FeedStateStore: Sendable {
    /// The state of a feed, nil for a feed never fetched.
    func feedState(_ url: String) async throws -> FeedState?
    /// Writes a feed's state (insert or replace).
    func saveFeedState(_ state: FeedState) async throws
    /// The item ids of `feed` that are done (ingested, or failed for good).
    func settledItems(feed: String) async throws -> Set<String>
    /// Whether a page was already ingested, through any feed or `fetch`.
    func isPageSettled(_ url: String) async throws -> Bool
    /// How many times an item's page failed so far (0 for an item never tried).
    func failedAttempts(feed: String, item: String) async throws -> Int
    /// Records what became of an item.
    func recordItem(_ record: FeedItemRecord) async throws
}

/// A feed's crawl state.
public struct FeedState: Sendable, Hashable, Codable {
    public var url: String
    public var title: String?
    /// The `ETag` of the last full response, sent back as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the last full response, sent back as `If-Modified-Since`.
    public var lastModified: String?
    /// When the feed was last asked for, whatever the answer.
    public var lastFetched: Date?
    /// The HTTP status of the last answer (nil when none came: timeout, refused connection).
    public var lastStatus: Int?
    /// The last error, nil after a success.
    public var lastError: String?

    public init(
        url: String, title: String? = nil, etag: String? = nil, lastModified: String? = nil, lastFetched: Date? = nil,
        lastStatus: Int? = nil, lastError: String? = nil
    ) {
        self.url = url
        self.title = title
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetched = lastFetched
        self.lastStatus = lastStatus
        self.lastError = lastError
    }
}

/// What became of one feed item.
public struct FeedItemRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// The page (or the item's own content) is in the store.
        case ingested
        /// It failed and will be tried again in a later round.
        case retry
        /// It failed for good (404, not an article, too many attempts).
        case failed
    }

    /// The feed's URL ("" for a page fetched on its own).
    public var feed: String
    public var item: String
    public var url: String?
    public var status: Status
    /// The stored document's hash, once ingested.
    public var documentHash: String?
    public var error: String?
    public var at: Date

    public init(
        feed: String, item: String, url: String?, status: Status, documentHash: String? = nil, error: String? = nil,
        at: Date = Date()
    ) {
        self.feed = feed
        self.item = item
        self.url = url
        self.status = status
        self.documentHash = documentHash
        self.error = error
        self.at = at
    }

    /// Whether nothing more is to be done for the item.
    public var isSettled: Bool { status != .retry }
}
