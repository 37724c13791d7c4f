/// Turns a sentence into the features of each token, as 64-bit hashes (see ``FeatureHash``).
///
/// Features: the word (as written, lower-cased, stripped of surrounding punctuation), its shape (`Xxxx`, `XX`,
/// `dd`, `X.X.`), prefixes and suffixes of 1–4 letters, letter trigrams inside capitalised words, case, digit,
/// hyphen and punctuation flags, the words and shapes two either side, word bigrams, lexicon classes of the words
/// before and after (a title before a person, a preposition before a place, …), the token's place in a run of
/// capitalised words and the run's first and last words, its capitalisation rate and clusters in unlabelled news
/// text, and gazetteer matches (`B-`/`I-` of the longest match, per type).
///
/// The features of a word that do not depend on its neighbours (its *own* features, ``word(_:own:)``) are kept
/// apart from those of its context (``context(of:)``): the tagger sums the weights of a word's own features once and
/// keeps the sum (``NERTagger``'s word cache), so a frequent word costs only its context features.
///
/// Gazetteer features are kept apart from the others so that training can leave them out now and then, and the
/// model does not learn to trust the gazetteer blindly.
///
/// With a ``genre`` every feature also comes as a copy private to that genre: trained on one genre's data only
/// (news), the copies learn what that data labels its own way, and the shared features what all data agrees on.
struct FeatureExtractor: Sendable {
    let lexicon: NERLexicon
    let statistics: WordStatistics
    let gazetteer: Gazetteer?
    /// The genre of the text (the ``FeatureHash/part(_:)`` of its name), if the model has features private to it:
    /// every feature then also comes as its genre's copy (``FeatureHash/copy(_:genre:)``).
    var genre: UInt64? = nil

    /// The features of a sentence: token `i`'s are `hashes[offsets[i] ..< offsets[i + 1]]`, and its gazetteer
    /// features are `gazetteerHashes[gazetteerOffsets[i] ..< gazetteerOffsets[i + 1]]`.
    struct Sentence {
        var hashes: [UInt64] = []
        var offsets: [Int] = [0]
        var gazetteerHashes: [UInt64] = []
        var gazetteerOffsets: [Int] = [0]
        var count: Int { offsets.count - 1 }
    }

    /// What the context features need to know about a word, whatever its neighbours.
    struct Word: Sendable {
        /// Punctuation the context features look for.
        enum Mark: UInt8, Sendable {
            case none, quote, openingQuote, closingQuote, openingBracket, closingBracket, dot
        }

        /// The lexicon and gazetteer form (``NERLexicon/key(_:)``).
        var key: String
        /// Part hashes of the lower-cased word and of its short shape.
        var lower: UInt64
        var shortShape: UInt64
        var flags: TokenView.Flags
        var mark: Mark
        /// Capitalisation class in unlabelled text, 0…4, or 9 if the word was not seen there.
        var capitalisation: Int
        var profile: UInt16?
        /// The cluster that the words beside this one see (the second granularity).
        var nearCluster: UInt16?
        /// Whether a lexicon phrase ends with this word, and a gazetteer name starts with it.
        var endsPhrase: Bool
        var startsName: Bool
    }

    /// Templates: the first byte of every feature hash.
    private enum T: UInt8 {
        case bias = 1, lower, raw, shape, shortShape, prefix, suffix, flag, first, firstCap
        case word, wordShape, shapeTrigram, bigramLeft, bigramRight, wordBeforeShape, shapeWordAfter
        case classBefore, classBefore2, classSelf, classAfter, capRun, capitalisation, capitalisationAround, cluster
        case clusterAround, profile, clusterShape, clusterBigram, gazetteer, gazetteerCased, gazetteerLength, titleBeforeRun, runProfile, quoted, bracketed
        case trigram, runFirst, runLast
    }

    static let sentenceStart = FeatureHash.part("<s>")
    static let sentenceEnd = FeatureHash.part("</s>")
    private static let beginPart = FeatureHash.part("B")
    private static let insidePart = FeatureHash.part("I")

    /// The hash of template `t` filled with `number`, if any, then the parts given, in order.
    @inline(__always)
    private static func hash(
        _ t: T, number: Int? = nil, _ a: UInt64? = nil, _ b: UInt64? = nil, _ c: UInt64? = nil
    ) -> UInt64 {
        var h = FeatureHash(t.rawValue)
        if let number { h.add(number: number) }
        if let a { h.add(a) }
        if let b { h.add(b) }
        if let c { h.add(c) }
        return h.value
    }

    /// All features of a sentence (as training needs them): each token's own features, then its context's.
    func features(of tokens: [String]) -> Sentence {
        var sentence = Sentence()
        var own: [[UInt64]] = []
        var words: [Word] = []
        own.reserveCapacity(tokens.count)
        words.reserveCapacity(tokens.count)
        for token in tokens {
            var hashes: [UInt64] = []
            words.append(word(token, own: &hashes))
            own.append(hashes)
        }
        let context = context(of: words)
        sentence.hashes.reserveCapacity(tokens.count * 48)
        for i in 0..<words.count {
            sentence.hashes += own[i]
            sentence.hashes += context.hashes[context.offsets[i]..<context.offsets[i + 1]]
            sentence.offsets.append(sentence.hashes.count)
        }
        let gazetteer = gazetteerFeatures(of: words)
        sentence.gazetteerHashes = gazetteer.hashes
        sentence.gazetteerOffsets = gazetteer.offsets
        return sentence
    }

    /// The word `raw` as the context features see it; its own features are appended to `own`.
    func word(_ raw: String, own: inout [UInt64]) -> Word {
        let v = TokenView(raw)
        let lower = FeatureHash.part(v.lower)
        let short = FeatureHash.part(v.shortShape)
        func add(_ t: T, number: Int? = nil, _ a: UInt64? = nil) {
            let h = Self.hash(t, number: number, a)
            own.append(h)
            if let genre { own.append(FeatureHash.copy(h, genre: genre)) }
        }

        add(.bias)
        add(.lower, lower)
        if v.raw != v.lower { add(.raw, FeatureHash.part(v.raw)) }
        add(.shape, FeatureHash.part(v.shape))
        add(.shortShape, short)
        if !v.flags.contains(.punctuation) {
            let scalars = Array(v.lower.unicodeScalars)
            for length in 1...4 where scalars.count > length {
                add(.prefix, number: length, FeatureHash.part(scalars: scalars[..<length]))
                add(.suffix, number: length, FeatureHash.part(scalars: scalars[(scalars.count - length)...]))
            }
            // Letter trigrams of names: unseen names still sound like people, places or firms.
            if v.flags.contains(.capitalised), scalars.count > 4 {
                for start in 1..<(scalars.count - 3) {
                    add(.trigram, FeatureHash.part(scalars: scalars[start..<(start + 3)]))
                }
            }
        }
        for flag in TokenView.Flags.all where v.flags.contains(flag) { add(.flag, UInt64(flag.rawValue)) }

        let capitalisation = statistics.capitalisation[v.key].map(Int.init) ?? 9
        let profile = statistics.profiles[v.key]
        let clusters = statistics.clusters[v.key] ?? []
        if !statistics.isEmpty {
            add(.capitalisation, number: capitalisation, short)
            if let profile {
                for context in WordStatistics.Context.allCases {
                    let level = WordStatistics.level(profile, context)
                    if level > 0 { add(.profile, number: context.rawValue * 4 + level, short) }
                }
            } else {
                add(.profile, number: -1, short)
            }
            for (level, id) in clusters.enumerated() { add(.cluster, number: level, UInt64(id)) }
        }

        let mark: Word.Mark
        switch v.raw {
        case "\"": mark = .quote
        case "“": mark = .openingQuote
        case "”": mark = .closingQuote
        case "(": mark = .openingBracket
        case ")": mark = .closingBracket
        case ".": mark = .dot
        default: mark = .none
        }
        return Word(
            key: v.key, lower: lower, shortShape: short, flags: v.flags, mark: mark, capitalisation: capitalisation,
            profile: profile, nearCluster: clusters.count > 1 ? clusters[1] : nil,
            endsPhrase: lexicon.endsPhrase(v.key), startsName: gazetteer?.startsName(v.key) ?? false)
    }

    /// The context features of each word of a sentence: token `i`'s are `hashes[offsets[i] ..< offsets[i + 1]]`.
    func context(of words: [Word]) -> (hashes: [UInt64], offsets: [Int]) {
        let n = words.count
        var hashes: [UInt64] = []
        hashes.reserveCapacity(n * 28)
        var offsets = [0]
        offsets.reserveCapacity(n + 1)

        // Lexicon classes of the phrase ending at each token; a lone "." (as in `Tn . Ahmad`) passes on the class
        // of the word before it.
        var classes = [UInt8](repeating: 0, count: n)
        if words.contains(where: \.endsPhrase) {
            let keys = words.map(\.key)
            for i in 0..<n where words[i].endsPhrase { classes[i] = lexicon.classes(endingAt: i, keys: keys) }
        }
        func classBefore(_ i: Int) -> UInt8 {
            var j = i - 1
            if j >= 0, words[j].mark == .dot { j -= 1 }
            return j >= 0 ? classes[j] : 0
        }

        // Runs of capitalised words.
        var runStart = [Int](repeating: 0, count: n)
        var runEnd = [Int](repeating: 0, count: n)
        var i = 0
        while i < n {
            guard words[i].flags.contains(.capitalised) else {
                runStart[i] = i
                runEnd[i] = i
                i += 1
                continue
            }
            var j = i
            while j < n, words[j].flags.contains(.capitalised) { j += 1 }
            for k in i..<j {
                runStart[k] = i
                runEnd[k] = j
            }
            i = j
        }

        // Inside quotes (titles of works are not entities) and inside brackets (often an acronym of the name
        // before them).
        var quoted = [Bool](repeating: false, count: n)
        var bracketAfter = [UInt64?](repeating: nil, count: n)
        var open = false
        var bracketShape: UInt64? = nil
        for k in 0..<n {
            switch words[k].mark {
            case .quote:
                open.toggle()
                continue
            case .openingQuote:
                open = true
                continue
            case .closingQuote:
                open = false
                continue
            case .openingBracket:
                bracketShape = k > 0 ? words[k - 1].shortShape : Self.sentenceStart
                continue
            case .closingBracket:
                bracketShape = nil
            case .none, .dot:
                break
            }
            quoted[k] = open
            bracketAfter[k] = bracketShape
        }

        func lower(_ k: Int) -> UInt64 { k < 0 ? Self.sentenceStart : k >= n ? Self.sentenceEnd : words[k].lower }
        func short(_ k: Int) -> UInt64 { k < 0 ? Self.sentenceStart : k >= n ? Self.sentenceEnd : words[k].shortShape }
        let hasStatistics = !statistics.isEmpty
        let hasProfiles = !statistics.profiles.isEmpty

        for i in 0..<n {
            let w = words[i]
            func add(_ t: T, number: Int? = nil, _ a: UInt64? = nil, _ b: UInt64? = nil, _ c: UInt64? = nil) {
                let h = Self.hash(t, number: number, a, b, c)
                hashes.append(h)
                if let genre { hashes.append(FeatureHash.copy(h, genre: genre)) }
            }
            if i == 0 {
                add(.first, number: 0, w.shortShape)
                add(.firstCap, number: w.capitalisation)
            }
            for d in [-2, -1, 1, 2] {
                add(.word, number: d, lower(i + d))
                add(.wordShape, number: d, short(i + d))
            }
            add(.shapeTrigram, short(i - 1), w.shortShape, short(i + 1))
            if quoted[i] { add(.quoted, number: 0, w.shortShape) }
            if let shape = bracketAfter[i] { add(.bracketed, shape, w.shortShape) }
            add(.bigramLeft, lower(i - 1), w.lower)
            add(.bigramRight, w.lower, lower(i + 1))
            add(.wordBeforeShape, lower(i - 1), w.shortShape)
            add(.shapeWordAfter, w.shortShape, lower(i + 1))

            let before = classBefore(i)
            let before2 = i >= 1 ? classBefore(i - 1) : 0
            let after = i + 1 < n ? classes[i + 1] : 0
            if before | before2 | classes[i] | after != 0 {
                for c in NERLexicon.WordClass.allCases {
                    if before & c.bit != 0 { add(.classBefore, number: Int(c.bit), w.shortShape) }
                    if before2 & c.bit != 0 { add(.classBefore2, number: Int(c.bit)) }
                    if classes[i] & c.bit != 0 { add(.classSelf, number: Int(c.bit)) }
                    if after & c.bit != 0 { add(.classAfter, number: Int(c.bit)) }
                }
            }
            // The title before a capitalised run reaches every word of the run (`Menteri Luar Negeri Retno …`).
            if runEnd[i] > runStart[i] {
                let length = runEnd[i] - runStart[i]
                let position = length == 1 ? 0 : i == runStart[i] ? 1 : i == runEnd[i] - 1 ? 3 : 2
                add(.capRun, number: min(length, 5) * 4 + position)
                // What the run's words are known for in unlabelled text (`Joko` after titles tells about `Widodo`).
                if hasProfiles {
                    var strongest = [Int](repeating: 0, count: WordStatistics.Context.allCases.count)
                    for k in runStart[i]..<runEnd[i] {
                        guard let profile = words[k].profile else { continue }
                        for context in WordStatistics.Context.allCases {
                            strongest[context.rawValue] = max(strongest[context.rawValue], WordStatistics.level(profile, context))
                        }
                    }
                    for (context, level) in strongest.enumerated() where level > 0 {
                        add(.runProfile, number: (context * 4 + level) * 4 + position)
                    }
                }
                // The words that open and close the run: head words of places open it (`Kecamatan …`), of
                // organisations often close it (`… FC`, `… Group`).
                add(.runFirst, number: position, words[runStart[i]].lower)
                add(.runLast, number: position, words[runEnd[i] - 1].lower)
                let title = classBefore(runStart[i])
                for c in NERLexicon.WordClass.allCases where title & c.bit != 0 {
                    add(.titleBeforeRun, number: Int(c.bit) * 4 + position)
                }
            }

            if hasStatistics {
                let left = i > 0 ? words[i - 1].capitalisation : 8
                let right = i + 1 < n ? words[i + 1].capitalisation : 8
                add(.capitalisationAround, number: (left * 10 + w.capitalisation) * 10 + right)
                for d in [-1, 1] where i + d >= 0 && i + d < n {
                    if let id = words[i + d].nearCluster { add(.clusterAround, number: d, UInt64(id)) }
                }
            }
            offsets.append(hashes.count)
        }
        return (hashes, offsets)
    }

    /// The gazetteer features of each word of a sentence (none without a gazetteer).
    func gazetteerFeatures(of words: [Word]) -> (hashes: [UInt64], offsets: [Int]) {
        let n = words.count
        guard let gazetteer, words.contains(where: \.startsName) else {
            return ([], [Int](repeating: 0, count: n + 1))
        }
        var perToken = [[UInt64]](repeating: [], count: n)
        for match in gazetteer.matches(keys: words.map(\.key), starts: words.map(\.startsName)) {
            let types = match.types.sorted().map(FeatureHash.part)
            for k in match.start..<match.end {
                let tag = k == match.start ? Self.beginPart : Self.insidePart
                for typePart in types {
                    perToken[k].append(Self.hash(.gazetteer, tag, typePart))
                    perToken[k].append(Self.hash(.gazetteerCased, tag, typePart, words[k].shortShape))
                    perToken[k].append(Self.hash(.gazetteerLength, number: min(match.end - match.start, 3), typePart))
                }
            }
        }
        var hashes: [UInt64] = []
        var offsets = [0]
        for k in 0..<n {
            hashes += perToken[k]
            if let genre { hashes += perToken[k].map { FeatureHash.copy($0, genre: genre) } }
            offsets.append(hashes.count)
        }
        return (hashes, offsets)
    }
}
