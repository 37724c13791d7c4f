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
    /// Words already tagged, with the summed weights of their own features; shared by every copy of the tagger.
    let cache: WordCache
    /// The genre whose private features this tagger adds, if any.
    public let genre: String?

    /// A tagger for `model`; a `gazetteer` adds its names as features (a model trained without one ignores it).
    /// A `genre` that the model has private features for (``NERModel/genres``, such as `news`) adds them; any
    /// other genre, or none, tags with the shared features alone. `cachedWords` bounds the word cache (0: no cache).
    public init(model: NERModel, gazetteer: Gazetteer? = nil, genre: String? = nil, cachedWords: Int = 1 << 17) {
        self.model = model
        var extractor = FeatureExtractor(lexicon: model.lexicon, statistics: model.statistics, gazetteer: gazetteer)
        if let genre, model.genres.contains(genre) {
            extractor.genre = FeatureHash.part(genre)
            self.genre = genre
        } else {
            self.genre = nil
        }
        self.extractor = extractor
        self.allowed = Self.allowedTransitions(model.labels)
        self.outputs = model.labels.map(Self.bioLabel)
        self.cache = WordCache(limit: cachedWords)
    }

    /// One BIO label for each token.
    ///
    /// - Complexity: O(n·(f + L²)) for n tokens, f features a token and L labels.
    public func tag(_ tokens: [String]) -> [String] {
        guard !tokens.isEmpty else { return [] }
        var labels = Self.viterbi(
            scores: emissions(tokens), count: tokens.count, labels: model.labels.count, transitions: model.transitions,
            stops: model.stops, allowed: allowed
        ).map { outputs[$0] }
        // An organisation's abbreviation in brackets, written as one token, is part of its name: "Mahkamah Konstitusi
        // (MK)", as the news training data writes it (34 of its 45 such tokens after a name of an organisation).
        for i in labels.indices.dropFirst()
        where labels[i] == "B-ORG" && labels[i - 1].hasSuffix("-ORG") && Self.isBracketedAbbreviation(tokens[i]) {
            labels[i] = "I-ORG"
        }
        return labels
    }

    /// "(MK)", "(Persero)": a token that opens and closes a bracket around a capitalised word.
    public static func isBracketedAbbreviation(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        guard scalars.count > 2, scalars.first == "(", scalars.last == ")" else { return false }
        let inner = scalars.dropFirst().dropLast()
        return NERTokenizer.isUppercase(inner.first!) && !inner.contains(" ") && !inner.contains("(") && !inner.contains(")")
    }

    /// The gazetteer whose names are features, if any.
    public var gazetteer: Gazetteer? { extractor.gazetteer }

    /// The entities in `labels` as half-open token ranges with their type (``BIO/spans(labels:)``).
    public func spans(labels: [String]) -> [(start: Int, end: Int, type: String)] {
        BIO.spans(labels: labels)
    }

    /// `n × L` label scores from the features' weights: each word's own features (summed once per word and
    /// cached), then its context's and the gazetteer's. The weights are summed as integers, so the scores are the
    /// same whether a word came from the cache or not.
    func emissions(_ tokens: [String]) -> [Float] {
        let n = tokens.count
        let l = model.labels.count
        var sums = [Int32](repeating: 0, count: n * l)
        var words = [FeatureExtractor.Word?](repeating: nil, count: n)
        cache.lookUp(tokens, labels: l, words: &words, sums: &sums)

        let table = model.table
        sums.withUnsafeMutableBufferPointer { out in
            let out = out.baseAddress!
            func add(_ hashes: ArraySlice<UInt64>, _ i: Int) {
                for hash in hashes { table.add(hash, into: out + i * l) }
            }
            var fresh: [Int] = []
            var own: [UInt64] = []
            for i in 0..<n where words[i] == nil {
                own.removeAll(keepingCapacity: true)
                words[i] = extractor.word(tokens[i], own: &own)
                add(own[...], i)
                fresh.append(i)
            }
            if !fresh.isEmpty {
                cache.store(fresh.map { (tokens[$0], words[$0]!, Array(UnsafeBufferPointer(start: out + $0 * l, count: l))) })
            }
            let known = words.map { $0! }
            let context = extractor.context(of: known)
            let gazetteer = extractor.gazetteerFeatures(of: known)
            for i in 0..<n {
                add(context.hashes[context.offsets[i]..<context.offsets[i + 1]], i)
                add(gazetteer.hashes[gazetteer.offsets[i]..<gazetteer.offsets[i + 1]], i)
            }
        }
        let scale = model.scale
        return sums.map { Float($0) * scale }
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
    ///
    /// Transitions that are not allowed weigh −∞, so the inner loop needs no test: a sum with −∞ never wins.
    static func viterbi(
        scores: [Float], count n: Int, labels l: Int, transitions: [Float], stops: [Float], allowed: [Bool]
    ) -> [Int] {
        let impossible = -Float.infinity
        var moves = [Float](repeating: impossible, count: (l + 1) * l)
        for index in moves.indices where allowed[index] { moves[index] = transitions[index] }
        var best = [Float](repeating: impossible, count: n * l)
        var back = [Int32](repeating: 0, count: n * l)
        for k in 0..<l { best[k] = moves[l * l + k] + scores[k] }
        if n > 1 {
            best.withUnsafeMutableBufferPointer { best in
                moves.withUnsafeBufferPointer { moves in
                    for i in 1..<n {
                        let previous = (i - 1) * l
                        for k in 0..<l {
                            var top = impossible
                            var arg = 0
                            for j in 0..<l {
                                let s = best[previous + j] + moves[j * l + k]
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
