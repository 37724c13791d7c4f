internal import PostgresNIO
internal import Foundation

/// Where a PostgreSQL database is, read from a `postgres://` URL in libpq's form.
///
/// ```
/// postgres://warta:secret@db.example.org:5432/news          TCP, TLS if the server offers it
/// postgres://warta@127.0.0.1:54329/news?sslmode=disable      TCP, no TLS
/// postgres://postgres@/news?host=/tmp/pg                      the Unix socket /tmp/pg/.s.PGSQL.5432
/// ```
///
/// The user defaults to `$USER` (then `postgres`), the database to the user, the port to 5432.
/// `sslmode` is `disable`, `prefer` (the default over TCP) or `require`.
public struct PostgresEndpoint: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    /// A host name or address; nil when connecting through a Unix socket.
    public var host: String?
    public var port: Int
    /// The full path of the socket file, when connecting through a Unix socket.
    public var socketPath: String?
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Whether `text` looks like a PostgreSQL URL rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` or `postgresql://` URL.
    ///
    /// - Throws: ``PostgresStoreError`` with code `url` when the URL cannot be read.
    public init(url text: String) throws {
        guard Self.isURL(text), let url = URLComponents(string: text) else {
            throw PostgresStoreError(code: "url", message: "not a postgres:// URL: \(Self.redacted(text))")
        }
        var query = [String: String]()
        for item in url.queryItems ?? [] { query[item.name] = item.value ?? "" }
        for name in query.keys where !["host", "port", "user", "password", "dbname", "sslmode"].contains(name) {
            throw PostgresStoreError(code: "url", message: "unknown parameter \(name) in \(Self.redacted(text))")
        }
        let portText = query["port"] ?? url.port.map(String.init) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw PostgresStoreError(code: "url", message: "bad port \(portText) in \(Self.redacted(text))")
        }
        self.port = port
        let host =
            query["host"]
            ?? url.percentEncodedHost.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 }
        if let host, host.hasPrefix("/") {
            // libpq's convention: a host starting with `/` is the directory of the socket.
            socketPath = (host as NSString).appendingPathComponent(".s.PGSQL.\(port)")
            self.host = nil
        } else {
            self.host = host ?? "localhost"
            socketPath = nil
        }
        let environment = ProcessInfo.processInfo.environment
        let user = query["user"] ?? url.user.flatMap { $0.isEmpty ? nil : $0 }
        username = user ?? environment["USER"] ?? "postgres"
        password = query["password"] ?? url.password
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = query["dbname"] ?? (path.isEmpty ? username : path)
        let mode = query["sslmode"] ?? (socketPath == nil ? "prefer" : "disable")
        switch mode {
        case "disable", "allow": tls = .disable
        case "prefer": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        default:
            throw PostgresStoreError(code: "url", message: "unknown sslmode \(mode) in \(Self.redacted(text))")
        }
    }

    /// The same server, another database.
    public func with(database: String) -> PostgresEndpoint {
        var copy = self
        copy.database = database
        return copy
    }

    /// The endpoint as a URL again (password included: keep it out of logs, use `description` there).
    public var url: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = username
        components.password = password
        components.path = "/" + database
        var items = [URLQueryItem]()
        if let socketPath {
            components.host = ""
            items.append(URLQueryItem(name: "host", value: (socketPath as NSString).deletingLastPathComponent))
            if port != 5432 { items.append(URLQueryItem(name: "port", value: "\(port)")) }
        } else {
            components.host = host
            components.port = port
        }
        items.append(URLQueryItem(name: "sslmode", value: tls.rawValue))
        components.queryItems = items
        return components.string ?? ""
    }

    /// Where, without the password: `postgres@127.0.0.1:5432/news` or `postgres@/tmp/pg/.s.PGSQL.5432/news`.
    public var description: String {
        "\(username)@\(socketPath ?? "\(host ?? "localhost"):\(port)")/\(database)"
    }

    /// The client configuration for this endpoint.
    func clientConfiguration() throws -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketPath {
            configuration = .init(
                unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            configuration = .init(
                host: host ?? "localhost", port: port, username: username, password: password, database: database,
                tls: try clientTLS())
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// The configuration of a single connection, for the first one (which fails fast when nothing listens).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketPath {
            return .init(unixSocketPath: socketPath, username: username, password: password, database: database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch self.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try .init(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try .init(configuration: .makeClientConfiguration()))
        }
        return .init(
            host: host ?? "localhost", port: port, username: username, password: password, database: database, tls: tls)
    }

    private func clientTLS() throws -> PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    /// `text` with any password replaced by `***`, for error messages.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
