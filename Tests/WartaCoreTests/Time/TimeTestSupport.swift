import Testing
import WartaCore

/// One expected mention: its text and value, and optionally its anchor.
struct ExpectedTime: Sendable, CustomStringConvertible {
    var text: String
    var value: String
    var anchor: String?

    init(_ text: String, _ value: String, anchor: String? = nil) {
        self.text = text
        self.value = value
        self.anchor = anchor
    }

    var description: String { "\(text)=\(value)" + (anchor.map { "@\($0)" } ?? "") }
}

/// A sentence, the document's publication date and everything the extractor must find in it, in order.
struct TimeCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var published: String?
    var language: String
    var expected: [ExpectedTime]

    init(_ sentence: String, published: String? = "2023-10-20", language: String = "id", _ expected: [ExpectedTime]) {
        self.sentence = sentence
        self.published = published
        self.language = language
        self.expected = expected
    }

    var testDescription: String { sentence }
}

extension TimeCase {
    /// The mentions as `text=value` strings, the form the tests compare.
    func found(hint: YearHint? = nil) -> [String] {
        TimeExtractor().extract(text: sentence, published: published, language: language, yearHint: hint)
            .map { "\($0.text)=\($0.value)" }
    }

    var wanted: [String] {
        expected.map { "\($0.text)=\($0.value)" }
    }
}
