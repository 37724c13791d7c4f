import Foundation
import Testing

/// Bad input, one case at a time, beside a good article in the same `warta ingest` batch: each bad file gets
/// one clear line on stderr naming it and the reason, the run exits with status 1, the good article is still
/// stored, and it all ends in bounded time.
@Suite(.serialized) struct HostileInputTests {
    static let article = """
        JAKARTA - Menteri luar negeri dua negara bertemu di Jakarta pada Senin (4/3/2024) untuk membahas kerja sama \
        perdagangan dan jalur pelayaran baru di kawasan itu.
        Pertemuan itu berlangsung dua jam, kata seorang pejabat kementerian kepada wartawan.
        """

    /// A case: the file to write and what its error line must say.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var make: @Sendable (CLI) throws -> [UInt8]
        /// Words the error line must hold besides the file's path.
        var reason: [String]
        /// For JSON Lines, the failing records' line numbers (each gets its own error line).
        var lines: [Int] = []
        var testDescription: String { name }
    }

    /// Runs `gzip -c` on `bytes`.
    static func gzip(_ bytes: [UInt8], in cli: CLI) throws -> [UInt8] {
        let plain = try cli.write("plain-\(UUID().uuidString)", bytes)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", "-9", plain]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try FileManager.default.removeItem(atPath: plain)
        return [UInt8](data)
    }

    static let cases: [Case] = [
        Case(
            name: "binary data", file: "gambar.txt",
            make: { _ in
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
                    + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
            }, reason: ["binary data"]),
        Case(
            name: "invalid UTF-8", file: "rusak.txt",
            make: { _ in
                // Continuation bytes without a lead and lead bytes without continuations: neither UTF-8 nor Latin text.
                Array("Berita ".utf8) + (0..<3000).map { [0x80, 0xC3, 0xFF, 0xA9, 0xE2, 0x28][$0 % 6] }
            }, reason: ["not text", "invalid UTF-8"]),
        Case(
            name: "NUL bytes", file: "nul.txt", make: { _ in Array("Berita pendek\u{0}lagi".utf8) },
            reason: ["binary data", "NUL byte at offset 13"]),
        Case(name: "0 bytes", file: "kosong.txt", make: { _ in [] }, reason: ["empty document"]),
        Case(
            name: "a 50 MB single line", file: "panjang.txt",
            make: { _ in
                [UInt8](repeating: 0x61, count: 50_000_000)
            }, reason: ["too large: 50000000 bytes", "20000000"]),
        Case(
            name: "a 50 MB single JSON Lines record", file: "panjang.jsonl",
            make: { _ in
                Array("{\"id\": \"panjang\", \"text\": \"".utf8) + [UInt8](repeating: 0x61, count: 50_000_000)
                    + Array("\"}\n".utf8)
            }, reason: ["too large", "20000000"], lines: [1]),
        Case(
            name: "100,000 nested tags", file: "bersarang.html",
            make: { _ in
                Array(
                    ("<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Isi berita.</p>"
                        + String(repeating: "</div>", count: 100_000) + "</body></html>").utf8)
            }, reason: ["nested deeper than"]),
        Case(
            name: "JSON with wrong types", file: "tipe.jsonl",
            make: { _ in
                Array(
                    """
                    {"id": "baik", "text": "Dua menteri bertemu di Bangkok pada Senin untuk membahas jalur kereta."}
                    {"id": "angka", "text": 42}
                    {"id": "larik", "text": ["bukan", "teks"], "title": {"a": 1}}
                    ["bukan", "objek"]
                    {"id": true, "text": "id boolean"}
                    "string"
                    {"id": "tanggal", "text": "Berita.", "published": 20240304}
                    {"text": null}
                    \(String(repeating: "[", count: 100_000))

                    """.utf8)
            }, reason: ["invalid JSON"], lines: [2, 3, 4, 5, 6, 7, 8, 9]),
        Case(
            name: "a gzip bomb", file: "bom.txt.gz",
            make: { cli in
                try gzip([UInt8](repeating: 0x20, count: 200_000_000), in: cli)
            }, reason: ["invalid gzip data: a gzip bomb"]),
        Case(
            name: "a gzip bomb in JSON Lines", file: "bom.jsonl.gz",
            make: { cli in
                // 10 members of 100 MB of spaces: 1 GB once inflated (the limit for JSON Lines is 4 GiB), from 1 MB.
                let member = try gzip([UInt8](repeating: 0x20, count: 100_000_000), in: cli)
                return Array([[UInt8]](repeating: member, count: 10).joined())
            }, reason: ["gzip bomb"]),
    ]

    @Test(arguments: cases) func badFileIsNamedAndTheBatchGoesOn(_ hostile: Case) throws {
        let cli = try CLI()
        let good = try cli.write("baik.txt", Array(Self.article.utf8))
        let bad = try cli.write(hostile.file, try hostile.make(cli))
        let started = Date()
        let run = try cli.run("ingest", bad, good, "--db", cli.db)
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 1, "\(run.stderr)")
        // A generous bound: the case must end, not hang or crawl through gigabytes.
        #expect(seconds < 90, "\(hostile.name) took \(seconds) s")
        let errors = run.stderr.split(separator: "\n").map(String.init)
        let expectedNames = hostile.lines.isEmpty ? [bad] : hostile.lines.map { "\(bad):\($0)" }
        #expect(errors.count == expectedNames.count, "\(run.stderr)")
        for (line, name) in zip(errors, expectedNames) {
            #expect(line.hasPrefix("warta: \(name): "), "\(line)")
            #expect(hostile.reason.allSatisfy { line.contains($0) }, "\(line)")
            #expect(line.count < 300, "one short line: \(line)")
        }
        let added = hostile.file == "tipe.jsonl" ? 2 : 1
        #expect(
            run.stdout.contains(": \(added) added, 0 already known, \(expectedNames.count) failed"), "\(run.stdout)")
        let search = try cli.run("search", "menteri", "--db", cli.db)
        #expect(search.stdout.contains("baik.txt"), "\(search.stdout)")
    }
}
