internal import PostgresNIO
internal import Foundation

/// An error of the PostgreSQL store, readable on a terminal: what failed, where, and the server's own words.
///
/// PostgresNIO hides the server's message behind a generic description (to keep it from end users of a web
/// service); a command-line user needs it, so the store translates every `PSQLError` into this.
public struct PostgresStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `url`, `connect`, a five-character SQLSTATE such as `42P01`, or `client`.
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "PostgreSQL error \(code): \(message)" }

    /// Whether running the transaction again may succeed: a deadlock or a serialization failure.
    var isTransient: Bool { code == "40P01" || code == "40001" }

    /// `error` in readable words, naming `endpoint`.
    static func from(_ error: any Error, endpoint: PostgresEndpoint) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                var message = info[.message] ?? "server error"
                if let detail = info[.detail] { message += " (\(detail))" }
                return PostgresStoreError(code: info[.sqlState] ?? "server", message: "\(message) — at \(endpoint)")
            }
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return PostgresStoreError(code: "connect", message: "cannot reach \(endpoint): \(reason)")
        }
        return PostgresStoreError(code: "client", message: "\(error) — at \(endpoint)")
    }
}
