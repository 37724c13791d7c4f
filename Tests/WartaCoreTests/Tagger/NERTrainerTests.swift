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

    @Test("an organisation's bracketed abbreviation joins its name, even where the model starts a new one")
    func bracketedAbbreviationJoinsTheOrganisation() {
        // Trained on data that starts a new organisation at the bracket, the model's own path would be B-ORG.
        var sentences = ToyCorpus.sentences
        for org in ToyCorpus.organisations {
            let short = "(" + org.map { String($0.prefix(1)) }.joined() + ")"
            sentences.append(ToyCorpus.plain("Kemarin") + ToyCorpus.labelled(org, "ORG") + [(short, "B-ORG")]
                + ToyCorpus.plain("mengundang") + ToyCorpus.labelled(["Joko", "Widodo"], "PER") + ToyCorpus.plain("."))
        }
        let tagger = NERTagger(model: NERTrainer(seed: 7, epochs: 8).train(sentences: sentences, gazetteer: nil))
        let labels = tagger.tag(["Kemarin", "Bank", "Mandiri", "(BM)", "mengundang", "Joko", "Widodo", "."])
        #expect(labels == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "O"])
        // Only a bracketed capitalised word right after an organisation joins it.
        #expect(NERTagger.isBracketedAbbreviation("(MK)"))
        #expect(NERTagger.isBracketedAbbreviation("(Persero)"))
        for token in ["(24/8)", "(kami", "()", "MK", "(a)"] { #expect(!NERTagger.isBracketedAbbreviation(token), "\(token)") }
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

    /// Two sources that label the same kind of name two ways: the general one (the larger) calls a university a
    /// place, the news one an organisation; the news sentences also carry a reporting word (`kata`).
    static func conflictingSources() -> (sentences: [[(token: String, label: String)]], sources: [Int]) {
        var sentences: [[(token: String, label: String)]] = []
        var sources: [Int] = []
        let names = ["Andalas", "Udayana", "Hasanuddin", "Brawijaya", "Mulawarman", "Diponegoro", "Padjadjaran", "Airlangga"]
        let people = ["Budi", "Ani", "Siti", "Rudi"]
        for (index, name) in names.enumerated() {
            let person = people[index % people.count]
            sentences.append([
                (person, "B-PER"), ("adalah", "O"), ("lulusan", "O"), ("Universitas", "B-LOC"), (name, "I-LOC"), (".", "O"),
            ])
            sources.append(0)
            sentences.append([
                ("Kampus", "O"), ("Universitas", "B-LOC"), (name, "I-LOC"), ("terletak", "O"), ("di", "O"), ("kota", "O"),
                (".", "O"),
            ])
            sources.append(0)
            sentences.append([
                ("Rektor", "O"), ("Universitas", "B-ORG"), (name, "I-ORG"), ("menolak", "O"), (",", "O"), ("kata", "O"),
                (person, "B-PER"), (".", "O"),
            ])
            sources.append(1)
        }
        return (sentences, sources)
    }

    @Test("a genre's own features keep its conventions apart, and the model tells the genre from the words")
    func genres() throws {
        let (sentences, sources) = Self.conflictingSources()
        var trainer = NERTrainer(seed: 4, epochs: 10)
        trainer.genres = [1: "news"]
        let model = trainer.train(sentences: sentences, gazetteer: nil, sources: sources)
        #expect(model.genres == ["news"])

        let unseen = ["Mahasiswa", "Universitas", "Sriwijaya", "itu", "pulang", "."]
        let news = NERTagger(model: model, genre: "news")
        let general = NERTagger(model: model)
        #expect(news.genre == "news" && general.genre == nil)
        #expect(news.tag(unseen) == ["O", "B-ORG", "I-ORG", "O", "O", "O"])
        #expect(general.tag(unseen) == ["O", "B-LOC", "I-LOC", "O", "O", "O"])
        // A genre the model has no features for is the same as none.
        #expect(NERTagger(model: model, genre: "sport").genre == nil)

        #expect(model.genre(of: ["Rektor", "menolak", ",", "kata", "dia"]) == "news")
        #expect(model.genre(of: ["Dia", "adalah", "lulusan", "kampus", "itu"]) == nil)
        #expect(model.genre(of: ["zzz", "qqq"]) == nil)

        // Written and read back (format version 3), it tags the same.
        let bytes = model.encoded()
        #expect(Array(bytes[8..<12]) == [3, 0, 0, 0])
        let read = try NERModel(bytes: bytes, source: "genres.bin")
        #expect(read == model)
        #expect(NERTagger(model: read, genre: "news").tag(unseen) == news.tag(unseen))
        #expect(read.genre(of: ["kata", "ujar"]) == model.genre(of: ["kata", "ujar"]))

        // Without genres the same data gives one convention for both, and the file stays at version 2.
        let plain = NERTrainer(seed: 4, epochs: 10).train(sentences: sentences, gazetteer: nil, sources: sources)
        #expect(plain.genres.isEmpty)
        #expect(Array(plain.encoded()[8..<12]) == [2, 0, 0, 0])
        #expect(NERTagger(model: plain, genre: "news").tag(unseen) == NERTagger(model: plain).tag(unseen))
    }

    @Test("the shipped model has news features and reads news as news")
    func shippedGenres() throws {
        let standard = try #require(NERTagger.standard)
        #expect(standard.model.genres == ["news"])
        #expect(standard.genre == nil && NERTagger.news?.genre == "news")
        let report = "Menteri itu mengatakan kepada wartawan di Jakarta , Senin ( 4/9 ) , bahwa pertemuan akan digelar pekan depan , ujarnya ."
        #expect(standard.model.genre(of: report.split(separator: " ").map(String.init)) == "news")
        let encyclopaedia = "Kota ini merupakan ibu kota kabupaten yang terletak di tepi sungai dan didirikan pada abad ke-17 oleh bangsa Belanda ."
        #expect(standard.model.genre(of: encyclopaedia.split(separator: " ").map(String.init)) == nil)
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
