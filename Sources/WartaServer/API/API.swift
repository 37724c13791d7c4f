internal import Foundation
internal import Hummingbird
internal import NIOCore
internal import WartaCore

/// The JSON API under `/api` (described by Resources/openapi.json) and `GET /health`.
///
/// Every list is `{"items": [...], "next": CURSOR-or-null}`, paged by `limit` and `cursor`; every error is
/// `{"error": {"message": ...}}` with its status.
struct API: Sendable {
    let server: WartaServer

    var store: any EventStore { server.store }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in
            let stats = try await store.stats()
            return JSON.response(Health(status: "ok", documents: stats.documents, events: stats.events))
        }
        let api = router.group("/api")
        api.get("/documents") { request, _ in
            let query = try QueryString(request.uri.query)
            let page = try PageRequest(query)
            // One more than asked tells whether there is a next page.
            let found = try await store.documents(offset: page.offset, limit: page.limit + 1)
            return JSON.response(
                Page(
                    items: Array(found.prefix(page.limit)),
                    next: found.count > page.limit ? PageRequest.cursor(page.offset + page.limit) : nil))
        }
        api.get("/documents/:id") { _, context in
            let id = try Self.pathParameter("id", context)
            guard let document = try await store.document(id) else {
                throw HTTPError(.notFound, message: "no document \(id)")
            }
            return JSON.response(document)
        }
        api.post("/documents") { request, context in try await ingest(request, context) }
        api.get("/search") { request, _ in
            let query = try QueryString(request.uri.query)
            let words = try Self.searchWords(query)
            let page = try PageRequest(query)
            let hits = try await store.search(words, limit: page.offset + page.limit + 1)
            let items = Array(hits.dropFirst(page.offset).prefix(page.limit))
            return JSON.response(
                Page(
                    items: items,
                    next: hits.count > page.offset + page.limit ? PageRequest.cursor(page.offset + page.limit) : nil))
        }
        api.get("/entities") { request, _ in
            let query = try QueryString(request.uri.query)
            let type = query["type"]?.uppercased()
            if let type, !["PER", "ORG", "LOC", "MISC"].contains(type) {
                throw HTTPError(.badRequest, message: "type must be PER, ORG, LOC or MISC, not \"\(type.prefix(20))\"")
            }
            let page = try PageRequest(query)
            return JSON.response(page.page(try await store.entities(type: type)))
        }
        api.get("/events") { request, _ in
            let query = try QueryString(request.uri.query)
            let filter = try Self.eventQuery(query)
            let page = try PageRequest(query)
            let snapshot = try await server.events.current()
            let matching = snapshot.events.indices.filter { filter.matches(snapshot.events[$0]) }
            let shown = page.page(matching)
            return JSON.page(shown.items.map { snapshot.json[$0] }, next: shown.next)
        }
        api.get("/events/:id") { _, context in
            let id = try Self.pathParameter("id", context)
            guard let event = try await server.events.current().event(id) else {
                throw HTTPError(.notFound, message: "no event \(id)")
            }
            return JSON.response(EventLine(event))
        }
        api.get("/timeline") { request, _ in
            let query = try QueryString(request.uri.query)
            let filter = try Self.eventQuery(query)
            let page = try PageRequest(query)
            let events = try await server.events.current().events.filter { $0.date != nil && filter.matches($0) }
            let shown = page.page(events)
            return JSON.response(Page(items: shown.items.map(TimelineItem.init), next: shown.next))
        }
        api.get("/dyads") { request, _ in
            let query = try QueryString(request.uri.query)
            guard let a = query["a"], let b = query["b"] else {
                throw HTTPError(.badRequest, message: "a dyad needs two actors or countries: ?a=...&b=...")
            }
            var filter = try Self.eventQuery(query)
            filter.between = [a, b]
            let page = try PageRequest(query)
            let events = try await server.events.current().events.filter(filter.matches)
            let shown = page.page(events)
            return JSON.response(
                DyadPage(
                    a: a, b: b, total: events.count,
                    months: EventQuery.monthCounts(events).map { MonthCount(month: $0.month, count: $0.count) },
                    items: shown.items.map(EventLine.init), next: shown.next))
        }
        api.get("/stats") { _, _ in JSON.response(try await store.stats()) }
    }

    /// `POST /api/documents`: one JSON Lines record (`id`, `text` or `html`, `title`, `url`, `published`), with
    /// `Authorization: Bearer TOKEN`.
    func ingest(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let token = server.options.token else {
            throw HTTPError(
                .unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                message: "this server is read-only: start it with --token to accept documents")
        }
        guard let given = request.headers[.authorization], Self.bearer(given, matches: token) else {
            throw HTTPError(
                .unauthorized, headers: [.wwwAuthenticate: "Bearer"],
                message: "POST /api/documents needs the header Authorization: Bearer TOKEN")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: server.options.maxDocumentSize)
        } catch {
            throw HTTPError(
                .contentTooLarge, message: "the document is larger than \(server.options.maxDocumentSize) bytes")
        }
        let bytes = [UInt8](body.readableBytesView)
        var raw: RawDocument
        switch InputReader.record(bytes, origin: "POST /api/documents") {
        case .success(let record): raw = record
        case .failure(let error): throw HTTPError(.badRequest, message: error.description)
        }
        if (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])?["id"] == nil {
            raw.id = "posted-" + String(SHA256.hex(bytes: SHA256.digest(bytes)).prefix(16))
        }
        raw.path = nil
        let document: Document
        do {
            document = try server.pipeline.analyzer.analyze(raw)
        } catch {
            throw HTTPError(.unprocessableContent, message: error.description)
        }
        let outcome = try await store.add(document, raw: raw.body)
        let events = outcome == .added ? try await store.rebuildEvents() : try await store.stats().events
        await server.events.invalidate()
        var response = JSON.response(
            Ingested(
                id: document.id, hash: document.hash, outcome: outcome.rawValue, title: document.title, events: events))
        response.status = outcome == .added ? .created : .ok
        response.headers[.location] = "/api/documents/\(URLText.component(document.id))"
        return response
    }

    static func bearer(_ header: String, matches token: String) -> Bool {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        let given = Array(parts[1].trimmingCharacters(in: .whitespaces).utf8)
        let wanted = Array(token.utf8)
        // Compare every byte, so the time taken does not tell how much of a guess was right.
        var difference = given.count ^ wanted.count
        for index in 0..<max(given.count, wanted.count) {
            difference |= Int((index < given.count ? given[index] : 0) ^ (index < wanted.count ? wanted[index] : 0))
        }
        return difference == 0
    }

    /// The words of `q`; a missing or wordless query is a 400.
    static func searchWords(_ query: QueryString) throws -> String {
        guard let q = query["q"] else { throw HTTPError(.badRequest, message: "search needs words: ?q=...") }
        guard q.count <= 500 else {
            throw HTTPError(.badRequest, message: "the search query is longer than 500 characters")
        }
        guard q.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw HTTPError(.badRequest, message: "the search query \"\(q.prefix(40))\" has no words to look for")
        }
        return q
    }

    /// The event filters of `warta events`: actor, type, since, until, modality; and a country pair, a and b.
    static func eventQuery(_ query: QueryString) throws -> EventQuery {
        let filter = EventQuery(
            actor: query["actor"], type: query["type"], since: query["since"], until: query["until"],
            modality: query["modality"] ?? "asserted", between: [query["a"], query["b"]].compactMap { $0 })
        if let problem = filter.problem { throw HTTPError(.badRequest, message: problem) }
        return filter
    }

    static func pathParameter(_ name: String, _ context: BasicRequestContext) throws -> String {
        guard let raw = context.parameters.get(name), let value = raw.removingPercentEncoding, !value.isEmpty else {
            throw HTTPError(.badRequest, message: "malformed \(name) in the path")
        }
        return value
    }
}

struct Health: Encodable, Sendable {
    var status: String
    var documents: Int
    var events: Int
}

struct Ingested: Encodable, Sendable {
    var id: String
    var hash: String
    var outcome: String
    var title: String?
    /// How many merged events the store holds now.
    var events: Int
}

/// An event on the timeline: when, what, who, where, and who reported it.
struct TimelineItem: Encodable, Sendable {
    var id: String
    var date: String?
    var type: String
    var mode: String?
    var modality: String
    var participants: [String]
    var location: String?
    var sources: [String]

    init(_ event: EventMerger.Merged) {
        id = event.id
        date = event.date
        type = event.type
        mode = event.mode
        modality = event.modality
        participants = event.participants
        location = event.location
        sources = event.sources
    }
}

struct MonthCount: Encodable, Sendable {
    var month: String
    var count: Int
}

/// The events between two actors, with their count per month.
struct DyadPage: Encodable, Sendable {
    var a: String
    var b: String
    var total: Int
    var months: [MonthCount]
    var items: [EventLine]
    var next: String?

    enum CodingKeys: String, CodingKey { case a, b, total, months, items, next }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(a, forKey: .a)
        try c.encode(b, forKey: .b)
        try c.encode(total, forKey: .total)
        try c.encode(months, forKey: .months)
        try c.encode(items, forKey: .items)
        try c.encode(next, forKey: .next)
    }
}

enum JSON {
    /// `{"items": [...], "next": ...}` from items already encoded.
    static func page(_ items: [[UInt8]], next: String?) -> Response {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(items.reduce(32) { $0 + $1.count + 1 })
        buffer.writeString("{\"items\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { buffer.writeString(",") }
            buffer.writeBytes(item)
        }
        // A cursor is base64url: nothing in it needs escaping.
        buffer.writeString("],\"next\":" + (next.map { "\"\($0)\"" } ?? "null") + "}")
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    static func response(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            return Response(status: .internalServerError)
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
