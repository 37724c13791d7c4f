import Foundation
import Testing

/// `warta serve`, run as a user runs it; its pages opened in a real headless browser.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `warta serve`, stopped at the end.
    final class Served {
        let process = Process()
        let url: String

        init(_ cli: CLI, _ arguments: [String]) throws {
            process.executableURL = CLI.executable
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = cli.directory
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line on stdout names the address; the port was chosen by the system.
            var text = ""
            let deadline = Date().addingTimeInterval(120)
            while !text.contains("\n"), Date() < deadline, process.isRunning {
                let data = out.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            guard let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) else {
                process.terminate()
                throw CLIError("warta serve printed no address: \(text)")
            }
            url = String(text[range])
        }

        deinit {
            if process.isRunning {
                process.interrupt()
                process.waitUntilExit()
            }
        }
    }

    struct CLIError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs headless Chromium with `arguments`, stopping it after `seconds`; returns what it printed.
    static func chromium(_ arguments: [String], profile: String, seconds: Double = 90) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=\(profile)",
            ] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func demoTimelineAndEventPageInHeadlessChromium() throws {
        guard Self.chromium != nil else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("chromium is not installed (apt-get install chromium)")
            }
            print("skipped: chromium is not installed; apt-get install -y chromium to run the browser test")
            return
        }
        let cli = try CLI()
        let served = try Served(cli, ["--demo", "--db", cli.db])
        let events = try CLI.jsonLines(try cli.run("events", "--db", cli.db, "--format", "jsonl").stdout)
        let dated = events.filter { $0["date"] is String }
        #expect(!dated.isEmpty)

        let timeline = try Self.chromium(["--dump-dom", "\(served.url)/timeline"], profile: cli.path("profile-1"))
        #expect(timeline.contains("<svg class=\"timeline\""), "\(timeline.prefix(300))")
        for event in dated {
            let id = try #require(event["id"] as? String)
            #expect(timeline.contains("data-event=\"\(id)\""), "\(id) is not in the rendered timeline")
            let participants = (event["participants"] as? [String] ?? []).joined(separator: " · ")
            #expect(timeline.contains(participants), "\(participants)")
        }
        // The script ran: it marks the document element.
        #expect(timeline.contains("<html lang=\"en\" class=\"js\">"))

        let event = try #require(dated.first { ($0["sources"] as? [String] ?? []).count >= 2 } ?? dated.first)
        let id = try #require(event["id"] as? String)
        let page = try Self.chromium(["--dump-dom", "\(served.url)/events/\(id)"], profile: cli.path("profile-2"))
        #expect(page.contains("data-event=\"\(id)\""))
        #expect(page.contains("<mark class=\"evidence\">"))
        for source in event["sources"] as? [String] ?? [] { #expect(page.contains(source), "\(source)") }

        let shots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        for (name, path, height) in [
            ("timeline", "/timeline", 1400), ("event", "/events/\(id)", 1400), ("network", "/network", 1100),
            ("document", "/documents/02-putin-pyongyang-visit.txt", 1800),
        ] {
            let file = shots.appendingPathComponent("\(name).png")
            try? FileManager.default.removeItem(at: file)
            _ = try Self.chromium(
                [
                    "--screenshot=\(file.path)", "--window-size=1280,\(height)", "--hide-scrollbars",
                    "\(served.url)\(path)",
                ],
                profile: cli.path("profile-\(name)"))
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "no screenshot at \(file.path)")
        }
    }

    @Test func servingNeedsAStoreItCanOpen() throws {
        let cli = try CLI()
        // A PostgreSQL server that is not there: one line saying so.
        let postgres = try cli.run("serve", "--db", "postgres://127.0.0.1:1/warta", "--port", "0")
        #expect(postgres.status != 0)
        #expect(postgres.stderr.contains("cannot reach"))
        #expect(postgres.stderr.contains("PostgreSQL"))
        let missing = try cli.run("serve", "--db", cli.path("none.sqlite"), "--port", "0")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no database at"))
        let port = try cli.run("serve", "--port", "70000")
        #expect(port.status != 0)
    }
}
