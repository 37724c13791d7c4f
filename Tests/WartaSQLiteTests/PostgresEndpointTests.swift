import Foundation
import Testing
import WartaPostgres

/// Reading `postgres://` URLs, and failing clearly: no server needed.
@Suite struct PostgresEndpointTests {
    @Test func tcpURL() throws {
        let endpoint = try PostgresEndpoint(url: "postgres://warta:s%40cret@db.example.org:6543/news?sslmode=require")
        #expect(endpoint.host == "db.example.org")
        #expect(endpoint.port == 6543)
        #expect(endpoint.socketPath == nil)
        #expect(endpoint.username == "warta")
        #expect(endpoint.password == "s@cret")
        #expect(endpoint.database == "news")
        #expect(endpoint.tls == .require)
        #expect(endpoint.description == "warta@db.example.org:6543/news")
        #expect(!endpoint.description.contains("cret"))
        #expect(try PostgresEndpoint(url: endpoint.url) == endpoint)
    }

    @Test func socketURL() throws {
        let endpoint = try PostgresEndpoint(url: "postgresql://postgres@/warta?host=/tmp/pg")
        #expect(endpoint.host == nil)
        #expect(endpoint.socketPath == "/tmp/pg/.s.PGSQL.5432")
        #expect(endpoint.tls == .disable)
        #expect(endpoint.database == "warta")
        let other = endpoint.with(database: "other")
        #expect(try PostgresEndpoint(url: other.url) == other)
        #expect(
            try PostgresEndpoint(url: "postgres:///x?host=/run/pg&port=5433&user=me").socketPath
                == "/run/pg/.s.PGSQL.5433")
    }

    @Test func defaults() throws {
        let endpoint = try PostgresEndpoint(url: "postgres://me@localhost")
        #expect(endpoint.port == 5432)
        #expect(endpoint.database == "me")
        #expect(endpoint.tls == .prefer)
    }

    @Test(arguments: [
        "warta.sqlite", "postgres://h:99999/x", "postgres://h/x?sslmode=bogus", "postgres://h/x?colour=red",
    ])
    func badURLs(url: String) {
        #expect(throws: PostgresStoreError.self) { try PostgresEndpoint(url: url) }
    }

    @Test func passwordsStayOutOfMessages() {
        #expect(PostgresEndpoint.redacted("postgres://u:hunter2@h/x") == "postgres://u:***@h/x")
        let error = #expect(throws: PostgresStoreError.self) { try PostgresEndpoint(url: "postgres://u:hunter2@h:0/x") }
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test func nothingListeningFailsFastAndClearly() async throws {
        let started = Date()
        let error = await #expect(throws: PostgresStoreError.self) {
            _ = try await PostgresStore(url: "postgres://warta@127.0.0.1:1/news?sslmode=disable")
        }
        #expect(error?.code == "connect")
        #expect(error?.description.contains("127.0.0.1:1/news") == true)
        // At once on an idle machine; well under the connection pool's one-minute retry even while the rest of the
        // suite keeps every core busy.
        #expect(Date().timeIntervalSince(started) < 45)
    }
}
