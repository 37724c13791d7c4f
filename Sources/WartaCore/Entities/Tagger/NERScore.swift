/// Entity-level precision, recall and F1 of predicted BIO labels against gold ones, exact spans and types, as
/// Warta's scorer (`score.py ner`) counts them.
public struct NERScore: Sendable, Hashable, CustomStringConvertible {
    public struct Counts: Sendable, Hashable {
        public var correct = 0
        public var predicted = 0
        public var gold = 0

        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        public var f1: Double {
            let p = precision
            let r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    public private(set) var total = Counts()
    public private(set) var byType: [String: Counts] = [:]

    public init() {}

    /// Adds one sentence's gold and predicted labels.
    public mutating func add(gold: [String], predicted: [String]) {
        precondition(gold.count == predicted.count, "gold and predicted labels must be as many")
        let g = Set(BIO.spans(labels: gold).map { SpanKey(start: $0.start, end: $0.end, type: $0.type) })
        let p = Set(BIO.spans(labels: predicted).map { SpanKey(start: $0.start, end: $0.end, type: $0.type) })
        for span in g {
            byType[span.type, default: Counts()].gold += 1
            total.gold += 1
        }
        for span in p {
            byType[span.type, default: Counts()].predicted += 1
            total.predicted += 1
            if g.contains(span) {
                byType[span.type, default: Counts()].correct += 1
                total.correct += 1
            }
        }
    }

    private struct SpanKey: Hashable {
        var start: Int
        var end: Int
        var type: String
    }

    /// One line a type, then `ner: P=… R=… F1=… gold=… system=…`, as `score.py` prints.
    public var description: String {
        func f(_ x: Double) -> String {
            let scaled = Int((x * 1000).rounded())
            return "\(scaled / 1000).\(String(repeating: "0", count: 3 - String(scaled % 1000).count))\(scaled % 1000)"
        }
        var lines: [String] = []
        for type in ["PER", "ORG", "LOC"] {
            let c = byType[type] ?? Counts()
            lines.append("  \(type): P=\(f(c.precision)) R=\(f(c.recall)) F1=\(f(c.f1)) gold=\(c.gold)")
        }
        lines.append(
            "ner: P=\(f(total.precision)) R=\(f(total.recall)) F1=\(f(total.f1)) gold=\(total.gold) system=\(total.predicted)")
        return lines.joined(separator: "\n")
    }
}
