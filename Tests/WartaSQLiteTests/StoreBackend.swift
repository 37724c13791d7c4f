import Foundation
import Testing
import WartaCore
import WartaPostgres
import WartaSQLite

/// A store under test: the protocol, plus what the contract checks beyond it.
protocol TestStore: EventStore {
    func rawInputs(of hash: String) async throws -> [String]
    /// Lets go of connections (PostgreSQL); nothing for SQLite.
    func close() async
}

extension SQLiteStore: TestStore {
    func close() async {}
}

extension PostgresStore: TestStore {
    func close() async { await shutdown() }
}

/// Where the store contract runs: a fresh SQLite file, or a fresh database on the PostgreSQL server that
/// `WARTA_TEST_POSTGRES_URL` names (`scripts/with-postgres swift test` starts a throwaway one and sets it).
enum Backend: String, Sendable, CustomStringConvertible {
    case sqlite, postgres

    var description: String { rawValue }

    static let urlVariable = "WARTA_TEST_POSTGRES_URL"

    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment[urlVariable], !url.isEmpty else { return nil }
        return url
    }

    /// PostgreSQL tests run when the server is given; under CI they run anyway, and fail, so that a CI
    /// without PostgreSQL is noticed rather than silently skipped.
    static var postgresEnabled: Bool {
        postgresURL != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    static let skipNote: Comment =
        "WARTA_TEST_POSTGRES_URL is unset, so the PostgreSQL store tests are skipped: run them with `scripts/with-postgres swift test`"

    /// A place for a store, empty until a store opens it.
    struct Location: Sendable {
        var backend: Backend
        /// A SQLite file path or a database URL.
        var db: String
        var server: PostgresEndpoint?
        var database: String?
    }

    /// Makes an empty place for a store: a new file name, or a new database.
    func makeLocation() async throws -> Location {
        let name = "warta_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
            return Location(backend: self, db: path)
        case .postgres:
            let url = try #require(Self.postgresURL, "set \(Self.urlVariable) (see scripts/with-postgres)")
            let server = try PostgresEndpoint(url: url)
            try await PostgresStore.createDatabase(name, on: server)
            return Location(backend: self, db: server.with(database: name).url, server: server, database: name)
        }
    }

    /// Opens a store at `location` (again, when one was opened there before).
    func open(_ location: Location) async throws -> any TestStore {
        switch self {
        case .sqlite: try SQLiteStore(path: location.db)
        case .postgres: try await PostgresStore(url: location.db)
        }
    }

    /// Removes what `location` holds.
    func remove(_ location: Location) async {
        switch self {
        case .sqlite:
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location.db + suffix) }
        case .postgres:
            if let server = location.server, let database = location.database {
                try? await PostgresStore.dropDatabase(database, on: server)
            }
        }
    }

    /// Runs `body` with a store in a fresh location, then removes it.
    func withStore(_ body: (any TestStore) async throws -> Void) async throws {
        try await withLocation { location in
            let store = try await open(location)
            do {
                try await body(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    /// Runs `body` with a fresh location, then removes it.
    func withLocation(_ body: (Location) async throws -> Void) async throws {
        let location = try await makeLocation()
        do {
            try await body(location)
        } catch {
            await remove(location)
            throw error
        }
        await remove(location)
    }
}
