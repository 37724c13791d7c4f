internal import Foundation
public import ServiceLifecycle

/// The long-lived feed watcher: a round over every feed, a pause, again, until the service group shuts
/// down (SIGINT, SIGTERM). A shutdown asked during a round lets the item in hand finish and stops there;
/// one asked during the pause ends it at once.
///
/// ```swift
/// let watcher = FeedWatcher(crawler: crawler, feeds: urls, interval: .seconds(600))
/// let group = ServiceGroup(configuration: .init(services: [watcher], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
public struct FeedWatcher: Service, CustomStringConvertible {
    public var crawler: FeedCrawler
    public var feeds: [String]
    /// The pause between the start of one round and the start of the next.
    public var interval: Duration
    /// Stop after this many rounds (nil: never).
    public var rounds: Int?
    public var report: @Sendable (FeedCrawler.Event) -> Void
    /// Called after each round with its number (from 1) and what it did.
    public var roundDone: @Sendable (Int, FeedCrawler.Summary) -> Void
    /// Called with the error that stops the watcher (the store's: the network's are reported as events).
    public var failed: @Sendable (any Error) -> Void

    public init(
        crawler: FeedCrawler, feeds: [String], interval: Duration, rounds: Int? = nil,
        report: @escaping @Sendable (FeedCrawler.Event) -> Void = { _ in },
        roundDone: @escaping @Sendable (Int, FeedCrawler.Summary) -> Void = { _, _ in },
        failed: @escaping @Sendable (any Error) -> Void = { _ in }
    ) {
        self.crawler = crawler
        self.feeds = feeds
        self.interval = interval
        self.rounds = rounds
        self.report = report
        self.roundDone = roundDone
        self.failed = failed
    }

    /// A service group names its services with this.
    public var description: String { "feed watcher (\(feeds.count) feeds)" }

    public func run() async throws {
        do {
            try await watch()
        } catch let error where !(error is CancellationError) {
            failed(error)
            throw error
        }
    }

    private func watch() async throws {
        var round = 0
        let clock = ContinuousClock()
        while !FeedCrawler.shouldStop {
            round += 1
            let started = clock.now
            let summary = try await crawler.round(feeds, report: report)
            roundDone(round, summary)
            if let rounds, round >= rounds { return }
            do {
                try await cancelWhenGracefulShutdown {
                    try await Task.sleep(until: started + interval, clock: clock)
                }
            } catch is CancellationError {
                return
            }
        }
    }
}
