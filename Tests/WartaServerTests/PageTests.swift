import Foundation
import Testing
import WartaCore
import WartaSQLite

/// The server-rendered pages, read as a browser without JavaScript would read them.
@Suite struct PageTests {
    func demo() async throws -> TestServer { try await TestServer.demo.value }

    @Test func everyPageAnswersWithHTML() async throws {
        let server = try await demo()
        let event = try #require(try await server.store.events().first { $0.modality == "asserted" })
        for path in [
            "/", "/timeline", "/network", "/search?q=Putin", "/search", "/events/\(event.id)",
            "/documents/01-vostochny-summit.txt", "/static/warta.css", "/static/warta.js",
        ] {
            let reply = try await server.request(path)
            #expect(reply.status == 200, "\(path)")
            if !path.hasPrefix("/static") {
                #expect(reply.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
                #expect(reply.text.hasPrefix("<!doctype html>"), "\(path)")
            }
        }
        let missing = try await server.request("/events/ev-none")
        #expect(missing.status == 404)
        #expect(missing.text.contains("no event ev-none"))
        #expect(try await server.request("/timeline?since=soon").status == 400)
        #expect(try await server.request("/search?q=%2A%2A").status == 400)
    }

    @Test func timelineDrawsEveryMatchingEvent() async throws {
        let server = try await demo()
        let page = try await server.request("/timeline?actor=Putin&type=CONSULT")
        let events = try await server.store.events().filter { EventQuery(actor: "Putin", type: "CONSULT").matches($0) }
        #expect(!events.isEmpty)
        #expect(page.text.contains("<svg class=\"timeline\""))
        for event in events {
            // One dot in the chart and one line in the list, both linking to the event.
            #expect(page.text.components(separatedBy: "href=\"/events/\(event.id)\"").count - 1 == 2, "\(event.id)")
        }
        let others = try await server.store.events().filter { !EventQuery(actor: "Putin", type: "CONSULT").matches($0) }
        for event in others { #expect(!page.text.contains("/events/\(event.id)\""), "\(event.id) is filtered out") }
        let pair = try await server.request("/timeline?a=Russia&b=North+Korea")
        #expect(pair.text.contains("per month"))
    }

    @Test func networkHasActorsAndPairs() async throws {
        let server = try await demo()
        let page = try await server.request("/network")
        #expect(page.text.contains("<svg class=\"network\""))
        #expect(page.text.contains(">Vladimir Putin</text>"))
        #expect(page.text.contains("class=\"edge\""))
        #expect(page.text.contains("Kim Jong Un"))
    }

    @Test func eventPageMarksTheEvidenceInEverySource() async throws {
        let server = try await demo()
        let event = try #require(try await server.store.events().first { $0.sources.count >= 2 })
        let page = try await server.request("/events/\(event.id)")
        #expect(page.status == 200)
        for source in event.sources {
            #expect(page.text.contains("href=\"/documents/\(source)\""), "\(source)")
        }
        let marks = page.text.components(separatedBy: "<mark class=\"evidence\">").count - 1
        #expect(marks >= event.sources.count)
        // The marked text is the evidence span of the stored document.
        let evidence = try #require(event.evidence.first)
        let document = try #require(try await server.store.document(evidence.document))
        let scalars = Array(document.text.unicodeScalars)
        var span = String.UnicodeScalarView()
        span.append(contentsOf: scalars[evidence.start..<evidence.end])
        let words = String(span).split(separator: " ").prefix(3).joined(separator: " ")
        #expect(page.text.contains(words), "\(words)")
    }

    @Test func documentPageMarksEntitiesDatesEvidenceAndRemovedLines() async throws {
        let server = try await demo()
        let page = try await server.request("/documents/02-putin-pyongyang-visit.txt")
        #expect(page.status == 200)
        #expect(page.text.contains("class=\"ent ent-PER\" title=\"Vladimir Putin (PER)\""))
        #expect(page.text.contains("<span class=\"date\" title=\"2024-"))
        #expect(page.text.contains("<mark class=\"evidence\""))
        let document = try #require(try await server.store.document("02-putin-pyongyang-visit.txt"))
        let removed = try #require(document.removed?.first)
        #expect(page.text.contains("Lines cleaned away"))
        #expect(page.text.contains("<span class=\"reason\">\(removed.reason)</span>"))
    }

    @Test func articleTextIsEscapedEverywhere() async throws {
        let server = try await TestServer.start(examples: false, token: "t")
        defer { server.stop() }
        let record = """
            {"id": "<b>evil</b>.txt", "title": "Putin <script>alert(1)</script> bertemu Kim", "text": "MOSKOW - Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Moskow pada Rabu (13/9/2023). <script>alert('text')</script> \\"quoted\\" & <img src=x onerror=alert(2)>"}
            """
        let posted = try await server.request(
            "/api/documents", method: "POST", headers: ["Authorization": "Bearer t"], body: Data(record.utf8))
        #expect(posted.status == 201, "\(posted.text)")
        let hash = try #require(try posted.json()["hash"] as? String)
        var pages = ["/", "/documents/\(hash)", "/search?q=Putin", "/timeline", "/network"]
        pages += try await server.store.events().map { "/events/\($0.id)" }
        for path in pages {
            let page = try await server.request(path)
            #expect(page.status == 200, "\(path)")
            #expect(!page.text.contains("<script>alert"), "\(path)")
            #expect(!page.text.contains("<img src=x"), "\(path)")
            #expect(!page.text.contains("<b>evil"), "\(path)")
        }
        let document = try await server.request("/documents/\(hash)")
        #expect(document.text.contains("&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;"))
        #expect(document.text.contains("Putin &lt;script&gt;alert(1)&lt;/script&gt; bertemu Kim"))
        #expect(document.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
    }
}
