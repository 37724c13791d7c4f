/// How the crawler behaves towards the sites it reads: who it says it is, how long it waits, how often it
/// retries, how close together it asks one host.
public struct FetchConfiguration: Sendable, Hashable {
    /// The `User-Agent` sent with every request.
    public var userAgent: String
    /// The longest a request may take, from sending it to the whole body.
    public var timeout: Duration
    /// The longest a connection may take to open.
    public var connectTimeout: Duration
    /// The least time between two requests to the same host.
    public var politenessDelay: Duration
    /// How many times a request is tried again after a server error (5xx, 429, 408), a timeout or a
    /// dropped connection; never after other 4xx answers.
    public var retries: Int
    /// The wait before the first retry, doubled before each next one (a server's `Retry-After` of up to a
    /// minute is honoured when longer).
    public var retryDelay: Duration
    /// How many redirects are followed before giving up.
    public var maxRedirects: Int
    /// The largest body accepted, in bytes.
    public var maxBodySize: Int

    /// The default `User-Agent`: `Warta/VERSION (+https://example.invalid/warta)`.
    public static let defaultUserAgent = "Warta/\(wartaVersion) (+https://example.invalid/warta)"
    public static let wartaVersion = "0.1.0"

    public init(
        userAgent: String = Self.defaultUserAgent, timeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10), politenessDelay: Duration = .seconds(1), retries: Int = 2,
        retryDelay: Duration = .seconds(1), maxRedirects: Int = 5, maxBodySize: Int = 20_000_000
    ) {
        self.userAgent = userAgent
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.politenessDelay = politenessDelay
        self.retries = retries
        self.retryDelay = retryDelay
        self.maxRedirects = maxRedirects
        self.maxBodySize = maxBodySize
    }
}
