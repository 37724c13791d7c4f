internal import Hummingbird
internal import NIOCore
internal import WartaCore

/// The frame every page shares: navigation, the search box, the stylesheet and the (optional) script.
enum Layout {
    static let sections: [(path: String, label: String)] = [
        ("/", "Overview"), ("/timeline", "Timeline"), ("/network", "Network"), ("/search", "Search"),
    ]

    static func page(title: String, current: String, body: HTML, query: String? = nil) -> Response {
        let nav = sections.map { section -> HTML in
            section.path == current
                ? "<a href=\"\(section.path)\" aria-current=\"page\">\(section.label)</a>"
                : "<a href=\"\(section.path)\">\(section.label)</a>"
        }
        let html: HTML = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Warta</title>
            <link rel="stylesheet" href="/static/warta.css">
            <script src="/static/warta.js" defer></script>
            </head>
            <body>
            <header class="top">
            <a class="brand" href="/">Warta</a>
            <nav>\(nav)</nav>
            <form class="find" action="/search" method="get" role="search">
            <input type="search" name="q" value="\(query)" placeholder="Search articles" aria-label="Search articles">
            <button type="submit">Search</button>
            </form>
            </header>
            <main>
            \(body)
            </main>
            <footer>Warta · <a href="/openapi.json">API (OpenAPI)</a> · <a href="/api/events">events as JSON</a></footer>
            </body>
            </html>

            """
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
        ]
        if let nosniff = HTTPFields.Element.Name("X-Content-Type-Options") { headers[nosniff] = "nosniff" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html.description)))
    }
}

/// Words for events, shared by the pages.
enum EventText {
    /// "CONSULT (visit): Vladimir Putin · Kim Jong Un": what an event is called on a page.
    static func title(_ event: EventMerger.Merged) -> String {
        let who = event.participants.isEmpty ? "unknown participants" : event.participants.joined(separator: " · ")
        return "\(event.type)\(event.mode.map { " (\($0))" } ?? ""): \(who)"
    }

    /// "2024-06-19 · Pyongyang · 2 sources"
    static func facts(_ event: EventMerger.Merged) -> String {
        var parts = [event.date ?? "date unknown"]
        if let location = event.location { parts.append(location) }
        parts.append("\(event.sources.count) source\(event.sources.count == 1 ? "" : "s")")
        if event.modality != "asserted" { parts.append(event.modality) }
        return parts.joined(separator: " · ")
    }

    static func link(_ event: EventMerger.Merged) -> String { "/events/\(URLText.component(event.id))" }

    static func documentLink(_ id: String) -> String { "/documents/\(URLText.component(id))" }

    /// A list of events, each a link to its page: what the timeline, the overview and dyads show.
    static func list(_ events: [EventMerger.Merged]) -> HTML {
        guard !events.isEmpty else { return "<p class=\"empty\">No events match.</p>" }
        let rows = events.map { event -> HTML in
            """
            <li class="event type-\(event.type)" data-event="\(event.id)">
            <time>\(event.date ?? "????")</time>
            <a href="\(link(event))">\(title(event))</a>
            <span class="facts">\(event.location.map { "@ \($0)" } ?? "")\(event.modality == "asserted" ? "" : " [\(event.modality)]") · \(event.sources.count) source\(event.sources.count == 1 ? "" : "s")</span>
            </li>
            """
        }
        return "<ol class=\"events\">\(rows.joined(separator: "\n"))</ol>"
    }
}
