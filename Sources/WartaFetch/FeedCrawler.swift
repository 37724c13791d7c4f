internal import Foundation
internal import ServiceLifecycle
public import WartaCore

/// Polls feeds, fetches the pages of their new items, analyses them and stores them, remembering what it did
/// so that nothing is fetched twice, even across restarts.
///
/// A feed or a page that fails is reported and the crawl goes on; only the store's own errors stop it. A
/// feed's validators (ETag, Last-Modified) are kept only once every new item of it is settled, so an item
/// whose page failed for a passing reason is tried again in the next round (up to ``maxAttempts`` times).
///
/// ```swift
/// let crawler = FeedCrawler(fetcher: Fetcher(), store: store)
/// let summary = try await crawler.round(["https://example.invalid/rss.xml"]) { event in print(event) }
/// ```
public struct FeedCrawler: Sendable {
    public var fetcher: Fetcher
    public var store: any EventStore & FeedStateStore
    public var analyzer: DocumentAnalyzer
    /// How many rounds an item's page may fail before it is given up.
    public var maxAttempts: Int

    public init(
        fetcher: Fetcher, store: any EventStore & FeedStateStore, analyzer: DocumentAnalyzer = DocumentAnalyzer(),
        maxAttempts: Int = 3
    ) {
        self.fetcher = fetcher
        self.store = store
        self.analyzer = analyzer
        self.maxAttempts = maxAttempts
    }

    /// Something that happened, for progress and error reporting.
    public enum Event: Sendable {
        /// A feed is about to be fetched (its index from 0, and how many there are in the round).
        case feedStarted(String, index: Int, count: Int)
        /// The feed answered 304 Not Modified.
        case feedUnchanged(String)
        /// The feed was read; `newItems` of its items were not seen before.
        case feedRead(String, Feed, newItems: Int)
        /// The feed could not be fetched or read: one line, naming the feed.
        case feedFailed(String, message: String)
        /// A page (or an item's own content) was stored.
        case stored(Document, StoreOutcome)
        /// An item's page was already stored through another feed or fetch.
        case alreadyFetched(String)
        /// An item's page could not be fetched or analysed: one line, naming the page.
        case itemFailed(String, message: String, willRetry: Bool)
    }

    /// What a round did.
    public struct Summary: Sendable, Hashable, Codable {
        public var feeds = 0
        public var unchanged = 0
        public var failedFeeds = 0
        public var newItems = 0
        public var added = 0
        public var known = 0
        public var failedItems = 0
        public var events = 0

        public init() {}

        public static func += (lhs: inout Summary, rhs: Summary) {
            lhs.feeds += rhs.feeds
            lhs.unchanged += rhs.unchanged
            lhs.failedFeeds += rhs.failedFeeds
            lhs.newItems += rhs.newItems
            lhs.added += rhs.added
            lhs.known += rhs.known
            lhs.failedItems += rhs.failedItems
        }

        /// One line for the terminal or a log.
        public var line: String {
            "\(feeds) feeds (\(unchanged) unchanged, \(failedFeeds) failed), \(newItems) new items: \(added) added, "
                + "\(known) already known, \(failedItems) failed"
        }
    }

    /// Whether the crawl should stop at the next item: cancelled, or asked to shut down (SIGINT, SIGTERM).
    static var shouldStop: Bool { Task.isCancelled || Task.isShuttingDownGracefully }

    /// Polls every feed once, then merges events again if anything was added.
    public func round(_ feeds: [String], report: @Sendable (Event) -> Void) async throws -> Summary {
        var summary = Summary()
        for (index, feed) in feeds.enumerated() {
            if Self.shouldStop { break }
            report(.feedStarted(feed, index: index, count: feeds.count))
            summary += try await poll(feed, report: report)
        }
        if summary.added > 0 { summary.events = try await store.rebuildEvents() }
        return summary
    }

    /// Fetches URLs given by hand: a feed is read as a feed (its new items fetched), anything else is stored
    /// as a page. Events are merged again at the end if anything was added.
    public func fetch(_ urls: [String], report: @Sendable (Event) -> Void) async throws -> Summary {
        var summary = Summary()
        for (index, url) in urls.enumerated() {
            if Self.shouldStop { break }
            report(.feedStarted(url, index: index, count: urls.count))
            if try await store.feedState(url) != nil {
                summary += try await poll(url, report: report)
                continue
            }
            let response: Fetcher.Response
            do {
                response = try await fetcher.get(url)
            } catch let error as FetchError {
                report(.itemFailed(url, message: error.description, willRetry: false))
                summary.failedItems += 1
                continue
            }
            if FeedParser.looksLikeFeed(response.body, contentType: response.contentType) {
                summary += try await read(url, response: response, state: FeedState(url: url), report: report)
            } else {
                summary.newItems += 1
                summary += try await ingest(
                    FeedItem(id: url, url: url), feed: "", attempts: 0, response: response, report: report)
            }
        }
        if summary.added > 0 { summary.events = try await store.rebuildEvents() }
        return summary
    }

    /// Fetches one feed (conditionally, with the validators of the last time) and its new items.
    public func poll(_ feed: String, report: @Sendable (Event) -> Void) async throws -> Summary {
        var summary = Summary()
        summary.feeds = 1
        var state = try await store.feedState(feed) ?? FeedState(url: feed)
        state.lastFetched = Date()
        let response: Fetcher.Response
        do {
            response = try await fetcher.get(feed, etag: state.etag, lastModified: state.lastModified)
        } catch let error as FetchError {
            state.lastStatus = error.status
            state.lastError = error.description
            try await store.saveFeedState(state)
            report(.feedFailed(feed, message: error.description))
            summary.failedFeeds = 1
            return summary
        }
        if response.isNotModified {
            state.lastStatus = 304
            state.lastError = nil
            try await store.saveFeedState(state)
            report(.feedUnchanged(feed))
            summary.unchanged = 1
            return summary
        }
        return try await read(feed, response: response, state: state, report: report)
    }

    /// Reads a feed's response, ingests its new items and saves its state.
    private func read(
        _ url: String, response: Fetcher.Response, state: FeedState, report: @Sendable (Event) -> Void
    ) async throws -> Summary {
        var summary = Summary()
        summary.feeds = 1
        var state = state
        state.lastFetched = Date()
        state.lastStatus = response.status
        let feed: Feed
        do {
            feed = try FeedParser.parse(response.body, feed: url)
        } catch {
            // Keep the old validators: the next round asks for the whole feed again.
            state.lastError = error.description
            try await store.saveFeedState(state)
            report(.feedFailed(url, message: error.description))
            summary.failedFeeds = 1
            return summary
        }
        let settled = try await store.settledItems(feed: url)
        let fresh = feed.items.filter { !settled.contains($0.id) }
        report(.feedRead(url, feed, newItems: fresh.count))
        summary.newItems = fresh.count
        var complete = true
        for item in fresh {
            if Self.shouldStop {
                complete = false
                break
            }
            let attempts = try await store.failedAttempts(feed: url, item: item.id)
            let itemSummary = try await process(item, feed: url, attempts: attempts, report: report)
            if itemSummary.failedItems > 0, attempts + 1 < maxAttempts { complete = false }
            summary += itemSummary
        }
        state.title = feed.title ?? state.title
        state.lastError = nil
        if complete {
            state.etag = response.etag
            state.lastModified = response.lastModified
        }
        try await store.saveFeedState(state)
        return summary
    }

    /// One new item: its page fetched and stored, or its own content when it has no link.
    private func process(
        _ item: FeedItem, feed: String, attempts: Int, report: @Sendable (Event) -> Void
    ) async throws -> Summary {
        var summary = Summary()
        guard let url = item.url else {
            guard let content = item.content else {
                try await store.recordItem(
                    FeedItemRecord(
                        feed: feed, item: item.id, url: nil, status: .failed, error: "no link and no content"))
                report(
                    .itemFailed(
                        "\(feed) item \(item.id)", message: "\(feed) item \(item.id): no link and no content",
                        willRetry: false))
                summary.failedItems = 1
                return summary
            }
            let raw = RawDocument(
                id: item.id, path: nil, url: nil, title: item.title, published: item.published,
                format: .html, body: content)
            return try await save(raw, item: item, feed: feed, attempts: attempts, report: report)
        }
        if try await store.isPageSettled(url) {
            try await store.recordItem(FeedItemRecord(feed: feed, item: item.id, url: url, status: .ingested))
            report(.alreadyFetched(url))
            summary.known = 1
            return summary
        }
        let response: Fetcher.Response
        do {
            response = try await fetcher.get(url)
        } catch let error as FetchError {
            return try await failed(item, feed: feed, url: url, error: error, attempts: attempts, report: report)
        }
        return try await ingest(item, feed: feed, attempts: attempts, response: response, report: report)
    }

    /// A fetched page: decoded, analysed and stored.
    private func ingest(
        _ item: FeedItem, feed: String, attempts: Int, response: Fetcher.Response, report: @Sendable (Event) -> Void
    ) async throws -> Summary {
        let url = item.url ?? response.url
        let type = (response.contentType ?? "").lowercased()
        if !type.isEmpty, !type.hasPrefix("text/"), !type.contains("html"), !type.contains("xml") {
            let error = InputError(document: url, reason: .unsupported("content type \(type)"))
            return try await failed(item, feed: feed, url: url, error: error, attempts: attempts, report: report)
        }
        let text: String
        do {
            (text, _) = try TextDecoder.decode(response.body, document: url)
        } catch {
            return try await failed(item, feed: feed, url: url, error: error, attempts: attempts, report: report)
        }
        let raw = RawDocument(
            id: response.finalURL, path: nil, url: response.finalURL, title: item.title, published: item.published,
            format: type.hasPrefix("text/plain") ? .text : .html, body: text)
        return try await save(raw, item: item, feed: feed, attempts: attempts, report: report)
    }

    private func save(
        _ raw: RawDocument, item: FeedItem, feed: String, attempts: Int, report: @Sendable (Event) -> Void
    ) async throws -> Summary {
        var summary = Summary()
        let document: Document
        do {
            document = try analyzer.analyze(raw)
        } catch {
            return try await failed(
                item, feed: feed, url: item.url ?? raw.id, error: error, attempts: attempts, report: report)
        }
        let outcome = try await store.add(document, raw: raw.body)
        try await store.recordItem(
            FeedItemRecord(feed: feed, item: item.id, url: item.url, status: .ingested, documentHash: document.hash))
        if outcome == .added { summary.added = 1 } else { summary.known = 1 }
        report(.stored(document, outcome))
        return summary
    }

    private func failed(
        _ item: FeedItem, feed: String, url: String, error: any Error, attempts: Int, report: @Sendable (Event) -> Void
    ) async throws -> Summary {
        var summary = Summary()
        summary.failedItems = 1
        let transient = (error as? FetchError)?.isTransient ?? false
        let retry = transient && attempts + 1 < maxAttempts && !feed.isEmpty
        let message = "\(error)" + (retry ? "; will try again next round" : "")
        try await store.recordItem(
            FeedItemRecord(feed: feed, item: item.id, url: url, status: retry ? .retry : .failed, error: "\(error)"))
        report(.itemFailed(url, message: message, willRetry: retry))
        return summary
    }
}
