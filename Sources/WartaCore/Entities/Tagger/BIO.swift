/// BIO label sequences: checking, repairing and reading them as entity spans.
///
/// Labels are `O`, `B-TYPE` (the first token of an entity) and `I-TYPE` (a following token of the same entity).
/// `GPE` is read as `LOC`, as Warta's scorer does.
public enum BIO {
    /// The labels with every `I-X` that does not continue an entity of type X turned into `B-X`, and anything
    /// that is not `O`, `B-…` or `I-…` turned into `O`.
    ///
    /// ```swift
    /// BIO.repair(["O", "I-PER", "I-PER", "I-LOC"])  // ["O", "B-PER", "I-PER", "B-LOC"]
    /// ```
    public static func repair(_ labels: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(labels.count)
        var open: Substring? = nil
        for label in labels {
            let (tag, type) = split(label)
            switch tag {
            case "B" where !type.isEmpty:
                result.append(label)
                open = type
            case "I" where !type.isEmpty:
                if open == type {
                    result.append(label)
                } else {
                    result.append("B-" + type)
                    open = type
                }
            default:
                result.append("O")
                open = nil
            }
        }
        return result
    }

    /// The entities in a label sequence, as half-open token ranges with their type.
    ///
    /// An `I-X` with no entity of type X open starts one, as in the CoNLL scorer.
    ///
    /// - Complexity: O(n).
    public static func spans(labels: [String]) -> [(start: Int, end: Int, type: String)] {
        var result: [(start: Int, end: Int, type: String)] = []
        var start: Int? = nil
        var kind: Substring = ""
        for (index, label) in labels.enumerated() {
            var (tag, type) = split(label)
            if type == "GPE" { type = "LOC" }
            if let open = start, !(tag == "I" && type == kind) {
                result.append((open, index, String(kind)))
                start = nil
            }
            if (tag == "B" || tag == "I") && !type.isEmpty && start == nil {
                start = index
                kind = type
            }
        }
        if let open = start { result.append((open, labels.count, String(kind))) }
        return result
    }

    /// `("B", "PER")` for `B-PER`, `("O", "")` for `O`.
    static func split(_ label: String) -> (tag: Substring, type: Substring) {
        guard let dash = label.firstIndex(of: "-") else { return (Substring(label), "") }
        return (label[..<dash], label[label.index(after: dash)...])
    }
}
