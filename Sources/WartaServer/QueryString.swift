internal import Foundation
internal import Hummingbird

/// The parameters of a request's query string, decoded as HTML forms send them (`+` is a space).
///
/// A malformed query string (bad percent-encoding, text that is not UTF-8, one parameter given twice)
/// is a `400 Bad Request` naming the parameter.
struct QueryString: Sendable {
    private var values: [String: String] = [:]

    init(_ raw: String?) throws {
        guard let raw, !raw.isEmpty else { return }
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(parts[0]), !key.isEmpty else {
                throw HTTPError(.badRequest, message: "malformed query string near \"\(pair.prefix(40))\"")
            }
            guard let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw HTTPError(.badRequest, message: "malformed value of the query parameter \(key)")
            }
            guard values[key] == nil else {
                throw HTTPError(.badRequest, message: "the query parameter \(key) is given more than once")
            }
            values[key] = value
        }
    }

    static func decode(_ part: Substring) -> String? {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        guard spaced.contains("%") else { return spaced }
        return spaced.removingPercentEncoding
    }

    /// The value, trimmed; `nil` when absent or blank.
    subscript(_ key: String) -> String? {
        guard let value = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// A whole number within `range`, or `fallback` when absent.
    func int(_ key: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = self[key] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError(
                .badRequest,
                message:
                    "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text.prefix(40))\""
            )
        }
        return value
    }
}

/// One page of a list: `{"items": [...], "next": CURSOR-or-null}`.
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var next: String?

    enum CodingKeys: String, CodingKey { case items, next }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(next, forKey: .next)  // null, not left out, on the last page
    }
}

/// Where a page starts: an opaque token (base64url of `o:OFFSET`), with the page size.
struct PageRequest: Sendable {
    static let defaultLimit = 50
    static let maxLimit = 500

    var offset: Int
    var limit: Int

    init(offset: Int = 0, limit: Int = PageRequest.defaultLimit) {
        self.offset = offset
        self.limit = limit
    }

    init(_ query: QueryString) throws {
        limit = try query.int("limit", default: Self.defaultLimit, in: 1...Self.maxLimit)
        offset = 0
        if let cursor = query["cursor"] {
            guard let value = Self.offset(of: cursor) else {
                throw HTTPError(.badRequest, message: "cursor \"\(cursor.prefix(40))\" is not one this server gave")
            }
            offset = value
        }
    }

    /// The cursor of the page after this one, if `total` holds more.
    func next(total: Int) -> String? {
        offset + limit < total ? Self.cursor(offset + limit) : nil
    }

    /// A page of `all`.
    func page<Item>(_ all: [Item]) -> Page<Item> {
        let start = min(offset, all.count)
        return Page(items: Array(all[start..<min(all.count, start + limit)]), next: next(total: all.count))
    }

    static func cursor(_ offset: Int) -> String {
        Data("o:\(offset)".utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func offset(of cursor: String) -> Int? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("o:"), let offset = Int(text.dropFirst(2)), offset >= 0
        else { return nil }
        return offset
    }
}
