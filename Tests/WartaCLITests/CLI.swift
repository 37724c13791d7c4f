import Foundation
import Testing

/// Runs the built `warta` executable as a user would, with pipes for its output.
struct CLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable: URL = {
        // On Linux the test runner is itself an executable in the products directory, beside `warta`.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("warta")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("warta")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return beside
    }()

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("warta-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var db: String { directory.appendingPathComponent("test.sqlite").path }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
        return path(name)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Run {
        try run(arguments)
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs so that a full pipe never blocks it.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }
}

enum Shared {
    static let root: URL = {
        if let custom = ProcessInfo.processInfo.environment["WARTA_SHARED"] { return URL(fileURLWithPath: custom) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// `../shared/relative`, or nil when missing (an issue under CI=true: tests fail rather than skip there).
    static func path(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let url = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { return url.path }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("missing shared data \(url.path)", sourceLocation: sourceLocation)
        }
        return nil
    }
}

/// Runs `../shared/tools/score.py MODE GOLD OUTPUT` and returns its summary line (`clean: ...`, `events: ...`).
enum Scorer {
    static func summary(_ mode: String, gold: String, output: String) throws -> String? {
        guard let scorer = Shared.path("tools/score.py") else { return nil }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", scorer, mode, gold, output]
        let pipe = Pipe()
        python.standardOutput = pipe
        try python.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        return text.split(separator: "\n").last { $0.hasPrefix("\(mode):") }.map(String.init)
    }

    /// A `key=value` figure of a summary line.
    static func value(_ key: String, in line: String) -> Double {
        line.split(separator: " ").first { $0.hasPrefix("\(key)=") }.flatMap { Double($0.dropFirst(key.count + 1)) } ?? 0
    }
}
