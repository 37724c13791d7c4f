import Foundation
import Testing
import WartaCore

/// The store contract, one function per behaviour, run on every backend by the suites below.
struct StoreContract {
    let backend: Backend

    static func makeDocument(id: String, title: String, text: String) throws -> Document {
        let raw = RawDocument(id: id, path: id, format: .text, body: "\(title)\nAdvertisement\n\(text)")
        return try DocumentAnalyzer().analyze(raw)
    }

    static let body =
        "PYONGYANG - Menteri pertahanan kedua negara bertemu di ibu kota pada Rabu untuk membahas latihan bersama dan pasokan suku cadang."
    static let other =
        "JAKARTA - Gubernur bank sentral mengumumkan suku bunga acuan tetap pada rapat bulanan yang berakhir Kamis sore di kantor pusat."

    func addingTwiceChangesNothing() async throws {
        try await backend.withStore { store in
            let document = try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: Self.body)
            #expect(try await store.add(document, raw: "raw a") == .added)
            #expect(try await store.add(document, raw: "raw a") == .known)
            let stats = try await store.stats()
            #expect(stats.documents == 1)
            #expect(stats.sources == 1)
        }
    }

    func sameArticleFromAnotherSourceIsOneDocumentWithTwoSources() async throws {
        try await backend.withStore { store in
            let first = try Self.makeDocument(id: "feed-a/1", title: "Menteri Pertahanan Bertemu", text: Self.body)
            // Other boilerplate, other spacing and case: the same article.
            let raw = RawDocument(
                id: "feed-b/9", format: .text,
                body: "MENTERI PERTAHANAN BERTEMU\nBagikan artikel ini\n\(Self.body)  \n12 Komentar")
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
    }

    func documentComesBackWhole() async throws {
        try await backend.withStore { store in
            let document = try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: Self.body)
            _ = try await store.add(document, raw: "raw")
            let back = try #require(try await store.document("a.txt"))
            #expect(back == document)
            #expect(try await store.document(document.hash)?.id == "a.txt")
            #expect(try await store.document(String(document.hash.prefix(10)))?.id == "a.txt")
            #expect(try await store.document(String(document.hash.prefix(5))) == nil)
            #expect(try await store.document("missing") == nil)
        }
    }

    func searchRanksAndHighlights() async throws {
        try await backend.withStore { store in
            _ = try await store.add(
                try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: Self.body), raw: "")
            _ = try await store.add(
                try Self.makeDocument(id: "b.txt", title: "Suku Bunga Tetap", text: Self.other), raw: "")
            let hits = try await store.search("pertahanan", limit: 10)
            #expect(hits.map(\.id) == ["a.txt"])
            #expect(hits.first?.title == "Menteri Pertahanan Bertemu")
            #expect(hits.first?.snippet.lowercased().contains("[pertahanan]") == true)
            // A piece of the body: the words around the match, "…" where the body goes on.
            let snippet = try #require(hits.first?.snippet)
            #expect(snippet.hasSuffix("…") && !snippet.hasPrefix("…"))
            #expect(snippet.filter { $0 != "[" && $0 != "]" && $0 != "…" }.split(separator: " ").count < 20)
            #expect((hits.first?.score ?? 0) > 0)
            // Both mention "suku"; the one with it in the title ranks first.
            let suku = try await store.search("suku", limit: 10)
            #expect(suku.map(\.id) == ["b.txt", "a.txt"])
            #expect(suku[0].score > suku[1].score)
            // Prefix matching, every word required, any case.
            #expect(try await store.search("perta", limit: 10).map(\.id) == ["a.txt"])
            #expect(try await store.search("SUKU bunga", limit: 10).map(\.id) == ["b.txt"])
            #expect(try await store.search("suku pyongyang", limit: 10).map(\.id) == ["a.txt"])
            #expect(try await store.search("suku", limit: 1).map(\.id) == ["b.txt"])
            #expect(try await store.search("kapal", limit: 10).isEmpty)
        }
    }

    static let malformedQueries = [
        "\"unbalanced", "AND OR NOT", "(((", "*", "", "  ", "a & b | !c", "x:* <-> 'y'", "\\",
    ]

    func malformedQueriesNeverThrow(query: String) async throws {
        try await backend.withStore { store in
            _ = try await store.add(
                try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: Self.body), raw: "")
            _ = try await store.search(query, limit: 10)
        }
    }

    func reopeningKeepsEverything() async throws {
        try await backend.withLocation { location in
            let store = try await backend.open(location)
            _ = try await store.add(
                try Self.makeDocument(id: "a.txt", title: "Menteri Pertahanan Bertemu", text: Self.body), raw: "")
            await store.close()
            let again = try await backend.open(location)
            #expect(try await again.stats().documents == 1)
            #expect(try await again.search("menteri", limit: 5).count == 1)
            await again.close()
        }
    }

    func pipelineGoesOnPastBadInput() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("Menteri Pertahanan Bertemu\n\(Self.body)".utf8).write(to: dir.appendingPathComponent("1.txt"))
        try Data().write(to: dir.appendingPathComponent("2.txt"))
        try Data([0, 1, 2, 3]).write(to: dir.appendingPathComponent("3.txt"))
        try Data("Suku Bunga Tetap\n\(Self.other)".utf8).write(to: dir.appendingPathComponent("4.txt"))
        try await backend.withStore { store in
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
    }

    /// Parallel analysis with small batches reports every document in input order and stores the same as
    /// one worker does.
    func parallelPipelineKeepsOrderAndMatchesOneWorker() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = [String]()
        for i in 0..<37 {
            if i % 9 == 4 {
                lines.append("{\"id\": \(i)}")  // wrong type: a failure in the middle of the batch
                continue
            }
            let text = i % 2 == 0 ? Self.body : Self.other
            let record = ["id": "doc\(i)", "title": "Berita nomor \(i)", "text": "\(text) Nomor urut \(i)."]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("batch.jsonl"))
        try Data("Menteri Pertahanan Bertemu\n\(Self.body)".utf8).write(to: dir.appendingPathComponent("single.txt"))
        let (files, _) = InputReader().expand([dir.path])

        func ingest(into store: any TestStore, workers: Int, batchSize: Int) async throws -> (order: [String], summary: IngestPipeline.Summary) {
            var order = [String]()
            let summary = try await IngestPipeline().run(files: files, into: store, workers: workers, batchSize: batchSize) { event in
                switch event {
                case .stored(let document, _): order.append(document.id)
                case .failed(let error): order.append("failed:\(error.document)")
                }
            }
            return (order, summary)
        }
        try await backend.withStore { oneStore in
            try await backend.withStore { fourStore in
                let one = try await ingest(into: oneStore, workers: 1, batchSize: 1)
                let four = try await ingest(into: fourStore, workers: 4, batchSize: 5)
                #expect(one.order.count == 38)
                #expect(four.order == one.order)
                #expect(one.order.first == "doc0")
                #expect(one.order.last == "single.txt")
                #expect(four.summary == one.summary)
                #expect(four.summary.failed == 4)
                #expect(four.summary.added == 34)
                let (fourStats, oneStats) = (try await fourStore.stats(), try await oneStore.stats())
                #expect(fourStats == oneStats)
                let hits = try await fourStore.search("urut", limit: 100).map(\.id).sorted()
                let oneHits = try await oneStore.search("urut", limit: 100).map(\.id).sorted()
                #expect(hits == oneHits)
                #expect(hits.count == 33)
            }
        }
    }

    func eventsAndEntitiesOfTheExamples() async throws {
        let documents = Corpus.documents()
        try await backend.withStore { store in
            for document in documents { _ = try await store.add(document, raw: document.id) }
            let count = try await store.rebuildEvents()
            let events = try await store.events()
            #expect(count == events.count)
            #expect(!events.isEmpty)
            // The same events as merging in memory, in date order.
            let expected = EventMerger().merge(documents.flatMap { EventMerger.inputs(of: $0) })
            #expect(Set(events.map(\.id)) == Set(expected.map(\.id)))
            #expect(events.map { $0.date ?? "" } == events.map { $0.date ?? "" }.sorted())
            #expect(
                try await store.eventInputs().count == documents.reduce(0) { $0 + EventMerger.inputs(of: $1).count })
            // Rebuilding again changes nothing.
            try await store.rebuildEvents()
            #expect(try await store.events() == events)
            let people = try await store.entities(type: "PER")
            #expect(people.allSatisfy { $0.type == "PER" })
            let putin = try #require(people.first { $0.name == "Vladimir Putin" })
            #expect(putin.documents >= 3)
            #expect(putin.mentions >= putin.documents)
            #expect(!putin.aliases.contains(putin.name))
            let all = try await store.entities(type: nil)
            #expect(all.count > people.count)
            #expect(all.map(\.mentions) == all.map(\.mentions).sorted(by: >))
            let stats = try await store.stats()
            #expect(stats.entities == all.count)
            #expect(stats.events == events.count)
        }
    }

    /// Four stores on one database (four connections, as four processes would have) add overlapping
    /// documents at once, rebuilding the events as they go: the end is the same as one store adding everything.
    func concurrentWritersEndLikeOne() async throws {
        let documents = Corpus.documents()
        try await backend.withStore { single in
            for document in documents { _ = try await single.add(document, raw: document.id) }
            try await single.rebuildEvents()
            let expected = try await Snapshot(single)
            try await backend.withLocation { location in
                var stores = [any TestStore]()
                for _ in 0..<4 { stores.append(try await backend.open(location)) }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, store) in stores.enumerated() {
                        // Each writer takes every document k with k % 4 == index or index + 1, in order: every
                        // document comes from two writers at about the same time, and new ones arrive to the end.
                        // Documents with the most event mentions come last, so that late adds still change the events.
                        let batch = documents.sorted {
                            EventMerger.inputs(of: $0).count < EventMerger.inputs(of: $1).count
                        }
                        .enumerated().filter { [index, (index + 1) % 4].contains($0.offset % 4) }.map(\.element)
                        group.addTask {
                            // Rebuilding after every document (as a feed watcher would) makes rebuilds overlap
                            // with each other and with adds: a rebuild that wrote events merged from a stale
                            // read after a later one would lose a merge here.
                            for document in batch {
                                _ = try await store.add(document, raw: document.id)
                                try await store.rebuildEvents()
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let shared = try await Snapshot(stores[0])
                for store in stores { await store.close() }
                #expect(shared.stats == expected.stats)
                #expect(shared.events == expected.events)
                #expect(shared.entities == expected.entities)
            }
        }
    }

}

/// What a store holds, compared across stores.
struct Snapshot: Equatable {
    var stats: StoreStats
    var events: [String]
    var entities: [String]

    init(_ store: any TestStore) async throws {
        stats = try await store.stats()
        events = try await store.events().map { "\($0.id) \($0.sources.sorted()) \($0.mentions)" }.sorted()
        entities = try await store.entities(type: nil).map { "\($0.key) \($0.mentions) \($0.documents)" }.sorted()
    }
}

/// The bundled examples and the shared seeds, analysed once.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func documents() -> [Document] { cached }

    private static let cached: [Document] = {
        var paths = [root.appendingPathComponent("Sources/warta/Examples").path]
        let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
        if FileManager.default.fileExists(atPath: seeds) { paths.append(seeds) }
        let reader = InputReader()
        var documents = [Document]()
        for file in reader.expand(paths).files {
            reader.read(file) { item in
                if case .document(let raw) = item, let document = try? DocumentAnalyzer().analyze(raw) {
                    documents.append(document)
                }
            }
        }
        return documents
    }()
}

@Suite struct SQLiteStoreTests {
    let contract = StoreContract(backend: .sqlite)

    @Test func addingTwiceChangesNothing() async throws { try await contract.addingTwiceChangesNothing() }
    @Test func sameArticleFromAnotherSourceIsOneDocumentWithTwoSources() async throws {
        try await contract.sameArticleFromAnotherSourceIsOneDocumentWithTwoSources()
    }
    @Test func documentComesBackWhole() async throws { try await contract.documentComesBackWhole() }
    @Test func searchRanksAndHighlights() async throws { try await contract.searchRanksAndHighlights() }
    @Test(arguments: StoreContract.malformedQueries)
    func malformedQueriesNeverThrow(query: String) async throws {
        try await contract.malformedQueriesNeverThrow(query: query)
    }
    @Test func reopeningKeepsEverything() async throws { try await contract.reopeningKeepsEverything() }
    @Test func pipelineGoesOnPastBadInput() async throws { try await contract.pipelineGoesOnPastBadInput() }
    @Test func parallelPipelineKeepsOrderAndMatchesOneWorker() async throws {
        try await contract.parallelPipelineKeepsOrderAndMatchesOneWorker()
    }
    @Test func eventsAndEntitiesOfTheExamples() async throws { try await contract.eventsAndEntitiesOfTheExamples() }
    @Test func concurrentWritersEndLikeOne() async throws { try await contract.concurrentWritersEndLikeOne() }
}

@Suite(.enabled(if: Backend.postgresEnabled, Backend.skipNote))
struct PostgresStoreTests {
    let contract = StoreContract(backend: .postgres)

    @Test func addingTwiceChangesNothing() async throws { try await contract.addingTwiceChangesNothing() }
    @Test func sameArticleFromAnotherSourceIsOneDocumentWithTwoSources() async throws {
        try await contract.sameArticleFromAnotherSourceIsOneDocumentWithTwoSources()
    }
    @Test func documentComesBackWhole() async throws { try await contract.documentComesBackWhole() }
    @Test func searchRanksAndHighlights() async throws { try await contract.searchRanksAndHighlights() }
    @Test(arguments: StoreContract.malformedQueries)
    func malformedQueriesNeverThrow(query: String) async throws {
        try await contract.malformedQueriesNeverThrow(query: query)
    }
    @Test func reopeningKeepsEverything() async throws { try await contract.reopeningKeepsEverything() }
    @Test func pipelineGoesOnPastBadInput() async throws { try await contract.pipelineGoesOnPastBadInput() }
    @Test func parallelPipelineKeepsOrderAndMatchesOneWorker() async throws {
        try await contract.parallelPipelineKeepsOrderAndMatchesOneWorker()
    }
    @Test func eventsAndEntitiesOfTheExamples() async throws { try await contract.eventsAndEntitiesOfTheExamples() }
    @Test func concurrentWritersEndLikeOne() async throws { try await contract.concurrentWritersEndLikeOne() }
}
