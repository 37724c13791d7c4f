import Testing

@testable import WartaCore

@Suite("NERTagger word cache")
struct WordCacheTests {
    static let text = """
        Presiden Rusia Vladimir Putin menerima Ketua Kim Jong-un di Vladivostok, Rabu (13/9). Menurut KCNA, kedua \
        pemimpin membahas kerja sama militer. "Kami akan menjaga perdamaian," kata Tn. Kim. Menteri Luar Negeri \
        Retno Marsudi (Menlu RI) bertemu dengan Bank Mandiri dan PT Pertamina di Jakarta Selatan pada 12 Mei 2024.
        """

    static var sentences: [[String]] {
        NERTokenizer.sentences(in: text).map { $0.map(\.text) } + [["(", "(", "\"", ".", "”"], ["Zzyzx", "Qwerty"]]
    }

    @Test("scores and labels are the same with the cache cold, warm, full or switched off")
    func cacheChangesNothing() throws {
        let standard = try #require(NERTagger.standard)
        let gazetteer = standard.extractor.gazetteer
        let uncached = NERTagger(model: standard.model, gazetteer: gazetteer, cachedWords: 0)
        let cached = NERTagger(model: standard.model, gazetteer: gazetteer)
        let small = NERTagger(model: standard.model, gazetteer: gazetteer, cachedWords: 5)
        for round in 0..<2 {
            for sentence in Self.sentences {
                let expected = uncached.emissions(sentence)
                #expect(cached.emissions(sentence) == expected, "round \(round): \(sentence)")
                #expect(small.emissions(sentence) == expected, "round \(round): \(sentence)")
                #expect(cached.tag(sentence) == uncached.tag(sentence))
            }
        }
        #expect(uncached.cache.count == 0)
        #expect(small.cache.count == 5)
        let distinct = Set(Self.sentences.joined())
        #expect(cached.cache.count == distinct.count)
    }

    @Test("tagging weighs exactly the features training extracts")
    func taggingSeesTrainingFeatures() throws {
        let standard = try #require(NERTagger.standard)
        let model = standard.model
        let l = model.labels.count
        for sentence in Self.sentences {
            let features = standard.extractor.features(of: sentence)
            var sums = [Int32](repeating: 0, count: sentence.count * l)
            for i in 0..<sentence.count {
                let hashes =
                    features.hashes[features.offsets[i]..<features.offsets[i + 1]]
                    + features.gazetteerHashes[features.gazetteerOffsets[i]..<features.gazetteerOffsets[i + 1]]
                for hash in hashes {
                    guard let row = model.rows[hash] else { continue }
                    for k in 0..<l { sums[i * l + k] += Int32(model.quantized[Int(row) * l + k]) }
                }
            }
            #expect(standard.emissions(sentence) == sums.map { Float($0) * model.scale }, "\(sentence)")
        }
    }

    @Test("the feature table finds every row's weights it was built with and nothing else", arguments: [1, 13, 14, 15, 40])
    func featureTable(labels: Int) {
        var random = SplitMix64(seed: 11)
        var rows: [UInt64: Int32] = [:]
        while rows.count < 5000 { rows[random.next()] = Int32(rows.count) }
        let weights = (0..<(rows.count * labels)).map { _ in Int16(truncatingIfNeeded: random.next()) }
        let table = FeatureTable(rows, weights: weights, labels: labels)
        for (key, row) in rows {
            #expect(table.weights(key) == weights[(Int(row) * labels)..<(Int(row) * labels + labels)].map(Int32.init))
        }
        var found = 0
        for _ in 0..<20000 where table.weights(random.next()) != nil { found += 1 }
        #expect(found == 0)
    }
}
