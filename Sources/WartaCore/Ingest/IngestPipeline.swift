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
    /// A document that fails (unreadable, binary, empty, too large, invalid JSON) is reported through
    /// `report` and counted; the run goes on. Errors of the store itself stop the run: what was
    /// committed before stays.
    public func run(
        files: [String], into store: any DocumentStore, report: (Event) -> Void
    ) async throws -> Summary {
        var summary = Summary()
        for file in files {
            var items = [InputReader.Item]()
            reader.read(file) { items.append($0) }
            for item in items {
                switch item {
                case .failure(let error):
                    summary.failed += 1
                    report(.failed(error))
                case .document(let raw):
                    let document: Document
                    do {
                        document = try analyzer.analyze(raw)
                    } catch {
                        summary.failed += 1
                        report(.failed(error))
                        continue
                    }
                    let outcome = try await store.add(document, raw: raw.body)
                    switch outcome {
                    case .added: summary.added += 1
                    case .newSource: summary.newSources += 1
                    case .known: summary.known += 1
                    }
                    report(.stored(document, outcome))
                }
            }
        }
        return summary
    }
}
