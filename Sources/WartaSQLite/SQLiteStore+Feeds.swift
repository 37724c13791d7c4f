internal import Foundation
internal import GRDB
public import WartaCore

/// Feed crawl state in the same database as the documents, so that a restarted watcher fetches nothing twice.
extension SQLiteStore: FeedStateStore {
    /// Migration v3: the `feed` and `feed_item` tables.
    static func registerFeedMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-feeds: feed and item state") { db in
            try db.create(table: "feed") { t in
                t.primaryKey("url", .text)
                t.column("title", .text)
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.column("lastFetched", .datetime)
                t.column("lastStatus", .integer)
                t.column("lastError", .text)
            }
            try db.create(table: "feed_item") { t in
                t.column("feed", .text).notNull()  // "" for a page fetched on its own
                t.column("item", .text).notNull()
                t.column("url", .text).indexed()
                t.column("status", .text).notNull()  // ingested, retry, failed
                t.column("documentHash", .text)
                t.column("error", .text)
                t.column("attempts", .integer).notNull().defaults(to: 0)  // failed tries
                t.column("at", .datetime).notNull()
                t.primaryKey(["feed", "item"])
            }
        }
    }

    public func feedState(_ url: String) async throws -> FeedState? {
        try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM feed WHERE url = ?", arguments: [url]) else {
                return nil
            }
            return FeedState(
                url: row["url"], title: row["title"], etag: row["etag"], lastModified: row["lastModified"],
                lastFetched: row["lastFetched"], lastStatus: row["lastStatus"], lastError: row["lastError"])
        }
    }

    public func saveFeedState(_ state: FeedState) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO feed (url, title, etag, lastModified, lastFetched, lastStatus, lastError)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag,
                        lastModified = excluded.lastModified, lastFetched = excluded.lastFetched,
                        lastStatus = excluded.lastStatus, lastError = excluded.lastError
                    """,
                arguments: [
                    state.url, state.title, state.etag, state.lastModified, state.lastFetched, state.lastStatus,
                    state.lastError,
                ])
        }
    }

    public func settledItems(feed: String) async throws -> Set<String> {
        try await writer.read { db in
            Set(
                try String.fetchAll(
                    db, sql: "SELECT item FROM feed_item WHERE feed = ? AND status != 'retry'", arguments: [feed]))
        }
    }

    public func isPageSettled(_ url: String) async throws -> Bool {
        try await writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM feed_item WHERE url = ? AND status = 'ingested' LIMIT 1", arguments: [url])
                ?? false
        }
    }

    public func failedAttempts(feed: String, item: String) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT attempts FROM feed_item WHERE feed = ? AND item = ?", arguments: [feed, item])
                ?? 0
        }
    }

    public func recordItem(_ record: FeedItemRecord) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO feed_item (feed, item, url, status, documentHash, error, attempts, at)
                    VALUES (:feed, :item, :url, :status, :hash, :error, :failed, :at)
                    ON CONFLICT (feed, item) DO UPDATE SET url = excluded.url, status = excluded.status,
                        documentHash = excluded.documentHash, error = excluded.error,
                        attempts = feed_item.attempts + excluded.attempts, at = excluded.at
                    """,
                arguments: [
                    "feed": record.feed, "item": record.item, "url": record.url, "status": record.status.rawValue,
                    "hash": record.documentHash, "error": record.error,
                    "failed": record.status == .ingested ? 0 : 1, "at": record.at,
                ])
        }
    }
}
