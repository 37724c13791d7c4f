import ArgumentParser
import Foundation
import WartaCore
import WartaPostgres

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a stored document: metadata and clean text.")

    @Argument(help: "The document's id (file name or JSONL id) or its hash (8 characters or more).")
    var id: String

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Also show the lines cleaning removed, and why.")
    var explain = false

    func run() async throws {
        let store = try await openExisting(db)
        guard var document = try await store.document(id) else {
            Terminal.error("warta: no document \(id) in \(PostgresEndpoint.redacted(db))")
            throw ExitCode(1)
        }
        if !explain { document.removed = nil }
        if format == .json || format == .jsonl {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            Terminal.print(String(decoding: try encoder.encode(document), as: UTF8.self))
        } else {
            Terminal.write(ExtractCommand.render(document, explain: explain))
        }
    }
}

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count the documents, sources, entities and events stored.")

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let stats = try await openExisting(db).stats()
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Terminal.print(String(decoding: try encoder.encode(stats), as: UTF8.self))
        } else {
            Terminal.print("documents \(stats.documents)\nsources   \(stats.sources)\nentities  \(stats.entities)\nevents    \(stats.events)")
        }
    }
}
