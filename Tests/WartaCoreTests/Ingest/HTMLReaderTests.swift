import Foundation
import Testing
import WartaCore

/// Main-content extraction from small hand-written pages.
@Suite struct HTMLReaderTests {
    static let body = [
        "The council approved the new bridge on Tuesday, after two years of debate, three studies and a long public hearing.",
        "Construction starts in March, the mayor said, and the work should take about eighteen months, weather permitting.",
        "Residents of the east bank, who now drive forty minutes to reach the hospital, welcomed the decision with relief.",
    ]

    @Test func picksTheArticleOverNavigationAsideCommentsAndRelatedLinks() {
        let html = """
            <html><head><title>Bridge approved</title></head><body>
            <div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
            <div id="page">
              <div class="sidebar"><p>Subscribe to our newsletter, it is free, weekly, and full of interesting stories, really.</p></div>
              <div class="article-body">
                <h1>Bridge approved</h1>
                <p>\(Self.body[0])</p>
                <div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>
                <p>\(Self.body[1])</p>
                <p>\(Self.body[2])</p>
              </div>
              <div class="related-stories"><ul>
                <li><a href="/a">Another story about bridges, roads and the budget of the city</a></li>
                <li><a href="/b">The mayor speaks about the harbour, the port and the new ferry</a></li>
              </ul></div>
              <div class="comments"><p>I think this is a waste of money, as usual, and nobody asked us at all, did they?</p>
                <p>Finally, good news for once, well done to everyone who worked so hard on this.</p></div>
            </div>
            <footer>Copyright 2024</footer>
            </body></html>
            """
        let page = HTMLReader.read(html)
        #expect(page.title == "Bridge approved")
        for paragraph in Self.body { #expect(page.lines.contains(paragraph)) }
        #expect(!page.lines.contains { $0.contains("waste of money") || $0.contains("newsletter") })
        #expect(!page.lines.contains { $0.contains("Another story") || $0.contains("Tweet") || $0.contains("Copyright") })
    }

    @Test func prefersJSONLDArticleBody() {
        let html = """
            <html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Bridge approved",
             "articleBody": "\(Self.body[0])\\n\(Self.body[1])\\n\(Self.body[2])"}
            </script></head><body>
            <div class="story"><p>\(Self.body[0])</p><p>Teaser only; the rest is behind a wall for subscribers.</p></div>
            </body></html>
            """
        let page = HTMLReader.read(html)
        #expect(page.lines == Self.body)
        #expect(page.title == "Bridge approved")
    }

    @Test func ignoresAnArticleBodyMuchShorterThanThePage() {
        let html = """
            <html><head><script type="application/ld+json">{"articleBody": "Short summary."}</script></head>
            <body><article><p>\(Self.body[0])</p><p>\(Self.body[1])</p></article></body></html>
            """
        #expect(HTMLReader.read(html).lines == Array(Self.body[0...1]))
    }

    @Test func survivesBrokenMarkup() {
        let html = "<html><body><div class=content><p>\(Self.body[0])<p>\(Self.body[1])<div><b>unclosed <i>tags"
        let page = HTMLReader.read(html)
        #expect(page.lines.contains(Self.body[0]))
        #expect(page.lines.contains(Self.body[1]))
    }

    @Test func decodesEntities() {
        let html = "<html><body><article><p>Caf&eacute; &amp; bar &#8212; &ldquo;open&rdquo; &lt;now&gt;, said the owner, &#x41;nna.</p></article></body></html>"
        #expect(HTMLReader.read(html).lines == ["Café & bar — “open” <now>, said the owner, Anna."])
    }

    @Test func emptyPagesGiveNoLines() {
        #expect(HTMLReader.read("").lines.isEmpty)
        #expect(HTMLReader.read("<html><head><title>Only a title</title></head><body></body></html>").lines.isEmpty)
        #expect(HTMLReader.read("<html><body><script>var x = 1;</script></body></html>").lines.isEmpty)
    }

    @Test func readsAPageWrappedInAForm() {
        let html = "<html><body><form method=post><div class=main><p>\(Self.body[0])</p><p>\(Self.body[1])</p></div></form></body></html>"
        #expect(HTMLReader.read(html).lines == Array(Self.body[0...1]))
    }

    @Test func analyzerKeepsTheBodyOfAnHTMLPage() throws {
        let html = "<html><head><title>Bridge approved</title></head><body><article><h1>Bridge approved</h1>"
            + Self.body.map { "<p>\($0)</p>" }.joined() + "</article></body></html>"
        let document = try DocumentAnalyzer().analyze(RawDocument(id: "bridge.html", format: .html, body: html))
        #expect(document.title == "Bridge approved")
        #expect(document.text == Self.body.joined(separator: "\n"))
    }

    @Test func tableRowsAreLinesWithTheirCells() {
        let html = """
            <html><body><article><p>\(Self.body[0])</p>
            <table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>
            <tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr><tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></table>
            <p>\(Self.body[1])</p></article></body></html>
            """
        let lines = HTMLReader.read(html).lines
        #expect(lines == [Self.body[0], "Pos. Driver Points", "1 Kyle Busch 5040", "2 Martin Truex Jr. 5035", Self.body[1]])
    }

    @Test func articleCutIntoChunksByAnAdKeepsEveryChunk() {
        let chunk = #"<div class="grid body__container article__body">"#
        let html = """
            <html><body><div class="chunks">
            <div class="grid grid--adrail">\(chunk)<p>\(Self.body[0])</p></div></div>
            <div class="ad ad--in-content"><p>Advertisement</p></div>
            <div class="grid grid--adrail">\(chunk)<p>\(Self.body[1])</p><p>\(Self.body[2])</p></div></div>
            </div>
            <div class="related"><div class="grid body__container article__body"><p><a href="/x">A related story, with a
            long headline that is all one link, about bridges and roads and ferries.</a></p></div></div>
            </body></html>
            """
        let lines = HTMLReader.read(html).lines
        #expect(lines == Self.body)
    }

    @Test func shortLinesRepeatedInAPageAreKeptWholeParagraphsPrintedTwiceAreNot() throws {
        let html = """
            <html><head><title>Meal plan</title></head><body><article><h1>Meal plan</h1><p>\(Self.body[0])</p>
            <h3>Breakfast</h3><p>Eat every 2–3 hours</p><h3>Lunch</h3><p>Eat every 2–3 hours</p>
            <p>\(Self.body[1])</p><p>\(Self.body[1])</p><p>\(Self.body[2])</p></article></body></html>
            """
        let document = try DocumentAnalyzer().analyze(RawDocument(id: "meal.html", format: .html, body: html))
        #expect(document.text.components(separatedBy: "Eat every 2–3 hours").count == 3)
        #expect(document.text.components(separatedBy: Self.body[1]).count == 2)
    }
}
