/// A piece of HTML whose text parts have been escaped: the only thing pages are built from.
///
/// Text enters only through ``text(_:)`` (or string interpolation of a plain `String`), which escapes
/// `& < > " '`; markup is written by this module's own code. An article containing `<script>` stays text.
///
/// ```swift
/// let title: HTML = "<h1>\(document.title ?? "untitled")</h1>"
/// ```
struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var source: String

    init(stringLiteral value: String) { source = value }

    init(stringInterpolation: Interpolation) { source = stringInterpolation.source }

    private init(raw: String) { source = raw }

    /// Markup this module wrote itself; never call it with text from a document, a request or the store.
    static func trusted(_ markup: String) -> HTML { HTML(raw: markup) }

    /// Text, escaped.
    static func text(_ value: String) -> HTML { HTML(raw: escape(value)) }

    static let empty = HTML(raw: "")

    var description: String { source }

    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(raw: lhs.source + rhs.source) }

    static func += (lhs: inout HTML, rhs: HTML) { lhs.source += rhs.source }

    /// Escapes text for element content and quoted attribute values.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    struct Interpolation: StringInterpolationProtocol {
        var source = ""

        init(literalCapacity: Int, interpolationCount: Int) { source.reserveCapacity(literalCapacity * 2) }

        mutating func appendLiteral(_ literal: String) { source += literal }

        /// Text is escaped.
        mutating func appendInterpolation(_ text: String) { source += HTML.escape(text) }

        mutating func appendInterpolation(_ text: String?) { source += HTML.escape(text ?? "") }

        mutating func appendInterpolation(_ number: Int) { source += String(number) }

        mutating func appendInterpolation(_ number: Double, digits: Int = 1) {
            source += HTML.escape(Self.format(number, digits: digits))
        }

        mutating func appendInterpolation(_ html: HTML) { source += html.source }

        mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { source += part.source } }

        static func format(_ number: Double, digits: Int) -> String {
            guard number.isFinite else { return "0" }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let rounded = (number * scale).rounded() / scale
            if digits == 0 { return String(Int(rounded)) }
            return String(rounded)
        }
    }
}

extension Array where Element == HTML {
    func joined(separator: HTML = .empty) -> HTML {
        var out = HTML.empty
        for (index, part) in enumerated() {
            if index > 0 { out += separator }
            out += part
        }
        return out
    }
}

/// Percent-encoding for a path segment or a query value in links.
enum URLText {
    static func component(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return out
    }

    /// `path?key=value&...`, leaving out empty values.
    static func link(_ path: String, _ query: [(String, String?)]) -> String {
        let parts = query.compactMap { key, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(key)=\(component(value))"
        }
        return parts.isEmpty ? path : path + "?" + parts.joined(separator: "&")
    }
}
