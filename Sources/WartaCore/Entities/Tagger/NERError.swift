/// A file the named-entity tagger cannot use: a malformed model, lexicon or gazetteer, or one that cannot be read.
///
/// Its description is one line: `SOURCE: MESSAGE (CODE)`, where SOURCE names the file and, where it helps, the line
/// or byte offset.
public struct NERError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short machine-readable code: `unreadable`, `not-a-model`, `unsupported-version`, `truncated`, `malformed`.
    public var code: String
    /// The file, with `:LINE` or `@OFFSET` where known.
    public var source: String
    public var message: String

    public init(code: String, source: String, message: String) {
        self.code = code
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message) (\(code))" }
}
