import Foundation
import LoopbackServer
import Testing

/// `warta fetch` and `warta watch` run as a user would, against feeds on a loopback server.
@Suite(.serialized) struct FetchCommandTests {
    static func server() async throws -> LoopbackServer {
        let server = try await LoopbackServer.start()
        server.route("/rss.xml", .fixture("rss.xml", type: "application/rss+xml"))
        server.route("/atom.xml", .fixture("atom.xml", type: "application/atom+xml"))
        server.route("/feed.json", .fixture("feed.json", type: "application/feed+json"))
        server.route("/broken.xml", .fixture("broken.xml", type: "application/rss+xml"))
        server.route("/missing.xml", .status(404))
        server.route("/error.xml", .status(500))
        server.route("/slow.xml", .slow(10, .status(200)))
        server.route("/loop/a", .redirect("/loop/b"))
        server.route("/loop/b", .redirect("/loop/a"))
        for page in ["visit", "summit", "talks", "trade"] {
            server.route("/pages/\(page).html", .fixture("pages/\(page).html", type: "text/html; charset=utf-8"))
        }
        return server
    }

    static let quick = ["--timeout", "2", "--delay", "0", "--retries", "0"]

    @Test func watchOnceReadsTheFeedsReportsEachFailureAndASecondRunFetchesNothing() async throws {
        let server = try await Self.server()
        let cli = try CLI()
        let feeds = [
            "/missing.xml", "/error.xml", "/slow.xml", "/loop/a", "/broken.xml", "/rss.xml", "/atom.xml", "/feed.json",
        ]
        .map(server.url)
        let run = try cli.run(["watch"] + feeds + ["--once", "--db", cli.db] + Self.quick)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains(
                " round 1: 8 feeds (0 unchanged, 5 failed), 7 new items: 6 added, 1 already known, 0 failed"),
            "\(run.stdout)")
        let base = server.base
        let errors = run.stderr.split(separator: "\n").map(String.init)
        #expect(
            errors == [
                "warta: \(base)/missing.xml: HTTP 404 Not Found",
                "warta: \(base)/error.xml: HTTP 500 Internal Server Error",
                "warta: \(base)/slow.xml: timed out after 2 s",
                "warta: \(base)/loop/a: redirect loop: \(base)/loop/a -> \(base)/loop/b -> \(base)/loop/a",
                "warta: \(base)/broken.xml: malformed XML at line 8: Opening and ending tag mismatch: item line 5 and channel",
            ])
        let stats = try cli.run("stats", "--db", cli.db)
        #expect(stats.stdout.hasPrefix("documents 6\n"), "\(stats.stdout)")
        let search = try cli.run("search", "Natuna", "--db", cli.db)
        #expect(search.stdout.contains("/pages/visit.html"), "\(search.stdout)")

        let again = try cli.run(["watch"] + feeds.suffix(3) + ["--once", "--db", cli.db] + Self.quick)
        #expect(again.status == 0)
        #expect(
            again.stdout.contains(" round 1: 3 feeds (3 unchanged, 0 failed), 0 new items: 0 added"), "\(again.stdout)")
        #expect(again.stderr.isEmpty)
        #expect(server.count("/pages/visit.html") == 1)
        try await server.stop()
    }

    @Test func fetchIngestsPagesAndFeedsAndFailsForABadOne() async throws {
        let server = try await Self.server()
        let cli = try CLI()
        let run = try cli.run(
            [
                "fetch", server.url("/pages/talks.html"), server.url("/missing.xml"), server.url("/feed.json"), "--db",
                cli.db,
            ]
                + Self.quick)
        #expect(run.status == 1)
        #expect(run.stderr == "warta: \(server.base)/missing.xml: HTTP 404 Not Found\n")
        #expect(
            run.stdout
                == "fetched 3 URLs: 1 feeds (0 unchanged, 0 failed), 3 new items: 3 added, 0 already known, 1 failed\n")
        let request = try #require(server.requests.first)
        #expect(request.headers["user-agent"]?.hasPrefix("Warta/") == true)
        try await server.stop()
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func watchStopsCleanlyOnASignal(_ signal: Int32) async throws {
        let server = try await Self.server()
        let cli = try CLI()
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["watch", server.url("/rss.xml"), "--interval", "1h", "--db", cli.db] + Self.quick
        process.currentDirectoryURL = cli.directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Wait for the first round's line, then ask the watcher to stop.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("round 1:") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        #expect(String(decoding: seen, as: UTF8.self).contains("3 added"))
        let clock = ContinuousClock()
        let signalled = clock.now
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        let stopTime = clock.now - signalled
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(stopTime < .seconds(10))
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("warta: watch stopped"), "\(stderr)")
        try await server.stop()
    }

    @Test func aBadIntervalIsRefused() throws {
        let cli = try CLI()
        let run = try cli.run("watch", "http://127.0.0.1:9/rss.xml", "--interval", "soon", "--db", cli.db)
        #expect(run.status != 0)
        #expect(run.stderr.contains("invalid interval \"soon\""), "\(run.stderr)")
    }
}
