import Foundation
import Testing

@Suite(.serialized) struct EventCommandTests {
    /// The team's own example articles, bundled with `warta demo`.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/warta/Examples").path

    @Test func eventsOfTheExamplesAreMergedAcrossReports() throws {
        let cli = try CLI()
        try cli.run("ingest", Self.examples, "--db", cli.db)
        let lines = try CLI.jsonLines(try cli.run("events", "--db", cli.db, "--format", "jsonl").stdout)
        #expect(!lines.isEmpty)
        for line in lines {
            for key in ["id", "type", "modality", "participants", "aliases", "date", "location", "sources", "mentions", "confidence"] {
                #expect(line.keys.contains(key), "\(key)")
            }
            #expect(line["modality"] as? String == "asserted")
        }
        // Putin's state visit to Pyongyang is reported by two example documents.
        let visit = lines.first { line in
            let names = line["participants"] as? [String] ?? []
            return line["type"] as? String == "CONSULT" && names.contains("Vladimir Putin") && names.contains("Kim Jong Un")
                && (line["date"] as? String ?? "").hasPrefix("2024-06")
        }
        #expect(visit != nil)
    }

    @Test func filtersTimelineDyadAndExports() throws {
        let cli = try CLI()
        try cli.run("ingest", Self.examples, "--db", cli.db)
        let putin = try CLI.jsonLines(try cli.run("events", "--actor", "Putin", "--db", cli.db, "--format", "jsonl").stdout)
        #expect(!putin.isEmpty)
        #expect(putin.allSatisfy { ($0["participants"] as? [String] ?? []).contains("Vladimir Putin") })
        let agree = try CLI.jsonLines(try cli.run("events", "--type", "AGREE", "--db", cli.db, "--format", "jsonl").stdout)
        #expect(agree.allSatisfy { $0["type"] as? String == "AGREE" })
        let since = try CLI.jsonLines(try cli.run("events", "--since", "2024", "--db", cli.db, "--format", "jsonl").stdout)
        #expect(since.allSatisfy { ($0["date"] as? String ?? "0") >= "2024" })
        let all = try CLI.jsonLines(try cli.run("events", "--modality", "all", "--db", cli.db, "--format", "jsonl").stdout)
        #expect(all.count >= putin.count)
        #expect(all.contains { $0["modality"] as? String == "planned" })
        let csv = try cli.run("events", "--db", cli.db, "--format", "csv").stdout.split(separator: "\n")
        #expect(csv.first?.hasPrefix("id,type,mode,modality,date") == true)
        let timeline = try cli.run("timeline", "--actor", "Kim Jong Un", "--db", cli.db).stdout
        #expect(timeline.contains("sources:"))
        let dyad = try cli.run("dyad", "Russia", "North Korea", "--db", cli.db).stdout
        #expect(dyad.contains("events between Russia and North Korea"))
        let plover = try CLI.jsonLines(try cli.run("export", "--format", "plover", "--db", cli.db).stdout)
        #expect(plover.contains { $0["actor1Country"] as? String == "RUS" || $0["actor2Country"] as? String == "RUS" })
        let entities = try CLI.jsonLines(try cli.run("entities", "--type", "PER", "--db", cli.db, "--format", "jsonl").stdout)
        #expect(entities.contains { $0["name"] as? String == "Vladimir Putin" && ($0["documents"] as? Int ?? 0) >= 3 })
    }

    @Test func datesCommandExplainsItsValues() throws {
        let cli = try CLI()
        let run = try cli.run("dates", "Menteri itu tiba pada Rabu (13/9/2023) dan pulang bulan lalu.", "--anchor", "2023-10-20")
        #expect(run.stdout.contains("2023-09-13"))
        #expect(run.stdout.contains("2023-09  published"))
        let none = try cli.run("dates", "Beberapa hari lalu mereka bertemu.", "--anchor", "2023-10-20")
        #expect(none.stdout.isEmpty)
    }
}

@Suite struct TagCommandTests {
    @Test func tagKeepsEveryLineAndLabelsNames() throws {
        let cli = try CLI()
        let input = "Presiden\nJoko\nWidodo\nbertemu\nVladimir\nPutin\ndi\nMoskow\n.\n\nIa\npulang\n.\n"
        let file = try cli.write("in.tsv", Array(input.utf8))
        let run = try cli.run("tag", "--conll", file)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let inputLines = input.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == inputLines.count)
        for (out, inLine) in zip(lines, inputLines) {
            if inLine.isEmpty { #expect(out.isEmpty) } else { #expect(out.hasPrefix(inLine + "\t")) }
        }
        #expect(lines[1] == "Joko\tB-PER" && lines[2] == "Widodo\tI-PER")
        #expect(lines[7] == "Moskow\tB-LOC")
    }

    @Test func tagGenreIsChosenOrGiven() throws {
        let cli = try CLI()
        let input = "Menteri\nJoko\nWidodo\nmengatakan\nkepada\nwartawan\ndi\nJakarta\n,\nujarnya\n.\n"
        let file = try cli.write("news.tsv", Array(input.utf8))
        // The words read as news, so auto tags as --genre news does.
        let auto = try cli.run("tag", "--conll", file)
        let news = try cli.run("tag", "--conll", file, "--genre", "news")
        let general = try cli.run("tag", "--conll", file, "--genre", "general")
        #expect(auto.status == 0 && news.status == 0 && general.status == 0)
        #expect(auto.stdout == news.stdout)
        #expect(general.stdout.split(separator: "\n").count == news.stdout.split(separator: "\n").count)
        let bad = try cli.run("tag", "--conll", file, "--genre", "sport")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("genre"))
    }
}

/// The acceptance figures, measured through the official scorer on the data in ../shared.
@Suite(.serialized) struct ScorerTests {
    func score(_ mode: String, gold: String, output: String) throws -> String? {
        try Scorer.summary(mode, gold: gold, output: output)
    }

    func value(_ key: String, in line: String) -> Double { Scorer.value(key, in: line) }

    @Test func timesOnSeedsAndIndoTimex() throws {
        guard let seeds = Shared.path("seeds"), let seedGold = Shared.path("gold/seeds/times.jsonl"),
            let docs = Shared.path("data/timex/indotimex-docs.jsonl"), let timexGold = Shared.path("data/timex/indotimex-times.jsonl")
        else { return }
        let cli = try CLI()
        let seedOut = try cli.write("seeds.jsonl", Array(try cli.run("extract", seeds, "--format", "jsonl").stdout.utf8))
        let seedLine = try #require(try score("times", gold: seedGold, output: seedOut))
        #expect(value("F1", in: seedLine) >= 0.90, "\(seedLine)")
        let timexOut = try cli.write("timex.jsonl", Array(try cli.run("extract", docs, "--format", "jsonl").stdout.utf8))
        let timexLine = try #require(try score("times", gold: timexGold, output: timexOut))
        #expect(value("F1", in: timexLine) >= 0.85, "\(timexLine)")
    }

    @Test func eventsOnTheDevelopmentSet() throws {
        guard let docs = Shared.path("gold/dev/docs.jsonl"), let gold = Shared.path("gold/dev/events.jsonl") else { return }
        let cli = try CLI()
        try cli.run("ingest", docs, "--db", cli.db)
        let out = try cli.write("events.jsonl", Array(try cli.run("events", "--db", cli.db, "--format", "jsonl").stdout.utf8))
        let line = try #require(try score("events", gold: gold, output: out))
        #expect(value("F1", in: line) >= 0.75, "\(line)")
    }

    @Test func eventsOnTheSeedsWithLocationAndProvenance() throws {
        guard let seeds = Shared.path("seeds"), let gold = Shared.path("gold/seeds/events.jsonl") else { return }
        let cli = try CLI()
        try cli.run("ingest", seeds, "--db", cli.db)
        let out = try cli.write("events.jsonl", Array(try cli.run("events", "--db", cli.db, "--format", "jsonl").stdout.utf8))
        let line = try #require(try score("events", gold: gold, output: out))
        #expect(value("F1", in: line) >= 0.85, "\(line)")
        #expect(value("location", in: line) >= 0.80, "\(line)")
        #expect(value("provenance", in: line) >= 0.90, "\(line)")
    }
}

@Suite struct UserFilesTests {
    @Test func usersExtendTheKnowledgeBaseAndTheTriggers() throws {
        let cli = try CLI()
        let kb = try cli.write("people.tsv", Array("id\tname\taliases\tcountry_iso3\trole\trole_id\tstart\tend\tnotes\nbudi-contoh\tBudi Contoh\tPak Budi\tIDN\tMayor\tWali Kota\t2020-01-01\t\t\n".utf8))
        let triggers = try cli.write("triggers.tsv", Array("lang\ttype\tmode\troles\tphrase\nid\tCONSULT\tmeet\tsymmetric\tbersilaturahmi dengan\n".utf8))
        let doc = try cli.write("doc.jsonl", Array(#"{"id":"k","published":"2024-01-02","text":"Budi Contoh bersilaturahmi dengan Joko Widodo di Solo pada Senin (1/1/2024)."}"#.utf8))
        let plain = try CLI.jsonLines(try cli.run("extract", doc, "--format", "jsonl").stdout)
        #expect((plain.first?["events"] as? [Any])?.isEmpty == true)
        let run = try cli.run("extract", doc, "--format", "jsonl", "--knowledge", kb, "--triggers", triggers)
        let object = try #require(try CLI.jsonLines(run.stdout).first)
        let entities = object["entities"] as? [[String: Any]] ?? []
        #expect(entities.contains { $0["link"] as? String == "person:budi-contoh" })
        let events = object["events"] as? [[String: Any]] ?? []
        #expect(events.first?["type"] as? String == "CONSULT")
        #expect(events.first?["date"] as? String == "2024-01-01")
        let bad = try cli.write("bad.tsv", Array("lang\ttype\nid\n".utf8))
        #expect(try cli.run("extract", doc, "--triggers", bad).status != 0)
    }
}
