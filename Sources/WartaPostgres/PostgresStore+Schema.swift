internal import PostgresNIO
internal import Logging

extension PostgresStore {
    /// One step of the schema, applied once and recorded in `warta_migration`.
    struct Migration: Sendable {
        var id: Int
        var name: String
        var statements: [PostgresQuery]
    }

    /// The schema, in order. Never edit a migration that has shipped: add one.
    ///
    /// The tables follow the SQLite store's (documents keyed by content hash, one source per
    /// document and input id, entities, event mentions and merged events); search uses a stored `tsvector`
    /// with the title weighted above the body, and the `simple` configuration (no stemming, no stop words) as
    /// SQLite's `unicode61` tokenizer does.
    static let migrations: [Migration] = [
        Migration(
            id: 1, name: "documents, sources, search",
            statements: [
                """
                CREATE TABLE document (
                    hash text PRIMARY KEY,
                    id text NOT NULL,
                    title text,
                    author text,
                    published text,
                    dateline text,
                    language text NOT NULL,
                    text text NOT NULL,
                    analysis text NOT NULL,
                    added_at timestamptz NOT NULL DEFAULT now(),
                    search tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple', coalesce(title, '')), 'A')
                        || setweight(to_tsvector('simple', text), 'B')) STORED
                )
                """,
                "CREATE INDEX document_search ON document USING gin (search)",
                """
                CREATE TABLE source (
                    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    document_hash text NOT NULL REFERENCES document (hash) ON DELETE CASCADE,
                    doc_id text NOT NULL,
                    path text,
                    url text,
                    publisher text,
                    raw text NOT NULL,
                    added_at timestamptz NOT NULL DEFAULT now(),
                    UNIQUE (document_hash, doc_id)
                )
                """,
                "CREATE INDEX source_doc_id ON source (doc_id)",
            ]),
        Migration(
            id: 2, name: "entities and events",
            statements: [
                """
                CREATE TABLE entity (
                    key text PRIMARY KEY,
                    name text NOT NULL,
                    type text NOT NULL,
                    link text,
                    country text,
                    aliases text[] NOT NULL,
                    mentions integer NOT NULL,
                    documents integer NOT NULL
                )
                """,
                """
                CREATE TABLE event_input (
                    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    document_hash text NOT NULL REFERENCES document (hash) ON DELETE CASCADE,
                    input text NOT NULL
                )
                """,
                "CREATE INDEX event_input_document ON event_input (document_hash)",
                """
                CREATE TABLE event (
                    id text PRIMARY KEY,
                    type text NOT NULL,
                    date text,
                    modality text NOT NULL,
                    merged text NOT NULL
                )
                """,
                "CREATE INDEX event_type ON event (type)",
                "CREATE INDEX event_date ON event (date)",
            ]),
    ]

    /// Advisory lock keys (`pg_advisory_xact_lock`), one per kind of work that must not run twice at once.
    enum Lock: Int64 {
        /// Bringing the schema up to date.
        case migrate = 0x5741_5254_4100_0001
        /// Rebuilding the merged events.
        case events = 0x5741_5254_4100_0002
    }

    /// Applies the migrations the database lacks, in one transaction, holding a lock so that processes
    /// starting together do not race to create the same tables.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(Lock.migrate.rawValue))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS warta_migration (
                    id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            let rows = try await connection.query("SELECT id FROM warta_migration", logger: logger).collect()
            let applied = Set(try rows.map { try $0.decode(Int.self) })
            for migration in migrations where !applied.contains(migration.id) {
                for statement in migration.statements { try await connection.query(statement, logger: logger) }
                try await connection.query(
                    "INSERT INTO warta_migration (id, name) VALUES (\(migration.id), \(migration.name))", logger: logger
                )
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}

extension PostgresStore {
    /// Creates the empty database `name` on the server of `endpoint`, connecting to `endpoint`'s own database
    /// to do it (for tests and setup). The name must be a plain lower-case identifier.
    public static func createDatabase(_ name: String, on endpoint: PostgresEndpoint) async throws {
        try await administer("CREATE DATABASE \"\(try identifier(name))\"", on: endpoint)
    }

    /// Drops the database `name` on the server of `endpoint`, closing its connections first; nothing when it
    /// does not exist.
    public static func dropDatabase(_ name: String, on endpoint: PostgresEndpoint) async throws {
        try await administer("DROP DATABASE IF EXISTS \"\(try identifier(name))\" WITH (FORCE)", on: endpoint)
    }

    private static func identifier(_ name: String) throws -> String {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
        guard allowed, !name.isEmpty, name.count <= 63, !(name.first?.isNumber ?? true) else {
            throw PostgresStoreError(code: "client", message: "not a plain database name: \(name)")
        }
        return name
    }

    private static func administer(_ sql: String, on endpoint: PostgresEndpoint) async throws {
        var logger = Logger(label: "warta.postgres")
        logger.logLevel = .critical
        try await withConnection(to: endpoint, logger: logger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// Opens one connection of its own to `endpoint`, runs `body` on it and closes it; any error names the endpoint.
    static func withConnection(
        to endpoint: PostgresEndpoint, logger: Logger, _ body: (PostgresConnection) async throws -> Void
    ) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try endpoint.connectionConfiguration(), id: 0, logger: logger)
            do {
                try await body(connection)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } catch {
            throw PostgresStoreError.from(error, endpoint: endpoint)
        }
    }
}
