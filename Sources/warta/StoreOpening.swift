import ArgumentParser
import Foundation
import WartaCore
import WartaPostgres
import WartaSQLite

/// Opens the store a `--db` argument names: a `postgres://` (or `postgresql://`) URL is a PostgreSQL
/// database, anything else a SQLite file.
///
/// - Parameter mustExist: a SQLite file must exist already (reading commands never create one by mistake);
///   a PostgreSQL database always must, and gets its tables when it has none.
func openStore(_ db: String, mustExist: Bool = false) async throws -> any EventStore {
    if PostgresEndpoint.isURL(db) {
        return try await PostgresStore(url: db)
    }
    if mustExist && !FileManager.default.fileExists(atPath: db) {
        throw ValidationError("no database at \(db): run `warta ingest PATH --db \(db)` first")
    }
    return try SQLiteStore(path: db)
}

/// Opens a database that must exist already.
func openExisting(_ db: String) async throws -> any EventStore {
    try await openStore(db, mustExist: true)
}
