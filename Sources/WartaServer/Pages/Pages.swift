internal import Hummingbird
internal import WartaCore

/// The web UI: pages rendered on the server, readable without JavaScript.
struct Pages: Sendable {
    let server: WartaServer

    var store: any EventStore { server.store }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await overview(try QueryString(request.uri.query)) }
        router.get("/timeline") { request, _ in try await timeline(try QueryString(request.uri.query)) }
        router.get("/network") { request, _ in try await network(try QueryString(request.uri.query)) }
        router.get("/search") { request, _ in try await search(try QueryString(request.uri.query)) }
        router.get("/events/:id") { _, context in try await event(try API.pathParameter("id", context)) }
        router.get("/documents/:id") { _, context in try await document(try API.pathParameter("id", context)) }
    }

    /// `/`: what the store holds, the latest events, the most mentioned people, and the documents.
    func overview(_ query: QueryString) async throws -> Response {
        let stats = try await store.stats()
        let page = try PageRequest(query)
        let documents = try await store.documents(offset: page.offset, limit: page.limit + 1)
        let events = try await server.events.current().events.filter { $0.modality == "asserted" && $0.date != nil }
        let people = try await store.entities(type: "PER").prefix(12)
        let latest = Array(events.suffix(8).reversed())
        let peopleList = people.map { entity -> HTML in
            "<li><a href=\"\(URLText.link("/timeline", [("actor", entity.name)]))\">\(entity.name)</a> <span class=\"count\">\(entity.documents) docs</span></li>"
        }
        let documentRows = documents.prefix(page.limit).map { summary -> HTML in
            """
            <tr><td><a href="\(EventText.documentLink(summary.id))">\(summary.title ?? summary.id)</a></td>
            <td>\(summary.publisher ?? "")</td><td>\(summary.published.map { String($0.prefix(10)) } ?? "")</td><td>\(summary.language)</td></tr>
            """
        }
        var more = HTML.empty
        if documents.count > page.limit {
            more =
                "<p><a rel=\"next\" href=\"/?cursor=\(PageRequest.cursor(page.offset + page.limit))\">More documents</a></p>"
        }
        let body: HTML = """
            <h1>\(server.options.name)</h1>
            <p class="stats"><strong>\(stats.documents)</strong> documents · <strong>\(stats.sources)</strong> sources · <strong>\(stats.entities)</strong> entities · <strong>\(stats.events)</strong> events</p>
            <div class="columns">
            <section><h2>Latest events</h2>\(EventText.list(latest))<p><a href="/timeline">The whole timeline</a></p></section>
            <section><h2>People most reported</h2><ul class="plain">\(peopleList)</ul></section>
            </div>
            <section><h2>Documents</h2>
            <table class="documents"><thead><tr><th>Title</th><th>Publisher</th><th>Published</th><th>Lang</th></tr></thead>
            <tbody>\(documentRows.joined(separator: "\n"))</tbody></table>\(more)
            </section>
            """
        return Layout.page(title: "Overview", current: "/", body: body)
    }

    /// `/search?q=`: full-text search over the articles.
    func search(_ query: QueryString) async throws -> Response {
        guard let q = query["q"] else {
            let body: HTML =
                "<h1>Search</h1><p>Type words into the box above; every word must occur, a word also matches as a prefix.</p>"
            return Layout.page(title: "Search", current: "/search", body: body)
        }
        let words: String
        do {
            words = try API.searchWords(query)
        } catch let error as HTTPError {
            var response = Layout.page(
                title: "Search", current: "/search",
                body: "<h1>Search</h1><p class=\"error\">\(error.body ?? "bad query")</p>", query: q)
            response.status = .badRequest
            return response
        }
        let hits = try await store.search(words, limit: 50)
        let rows = hits.map { hit -> HTML in
            """
            <li><a href="\(EventText.documentLink(hit.id))">\(hit.title ?? hit.id)</a>
            <p class="snippet">\(Self.snippet(hit.snippet))</p><span class="facts">\(hit.id)</span></li>
            """
        }
        let body: HTML = """
            <h1>Search: \(q)</h1>
            <p>\(hits.count == 50 ? "The first 50 documents" : "\(hits.count) document\(hits.count == 1 ? "" : "s")") match.</p>
            <ol class="hits">\(rows.joined(separator: "\n"))</ol>
            """
        return Layout.page(title: "Search: \(q)", current: "/search", body: body, query: q)
    }

    /// A search snippet with its matched words (between `[` and `]`) marked, all else escaped.
    static func snippet(_ text: String) -> HTML {
        var out = HTML.empty
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            out += .text(String(rest[..<open]))
            out += "<mark>\(String(rest[rest.index(after: open)..<close]))</mark>"
            rest = rest[rest.index(after: close)...]
        }
        return out + .text(String(rest))
    }
}
