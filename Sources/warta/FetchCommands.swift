import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import WartaCore
import WartaFetch
import WartaSQLite

/// The options `fetch` and `watch` share: the database, the analysis and a crawler's manners.
struct FetchOptions: ParsableArguments {
    @Option(help: "The SQLite database file.")
    var db: String = "warta.sqlite"

    @Option(help: "The longest a request may take, in seconds.")
    var timeout: Double = 30

    @Option(help: "The least time between two requests to the same host, in seconds.")
    var delay: Double = 1

    @Option(help: "How many times a request is retried after a server error or a timeout (with backoff).")
    var retries: Int = 2

    @Option(help: "The wait before the first retry, in seconds; doubled each time.")
    var retryDelay: Double = 1

    @Option(help: "How many redirects are followed.")
    var maxRedirects: Int = 5

    @Option(help: "The User-Agent header.")
    var userAgent: String = FetchConfiguration.defaultUserAgent

    @Option(help: "The largest page or feed accepted, in bytes.")
    var maxSize: Int = 20_000_000

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard delay >= 0, retryDelay >= 0 else { throw ValidationError("--delay and --retry-delay cannot be negative") }
        guard retries >= 0, maxRedirects >= 0 else {
            throw ValidationError("--retries and --max-redirects cannot be negative")
        }
    }

    var configuration: FetchConfiguration {
        FetchConfiguration(
            userAgent: userAgent, timeout: .seconds(timeout), connectTimeout: .seconds(min(timeout, 10)),
            politenessDelay: .seconds(delay), retries: retries, retryDelay: .seconds(retryDelay),
            maxRedirects: maxRedirects, maxBodySize: maxSize)
    }

    func crawler() throws -> FeedCrawler {
        let store = try SQLiteStore(path: db)
        let pipeline = try makePipeline(maxSize: maxSize, boilerplate: nil)
        return FeedCrawler(fetcher: Fetcher(configuration: configuration), store: store, analyzer: pipeline.analyzer)
    }
}

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch pages or feeds over HTTP and ingest them (a feed's new items are fetched and ingested).")

    @Argument(help: "http or https URLs of pages or feeds (RSS, Atom, JSON Feed).")
    var urls: [String]

    @OptionGroup var options: FetchOptions

    func run() async throws {
        let crawler = try options.crawler()
        let status = StatusLine(label: "fetch")
        let summary: FeedCrawler.Summary
        do {
            summary = try await crawler.fetch(urls) { status.show($0) }
        } catch {
            status.clear()
            try? await crawler.fetcher.shutdown()
            throw error
        }
        status.clear()
        try await crawler.fetcher.shutdown()
        Terminal.print("fetched \(urls.count) URLs: " + summary.line)
        if summary.failedItems + summary.failedFeeds > 0 { throw ExitCode(1) }
    }
}

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll feeds (RSS, Atom, JSON Feed) and ingest their new items, until SIGINT or SIGTERM.",
        discussion: """
            Feed state (ETag, Last-Modified, the items already ingested) is kept in the database, so a restarted \
            watcher fetches nothing twice. Every round prints one line; errors go to stderr and the watcher goes on.
            """)

    @Argument(help: "Feed URLs.")
    var feeds: [String]

    @Option(help: "The pause between rounds: 90s, 10m, 1h (a bare number is seconds).", transform: parseInterval)
    var interval: Duration = .seconds(600)

    @Flag(help: "Run one round and stop.")
    var once = false

    @OptionGroup var options: FetchOptions

    func run() async throws {
        let crawler = try options.crawler()
        let status = StatusLine(label: "watch")
        let watcher = FeedWatcher(
            crawler: crawler, feeds: feeds, interval: interval, rounds: once ? 1 : nil,
            report: { status.show($0) },
            roundDone: { round, summary in
                status.clear()
                let time = ISO8601DateFormatter().string(from: Date())
                Terminal.print("\(time) round \(round): " + summary.line)
            },
            failed: { error in
                status.clear()
                Terminal.error("warta: watch failed: \(error)")
            })
        var logger = Logger(label: "warta.watch") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .critical
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: watcher, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = options.configuration.timeout * 2 + .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        do {
            try await group.run()
        } catch {
            // The watcher reported its own failure; the group's error only repeats it.
            status.clear()
            try? await crawler.fetcher.shutdown()
            throw ExitCode(1)
        }
        status.clear()
        try await crawler.fetcher.shutdown()
        if !once { Terminal.error("warta: watch stopped") }
    }
}

/// "90s", "10m", "1h", "1h30m", "600" → a duration.
func parseInterval(_ text: String) throws -> Duration {
    if let seconds = Double(text), seconds > 0 { return .milliseconds(Int64(seconds * 1000)) }
    var total = 0.0
    var number = ""
    for c in text.lowercased() {
        if c.isNumber || c == "." {
            number.append(c)
            continue
        }
        guard let value = Double(number) else {
            throw ValidationError("invalid interval \"\(text)\": try 90s, 10m or 1h")
        }
        switch c {
        case "s": total += value
        case "m": total += value * 60
        case "h": total += value * 3600
        default: throw ValidationError("invalid interval \"\(text)\": try 90s, 10m or 1h")
        }
        number = ""
    }
    guard number.isEmpty, total > 0 else { throw ValidationError("invalid interval \"\(text)\": try 90s, 10m or 1h") }
    return .milliseconds(Int64(total * 1000))
}

/// The crawler's events on the terminal: errors on stderr, one status line (feed i/n, documents stored) that
/// only a terminal sees.
final class StatusLine: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var stored = 0
    private var current = ""
    private var drawn = false

    init(label: String) {
        self.label = label
    }

    func show(_ event: FeedCrawler.Event) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .feedStarted(let url, let index, let count):
            current = "\(index + 1)/\(count) \(url)"
            draw("\(label) \(current), \(stored) stored")
        case .feedFailed(_, let message), .itemFailed(_, let message, _):
            erase()
            Terminal.error("warta: \(message)")
        case .stored:
            stored += 1
            draw("\(label) \(current), \(stored) stored")
        case .feedUnchanged, .feedRead, .alreadyFetched:
            break
        }
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        erase()
    }

    private func draw(_ text: String) {
        guard Terminal.isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text.prefix(100))".utf8))
        drawn = true
    }

    private func erase() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        drawn = false
    }
}
