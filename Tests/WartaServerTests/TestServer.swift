import Foundation
import Testing
import WartaCore
import WartaSQLite
import WartaServer

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real Warta server on 127.0.0.1 (a free port), over a real SQLite store, called with a real HTTP client.
final class TestServer: Sendable {
    let port: Int
    let store: SQLiteStore
    let directory: URL
    private let task: Task<Void, any Error>

    /// The team's example articles, bundled with `warta demo` and `warta serve --demo`.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/warta/Examples").path

    /// One server over the examples, shared by the tests that only read.
    static let demo = Task { try await TestServer.start(examples: true, token: "demo-token") }

    static func start(examples: Bool, token: String?) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warta-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("test.sqlite").path)
        if examples {
            let pipeline = IngestPipeline()
            let (files, _) = pipeline.reader.expand([Self.examples])
            _ = try await pipeline.run(files: files, into: store) { _ in }
            try await store.rebuildEvents()
        }
        let server = WartaServer(store: store, options: .init(host: "127.0.0.1", port: 0, token: token, name: "test"))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await server.serve { port in continuation.yield(port) }
        }
        var port = 0
        for await chosen in ports {
            port = chosen
            break
        }
        try #require(port > 0)
        return TestServer(port: port, store: store, directory: directory, task: task)
    }

    private init(port: Int, store: SQLiteStore, directory: URL, task: Task<Void, any Error>) {
        self.port = port
        self.store = store
        self.directory = directory
        self.task = task
    }

    func stop() {
        task.cancel()
        try? FileManager.default.removeItem(at: directory)
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> [String: Any] {
            try #require(
                try JSONSerialization.jsonObject(with: body) as? [String: Any], "not a JSON object: \(text.prefix(200))"
            )
        }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// The message of `{"error": {"message": ...}}`.
        func errorMessage() throws -> String {
            let error = try #require(try json()["error"] as? [String: Any])
            return try #require(error["message"] as? String)
        }
    }

    /// `path` is sent as it is (already percent-encoded where needed).
    func request(_ path: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil)
        async throws -> Reply
    {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"), "bad URL \(path)")
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields = [String: String]()
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// One request written byte for byte on a TCP socket, for what URL types refuse to build (a malformed query).
    func rawRequest(_ requestLine: String) throws -> (status: Int, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        let message = Array("\(requestLine) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = message.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        let text = String(decoding: received, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }
}
