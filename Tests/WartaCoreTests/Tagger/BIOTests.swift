import Testing
import WartaCore

@Suite("BIO labels")
struct BIOTests {
    @Test(
        "repair turns an I- that continues nothing into a B-",
        arguments: [
            (["O", "I-PER", "I-PER"], ["O", "B-PER", "I-PER"]),
            (["I-LOC"], ["B-LOC"]),
            (["B-PER", "I-LOC", "I-LOC"], ["B-PER", "B-LOC", "I-LOC"]),
            (["B-ORG", "I-ORG", "O", "I-ORG"], ["B-ORG", "I-ORG", "O", "B-ORG"]),
            (["B-PER", "X", "I-"], ["B-PER", "O", "O"]),
        ])
    func repair(input: [String], expected: [String]) {
        #expect(BIO.repair(input) == expected)
    }

    @Test("spans are half-open token ranges with their type")
    func spans() {
        let spans = BIO.spans(labels: ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "I-GPE"])
            .map { "\($0.start)-\($0.end) \($0.type)" }
        #expect(spans == ["0-2 PER", "3-4 LOC", "4-5 LOC", "5-6 ORG", "6-7 LOC"])
        #expect(BIO.spans(labels: []).isEmpty)
    }

    @Test("the score counts exact spans as score.py does")
    func score() {
        var score = NERScore()
        score.add(gold: ["B-PER", "I-PER", "O", "B-LOC"], predicted: ["B-PER", "O", "O", "B-LOC"])
        #expect(score.total.correct == 1)
        #expect(score.total.gold == 2)
        #expect(score.total.predicted == 2)
        #expect(score.total.f1 == 0.5)
    }
}
