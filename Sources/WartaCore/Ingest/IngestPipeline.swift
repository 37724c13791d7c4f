internal import Foundation

/// Reads inputs, analyses every document and writes it to a store, going on past bad input.
///
/// ```swift
/// let summary = try await IngestPipeline().run(paths: ["seeds"], into: store) { event in ... }
/// ```
public struct IngestPipeline: Sendable {
    public var reader: InputReader
    public var analyzer: DocumentAnalyzer

    public init(reader: InputReader = InputReader(), analyzer: DocumentAnalyzer = DocumentAnalyzer()) {
        self.reader = reader
        self.analyzer = analyzer
    }

    /// What a run did.
    public struct Summary: Sendable, Hashable, Codable {
        public var added = 0
        public var newSources = 0
        public var known = 0
        public var failed = 0
        public var seen: Int { added + newSources + known + failed }

        public init() {}
    }

    /// Something that happened during a run, for progress and error reporting.
    public enum Event: Sendable {
        case stored(Document, StoreOutcome)
        case failed(InputError)
    }

    /// How many documents the inputs hold, counted cheaply (JSON Lines by their lines), for a progress bar.
    public func estimateCount(files: [String]) -> Int {
        var total = 0
        for file in files {
            let (ext, gzipped) = InputReader.kind(of: (file as NSString).lastPathComponent)
            guard ext == "jsonl" || ext == "ndjson", !gzipped, let data = FileManager.default.contents(atPath: file) else {
                total += 1
                continue
            }
            total += data.withUnsafeBytes { buffer in buffer.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            if data.last != 0x0A && !data.isEmpty { total += 1 }
        }
        return total
    }

    /// Ingests every document in `files` into `store`.
    ///
    /// Documents are analysed in parallel, `workers` at a time (default: one per core), a block of `batchSize` after another; one
    /// writer stores each block in input order in one transaction while the next block is analysed.
    /// A document that fails (unreadable, binary, empty, too large, invalid JSON) is reported through
    /// `report` and counted; the run goes on. Errors of the store itself stop the run: what was
    /// committed before stays.
    public func run(
        files: [String], into store: any DocumentStore, workers: Int? = nil,
        batchSize: Int = 256, report: (Event) -> Void
    ) async throws -> Summary {
        var summary = Summary()
        var blocks = Blocks(reader: reader, files: files, size: max(1, batchSize))
        let workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
        // Two blocks in analysis ahead of the writer, so that the cores stay busy while a block is written.
        var pending = [Task<[Result<(document: Document, raw: String), InputError>], Never>]()
        for _ in 0..<2 {
            if let block = blocks.next() { pending.append(Task { await analyze(block, workers: workers) }) }
        }
        while !pending.isEmpty {
            let results = await pending.removeFirst().value
            if let block = blocks.next() { pending.append(Task { await analyze(block, workers: workers) }) }
            var batch = [(document: Document, raw: String)]()
            for result in results {
                if case .success(let analysed) = result { batch.append(analysed) }
            }
            var outcomes = try await store.add(batch: batch).makeIterator()
            for result in results {
                switch result {
                case .failure(let error):
                    summary.failed += 1
                    report(.failed(error))
                case .success(let analysed):
                    guard let outcome = outcomes.next() else { continue }
                    switch outcome {
                    case .added: summary.added += 1
                    case .newSource: summary.newSources += 1
                    case .known: summary.known += 1
                    }
                    report(.stored(analysed.document, outcome))
                }
            }
        }
        return summary
    }

    /// Analyses a block on `workers` tasks, keeping its order.
    func analyze(_ block: [InputReader.Item], workers: Int) async -> [Result<(document: Document, raw: String), InputError>] {
        let analyzer = self.analyzer
        func one(_ item: InputReader.Item) -> Result<(document: Document, raw: String), InputError> {
            switch item {
            case .failure(let error): return .failure(error)
            case .document(let raw):
                do { return .success((try analyzer.analyze(raw), raw.body)) } catch { return .failure(error) }
            }
        }
        if workers == 1 || block.count < 2 { return block.map(one) }
        let counter = Counter()
        return await withTaskGroup(of: [(Int, Result<(document: Document, raw: String), InputError>)].self) { group in
            for _ in 0..<min(workers, block.count) {
                group.addTask {
                    // Each worker takes the next document not yet taken: long documents do not leave a core idle.
                    var done = [(Int, Result<(document: Document, raw: String), InputError>)]()
                    while let index = counter.next(below: block.count) { done.append((index, one(block[index]))) }
                    return done
                }
            }
            var results = [Result<(document: Document, raw: String), InputError>?](repeating: nil, count: block.count)
            for await part in group {
                for (index, result) in part { results[index] = result }
            }
            return results.map { $0! }
        }
    }

    /// Hands out 0, 1, 2, ... to the workers of a block.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    /// The items of all files, `size` at a time, reading one file after another as they are asked for.
    struct Blocks {
        let reader: InputReader
        var files: IndexingIterator<[String]>
        let size: Int
        var current: InputReader.Items?

        init(reader: InputReader, files: [String], size: Int) {
            self.reader = reader
            self.files = files.makeIterator()
            self.size = size
        }

        mutating func next() -> [InputReader.Item]? {
            var block = [InputReader.Item]()
            while block.count < size {
                if current == nil {
                    guard let file = files.next() else { break }
                    current = reader.items(file)
                }
                if let item = current?.next() {
                    block.append(item)
                } else {
                    current = nil
                }
            }
            return block.isEmpty ? nil : block
        }
    }
}
