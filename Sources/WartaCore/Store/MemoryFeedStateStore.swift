internal import Foundation

/// Feed state kept in memory only: for a crawl that need not survive a restart, and for tests.
public actor MemoryFeedStateStore: FeedStateStore {
    private var feeds: [String: FeedState] = [:]
    private var items: [String: [String: FeedItemRecord]] = [:]
    private var attempts: [String: [String: Int]] = [:]

    public init() {}

    public func feedState(_ url: String) -> FeedState? { feeds[url] }

    public func saveFeedState(_ state: FeedState) { feeds[state.url] = state }

    public func settledItems(feed: String) -> Set<String> {
        Set((items[feed] ?? [:]).values.filter(\.isSettled).map(\.item))
    }

    public func isPageSettled(_ url: String) -> Bool {
        items.values.contains { $0.values.contains { $0.url == url && $0.status == .ingested } }
    }

    public func failedAttempts(feed: String, item: String) -> Int { attempts[feed]?[item] ?? 0 }

    public func recordItem(_ record: FeedItemRecord) {
        items[record.feed, default: [:]][record.item] = record
        if record.status != .ingested { attempts[record.feed, default: [:]][record.item, default: 0] += 1 }
    }
}
