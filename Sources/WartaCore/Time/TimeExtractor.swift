/// Finds the dates and times in a text and anchors them to the calendar.
///
/// Indonesian first, English second: full and partial dates ("17 September 2023", "Rabu, (13/9/2023)",
/// "September 17, 2023", "18 Juli", "bulan Juni", "tahun 2020"), weekdays ("hari Rabu", "Senin lalu"),
/// relative expressions ("kemarin", "bulan lalu", "tiga bulan lalu", "sebulan kemudian", "hari itu",
/// "last week", "two years ago"), clock times with zones ("pukul 18.44 WIB"), ranges ("1950-1953",
/// "25-27 Juli"). Vague expressions ("beberapa hari lalu", "baru-baru ini") and durations
/// ("70 tahun", "selama tiga bulan") give no mention.
///
/// Missing parts come from the publication date (anchor `published`); without one, from the document
/// itself (`context`: an anniversary "peringatan 70 tahun ... 1953", a weekday beside a day and month,
/// the latest explicit date), else from the `yearHint`, else the year stays `XXXX`.
///
/// ```swift
/// let times = TimeExtractor().extract(text: "Kim bertemu Putin pada Rabu, (13/9/2023).",
///                                     published: "2023-09-17T18:44:00+07:00", language: "id")
/// // [TimeMention(start: 23, end: 40, text: "Rabu, (13/9/2023)", value: "2023-09-13", anchor: "explicit")]
/// ```
///
/// - Complexity: O(n) in the length of the text.
public struct TimeExtractor: Sendable {
    /// Creates an extractor; it holds no state and may be shared.
    public init() {}

    /// The time expressions of one document.
    ///
    /// - Parameters:
    ///   - text: the document's cleaned body; offsets in the result count its Unicode scalars.
    ///   - published: the publication time as ISO 8601 ("2023-10-20T12:29:00+07:00", "2014-12-29"), or nil.
    ///   - language: "id" or "en".
    ///   - yearHint: the year another stage (knowledge base, corpus) gives a document without a publication date.
    /// - Returns: the mentions in text order.
    public func extract(text: String, published: String?, language: String, yearHint: YearHint? = nil) -> [TimeMention] {
        let tokens = TimeTokenizer(language: language).tokens(of: text)
        let grammar = TimeGrammar(tokens: tokens, language: language)
        let matches = grammar.matches()
        let document = DocumentAnchor(grammar: grammar, matches: matches, published: PublishedDate(parsing: published),
                                      hint: yearHint)
        return TimeResolver(text: text, tokens: tokens, matches: matches, document: document).mentions()
    }
}
