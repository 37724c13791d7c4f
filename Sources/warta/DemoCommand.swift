import ArgumentParser
import Foundation
import WartaCore
import WartaSQLite

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the bundled example articles into SQLite and show what Warta found.")

    @Option(help: "The SQLite database file to fill.")
    var db: String = "warta-demo.sqlite"

    func run() async throws {
        guard let examples = Bundle.module.url(forResource: "Examples", withExtension: nil) else {
            throw ValidationError("the bundled examples are missing from this build")
        }
        let store = try SQLiteStore(path: db)
        let summary = try await ingest([examples.path], into: store, pipeline: IngestPipeline())
        Terminal.print(summary.line + " into \(db)\n")
        let (files, _) = InputReader().expand([examples.path])
        var documents = [Document]()
        for file in files {
            InputReader().read(file) { item in
                if case .document(let raw) = item, let document = try? DocumentAnalyzer().analyze(raw) {
                    documents.append(document)
                }
            }
        }
        for document in documents {
            Terminal.print("\(document.id)")
            Terminal.print("  title     \(document.title ?? "-")")
            Terminal.print("  author    \(document.author ?? "-")    published \(document.published ?? "-")    dateline \(document.dateline ?? "-")")
            Terminal.print("  kept \(document.text.split(separator: "\n").count) paragraphs (\(document.captions.count) captions), removed \(document.removed?.count ?? 0) lines: \(Self.reasons(document))")
        }
        let stats = try await store.stats()
        Terminal.print("\nstore: \(stats.documents) documents, \(stats.sources) sources")
        Terminal.print("try:   warta search QUERY --db \(db)   ·   warta show ID --db \(db) --explain")
    }

    static func reasons(_ document: Document) -> String {
        var counts = [String: Int]()
        for line in document.removed ?? [] { counts[line.reason, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
