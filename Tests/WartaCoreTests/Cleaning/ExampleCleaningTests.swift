import Foundation
import Testing
import WartaCore

/// The team's own example articles (bundled with `warta demo`) against their hand-written cleaning gold.
@Suite struct ExampleCleaningTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/warta/Examples")

    static func gold() throws -> [[String: Any]] {
        try SharedData.jsonLines(try #require(Fixtures.url("examples-cleaning.jsonl")))
    }

    static func documents() -> [String: Document] {
        var result = [String: Document]()
        let reader = InputReader()
        for file in reader.expand([examples.path]).files {
            reader.read(file) { item in
                if case .document(let raw) = item, let document = try? DocumentAnalyzer().analyze(raw) {
                    result[document.id] = document
                }
            }
        }
        return result
    }

    @Test func everyExampleIsReadWithoutErrors() {
        var failures = [String]()
        let reader = InputReader()
        for file in reader.expand([Self.examples.path]).files {
            reader.read(file) { item in if case .failure(let error) = item { failures.append("\(error)") } }
        }
        #expect(failures.isEmpty)
        #expect(Self.documents().count >= 8)
    }

    @Test func bodyLinesStayBoilerplateGoesMetadataIsFound() throws {
        let documents = Self.documents()
        for gold in try Self.gold() {
            let doc = try #require(gold["doc"] as? String)
            let document = try #require(documents[doc], "\(doc)")
            for line in gold["keep"] as? [String] ?? [] {
                #expect(WordRun.contains(document.text, line), "\(doc) lost \(line.prefix(60))")
            }
            for line in gold["drop"] as? [String] ?? [] {
                #expect(!WordRun.contains(document.text, line), "\(doc) kept \(line.prefix(60))")
            }
            #expect(document.title == gold["title"] as? String, "\(doc)")
            #expect(document.author == gold["author"] as? String, "\(doc)")
            #expect(document.published?.prefix(16) == (gold["published"] as? String)?.prefix(16), "\(doc)")
            #expect(document.source.url == gold["url"] as? String, "\(doc)")
        }
    }

    @Test func captionOffsetsPointAtTheCaptions() {
        for document in Self.documents().values {
            let scalars = Array(document.text.unicodeScalars)
            for caption in document.captions {
                #expect(caption.start >= 0 && caption.end <= scalars.count && caption.start < caption.end)
                let text = String(String.UnicodeScalarView(scalars[caption.start..<caption.end]))
                #expect(!text.contains("\n"), "\(document.id)")
                #expect(caption.start == 0 || scalars[caption.start - 1] == "\n")
                if let credit = caption.credit { #expect(text.contains(credit), "\(document.id): \(credit)") }
            }
        }
    }
}
