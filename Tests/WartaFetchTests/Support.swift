import Foundation
import LoopbackServer
import WartaCore
import WartaFetch
import WartaSQLite

/// A loopback server with the fixture routes every feed test uses.
func startServer() async throws -> LoopbackServer {
    let server = try await LoopbackServer.start()
    server.route("/rss.xml", .fixture("rss.xml", type: "application/rss+xml"))
    server.route("/atom.xml", .fixture("atom.xml", type: "application/atom+xml"))
    server.route("/feed.json", .fixture("feed.json", type: "application/feed+json"))
    server.route("/broken.xml", .fixture("broken.xml", type: "application/rss+xml"))
    server.route("/troubled.xml", .fixture("troubled.xml", type: "application/rss+xml"))
    server.route("/missing.xml", .status(404))
    server.route("/error.xml", .status(500))
    server.route("/slow.xml", .slow(10, .fixture("rss.xml", type: "application/rss+xml")))
    server.route("/loop/a", .redirect("/loop/b"))
    server.route("/loop/b", .redirect("/loop/a"))
    server.route("/moved.xml", .redirect("/atom.xml"))
    for page in ["visit", "summit", "talks", "trade"] {
        server.route("/pages/\(page).html", .fixture("pages/\(page).html", type: "text/html; charset=utf-8"))
    }
    server.route("/pages/failing.html", .status(503))
    return server
}

/// Short timeouts and delays, so that failing routes fail fast.
func testConfiguration(
    timeout: Duration = .seconds(2), delay: Duration = .zero, retries: Int = 1
) -> FetchConfiguration {
    FetchConfiguration(
        userAgent: "Warta-Test/1.0 (+https://example.invalid/warta)", timeout: timeout, connectTimeout: .seconds(2),
        politenessDelay: delay, retries: retries, retryDelay: .milliseconds(20), maxRedirects: 5)
}

/// A database file in a new temporary folder.
func temporaryDatabase() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warta-feeds-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("feeds.sqlite").path
}

/// Collects a crawler's events across tasks.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [FeedCrawler.Event] = []

    func add(_ event: FeedCrawler.Event) { lock.withLock { events.append(event) } }

    var all: [FeedCrawler.Event] { lock.withLock { events } }

    /// Every error line (feeds and items).
    var errors: [String] {
        all.compactMap {
            switch $0 {
            case .feedFailed(_, let message), .itemFailed(_, let message, _): message
            default: nil
            }
        }
    }

    var stored: [Document] {
        all.compactMap {
            if case .stored(let document, _) = $0 { return document }
            return nil
        }
    }

    func clear() { lock.withLock { events = [] } }
}

/// Runs `body` with a fetcher and shuts the fetcher down whatever happens (a client left running fails an
/// assertion in debug builds, which would hide the test's own failure).
func withFetcher<T>(
    _ configuration: FetchConfiguration = testConfiguration(), _ body: (Fetcher) async throws -> T
) async throws -> T {
    let fetcher = Fetcher(configuration: configuration)
    do {
        let result = try await body(fetcher)
        try await fetcher.shutdown()
        return result
    } catch {
        try? await fetcher.shutdown()
        throw error
    }
}

/// Runs `body` with a crawler into `store` and shuts its fetcher down whatever happens.
func withCrawler<T>(
    _ store: SQLiteStore, configuration: FetchConfiguration = testConfiguration(), maxAttempts: Int = 3,
    _ body: (FeedCrawler) async throws -> T
) async throws -> T {
    try await withFetcher(configuration) { fetcher in
        try await body(FeedCrawler(fetcher: fetcher, store: store, maxAttempts: maxAttempts))
    }
}
