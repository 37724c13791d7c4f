internal import AsyncHTTPClient
internal import Foundation
internal import NIOCore
internal import NIOHTTP1

/// An HTTP client with a crawler's manners: a `User-Agent`, timeouts, conditional GET, a politeness delay
/// per host, retries with exponential backoff, and redirects followed by hand up to a limit so that a loop is
/// named as one.
///
/// ```swift
/// let fetcher = Fetcher(configuration: FetchConfiguration(timeout: .seconds(10)))
/// let response = try await fetcher.get("https://example.invalid/rss.xml", etag: state.etag)
/// try await fetcher.shutdown()
/// ```
public final class Fetcher: Sendable {
    public let configuration: FetchConfiguration
    let client: HTTPClient
    private let gate = HostGate()

    public init(configuration: FetchConfiguration = FetchConfiguration()) {
        self.configuration = configuration
        var http = HTTPClient.Configuration()
        http.redirectConfiguration = .disallow
        http.timeout = HTTPClient.Configuration.Timeout(
            connect: Self.amount(configuration.connectTimeout), read: Self.amount(configuration.timeout))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    /// Closes the connections; call once, when done.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// What a successful request gave.
    public struct Response: Sendable {
        /// The address asked for.
        public var url: String
        /// The address that answered, after redirects.
        public var finalURL: String
        /// 200 (or another 2xx) with a body, or 304 Not Modified without one.
        public var status: Int
        public var contentType: String?
        public var etag: String?
        public var lastModified: String?
        public var body: [UInt8]
        /// How many times the request was sent.
        public var attempts: Int

        public var isNotModified: Bool { status == 304 }
    }

    /// GETs `url`, following redirects and retrying transient failures.
    ///
    /// - Parameters:
    ///   - etag: sent as `If-None-Match`.
    ///   - lastModified: sent as `If-Modified-Since`.
    /// - Throws: ``FetchError`` for any failure of the request; `CancellationError` when cancelled.
    public func get(_ url: String, etag: String? = nil, lastModified: String? = nil) async throws -> Response {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            parsed.host != nil
        else {
            throw FetchError(url: url, reason: .invalidURL)
        }
        var attempt = 0
        var delay = configuration.retryDelay
        while true {
            attempt += 1
            do {
                var response = try await follow(url, etag: etag, lastModified: lastModified)
                response.attempts = attempt
                return response
            } catch let failure as Failure {
                var error = failure.error
                error.attempts = attempt
                guard error.isTransient, attempt <= configuration.retries else { throw error }
                var wait = delay
                if let retryAfter = failure.retryAfter, retryAfter > wait, retryAfter <= .seconds(60) {
                    wait = retryAfter
                }
                try await Task.sleep(for: wait)
                delay *= 2
            }
        }
    }

    /// A failed attempt, with the server's `Retry-After` when it gave one.
    private struct Failure: Error {
        var error: FetchError
        var retryAfter: Duration?
    }

    /// One attempt: the request and the redirects it leads to.
    private func follow(_ start: String, etag: String?, lastModified: String?) async throws -> Response {
        var url = start
        var chain = [start]
        while true {
            guard let host = URL(string: url)?.host?.lowercased() else {
                throw Failure(error: FetchError(url: start, reason: .invalidURL))
            }
            try await gate.wait(host: host, delay: configuration.politenessDelay)
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "User-Agent", value: configuration.userAgent)
            request.headers.add(
                name: "Accept",
                value:
                    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5"
            )
            if let etag { request.headers.add(name: "If-None-Match", value: etag) }
            if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, timeout: Self.amount(configuration.timeout))
            } catch {
                await gate.finished(host: host, delay: configuration.politenessDelay)
                throw Failure(error: FetchError(url: start, reason: try reason(for: error)))
            }
            let code = Int(response.status.code)
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: configuration.maxBodySize)
                await gate.finished(host: host, delay: configuration.politenessDelay)
            } catch is NIOTooManyBytesError {
                await gate.finished(host: host, delay: configuration.politenessDelay)
                throw Failure(error: FetchError(url: start, reason: .tooLarge(limit: configuration.maxBodySize)))
            } catch {
                await gate.finished(host: host, delay: configuration.politenessDelay)
                throw Failure(error: FetchError(url: start, reason: try reason(for: error)))
            }
            if [301, 302, 303, 307, 308].contains(code) {
                guard let location = response.headers.first(name: "Location") else {
                    throw Failure(
                        error: FetchError(url: start, reason: .badRedirect("HTTP \(code) without a Location")))
                }
                guard let next = URL(string: location, relativeTo: URL(string: url))?.absoluteURL.absoluteString,
                    next.hasPrefix("http://") || next.hasPrefix("https://")
                else {
                    throw Failure(error: FetchError(url: start, reason: .badRedirect("Location \"\(location)\"")))
                }
                if chain.contains(next) {
                    throw Failure(error: FetchError(url: start, reason: .redirectLoop(chain + [next])))
                }
                if chain.count > configuration.maxRedirects {
                    throw Failure(error: FetchError(url: start, reason: .tooManyRedirects(configuration.maxRedirects)))
                }
                chain.append(next)
                url = next
                continue
            }
            if code == 304 {
                return Response(
                    url: start, finalURL: url, status: code, contentType: nil,
                    etag: response.headers.first(name: "ETag") ?? etag,
                    lastModified: response.headers.first(name: "Last-Modified") ?? lastModified, body: [], attempts: 1)
            }
            guard (200..<300).contains(code) else {
                throw Failure(
                    error: FetchError(url: start, reason: .status(code, response.status.reasonPhrase)),
                    retryAfter: response.headers.first(name: "Retry-After").flatMap(Int.init).map { .seconds($0) })
            }
            return Response(
                url: start, finalURL: url, status: code, contentType: response.headers.first(name: "Content-Type"),
                etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"),
                body: Array(buffer: body), attempts: 1)
        }
    }

    /// What a client error means for the user; cancellation goes on as cancellation.
    private func reason(for error: any Error) throws -> FetchError.Reason {
        if Task.isCancelled { throw CancellationError() }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
                let limit = error == .connectTimeout ? configuration.connectTimeout : configuration.timeout
                return .timeout(Self.seconds(limit))
            case .remoteConnectionClosed: return .connection("the server closed the connection")
            case .cancelled: throw CancellationError()
            default: return .connection(error.shortDescription)
            }
        }
        if error is CancellationError { throw error }
        return .connection(Self.describe(error))
    }

    /// A readable account of a connection error ("connection refused").
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("dnsAError") || text.contains("dnsAAAAError") { return "cannot resolve the host name" }
        return text
    }

    static func amount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
