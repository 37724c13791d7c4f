internal import Foundation

/// Groups words that are followed by the same kinds of words: predictive exchange clustering (Uszkoreit and
/// Brants 2008) over the bigrams of unlabelled text.
///
/// Each word starts in a class fixed by its frequency rank; every iteration moves each word, most frequent first,
/// to the class that most raises the likelihood of the text under P(w | v) = P(w | class(w)) · P(class(w) | v).
/// Several granularities give coarse and fine clusters. Deterministic: no randomness is used beyond the seed-free
/// initial assignment.
public struct WordClusterer {
    public var iterations: Int
    /// Called with a line of progress now and then.
    public var progress: ((String) -> Void)? = nil

    public init(seed: UInt64, iterations: Int) {
        self.iterations = iterations
    }

    /// `statistics` with clusters of every word seen `minimumCount` times or more, one clustering per granularity;
    /// then one per granularity of `reversed`, clustering by the words that come before (the text read backwards).
    public func cluster(
        builder: WordStatisticsBuilder, into statistics: WordStatistics, granularities: [Int], reversed: [Int] = [],
        minimumCount: Int
    ) -> WordStatistics {
        // Words kept: frequent enough, numbered by frequency (ties by spelling) so the result does not depend on
        // dictionary order. Rarer words fold into one "rare" word, number `kept`.
        var frequency = [Int](repeating: 0, count: builder.vocabulary.count)
        for id in builder.corpus where id >= 0 { frequency[Int(id)] += 1 }
        let names = builder.vocabulary.sorted { $0.value < $1.value }.map(\.key)
        let ranked = (0..<names.count).filter { frequency[$0] >= minimumCount }.sorted {
            frequency[$0] != frequency[$1] ? frequency[$0] > frequency[$1] : names[$0] < names[$1]
        }
        let kept = ranked.count
        var newID = [Int32](repeating: Int32(kept), count: names.count)
        for (rank, old) in ranked.enumerated() { newID[old] = Int32(rank) }
        let v = kept + 2  // + rare + sentence start
        let start = Int32(kept + 1)

        var result = statistics
        var assignments: [[UInt16]] = Array(repeating: [], count: kept)
        for backwards in [false, true] {
            let sizes = backwards ? reversed : granularities
            guard !sizes.isEmpty else { continue }
            // Bigram counts, as predecessor lists of each word (successor lists, backwards).
            var pairs: [UInt64: Int32] = [:]
            var sentence: [Int32] = []
            func flush() {
                if backwards { sentence.reverse() }
                var previous = start
                for w in sentence {
                    pairs[UInt64(previous) << 32 | UInt64(w), default: 0] += 1
                    previous = w
                }
                sentence.removeAll(keepingCapacity: true)
            }
            for id in builder.corpus {
                if id < 0 {
                    flush()
                } else {
                    sentence.append(newID[Int(id)])
                }
            }
            flush()
            var predecessors = [[(Int32, Int32)]](repeating: [], count: v)
            var count = [Int](repeating: 0, count: v)
            for (key, n) in pairs.sorted(by: { $0.key < $1.key }) {
                let w = Int32(truncatingIfNeeded: key >> 32)
                let x = Int(UInt32(truncatingIfNeeded: key))
                predecessors[x].append((w, n))
                count[x] += Int(n)
            }
            progress?("clustering \(kept) words over \(pairs.count) bigram types\(backwards ? ", backwards" : "")")
            for k in sizes {
                let classes = exchange(words: v, movable: kept, classes: k, predecessors: predecessors, count: count)
                for word in 0..<kept { assignments[word].append(UInt16(classes[word])) }
            }
        }
        var clusters: [String: [UInt16]] = [:]
        for (rank, old) in ranked.enumerated() { clusters[names[old]] = assignments[rank] }
        result.clusters = clusters
        result.granularities = granularities + reversed
        return result
    }

    private func exchange(
        words v: Int, movable: Int, classes k: Int, predecessors: [[(Int32, Int32)]], count: [Int]
    ) -> [Int] {
        @inline(__always) func f(_ x: Int32) -> Double { x > 0 ? Double(x) * log(Double(x)) : 0 }
        @inline(__always) func f(_ x: Int) -> Double { x > 0 ? Double(x) * log(Double(x)) : 0 }
        var cls = (0..<v).map { $0 % k }
        // pc[w * k + c]: how often w is followed by a word of class c; classCount[c]: words of class c.
        var pc = [Int32](repeating: 0, count: v * k)
        var classCount = [Int](repeating: 0, count: k)
        for x in 0..<v {
            classCount[cls[x]] += count[x]
            for (w, n) in predecessors[x] { pc[Int(w) * k + cls[x]] += n }
        }
        var delta = [Double](repeating: 0, count: k)
        for iteration in 1...iterations {
            var moved = 0
            let started = Date()
            for x in 0..<movable {
                let from = cls[x]
                // Take x out of its class.
                for (w, n) in predecessors[x] { pc[Int(w) * k + from] -= n }
                classCount[from] -= count[x]
                // Gain of putting x into each class.
                for c in 0..<k { delta[c] = f(classCount[c]) - f(classCount[c] + count[x]) }
                pc.withUnsafeBufferPointer { pcp in
                    for (w, n) in predecessors[x] {
                        let base = Int(w) * k
                        let fn = f(n)
                        for c in 0..<k {
                            let m = pcp[base + c]
                            if m > 0 { delta[c] += f(m + n) - f(m) - fn }
                        }
                    }
                }
                var best = from
                for c in 0..<k where delta[c] > delta[best] + 1e-9 { best = c }
                if best != from { moved += 1 }
                cls[x] = best
                for (w, n) in predecessors[x] { pc[Int(w) * k + best] += n }
                classCount[best] += count[x]
            }
            progress?(
                "\(k) classes, iteration \(iteration): \(moved) words moved in "
                    + String(format: "%.1f", Date().timeIntervalSince(started)) + " s")
            if moved == 0 { break }
        }
        return cls
    }
}
