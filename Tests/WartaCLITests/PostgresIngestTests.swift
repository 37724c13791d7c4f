import Foundation
import Testing
import WartaPostgres

/// The PostgreSQL server of the tests, from `WARTA_TEST_POSTGRES_URL` (`scripts/with-postgres swift test`).
enum TestPostgres {
    static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["WARTA_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// Under CI the tests run (and fail) without a server, so that a missing one is noticed.
    static var enabled: Bool { url != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    static let skipNote: Comment =
        "WARTA_TEST_POSTGRES_URL is unset, so the PostgreSQL ingest tests are skipped: run them with `scripts/with-postgres swift test`"

    /// A new empty database on the server, as a `--db` URL, and the name to drop it by.
    static func makeDatabase() async throws -> (url: String, name: String, server: PostgresEndpoint) {
        let server = try PostgresEndpoint(
            url: try #require(url, "set WARTA_TEST_POSTGRES_URL (see scripts/with-postgres)"))
        let name = "warta_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await PostgresStore.createDatabase(name, on: server)
        return (server.with(database: name).url, name, server)
    }
}

@Suite(.serialized, .enabled(if: TestPostgres.enabled, TestPostgres.skipNote))
struct PostgresIngestTests {
    /// Several `warta ingest` processes writing overlapping inputs to one database at once end with the
    /// same documents, sources, entities and events as one process ingesting everything.
    @Test func concurrentIngestsEndLikeOne() async throws {
        let cli = try CLI()
        let seeds = Shared.path("seeds")
        var everything = [EventCommandTests.examples] + (seeds.map { [$0] } ?? [])
        // News from the shared corpus, cut into overlapping JSON Lines files.
        var chunks = [[String]]()
        if let corpus = Shared.path("data/corpus/clickid-2019.jsonl"), let handle = FileHandle(forReadingAtPath: corpus)
        {
            let head = try handle.read(upToCount: 1_000_000) ?? Data()
            try handle.close()
            let lines = String(decoding: head, as: UTF8.self).split(separator: "\n").prefix(Self.corpusSize).map(
                String.init)
            let n = lines.count
            chunks = [Array(lines[0..<n / 2]), Array(lines[n / 4..<3 * n / 4]), Array(lines.reversed()), lines]
            for (index, chunk) in chunks.enumerated() {
                _ = try cli.write("chunk\(index).jsonl", Array((chunk.joined(separator: "\n") + "\n").utf8))
            }
            everything.append(cli.path("chunk3.jsonl"))
        }
        let seedList = seeds.map { [$0] } ?? []
        let corpus =
            chunks.isEmpty ? [[String]](repeating: [], count: 4) : (0..<4).map { [cli.path("chunk\($0).jsonl")] }
        let inputs: [[String]] = [
            corpus[0] + seedList,
            corpus[1] + [EventCommandTests.examples],
            corpus[2] + seedList + [EventCommandTests.examples],
            [EventCommandTests.examples] + seedList + corpus[3],
        ]

        let shared = try await TestPostgres.makeDatabase()
        let single = try await TestPostgres.makeDatabase()
        do {
            try compare(cli, inputs: inputs, everything: everything, shared: shared.url, single: single.url)
        } catch {
            try? await PostgresStore.dropDatabase(shared.name, on: shared.server)
            try? await PostgresStore.dropDatabase(single.name, on: single.server)
            throw error
        }
        try await PostgresStore.dropDatabase(shared.name, on: shared.server)
        try await PostgresStore.dropDatabase(single.name, on: single.server)
    }

    static let corpusSize = 60

    /// Ingests `inputs` into `shared` with one process each, all at once, and `everything` into `single` with
    /// one process, then compares the two databases.
    func compare(_ cli: CLI, inputs: [[String]], everything: [String], shared: String, single: String) throws {
        let started = Date()
        let runs = try cli.runAll(inputs.map { ["ingest"] + $0 + ["--db", shared] })
        let together = Date().timeIntervalSince(started)
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }
        let one = try cli.run(["ingest"] + everything + ["--db", single])
        #expect(one.status == 0, "\(one.stderr)")
        print("concurrent ingest: 4 processes \(String(format: "%.1f", together)) s; \(one.stdout)")

        let expected = try summary(cli, single)
        let actual = try summary(cli, shared)
        #expect(expected.stats["documents"] as? Int ?? 0 >= 13)
        #expect(expected.events.count >= 5)
        #expect(Set(actual.events).count == actual.events.count, "duplicate events")
        #expect(actual.stats as NSDictionary == expected.stats as NSDictionary)
        #expect(actual.events == expected.events)
        #expect(actual.entities == expected.entities)
    }

    /// Counts, events (id, type, sources, mentions) and entities (key, mentions, documents) of a database.
    func summary(_ cli: CLI, _ db: String) throws -> (stats: [String: Any], events: [String], entities: [String]) {
        let statsRun = try cli.run("stats", "--format", "json", "--db", db)
        #expect(statsRun.status == 0, "\(statsRun.stderr)")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(statsRun.stdout.utf8)) as? [String: Any])
        let events = try CLI.jsonLines(
            try cli.run("events", "--modality", "all", "--format", "jsonl", "--db", db).stdout
        )
        .map { event in
            let sources = (event["sources"] as? [String] ?? []).sorted().joined(separator: ",")
            return "\(event["id"] ?? "") \(event["type"] ?? "") [\(sources)] \(event["mentions"] ?? "")"
        }
        let entities = try CLI.jsonLines(
            try cli.run("entities", "--limit", "1000000", "--format", "jsonl", "--db", db).stdout
        )
        .map { "\($0["key"] ?? "") \($0["mentions"] ?? "") \($0["documents"] ?? "")" }
        return (stats, events.sorted(), entities.sorted())
    }
}

extension CLI {
    /// Runs several `warta` commands at once, their output going to files, and waits for all of them.
    func runAll(_ commands: [[String]]) throws -> [Run] {
        var processes = [(Process, URL, URL)]()
        for (index, arguments) in commands.enumerated() {
            let out = directory.appendingPathComponent("run\(index).out")
            let err = directory.appendingPathComponent("run\(index).err")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            processes.append((process, out, err))
        }
        for (process, _, _) in processes { try process.run() }
        return try processes.map { process, out, err in
            process.waitUntilExit()
            return Run(
                status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                stderr: try String(contentsOf: err, encoding: .utf8))
        }
    }
}
