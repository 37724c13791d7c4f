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

    @Flag(help: "Only measure end to end: every document of the inputs (no limit) through the parallel pipeline into a fresh SQLite database, then the event rebuild; reports documents/s and peak memory.")
    var endToEnd = false

    @Option(help: "With --end-to-end: documents analysed at once (default: one per core).")
    var workers: Int?

    @Option(help: "With --end-to-end: read the inputs this many times, with ids changed (a copy suffix).")
    var copies: Int = 1

    @Flag(help: "Only measure HTML extraction (parse, main content, metadata, cleaning) on the inputs' pages, on one core.")
    var html = false

    @Option(help: "With --html: passes over the pages.")
    var rounds: Int = 3

    func run() async throws {
        if endToEnd { return try await runEndToEnd() }
        if html { return try runHTML() }
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
        // The tagger alone (for news, as ingest uses it), from a cold word cache, on the sentences of the cleaned
        // documents (one core).
        if let standard = NERTagger.news {
            let tagger = NERTagger(model: standard.model, gazetteer: standard.gazetteer, genre: standard.genre)
            let sentences = cleaned.flatMap { NERTokenizer.sentences(in: $0.text).map { $0.map(\.text) } }
            measure("tagging", "tokens") {
                sentences.reduce(0) { $0 + tagger.tag($1).count }
            }
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

    /// The whole pipeline as `warta ingest` runs it.
    func runEndToEnd() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("warta-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reader = InputReader()
        var files = reader.expand(paths).files
        if copies > 1 {
            files = try (1...copies).flatMap { copy in try files.map { try Self.copy($0, number: copy, into: directory) } }
        }
        let megabytes = Double(files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }) / 1_000_000
        let store = try SQLiteStore(path: directory.appendingPathComponent("bench.sqlite").path)
        let pipeline = IngestPipeline()
        let progress = ProgressBar(total: pipeline.estimateCount(files: files), label: "bench")
        let start = Date()
        let summary = try await pipeline.run(files: files, into: store, workers: workers) { _ in progress.advance() }
        progress.finish()
        let ingested = Date().timeIntervalSince(start)
        let events = try await store.rebuildEvents()
        let total = Date().timeIntervalSince(start)
        let cores = workers ?? ProcessInfo.processInfo.activeProcessorCount
        Terminal.print("end to end: \(summary.seen) documents (\(String(format: "%.1f", megabytes)) MB) on \(cores) worker(s)")
        Terminal.print(String(format: "ingest      %8.2f s  %10.0f docs/s  %8.2f MB/s", ingested, Double(summary.seen) / ingested, megabytes / ingested))
        Terminal.print(String(format: "+ events    %8.2f s  %10.0f docs/s  (%d events)", total, Double(summary.seen) / total, events))
        Terminal.print(String(format: "peak memory %8.1f MB", Self.peakMemoryMB()))
    }

    /// A JSON Lines file with every id suffixed by `-copyN`, so that the copy is new input.
    static func copy(_ path: String, number: Int, into directory: URL) throws -> String {
        let target = directory.appendingPathComponent("copy\(number)-\((path as NSString).lastPathComponent)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var out = ""
        out.reserveCapacity(text.utf8.count + 64)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard var record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            if let id = record["id"] { record["id"] = "\(id)-copy\(number)" }
            let data = try JSONSerialization.data(withJSONObject: record)
            out += String(decoding: data, as: UTF8.self) + "\n"
        }
        try out.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    /// The process's peak resident memory.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// HTML extraction alone, files read and decompressed beforehand.
    func runHTML() throws {
        let reader = InputReader()
        var raws = [RawDocument]()
        for file in reader.expand(paths).files {
            reader.read(file) { item in if case .document(let raw) = item, raw.format == .html { raws.append(raw) } }
        }
        let megabytes = Double(raws.reduce(0) { $0 + $1.body.utf8.count }) / 1_000_000
        let analyzer = DocumentAnalyzer(stages: .none)
        var best = Double.infinity
        var bestCPU = Double.infinity
        var extracted = 0
        for _ in 0..<max(1, rounds) {
            let start = Date()
            let startCPU = Self.threadCPUSeconds()
            extracted = raws.reduce(0) { count, raw in count + ((try? analyzer.analyze(raw)) == nil ? 0 : 1) }
            best = min(best, Date().timeIntervalSince(start))
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - startCPU)
        }
        Terminal.print("html: \(raws.count) pages (\(String(format: "%.1f", megabytes)) MB), \(extracted) extracted")
        Terminal.print(String(format: "extract     %8.3f s  %10.0f pages/s  %8.1f MB/s  (best of %d)", best, Double(raws.count) / best, megabytes / best, max(1, rounds)))
        Terminal.print(String(format: "  CPU time  %8.3f s  %10.0f pages/s  %8.1f MB/s  (this thread's CPU, whatever else runs)", bestCPU, Double(raws.count) / bestCPU, megabytes / bestCPU))
    }

    /// CPU time of the calling thread: a rate that other processes on a busy machine do not distort much.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
