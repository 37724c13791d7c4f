public import Foundation

/// A trained named-entity model: feature weights for each BIO label, label-transition weights, and the lexicon and
/// word statistics its features were computed with.
///
/// Models are written in a compact binary format (see `NERModel+Binary.swift`): `WARTANER`, a version number, then
/// the parts above with weights quantised to 16 bits and tiny weights pruned.
///
/// ```swift
/// let model = try NERModel(contentsOf: URL(fileURLWithPath: "ner-model.bin"))
/// let tagger = NERTagger(model: model)
/// tagger.tag(["Presiden", "Joko", "Widodo", "tiba", "di", "Bandung", "."])
/// // ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"]
/// ```
public struct NERModel: Sendable, Hashable {
    /// The labels, `O` first, then `B-X`, `I-X` for each type.
    public let labels: [String]
    /// How the model was made (data, seed, epochs), for people.
    public let info: String
    let lexicon: NERLexicon
    /// The genres (`news`) whose training data also taught features private to them; a tagger told that its text
    /// is of one of these adds them (``NERTagger/init(model:gazetteer:genre:cachedWords:)``).
    public let genres: [String]
    /// For each genre, words that tell its text from the rest of the training data: the log ratio of the word's
    /// frequency in that genre's sentences to its frequency in the others' (``genre(of:)``).
    let genreCues: [[String: Float]]
    /// What unlabelled text said about words, for the features.
    public let statistics: WordStatistics
    /// Feature hash → row of `quantized`.
    let rows: [UInt64: Int32]
    /// `rows` for fast lookup.
    let table: FeatureTable
    /// `labels.count` weights a row, quantised: a weight is its `Int16` times ``scale``. Tagging sums them as
    /// integers, so the sum does not depend on the order of the features.
    let quantized: [Int16]
    let scale: Float
    /// `transitions[(from) * L + to]`; row `L` is the sentence start.
    let transitions: [Float]
    /// The weight of ending a sentence on each label.
    let stops: [Float]

    /// A model with `weights` (`labels.count` a row), quantised to 16 bits as the file stores them.
    init(
        labels: [String], info: String, lexicon: NERLexicon, statistics: WordStatistics, rows: [UInt64: Int32],
        weights: [Float], transitions: [Float], stops: [Float], genres: [String] = [], genreCues: [[String: Float]] = []
    ) {
        precondition(weights.count == rows.count * labels.count, "one row of weights per feature")
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 32767 : 1
        let quantized = weights.map { Int16(clamping: Int(($0 / scale).rounded())) }
        self.init(
            labels: labels, info: info, lexicon: lexicon, statistics: statistics, rows: rows, quantized: quantized,
            scale: scale, transitions: transitions, stops: stops, genres: genres, genreCues: genreCues)
    }

    /// A model with weights already quantised.
    init(
        labels: [String], info: String, lexicon: NERLexicon, statistics: WordStatistics, rows: [UInt64: Int32],
        quantized: [Int16], scale: Float, transitions: [Float], stops: [Float], genres: [String] = [],
        genreCues: [[String: Float]] = []
    ) {
        precondition(genreCues.isEmpty || genreCues.count == genres.count, "one cue table per genre")
        precondition(quantized.count == rows.count * labels.count, "one row of weights per feature")
        precondition(transitions.count == (labels.count + 1) * labels.count, "one transition per label pair")
        self.labels = labels
        self.info = info
        self.genres = genres
        self.genreCues = genreCues.isEmpty ? genres.map { _ in [:] } : genreCues
        self.lexicon = lexicon
        self.statistics = statistics
        self.rows = rows
        self.table = FeatureTable(rows, weights: quantized, labels: labels.count)
        self.quantized = quantized
        self.scale = scale
        self.transitions = transitions
        self.stops = stops
    }

    /// Reads a model written by ``write(to:)``.
    ///
    /// - Throws: ``NERError`` if the file cannot be read, is not a model, is of a newer version or is damaged.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NERError(code: "unreadable", source: url.path, message: "cannot read the model: \(error.localizedDescription)")
        }
        try self.init(bytes: [UInt8](data), source: url.path)
    }

    /// Writes the model in its binary format.
    ///
    /// - Throws: the file system's error if the file cannot be written.
    public func write(to url: URL) throws {
        try Data(encoded()).write(to: url, options: .atomic)
    }

    /// A model that holds nothing but word statistics, to carry them from `nerdev stats` to `nerdev train`.
    public static func statisticsOnly(_ statistics: WordStatistics) -> NERModel {
        let labels = NERTrainer.labels
        return NERModel(
            labels: labels, info: "word statistics only", lexicon: .standard, statistics: statistics, rows: [:],
            weights: [], transitions: [Float](repeating: 0, count: (labels.count + 1) * labels.count),
            stops: [Float](repeating: 0, count: labels.count))
    }

    /// The genre that `tokens` (a whole text, or many sentences of one) read like, from the words that told the
    /// genres apart in the training data: the genre whose cues average above zero over the tokens that have one,
    /// the highest if several do; nil (the shared features alone) if none does.
    public func genre(of tokens: [String]) -> String? {
        var best: (genre: String, score: Float)? = nil
        for (genre, cues) in zip(genres, genreCues) {
            var sum: Float = 0
            var count = 0
            for token in tokens {
                if let weight = cues[token.lowercased()] {
                    sum += weight
                    count += 1
                }
            }
            guard count > 0 else { continue }
            let score = sum / Float(count)
            if score > 0, score > (best?.score ?? 0) { best = (genre, score) }
        }
        return best?.genre
    }

    /// The number of features with a weight.
    public var featureCount: Int { rows.count }
}
