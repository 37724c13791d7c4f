import Foundation
import Testing
import WartaCore
import WartaSQLite

/// The store contract, run on SQLite (the PostgreSQL store joins this suite when it lands).
@Suite struct StoreTests {
    static func makeDocument(id: String, title: String, text: String) throws -> Document {
        let raw = RawDocument(id: id, path: id, format: .text, body: "\(title)\nAdvertisement\n\(text)")
        return try DocumentAnalyzer().analyze(raw)
    }

    let body =
        "PYONGYANG - Menteri pertahanan kedua negara bertemu di ibu kota pada Rabu untuk membahas latihan bersama dan pasokan suku cadang."
    let other =
        "JAKARTA - Gubernur bank sentral mengumumkan suku bunga acuan tetap pada rapat bulanan yang berakhir Kamis sore di kantor pusat."

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("warta-store-\(UUID().uuidString).sqlite").path
    }

    @Test func addingTwiceChangesNothing() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        let document = try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: body)
        #expect(try await store.add(document, raw: "raw a") == .added)
        #expect(try await store.add(document, raw: "raw a") == .known)
        let stats = try await store.stats()
        #expect(stats.documents == 1)
        #expect(stats.sources == 1)
    }

    @Test func sameArticleFromAnotherSourceIsOneDocumentWithTwoSources() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        let first = try Self.makeDocument(id: "feed-a/1", title: "Menteri Pertahanan Bertemu", text: body)
        // Other boilerplate, other spacing and case: the same article.
        let raw = RawDocument(id: "feed-b/9", format: .text, body: "MENTERI PERTAHANAN BERTEMU\nBagikan artikel ini\n\(body)  \n12 Komentar")
        let second = try DocumentAnalyzer().analyze(raw)
        #expect(first.hash == second.hash)
        #expect(try await store.add(first, raw: "a") == .added)
        #expect(try await store.add(second, raw: "b") == .newSource)
        let stats = try await store.stats()
        #expect(stats.documents == 1)
        #expect(stats.sources == 2)
        #expect(try await store.rawInputs(of: first.hash) == ["a", "b"])
        #expect(try await store.document("feed-b/9")?.hash == first.hash)
    }

    @Test func documentComesBackWhole() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        let document = try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: body)
        _ = try await store.add(document, raw: "raw")
        let back = try #require(try await store.document("a.txt"))
        #expect(back == document)
        #expect(try await store.document(String(document.hash.prefix(10)))?.id == "a.txt")
        #expect(try await store.document("missing") == nil)
    }

    @Test func searchRanksAndHighlights() async throws {
        let store = try SQLiteStore(path: temporaryPath())
        _ = try await store.add(try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: body), raw: "")
        _ = try await store.add(try Self.makeDocument(id: "b.txt", title: "Suku Bunga Tetap", text: other), raw: "")
        let hits = try await store.search("pertahanan", limit: 10)
        #expect(hits.map(\.id) == ["a.txt"])
        #expect(hits.first?.snippet.contains("[") == true)
        // Both mention "suku"; the one with it in the title ranks first.
        #expect(try await store.search("suku", limit: 10).map(\.id) == ["b.txt", "a.txt"])
        // Prefix matching.
        #expect(try await store.search("perta", limit: 10).map(\.id) == ["a.txt"])
    }

    @Test(arguments: ["\"unbalanced", "AND OR NOT", "(((", "*", "", "  "])
    func malformedQueriesNeverThrow(query: String) async throws {
        let store = try SQLiteStore(path: temporaryPath())
        _ = try await store.add(try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: body), raw: "")
        _ = try await store.search(query, limit: 10)
    }

    @Test func reopeningKeepsEverything() async throws {
        let path = temporaryPath()
        do {
            let store = try SQLiteStore(path: path)
            _ = try await store.add(try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: body), raw: "")
        }
        let again = try SQLiteStore(path: path)
        #expect(try await again.stats().documents == 1)
        #expect(try await again.search("menteri", limit: 5).count == 1)
    }

    @Test func pipelineGoesOnPastBadInput() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("Menteri Pertahanan Bertemu\n\(body)".utf8).write(to: dir.appendingPathComponent("1.txt"))
        try Data().write(to: dir.appendingPathComponent("2.txt"))
        try Data([0, 1, 2, 3]).write(to: dir.appendingPathComponent("3.txt"))
        try Data("Suku Bunga Tetap\n\(other)".utf8).write(to: dir.appendingPathComponent("4.txt"))
        let store = try SQLiteStore(path: temporaryPath())
        let (files, _) = InputReader().expand([dir.path])
        var failures = [String]()
        let summary = try await IngestPipeline().run(files: files, into: store) { event in
            if case .failed(let error) = event { failures.append(error.code) }
        }
        #expect(summary.added == 2)
        #expect(summary.failed == 2)
        #expect(failures.sorted() == ["binary", "empty"])
        let again = try await IngestPipeline().run(files: files, into: store) { _ in }
        #expect(again.added == 0)
        #expect(again.known == 2)
        #expect(try await store.stats().documents == 2)
    }

    /// Parallel analysis with small batches reports every document in input order and stores the same as
    /// one worker does.
    @Test func parallelPipelineKeepsOrderAndMatchesOneWorker() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var lines = [String]()
        for i in 0..<37 {
            if i % 9 == 4 {
                lines.append("{\"id\": \(i)}")  // wrong type: a failure in the middle of the batch
                continue
            }
            let text = i % 2 == 0 ? body : other
            let record = ["id": "doc\(i)", "title": "Berita nomor \(i)", "text": "\(text) Nomor urut \(i)."]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("batch.jsonl"))
        try Data("Menteri Pertahanan Bertemu\n\(body)".utf8).write(to: dir.appendingPathComponent("single.txt"))
        let (files, _) = InputReader().expand([dir.path])

        func ingest(workers: Int, batchSize: Int) async throws -> (order: [String], store: SQLiteStore, summary: IngestPipeline.Summary) {
            let store = try SQLiteStore(path: temporaryPath())
            var order = [String]()
            let summary = try await IngestPipeline().run(files: files, into: store, workers: workers, batchSize: batchSize) { event in
                switch event {
                case .stored(let document, _): order.append(document.id)
                case .failed(let error): order.append("failed:\(error.document)")
                }
            }
            return (order, store, summary)
        }
        let one = try await ingest(workers: 1, batchSize: 1)
        let four = try await ingest(workers: 4, batchSize: 5)
        #expect(one.order.count == 38)
        #expect(four.order == one.order)
        #expect(one.order.first == "doc0")
        #expect(one.order.last == "single.txt")
        #expect(four.summary == one.summary)
        #expect(four.summary.failed == 4)
        #expect(four.summary.added == 34)
        let (fourStats, oneStats) = (try await four.store.stats(), try await one.store.stats())
        #expect(fourStats == oneStats)
        let hits = try await four.store.search("urut", limit: 100).map(\.id).sorted()
        let oneHits = try await one.store.search("urut", limit: 100).map(\.id).sorted()
        #expect(hits == oneHits)
        #expect(hits.count == 33)
    }
}
