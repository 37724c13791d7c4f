public import Hummingbird
public import WartaCore
internal import Foundation
internal import NIOCore
internal import Logging

/// Warta over HTTP: a JSON API under `/api`, server-rendered pages for people, and `/openapi.json`.
///
/// The server reads and writes through ``EventStore`` only, so any store (SQLite, PostgreSQL) serves.
///
/// ```swift
/// let server = WartaServer(store: try SQLiteStore(path: "warta.sqlite"), options: .init(port: 8080, token: "secret"))
/// try await server.run()
/// ```
public struct WartaServer: Sendable {
    /// Where to listen and who may write.
    public struct Options: Sendable, Hashable {
        public var host: String
        /// `0` picks a free port; ``WartaServer/run(onRunning:)`` reports the one chosen.
        public var port: Int
        /// The bearer token `POST /api/documents` needs; without one, the server is read-only.
        public var token: String?
        /// The largest document `POST /api/documents` accepts, in bytes.
        public var maxDocumentSize: Int
        /// What the pages call the database ("warta.sqlite", "the bundled examples").
        public var name: String

        public init(
            host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxDocumentSize: Int = 20_000_000,
            name: String = "warta"
        ) {
            self.host = host
            self.port = port
            self.token = token
            self.maxDocumentSize = maxDocumentSize
            self.name = name
        }
    }

    public let store: any EventStore
    public let options: Options
    /// How posted documents are analysed.
    public let pipeline: IngestPipeline
    /// The merged events in memory, read again every two seconds at most.
    let events: EventCache

    public init(store: any EventStore, options: Options = Options(), pipeline: IngestPipeline = IngestPipeline()) {
        self.store = store
        self.options = options
        self.pipeline = pipeline
        self.events = EventCache(store: store)
    }

    /// Every route of the API and the web UI.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ErrorMiddleware())
        API(server: self).register(on: router)
        Pages(server: self).register(on: router)
        router.get("/openapi.json") { _, _ in
            Self.resource(Assets.openAPI, type: "application/json; charset=utf-8")
        }
        router.get("/static/:name") { _, context in
            let name = context.parameters.get("name") ?? ""
            guard let asset = Assets.static[name] else {
                throw HTTPError(.notFound, message: "no file /static/\(name)")
            }
            return Self.resource(asset.bytes, type: asset.type, cache: true)
        }
        return router
    }

    /// Runs until SIGINT or SIGTERM; `onRunning` gets the port listened on (useful with port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }

    /// Runs until the task is cancelled, without handling signals: for running inside another program or a test.
    public func serve(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).run()
    }

    /// The Hummingbird application, for running inside another service group or a test.
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "warta.serve")
        logger.logLevel =
            ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "warta"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    static func resource(_ bytes: [UInt8], type: String, cache: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if cache { headers[.cacheControl] = "public, max-age=3600" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// The files served as they are: CSS, JavaScript and the OpenAPI document, read once from the bundle.
enum Assets {
    struct Asset: Sendable {
        var bytes: [UInt8]
        var type: String
    }

    static let openAPI: [UInt8] = load("openapi.json")

    static let `static`: [String: Asset] = [
        "warta.css": Asset(bytes: load("static/warta.css"), type: "text/css; charset=utf-8"),
        "warta.js": Asset(bytes: load("static/warta.js"), type: "text/javascript; charset=utf-8"),
    ]

    static func load(_ name: String) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent(name),
            let data = try? Data(contentsOf: url)
        else { preconditionFailure("the resource \(name) is missing from this build of WartaServer") }
        return [UInt8](data)
    }
}

/// `{"error": {"message": ...}}`
struct ErrorBody: Encodable, Sendable {
    struct Message: Encodable, Sendable { var message: String }
    var error: Message
}

/// Turns every error into the right status: `{"error": {"message": ...}}` for the API, an HTML page for people.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure: HTTPError
            switch error {
            case let error as HTTPError:
                failure =
                    error.body == nil
                    ? HTTPError(error.status, headers: error.headers, message: Self.message(for: error.status, request))
                    : error
            case let error as any HTTPResponseError:
                failure = HTTPError(error.status, message: Self.message(for: error.status, request))
            default:
                context.logger.error("\(request.method) \(request.uri.path): \(error)")
                failure = HTTPError(.internalServerError, message: "the store failed: \(error)")
            }
            if Self.wantsJSON(request) {
                var response = JSON.response(
                    ErrorBody(error: .init(message: failure.body ?? failure.status.reasonPhrase)))
                response.status = failure.status
                response.headers.append(contentsOf: failure.headers)
                return response
            }
            var response = Layout.page(
                title: "\(failure.status.code) \(failure.status.reasonPhrase)", current: "",
                body:
                    "<section class=\"error\"><h1>\(failure.status.code) \(failure.status.reasonPhrase)</h1><p>\(failure.body ?? "")</p><p><a href=\"/\">Back to the overview</a></p></section>"
            )
            response.status = failure.status
            response.headers.append(contentsOf: failure.headers)
            return response
        }
    }

    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.uri.path
        return path.hasPrefix("/api/") || path == "/api" || path == "/health" || path == "/openapi.json"
    }

    static func message(for status: HTTPResponse.Status, _ request: Request) -> String {
        switch status {
        case .notFound: "nothing at \(request.uri.path)"
        case .methodNotAllowed: "\(request.method) is not allowed on \(request.uri.path)"
        case .contentTooLarge: "the request body is too large"
        default: status.reasonPhrase
        }
    }
}
