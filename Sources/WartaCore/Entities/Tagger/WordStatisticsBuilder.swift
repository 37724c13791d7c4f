/// Counts, over unlabelled text, how often each word is capitalised where a sentence does not force it, and turns
/// the counts into ``WordStatistics``.
///
/// ```swift
/// var builder = WordStatisticsBuilder()
/// for article in articles { builder.add(text: article) }
/// let statistics = builder.statistics(minimumCount: 3)
/// ```
public struct WordStatisticsBuilder {
    private var counts: [String: (total: Int, capitalised: Int)] = [:]
    /// For words in runs of capitalised words: how many runs, and how many of them had each context of
    /// ``WordStatistics/Context``.
    private var contexts: [String: [Int32]] = [:]
    private let lexicon = NERLexicon.standard
    /// Word numbers of the sentences seen, each sentence closed by -1, kept for clustering when asked for.
    private(set) var corpus: [Int32] = []
    /// Word → number, for `corpus`.
    private(set) var vocabulary: [String: Int32] = [:]
    private let keepSentences: Bool

    /// - Parameter keepSentences: keep the lookup forms of the sentences, for ``WordClusterer``.
    public init(keepSentences: Bool = false) {
        self.keepSentences = keepSentences
    }

    /// Adds raw text (an article, a paragraph).
    public mutating func add(text: String) {
        for sentence in NERTokenizer.sentences(in: text) {
            add(tokens: sentence.map(\.text))
        }
    }

    /// Adds one tokenized sentence.
    public mutating func add(tokens: [String]) {
        var keys: [String] = []
        keys.reserveCapacity(tokens.count)
        var sentenceStart = true
        for token in tokens {
            let key = NERLexicon.key(token)
            keys.append(key)
            guard let first = token.unicodeScalars.first(where: NERTokenizer.isWordScalar) else {
                // After an opening quote, a colon or a dash a capital may start a new clause.
                if Self.clauseOpeners.contains(token) { sentenceStart = true }
                continue
            }
            var entry = counts[key, default: (0, 0)]
            if !sentenceStart {
                entry.total += 1
                if NERTokenizer.isUppercase(first) { entry.capitalised += 1 }
            }
            counts[key] = entry
            sentenceStart = false
        }
        countContexts(tokens: tokens, keys: keys)
        if keepSentences {
            for key in keys {
                if let id = vocabulary[key] {
                    corpus.append(id)
                } else {
                    let id = Int32(vocabulary.count)
                    vocabulary[key] = id
                    corpus.append(id)
                }
            }
            corpus.append(-1)
        }
    }

    private static let clauseOpeners: Set<String> = ["\"", "“", "‘", "'", "(", "[", ":", "-", "–", "—", "•"]

    /// Counts the contexts of the words in each run of capitalised words: `Presiden Joko Widodo` tells that `joko`
    /// and `widodo` follow a title, `di Kabupaten Pidie` that `pidie` follows a place preposition and a place word.
    private mutating func countContexts(tokens: [String], keys: [String]) {
        let n = tokens.count
        let capitalised = tokens.map { token in
            token.unicodeScalars.first(where: NERTokenizer.isWordScalar).map(NERTokenizer.isUppercase) ?? false
        }
        var start = 0
        while start < n {
            guard capitalised[start] else {
                start += 1
                continue
            }
            var end = start
            while end < n, capitalised[end] { end += 1 }
            var before = start > 0 ? lexicon.classes(endingAt: start - 1, keys: keys) : 0
            // Head words inside the run (`Presiden`, `Kabupaten`, `Partai`) count as context of the words after.
            var first = start
            while first < end {
                let own = lexicon.classes(endingAt: first, keys: keys)
                let heads = own & (NERLexicon.WordClass.title.bit | NERLexicon.WordClass.locationCue.bit
                    | NERLexicon.WordClass.organizationCue.bit)
                guard heads != 0 else { break }
                before |= heads
                first += 1
            }
            let after = end < n ? lexicon.classes(endingAt: end, keys: keys) : 0
            for k in first..<end {
                var entry = contexts[keys[k], default: [Int32](repeating: 0, count: WordStatistics.Context.allCases.count + 1)]
                entry[0] += 1
                for context in WordStatistics.Context.allCases {
                    let bits = context.before ? before : after
                    if bits & context.wordClass.bit != 0 { entry[context.rawValue + 1] += 1 }
                }
                contexts[keys[k]] = entry
            }
            start = end
        }
    }

    /// The capitalisation class of every word seen at least `minimumCount` times where case was free.
    public func statistics(minimumCount: Int = 3) -> WordStatistics {
        var capitalisation: [String: UInt8] = [:]
        for (word, c) in counts where c.total >= minimumCount {
            capitalisation[word] = WordStatistics.capitalisationClass(capitalised: c.capitalised, of: c.total)
        }
        var profiles: [String: UInt16] = [:]
        for (word, entry) in contexts where entry[0] >= Int32(minimumCount) {
            var profile: UInt16 = 0
            for context in WordStatistics.Context.allCases {
                let ratio = Double(entry[context.rawValue + 1]) / Double(entry[0])
                let level: UInt16 = ratio < 0.03 ? 0 : ratio < 0.15 ? 1 : ratio < 0.4 ? 2 : 3
                profile |= level << UInt16(2 * context.rawValue)
            }
            profiles[word] = profile
        }
        return WordStatistics(capitalisation: capitalisation, profiles: profiles)
    }
}
