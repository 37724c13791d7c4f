import Foundation
import Testing

@testable import WartaCore

/// Hostile input found by the matrix test and the fuzz targets (`scripts/fuzz`): each refused with a clear
/// reason, or read without harm.
@Suite struct BadInputTests {
    @Test func invalidUTF8ThatIsNotLatinTextIsRefused() {
        let bytes = Array("Berita ".utf8) + (0..<300).map { [0x80, 0xC3, 0xFF, 0xA9, 0xE2, 0x28][$0 % 6] as UInt8 }
        #expect(throws: InputError.self) { try TextDecoder.decode(bytes, document: "rusak.txt") }
        do {
            _ = try TextDecoder.decode(bytes, document: "rusak.txt")
        } catch {
            #expect(error.code == "not-text")
            #expect(error.description.hasPrefix("rusak.txt: not text: invalid UTF-8 (byte 0x80 at offset 7)"))
        }
    }

    @Test func latinTextWithManyAccentsIsStillWindows1252() throws {
        // "Élégie à Noël, façade été" in Windows-1252, repeated: accents among plain letters.
        let line: [UInt8] =
            [0xC9] + Array("l".utf8) + [0xE9] + Array("gie ".utf8) + [0xE0] + Array(" No".utf8) + [0xEB]
            + Array("l, fa".utf8) + [0xE7] + Array("ade ".utf8) + [0xE9, 0x74, 0xE9, 0x0A]
        let (text, encoding) = try TextDecoder.decode(
            Array([[UInt8]](repeating: line, count: 20).joined()), document: "a.txt")
        #expect(encoding == .windows1252)
        #expect(text.hasPrefix("Élégie à Noël, façade été\n"))
    }

    @Test func jsonLineThatIsNotUTF8IsNamedAsSuch() {
        let line = Data(Array("{\"id\": \"a\", \"text\": \"caf".utf8) + [0xE9] + Array("\"}".utf8))
        guard case .failure(let error) = InputReader.parseRecord(line, path: "b.jsonl", line: 3) else {
            Issue.record("a record that is not UTF-8 must fail")
            return
        }
        #expect(
            error.description
                == "b.jsonl:3: line 3: invalid JSON: not UTF-8 (an invalid byte at offset 24 of the line); JSON Lines must be UTF-8"
        )
    }

    @Test func jsonLineWithWrongTypesIsNamedByField() {
        for (json, field) in [
            ("{\"text\": 42}", "text"), ("{\"text\": \"x\", \"title\": [1]}", "title"),
            ("{\"id\": true, \"text\": \"x\"}", "id"), ("{\"text\": \"x\", \"published\": 2024}", "published"),
        ] {
            guard case .failure(let error) = InputReader.parseRecord(Data(json.utf8), path: "c.jsonl", line: 1) else {
                Issue.record("\(json) must fail")
                continue
            }
            #expect(error.description.contains("invalid JSON: field \"\(field)\" must be a string"), "\(error)")
        }
    }

    @Test func deeplyNestedJSONIsAnErrorNotACrash() {
        let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let error) = InputReader.parseRecord(Data(json.utf8), path: "d.jsonl", line: 1) else {
            Issue.record("nested arrays are no record")
            return
        }
        #expect(error.code == "invalid-json")
    }

    @Test func gzipBombIsRefusedLongBeforeALargeLimit() throws {
        // Ten members of 2 MB of one byte each: 20 MB from 20 KB, a thousandfold.
        let member = [UInt8](try Data(contentsOf: try #require(Fixtures.url("bomb.txt.gz"))))
        let bomb = Array([[UInt8]](repeating: member, count: 10).joined())
        #expect(throws: InputError.self) { try Gzip.decompress(bomb, limit: 1 << 30, document: "bom.jsonl.gz") }
        do {
            _ = try Gzip.decompress(bomb, limit: 1 << 30, document: "bom.jsonl.gz")
        } catch {
            #expect(error.code == "invalid-gzip")
            #expect(error.description.contains("a gzip bomb"))
        }
        // Below 16 MB the ratio does not matter: one member is read.
        #expect(try Gzip.decompress(member, limit: 1 << 30, document: "x.gz").count == 2_000_000)
    }

    @Test func htmlNestedTooDeeplyIsRefused() {
        let html =
            "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Isi berita.</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        #expect(HTMLReader.read(html).tooDeeplyNested)
        let raw = RawDocument(id: "x.html", path: "x.html", format: .html, body: html)
        #expect(throws: InputError.self) { try DocumentAnalyzer().analyze(raw) }
        do {
            _ = try DocumentAnalyzer().analyze(raw)
        } catch {
            #expect(error.description == "x.html: unsupported input: HTML nested deeper than 250 elements")
        }
        // A page nested 200 deep is read.
        let deep =
            "<html><body>" + String(repeating: "<div>", count: 200) + "<p>Isi berita yang dalam.</p>"
            + String(repeating: "</div>", count: 200) + "</body></html>"
        let page = HTMLReader.read(deep)
        #expect(!page.tooDeeplyNested)
        #expect(page.lines == ["Isi berita yang dalam."])
    }
}
