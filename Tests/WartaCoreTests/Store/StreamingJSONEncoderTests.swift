import Foundation
import Testing
import WartaCore

@Suite("StreamingJSONEncoder")
struct StreamingJSONEncoderTests {
    /// Both encoders' output, parsed: the same JSON value whatever the key order.
    func sameJSON<T: Encodable>(_ value: T) throws -> Bool {
        let fast = try StreamingJSONEncoder().encode(value)
        let reference = try JSONEncoder().encode(value)
        let a = try JSONSerialization.jsonObject(with: Data(fast.utf8), options: .fragmentsAllowed) as! NSObject
        let b = try JSONSerialization.jsonObject(with: reference, options: .fragmentsAllowed) as! NSObject
        return a.isEqual(b)
    }

    @Test("analysed documents and their event inputs round-trip and match JSONEncoder's JSON")
    func documents() throws {
        guard let seeds = SharedData.url("seeds") else { return }
        let reader = InputReader()
        var documents: [Document] = []
        for file in reader.expand([seeds.path]).files {
            reader.read(file) { item in
                if case .document(let raw) = item, let document = try? DocumentAnalyzer().analyze(raw) {
                    documents.append(document)
                }
            }
        }
        #expect(documents.count == 5)
        for document in documents {
            #expect(!document.entities.isEmpty && !document.events.isEmpty)
            #expect(try sameJSON(document))
            let json = try StreamingJSONEncoder().encode(document)
            let decoded = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
            #expect(try StreamingJSONEncoder().encode(decoded) == json)
            for input in EventMerger.inputs(of: document) {
                #expect(try sameJSON(input))
                let back = try JSONDecoder().decode(EventMerger.Input.self, from: Data(try StreamingJSONEncoder().encode(input).utf8))
                #expect(try StreamingJSONEncoder().encode(back) == StreamingJSONEncoder().encode(input))
            }
        }
        let merged = EventMerger().merge(documents.flatMap { EventMerger.inputs(of: $0) })
        #expect(!merged.isEmpty)
        for event in merged { #expect(try sameJSON(event)) }
    }

    struct Sample: Codable, Equatable {
        var text: String
        var number: Int
        var ratio: Double
        var small: Float
        var big: UInt64
        var flag: Bool
        var missing: String?
        var list: [String?]
        var nested: [String: [Int]]
        var empty: [Int]
    }

    @Test("strings with quotes, backslashes, controls and any Unicode, numbers, nil and nesting")
    func values() throws {
        let texts = randomTexts(count: 300, from: "a\"\\/\n\t\r\u{0}\u{1}\u{1F}\u{7F}é😀\u{2028}ǅ ", maxLength: 12, seed: 42)
        for (index, text) in texts.enumerated() {
            let sample = Sample(
                text: text, number: index - 150, ratio: Double(index) / 7 - 20, small: Float(index) / 3, big: UInt64.max - UInt64(index),
                flag: index % 2 == 0, missing: index % 3 == 0 ? nil : text, list: [text, nil, ""],
                nested: [text: [index, -index]], empty: [])
            let json = try StreamingJSONEncoder().encode(sample)
            #expect(try JSONDecoder().decode(Sample.self, from: Data(json.utf8)) == sample, "\(json)")
            #expect(!json.contains("\n"))
            if !text.contains("\\") { #expect(!json.contains("\\/")) }
        }
        #expect(try StreamingJSONEncoder().encode(["a/b", "c"]) == #"["a/b","c"]"#)
        #expect(try StreamingJSONEncoder().encode([String: Int]()) == "{}")
        // Dictionaries are written with their keys sorted: the same value, the same text, in every process.
        let keys = (0..<50).map { "k\($0)" }
        let dictionary = Dictionary(uniqueKeysWithValues: keys.map { ($0, [$0]) })
        #expect(try StreamingJSONEncoder().encode(["d": dictionary]) == "{\"d\":{" + keys.sorted().map { "\"\($0)\":[\"\($0)\"]" }.joined(separator: ",") + "}}")
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode(["x": Double.infinity]) }
    }
}
