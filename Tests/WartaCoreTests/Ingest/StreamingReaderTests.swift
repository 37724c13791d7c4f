import Foundation
import Testing
@testable import WartaCore

// JSON Lines files are read in pieces: records across piece boundaries, gzip members, over-long lines and broken
// streams come out exactly as a whole-file read would give them.
extension InputReaderTests {
    /// `gzip -c` of `bytes`.
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let plain = try write("plain-\(UUID().uuidString)", bytes)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", "-6", plain]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }

    /// (id or failure code, line) of every item.
    func summary(_ path: String, reader: InputReader = InputReader()) -> [String] {
        var result: [String] = []
        reader.read(path) { item in
            switch item {
            case .document(let raw): result.append("\(raw.id):\(raw.body.count)")
            case .failure(let error): result.append("\(error.code)@\(error.document.split(separator: ":").last ?? "")")
            }
        }
        return result
    }

    /// 3,000 records of varied length (some over 64 KB, so records cross every piece size), blank and CRLF lines.
    func corpus() -> (bytes: [UInt8], expected: [String]) {
        var generator = SeededGenerator(seed: 5)
        var text = "\u{FEFF}"
        var expected: [String] = []
        for index in 0..<3000 {
            let length = index % 500 == 7 ? 70_000 : Int.random(in: 1...2000, using: &generator)
            let body = String(repeating: "kata ", count: length / 5 + 1)
            text += "{\"id\": \"r\(index)\", \"text\": \"\(body)\"}" + (index % 3 == 0 ? "\r\n" : "\n")
            expected.append("r\(index):\(body.count)")
            if index % 100 == 0 { text += "   \n" }
        }
        return (Array(text.utf8), expected)
    }

    @Test func recordsAcrossPiecesReadInOrder() throws {
        let (bytes, expected) = corpus()
        #expect(bytes.count > 3 << 20)
        #expect(summary(try write("big.jsonl", bytes)) == expected)
        // Without the final newline, the last record is still read.
        #expect(summary(try write("open.jsonl", Array(bytes.dropLast()))) == expected)
        // Gzipped, and as two gzip members one after the other.
        let half = bytes.count / 2
        #expect(summary(try write("big.jsonl.gz", try gzip(bytes))) == expected)
        let members = try gzip(Array(bytes[..<half])) + gzip(Array(bytes[half...]))
        #expect(summary(try write("members.jsonl.gz", members)) == expected)
    }

    @Test func anyPieceSizeGivesTheSameRecords() throws {
        let (bytes, expected) = corpus()
        let sample = Array(bytes.prefix(200_000))
        let whole = summary(try write("sample.jsonl", sample))
        // The sample ends inside a record: that one is a JSON error, those before it are the corpus's.
        #expect(whole.count > 50 && Array(whole.dropLast()) == Array(expected.prefix(whole.count - 1)))
        #expect(whole.last?.hasPrefix("invalid-json@") == true)
        let compressed = try gzip(sample)
        for size in [1, 2, 3, 7, 64, 1000, 65_537] {
            for (name, input) in [("plain", sample), ("gzip", compressed)] {
                let reader = InputReader.ChunkReader(bytes: input, path: "x.jsonl", limit: 1 << 30, pieceSize: size)
                var items = InputReader.Items(lines: reader, path: "x.jsonl", maxDocumentSize: 20_000_000)
                var got: [String] = []
                while let item = items.next() {
                    switch item {
                    case .document(let raw): got.append("\(raw.id):\(raw.body.count)")
                    case .failure(let error): got.append("\(error.code)@\(error.document.split(separator: ":").last ?? "")")
                    }
                }
                #expect(got == whole, "\(name), pieces of \(size)")
            }
        }
    }

    @Test func overlongLineIsOneFailureAndTheRestIsRead() throws {
        let long = "{\"id\": \"x\", \"text\": \"" + String(repeating: "a", count: 3_000_000) + "\"}"
        let text = "{\"id\": \"a\", \"text\": \"satu\"}\n" + long + "\n{\"id\": \"b\", \"text\": \"dua\"}\n" + long
        let reader = InputReader(maxDocumentSize: 100_000)
        let expected = ["a:4", "too-large@2", "b:3", "too-large@4"]
        #expect(summary(try write("long.jsonl", Array(text.utf8)), reader: reader) == expected)
        #expect(summary(try write("long.jsonl.gz", try gzip(Array(text.utf8))), reader: reader) == expected)
        var sizes: [Int] = []
        reader.read(try write("sizes.jsonl", Array(text.utf8))) { item in
            if case .failure(let error) = item, case .tooLarge(let size, _) = error.reason { sizes.append(size) }
        }
        #expect(sizes == [long.utf8.count, long.utf8.count])
    }

    @Test func brokenGzipStopsAfterTheGoodRecords() throws {
        let (bytes, expected) = corpus()
        let compressed = try gzip(bytes)
        let cut = Array(compressed.prefix(compressed.count * 3 / 4))
        let items = summary(try write("cut.jsonl.gz", cut))
        #expect(items.last == "invalid-gzip@\(dir.appendingPathComponent("cut.jsonl.gz").path)")
        let records = items.dropLast()
        #expect(records.count > 1000 && records.count < expected.count)
        #expect(Array(records) == Array(expected.prefix(records.count)))
        // A JSON Lines file over the batch limit is refused as it is read, after what came before the limit.
        let limited = summary(try write("limit.jsonl", bytes), reader: InputReader(maxBatchFileSize: 1 << 20))
        #expect(limited.last?.hasPrefix("too-large@") == true)
        #expect(Array(limited.dropLast()) == Array(expected.prefix(limited.count - 1)))
    }
}
