import Foundation
import LoopbackServer
import Testing
import WartaFetch

/// The HTTP client's manners against a real server on loopback.
@Suite struct FetcherTests {
    @Test func sendsItsUserAgentAndReturnsBodyAndValidators() async throws {
        let server = try await startServer()
        let response = try await withFetcher { try await $0.get(server.url("/rss.xml")) }
        try await server.stop()
        #expect(response.status == 200)
        #expect(response.etag?.hasPrefix("\"") == true)
        #expect(response.lastModified == LoopbackServer.lastModified)
        #expect(response.contentType == "application/rss+xml")
        #expect(String(decoding: response.body, as: UTF8.self).contains("<title>Kabar Diplomasi</title>"))
        let request = try #require(server.requests.first)
        #expect(request.headers["user-agent"] == "Warta-Test/1.0 (+https://example.invalid/warta)")
        #expect(FetchConfiguration.defaultUserAgent.hasPrefix("Warta/"))
    }

    @Test func conditionalGetGives304WithETagOrLastModified() async throws {
        let server = try await startServer()
        let (first, byETag, byDate, stale) = try await withFetcher { fetcher in
            let first = try await fetcher.get(server.url("/atom.xml"))
            return (
                first, try await fetcher.get(server.url("/atom.xml"), etag: first.etag),
                try await fetcher.get(server.url("/atom.xml"), lastModified: first.lastModified),
                try await fetcher.get(server.url("/atom.xml"), etag: "\"old\"")
            )
        }
        try await server.stop()
        #expect(byETag.isNotModified && byETag.body.isEmpty)
        #expect(byDate.isNotModified)
        #expect(stale.status == 200 && !stale.body.isEmpty)
        #expect(server.requests[1].headers["if-none-match"] == first.etag)
        #expect(server.requests[2].headers["if-modified-since"] == LoopbackServer.lastModified)
    }

    @Test func notFoundIsNotRetried() async throws {
        let server = try await startServer()
        let fetcher = Fetcher(configuration: testConfiguration(retries: 3))
        let error = await #expect(throws: FetchError.self) { try await fetcher.get(server.url("/missing.xml")) }
        try await fetcher.shutdown()
        try await server.stop()
        #expect(error?.description == "\(server.url("/missing.xml")): HTTP 404 Not Found")
        #expect(error?.isTransient == false)
        #expect(server.count("/missing.xml") == 1)
    }

    @Test func serverErrorsAreRetriedWithBackoffThenReported() async throws {
        let server = try await startServer()
        let fetcher = Fetcher(configuration: testConfiguration(retries: 2))
        let clock = ContinuousClock()
        let started = clock.now
        let error = await #expect(throws: FetchError.self) { try await fetcher.get(server.url("/error.xml")) }
        let elapsed = clock.now - started
        try await fetcher.shutdown()
        try await server.stop()
        #expect(error?.description == "\(server.url("/error.xml")): HTTP 500 Internal Server Error (3 attempts)")
        #expect(server.count("/error.xml") == 3)
        #expect(elapsed >= .milliseconds(60))  // 20 ms, then 40 ms
    }

    @Test func aPassingServerErrorIsRetriedToSuccess() async throws {
        let server = try await startServer()
        server.route("/flaky.xml", .failing(times: 1, status: 503, then: .fixture("rss.xml", type: "text/xml")))
        let response = try await withFetcher(testConfiguration(retries: 2)) {
            try await $0.get(server.url("/flaky.xml"))
        }
        try await server.stop()
        #expect(response.status == 200)
        #expect(response.attempts == 2)
        #expect(server.requests.map(\.status) == [503, 200])
    }

    @Test func aSlowResponseTimesOut() async throws {
        let server = try await startServer()
        let fetcher = Fetcher(configuration: testConfiguration(timeout: .milliseconds(300), retries: 0))
        let error = await #expect(throws: FetchError.self) { try await fetcher.get(server.url("/slow.xml")) }
        try await fetcher.shutdown()
        #expect(error?.description == "\(server.url("/slow.xml")): timed out after 0.3 s")
        #expect(error?.isTransient == true)
        // The server would answer after 10 s; it saw the client hang up long before. (Timed on the server's
        // event loop: the test's own clock can be held up by other suites on a busy machine.)
        for _ in 0..<50 where server.hangUps("/slow.xml").isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        let hangUp = try #require(server.hangUps("/slow.xml").first)
        #expect(hangUp >= .milliseconds(250) && hangUp < .seconds(5), "\(hangUp)")
        try await server.stop()
    }

    @Test func aRedirectLoopIsNamedAsOne() async throws {
        let server = try await startServer()
        let fetcher = Fetcher(configuration: testConfiguration())
        let error = await #expect(throws: FetchError.self) { try await fetcher.get(server.url("/loop/a")) }
        try await fetcher.shutdown()
        try await server.stop()
        let a = server.url("/loop/a")
        let b = server.url("/loop/b")
        #expect(error?.description == "\(a): redirect loop: \(a) -> \(b) -> \(a)")
        #expect(error?.isTransient == false)
        #expect(server.count("/loop/a") == 1 && server.count("/loop/b") == 1)
    }

    @Test func redirectsAreFollowedUpToTheLimit() async throws {
        let server = try await startServer()
        for i in 1...4 { server.route("/hop/\(i)", .redirect("/hop/\(i + 1)")) }
        server.route("/hop/5", .fixture("atom.xml", type: "application/atom+xml"))
        var configuration = testConfiguration()
        let (moved, hops) = try await withFetcher(configuration) { fetcher in
            (try await fetcher.get(server.url("/moved.xml")), try await fetcher.get(server.url("/hop/1")))
        }
        configuration.maxRedirects = 3
        let strict = Fetcher(configuration: configuration)
        let error = await #expect(throws: FetchError.self) { try await strict.get(server.url("/hop/1")) }
        try await strict.shutdown()
        try await server.stop()
        #expect(moved.finalURL == server.url("/atom.xml"))
        #expect(moved.url == server.url("/moved.xml"))
        #expect(hops.finalURL == server.url("/hop/5"))
        #expect(error?.description == "\(server.url("/hop/1")): too many redirects (more than 3)")
    }

    @Test func requestsToOneHostAreSpacedByThePolitenessDelay() async throws {
        let server = try await startServer()
        try await withFetcher(testConfiguration(delay: .milliseconds(200))) { fetcher in
            for page in ["visit", "summit", "talks"] {
                _ = try await fetcher.get(server.url("/pages/\(page).html"))
            }
        }
        try await server.stop()
        let times = server.requests.map(\.at).sorted()
        #expect(times.count == 3)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later - earlier >= .milliseconds(200))
        }
    }

    @Test func aClosedPortIsAConnectionError() async throws {
        let server = try await startServer()
        let url = server.url("/rss.xml")
        try await server.stop()
        let fetcher = Fetcher(configuration: testConfiguration(retries: 0))
        let error = await #expect(throws: FetchError.self) { try await fetcher.get(url) }
        try await fetcher.shutdown()
        #expect(error?.description.hasPrefix("\(url): cannot connect: ") == true, "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false)
    }

    @Test func onlyWebAddressesAreFetched() async throws {
        let fetcher = Fetcher(configuration: testConfiguration())
        let error = await #expect(throws: FetchError.self) { try await fetcher.get("ftp://127.0.0.1/feed.xml") }
        try await fetcher.shutdown()
        #expect(error?.description == "ftp://127.0.0.1/feed.xml: not an http or https URL")
    }
}
