/// A document that cannot be read, with the reason, in words a user can act on.
///
/// Its description is one line: `DOCUMENT: REASON`.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why a document was refused.
    public enum Reason: Sendable, Hashable {
        case empty
        case binary(String)
        case notText(String)
        case tooLarge(size: Int, limit: Int)
        case unreadable(String)
        case invalidJSON(line: Int, String)
        case invalidGzip(String)
        case unsupported(String)
    }

    /// The document: a path, `path:line` for JSON Lines, or an id.
    public var document: String
    public var reason: Reason

    public init(document: String, reason: Reason) {
        self.document = document
        self.reason = reason
    }

    /// A short machine-readable code for the reason.
    public var code: String {
        switch reason {
        case .empty: "empty"
        case .binary: "binary"
        case .notText: "not-text"
        case .tooLarge: "too-large"
        case .unreadable: "unreadable"
        case .invalidJSON: "invalid-json"
        case .invalidGzip: "invalid-gzip"
        case .unsupported: "unsupported"
        }
    }

    public var description: String {
        let why: String =
            switch reason {
            case .empty: "empty document (no text)"
            case .binary(let detail): "binary data, not text (\(detail))"
            case .notText(let detail): "not text: \(detail)"
            case .tooLarge(let size, let limit): "too large: \(size) bytes, the limit is \(limit) bytes (--max-size)"
            case .unreadable(let detail): "cannot read: \(detail)"
            case .invalidJSON(let line, let detail): "line \(line): invalid JSON: \(detail)"
            case .invalidGzip(let detail): "invalid gzip data: \(detail)"
            case .unsupported(let detail): "unsupported input: \(detail)"
            }
        return "\(document): \(why)"
    }
}
