import Foundation
import Testing
import WartaCore

@Suite("NERTrainer and NERTagger")
struct NERTrainerTests {
    static let model = NERTrainer(seed: 7, epochs: 8).train(sentences: ToyCorpus.sentences, gazetteer: nil)

    @Test("the same seed gives the same model, byte for byte")
    func reproducible() {
        let again = NERTrainer(seed: 7, epochs: 8).train(sentences: ToyCorpus.sentences, gazetteer: nil)
        #expect(again.encoded() == Self.model.encoded())
        #expect(again == Self.model)
        // The seed is used: another one shuffles differently.
        let other = NERTrainer(seed: 8, epochs: 8).train(sentences: ToyCorpus.sentences, gazetteer: nil)
        #expect(other.encoded() != Self.model.encoded())
    }

    @Test("a model survives being written and read back")
    func roundTrip() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ner-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.model.write(to: url)
        let read = try NERModel(contentsOf: url)
        #expect(read == Self.model)
        #expect(read.encoded() == Self.model.encoded())
        #expect(read.featureCount > 0)
        let sentence = ["Presiden", "Sri", "Mulyani", "tiba", "di", "Medan", "."]
        #expect(NERTagger(model: read).tag(sentence) == NERTagger(model: Self.model).tag(sentence))
    }

    @Test("the tagger finds people, places and organisations in new sentences")
    func tagsNewSentences() {
        let tagger = NERTagger(model: Self.model)
        #expect(
            tagger.tag(["Menurut", "Retno", "Marsudi", ",", "harga", "beras", "di", "Bandung", "naik", "."])
                == ["O", "B-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O", "O"])
        let labels = tagger.tag(["Kemarin", "Bank", "Mandiri", "mengundang", "Joko", "Widodo", "ke", "Medan", "."])
        let spans = tagger.spans(labels: labels).map { "\($0.start)-\($0.end) \($0.type)" }
        #expect(spans == ["1-3 ORG", "4-6 PER", "7-8 LOC"])
        // A name never seen, in a context that was.
        #expect(tagger.tag(["Presiden", "Budi", "Santoso", "tiba", "di", "Surabaya"]).prefix(3) == ["O", "B-PER", "I-PER"])
    }

    @Test("tagging nothing gives nothing; output is as long as the input")
    func lengths() {
        let tagger = NERTagger(model: Self.model)
        #expect(tagger.tag([]) == [])
        #expect(tagger.tag(["di"]).count == 1)
    }

    @Test("a gazetteer's names become features the model learns to use")
    func gazetteer() {
        let gazetteer = Gazetteer(names: [("Joko Widodo", "PER"), ("Medan", "LOC"), ("Bank Mandiri", "ORG")])
        var trainer = NERTrainer(seed: 3, epochs: 5)
        trainer.gazetteerDropout = 0
        let model = trainer.train(sentences: ToyCorpus.sentences, gazetteer: gazetteer)
        let tagger = NERTagger(model: model, gazetteer: gazetteer)
        #expect(tagger.tag(["Joko", "Widodo", "ke", "Medan"]) == ["B-PER", "I-PER", "O", "B-LOC"])
    }

    @Test("swapped copies keep labels in step and take names only from their own source")
    func augmentation() {
        let sentences: [[(token: String, label: String)]] = [
            [("Joko", "B-PER"), ("Widodo", "I-PER"), ("ke", "O"), ("Medan", "B-LOC")],
            [("Ani", "B-PER"), ("tiba", "O"), ("di", "O"), ("Bandung", "B-GPE")],
            [("Harga", "O"), ("naik", "O")],
            [("Kim", "B-PER"), ("Jong", "I-PER"), ("Un", "I-PER"), ("ke", "O"), ("Pyongyang", "B-LOC")],
        ]
        let sources = [0, 0, 0, 1]
        var trainer = NERTrainer(seed: 5, epochs: 1)
        trainer.augmentation = 40
        let result = trainer.augmented(sentences, sources: sources)
        // The originals first, then 40 copies of each sentence with names (three of the four).
        #expect(result.count == 4 + 40 * 3)
        #expect(result[0].map(\.token) == ["Joko", "Widodo", "ke", "Medan"])
        let copies = result[4...]
        for copy in copies {
            let tokens = copy.map(\.token)
            let labels = copy.map(\.label)
            #expect(labels.allSatisfy { $0 == "O" || $0.hasPrefix("B-") || $0.hasPrefix("I-") })
            #expect(!labels.contains { $0.hasSuffix("GPE") })
            // Source 0's names never reach source 1's sentence, nor the other way round.
            let north: Set = ["Kim", "Jong", "Un", "Pyongyang"]
            if tokens.contains(where: north.contains) {
                #expect(tokens == ["Kim", "Jong", "Un", "ke", "Pyongyang"])
            }
            if let index = tokens.firstIndex(of: "Widodo") { #expect(labels[index] == "I-PER") }
        }
        // Names are swapped now and then: some copy of the first sentence has Ani in it.
        #expect(copies.contains { $0.first?.token == "Ani" && $0.first?.label == "B-PER" && $0.count == 3 })
        #expect(copies.contains { $0.first?.token == "Joko" })
        // The same seed, the same copies.
        #expect(trainer.augmented(sentences, sources: sources).map { $0.map(\.token) } == result.map { $0.map(\.token) })
        trainer.augmentation = 0
        #expect(trainer.augmented(sentences, sources: sources).count == 4)
    }

    @Test("a file that is not a model is refused with a reason")
    func rejectsGarbage() throws {
        #expect(throws: NERError.self) { try NERModel(bytes: Array("hello".utf8), source: "x") }
        var bytes = Self.model.encoded()
        bytes[bytes.count / 2] ^= 0xFF
        let error = try #require(throws: NERError.self) { try NERModel(bytes: bytes, source: "damaged.bin") }
        #expect(error.code == "malformed")
        let truncated = Array(Self.model.encoded().prefix(40))
        #expect(throws: NERError.self) { try NERModel(bytes: truncated, source: "short.bin") }
    }
}
