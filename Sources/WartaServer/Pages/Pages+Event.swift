internal import Hummingbird
internal import WartaCore

extension Pages {
    /// `/events/{id}`: one merged event with every source, the evidence sentence marked in each.
    func event(_ id: String) async throws -> Response {
        guard let event = try await server.events.current().event(id) else {
            throw HTTPError(.notFound, message: "no event \(id)")
        }
        var sources = [HTML]()
        for source in event.sources {
            let evidence = event.evidence.filter { $0.document == source }.sorted { $0.start < $1.start }
            guard let document = try await store.document(source) else {
                sources.append(
                    "<article class=\"source\"><h3>\(source)</h3><p class=\"error\">This document is no longer in the store.</p></article>"
                )
                continue
            }
            let text = Highlighter(document.text)
            var quotes = [HTML]()
            var shown = Set<Range<Int>>()
            for item in evidence {
                let paragraph = text.paragraph(around: item.start)
                guard !paragraph.isEmpty, shown.insert(paragraph).inserted else { continue }
                let marks = evidence.map {
                    Highlighter.Span(
                        start: $0.start, end: $0.end, open: "<mark class=\"evidence\">", close: "</mark>", layer: 0)
                }
                quotes.append("<blockquote>\(text.render(paragraph, spans: marks))</blockquote>")
            }
            if quotes.isEmpty { quotes.append("<p class=\"empty\">No evidence sentence was kept for this source.</p>") }
            let meta = [document.source.publisher, document.published, document.author.map { "by " + $0 }].compactMap {
                $0
            }
            sources.append(
                """
                <article class="source">
                <h3><a href="\(EventText.documentLink(source))">\(document.title ?? source)</a></h3>
                <p class="facts">\(source)\(meta.isEmpty ? "" : " · " + meta.joined(separator: " · "))</p>
                \(quotes)
                </article>
                """)
        }
        let participants = event.participants.map { name -> HTML in
            let aliases = (event.aliases[name] ?? []).filter { $0 != name }
            let also: HTML =
                aliases.isEmpty ? .empty : " <span class=\"facts\">also \(aliases.joined(separator: ", "))</span>"
            return "<li><a href=\"\(URLText.link("/timeline", [("actor", name)]))\">\(name)</a>\(also)</li>"
        }
        let facts: [(String, String?)] = [
            ("Type", event.type + (event.mode.map { " (\($0))" } ?? "")), ("Modality", event.modality),
            ("Date", event.date ?? "unknown"), ("How the date was found", event.dateNote), ("Location", event.location),
            ("Countries", event.countries.isEmpty ? nil : event.countries.joined(separator: ", ")),
            ("Mentions", "\(event.mentions) in \(event.sources.count) source\(event.sources.count == 1 ? "" : "s")"),
            ("Confidence", String(Int((event.confidence * 100).rounded())) + "%"), ("Id", event.id),
        ]
        let rows = facts.compactMap { label, value -> HTML? in
            value.map { "<tr><th>\(label)</th><td>\(String($0))</td></tr>" }
        }
        let body: HTML = """
            <article class="event-page" data-event="\(event.id)">
            <h1>\(EventText.title(event))</h1>
            <p class="facts">\(EventText.facts(event))</p>
            <div class="columns">
            <table class="facts-table">\(rows)</table>
            <section><h2>Participants</h2><ul class="plain">\(participants)</ul>
            <p><a href="/api/events/\(URLText.component(event.id))">This event as JSON</a></p></section>
            </div>
            <h2>Sources</h2>
            \(sources.joined(separator: "\n"))
            </article>
            """
        return Layout.page(title: EventText.title(event), current: "", body: body)
    }
}
