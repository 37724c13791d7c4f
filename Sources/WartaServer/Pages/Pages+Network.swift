internal import Foundation
internal import Hummingbird
internal import WartaCore

extension Pages {
    /// `/network`: actors as nodes, events as edges, both sized by how often the actors meet.
    func network(_ query: QueryString) async throws -> Response {
        let all = try await server.events.current().events
        let filter = try API.eventQuery(query)
        let graph = ActorGraph(events: all.filter(filter.matches), limit: 40)
        let rows = graph.edges.sorted { ($0.weight, graph.nodes[$1.a].name) > ($1.weight, graph.nodes[$0.a].name) }
            .prefix(30).map { edge -> HTML in
                let a = graph.nodes[edge.a].name, b = graph.nodes[edge.b].name
                return
                    "<tr><td>\(a)</td><td>\(b)</td><td><a href=\"\(URLText.link("/timeline", [("a", a), ("b", b), ("modality", filter.modality)]))\">\(edge.weight) event\(edge.weight == 1 ? "" : "s")</a></td></tr>"
            }
        let body: HTML = """
            <h1>Actor network</h1>
            \(FilterForm.render(query, events: all, action: "/network"))
            <p class="summary">\(graph.nodes.count) actors, \(graph.edges.count) pairs\(Self.describe(filter)); the \(graph.nodes.count == 40 ? "40 most active actors are" : "actors are") drawn, each line a pair that met, thicker the more often.</p>
            \(graph.svg())
            <h2>Pairs that met most</h2>
            <table class="pairs"><thead><tr><th>Actor</th><th>Actor</th><th>Events</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return Layout.page(title: "Network", current: "/network", body: body)
    }
}

/// Who meets whom: participants of events as nodes, pairs that share events as weighted edges, laid out by a
/// small deterministic force simulation.
struct ActorGraph {
    struct Node {
        var name: String
        var events: Int
        var x = 0.0
        var y = 0.0
    }

    struct Edge {
        var a: Int
        var b: Int
        var weight: Int
    }

    var nodes: [Node] = []
    var edges: [Edge] = []

    static let width = 960.0
    static let height = 620.0

    init(events: [EventMerger.Merged], limit: Int) {
        var counts = [String: Int]()
        for event in events {
            for name in Set(event.participants) { counts[name, default: 0] += 1 }
        }
        let kept = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit)
        nodes = kept.map { Node(name: $0.key, events: $0.value) }
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.name, $0) })
        var weights = [[Int]: Int]()
        for event in events {
            let members = Set(event.participants.compactMap { index[$0] }).sorted()
            for i in members.indices {
                for j in members.indices where j > i { weights[[members[i], members[j]], default: 0] += 1 }
            }
        }
        edges = weights.map { Edge(a: $0.key[0], b: $0.key[1], weight: $0.value) }.sorted {
            ($0.a, $0.b) < ($1.a, $1.b)
        }
        layout()
    }

    /// Fruchterman–Reingold from a circle: the same events always give the same picture.
    ///
    /// - Complexity: O(iterations × nodes²), with at most a few dozen nodes.
    mutating func layout() {
        let count = nodes.count
        guard count > 0 else { return }
        let cx = Self.width / 2, cy = Self.height / 2
        for i in nodes.indices {
            let angle = Double(i) / Double(count) * 2 * Double.pi
            nodes[i].x = cx + 220 * cos(angle)
            nodes[i].y = cy + 220 * sin(angle)
        }
        guard count > 1 else {
            nodes[0].x = cx
            nodes[0].y = cy
            return
        }
        let k = (Self.width * Self.height / Double(count)).squareRoot() * 0.62
        var temperature = 80.0
        for _ in 0..<300 {
            var dx = [Double](repeating: 0, count: count)
            var dy = [Double](repeating: 0, count: count)
            for i in 0..<count {
                for j in (i + 1)..<count {
                    var ddx = nodes[i].x - nodes[j].x, ddy = nodes[i].y - nodes[j].y
                    var distance = (ddx * ddx + ddy * ddy).squareRoot()
                    if distance < 0.01 {
                        ddx = 0.01 * Double(i - j)
                        ddy = 0.01
                        distance = 0.02
                    }
                    let force = k * k / distance
                    dx[i] += ddx / distance * force
                    dy[i] += ddy / distance * force
                    dx[j] -= ddx / distance * force
                    dy[j] -= ddy / distance * force
                }
            }
            for edge in edges {
                let ddx = nodes[edge.a].x - nodes[edge.b].x, ddy = nodes[edge.a].y - nodes[edge.b].y
                let distance = max((ddx * ddx + ddy * ddy).squareRoot(), 0.01)
                let force = distance * distance / k * (1 + 0.3 * log(Double(edge.weight)))
                dx[edge.a] -= ddx / distance * force
                dy[edge.a] -= ddy / distance * force
                dx[edge.b] += ddx / distance * force
                dy[edge.b] += ddy / distance * force
            }
            for i in 0..<count {
                // A little gravity keeps unconnected actors on the page.
                dx[i] += (cx - nodes[i].x) * 0.5
                dy[i] += (cy - nodes[i].y) * 0.5 * Self.width / Self.height
                let length = max((dx[i] * dx[i] + dy[i] * dy[i]).squareRoot(), 0.01)
                nodes[i].x += dx[i] / length * min(length, temperature)
                nodes[i].y += dy[i] / length * min(length, temperature)
            }
            temperature = max(temperature * 0.985, 1)
        }
        fit()
    }

    /// Scales the layout into the picture, leaving room for the labels centred under the nodes
    /// (about 6.6 pixels a character).
    mutating func fit() {
        guard let minX = nodes.map(\.x).min(), let maxX = nodes.map(\.x).max(), let minY = nodes.map(\.y).min(),
            let maxY = nodes.map(\.y).max()
        else { return }
        let margin = 70.0, top = 24.0, bottom = 40.0
        let sx = maxX - minX > 1 ? (Self.width - 2 * margin) / (maxX - minX) : 0
        let sy = maxY - minY > 1 ? (Self.height - top - bottom) / (maxY - minY) : 0
        for i in nodes.indices {
            let x = sx == 0 ? Self.width / 2 : margin + (nodes[i].x - minX) * sx
            let y = sy == 0 ? Self.height / 2 : top + (nodes[i].y - minY) * sy
            let half = max(24, Double(nodes[i].name.count) * 3.4 + 6)
            nodes[i].x = min(Self.width - half, max(half, x))
            nodes[i].y = y
        }
    }

    func radius(_ node: Node) -> Double { 5 + 3 * Double(node.events).squareRoot() }

    func svg() -> HTML {
        guard !nodes.isEmpty else { return "<p class=\"empty\">No events, so no network.</p>" }
        var parts = [HTML]()
        for edge in edges {
            let a = nodes[edge.a], b = nodes[edge.b]
            parts.append(
                "<line class=\"edge\" data-a=\"\(edge.a)\" data-b=\"\(edge.b)\" x1=\"\(a.x)\" y1=\"\(a.y)\" x2=\"\(b.x)\" y2=\"\(b.y)\" stroke-width=\"\(1 + 1.5 * Double(edge.weight - 1).squareRoot() * 2)\"><title>\(a.name) – \(b.name): \(edge.weight) event\(edge.weight == 1 ? "" : "s")</title></line>"
            )
        }
        for (index, node) in nodes.enumerated() {
            parts.append(
                """
                <a href="\(URLText.link("/timeline", [("actor", node.name)]))" class="node" data-node="\(index)"><circle cx="\(node.x)" cy="\(node.y)" r="\(radius(node))"/><text x="\(node.x)" y="\(node.y + radius(node) + 12)" text-anchor="middle">\(node.name)</text><title>\(node.name): \(node.events) event\(node.events == 1 ? "" : "s")</title></a>
                """)
        }
        return """
            <figure class="chart"><svg class="network" viewBox="0 0 \(Self.width) \(Self.height)" width="100%" role="img" aria-label="Network of \(nodes.count) actors">
            \(parts.joined(separator: "\n"))
            </svg><figcaption>Circles are actors, larger with more events; click one for its timeline.</figcaption></figure>
            """
    }
}
