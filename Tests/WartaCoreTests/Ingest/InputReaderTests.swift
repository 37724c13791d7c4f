import Foundation
import Testing
import WartaCore

/// Reading inputs: formats, gzip, directories, and every kind of bad input named with its reason.
@Suite struct InputReaderTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func items(_ path: String, reader: InputReader = InputReader()) -> [InputReader.Item] {
        var result = [InputReader.Item]()
        reader.read(path) { result.append($0) }
        return result
    }

    func failures(_ items: [InputReader.Item]) -> [InputError] {
        items.compactMap { if case .failure(let e) = $0 { e } else { nil } }
    }

    func documents(_ items: [InputReader.Item]) -> [RawDocument] {
        items.compactMap { if case .document(let d) = $0 { d } else { nil } }
    }

    @Test func gzippedArticleReadsLikePlainText() throws {
        let path = try #require(Fixtures.url("sample-article.txt.gz")).path
        let docs = documents(items(path))
        #expect(docs.count == 1)
        #expect(docs.first?.id == "sample-article.txt")
        #expect(docs.first?.body.contains("SURABAYA - Menteri perdagangan") == true)
        let document = try DocumentAnalyzer().analyze(try #require(docs.first))
        #expect(document.title == "Menteri Perdagangan Dua Negara Sepakati Jalur Ekspor Baru")
        #expect(document.author == "Dimas Aryo")
        #expect(document.published == "2024-03-14T10:20:00+07:00")
        #expect(document.source.url == "https://contoh-berita.example/ekonomi/2024/03/14/jalur-ekspor")
        #expect(document.source.publisher == "contoh-berita.example")
        #expect(document.dateline == "Surabaya")
        #expect(!document.text.contains("Baca juga"))
    }

    @Test func gzipBombStopsAtTheLimit() throws {
        let path = try #require(Fixtures.url("bomb.txt.gz")).path
        let errors = failures(items(path, reader: InputReader(maxDocumentSize: 100_000)))
        #expect(errors.map(\.code) == ["too-large"])
    }

    @Test func truncatedGzipIsNamed() throws {
        let path = try #require(Fixtures.url("truncated.txt.gz")).path
        let errors = failures(items(path))
        #expect(errors.map(\.code) == ["invalid-gzip"])
        #expect(errors.first?.description.hasPrefix(path) == true)
    }

    @Test func badJSONLinesAreNamedByLineAndTheRestIsRead() throws {
        let lines = [
            #"{"id": "a", "title": "Satu", "text": "Teks pertama yang cukup panjang untuk sebuah berita."}"#,
            #"{"id": "b", "text": "#,
            "",
            #"{"id": "c", "text": 42}"#,
            #"[1, 2, 3]"#,
            #"{"id": "d", "html": "<html><body><p>Teks dari HTML yang cukup panjang untuk sebuah berita.</p></body></html>"}"#,
            #"{"id": "e"}"#,
        ]
        let path = try write("batch.jsonl", Array(lines.joined(separator: "\n").utf8))
        let read = items(path)
        #expect(documents(read).map(\.id) == ["a", "d"])
        #expect(documents(read).last?.format == .html)
        let errors = failures(read)
        #expect(errors.map(\.document) == ["\(path):2", "\(path):4", "\(path):5", "\(path):7"])
        #expect(errors.allSatisfy { $0.code == "invalid-json" })
        #expect(errors[1].description.contains("\"text\" must be a string"))
    }

    @Test func jsonLinesWithoutIDsAreNumbered() throws {
        let path = try write("noid.jsonl", Array(#"{"text": "Berita tanpa id."}"#.utf8))
        #expect(documents(items(path)).first?.id == "noid.jsonl:1")
    }

    @Test func tooLargeDocumentIsRefused() throws {
        let path = try write("big.txt", Array(repeating: UInt8(ascii: "a"), count: 5_000))
        let errors = failures(items(path, reader: InputReader(maxDocumentSize: 1_000)))
        #expect(errors.map(\.code) == ["too-large"])
        #expect(errors.first?.description.contains("5000 bytes") == true)
    }

    @Test func emptyAndBinaryFiles() throws {
        let empty = try write("empty.txt", [])
        let binary = try write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        #expect(failures(items(empty)).map(\.code) == ["empty"])
        #expect(failures(items(binary)).map(\.code) == ["binary"])
    }

    @Test func missingFileIsUnreadable() {
        let errors = failures(items(dir.appendingPathComponent("nope.txt").path))
        #expect(errors.map(\.code) == ["unreadable"])
    }

    @Test func directoriesExpandRecursivelyInOrderAndSkipUnknownFiles() throws {
        _ = try write("b/two.txt", Array("dua".utf8))
        _ = try write("a/one.html", Array("<p>satu</p>".utf8))
        _ = try write("a/deep/three.jsonl.gz", [])
        _ = try write("a/picture.png", [0x89])
        let (files, errors) = InputReader().expand([dir.path])
        #expect(errors.isEmpty)
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["three.jsonl.gz", "one.html", "two.txt"])
    }

    @Test func htmlIsRecognisedByContent() throws {
        let path = try write("page.data", Array("<!DOCTYPE html><html><head><title>Judul</title></head><body><p>Isi.</p></body></html>".utf8))
        #expect(documents(items(path)).first?.format == .html)
    }
}
