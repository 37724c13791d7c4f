/// Turns a sentence into the features of each token, as 64-bit hashes (see ``FeatureHash``).
///
/// Features: the word (as written, lower-cased, stripped of surrounding punctuation), its shape (`Xxxx`, `XX`,
/// `dd`, `X.X.`), prefixes and suffixes of 1–4 letters, letter trigrams inside capitalised words, case, digit,
/// hyphen and punctuation flags, the words and shapes two either side, word bigrams, lexicon classes of the words
/// before and after (a title before a person, a preposition before a place, …), the token's place in a run of
/// capitalised words, its capitalisation rate and clusters in unlabelled news text, and gazetteer matches
/// (`B-`/`I-` of the longest match, per type).
///
/// Gazetteer features are kept apart from the others so that training can leave them out now and then, and the
/// model does not learn to trust the gazetteer blindly.
struct FeatureExtractor: Sendable {
    let lexicon: NERLexicon
    let statistics: WordStatistics
    let gazetteer: Gazetteer?

    /// The features of a sentence: token `i`'s are `hashes[offsets[i] ..< offsets[i + 1]]`, and its gazetteer
    /// features are `gazetteerHashes[gazetteerOffsets[i] ..< gazetteerOffsets[i + 1]]`.
    struct Sentence {
        var hashes: [UInt64] = []
        var offsets: [Int] = [0]
        var gazetteerHashes: [UInt64] = []
        var gazetteerOffsets: [Int] = [0]
        var count: Int { offsets.count - 1 }
    }

    /// Templates: the first byte of every feature hash.
    private enum T: UInt8 {
        case bias = 1, lower, raw, shape, shortShape, prefix, suffix, flag, first, firstCap
        case word, wordShape, shapeTrigram, bigramLeft, bigramRight, wordBeforeShape, shapeWordAfter
        case classBefore, classBefore2, classSelf, classAfter, capRun, capitalisation, capitalisationAround, cluster
        case clusterAround, profile, clusterShape, clusterBigram, gazetteer, gazetteerCased, gazetteerLength, titleBeforeRun, runProfile, quoted, bracketed
        case trigram
    }

    func features(of tokens: [String]) -> Sentence {
        let views = tokens.map(TokenView.init)
        let keys = views.map(\.key)
        let n = views.count
        var sentence = Sentence()
        sentence.hashes.reserveCapacity(n * 48)

        // Lexicon classes of the phrase ending at each token; a lone "." (as in `Tn . Ahmad`) passes on the class
        // of the word before it.
        var classes = [UInt8](repeating: 0, count: n)
        for i in 0..<n { classes[i] = lexicon.classes(endingAt: i, keys: keys) }
        func classBefore(_ i: Int) -> UInt8 {
            var j = i - 1
            if j >= 0, views[j].raw == "." { j -= 1 }
            return j >= 0 ? classes[j] : 0
        }

        let profiles = keys.map { statistics.profiles[$0] }

        // Runs of capitalised words.
        var runStart = [Int](repeating: 0, count: n)
        var runEnd = [Int](repeating: 0, count: n)
        var i = 0
        while i < n {
            guard views[i].flags.contains(.capitalised) else {
                runStart[i] = i
                runEnd[i] = i
                i += 1
                continue
            }
            var j = i
            while j < n, views[j].flags.contains(.capitalised) { j += 1 }
            for k in i..<j {
                runStart[k] = i
                runEnd[k] = j
            }
            i = j
        }

        let capitalisation = keys.map { statistics.capitalisation[$0] }
        let clusters = keys.map { statistics.clusters[$0] }

        // Inside quotes (titles of works are not entities) and inside brackets (often an acronym of the name
        // before them).
        var quoted = [Bool](repeating: false, count: n)
        var bracketAfter = [String?](repeating: nil, count: n)
        var open = false
        var bracketShape: String? = nil
        for k in 0..<n {
            let raw = views[k].raw
            if raw == "\"" || raw == "“" || raw == "”" {
                open = raw == "”" ? false : raw == "“" ? true : !open
                continue
            }
            if raw == "(" {
                bracketShape = k > 0 ? views[k - 1].shortShape : "<s>"
                continue
            }
            if raw == ")" { bracketShape = nil }
            quoted[k] = open
            bracketAfter[k] = bracketShape
        }

        func lower(_ k: Int) -> String { k < 0 ? "<s>" : k >= n ? "</s>" : views[k].lower }
        func short(_ k: Int) -> String { k < 0 ? "<s>" : k >= n ? "</s>" : views[k].shortShape }

        for i in 0..<n {
            let v = views[i]
            func add(_ t: T, _ parts: String...) {
                var h = FeatureHash(t.rawValue)
                for part in parts { h.add(part) }
                sentence.hashes.append(h.value)
            }
            // Fixed-arity forms: variadic calls would build an array per feature.
            func add(_ t: T) { sentence.hashes.append(FeatureHash(t.rawValue).value) }
            func add(_ t: T, _ a: String) {
                var h = FeatureHash(t.rawValue)
                h.add(a)
                sentence.hashes.append(h.value)
            }
            func add(_ t: T, _ a: String, _ b: String) {
                var h = FeatureHash(t.rawValue)
                h.add(a)
                h.add(b)
                sentence.hashes.append(h.value)
            }
            func add(_ t: T, number: Int) {
                var h = FeatureHash(t.rawValue)
                h.add(number)
                sentence.hashes.append(h.value)
            }
            func add(_ t: T, number: Int, _ a: String) {
                var h = FeatureHash(t.rawValue)
                h.add(number)
                h.add(a)
                sentence.hashes.append(h.value)
            }
            func add(_ t: T, number: Int, id: Int) {
                var h = FeatureHash(t.rawValue)
                h.add(number)
                h.add(id)
                sentence.hashes.append(h.value)
            }
            func add(_ t: T, number: Int, scalars: ArraySlice<Unicode.Scalar>) {
                var h = FeatureHash(t.rawValue)
                h.add(number)
                h.add(scalars: scalars)
                sentence.hashes.append(h.value)
            }
            func add(_ t: T, number: Int, _ parts: String...) {
                var h = FeatureHash(t.rawValue)
                h.add(number)
                for part in parts { h.add(part) }
                sentence.hashes.append(h.value)
            }
            add(.bias)
            add(.lower, v.lower)
            if v.raw != v.lower { add(.raw, v.raw) }
            add(.shape, v.shape)
            add(.shortShape, v.shortShape)
            if !v.flags.contains(.punctuation) {
                let scalars = Array(v.lower.unicodeScalars)
                for length in 1...4 where scalars.count > length {
                    add(.prefix, number: length, scalars: scalars[..<length])
                    add(.suffix, number: length, scalars: scalars[(scalars.count - length)...])
                }
                // Letter trigrams of names: unseen names still sound like people, places or firms.
                if v.flags.contains(.capitalised), scalars.count > 4 {
                    for start in 1..<(scalars.count - 3) {
                        add(.trigram, number: 3, scalars: scalars[start..<(start + 3)])
                    }
                }
            }
            for flag in TokenView.Flags.all where v.flags.contains(flag) { add(.flag, number: Int(flag.rawValue)) }
            if i == 0 {
                add(.first, v.shortShape)
                add(.firstCap, number: Int(capitalisation[i] ?? 9))
            }
            for d in [-2, -1, 1, 2] {
                add(.word, number: d, lower(i + d))
                add(.wordShape, number: d, short(i + d))
            }
            add(.shapeTrigram, short(i - 1), v.shortShape, short(i + 1))
            if quoted[i] { add(.quoted, v.shortShape) }
            if let shape = bracketAfter[i] { add(.bracketed, shape, v.shortShape) }
            add(.bigramLeft, lower(i - 1), v.lower)
            add(.bigramRight, v.lower, lower(i + 1))
            add(.wordBeforeShape, lower(i - 1), v.shortShape)
            add(.shapeWordAfter, v.shortShape, lower(i + 1))

            let before = classBefore(i)
            let before2 = i >= 1 ? classBefore(i - 1) : 0
            let after = i + 1 < n ? classes[i + 1] : 0
            for c in NERLexicon.WordClass.allCases {
                if before & c.bit != 0 { add(.classBefore, number: Int(c.bit), v.shortShape) }
                if before2 & c.bit != 0 { add(.classBefore2, number: Int(c.bit)) }
                if classes[i] & c.bit != 0 { add(.classSelf, number: Int(c.bit)) }
                if after & c.bit != 0 { add(.classAfter, number: Int(c.bit)) }
            }
            // The title before a capitalised run reaches every word of the run (`Menteri Luar Negeri Retno …`).
            if runEnd[i] > runStart[i] {
                let length = runEnd[i] - runStart[i]
                let position = length == 1 ? "S" : i == runStart[i] ? "B" : i == runEnd[i] - 1 ? "E" : "I"
                add(.capRun, number: min(length, 5), position)
                // What the run's words are known for in unlabelled text (`Joko` after titles tells about `Widodo`).
                if !statistics.profiles.isEmpty {
                    var strongest = [Int](repeating: 0, count: WordStatistics.Context.allCases.count)
                    for k in runStart[i]..<runEnd[i] {
                        guard let profile = profiles[k] else { continue }
                        for context in WordStatistics.Context.allCases {
                            strongest[context.rawValue] = max(strongest[context.rawValue], WordStatistics.level(profile, context))
                        }
                    }
                    for (context, level) in strongest.enumerated() where level > 0 {
                        add(.runProfile, number: context * 4 + level, position)
                    }
                }
                let title = classBefore(runStart[i])
                for c in NERLexicon.WordClass.allCases where title & c.bit != 0 {
                    add(.titleBeforeRun, number: Int(c.bit), position)
                }
            }

            if !statistics.isEmpty {
                add(.capitalisation, number: Int(capitalisation[i] ?? 9), v.shortShape)
                add(
                    .capitalisationAround, number: Int(i > 0 ? capitalisation[i - 1] ?? 9 : 8),
                    String(capitalisation[i] ?? 9), String(i + 1 < n ? capitalisation[i + 1] ?? 9 : 8))
                if let profile = profiles[i] {
                    for context in WordStatistics.Context.allCases {
                        let level = WordStatistics.level(profile, context)
                        if level > 0 { add(.profile, number: context.rawValue * 4 + level, v.shortShape) }
                    }
                } else {
                    add(.profile, number: -1, v.shortShape)
                }
                for (level, id) in (clusters[i] ?? []).enumerated() {
                    add(.cluster, number: level, id: Int(id))
                }
                for d in [-1, 1] where i + d >= 0 && i + d < n {
                    for (level, id) in (clusters[i + d] ?? []).enumerated() where level == 1 {
                        add(.clusterAround, number: d * 8 + level, id: Int(id))
                    }
                }
            }
            sentence.offsets.append(sentence.hashes.count)
        }

        if let gazetteer {
            var perToken = [[UInt64]](repeating: [], count: n)
            for match in gazetteer.matches(keys: keys) {
                for k in match.start..<match.end {
                    for type in match.types.sorted() {
                        let tag = k == match.start ? "B" : "I"
                        var h = FeatureHash(T.gazetteer.rawValue)
                        h.add(tag)
                        h.add(type)
                        perToken[k].append(h.value)
                        var cased = FeatureHash(T.gazetteerCased.rawValue)
                        cased.add(tag)
                        cased.add(type)
                        cased.add(views[k].shortShape)
                        perToken[k].append(cased.value)
                        var length = FeatureHash(T.gazetteerLength.rawValue)
                        length.add(min(match.end - match.start, 3))
                        length.add(type)
                        perToken[k].append(length.value)
                    }
                }
            }
            for k in 0..<n {
                sentence.gazetteerHashes.append(contentsOf: perToken[k])
                sentence.gazetteerOffsets.append(sentence.gazetteerHashes.count)
            }
        } else {
            sentence.gazetteerOffsets = [Int](repeating: 0, count: n + 1)
        }
        return sentence
    }
}
