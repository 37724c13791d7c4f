import Foundation
import Testing
import WartaCore

@Suite("Gazetteer and CoNLL")
struct GazetteerTests {
    @Test("names match leftmost-longest, whatever the case")
    func longestMatch() {
        let gazetteer = Gazetteer(names: [
            ("Kalimantan", "LOC"), ("Kalimantan Timur", "LOC"), ("Joko Widodo", "PER"), ("Kim Jong-un", "PER"),
            ("Demokrat", "ORG"), ("Demokrat", "PER"), ("nothing", "MISC"),
        ])
        let found = gazetteer.matches(in: ["Joko", "Widodo", "ke", "KALIMANTAN", "Timur", "dan", "Kalimantan"])
            .map { "\($0.start)-\($0.end) \($0.types.sorted().joined(separator: "+"))" }
        #expect(found == ["0-2 PER", "3-5 LOC", "6-7 LOC"])
        #expect(gazetteer.matches(in: ["Kim", "Jong", "-", "un"]).first?.end == 4)
        #expect(gazetteer.matches(in: ["Demokrat"]).first?.types == ["ORG", "PER"])
        #expect(gazetteer.entries["nothing"] == nil)
    }

    @Test("knowledge-base files are read by their header")
    func knowledge() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "# places\nid\tname\taliases\tcountry\np1\tKalimantan Timur\tKaltim|East Kalimantan\tID\n"
            .write(to: directory.appendingPathComponent("places.tsv"), atomically: true, encoding: .utf8)
        try "id\tname\ttype\nx\tJoko Widodo\tPER\n"
            .write(to: directory.appendingPathComponent("people.tsv"), atomically: true, encoding: .utf8)
        let gazetteer = try Gazetteer(knowledgeDirectory: directory)
        #expect(gazetteer.entries["kaltim"] == ["LOC"])
        #expect(gazetteer.entries["east kalimantan"] == ["LOC"])
        #expect(gazetteer.entries["joko widodo"] == ["PER"])
        #expect(gazetteer.entries["id"] == nil)
    }

    @Test("the shipped gazetteer knows Indonesia's districts and the world's regions and cities")
    func shippedPlaces() throws {
        let directory = try #require(KnowledgeBase.resourceDirectory)
        let gazetteer = try Gazetteer(knowledgeDirectory: directory)
        // A district of Pati regency, a province created in 2022, a German state by both its names, a city.
        for name in ["gembong", "papua pegunungan", "bavaria", "bayern", "rosario"] {
            #expect(gazetteer.entries[name] == ["LOC"], "\(name)")
        }
        // Place names that are common words were left out.
        #expect(gazetteer.entries["berat"] == nil)
    }

    @Test("CoNLL files read as sentences of (token, label)")
    func conll() {
        let sentences = CoNLL.read("Joko\tB-PER\nWidodo\tI-PER\n\n\nIa\tO\r\nfoo bar O\n")
        #expect(sentences.count == 2)
        #expect(sentences[0].map(\.1) == ["B-PER", "I-PER"])
        #expect(sentences[1].map(\.0) == ["Ia", "foo"])
        #expect(CoNLL.write(sentences).hasPrefix("Joko\tB-PER\nWidodo\tI-PER\n\nIa\tO\n"))
    }
}
