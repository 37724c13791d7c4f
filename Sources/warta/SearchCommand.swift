import ArgumentParser
import Foundation
import WartaCore

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Full-text search over the titles and bodies of stored documents.")

    @Argument(help: "Words to find (all of them; a word also matches as a prefix).")
    var query: String

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    @Option(help: "table or jsonl.")
    var format: OutputFormat = .table

    @Option(help: "At most this many results.")
    var limit: Int = 20

    func run() async throws {
        let store = try await openExisting(db)
        let hits = try await store.search(query, limit: limit)
        switch format {
        case .jsonl, .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            for hit in hits { Terminal.print(String(decoding: try encoder.encode(hit), as: UTF8.self)) }
        default:
            if hits.isEmpty { Terminal.print("no documents match \"\(query)\"") }
            for hit in hits {
                Terminal.print(String(format: "%-32@  %@", hit.id as NSString, (hit.title ?? "(untitled)") as NSString))
                Terminal.print("    \(hit.snippet.replacingOccurrences(of: "\n", with: " "))")
            }
        }
    }
}
