internal import Foundation

/// Trains an ``NERModel``: a structured averaged perceptron over BIO label sequences with Viterbi decoding.
///
/// Each epoch visits the sentences in an order shuffled by ``SplitMix64`` from the seed; where the best sequence
/// under the current weights differs from the gold one, the gold sequence's features and transitions gain one and
/// the predicted one's lose one. The model keeps the average of the weights over all steps (Collins 2002), prunes
/// the tiny ones and quantises the rest to 16 bits. The same sentences, seed and settings give the same model,
/// byte for byte.
///
/// ```swift
/// let sentences = CoNLL.read(try String(contentsOfFile: "train.tsv", encoding: .utf8))
/// let model = NERTrainer(seed: 1, epochs: 12).train(sentences: sentences, gazetteer: nil)
/// try model.write(to: URL(fileURLWithPath: "ner-model.bin"))
/// ```
public struct NERTrainer {
    /// How weights are learned.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// Structured averaged perceptron (Collins 2002).
        case perceptron
        /// Linear-chain conditional random field, by stochastic gradient descent with L2 regularisation.
        case crf
    }

    /// The labels of a model, in this order: BILOU (`U-X` a one-word entity, `L-X` the last word of a longer
    /// one), which models boundaries better than BIO; the tagger writes them as BIO.
    public static let labels = ["O"] + ["PER", "ORG", "LOC"].flatMap { t in ["B-", "I-", "L-", "U-"].map { $0 + t } }

    public var seed: UInt64
    public var epochs: Int
    /// The lexicon the features consult; stored in the model.
    public var lexicon: NERLexicon = .standard
    /// Statistics from unlabelled text; stored in the model.
    public var statistics: WordStatistics = .empty
    /// The chance that a sentence is seen without its gazetteer features in an epoch, so that the model also
    /// learns the names the gazetteer does not hold.
    public var gazetteerDropout: Double = 0.5
    /// How many altered copies of each sentence with names are added to the training data: each name in a copy
    /// is, with even chance, swapped for another name of the same type from the same source. The model then
    /// sees names in contexts they never had and learns to read the context, not only the name.
    public var augmentation: Int = 0
    /// The genre of some sources (`sources[i]` → `news`): their sentences, and the altered copies of them, also
    /// train a copy of every feature private to the genre (Daumé 2007). The model then tags text of that genre
    /// with the shared features and its private ones, and any other text with the shared features alone, so one
    /// data set's labelling conventions do not leak into the others'. Needs `sources`.
    public var genres: [Int: String] = [:]
    /// Averaged weights smaller than this (in absolute value) are dropped from the model.
    public var pruneBelow: Float = 0.02
    public var algorithm: Algorithm = .perceptron
    /// The perceptron's margin: how much better than every wrong label the gold one must score.
    public var margin: Float = 0
    /// Features seen fewer times than this in the training data are left out.
    public var minimumFeatureCount: Int = 1
    /// How many training runs, each over its own shuffles, are averaged into the model.
    public var ensemble: Int = 1
    /// L2 regularisation strength of the CRF: the penalty is `regularization / 2 · ‖w‖²` over the whole corpus.
    public var regularization: Double = 1.0
    /// The CRF's first learning rate.
    public var learningRate: Double = 0.1
    /// A line about how the model was made, stored in it.
    public var info: String = ""
    /// Called after each epoch with its number (from 1) and the share of training tokens it mislabelled.
    public var progress: ((Int, Double) -> Void)? = nil

    public init(seed: UInt64, epochs: Int) {
        precondition(epochs > 0, "training needs at least one epoch")
        self.seed = seed
        self.epochs = epochs
    }

    /// A model trained on `sentences` of (token, BIO label); labels of other types are read as `O`, `GPE` as
    /// `LOC`, and a stray `I-X` as `B-X`.
    ///
    /// - Complexity: O(epochs · n · (f + L²)) for n training tokens.
    /// With ``augmentation`` above 0, `sources` (one number per sentence, such as the file it came from) keeps
    /// replaced names within their source, so that each data set's conventions stay its own.
    public func train(
        sentences: [[(token: String, label: String)]], gazetteer: Gazetteer?, sources: [Int]? = nil
    ) -> NERModel {
        let labels = Self.labels
        let l = labels.count
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let extractor = FeatureExtractor(lexicon: lexicon, statistics: statistics, gazetteer: gazetteer)

        // Features of every sentence; those seen at least `minimumFeatureCount` times become rows, numbered in
        // order of first appearance.
        var allSources: [Int] = []
        let all = augmented(sentences, sources: sources, sourcesOut: &allSources)
        var genreExtractors: [Int: FeatureExtractor] = [:]
        for (source, genre) in genres {
            var e = extractor
            e.genre = FeatureHash.part(genre)
            genreExtractors[source] = e
        }
        let modelGenres = Set(genres.values).sorted()
        let keptIndices = all.indices.filter { !all[$0].isEmpty }
        let kept = keptIndices.map { all[$0] }
        let extracted = keptIndices.map { index in
            (genreExtractors[allSources[index]] ?? extractor).features(of: all[index].map(\.token))
        }
        var seen: [UInt64: Int32] = [:]
        if minimumFeatureCount > 1 {
            for f in extracted {
                for hash in f.hashes { seen[hash, default: 0] += 1 }
                for hash in f.gazetteerHashes { seen[hash, default: 0] += 1 }
            }
        }
        var rows: [UInt64: Int32] = [:]
        func rowsOf(_ hashes: [UInt64], offsets: [Int]) -> ([Int32], [Int]) {
            var result: [Int32] = []
            var newOffsets = [0]
            for i in 0..<(offsets.count - 1) {
                for hash in hashes[offsets[i]..<offsets[i + 1]] {
                    if minimumFeatureCount > 1, seen[hash, default: 0] < Int32(minimumFeatureCount) { continue }
                    if let found = rows[hash] {
                        result.append(found)
                    } else {
                        let next = Int32(rows.count)
                        rows[hash] = next
                        result.append(next)
                    }
                }
                newOffsets.append(result.count)
            }
            return (result, newOffsets)
        }
        var examples: [Example] = []
        for (sentence, f) in zip(kept, extracted) {
            let bio = BIO.repair(sentence.map { $0.label.hasSuffix("-GPE") ? String($0.label.dropLast(3)) + "LOC" : $0.label })
            let gold = NERTagger.bilou(bio).map { labelIndex[$0] ?? 0 }
            let (features, offsets) = rowsOf(f.hashes, offsets: f.offsets)
            let (gazetteer, gazetteerOffsets) = rowsOf(f.gazetteerHashes, offsets: f.gazetteerOffsets)
            examples.append(
                Example(
                    features: features, offsets: offsets, gazetteer: gazetteer, gazetteerOffsets: gazetteerOffsets,
                    gold: gold))
        }

        // Several runs over differently shuffled data, averaged: less depends on the order of one shuffle.
        var seeds = SplitMix64(seed: seed)
        var learned = Learned(
            weights: [Float](repeating: 0, count: rows.count * l), transitions: [Float](repeating: 0, count: (l + 1) * l),
            stops: [Float](repeating: 0, count: l))
        for run in 0..<ensemble {
            let runSeed = run == 0 ? seed : seeds.next()
            let one: Learned
            switch algorithm {
            case .perceptron: one = perceptron(examples, features: rows.count, labels: l, seed: runSeed)
            case .crf: one = crf(examples, features: rows.count, labels: l, seed: runSeed)
            }
            let share = Float(1) / Float(ensemble)
            for k in learned.weights.indices { learned.weights[k] += share * one.weights[k] }
            for k in learned.transitions.indices { learned.transitions[k] += share * one.transitions[k] }
            for k in learned.stops.indices { learned.stops[k] += share * one.stops[k] }
        }
        let weights = learned.weights

        // Prune, and keep only the features that still weigh something.
        var pruned: [UInt64: Int32] = [:]
        var keptWeights: [Float] = []
        for (hash, r) in rows.sorted(by: { $0.key < $1.key }) {
            let base = Int(r) * l
            var values = [Float](repeating: 0, count: l)
            var any = false
            for k in 0..<l {
                let a = weights[base + k]
                if abs(a) >= pruneBelow {
                    values[k] = a
                    any = true
                }
            }
            guard any else { continue }
            pruned[hash] = Int32(pruned.count)
            keptWeights += values
        }
        let model = NERModel(
            labels: labels, info: info, lexicon: lexicon, statistics: statistics, rows: pruned, weights: keptWeights,
            transitions: learned.transitions, stops: learned.stops, genres: modelGenres,
            genreCues: modelGenres.map { Self.cues(of: $0, sentences: sentences, sources: sources, genres: genres) })
        // What is written is what is tagged with: quantise now, so the returned model equals the one read back.
        do {
            return try NERModel(bytes: model.encoded(), source: "trained model")
        } catch {
            preconditionFailure("a freshly encoded model cannot be read back: \(error)")
        }
    }

    /// `sentences` followed by ``augmentation`` copies of those with names, the names swapped at random (seeded)
    /// for names of the same type and source (`sources[i]` for sentence `i`; all one source if nil). The copies'
    /// labels are BIO with `GPE` read as `LOC` and other types as `O`.
    public func augmented(_ sentences: [[(token: String, label: String)]], sources: [Int]?) -> [[(token: String, label: String)]] {
        var ignored: [Int] = []
        return augmented(sentences, sources: sources, sourcesOut: &ignored)
    }

    /// ``augmented(_:sources:)``, with the source of every sentence it returns put in `sourcesOut`.
    func augmented(
        _ sentences: [[(token: String, label: String)]], sources: [Int]?, sourcesOut: inout [Int]
    ) -> [[(token: String, label: String)]] {
        sourcesOut = sources ?? [Int](repeating: 0, count: sentences.count)
        guard augmentation > 0 else { return sentences }
        typealias Mention = (start: Int, end: Int, type: String)
        let mentions: [[Mention]] = sentences.map { sentence in
            let bio = BIO.repair(sentence.map { $0.label.hasSuffix("-GPE") ? String($0.label.dropLast(3)) + "LOC" : $0.label })
            return BIO.spans(labels: bio).filter { Self.labels.contains("B-" + $0.type) }
        }
        // Names of each source and type, in order of appearance.
        var pools: [Int: [String: [[String]]]] = [:]
        for (index, sentence) in sentences.enumerated() {
            let source = sources?[index] ?? 0
            for m in mentions[index] {
                pools[source, default: [:]][m.type, default: []].append(sentence[m.start..<m.end].map(\.token))
            }
        }
        var random = SplitMix64(seed: seed ^ 0x5EED_A06E)
        var result = sentences
        for _ in 0..<augmentation {
            for (index, sentence) in sentences.enumerated() where !mentions[index].isEmpty {
                let pool = pools[sources?[index] ?? 0] ?? [:]
                var copy: [(token: String, label: String)] = []
                var next = 0
                for m in mentions[index] {
                    copy += sentence[next..<m.start].map { (token: $0.token, label: "O") }
                    var tokens = sentence[m.start..<m.end].map(\.token)
                    if random.nextUnit() < 0.5, let names = pool[m.type], !names.isEmpty {
                        tokens = names[Int(random.next() % UInt64(names.count))]
                    }
                    for (k, token) in tokens.enumerated() { copy.append((token: token, label: (k == 0 ? "B-" : "I-") + m.type)) }
                    next = m.end
                }
                copy += sentence[next...].map { (token: $0.token, label: "O") }
                result.append(copy)
                sourcesOut.append(sources?[index] ?? 0)
            }
        }
        return result
    }

    /// Words that tell `genre`'s sentences from the others': the log ratio of a word's frequency (lower-cased,
    /// add-½ smoothed) in the sentences of that genre's sources to its frequency in the rest, for words seen at
    /// least five times in all.
    static func cues(
        of genre: String, sentences: [[(token: String, label: String)]], sources: [Int]?, genres: [Int: String]
    ) -> [String: Float] {
        var inside: [String: Int] = [:]
        var outside: [String: Int] = [:]
        for (index, sentence) in sentences.enumerated() {
            let isGenre = genres[sources?[index] ?? 0] == genre
            for (token, _) in sentence {
                if isGenre { inside[token.lowercased(), default: 0] += 1 } else { outside[token.lowercased(), default: 0] += 1 }
            }
        }
        let vocabulary = Set(inside.keys).union(outside.keys)
        let insideTotal = Double(inside.values.reduce(0, +)) + 0.5 * Double(vocabulary.count)
        let outsideTotal = Double(outside.values.reduce(0, +)) + 0.5 * Double(vocabulary.count)
        var cues: [String: Float] = [:]
        for word in vocabulary {
            let a = inside[word, default: 0]
            let b = outside[word, default: 0]
            guard a + b >= 5 else { continue }
            let ratio: Double = log((Double(a) + 0.5) / insideTotal) - log((Double(b) + 0.5) / outsideTotal)
            cues[word] = Float(ratio)
        }
        return cues
    }

    // MARK: - Learning

    struct Example {
        var features: [Int32]
        var offsets: [Int]
        var gazetteer: [Int32]
        var gazetteerOffsets: [Int]
        var gold: [Int]

        /// Token `i`'s feature rows, with or without its gazetteer features.
        func features(_ i: Int, gazetteer use: Bool) -> [Int32] {
            var result = Array(features[offsets[i]..<offsets[i + 1]])
            if use { result += gazetteer[gazetteerOffsets[i]..<gazetteerOffsets[i + 1]] }
            return result
        }
    }

    struct Learned {
        var weights: [Float]
        var transitions: [Float]
        var stops: [Float]
    }

    private func perceptron(_ examples: [Example], features featureCount: Int, labels l: Int, seed: UInt64) -> Learned {
        let allowed = NERTagger.allowedTransitions(Self.labels)
        var weights = [Float](repeating: 0, count: featureCount * l)
        var totals = [Double](repeating: 0, count: featureCount * l)
        var transitions = [Float](repeating: 0, count: (l + 1) * l)
        var transitionTotals = [Double](repeating: 0, count: (l + 1) * l)
        var stops = [Float](repeating: 0, count: l)
        var stopTotals = [Double](repeating: 0, count: l)
        var step = 1.0
        var random = SplitMix64(seed: seed)
        var order = Array(examples.indices)
        let tokenCount = examples.reduce(0) { $0 + $1.gold.count }

        for epoch in 1...epochs {
            random.shuffle(&order)
            var wrong = 0
            for index in order {
                let example = examples[index]
                let n = example.gold.count
                let useGazetteer = random.nextUnit() >= gazetteerDropout
                func features(_ i: Int) -> [Int32] { example.features(i, gazetteer: useGazetteer) }
                var scores = [Float](repeating: 0, count: n * l)
                for i in 0..<n {
                    for f in features(i) {
                        let base = Int(f) * l
                        for k in 0..<l { scores[i * l + k] += weights[base + k] }
                    }
                    // Cost-augmented decoding: a wrong label gets a head start, so updates also come where the
                    // gold sequence wins by less than a margin.
                    if margin > 0 {
                        for k in 0..<l where k != example.gold[i] { scores[i * l + k] += margin }
                    }
                }
                let predicted = NERTagger.viterbi(
                    scores: scores, count: n, labels: l, transitions: transitions, stops: stops, allowed: allowed)
                if predicted != example.gold {
                    for i in 0..<n {
                        let g = example.gold[i]
                        let p = predicted[i]
                        if g != p {
                            wrong += 1
                            for f in features(i) {
                                let base = Int(f) * l
                                weights[base + g] += 1
                                totals[base + g] += step
                                weights[base + p] -= 1
                                totals[base + p] -= step
                            }
                        }
                        let gFrom = i == 0 ? l : example.gold[i - 1]
                        let pFrom = i == 0 ? l : predicted[i - 1]
                        if gFrom != pFrom || g != p {
                            transitions[gFrom * l + g] += 1
                            transitionTotals[gFrom * l + g] += step
                            transitions[pFrom * l + p] -= 1
                            transitionTotals[pFrom * l + p] -= step
                        }
                    }
                    let g = example.gold[n - 1]
                    let p = predicted[n - 1]
                    if g != p {
                        stops[g] += 1
                        stopTotals[g] += step
                        stops[p] -= 1
                        stopTotals[p] -= step
                    }
                }
                step += 1
            }
            progress?(epoch, Double(wrong) / Double(max(tokenCount, 1)))
        }

        func average(_ w: Float, _ total: Double) -> Float { Float(Double(w) - total / step) }
        return Learned(
            weights: zip(weights, totals).map(average), transitions: zip(transitions, transitionTotals).map(average),
            stops: zip(stops, stopTotals).map(average))
    }
}
