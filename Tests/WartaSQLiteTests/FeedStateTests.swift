import Foundation
import Testing
import WartaCore
import WartaSQLite

/// Feed crawl state, the same behaviour from SQLite (in memory and on disk across a reopen) and from memory.
@Suite struct FeedStateTests {
    static func exercise(_ store: any FeedStateStore) async throws {
        let feed = "https://news.example.invalid/rss.xml"
        #expect(try await store.feedState(feed) == nil)
        let fetched = Date(timeIntervalSince1970: 1_795_000_000)
        let state = FeedState(
            url: feed, title: "Kabar", etag: "\"abc\"", lastModified: "Mon, 30 Nov 2026 08:00:00 GMT",
            lastFetched: fetched, lastStatus: 200)
        try await store.saveFeedState(state)
        #expect(try await store.feedState(feed) == state)
        var failed = state
        failed.lastStatus = 500
        failed.lastError = "\(feed): HTTP 500 Internal Server Error"
        try await store.saveFeedState(failed)
        #expect(try await store.feedState(feed) == failed)

        let page = "https://news.example.invalid/a.html"
        try await store.recordItem(FeedItemRecord(feed: feed, item: "a", url: page, status: .retry, error: "timeout"))
        #expect(try await store.settledItems(feed: feed).isEmpty)
        #expect(try await store.failedAttempts(feed: feed, item: "a") == 1)
        #expect(try await !store.isPageSettled(page))
        try await store.recordItem(FeedItemRecord(feed: feed, item: "a", url: page, status: .retry, error: "timeout"))
        #expect(try await store.failedAttempts(feed: feed, item: "a") == 2)
        try await store.recordItem(
            FeedItemRecord(feed: feed, item: "a", url: page, status: .ingested, documentHash: "h"))
        try await store.recordItem(FeedItemRecord(feed: feed, item: "b", url: nil, status: .failed, error: "404"))
        #expect(try await store.settledItems(feed: feed) == ["a", "b"])
        #expect(try await store.isPageSettled(page))
        #expect(try await store.settledItems(feed: "https://other.example.invalid/feed") == [])
    }

    @Test func sqliteInMemory() async throws {
        try await Self.exercise(try SQLiteStore())
    }

    @Test func memory() async throws {
        try await Self.exercise(MemoryFeedStateStore())
    }

    @Test func sqliteFileKeepsTheStateAcrossAReopen() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warta-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("state.sqlite").path
        try await Self.exercise(try SQLiteStore(path: path))
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.feedState("https://news.example.invalid/rss.xml")?.etag == "\"abc\"")
        #expect(try await reopened.isPageSettled("https://news.example.invalid/a.html"))
    }
}
