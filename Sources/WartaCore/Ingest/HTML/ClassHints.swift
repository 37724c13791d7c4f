/// What an element's `class` and `id` words say about it: article text, or page furniture.
///
/// Words are matched inside the lowercased attribute values ("story-body__inner" has "story" and "body");
/// short words that would match too much ("ad", "tags") only as whole tokens.
enum ClassHints {
    static let positive = ["article", "content", "story", "body", "post", "entry", "text", "main", "blog", "prose"]
    static let negative = [
        "comment", "related", "share", "social", "promo", "sidebar", "footer", "nav", "menu", "sponsor", "widget",
        "newsletter", "subscribe", "popup", "modal", "cookie", "breadcrumb", "banner", "recommend", "trending",
        "outbrain", "taboola", "masthead", "disqus", "byline", "signup", "popular", "most-read", "mostread",
        "header", "advert", "hidden", "skip", "toolbar", "pagination", "author", "teaser", "rail", "carousel",
        "follow", "tooltip", "dropdown", "login", "paywall", "overlay", "related", "read-more", "readmore",
    ]
    static let negativeTokens: Set<Substring> = ["ad", "ads", "tags", "tag", "meta", "more", "print", "share", "extra"]

    private static let positiveBytes = positive.map { Array($0.utf8) }
    private static let negativeBytes = negative.map { Array($0.utf8) }

    /// +1 for article words, −1 for furniture words, 0 for neither or both.
    static func hint(_ classes: String) -> Int {
        hint(bytes: Array(classes.lowercased().utf8))
    }

    /// ``hint(_:)`` on lowercased UTF-8 bytes (a byte scan: `String.contains` is far too slow per element).
    static func hint(bytes: [UInt8]) -> Int {
        guard !bytes.isEmpty else { return 0 }
        let good = ByteSearch.containsAny(bytes, positiveBytes, byFirst: positiveByFirst)
        var bad = ByteSearch.containsAny(bytes, negativeBytes, byFirst: negativeByFirst)
        if !bad {
            var start = 0
            for i in 0...bytes.count {
                let isWordByte = i < bytes.count && (bytes[i] >= 97 && bytes[i] <= 122 || bytes[i] >= 48 && bytes[i] <= 57)
                if isWordByte { continue }
                if i > start, i - start <= 5, negativeTokens.contains(Substring(decoding: bytes[start..<i], as: UTF8.self)) {
                    bad = true
                    break
                }
                start = i + 1
            }
        }
        return good == bad ? 0 : (good ? 1 : -1)
    }

    private static let positiveByFirst = ByteSearch.firstByteTable(positiveBytes)
    private static let negativeByFirst = ByteSearch.firstByteTable(negativeBytes)

    /// Furniture and nothing else.
    static func isFurniture(_ classes: String) -> Bool { hint(classes) < 0 }
}
