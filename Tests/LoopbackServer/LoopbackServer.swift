public import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1 (a free port) for the feed tests: it serves fixture feeds and pages,
/// answers conditional GETs, and has routes that fail in the ways the crawler must survive.
///
/// Fixture bodies may hold `{{base}}`, replaced by the server's own `http://127.0.0.1:PORT`.
///
/// ```swift
/// let server = try await LoopbackServer.start()
/// server.route("/rss.xml", .fixture("rss.xml", type: "application/rss+xml"))
/// ... fetch server.url("/rss.xml") ...
/// try await server.stop()
/// ```
public final class LoopbackServer: @unchecked Sendable {
    /// What a path answers.
    public indirect enum Route: Sendable {
        /// A fixture file, with an ETag and a Last-Modified, honouring If-None-Match and If-Modified-Since.
        case fixture(String, type: String)
        /// A body, with the same validators as a fixture.
        case body(String, type: String)
        /// A bare status with a short text body.
        case status(Int)
        /// A redirect (302) to a path or URL.
        case redirect(String)
        /// The route, after a pause (for timeouts).
        case slow(Double, Route)
        /// `status` the first `times` requests, then the route.
        case failing(times: Int, status: Int, then: Route)
    }

    /// A request the server received.
    public struct Request: Sendable {
        public var path: String
        public var headers: [String: String]
        public var at: ContinuousClock.Instant
        public var status: Int
    }

    /// The fixture folder (Fixtures/ of this target).
    public static let fixtures: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            preconditionFailure("the LoopbackServer fixtures are missing from the bundle")
        }
        return url
    }()

    /// `http://127.0.0.1:PORT`.
    public private(set) var base = ""
    private let lock = NSLock()
    private var routes: [String: Route] = [:]
    private var hits: [String: Int] = [:]
    private var log: [Request] = []
    private var hungUp: [String: [Duration]] = [:]
    private var channel: (any Channel)?
    /// Last-Modified of every fixed body: a fixed date, so that If-Modified-Since can match.
    public static let lastModified = "Mon, 30 Nov 2026 08:00:00 GMT"

    private init() {}

    /// Starts a server on 127.0.0.1, port chosen by the system.
    public static func start() async throws -> LoopbackServer {
        let server = LoopbackServer()
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(server: server))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        server.channel = channel
        server.base = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)"
        return server
    }

    public func stop() async throws {
        try await channel?.close()
    }

    /// The absolute URL of a path.
    public func url(_ path: String) -> String { base + path }

    public func route(_ path: String, _ route: Route) {
        lock.withLock { routes[path] = route }
    }

    /// The requests received so far, oldest first.
    public var requests: [Request] { lock.withLock { log } }

    /// How many requests a path received.
    public func count(_ path: String) -> Int { lock.withLock { log.filter { $0.path == path }.count } }

    /// What to answer: status, headers, body, and the pause before answering.
    func answer(path: String, headers: HTTPHeaders) -> (Int, [(String, String)], [UInt8], Double) {
        let (route, hit): (Route?, Int) = lock.withLock {
            hits[path, default: 0] += 1
            return (routes[path], hits[path] ?? 1)
        }
        var delay = 0.0
        var current = route
        while true {
            switch current {
            case nil:
                return (404, [("Content-Type", "text/plain")], Array("no route for \(path)\n".utf8), delay)
            case .slow(let seconds, let next):
                delay += seconds
                current = next
            case .failing(let times, let status, let next):
                if hit <= times { return plain(status, delay) }
                current = next
            case .status(let status):
                return plain(status, delay)
            case .redirect(let target):
                return (
                    302, [("Location", target), ("Content-Type", "text/plain")], Array("see \(target)\n".utf8), delay
                )
            case .fixture(let name, let type):
                let file = Self.fixtures.appendingPathComponent(name)
                guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                    return plain(500, delay)
                }
                return fixed(text, type: type, headers: headers, delay: delay)
            case .body(let text, let type):
                return fixed(text, type: type, headers: headers, delay: delay)
            }
        }
    }

    private func plain(_ status: Int, _ delay: Double) -> (Int, [(String, String)], [UInt8], Double) {
        let phrase = HTTPResponseStatus(statusCode: status).reasonPhrase
        return (status, [("Content-Type", "text/plain")], Array("\(status) \(phrase)\n".utf8), delay)
    }

    /// A body with validators; 304 when the client's validators match.
    private func fixed(
        _ text: String, type: String, headers: HTTPHeaders, delay: Double
    ) -> (Int, [(String, String)], [UInt8], Double) {
        let body = Array(text.replacingOccurrences(of: "{{base}}", with: base).utf8)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let etag = "\"\(String(hash, radix: 16))\""
        let validators = [("ETag", etag), ("Last-Modified", Self.lastModified)]
        if let match = headers.first(name: "If-None-Match") {
            if match == etag { return (304, validators, [], delay) }
        } else if headers.first(name: "If-Modified-Since") == Self.lastModified {
            return (304, validators, [], delay)
        }
        return (200, validators + [("Content-Type", type)], body, delay)
    }

    /// How long after their request clients hung up on delayed answers, per path.
    public func hangUps(_ path: String) -> [Duration] { lock.withLock { hungUp[path] ?? [] } }

    func recordHangUp(path: String, after: Duration) {
        lock.withLock { hungUp[path, default: []].append(after) }
    }

    func record(_ request: Request) {
        lock.withLock { log.append(request) }
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let server: LoopbackServer
        private var head: HTTPRequestHead?
        /// The request waiting for its (delayed) answer, and when it came.
        private var pending: (path: String, at: ContinuousClock.Instant)?

        func channelInactive(context: ChannelHandlerContext) {
            if let pending {
                server.recordHangUp(path: pending.path, after: ContinuousClock.now - pending.at)
            }
            pending = nil
            context.fireChannelInactive()
        }

        init(server: LoopbackServer) {
            self.server = server
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): self.head = head
            case .body: break
            case .end:
                guard let head else { return }
                self.head = nil
                let path = String(head.uri.prefix { $0 != "?" })
                let (status, headers, body, delay) = server.answer(path: path, headers: head.headers)
                var fields = [String: String]()
                for (name, value) in head.headers { fields[name.lowercased()] = value }
                server.record(Request(path: path, headers: fields, at: .now, status: status))
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                let respond: @Sendable () -> Void = { [self] in
                    let context = loopBound.value
                    var responseHead = HTTPResponseHead(
                        version: head.version, status: HTTPResponseStatus(statusCode: status))
                    for (name, value) in headers { responseHead.headers.add(name: name, value: value) }
                    responseHead.headers.add(name: "Content-Length", value: String(body.count))
                    context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
                    if !body.isEmpty {
                        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
                    }
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                    self.pending = nil
                }
                if delay > 0 {
                    pending = (path, .now)
                    context.eventLoop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) { respond() }
                } else {
                    respond()
                }
            }
        }
    }
}
