import ArgumentParser
import Foundation
import WartaCore
import WartaSQLite

/// Measures each stage and the whole pipeline on a corpus; figures go to notes, never into timed tests.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure cleaning, dates, entities, events and end-to-end ingest on a corpus.")

    @Argument(help: "Input files (e.g. ../shared/data/corpus/clickid-2019.jsonl).")
    var paths: [String]

    @Option(help: "Use at most this many documents.")
    var limit: Int = 2_000

    @Flag(help: "Also ingest into a fresh SQLite database and report documents/s.")
    var ingest = false

    func run() async throws {
        let reader = InputReader()
        var raws = [RawDocument]()
        for file in reader.expand(paths).files where raws.count < limit {
            reader.read(file) { item in if case .document(let raw) = item, raws.count < limit { raws.append(raw) } }
        }
        let megabytes = Double(raws.reduce(0) { $0 + $1.body.utf8.count }) / 1_000_000
        Terminal.print("corpus: \(raws.count) documents, \(String(format: "%.1f", megabytes)) MB")

        func measure(_ name: String, _ unit: String, _ body: () -> Int) {
            let start = Date()
            let count = body()
            let seconds = Date().timeIntervalSince(start)
            Terminal.print(
                "\(name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%8.2f s  %10.0f %@/s  %8.1f MB/s", seconds, Double(count) / seconds, unit, megabytes / seconds))")
        }
        let cleaning = DocumentAnalyzer(stages: .none)
        var cleaned = [Document]()
        measure("cleaning", "docs") {
            cleaned = raws.compactMap { try? cleaning.analyze($0) }
            return cleaned.count
        }
        let times = TimeExtractor()
        measure("dates", "exprs") {
            cleaned.reduce(0) { $0 + times.extract(text: $1.text, published: $1.published, language: $1.language).count }
        }
        let recognizer = AnalysisStages().entities
        measure("entities", "docs") {
            for document in cleaned { _ = recognizer?.recognize(text: document.text, date: document.published, language: document.language) }
            return cleaned.count
        }
        let full = DocumentAnalyzer()
        var analysed = [Document]()
        measure("all stages", "docs") {
            analysed = raws.compactMap { try? full.analyze($0) }
            return analysed.count
        }
        let inputs = analysed.flatMap { EventMerger.inputs(of: $0) }
        measure("merge", "events") { EventMerger().merge(inputs).count }
        if ingest {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("warta-bench-\(UUID().uuidString).sqlite").path
            let store = try SQLiteStore(path: path)
            let start = Date()
            for (raw, document) in zip(raws, analysed) { _ = try await store.add(document, raw: raw.body) }
            try await store.rebuildEvents()
            let seconds = Date().timeIntervalSince(start)
            Terminal.print("store       \(String(format: "%8.2f s  %10.0f docs/s", seconds, Double(analysed.count) / seconds))")
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
