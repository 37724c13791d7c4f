/// Tags tokens with BIO entity labels (`B-PER`, `I-ORG`, `O`, …) using a trained ``NERModel``.
///
/// Each token's label scores are the sums of its features' weights; the best label sequence, transitions
/// included, is found by Viterbi decoding over the sequences BIO allows (no `I-X` unless an `X` is open), so the
/// output never needs repair.
///
/// ```swift
/// let tagger = NERTagger(model: model, gazetteer: gazetteer)
/// for sentence in NERTokenizer.sentences(in: text) {
///     let labels = tagger.tag(sentence.map(\.text))
///     for span in tagger.spans(labels: labels) { … }
/// }
/// ```
public struct NERTagger: Sendable {
    public let model: NERModel
    let extractor: FeatureExtractor
    /// `allowed[from * L + to]`; row L is the sentence start.
    let allowed: [Bool]
    /// The BIO label each model label is written as.
    let outputs: [String]

    /// A tagger for `model`; a `gazetteer` adds its names as features (a model trained without one ignores it).
    public init(model: NERModel, gazetteer: Gazetteer? = nil) {
        self.model = model
        self.extractor = FeatureExtractor(lexicon: model.lexicon, statistics: model.statistics, gazetteer: gazetteer)
        self.allowed = Self.allowedTransitions(model.labels)
        self.outputs = model.labels.map(Self.bioLabel)
    }

    /// One BIO label for each token.
    ///
    /// - Complexity: O(n·(f + L²)) for n tokens, f features a token and L labels.
    public func tag(_ tokens: [String]) -> [String] {
        guard !tokens.isEmpty else { return [] }
        let sentence = extractor.features(of: tokens)
        let scores = emissions(sentence)
        return Self.viterbi(
            scores: scores, count: tokens.count, labels: model.labels.count, transitions: model.transitions,
            stops: model.stops, allowed: allowed
        ).map { outputs[$0] }
    }

    /// The entities in `labels` as half-open token ranges with their type (``BIO/spans(labels:)``).
    public func spans(labels: [String]) -> [(start: Int, end: Int, type: String)] {
        BIO.spans(labels: labels)
    }

    /// `n × L` label scores from the features' weights.
    func emissions(_ sentence: FeatureExtractor.Sentence) -> [Float] {
        let l = model.labels.count
        var scores = [Float](repeating: 0, count: sentence.count * l)
        let table = model.table
        model.weights.withUnsafeBufferPointer { w in
            scores.withUnsafeMutableBufferPointer { out in
                func addRow(_ hash: UInt64, _ i: Int) {
                    guard let row = table.row(hash) else { return }
                    let base = Int(row) * l
                    for k in 0..<l { out[i * l + k] += w[base + k] }
                }
                for i in 0..<sentence.count {
                    for f in sentence.offsets[i]..<sentence.offsets[i + 1] { addRow(sentence.hashes[f], i) }
                    for f in sentence.gazetteerOffsets[i]..<sentence.gazetteerOffsets[i + 1] {
                        addRow(sentence.gazetteerHashes[f], i)
                    }
                }
            }
        }
        return scores
    }

    /// Which label may follow which, for BIO labels (`I-X` only after `B-X` or `I-X`, never first) or BILOU
    /// labels (`I-X`, `L-X` only after `B-X` or `I-X`; `B-X` and `I-X` must be continued): `(L+1) × L`
    /// transitions, the last row for the sentence start, then `L` stops.
    static func allowedTransitions(_ labels: [String]) -> [Bool] {
        let l = labels.count
        let tags = labels.map { BIO.split($0) }
        let bilou = tags.contains { $0.tag == "L" || $0.tag == "U" }
        var allowed = [Bool](repeating: true, count: (l + 2) * l)
        for to in 0..<l {
            let (tag, type) = tags[to]
            for from in 0...l {
                let previous = from == l ? ("O", "") : tags[from]
                let open = previous.0 == "B" || previous.0 == "I"
                let continues = tag == "I" || (bilou && tag == "L")
                if continues {
                    allowed[from * l + to] = open && previous.1 == type
                } else if bilou {
                    allowed[from * l + to] = !open
                }
            }
            // A BILOU sentence cannot end inside an entity.
            allowed[(l + 1) * l + to] = !(bilou && (tag == "B" || tag == "I"))
        }
        return allowed
    }

    /// The BIO form of a label: BILOU's `U-X` is `B-X`, `L-X` is `I-X`.
    static func bioLabel(_ label: String) -> String {
        let (tag, type) = BIO.split(label)
        switch tag {
        case "U": return "B-" + type
        case "L": return "I-" + type
        default: return label
        }
    }

    /// The BILOU form of BIO labels (already repaired).
    static func bilou(_ labels: [String]) -> [String] {
        labels.enumerated().map { index, label in
            let (tag, type) = BIO.split(label)
            guard tag == "B" || tag == "I" else { return label }
            let continued = index + 1 < labels.count && labels[index + 1] == "I-" + type
            if tag == "B" { return (continued ? "B-" : "U-") + type }
            return (continued ? "I-" : "L-") + type
        }
    }

    /// The best allowed label sequence (label indices) for `count × labels` scores.
    static func viterbi(
        scores: [Float], count n: Int, labels l: Int, transitions: [Float], stops: [Float], allowed: [Bool]
    ) -> [Int] {
        let impossible = -Float.greatestFiniteMagnitude
        var best = [Float](repeating: impossible, count: n * l)
        var back = [Int32](repeating: 0, count: n * l)
        for k in 0..<l where allowed[l * l + k] {
            best[k] = transitions[l * l + k] + scores[k]
        }
        if n > 1 {
            for i in 1..<n {
                for k in 0..<l {
                    var top = impossible
                    var arg = 0
                    for j in 0..<l where allowed[j * l + k] && best[(i - 1) * l + j] > impossible {
                        let s = best[(i - 1) * l + j] + transitions[j * l + k]
                        if s > top {
                            top = s
                            arg = j
                        }
                    }
                    if top > impossible {
                        best[i * l + k] = top + scores[i * l + k]
                        back[i * l + k] = Int32(arg)
                    }
                }
            }
        }
        var last = 0
        var top = impossible
        for k in 0..<l where best[(n - 1) * l + k] > impossible && allowed[(l + 1) * l + k] {
            let s = best[(n - 1) * l + k] + stops[k]
            if s > top {
                top = s
                last = k
            }
        }
        var path = [Int](repeating: 0, count: n)
        path[n - 1] = last
        if n > 1 {
            for i in stride(from: n - 1, to: 0, by: -1) { path[i - 1] = Int(back[i * l + path[i]]) }
        }
        return path
    }
}
