import ArgumentParser
import Foundation
import WartaCore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train Warta's models.", subcommands: [TrainNER.self, TrainStats.self])
}

/// `warta train ner`: the named-entity tagger, reproducibly from CoNLL files.
///
/// The shipped model is rebuilt with (see README):
/// `warta train stats --corpus ../shared/data/corpus/clickid-2019.jsonl --out stats.bin` then
/// `warta train ner --data ../shared/data/ner/nergrit-train.tsv --news ../shared/data/ner/idner-news-train.tsv
///  --stats stats.bin --out Sources/WartaCore/Resources/Entities/ner-model.bin`
/// with the defaults below (seed 1, 12 epochs, 4 runs averaged, margin 8, one name-swapped copy of each sentence).
/// The news file also trains features private to news: nergrit (encyclopaedic text) and idner (news) label some
/// names differently (schools and universities are places in one, organisations in the other), and news is what
/// Warta reads.
struct TrainNER: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ner", abstract: "Train the named-entity tagger.")

    @Option(parsing: .upToNextOption, help: "CoNLL training files (token<TAB>label, blank line between sentences).")
    var data: [String]

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "The random seed (same seed, same data: the same model, byte for byte).")
    var seed: UInt64 = 1

    @Option(help: "Training passes.")
    var epochs: Int = 12

    @Option(help: "Averaged models in the ensemble.")
    var ensemble: Int = 4

    @Option(help: "Margin of the structured perceptron.")
    var margin: Double = 8

    @Option(help: "The chance that a sentence is seen without its gazetteer features in an epoch.")
    var gazetteerDropout: Double = 0.5

    @Option(help: "Copies of each sentence with names swapped for others of the same type and file (0: none).")
    var augment: Int = 1

    @Option(
        parsing: .upToNextOption,
        help: "CoNLL training files of news, after --data: they also train features private to news, which the article pipeline and `warta tag --genre news` add.")
    var news: [String] = []

    @Option(help: "Learning algorithm: perceptron or crf.")
    var algorithm: String = "perceptron"

    @Option(help: "Word statistics (from `warta train stats`, or any model); default: those of the shipped model.")
    var stats: String?

    @Option(help: "Drop a feature's weights smaller than this (a smaller model tags faster).")
    var prune: Double = 0.02

    func run() throws {
        var sentences = [[(token: String, label: String)]]()
        var sources = [Int]()
        for (number, file) in (data + news).enumerated() {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("cannot read \(file)")
            }
            let read = CoNLL.read(text)
            Terminal.error("\(file): \(read.count) sentences")
            sentences += read.map { $0.map { (token: $0.0, label: $0.1) } }
            sources += Array(repeating: number, count: read.count)
        }
        var trainer = NERTrainer(seed: seed, epochs: epochs)
        if let stats {
            trainer.statistics = try NERModel(contentsOf: URL(fileURLWithPath: stats)).statistics
        } else if let url = KnowledgeBase.taggerModelURL {
            trainer.statistics = try NERModel(contentsOf: url).statistics
        }
        trainer.ensemble = ensemble
        trainer.margin = Float(margin)
        trainer.gazetteerDropout = gazetteerDropout
        trainer.augmentation = augment
        for number in data.count..<(data.count + news.count) { trainer.genres[number] = "news" }
        trainer.pruneBelow = Float(prune)
        guard let learning = NERTrainer.Algorithm(rawValue: algorithm) else { throw ValidationError("unknown algorithm \(algorithm)") }
        trainer.algorithm = learning
        let newsNames = news.isEmpty ? "" : " (news: \(news.map { ($0 as NSString).lastPathComponent }.joined(separator: " ")))"
        trainer.info = "trained on \((data + news).map { ($0 as NSString).lastPathComponent }.joined(separator: " "))\(newsNames); seed \(seed), \(epochs) epochs, \(augment) swapped copies"
        let knowledge = standardKnowledgeURL()
        let gazetteer = try knowledge.map { try Gazetteer(knowledgeDirectory: $0) }
        let started = Date()
        let model = trainer.train(sentences: sentences, gazetteer: gazetteer, sources: sources)
        try model.write(to: URL(fileURLWithPath: out))
        Terminal.error("wrote \(out) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}

/// `warta train stats`: word statistics (capitalisation, clusters) from unlabelled news, used as tagger features.
struct TrainStats: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count word statistics from unlabelled news (JSON Lines).")

    @Option(parsing: .upToNextOption, help: "JSON Lines corpora with title/text fields.")
    var corpus: [String]

    @Option(help: "Where to write the statistics.")
    var out: String

    @Option(help: "Cluster granularities.")
    var clusters: String = "64,256,1024"

    @Option(help: "Cluster granularities over reversed text.")
    var reverseClusters: String = "256,1024"

    @Option(help: "Clustering iterations.")
    var iterations: Int = 10

    @Option(help: "Ignore words seen fewer times.")
    var minCount: Int = 3

    func run() throws {
        let granularities = clusters.split(separator: ",").compactMap { Int($0) }
        let reversed = reverseClusters.split(separator: ",").compactMap { Int($0) }
        var builder = WordStatisticsBuilder(keepSentences: !granularities.isEmpty || !reversed.isEmpty)
        for file in corpus {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
            for line in text.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
                for key in ["title", "text"] { if let value = object[key] as? String { builder.add(text: value) } }
            }
        }
        var statistics = builder.statistics(minimumCount: minCount)
        if !granularities.isEmpty || !reversed.isEmpty {
            var clusterer = WordClusterer(seed: 1, iterations: iterations)
            clusterer.progress = { Terminal.error($0) }
            statistics = clusterer.cluster(
                builder: builder, into: statistics, granularities: granularities, reversed: reversed, minimumCount: minCount)
        }
        try NERModel.statisticsOnly(statistics).write(to: URL(fileURLWithPath: out))
    }
}

/// `warta tag --conll FILE`: one token per line in, `token<TAB>label` out, blank lines kept.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Tag CoNLL tokens with PER/ORG/LOC (BIO).")

    @Option(help: "A file with one token per line (first column), a blank line between sentences.")
    var conll: String

    @Option(help: "A model file (default: the shipped one).")
    var model: String?

    @Option(help: "The text's genre: news (add the features the model learned from news alone, as the article pipeline does), general (the shared features only), or auto (from the words of the whole file).")
    var genre: String = "auto"

    func run() throws {
        guard let text = try? String(contentsOfFile: conll, encoding: .utf8) else { throw ValidationError("cannot read \(conll)") }
        guard ["auto", "news", "general"].contains(genre) else { throw ValidationError("unknown genre \(genre): use news, general or auto") }
        let base: NERTagger
        if let model {
            base = NERTagger(
                model: try NERModel(contentsOf: URL(fileURLWithPath: model)),
                gazetteer: try standardKnowledgeURL().map { try Gazetteer(knowledgeDirectory: $0) })
        } else if let standard = NERTagger.standard {
            base = standard
        } else {
            throw ValidationError("the tagger model is missing from this build")
        }
        // Each line's token (its first column), nil for a line between sentences.
        let tokens: [String?] = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let token = line.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? ""
            return token.trimmingCharacters(in: .whitespaces).isEmpty ? nil : token
        }
        let chosen: String?
        switch genre {
        case "general": chosen = nil
        case "auto": chosen = base.model.genre(of: tokens.compactMap { $0 })
        default: chosen = genre
        }
        let tagger = chosen == nil ? base : NERTagger(model: base.model, gazetteer: base.gazetteer, genre: chosen)
        var output = ""
        var sentence = [String]()
        func flush() {
            guard !sentence.isEmpty else { return }
            for (token, label) in zip(sentence, tagger.tag(sentence)) { output += "\(token)\t\(label)\n" }
            sentence.removeAll()
        }
        for token in tokens {
            if let token {
                sentence.append(token)
            } else {
                flush()
                output += "\n"
            }
        }
        flush()
        if output.hasSuffix("\n\n") && !text.hasSuffix("\n\n") { output.removeLast() }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

func standardKnowledgeURL() -> URL? { KnowledgeBase.resourceDirectory }
