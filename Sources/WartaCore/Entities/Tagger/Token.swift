/// A token of raw text and where it is: `start ..< end` in Unicode scalars of the text it came from.
///
/// Offsets count Unicode scalars, as Python's `text[start:end]` does, so they agree with Warta's JSON outputs and
/// with the scorers.
public struct Token: Sendable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}
