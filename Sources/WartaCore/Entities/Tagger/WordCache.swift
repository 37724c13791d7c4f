import Synchronization

/// The words a ``NERTagger`` has seen, with what the context features need of each (``FeatureExtractor/Word``) and
/// the summed integer weights of the word's own features, one per label.
///
/// Shared by the workers of an ingest (behind a lock taken twice per sentence), bounded by `limit` words: once
/// full it keeps what it has, and new words are computed every time. A word costs about 150 bytes.
final class WordCache: Sendable {
    private struct State {
        var index: [String: Int32] = [:]
        var words: [FeatureExtractor.Word] = []
        var sums: [Int32] = []
    }

    let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = limit
    }

    /// Fills `words[i]` and `sums[i * labels ..< (i + 1) * labels]` for each token the cache knows.
    func lookUp(_ tokens: [String], labels l: Int, words: inout [FeatureExtractor.Word?], sums: inout [Int32]) {
        guard limit > 0 else { return }
        state.withLock { state in
            guard !state.words.isEmpty else { return }
            for i in tokens.indices {
                guard let found = state.index[tokens[i]] else { continue }
                let entry = Int(found)
                words[i] = state.words[entry]
                for k in 0..<l { sums[i * l + k] = state.sums[entry * l + k] }
            }
        }
    }

    /// Keeps words not yet known, while there is room.
    func store(_ entries: [(token: String, word: FeatureExtractor.Word, sums: [Int32])]) {
        guard limit > 0 else { return }
        state.withLock { state in
            for entry in entries where state.words.count < limit && state.index[entry.token] == nil {
                state.index[entry.token] = Int32(state.words.count)
                state.words.append(entry.word)
                state.sums += entry.sums
            }
        }
    }

    /// The number of words kept.
    var count: Int { state.withLock { $0.words.count } }
}
