import Foundation
import Logging
import LoopbackServer
import ServiceLifecycle
import Testing
import WartaCore
import WartaFetch
import WartaSQLite

/// Rounds over real feeds on loopback into a real SQLite file: what is ingested, what is reported, and that
/// nothing is fetched twice, even after a restart.
@Suite struct FeedCrawlerTests {
    static let good = ["/rss.xml", "/atom.xml", "/feed.json"]
    static let bad = ["/missing.xml", "/error.xml", "/slow.xml", "/loop/a", "/broken.xml"]

    @Test func aRoundIngestsEveryFeedsNewItemsAndReportsEachBrokenFeedOnOneLine() async throws {
        let server = try await startServer()
        let path = try temporaryDatabase()
        let store = try SQLiteStore(path: path)
        try await withCrawler(store) { crawler in
            let log = EventLog()
            // The broken feeds come first: the watcher must go on past each of them.
            let feeds = (Self.bad + Self.good).map(server.url)
            let summary = try await crawler.round(feeds) { log.add($0) }

            let base = server.base
            #expect(
                log.errors.sorted() == [
                    "\(base)/broken.xml: malformed XML at line 8: Opening and ending tag mismatch: item line 5 and channel",
                    "\(base)/error.xml: HTTP 500 Internal Server Error (2 attempts)",
                    "\(base)/loop/a: redirect loop: \(base)/loop/a -> \(base)/loop/b -> \(base)/loop/a",
                    "\(base)/missing.xml: HTTP 404 Not Found",
                    "\(base)/slow.xml: timed out after 2 s (2 attempts)",
                ])
            #expect(summary.feeds == 8)
            #expect(summary.failedFeeds == 5)
            // rss: 2 pages and 1 item carried in the feed; atom: 1 page, 1 page rss had; json: 1 page, 1 carried.
            #expect(summary.newItems == 7)
            #expect(summary.added == 6)
            #expect(summary.known == 1)
            #expect(summary.failedItems == 0)
            #expect(summary.events > 0)

            let stats = try await store.stats()
            #expect(stats.documents == 6)
            let visit = try #require(try await store.document(server.url("/pages/visit.html")))
            #expect(visit.title == "Menlu Retno Marsudi Bertemu Menlu Jepang di Tokyo")
            #expect(visit.source.url == server.url("/pages/visit.html"))
            #expect(visit.published == "2026-11-16T10:30:00+07:00")
            #expect(visit.text.contains("patroli bersama di perairan Natuna"))
            #expect(!visit.text.contains("Hak cipta"))
            let carried = try #require(try await store.document("kabar-2026-0003"))
            #expect(carried.text.contains("Anwar Ibrahim"))
            let talks = try #require(try await store.document(server.url("/pages/talks.html")))
            #expect(talks.language == "en")
            #expect(try await store.search("Natuna", limit: 5).count == 1)
            #expect(server.count("/pages/visit.html") == 1)

            let state = try #require(try await store.feedState(server.url("/rss.xml")))
            #expect(state.title == "Kabar Diplomasi")
            #expect(state.etag != nil && state.lastModified == LoopbackServer.lastModified)
            let broken = try #require(try await store.feedState(server.url("/missing.xml")))
            #expect(broken.lastStatus == 404)
            #expect(broken.lastError == "\(base)/missing.xml: HTTP 404 Not Found")

            // The next round, in a new process as it were: the feeds answer 304, no page is fetched again.
            try await withCrawler(try SQLiteStore(path: path)) { restarted in
                log.clear()
                let again = try await restarted.round(Self.good.map(server.url)) { log.add($0) }
                #expect(again.unchanged == 3)
                #expect(again.newItems == 0 && again.added == 0)
                #expect(log.errors.isEmpty)
                for page in ["visit", "summit", "talks", "trade"] {
                    #expect(server.count("/pages/\(page).html") == 1, "\(page) fetched again")
                }
                let conditional = server.requests.filter { $0.path == "/rss.xml" }.last
                #expect(conditional?.status == 304)
                #expect(conditional?.headers["if-none-match"] == state.etag)
                #expect(try await store.stats().documents == 6)

            }
        }
        try await server.stop()
    }

    @Test func aFeedThatChangesGivesOnlyItsNewItems() async throws {
        let server = try await startServer()
        let store = try SQLiteStore(path: try temporaryDatabase())
        try await withCrawler(store) { crawler in
            let rss = try String(
                contentsOf: LoopbackServer.fixtures.appendingPathComponent("rss.xml"), encoding: .utf8)
            server.route("/live.xml", .body(rss, type: "application/rss+xml"))
            let first = try await crawler.round([server.url("/live.xml")]) { _ in }
            #expect(first.added == 3)
            let extra = """
                    <item>
                      <title>Foreign ministers hold talks in Canberra</title>
                      <link>{{base}}/pages/talks.html</link>
                    </item>
                  </channel>
                """
            server.route(
                "/live.xml",
                .body(rss.replacingOccurrences(of: "  </channel>", with: extra), type: "application/rss+xml"))
            let second = try await crawler.round([server.url("/live.xml")]) { _ in }
            #expect(second.unchanged == 0)
            #expect(second.newItems == 1)
            #expect(second.added == 1)
            #expect(server.count("/pages/visit.html") == 1)
            #expect(server.count("/pages/talks.html") == 1)
        }
        try await server.stop()
    }

    @Test func brokenPagesAreReportedAPassingFailureIsRetriedNextRoundThenGivenUp() async throws {
        let server = try await startServer()
        let store = try SQLiteStore(path: try temporaryDatabase())
        try await withCrawler(store, configuration: testConfiguration(retries: 0), maxAttempts: 2) { crawler in
            let log = EventLog()
            let feed = server.url("/troubled.xml")
            let first = try await crawler.round([feed]) { log.add($0) }
            #expect(first.newItems == 3)
            #expect(first.added == 1)
            #expect(first.failedItems == 2)
            #expect(
                log.errors.sorted() == [
                    "\(server.base)/pages/failing.html: HTTP 503 Service Unavailable; will try again next round",
                    "\(server.base)/pages/gone.html: HTTP 404 Not Found",
                ])
            // An item left to retry: the feed's validators are not kept, so the next round reads it in full.
            #expect(try await store.feedState(feed)?.etag == nil)

            log.clear()
            let second = try await crawler.round([feed]) { log.add($0) }
            #expect(second.unchanged == 0)
            #expect(second.newItems == 1)
            #expect(log.errors == ["\(server.base)/pages/failing.html: HTTP 503 Service Unavailable"])
            #expect(server.count("/pages/gone.html") == 1)
            #expect(server.count("/pages/failing.html") == 2)
            #expect(try await store.feedState(feed)?.etag != nil)

            let third = try await crawler.round([feed]) { _ in }
            #expect(third.unchanged == 1)
            #expect(server.count("/pages/failing.html") == 2)
        }
        try await server.stop()
    }

    @Test func fetchTellsFeedsFromPages() async throws {
        let server = try await startServer()
        let store = try SQLiteStore(path: try temporaryDatabase())
        try await withCrawler(store) { crawler in
            let log = EventLog()
            let summary = try await crawler.fetch(
                [server.url("/pages/trade.html"), server.url("/feed.json"), server.url("/pages/gone.html")]
            ) { log.add($0) }
            #expect(summary.feeds == 1)
            #expect(summary.added == 2)  // the page, and the item the feed carries (its page is known)
            #expect(summary.known == 1)
            #expect(log.errors == ["\(server.base)/pages/gone.html: HTTP 404 Not Found"])
            #expect(server.count("/pages/trade.html") == 1)
            #expect(try await store.stats().documents == 2)
        }
        try await server.stop()
    }

    @Test func theWatcherRunsRoundsAndStopsAtAGracefulShutdown() async throws {
        let server = try await startServer()
        let store = try SQLiteStore(path: try temporaryDatabase())
        try await withCrawler(store) { crawler in
            let rounds = EventLog()
            let done = AsyncStream<FeedCrawler.Summary>.makeStream()
            let watcher = FeedWatcher(
                crawler: crawler, feeds: [server.url("/rss.xml"), server.url("/missing.xml")],
                interval: .milliseconds(100),
                report: { rounds.add($0) }, roundDone: { _, summary in done.continuation.yield(summary) })
            let group = ServiceGroup(services: [watcher], logger: .init(label: "test"))
            let clock = ContinuousClock()
            var stopped: ContinuousClock.Instant?
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                var summaries = [FeedCrawler.Summary]()
                for await summary in done.stream {
                    summaries.append(summary)
                    if summaries.count == 2 { break }
                }
                // The watcher went on past the missing feed, and found nothing new the second time.
                #expect(summaries[0].added == 3 && summaries[0].failedFeeds == 1)
                #expect(summaries[1].unchanged == 1 && summaries[1].failedFeeds == 1 && summaries[1].added == 0)
                stopped = clock.now
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let stopTime = clock.now - (stopped ?? clock.now)
            #expect(stopTime < .seconds(10))
            #expect(rounds.errors.filter { $0.contains("HTTP 404") }.count >= 2)
        }
        try await server.stop()
    }
}
