/// One time expression found in a document's text, with its calendar value.
///
/// Offsets count Unicode scalars of the text the extractor was given, so `text[start..<end]`
/// (Python's `text[start:end]`) is the mention. `value` is ISO 8601 at the precision the text
/// supports: `2023`, `2023-09`, `2023-W37`, `2023-09-13`, `2023-09-13T18:44+07:00`, a range
/// `1950/1953`, or `XXXX-07-18` when the year cannot be known.
///
/// ```json
/// {"start": 120, "end": 137, "text": "Rabu, (13/9/2023)", "value": "2023-09-13", "anchor": "explicit"}
/// ```
public struct TimeMention: Sendable, Hashable, Codable {
    /// First Unicode scalar of the mention in the text.
    public var start: Int
    /// One past the last Unicode scalar of the mention.
    public var end: Int
    /// The mention as written.
    public var text: String
    /// The ISO 8601 value.
    public var value: String
    /// Where the parts missing from the text came from: `explicit` (nothing was missing),
    /// `published` (the publication date), `context` (another date of the same document),
    /// or the anchor of a ``YearHint`` (`corpus`, `knowledge`).
    public var anchor: String
    /// How the value was found, for a reader: "year from publication date 2023-10-20",
    /// "weekday Jumat conflicts with 2019-09-18 (a Wednesday)". Not encoded when nil.
    public var note: String?
    /// `true` when the text contradicts itself (a weekday that does not fall on the date);
    /// the value keeps the explicit date. Not encoded when nil.
    public var conflict: Bool?

    /// Creates a mention.
    public init(
        start: Int, end: Int, text: String, value: String, anchor: String,
        note: String? = nil, conflict: Bool? = nil
    ) {
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.anchor = anchor
        self.note = note
        self.conflict = conflict
    }
}
