import Testing
@testable import WartaServer

/// The pieces pages are built from: escaping, marking spans, the timeline's scale.
@Suite struct RenderingTests {
    @Test func textIsEscapedAndMarkupIsNot() {
        let title = "<script>alert('x')</script> & \"more\""
        let html: HTML = "<h1 title=\"\(title)\">\(title)</h1>"
        #expect(
            html.description
                == "<h1 title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</h1>"
        )
        let optional: String? = nil
        #expect(("<p>\(optional)</p>" as HTML).description == "<p></p>")
        #expect(URLText.component("a b/ç?&") == "a%20b%2F%C3%A7%3F%26")
        #expect(
            URLText.link("/timeline", [("actor", "Kim Jong Un"), ("type", nil), ("a", "")])
                == "/timeline?actor=Kim%20Jong%20Un")
    }

    @Test func crossingSpansStayWellFormed() {
        let text = Highlighter("Putin <met> Kim.\nSecond line")
        let spans = [
            Highlighter.Span(start: 0, end: 16, open: "<mark>", close: "</mark>", layer: 0),
            Highlighter.Span(start: 0, end: 5, open: "<b>", close: "</b>", layer: 1),
            // Crosses the end of the first paragraph's mark, and is clipped to the paragraph.
            Highlighter.Span(start: 12, end: 20, open: "<i>", close: "</i>", layer: 1),
        ]
        let paragraphs = text.paragraphs
        #expect(paragraphs == [0..<16, 17..<28])
        #expect(
            text.render(paragraphs[0], spans: spans).description == "<mark><b>Putin</b> &lt;met&gt; <i>Kim.</i></mark>")
        #expect(text.render(paragraphs[1], spans: spans).description == "<i>Sec</i>ond line")
        let crossing = [
            Highlighter.Span(start: 0, end: 8, open: "<mark>", close: "</mark>", layer: 0),
            Highlighter.Span(start: 6, end: 12, open: "<b>", close: "</b>", layer: 1),
        ]
        #expect(text.render(0..<16, spans: crossing).description == "<mark>Putin <b>&lt;m</b></mark><b>et&gt; </b>Kim.")
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = Highlighter("Café 🇮🇩 Jokowi")
        let span = Highlighter.Span(start: 8, end: 14, open: "<b>", close: "</b>", layer: 0)
        #expect(text.render(0..<14, spans: [span]).description == "Café 🇮🇩 <b>Jokowi</b>")
    }

    @Test func longEmptyStretchesOfTheTimelineAreShrunk() {
        let days = ["2000-07", "2022-06-29", "2022-11", "2023-09-13", "2024-06-19"].map(TimelineChart.day)
        let scale = TimeScale(days: days, from: 0, to: 1000)
        #expect(scale.breaks.count == 1)
        #expect(scale.x(days[0]) == 0)
        #expect(scale.x(days[4]) == 1000)
        // Two years shown take far more room than the twenty-two years left out.
        #expect(scale.x(days[1]) < 200)
        #expect(scale.x(days[3]) - scale.x(days[1]) > 500)
        let strictlyIncreasing = zip(days, days.dropFirst()).allSatisfy { scale.x($0) < scale.x($1) }
        #expect(strictlyIncreasing)
        let one = TimeScale(days: [TimelineChart.day("2024-06-19")], from: 0, to: 100)
        #expect(one.x(TimelineChart.day("2024-06-19")) == 50)
        #expect(TimelineChart.civil(TimelineChart.day("2024-02-29")) == (2024, 2, 29))
    }

    @Test func cursorsRoundTripAndRefuseForgeries() throws {
        for offset in [0, 1, 49, 50, 12345] { #expect(PageRequest.offset(of: PageRequest.cursor(offset)) == offset) }
        #expect(PageRequest.offset(of: "bm9wZQ") == nil)  // "nope"
        #expect(PageRequest.offset(of: "***") == nil)
        #expect(PageRequest(offset: 0, limit: 2).page([1, 2, 3]).next != nil)
        #expect(PageRequest(offset: 2, limit: 2).page([1, 2, 3]).items == [3])
        #expect(PageRequest(offset: 2, limit: 2).page([1, 2, 3]).next == nil)
    }
}
