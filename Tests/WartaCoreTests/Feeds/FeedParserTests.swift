import Testing
import WartaCore

/// RSS, Atom and JSON Feed read into items; broken documents refused with a clear reason.
@Suite struct FeedParserTests {
    static let base = "https://news.example.invalid/feeds/main.xml"

    static func parse(_ text: String, feed: String = base) throws(FeedError) -> Feed {
        try FeedParser.parse(Array(text.utf8), feed: feed)
    }

    @Test func readsRSS2ItemsWithGuidsLinksDatesAndContent() throws {
        let feed = try Self.parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Kabar</title><link>https://news.example.invalid/</link>
                <item>
                  <title> Menlu bertemu Menlu Jepang </title>
                  <link>https://news.example.invalid/a</link>
                  <guid isPermaLink="false">kabar-1</guid>
                  <pubDate>Mon, 16 Nov 2026 10:30:00 +0700</pubDate>
                  <description>Ringkasan</description>
                  <content:encoded><![CDATA[<p>Isi <b>lengkap</b></p>]]></content:encoded>
                </item>
                <item>
                  <guid>https://news.example.invalid/b</guid>
                  <title>Permalink guid</title>
                  <dc:date>2026-11-17T08:00:00+07:00</dc:date>
                </item>
                <item><guid isPermaLink="false">no-link</guid><description>Hanya ringkasan</description></item>
                <item><description>No id, no link, no title: skipped</description></item>
              </channel>
            </rss>
            """)
        #expect(feed.format == .rss)
        #expect(feed.title == "Kabar")
        #expect(feed.items.map(\.id) == ["kabar-1", "https://news.example.invalid/b", "no-link"])
        let first = feed.items[0]
        #expect(first.title == "Menlu bertemu Menlu Jepang")
        #expect(first.url == "https://news.example.invalid/a")
        #expect(first.published == "2026-11-16T10:30:00+07:00")
        #expect(first.content == "<p>Isi <b>lengkap</b></p>")
        #expect(feed.items[1].url == "https://news.example.invalid/b")
        #expect(feed.items[1].published == "2026-11-17T08:00:00+07:00")
        #expect(feed.items[2].url == nil)
        #expect(feed.items[2].content == "Hanya ringkasan")
    }

    @Test func readsAtomEntriesResolvingRelativeLinks() throws {
        let feed = try Self.parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example.invalid/en/">
              <title>Wire</title>
              <link rel="self" href="https://wire.example.invalid/atom.xml"/>
              <link href="https://wire.example.invalid/"/>
              <entry>
                <title>Talks in Canberra</title>
                <link rel="enclosure" type="image/jpeg" href="photo.jpg"/>
                <link rel="alternate" type="text/html" href="2026/talks"/>
                <id>urn:uuid:1</id>
                <updated>2026-11-19T10:00:00+11:00</updated>
                <published>2026-11-19T09:00:00+11:00</published>
                <summary>Short</summary>
                <content type="html">&lt;p&gt;Long&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>No id</title>
                <link href="/root/page"/>
                <updated>2026-11-20T10:00:00Z</updated>
              </entry>
            </feed>
            """)
        #expect(feed.format == .atom)
        #expect(feed.link == "https://wire.example.invalid/")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].id == "urn:uuid:1")
        #expect(feed.items[0].url == "https://wire.example.invalid/en/2026/talks")
        #expect(feed.items[0].published == "2026-11-19T09:00:00+11:00")
        #expect(feed.items[0].content == "<p>Long</p>")
        #expect(feed.items[1].id == "https://wire.example.invalid/root/page")
        #expect(feed.items[1].published == "2026-11-20T10:00:00+00:00")
    }

    @Test func readsJSONFeedItems() throws {
        let feed = try Self.parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Trade",
             "items": [
               {"id": "1", "url": "/pages/trade.html", "title": "Rice deal", "date_published": "2026-11-20T11:00:00+07:00"},
               {"id": 2, "title": "Energy", "content_html": "<p>Grid</p>"},
               {"external_url": "https://elsewhere.example.invalid/x"}
             ]}
            """)
        #expect(feed.format == .json)
        #expect(feed.title == "Trade")
        #expect(feed.items.map(\.id) == ["1", "2", "https://elsewhere.example.invalid/x"])
        #expect(feed.items[0].url == "https://news.example.invalid/pages/trade.html")
        #expect(feed.items[0].published == "2026-11-20T11:00:00+07:00")
        #expect(feed.items[1].url == nil)
        #expect(feed.items[1].content == "<p>Grid</p>")
    }

    @Test func malformedXMLIsAnErrorWithTheLineAndLibxml2sMessage() {
        let text = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<item><title>Open\n</channel>\n</rss>\n"
        do {
            _ = try Self.parse(text, feed: "http://127.0.0.1/broken.xml")
            Issue.record("a malformed feed was accepted")
        } catch {
            guard case .malformedXML(let line, let message) = error.reason else {
                Issue.record("unexpected reason \(error.reason)")
                return
            }
            #expect(line >= 4)
            #expect(message.contains("mismatch") || message.contains("end tag"), "\(message)")
            #expect(error.description.hasPrefix("http://127.0.0.1/broken.xml: malformed XML at line \(line): "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test(arguments: [
        ("<html><body><p>A page</p></body></html>", "not-a-feed", "the root element is <html>"),
        ("{\"version\": \"1\", \"items\": []}", "not-a-feed", "version is \"1\""),
        ("{\"version\": \"https://jsonfeed.org/version/1.1\"}", "invalid-json", "missing \"items\""),
        ("{\"version\": ", "invalid-json", "not valid JSON"),
        ("  \n ", "empty", "empty feed document"),
        ("<rss><channel><title>x</title>", "malformed-xml", "malformed XML at line 1"),
    ])
    func otherBadDocumentsAreRefusedWithAReason(text: String, code: String, words: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.code == code)
            #expect(error.description.contains(words), "\(error.description)")
            #expect(error.description.hasPrefix(Self.base + ": "))
        }
    }

    @Test func entitiesAreNotExpandedFromOutside() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>T</title><item><guid>g</guid><title>&secret;</title></item></channel></rss>
            """
        let feed = try Self.parse(text)
        let title = feed.items.first?.title ?? ""
        #expect(!title.contains("root:"), "\(title)")
    }

    @Test func tellsFeedsFromPages() {
        func looks(_ text: String, _ type: String?) -> Bool {
            FeedParser.looksLikeFeed(Array(text.utf8), contentType: type)
        }
        #expect(looks("<?xml version=\"1.0\"?><rss version=\"2.0\">", "text/xml"))
        #expect(looks("<feed xmlns=\"http://www.w3.org/2005/Atom\">", nil))
        #expect(looks("{\"version\": \"https://jsonfeed.org/version/1\"}", "application/json"))
        #expect(looks("anything", "application/rss+xml; charset=utf-8"))
        #expect(!looks("<!DOCTYPE html><html><head>", "text/html"))
        #expect(!looks("<html><body>rss</body></html>", nil))
        #expect(!looks("{\"a\": 1}", "application/json"))
    }
}
