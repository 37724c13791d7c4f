public import GRDB
public import WartaCore
internal import Foundation

/// The embedded store: one SQLite file (WAL) through GRDB, with FTS5 search over titles and bodies.
///
/// Documents are keyed by their content hash, so the same article read from two files or two feeds is
/// one document with two sources; each source keeps the raw input it was read from, so that a better
/// cleaner can run again later. Every document is written in one transaction.
///
/// ```swift
/// let store = try SQLiteStore(path: "warta.sqlite")
/// let outcome = try await store.add(document, raw: rawText)
/// ```
public final class SQLiteStore: EventStore {
    public let writer: any DatabaseWriter
    /// Writes the stored JSON (analysis, aliases, event inputs and events) straight to bytes.
    private let encoder = StreamingJSONEncoder()

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        writer = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(writer)
    }

    /// An in-memory database, for tests.
    public init() throws {
        writer = try DatabaseQueue()
        try Self.migrator.migrate(writer)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, sources, search") { db in
            try db.create(table: "document") { t in
                t.primaryKey("hash", .text)
                t.column("id", .text).notNull()
                t.column("title", .text)
                t.column("author", .text)
                t.column("published", .text)
                t.column("dateline", .text)
                t.column("language", .text).notNull()
                t.column("text", .text).notNull()
                t.column("analysis", .text).notNull()  // the Document as JSON (FORMATS.md §2)
                t.column("addedAt", .datetime).notNull()
            }
            try db.create(table: "source") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("documentHash", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("docId", .text).notNull().indexed()
                t.column("path", .text)
                t.column("url", .text)
                t.column("publisher", .text)
                t.column("raw", .text).notNull()
                t.column("addedAt", .datetime).notNull()
                t.uniqueKey(["documentHash", "docId"])
            }
            try db.create(virtualTable: "document_fts", using: FTS5()) { t in
                t.synchronize(withTable: "document")
                t.tokenizer = .unicode61()
                t.column("title")
                t.column("text")
            }
        }
        migrator.registerMigration("v2: entities and events") { db in
            try db.create(table: "entity") { t in
                t.primaryKey("key", .text)
                t.column("name", .text).notNull()
                t.column("type", .text).notNull()
                t.column("link", .text)
                t.column("country", .text)
                t.column("aliases", .text).notNull()  // JSON array
                t.column("mentions", .integer).notNull()
                t.column("documents", .integer).notNull()
            }
            try db.create(table: "event_input") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("documentHash", .text).notNull().indexed().references("document", onDelete: .cascade)
                t.column("input", .text).notNull()  // EventMerger.Input as JSON
            }
            try db.create(table: "event") { t in
                t.primaryKey("id", .text)
                t.column("type", .text).notNull().indexed()
                t.column("date", .text).indexed()
                t.column("modality", .text).notNull()
                t.column("merged", .text).notNull()  // EventMerger.Merged as JSON
            }
        }
        Self.registerFeedMigration(&migrator)
        return migrator
    }

    public func add(_ document: Document, raw: String) async throws -> StoreOutcome {
        let analysis = try encoder.encode(document)
        return try await writer.write { db in try self.insert(document, analysis: analysis, raw: raw, db: db) }
    }

    /// One transaction for the whole batch: a crash leaves either all of it or none of it.
    public func add(batch: [(document: Document, raw: String)]) async throws -> [StoreOutcome] {
        let analyses = try batch.map { try encoder.encode($0.document) }
        return try await writer.write { db in
            try zip(batch, analyses).map { item, analysis in
                try self.insert(item.document, analysis: analysis, raw: item.raw, db: db)
            }
        }
    }

    private func insert(_ document: Document, analysis: String, raw: String, db: Database) throws -> StoreOutcome {
        let exists =
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM document WHERE hash = ?"), arguments: [document.hash])
            ?? false
        let now = Date()
        if !exists {
            try db.cachedStatement(
                sql: """
                    INSERT INTO document (hash, id, title, author, published, dateline, language, text, analysis, addedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    document.hash, document.id, document.title, document.author, document.published,
                    document.dateline, document.language, document.text, analysis, now,
                ])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO source (documentHash, docId, path, url, publisher, raw, addedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (documentHash, docId) DO NOTHING
                """
        ).execute(
            arguments: [
                document.hash, document.id, document.source.path, document.source.url, document.source.publisher,
                raw, now,
            ])
        if !exists {
            try writeAnalysis(document, db: db)
            return .added
        }
        return db.changesCount > 0 ? .newSource : .known
    }

    public func search(_ query: String, limit: Int = 20) async throws -> [SearchHit] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
        return try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT (SELECT docId FROM source WHERE documentHash = document.hash ORDER BY rowid LIMIT 1) AS id,
                           document.title AS title,
                           snippet(document_fts, 1, '[', ']', '…', 16) AS snippet,
                           -bm25(document_fts, 5.0, 1.0) AS score
                    FROM document_fts JOIN document ON document.rowid = document_fts.rowid
                    WHERE document_fts MATCH ?
                    ORDER BY bm25(document_fts, 5.0, 1.0), id
                    LIMIT ?
                    """,
                arguments: [pattern, limit])
            return rows.map { row in
                SearchHit(id: row["id"], title: row["title"], snippet: row["snippet"], score: row["score"])
            }
        }
    }

    public func document(_ key: String) async throws -> Document? {
        try await writer.read { db in
            let sql = """
                SELECT analysis FROM document
                WHERE hash = :key OR hash IN (SELECT documentHash FROM source WHERE docId = :key)
                   OR (length(:key) >= 8 AND hash LIKE :key || '%')
                LIMIT 1
                """
            guard let json = try String.fetchOne(db, sql: sql, arguments: ["key": key]) else { return nil }
            return try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        }
    }

    public func documents(offset: Int, limit: Int) async throws -> [DocumentSummary] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT document.hash, document.title, document.author, document.published, document.language,
                           first.docId AS id, first.url, first.publisher,
                           (SELECT count(*) FROM source WHERE documentHash = document.hash) AS sources
                    FROM document
                    JOIN source AS first ON first.rowid =
                        (SELECT rowid FROM source WHERE documentHash = document.hash ORDER BY rowid LIMIT 1)
                    ORDER BY document.rowid
                    LIMIT ? OFFSET ?
                    """,
                arguments: [limit, offset])
            return rows.map { row in
                DocumentSummary(
                    id: row["id"], hash: row["hash"], title: row["title"], author: row["author"], published: row["published"],
                    language: row["language"], url: row["url"], publisher: row["publisher"], sources: row["sources"])
            }
        }
    }

    /// The raw input a document's sources were read from, oldest first.
    public func rawInputs(of hash: String) async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT raw FROM source WHERE documentHash = ? ORDER BY rowid", arguments: [hash])
        }
    }

    public func stats() async throws -> StoreStats {
        try await writer.read { db in
            func count(_ table: String) throws -> Int {
                guard try db.tableExists(table) else { return 0 }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return StoreStats(
                documents: try count("document"), sources: try count("source"), entities: try count("entity"),
                events: try count("event"))
        }
    }

    /// Entities and event mentions of a newly added document, in the same transaction.
    private func writeAnalysis(_ document: Document, db: Database) throws {
        for entity in document.entities {
            let key = EventMerger.actorKey(entity)
            let aliases = try encoder.encode(entity.aliases)
            if let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT aliases FROM entity WHERE key = ?"), arguments: [key])
            {
                let known = (try? JSONDecoder().decode([String].self, from: Data((row["aliases"] as String).utf8))) ?? []
                var merged = known
                for alias in entity.aliases + [entity.name] where !merged.contains(alias) { merged.append(alias) }
                try db.cachedStatement(
                    sql: "UPDATE entity SET mentions = mentions + ?, documents = documents + 1, aliases = ? WHERE key = ?"
                ).execute(
                    arguments: [entity.mentions.count, try encoder.encode(merged), key])
            } else {
                try db.cachedStatement(
                    sql: "INSERT INTO entity (key, name, type, link, country, aliases, mentions, documents) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"
                ).execute(
                    arguments: [key, entity.name, entity.type, entity.link, entity.country, aliases, entity.mentions.count])
            }
        }
        for input in EventMerger.inputs(of: document) {
            try db.cachedStatement(sql: "INSERT INTO event_input (documentHash, input) VALUES (?, ?)").execute(
                arguments: [document.hash, try encoder.encode(input)])
        }
    }

    public func eventInputs() async throws -> [EventMerger.Input] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT input FROM event_input ORDER BY rowid").map {
                try JSONDecoder().decode(EventMerger.Input.self, from: Data($0.utf8))
            }
        }
    }

    public func replaceEvents(_ events: [EventMerger.Merged]) async throws {
        let encoded = try events.map { ($0, try encoder.encode($0)) }
        try await writer.write { db in try Self.writeEvents(encoded, db: db) }
    }

    /// Reads the mentions, merges them and replaces the events in one write transaction, so that two
    /// processes rebuilding at once cannot lose each other's documents.
    @discardableResult
    public func rebuildEvents() async throws -> Int {
        try await writer.write { db in
            let inputs = try String.fetchAll(db, sql: "SELECT input FROM event_input ORDER BY rowid").map {
                try JSONDecoder().decode(EventMerger.Input.self, from: Data($0.utf8))
            }
            let merged = EventMerger().merge(inputs)
            try Self.writeEvents(try merged.map { ($0, try self.encoder.encode($0)) }, db: db)
            return merged.count
        }
    }

    private static func writeEvents(_ encoded: [(EventMerger.Merged, String)], db: Database) throws {
        try db.execute(sql: "DELETE FROM event")
        for (event, json) in encoded {
            try db.cachedStatement(
                sql: "INSERT INTO event (id, type, date, modality, merged) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
            ).execute(
                arguments: [event.id, event.type, event.date, event.modality, json])
        }
    }

    public func events() async throws -> [EventMerger.Merged] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT merged FROM event ORDER BY date, id").map {
                try JSONDecoder().decode(EventMerger.Merged.self, from: Data($0.utf8))
            }
        }
    }

    public func entities(type: String?) async throws -> [EntitySummary] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM entity WHERE (? IS NULL OR type = ?) ORDER BY mentions DESC, name",
                arguments: [type, type])
            return rows.map { row in
                let aliases = (try? JSONDecoder().decode([String].self, from: Data((row["aliases"] as String).utf8))) ?? []
                return EntitySummary(
                    key: row["key"], name: row["name"], type: row["type"], link: row["link"], country: row["country"],
                    aliases: aliases.filter { $0 != (row["name"] as String) }, mentions: row["mentions"],
                    documents: row["documents"])
            }
        }
    }
}
