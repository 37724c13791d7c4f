/// A year that another stage (knowledge base, corpus) believes a document is about, for
/// documents without a publication date.
public struct YearHint: Sendable, Hashable {
    /// The year, e.g. 2024.
    public var year: Int
    /// The anchor written on mentions that take their year from this hint: `knowledge` or `corpus`.
    public var anchor: String
    /// Why the year is believed, copied into the mentions' notes.
    public var note: String

    /// Creates a hint.
    public init(year: Int, anchor: String = "knowledge", note: String = "") {
        self.year = year
        self.anchor = anchor
        self.note = note
    }
}
