/// Text with marked spans, as escaped HTML: offsets count Unicode scalars, as in the document JSON.
///
/// Spans may nest or cross; crossing spans are closed and opened again, so the markup stays well formed.
struct Highlighter {
    struct Span {
        var start: Int
        var end: Int
        /// Markup this module wrote (its attribute values escaped).
        var open: HTML
        var close: HTML
        /// Lower layers go outside higher ones when both start at one place.
        var layer: Int
    }

    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The paragraphs (between `\n`) as ranges.
    var paragraphs: [Range<Int>] {
        var ranges = [Range<Int>]()
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            ranges.append(start..<index)
            start = index + 1
        }
        ranges.append(start..<scalars.count)
        return ranges.filter { !$0.isEmpty }
    }

    /// The paragraph that holds `offset`.
    func paragraph(around offset: Int) -> Range<Int> {
        paragraphs.first { $0.contains(offset) } ?? (0..<0)
    }

    func text(_ range: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return String(out)
    }

    /// `range` of the text with `spans` (clipped to it) marked.
    func render(_ range: Range<Int>, spans: [Span]) -> HTML {
        let range = range.clamped(to: 0..<scalars.count)
        let spans = spans.compactMap { span -> Span? in
            var span = span
            span.start = max(span.start, range.lowerBound)
            span.end = min(span.end, range.upperBound)
            return span.start < span.end ? span : nil
        }
        var boundaries = Set([range.lowerBound, range.upperBound])
        for span in spans {
            boundaries.insert(span.start)
            boundaries.insert(span.end)
        }
        let points = boundaries.sorted()
        var out = HTML.empty
        var stack = [Int]()
        for (index, point) in points.enumerated() {
            if let lowest = stack.firstIndex(where: { spans[$0].end <= point }) {
                let popped = Array(stack[lowest...])
                for open in popped.reversed() { out += spans[open].close }
                stack.removeSubrange(lowest...)
                for open in popped where spans[open].end > point {
                    out += spans[open].open
                    stack.append(open)
                }
            }
            let starting = spans.indices.filter { spans[$0].start == point }.sorted {
                (spans[$0].end, -spans[$0].layer) > (spans[$1].end, -spans[$1].layer)
            }
            for open in starting {
                out += spans[open].open
                stack.append(open)
            }
            if index + 1 < points.count { out += .text(text(point..<points[index + 1])) }
        }
        for open in stack.reversed() { out += spans[open].close }
        return out
    }
}
