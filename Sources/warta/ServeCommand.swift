import ArgumentParser
import Foundation
import WartaCore
import WartaSQLite
import WartaServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the database over HTTP: a JSON API under /api and pages to read.")

    @Option(help: "The database: a SQLite file, or a postgres:// URL.")
    var db: String?

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(
        help:
            "The bearer token that POST /api/documents needs (also WARTA_TOKEN); without one, the server is read-only.")
    var token: String?

    @Flag(help: "Serve the bundled example articles (ingested into --db if given, else held in memory).")
    var demo = false

    @Option(help: "The largest document POST /api/documents accepts, in bytes.")
    var maxSize: Int = 20_000_000

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        if let token, token.isEmpty { throw ValidationError("--token must not be empty") }
    }

    func run() async throws {
        let store: any EventStore
        var displayName = db ?? "warta.sqlite"
        if demo {
            // Without --db the examples live in memory: nothing is left behind when the server stops.
            if let db {
                store = try await openStore(db)
            } else {
                store = try SQLiteStore()
            }
            let summary = try await ingestExamples(into: store)
            Terminal.error("warta: " + summary.line)
            displayName = "the bundled examples"
        } else {
            store = try await openExisting(db ?? "warta.sqlite")
        }
        let name = displayName
        let token = token ?? ProcessInfo.processInfo.environment["WARTA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let server = WartaServer(
            store: store, options: .init(host: host, port: port, token: token, maxDocumentSize: maxSize, name: name),
            pipeline: try makePipeline(maxSize: maxSize, boilerplate: nil))
        let host = host
        try await server.run { port in
            // One line on stdout, so that scripts (and tests) can learn the port chosen for --port 0.
            Terminal.print(
                "warta: serving \(name) on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                    + (token == nil ? " (read-only: no --token)" : ""))
        }
    }
}
