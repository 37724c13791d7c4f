/// A URL that could not be fetched, with the reason: one line, `URL: REASON`.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// An answer other than 2xx, 304 or a followed redirect.
        case status(Int, String)
        /// No complete answer within the timeout (seconds).
        case timeout(Double)
        /// A redirect back to an address already visited: the chain, ending with the repeated address.
        case redirectLoop([String])
        /// More redirects than allowed.
        case tooManyRedirects(Int)
        /// A redirect without a usable `Location`.
        case badRedirect(String)
        /// No connection, or one that broke.
        case connection(String)
        /// A body past the size limit.
        case tooLarge(limit: Int)
        /// Not an http or https address.
        case invalidURL
    }

    public var url: String
    public var reason: Reason
    /// How many times the request was tried.
    public var attempts: Int

    public init(url: String, reason: Reason, attempts: Int = 1) {
        self.url = url
        self.reason = reason
        self.attempts = attempts
    }

    /// Whether trying again later may help: server errors, timeouts, broken connections.
    public var isTransient: Bool {
        switch reason {
        case .status(let code, _): code >= 500 || code == 429 || code == 408
        case .timeout, .connection: true
        case .redirectLoop, .tooManyRedirects, .badRedirect, .tooLarge, .invalidURL: false
        }
    }

    /// The HTTP status, when an answer came.
    public var status: Int? {
        if case .status(let code, _) = reason { return code }
        return nil
    }

    /// A short machine-readable code for the reason.
    public var code: String {
        switch reason {
        case .status(let code, _): "http-\(code)"
        case .timeout: "timeout"
        case .redirectLoop: "redirect-loop"
        case .tooManyRedirects: "too-many-redirects"
        case .badRedirect: "bad-redirect"
        case .connection: "connection"
        case .tooLarge: "too-large"
        case .invalidURL: "invalid-url"
        }
    }

    public var description: String {
        let why: String =
            switch reason {
            case .status(let code, let phrase): "HTTP \(code) \(phrase)"
            case .timeout(let seconds): "timed out after \(Self.format(seconds)) s"
            case .redirectLoop(let chain): "redirect loop: \(chain.joined(separator: " -> "))"
            case .tooManyRedirects(let limit): "too many redirects (more than \(limit))"
            case .badRedirect(let detail): "bad redirect: \(detail)"
            case .connection(let detail): "cannot connect: \(detail)"
            case .tooLarge(let limit): "too large: the body passes \(limit) bytes (--max-size)"
            case .invalidURL: "not an http or https URL"
            }
        return "\(url): \(why)" + (attempts > 1 ? " (\(attempts) attempts)" : "")
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(Double(Int(seconds * 100)) / 100)
    }
}
