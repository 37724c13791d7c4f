internal import Hummingbird
internal import WartaCore

extension Pages {
    /// `/documents/{id}`: the clean text with entities, dates and event evidence marked, what was found in it,
    /// and every line cleaning took out, with the reason.
    func document(_ id: String) async throws -> Response {
        guard let document = try await store.document(id) else {
            throw HTTPError(.notFound, message: "no document \(id)")
        }
        let merged = try await server.events.current().events.filter {
            $0.evidence.contains { $0.document == document.id }
        }
        var eventAt = [String: EventMerger.Merged]()
        for event in merged {
            for evidence in event.evidence where evidence.document == document.id {
                eventAt["\(evidence.start)-\(evidence.end) \(event.type)"] = event
            }
        }
        var spans = [Highlighter.Span]()
        for mention in document.events {
            let event = eventAt["\(mention.evidence.start)-\(mention.evidence.end) \(mention.type)"]
            let label =
                "\(mention.type): \(mention.participants.map(\.name).joined(separator: ", "))"
                + (mention.modality == "asserted" ? "" : " [\(mention.modality)]")
            spans.append(
                Highlighter.Span(
                    start: mention.evidence.start, end: mention.evidence.end,
                    open: "<mark class=\"evidence\" title=\"\(label)\" data-event=\"\(event?.id)\">", close: "</mark>",
                    layer: 0))
        }
        for entity in document.entities {
            for mention in entity.mentions {
                spans.append(
                    Highlighter.Span(
                        start: mention.start, end: mention.end,
                        open: "<span class=\"ent ent-\(entity.type)\" title=\"\(entity.name) (\(entity.type))\">",
                        close: "</span>",
                        layer: 1))
            }
        }
        for time in document.times {
            spans.append(
                Highlighter.Span(
                    start: time.start, end: time.end, open: "<span class=\"date\" title=\"\(time.value)\">",
                    close: "</span>",
                    layer: 2))
        }
        let text = Highlighter(document.text)
        let paragraphs = text.paragraphs.map { range -> HTML in
            let caption = document.captions.contains { $0.start <= range.lowerBound && range.upperBound <= $0.end }
            return caption
                ? "<p class=\"caption\">\(text.render(range, spans: spans))</p>"
                : "<p>\(text.render(range, spans: spans))</p>"
        }
        let meta: [(String, String?)] = [
            ("Id", document.id), ("Publisher", document.source.publisher), ("Published", document.published),
            ("Author", document.author), ("Dateline", document.dateline), ("Language", document.language),
            ("Hash", String(document.hash.prefix(16))),
        ]
        var metaRows = meta.compactMap { label, value -> HTML? in
            value.map { "<tr><th>\(label)</th><td>\(String($0))</td></tr>" }
        }
        if let url = document.source.url, url.hasPrefix("http://") || url.hasPrefix("https://") {
            metaRows.append("<tr><th>URL</th><td><a href=\"\(url)\" rel=\"noreferrer nofollow\">\(url)</a></td></tr>")
        }
        let entityRows = document.entities.sorted { ($0.mentions.count, $1.name) > ($1.mentions.count, $0.name) }.map {
            entity -> HTML in
            "<tr><td><span class=\"ent ent-\(entity.type)\">\(entity.name)</span></td><td>\(entity.type)</td><td>\(entity.mentions.count)</td><td>\(entity.aliases.filter { $0 != entity.name }.joined(separator: ", "))</td></tr>"
        }
        let dateRows = document.times.map { time -> HTML in
            "<tr><td><span class=\"date\">\(time.text)</span></td><td>\(time.value)</td><td>\(time.note)</td></tr>"
        }
        let eventRows = document.events.map { mention -> HTML in
            let event = eventAt["\(mention.evidence.start)-\(mention.evidence.end) \(mention.type)"]
            let what: HTML =
                "\(mention.type)\(mention.mode.map { " (\($0))" } ?? ""): \(mention.participants.map(\.name).joined(separator: ", "))"
            return
                "<tr><td>\(event.map { "<a href=\"\(EventText.link($0))\">\(what)</a>" as HTML } ?? what)</td><td>\(mention.date ?? "")</td><td>\(mention.location ?? "")</td><td>\(mention.modality)</td></tr>"
        }
        let removedRows = (document.removed ?? []).map { line -> HTML in
            "<tr><td>\(line.line)</td><td><span class=\"reason\">\(line.reason)</span></td><td class=\"removed-text\">\(line.text)</td><td>\(line.kept ?? "")</td></tr>"
        }
        let eventTable: HTML =
            eventRows.isEmpty
            ? "<p class=\"empty\">No events.</p>"
            : "<table><thead><tr><th>Event</th><th>Date</th><th>Location</th><th>Modality</th></tr></thead><tbody>\(eventRows)</tbody></table>"
        let removedTable: HTML =
            removedRows.isEmpty
            ? "<p class=\"empty\">Cleaning removed nothing.</p>"
            : "<table class=\"removed\"><thead><tr><th>Line</th><th>Why</th><th>Text</th><th>Kept as</th></tr></thead><tbody>\(removedRows)</tbody></table>"
        let body: HTML = """
            <article class="document-page">
            <h1>\(document.title ?? document.id)</h1>
            <table class="facts-table">\(metaRows)</table>
            <p class="legend">Marked: <span class="ent ent-PER">people</span> <span class="ent ent-ORG">organisations</span> <span class="ent ent-LOC">places</span> <span class="date">dates</span> <mark class="evidence">event evidence</mark> <label class="js-only"><input type="checkbox" id="toggle-marks" checked> show marks</label></p>
            <div class="text" id="text">
            \(paragraphs.joined(separator: "\n"))
            </div>
            <h2>Events reported here</h2>
            \(eventTable)
            <h2>Entities</h2>
            <table><thead><tr><th>Name</th><th>Type</th><th>Mentions</th><th>Also written</th></tr></thead><tbody>\(entityRows)</tbody></table>
            <h2>Dates</h2>
            <table><thead><tr><th>Text</th><th>Means</th><th>Note</th></tr></thead><tbody>\(dateRows)</tbody></table>
            <h2>Lines cleaned away</h2>
            \(removedTable)
            <p><a href="/api/documents/\(URLText.component(document.id))">This document as JSON</a></p>
            </article>
            """
        return Layout.page(title: document.title ?? document.id, current: "", body: body)
    }
}
