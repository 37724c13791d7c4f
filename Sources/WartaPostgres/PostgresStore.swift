public import WartaCore
internal import PostgresNIO
internal import Logging
internal import Foundation

/// The shared store: one PostgreSQL database that several `warta` processes write to at once.
///
/// The same contract as the SQLite store: documents keyed by their content hash, one source per input id,
/// each document written in one transaction with its entities and event mentions. Every write is safe
/// against other processes: documents and sources go in with `INSERT … ON CONFLICT DO NOTHING` on their
/// unique keys, so exactly one process adds a document (and counts its entities); entity counts are
/// upserted in key order, so that two transactions never wait on each other in a cycle; the merged events
/// are rebuilt in one transaction under an advisory lock, so the last rebuild sees every committed
/// document and no merge is lost.
///
/// ```swift
/// let store = try await PostgresStore(url: "postgres://warta@db.example.org/news")
/// let outcome = try await store.add(document, raw: rawText)
/// ```
public final class PostgresStore: EventStore {
    public let endpoint: PostgresEndpoint
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    /// Connects to the database at `url` (see ``PostgresEndpoint``) and brings its schema up to date.
    ///
    /// - Throws: ``PostgresStoreError`` when the URL is wrong, the server cannot be reached or refuses.
    public convenience init(url: String) async throws {
        try await self.init(endpoint: PostgresEndpoint(url: url))
    }

    /// Connects to `endpoint` and brings its schema up to date.
    public init(endpoint: PostgresEndpoint) async throws {
        self.endpoint = endpoint
        var logger = Logger(label: "warta.postgres")
        logger.logLevel = .critical
        self.logger = logger
        // A first connection of its own: it fails at once when nothing listens (the pool would retry for a
        // minute), and it migrates the schema before any other query.
        try await Self.withConnection(to: endpoint, logger: logger) { connection in
            try await Self.migrate(connection, logger: logger)
        }
        let client = PostgresClient(configuration: try endpoint.clientConfiguration(), backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Closes the connections; the store cannot be used afterwards.
    public func shutdown() async {
        runner.cancel()
        await runner.value
    }

    // MARK: Documents

    public func add(_ document: Document, raw: String) async throws -> StoreOutcome {
        let analysis = try Self.json(document)
        let entities = try EntityRow.rows(of: document)
        let inputs = try EventMerger.inputs(of: document).map(Self.json)
        return try await transaction { connection, logger in
            let inserted = try await connection.query(
                """
                INSERT INTO document (hash, id, title, author, published, dateline, language, text, analysis)
                VALUES (\(document.hash), \(document.id), \(document.title), \(document.author), \(document.published),
                        \(document.dateline), \(document.language), \(document.text), \(analysis))
                ON CONFLICT (hash) DO NOTHING RETURNING hash
                """, logger: logger
            ).collect()
            let source = try await connection.query(
                """
                INSERT INTO source (document_hash, doc_id, path, url, publisher, raw)
                VALUES (\(document.hash), \(document.id), \(document.source.path), \(document.source.url),
                        \(document.source.publisher), \(raw))
                ON CONFLICT (document_hash, doc_id) DO NOTHING RETURNING seq
                """, logger: logger
            ).collect()
            guard !inserted.isEmpty else { return source.isEmpty ? .known : .newSource }
            // Only the transaction that added the document counts its entities and keeps its mentions.
            for entity in entities {
                try await connection.query(
                    """
                    INSERT INTO entity (key, name, type, link, country, aliases, mentions, documents)
                    VALUES (\(entity.key), \(entity.name), \(entity.type), \(entity.link), \(entity.country),
                            \(entity.aliases), \(entity.mentions), 1)
                    ON CONFLICT (key) DO UPDATE SET
                        mentions = entity.mentions + EXCLUDED.mentions,
                        documents = entity.documents + 1,
                        aliases = ARRAY(
                            SELECT alias FROM unnest(entity.aliases || \(entity.aliasesWithName)::text[])
                                WITH ORDINALITY AS known (alias, position)
                            GROUP BY alias ORDER BY min(position))
                    """, logger: logger)
            }
            if !inputs.isEmpty {
                try await connection.query(
                    """
                    INSERT INTO event_input (document_hash, input)
                    SELECT \(document.hash), input FROM unnest(\(inputs)::text[]) WITH ORDINALITY AS i (input, position)
                    ORDER BY position
                    """, logger: logger)
            }
            return .added
        }
    }

    public func search(_ query: String, limit: Int = 20) async throws -> [SearchHit] {
        guard let tsquery = Self.prefixQuery(query), limit > 0 else { return [] }
        // Rank first (weights of the D, C, B = body and A = title labels: a title match counts five body matches,
        // as in SQLite), then cut snippets for the hits only (ts_headline reads the whole text).
        let rows = try await run { connection, logger in
            try await connection.query(
                """
                WITH q AS (SELECT to_tsquery('simple', \(tsquery)) AS query),
                hit AS (
                    SELECT d.hash, ts_rank('{0, 0, 0.2, 1}', d.search, q.query) AS score,
                           (SELECT doc_id FROM source WHERE document_hash = d.hash ORDER BY seq LIMIT 1) AS id
                    FROM document d, q WHERE d.search @@ q.query
                    ORDER BY score DESC, id LIMIT \(limit))
                SELECT hit.id, d.title,
                       CASE WHEN starts_with(d.text, h.plain) THEN '' ELSE '…' END || h.headline
                           || CASE WHEN right(d.text, length(h.plain)) = h.plain THEN '' ELSE '…' END,
                       hit.score::float8
                FROM hit JOIN document d ON d.hash = hit.hash CROSS JOIN q
                CROSS JOIN LATERAL (
                    SELECT headline, translate(headline, '[]', '') AS plain
                    FROM ts_headline('simple', d.text, q.query,
                        'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=1, MaxFragments=1') AS headline) h
                ORDER BY hit.score DESC, hit.id
                """, logger: logger
            ).collect().map { try $0.decode((String, String?, String, Double).self) }
        }
        return rows.map { SearchHit(id: $0.0, title: $0.1, snippet: $0.2, score: $0.3) }
    }

    /// Every word of `query` as a prefix, all required (SQLite's `FTS5Pattern(matchingAllPrefixesIn:)`), or nil
    /// when it has no word. Only letters and digits pass, so no input can break the query syntax.
    static func prefixQuery(_ query: String) -> String? {
        let words = query.lowercased().split { !($0.isLetter || $0.isNumber) }
        guard !words.isEmpty else { return nil }
        return words.map { "\($0):*" }.joined(separator: " & ")
    }

    public func document(_ key: String) async throws -> Document? {
        let json = try await run { connection, logger in
            try await connection.query(
                """
                SELECT analysis FROM document WHERE hash = \(key)
                UNION ALL (SELECT d.analysis FROM source s JOIN document d ON d.hash = s.document_hash
                           WHERE s.doc_id = \(key) ORDER BY s.seq LIMIT 1)
                UNION ALL (SELECT analysis FROM document WHERE length(\(key)) >= 8 AND starts_with(hash, \(key))
                           ORDER BY hash LIMIT 1)
                LIMIT 1
                """, logger: logger
            ).collect().map { try $0.decode(String.self) }.first
        }
        guard let json else { return nil }
        return try JSONDecoder().decode(Document.self, from: Data(json.utf8))
    }

    public func documents(offset: Int, limit: Int) async throws -> [DocumentSummary] {
        try await run { connection, logger in
            try await connection.query(
                """
                SELECT d.hash, d.title, d.author, d.published, d.language, f.doc_id, f.url, f.publisher,
                       (SELECT count(*) FROM source WHERE document_hash = d.hash)
                FROM document d
                JOIN LATERAL (SELECT doc_id, url, publisher, seq FROM source WHERE document_hash = d.hash
                              ORDER BY seq LIMIT 1) f ON true
                ORDER BY f.seq
                LIMIT \(limit) OFFSET \(offset)
                """, logger: logger
            ).collect().map { row in
                let (hash, title, author, published, language, id, url, publisher, sources) = try row.decode(
                    (String, String?, String?, String?, String, String, String?, String?, Int).self)
                return DocumentSummary(
                    id: id, hash: hash, title: title, author: author, published: published, language: language, url: url,
                    publisher: publisher, sources: sources)
            }
        }
    }

    /// The raw input a document's sources were read from, oldest first.
    public func rawInputs(of hash: String) async throws -> [String] {
        try await run { connection, logger in
            try await connection.query(
                "SELECT raw FROM source WHERE document_hash = \(hash) ORDER BY seq", logger: logger
            )
            .collect().map { try $0.decode(String.self) }
        }
    }

    public func stats() async throws -> StoreStats {
        let counts = try await run { connection, logger in
            try await connection.query(
                """
                SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM source),
                       (SELECT count(*) FROM entity), (SELECT count(*) FROM event)
                """, logger: logger
            ).collect().map { try $0.decode((Int, Int, Int, Int).self) }.first ?? (0, 0, 0, 0)
        }
        return StoreStats(documents: counts.0, sources: counts.1, entities: counts.2, events: counts.3)
    }

    // MARK: Events and entities

    public func eventInputs() async throws -> [EventMerger.Input] {
        try await run { connection, logger in try await Self.readInputs(connection, logger: logger) }
    }

    public func replaceEvents(_ events: [EventMerger.Merged]) async throws {
        let rows = try events.map(EventRow.init)
        try await transaction { connection, logger in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Lock.events.rawValue))", logger: logger)
            try await Self.writeEvents(rows, connection, logger: logger)
        }
    }

    /// Reads every mention, merges and replaces the events in one transaction under an advisory lock.
    ///
    /// Rebuilds from several processes run one after another; each reads the mentions after taking the lock,
    /// so the last one to run has seen every document committed before it, and its events stand.
    @discardableResult
    public func rebuildEvents() async throws -> Int {
        try await transaction { connection, logger in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Lock.events.rawValue))", logger: logger)
            let merged = EventMerger().merge(try await Self.readInputs(connection, logger: logger))
            try await Self.writeEvents(try merged.map(EventRow.init), connection, logger: logger)
            return merged.count
        }
    }

    public func events() async throws -> [EventMerger.Merged] {
        let rows = try await run { connection, logger in
            try await connection.query("SELECT merged FROM event ORDER BY date NULLS FIRST, id", logger: logger)
                .collect().map { try $0.decode(String.self) }
        }
        let decoder = JSONDecoder()
        return try rows.map { try decoder.decode(EventMerger.Merged.self, from: Data($0.utf8)) }
    }

    public func entities(type: String?) async throws -> [EntitySummary] {
        let rows = try await run { connection, logger in
            try await connection.query(
                """
                SELECT key, name, type, link, country, aliases, mentions, documents FROM entity
                WHERE \(type)::text IS NULL OR type = \(type)::text
                ORDER BY mentions DESC, name
                """, logger: logger
            ).collect().map { try $0.decode((String, String, String, String?, String?, [String], Int, Int).self) }
        }
        return rows.map { row in
            EntitySummary(
                key: row.0, name: row.1, type: row.2, link: row.3, country: row.4,
                aliases: row.5.filter { $0 != row.1 },
                mentions: row.6, documents: row.7)
        }
    }

    private static func readInputs(
        _ connection: PostgresConnection, logger: Logger
    ) async throws -> [EventMerger.Input] {
        let rows = try await connection.query("SELECT input FROM event_input ORDER BY seq", logger: logger)
            .collect().map { try $0.decode(String.self) }
        let decoder = JSONDecoder()
        return try rows.map { try decoder.decode(EventMerger.Input.self, from: Data($0.utf8)) }
    }

    private static func writeEvents(_ rows: [EventRow], _ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM event", logger: logger)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 2000, rows.count)]
            start += chunk.count
            try await connection.query(
                """
                INSERT INTO event (id, type, date, modality, merged)
                SELECT id, type, nullif(date, ''), modality, merged
                FROM unnest(\(chunk.map(\.id))::text[], \(chunk.map(\.type))::text[], \(chunk.map(\.date))::text[],
                            \(chunk.map(\.modality))::text[], \(chunk.map(\.merged))::text[])
                     AS e (id, type, date, modality, merged)
                ON CONFLICT (id) DO NOTHING
                """, logger: logger)
        }
    }

    // MARK: Running queries

    /// Runs `body` on a pooled connection, translating errors.
    private func run<Result: Sendable>(
        _ body: (PostgresConnection, Logger) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withConnection { connection in try await body(connection, logger) }
        } catch {
            throw PostgresStoreError.from(error, endpoint: endpoint)
        }
    }

    /// Runs `body` in a transaction, again (up to five times) when the server breaks a deadlock by failing it.
    @discardableResult
    private func transaction<Result: Sendable>(
        _ body: (PostgresConnection, Logger) async throws -> Result
    ) async throws -> Result {
        var attempt = 0
        while true {
            do {
                return try await run { connection, logger in
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        let result = try await body(connection, logger)
                        try await connection.query("COMMIT", logger: logger)
                        return result
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch let error as PostgresStoreError where error.isTransient && attempt < 5 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(10 * attempt * attempt))
            }
        }
    }

    /// The stored JSON of `value`, written as the SQLite store writes it.
    static func json(_ value: some Encodable) throws -> String {
        try StreamingJSONEncoder().encode(value)
    }
}

/// A document's entities as rows: one per canonical key, in key order (the order every transaction locks them in).
struct EntityRow {
    var key: String
    var name: String
    var type: String
    var link: String?
    var country: String?
    var aliases: [String]
    var aliasesWithName: [String]
    var mentions: Int

    static func rows(of document: Document) throws -> [EntityRow] {
        var byKey = [String: EntityRow]()
        for entity in document.entities {
            let key = EventMerger.actorKey(entity)
            if var row = byKey[key] {
                row.mentions += entity.mentions.count
                for alias in entity.aliases + [entity.name] where !row.aliasesWithName.contains(alias) {
                    row.aliasesWithName.append(alias)
                }
                byKey[key] = row
            } else {
                var aliases = [String]()
                for alias in entity.aliases where !aliases.contains(alias) { aliases.append(alias) }
                var withName = aliases
                if !withName.contains(entity.name) { withName.append(entity.name) }
                byKey[key] = EntityRow(
                    key: key, name: entity.name, type: entity.type, link: entity.link, country: entity.country,
                    aliases: aliases, aliasesWithName: withName, mentions: entity.mentions.count)
            }
        }
        return byKey.keys.sorted().compactMap { byKey[$0] }
    }
}

/// A merged event as the columns of its row.
struct EventRow {
    var id: String
    var type: String
    var date: String
    var modality: String
    var merged: String

    init(_ event: EventMerger.Merged) throws {
        id = event.id
        type = event.type
        date = event.date ?? ""
        modality = event.modality
        merged = try PostgresStore.json(event)
    }
}
