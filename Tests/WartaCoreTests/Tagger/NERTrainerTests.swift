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
