internal import Foundation

extension NERTrainer {
    /// Learns a linear-chain CRF by stochastic gradient descent on the regularised log-likelihood, one sentence at
    /// a time, in the seeded order. Weights are kept as `scale · v`, so that the L2 shrinking of every weight costs
    /// one multiplication a step (Bottou 2012); the learning rate decays as `η₀ / (1 + η₀·λ·t)`. Label marginals come
    /// from forward–backward over the sequences ``NERTagger/allowedTransitions(_:)`` permits.
    func crf(_ examples: [Example], features featureCount: Int, labels l: Int, seed: UInt64) -> Learned {
        let allowed = NERTagger.allowedTransitions(Self.labels)
        let impossible = -Double.infinity
        var v = [Double](repeating: 0, count: featureCount * l)
        var scale = 1.0
        var transitions = [Double](repeating: 0, count: (l + 1) * l)
        var stops = [Double](repeating: 0, count: l)
        let lambda = regularization / Double(max(examples.count, 1))
        var random = SplitMix64(seed: seed)
        var order = Array(examples.indices)
        let tokenCount = examples.reduce(0) { $0 + $1.gold.count }
        var t = 0.0

        @inline(__always) func logSumExp(_ a: Double, _ b: Double) -> Double {
            if a == impossible { return b }
            if b == impossible { return a }
            return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b))
        }

        for epoch in 1...epochs {
            random.shuffle(&order)
            var wrong = 0
            for index in order {
                let example = examples[index]
                let n = example.gold.count
                let useGazetteer = random.nextUnit() >= gazetteerDropout
                let rate = learningRate / (1 + learningRate * lambda * t)
                t += 1
                scale *= 1 - rate * lambda
                let features = (0..<n).map { example.features($0, gazetteer: useGazetteer) }

                var emissions = [Double](repeating: 0, count: n * l)
                for i in 0..<n {
                    for f in features[i] {
                        let base = Int(f) * l
                        for k in 0..<l { emissions[i * l + k] += v[base + k] }
                    }
                    for k in 0..<l { emissions[i * l + k] *= scale }
                }

                // Forward and backward, in log space.
                var alpha = [Double](repeating: impossible, count: n * l)
                var beta = [Double](repeating: impossible, count: n * l)
                for k in 0..<l where allowed[l * l + k] { alpha[k] = transitions[l * l + k] + emissions[k] }
                for i in stride(from: 1, to: n, by: 1) {
                    for k in 0..<l {
                        var sum = impossible
                        for j in 0..<l where allowed[j * l + k] && alpha[(i - 1) * l + j] > impossible {
                            sum = logSumExp(sum, alpha[(i - 1) * l + j] + transitions[j * l + k])
                        }
                        if sum > impossible { alpha[i * l + k] = sum + emissions[i * l + k] }
                    }
                }
                for k in 0..<l where allowed[(l + 1) * l + k] { beta[(n - 1) * l + k] = stops[k] }
                for i in stride(from: n - 2, through: 0, by: -1) {
                    for j in 0..<l {
                        var sum = impossible
                        for k in 0..<l where allowed[j * l + k] && beta[(i + 1) * l + k] > impossible {
                            sum = logSumExp(sum, transitions[j * l + k] + emissions[(i + 1) * l + k] + beta[(i + 1) * l + k])
                        }
                        beta[i * l + j] = sum
                    }
                }
                var z = impossible
                for k in 0..<l { z = logSumExp(z, alpha[(n - 1) * l + k] + beta[(n - 1) * l + k]) }
                guard z.isFinite else { continue }

                // Gradient: observed minus expected counts.
                let step = rate / scale
                for i in 0..<n {
                    let gold = example.gold[i]
                    var best = 0
                    var bestP = -1.0
                    for k in 0..<l {
                        let p = alpha[i * l + k] > impossible && beta[i * l + k] > impossible
                            ? exp(alpha[i * l + k] + beta[i * l + k] - z) : 0
                        if p > bestP {
                            bestP = p
                            best = k
                        }
                        let g = (k == gold ? 1.0 : 0.0) - p
                        guard abs(g) > 1e-7 else { continue }
                        for f in features[i] { v[Int(f) * l + k] += step * g }
                    }
                    if best != gold { wrong += 1 }
                    // Transitions into token i.
                    let from = i == 0 ? l : example.gold[i - 1]
                    transitions[from * l + gold] += rate
                    if i == 0 {
                        for k in 0..<l where alpha[k] > impossible && beta[k] > impossible {
                            transitions[l * l + k] -= rate * exp(alpha[k] + beta[k] - z)
                        }
                    } else {
                        for j in 0..<l where alpha[(i - 1) * l + j] > impossible {
                            for k in 0..<l where allowed[j * l + k] && beta[i * l + k] > impossible {
                                let p = exp(
                                    alpha[(i - 1) * l + j] + transitions[j * l + k] + emissions[i * l + k]
                                        + beta[i * l + k] - z)
                                transitions[j * l + k] -= rate * p
                            }
                        }
                    }
                }
                stops[example.gold[n - 1]] += rate
                for k in 0..<l where alpha[(n - 1) * l + k] > impossible && allowed[(l + 1) * l + k] {
                    stops[k] -= rate * exp(alpha[(n - 1) * l + k] + stops[k] - z)
                }

                if scale < 1e-6 {
                    for k in v.indices { v[k] *= scale }
                    scale = 1
                }
            }
            progress?(epoch, Double(wrong) / Double(max(tokenCount, 1)))
        }
        return Learned(
            weights: v.map { Float($0 * scale) }, transitions: transitions.map { Float($0) },
            stops: stops.map { Float($0) })
    }
}
