import Foundation
import Testing
import WartaCore
import WartaSQLite

/// Every endpoint of the JSON API, over real HTTP on loopback, against the example articles.
@Suite struct APITests {
    func demo() async throws -> TestServer { try await TestServer.demo.value }

    @Test func healthAndOpenAPI() async throws {
        let server = try await demo()
        let health = try await server.request("/health")
        #expect(health.status == 200)
        #expect(try health.json()["status"] as? String == "ok")
        #expect((try health.json()["documents"] as? Int ?? 0) >= 8)
        let openAPI = try await server.request("/openapi.json")
        #expect(openAPI.status == 200)
        #expect(openAPI.header("Content-Type")?.hasPrefix("application/json") == true)
        let spec = try openAPI.json()
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = try #require(spec["paths"] as? [String: Any])
        for path in [
            "/health", "/api/documents", "/api/documents/{id}", "/api/search", "/api/entities", "/api/events",
            "/api/timeline", "/api/dyads",
        ] {
            #expect(paths[path] != nil, "\(path) is not in openapi.json")
        }
    }

    @Test func documentsArePagedWithAnOpaqueCursor() async throws {
        let server = try await demo()
        var seen = [String]()
        var path = "/api/documents?limit=3"
        var pages = 0
        while true {
            let reply = try await server.request(path)
            #expect(reply.status == 200)
            let json = try reply.json()
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(items.count <= 3)
            seen += items.compactMap { $0["id"] as? String }
            pages += 1
            guard let next = json["next"] as? String else {
                #expect(json.keys.contains("next"), "next is null, not missing, on the last page")
                break
            }
            #expect(Int(next) == nil, "the cursor is opaque, not an offset")
            path = "/api/documents?limit=3&cursor=\(next)"
            if pages > 20 { break }
        }
        let all = try await server.store.stats().documents
        #expect(seen.count == all)
        #expect(Set(seen).count == seen.count)
        #expect(pages == (all + 2) / 3)
        #expect(seen.contains("01-vostochny-summit.txt"))
    }

    @Test func oneDocumentWithItsRemovedLines() async throws {
        let server = try await demo()
        let reply = try await server.request("/api/documents/02-putin-pyongyang-visit.txt")
        #expect(reply.status == 200)
        let json = try reply.json()
        #expect(json["id"] as? String == "02-putin-pyongyang-visit.txt")
        #expect((json["text"] as? String ?? "").contains("Pyongyang"))
        #expect(!(json["entities"] as? [Any] ?? []).isEmpty)
        let missing = try await server.request("/api/documents/no-such-document.txt")
        #expect(missing.status == 404)
        #expect(try missing.errorMessage().contains("no-such-document.txt"))
    }

    @Test func searchAndItsBadQueries() async throws {
        let server = try await demo()
        let reply = try await server.request("/api/search?q=Putin+Pyongyang&limit=2")
        #expect(reply.status == 200)
        let json = try reply.json()
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items.allSatisfy { ($0["snippet"] as? String ?? "").contains("[") })
        if let next = json["next"] as? String {
            let second = try await server.request("/api/search?q=Putin+Pyongyang&limit=2&cursor=\(next)")
            let more = try #require(try second.json()["items"] as? [[String: Any]])
            #expect(
                Set(more.compactMap { $0["id"] as? String }).isDisjoint(with: items.compactMap { $0["id"] as? String }))
        }
        // A missing, empty or wordless query, a malformed escape, a bad limit or cursor: 400 with a message, never 500.
        for path in [
            "/api/search", "/api/search?q=", "/api/search?q=%22(*)%22", "/api/search?q=putin&limit=0",
            "/api/search?q=putin&limit=many", "/api/search?q=putin&cursor=not-a-cursor", "/api/search?q=a&q=b",
        ] {
            let bad = try await server.request(path)
            #expect(bad.status == 400, "\(path)")
            #expect(!(try bad.errorMessage()).isEmpty, "\(path)")
        }
        let raw = try server.rawRequest("GET /api/search?q=%zz%")
        #expect(raw.status == 400)
        #expect(raw.body.contains("\"message\""))
        let quotes = try await server.request("/api/search?q=%22Kim%22+AND+OR+NEAR(")
        #expect(quotes.status == 200, "FTS syntax in a query is searched as words")
    }

    @Test func entities() async throws {
        let server = try await demo()
        let reply = try await server.request("/api/entities?type=PER&limit=100")
        #expect(reply.status == 200)
        let items = try #require(try reply.json()["items"] as? [[String: Any]])
        #expect(items.allSatisfy { $0["type"] as? String == "PER" })
        #expect(items.contains { $0["name"] as? String == "Vladimir Putin" && ($0["documents"] as? Int ?? 0) >= 3 })
        #expect(try await server.request("/api/entities?type=ANIMAL").status == 400)
    }

    @Test func eventsFilterAsTheCommandLineDoes() async throws {
        let server = try await demo()
        let all = try #require(try await server.request("/api/events?limit=500").json()["items"] as? [[String: Any]])
        let stored = try await server.store.events().filter { $0.modality == "asserted" }
        #expect(all.count == stored.count)
        #expect(all.compactMap { $0["id"] as? String } == stored.map(\.id))
        for key in [
            "id", "type", "modality", "participants", "aliases", "date", "location", "sources", "mentions",
            "confidence",
        ] {
            #expect(all.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        let putin = try #require(
            try await server.request("/api/events?actor=Putin&limit=500").json()["items"] as? [[String: Any]])
        #expect(!putin.isEmpty)
        #expect(putin.allSatisfy { ($0["participants"] as? [String] ?? []).contains("Vladimir Putin") })
        #expect(putin.count == stored.filter { EventQuery(actor: "Putin").matches($0) }.count)
        let agree = try #require(try await server.request("/api/events?type=agree").json()["items"] as? [[String: Any]])
        #expect(agree.allSatisfy { $0["type"] as? String == "AGREE" })
        let since = try #require(
            try await server.request("/api/events?since=2024-06&until=2024-12").json()["items"] as? [[String: Any]])
        #expect(!since.isEmpty)
        #expect(
            since.allSatisfy {
                ($0["date"] as? String ?? "") >= "2024-06" && ($0["date"] as? String ?? "") <= "2024-12-31"
            })
        let every = try #require(
            try await server.request("/api/events?modality=all&limit=500").json()["items"] as? [[String: Any]])
        #expect(every.contains { $0["modality"] as? String == "planned" })
        let pair = try #require(
            try await server.request("/api/events?a=Russia&b=North+Korea").json()["items"] as? [[String: Any]])
        #expect(!pair.isEmpty)
        for path in [
            "/api/events?since=yesterday", "/api/events?until=2024-13", "/api/events?modality=rumoured",
            "/api/events?type=CON%20SULT",
        ] {
            let bad = try await server.request(path)
            #expect(bad.status == 400, "\(path)")
            #expect(!(try bad.errorMessage()).isEmpty)
        }
        let first = try #require(all.first?["id"] as? String)
        let one = try await server.request("/api/events/\(first)")
        #expect(one.status == 200)
        #expect(try one.json()["id"] as? String == first)
        #expect(try await server.request("/api/events/ev-nothing").status == 404)
    }

    @Test func timelineAndDyads() async throws {
        let server = try await demo()
        let timeline = try #require(
            try await server.request("/api/timeline?actor=Kim+Jong+Un").json()["items"] as? [[String: Any]])
        #expect(!timeline.isEmpty)
        let dates = timeline.compactMap { $0["date"] as? String }
        #expect(dates.count == timeline.count, "the timeline holds dated events only")
        #expect(dates == dates.sorted())
        let dyad = try await server.request("/api/dyads?a=Russia&b=North%20Korea")
        #expect(dyad.status == 200)
        let json = try dyad.json()
        let items = try #require(json["items"] as? [[String: Any]])
        let months = try #require(json["months"] as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(json["total"] as? Int == items.count)
        #expect(months.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == items.count)
        #expect(json.keys.contains("next"))
        let missing = try await server.request("/api/dyads?a=Russia")
        #expect(missing.status == 400)
        #expect(try missing.errorMessage().contains("two"))
    }

    @Test func unknownRoutesAreJSONErrors() async throws {
        let server = try await demo()
        let reply = try await server.request("/api/nothing-here")
        #expect(reply.status == 404)
        #expect(try reply.errorMessage().contains("/api/nothing-here"))
        let method = try await server.request("/api/documents", method: "DELETE")
        #expect([404, 405].contains(method.status))
        #expect(!(try method.errorMessage()).isEmpty)
    }
}

/// `POST /api/documents`: only with the token.
@Suite struct IngestAPITests {
    static let article = """
        {"id": "posted-1", "title": "Jokowi bertemu Xi Jinping di Beijing", "published": "2023-10-17", "text": "BEIJING - Presiden Joko Widodo bertemu Presiden China Xi Jinping di Beijing pada Selasa (17/10/2023). Kedua pemimpin membahas kerja sama ekonomi.\\nKeduanya juga menandatangani sejumlah nota kesepahaman. <script>alert('x')</script>"}
        """

    @Test func postingNeedsTheBearerToken() async throws {
        let server = try await TestServer.start(examples: false, token: "s3cret")
        defer { server.stop() }
        let body = Data(Self.article.utf8)
        let json = ["Content-Type": "application/json"]
        // Read the (empty) events first, so that the server holds them in memory before the write.
        #expect(try await server.request("/api/events").json()["items"] as? [Any] != nil)
        let none = try await server.request("/api/documents", method: "POST", headers: json, body: body)
        #expect(none.status == 401)
        #expect(try none.errorMessage().contains("Bearer"))
        #expect(none.header("WWW-Authenticate") == "Bearer")
        let wrong = try await server.request(
            "/api/documents", method: "POST", headers: json.merging(["Authorization": "Bearer guess"]) { a, _ in a },
            body: body)
        #expect(wrong.status == 401)
        #expect(try await server.store.stats().documents == 0)

        let authorised = json.merging(["Authorization": "Bearer s3cret"]) { a, _ in a }
        let added = try await server.request("/api/documents", method: "POST", headers: authorised, body: body)
        #expect(added.status == 201, "\(added.text)")
        #expect(try added.json()["outcome"] as? String == "added")
        #expect(added.header("Location") == "/api/documents/posted-1")
        #expect(try await server.store.stats().documents == 1)
        let again = try await server.request("/api/documents", method: "POST", headers: authorised, body: body)
        #expect(again.status == 200)
        #expect(try again.json()["outcome"] as? String == "known")
        let stored = try await server.request("/api/documents/posted-1")
        #expect(stored.status == 200)
        #expect(try stored.json()["title"] as? String == "Jokowi bertemu Xi Jinping di Beijing")
        let events = try #require(
            try await server.request("/api/events?actor=Widodo").json()["items"] as? [[String: Any]])
        #expect(!events.isEmpty, "posting merges the events again")

        let broken = try await server.request(
            "/api/documents", method: "POST", headers: authorised, body: Data("{not json".utf8))
        #expect(broken.status == 400)
        #expect(try broken.errorMessage().contains("POST /api/documents"))
        let empty = try await server.request(
            "/api/documents", method: "POST", headers: authorised, body: Data(#"{"id": "x"}"#.utf8))
        #expect(empty.status == 400)
    }

    @Test func aServerWithoutATokenIsReadOnly() async throws {
        let server = try await TestServer.start(examples: false, token: nil)
        defer { server.stop() }
        let reply = try await server.request(
            "/api/documents", method: "POST", headers: ["Authorization": "Bearer anything"],
            body: Data(Self.article.utf8))
        #expect(reply.status == 401)
        #expect(try reply.errorMessage().contains("read-only"))
    }
}

/// Events written to the store by another process show within two seconds.
@Suite struct FreshnessTests {
    @Test func eventsWrittenElsewhereShowSoon() async throws {
        let server = try await TestServer.start(examples: false, token: nil)
        defer { server.stop() }
        #expect((try await server.request("/api/events").json()["items"] as? [Any])?.isEmpty == true)
        let pipeline = IngestPipeline()
        let (files, _) = pipeline.reader.expand([TestServer.examples + "/01-vostochny-summit.txt"])
        _ = try await pipeline.run(files: files, into: server.store) { _ in }
        try await server.store.rebuildEvents()
        try await Task.sleep(for: .milliseconds(2100))
        let items = try #require(try await server.request("/api/events").json()["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
    }
}
