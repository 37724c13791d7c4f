import Foundation
import GRDB
import Testing
import WartaCore
import WartaSQLite

/// Nothing lost: `warta ingest` killed with SIGKILL at random moments, again and again, leaves a database
/// that opens and passes its integrity checks, and a last uninterrupted run ends with exactly what one
/// uninterrupted run into a fresh database gives.
///
/// `WARTA_KILL_LINES` (corpus lines, default 450) and `WARTA_KILL_ROUNDS` (kills, default 6) tune it; the
/// delays are printed so that a failing round can be told apart.
@Suite(.serialized) struct KillTests {
    /// What a database holds, in an order that does not depend on timing.
    struct Snapshot: Equatable {
        var documents: [String]
        var sources: [String]
        var entities: [String]
        var eventInputs: [String]
        var events: [String]
    }

    static func snapshot(_ path: String) throws -> Snapshot {
        let queue = try DatabaseQueue(path: path)
        return try queue.write { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"], "integrity_check of \(path)")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty, "foreign_key_check of \(path)")
            // FTS5's own check: the index agrees with the document table it mirrors.
            try db.execute(sql: "INSERT INTO document_fts(document_fts) VALUES('integrity-check')")
            func rows(_ sql: String) throws -> [String] {
                try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map { $0.description }.joined(separator: "|")
                }
            }
            return Snapshot(
                documents: try rows(
                    "SELECT hash, id, title, published, language, length(text) FROM document ORDER BY hash"),
                sources: try rows("SELECT documentHash, docId, path, url FROM source ORDER BY documentHash, docId"),
                entities: try rows("SELECT key, name, type, mentions, documents FROM entity ORDER BY key"),
                eventInputs: try rows(
                    "SELECT documentHash, count(*) FROM event_input GROUP BY documentHash ORDER BY documentHash"),
                events: try rows("SELECT id, type, date, modality, merged FROM event ORDER BY id"))
        }
    }

    /// Starts `warta` with its output thrown away, without waiting for it.
    static func start(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func ingestKilledAtRandomMomentsLosesNothing() async throws {
        guard let corpus = Shared.path("data/corpus/clickid-2019.jsonl"), let seeds = Shared.path("seeds") else {
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let lineCount = environment["WARTA_KILL_LINES"].flatMap(Int.init) ?? 450
        let rounds = environment["WARTA_KILL_ROUNDS"].flatMap(Int.init) ?? 6
        let cli = try CLI()
        let text = try String(contentsOfFile: corpus, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lineCount)
        let input = try cli.write("corpus.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        let arguments = ["ingest", input, seeds]

        // One run, never interrupted, into a fresh database: what every other database must end up holding.
        let reference = cli.path("reference.sqlite")
        let started = Date()
        let whole = try cli.run(arguments + ["--db", reference])
        let duration = Date().timeIntervalSince(started)
        try #require(whole.status == 0, "\(whole.stderr)")
        let expected = try Self.snapshot(reference)
        #expect(expected.documents.count > lineCount / 2)
        #expect(!expected.events.isEmpty)

        let killed = cli.path("killed.sqlite")
        var delays = [Double]()
        var interrupted = 0
        for round in 1...rounds {
            // Spread the kills over the whole run: opening, analysis, the block transactions, the event rebuild.
            let delay = Double.random(in: 0.02...max(0.05, duration * 1.05))
            delays.append(delay)
            let process = try Self.start(arguments + ["--db", killed], in: cli.directory)
            try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                interrupted += 1
            }
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: killed) {
                let after = try Self.snapshot(killed)
                // Whatever a kill left is a consistent prefix: every document has its sources and mentions.
                #expect(
                    Set(after.documents).isSubset(of: Set(expected.documents)),
                    "round \(round), killed after \(delay) s")
                #expect(
                    Set(after.eventInputs).isSubset(of: Set(expected.eventInputs)),
                    "round \(round), killed after \(delay) s")
                #expect(after.sources.count >= after.documents.count, "round \(round), killed after \(delay) s")
            }
        }
        print(
            "kill test: \(lineCount) lines, uninterrupted run \(String(format: "%.1f", duration)) s, "
                + "\(interrupted) of \(rounds) runs killed after "
                + delays.map { String(format: "%.2f s", $0) }.joined(separator: ", "))
        #expect(interrupted >= rounds / 2, "most runs must really be killed (delays \(delays), run \(duration) s)")

        let last = try cli.run(arguments + ["--db", killed])
        #expect(last.status == 0, "\(last.stderr)")
        let final = try Self.snapshot(killed)
        #expect(final.documents == expected.documents)
        #expect(final.sources == expected.sources)
        #expect(final.entities == expected.entities)
        #expect(final.eventInputs == expected.eventInputs)
        #expect(final.events == expected.events)

        // And as a user sees them.
        let events = ["events", "--format", "jsonl", "--modality", "all", "--db"]
        let fromReference = try cli.run(events + [reference])
        let fromKilled = try cli.run(events + [killed])
        #expect(fromReference.status == 0 && fromKilled.status == 0)
        #expect(fromKilled.stdout == fromReference.stdout)
        #expect(!fromReference.stdout.isEmpty)
    }

    /// A block whose write fails midway (here: SQLite refuses the second document's source) leaves nothing of
    /// any of its documents, and writing it again once the fault is gone stores each exactly once.
    @Test func blockFailingMidwayLeavesNothingHalfWritten() async throws {
        let cli = try CLI()
        let path = cli.path("atomic.sqlite")
        let store = try SQLiteStore(path: path)
        let texts = [
            (
                "pertama.txt",
                "PYONGYANG - Menteri pertahanan Rusia Sergei Shoigu bertemu Kim Jong Un di Pyongyang pada Rabu."
            ),
            (
                "kedua.txt",
                "JAKARTA - Presiden Joko Widodo menerima Perdana Menteri Australia di Istana Merdeka pada Kamis."
            ),
            (
                "ketiga.txt",
                "MOSKOW - Vladimir Putin dan Prabowo Subianto membahas kerja sama pertahanan di Kremlin, Rabu."
            ),
        ]
        let batch = try texts.map { id, text in
            let raw = RawDocument(id: id, path: id, format: .text, body: text)
            return (document: try DocumentAnalyzer().analyze(raw), raw: text)
        }
        try await store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_second BEFORE INSERT ON source WHEN NEW.docId = 'kedua.txt'
                    BEGIN SELECT RAISE(ABORT, 'disk full, say'); END
                    """)
        }
        await #expect(throws: (any Error).self) { try await store.add(batch: batch) }
        func counts() throws -> [Int] {
            try DatabaseQueue(path: path).read { db in
                try ["document", "source", "entity", "event_input"].map {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
                }
            }
        }
        #expect(try counts() == [0, 0, 0, 0])

        try await store.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse_second") }
        #expect(try await store.add(batch: batch) == [.added, .added, .added])
        let stored = try counts()
        #expect(try await store.add(batch: batch) == [.known, .known, .known])
        #expect(try counts() == stored)
        #expect(stored[0] == 3 && stored[1] == 3 && stored[2] > 0)
    }
}
