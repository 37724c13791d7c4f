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

    /// +1 for article words, −1 for furniture words, 0 for neither or both.
    static func hint(_ classes: String) -> Int {
        guard !classes.isEmpty else { return 0 }
        var good = false
        var bad = false
        for word in positive where classes.contains(word) {
            good = true
            break
        }
        for word in negative where classes.contains(word) {
            bad = true
            break
        }
        if !bad {
            for token in classes.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where negativeTokens.contains(token) {
                bad = true
                break
            }
        }
        return good == bad ? 0 : (good ? 1 : -1)
    }

    /// Furniture and nothing else.
    static func isFurniture(_ classes: String) -> Bool { hint(classes) < 0 }
}
