import Foundation
import Testing

@Suite(.serialized) struct CLITests {
    let article = """
        Beranda
        Dunia
        Dua Menteri Bahas Jalur Kereta Lintas Batas
        Oleh: Ratna Dewi
        Senin, 4 Maret 2024 - 08:30 WIB
        Advertisement
        BANGKOK - Menteri transportasi dua negara tetangga membahas rencana jalur kereta lintas batas dalam pertemuan di Bangkok pada Senin pagi.
        Baca juga: Tarif Tol Naik Mulai Bulan Depan
        Rencana itu mencakup jalur sepanjang 600 kilometer yang akan menghubungkan kedua ibu kota, kata seorang pejabat kementerian kepada wartawan.
        Bagikan artikel ini
        3 Komentar
        Sumber: https://contoh-berita.example/dunia/2024/03/04/kereta
        """

    @Test func extractOneFileGivesOneJSONObject() throws {
        let cli = try CLI()
        let file = try cli.write("kereta.txt", Array(article.utf8))
        let run = try cli.run("extract", file)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "kereta.txt")
        #expect(object["title"] as? String == "Dua Menteri Bahas Jalur Kereta Lintas Batas")
        #expect(object["author"] as? String == "Ratna Dewi")
        #expect(object["published"] as? String == "2024-03-04T08:30:00+07:00")
        #expect(object["dateline"] as? String == "Bangkok")
        #expect((object["source"] as? [String: Any])?["url"] as? String == "https://contoh-berita.example/dunia/2024/03/04/kereta")
        #expect((object["source"] as? [String: Any])?["publisher"] as? String == "contoh-berita.example")
        #expect((object["hash"] as? String)?.count == 64)
        let text = try #require(object["text"] as? String)
        #expect(text.hasPrefix("BANGKOK - Menteri transportasi"))
        #expect(!text.contains("Baca juga") && !text.contains("Komentar") && !text.contains("Advertisement"))
        for key in ["entities", "times", "events", "captions"] {
            #expect(object[key] is [Any], "\(key) must be an array")
        }
        #expect(object["removed"] == nil, "removed lines only with --explain")
    }

    @Test func explainShowsEveryRemovedLineWithItsReason() throws {
        let cli = try CLI()
        let file = try cli.write("kereta.txt", Array(article.utf8))
        let json = try cli.run("extract", file, "--explain")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let removed = try #require(object["removed"] as? [[String: Any]])
        let reasons = Dictionary(uniqueKeysWithValues: removed.map { ($0["text"] as? String ?? "", $0["reason"] as? String ?? "") })
        #expect(reasons["Advertisement"] == "ad")
        #expect(reasons["Baca juga: Tarif Tol Naik Mulai Bulan Depan"] == "read-also")
        #expect(reasons["3 Komentar"] == "comments")
        #expect(reasons["Oleh: Ratna Dewi"] == "byline")
        let text = try cli.run("extract", file, "--explain", "--format", "text")
        #expect(text.stdout.contains("Advertisement"))
        #expect(text.stdout.contains("read-also"))
    }

    @Test func severalFilesGiveJSONLinesAndBadOnesAreNamed() throws {
        let cli = try CLI()
        let good = try cli.write("kereta.txt", Array(article.utf8))
        let empty = try cli.write("kosong.txt", [])
        let binary = try cli.write("gambar.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0])
        let batch = try cli.write("batch.jsonl", Array("{\"id\": \"x1\", \"text\": \"Berita pendek.\"}\n{broken\n".utf8))
        let run = try cli.run("extract", good, empty, binary, batch)
        #expect(run.status != 0)
        let lines = try CLI.jsonLines(run.stdout)
        #expect(lines.compactMap { $0["id"] as? String } == ["kereta.txt", "x1"])
        let errors = run.stderr.split(separator: "\n")
        #expect(errors.contains { $0.contains(empty) && $0.contains("empty") })
        #expect(errors.contains { $0.contains(binary) && $0.contains("binary") })
        #expect(errors.contains { $0.contains("\(batch):2") && $0.contains("line 2") })
    }

    @Test func ingestIsIdempotentAndReportsFailures() throws {
        let cli = try CLI()
        let good = try cli.write("kereta.txt", Array(article.utf8))
        let empty = try cli.write("kosong.txt", [])
        let first = try cli.run("ingest", good, empty, "--db", cli.db)
        #expect(first.status == 1)
        #expect(first.stdout.contains("1 added"), "\(first.stdout)")
        #expect(first.stdout.contains("1 failed"))
        #expect(first.stderr.contains("kosong.txt: empty"))
        // Piped, no progress bar: nothing but error lines on stderr.
        #expect(!first.stderr.contains("\r"))
        #expect(first.stderr.split(separator: "\n").count == 1)
        let second = try cli.run("ingest", good, "--db", cli.db)
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 added, 1 already known"))
        let stats = try cli.run("stats", "--db", cli.db, "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Int])
        #expect(Set(object.keys) == ["documents", "sources", "entities", "events"])
        #expect(object["documents"] == 1 && object["sources"] == 1)
        #expect(object["entities"] == 1, "Bangkok, from the knowledge base")
    }

    @Test func searchAndShow() throws {
        let cli = try CLI()
        let good = try cli.write("kereta.txt", Array(article.utf8))
        try cli.run("ingest", good, "--db", cli.db)
        let hits = try CLI.jsonLines(try cli.run("search", "kereta", "--db", cli.db, "--format", "jsonl").stdout)
        #expect(hits.count == 1)
        #expect(hits.first?["id"] as? String == "kereta.txt")
        #expect((hits.first?["snippet"] as? String)?.contains("[") == true)
        #expect(hits.first?["score"] is Double)
        let bad = try cli.run("search", "\"((", "--db", cli.db)
        #expect(bad.status == 0)
        let show = try cli.run("show", "kereta.txt", "--db", cli.db)
        #expect(show.stdout.contains("Dua Menteri Bahas Jalur Kereta Lintas Batas"))
        #expect(show.stdout.contains("BANGKOK - Menteri transportasi"))
        let missing = try cli.run("show", "nothing-here", "--db", cli.db)
        #expect(missing.status != 0)
        #expect(!missing.stderr.isEmpty)
    }

    @Test func seedsIngestedTwiceAreFiveDocumentsAndShoiguIsFound() throws {
        guard let seeds = Shared.path("seeds") else { return }
        let cli = try CLI()
        for _ in 0..<2 {
            let run = try cli.run("ingest", seeds, "--db", cli.db)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let stats = try cli.run("stats", "--db", cli.db, "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Int])
        #expect(object["documents"] == 5)
        let hits = try CLI.jsonLines(try cli.run("search", "Shoigu", "--db", cli.db, "--format", "jsonl").stdout)
        let ids = Set(hits.compactMap { ($0["id"] as? String)?.prefix(3) }.map(String.init))
        #expect(ids == ["001", "002", "003"])
    }

    @Test func seedsCleaningScoresThroughTheScorer() throws {
        guard let seeds = Shared.path("seeds"), let gold = Shared.path("gold/seeds/cleaning.jsonl") else { return }
        let cli = try CLI()
        let run = try cli.run("extract", seeds, "--format", "jsonl")
        let out = try cli.write("seeds.jsonl", Array(run.stdout.utf8))
        let line = try #require(try Scorer.summary("clean", gold: gold, output: out))
        #expect(line.contains("keep=1.000"), "\(line)")
        #expect(line.contains("metadata=1.000"), "\(line)")
    }
}
