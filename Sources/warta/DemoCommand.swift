import ArgumentParser
import Foundation
import WartaCore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Ingest the bundled example articles into SQLite and show what Warta found.")

    @Option(help: "The database to fill: a SQLite file or a postgres:// URL.")
    var db: String = "warta-demo.sqlite"

    func run() async throws {
        let examples = try examplesURL()
        let store = try await openStore(db)
        let summary = try await ingestExamples(into: store)
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
            let people = document.entities.filter { $0.type == "PER" }.map(\.name)
            Terminal.print("  people    \(people.prefix(8).joined(separator: ", "))")
            Terminal.print("  dates     \(document.times.prefix(6).map { "\($0.text) = \($0.value)" }.joined(separator: "; "))")
        }
        let stats = try await store.stats()
        Terminal.print("\nstore: \(stats.documents) documents, \(stats.sources) sources, \(stats.entities) entities, \(stats.events) events\n")
        Terminal.print("timeline (asserted meetings and agreements):")
        let events = try await store.events().filter { ($0.type == "CONSULT" || $0.type == "AGREE") && $0.modality == "asserted" }
        for event in events {
            Terminal.print("  \((event.date ?? "????").padding(toLength: 10, withPad: " ", startingAt: 0))  \(event.type.padding(toLength: 8, withPad: " ", startingAt: 0)) \(event.participants.joined(separator: " · "))" + (event.location.map { "  @ \($0)" } ?? "") + "  [\(event.sources.joined(separator: ", "))]")
        }
        Terminal.print("\ntry:   warta timeline --db \(db)   ·   warta events --actor Putin --db \(db)   ·   warta search QUERY --db \(db)")
    }

    static func reasons(_ document: Document) -> String {
        var counts = [String: Int]()
        for line in document.removed ?? [] { counts[line.reason, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}

/// The example articles bundled with `warta` (Sources/warta/Examples).
func examplesURL() throws -> URL {
    guard let examples = Bundle.module.url(forResource: "Examples", withExtension: nil) else {
        throw ValidationError("the bundled examples are missing from this build")
    }
    return examples
}

/// Ingests the bundled examples into `store` and merges their events (`warta demo`, `warta serve --demo`).
func ingestExamples(into store: any EventStore) async throws -> IngestSummary {
    let summary = try await ingest([try examplesURL().path], into: store, pipeline: IngestPipeline())
    try await store.rebuildEvents()
    return summary
}
