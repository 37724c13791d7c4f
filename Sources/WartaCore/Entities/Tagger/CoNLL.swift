/// Reads and writes CoNLL-style files: one token a line with its label in the last tab- (or space-) separated
/// column, a blank line between sentences.
public enum CoNLL {
    /// The sentences of a CoNLL text as (token, label) pairs. A line with one column gets the label `O`.
    ///
    /// ```swift
    /// CoNLL.read("Joko\tB-PER\nWidodo\tI-PER\n\nIa\tO\n")
    /// // [[("Joko", "B-PER"), ("Widodo", "I-PER")], [("Ia", "O")]]
    /// ```
    public static func read(_ text: String) -> [[(String, String)]] {
        var sentences: [[(String, String)]] = []
        var current: [(String, String)] = []
        for raw in CoNLL.lines(text) {
            let line = raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { sentences.append(current) }
                current = []
                continue
            }
            let columns = line.contains("\t") ? line.split(separator: "\t") : line.split(separator: " ")
            current.append((String(columns[0]), columns.count > 1 ? String(columns[columns.count - 1]) : "O"))
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// The lines of a text, whether they end in LF, CRLF or CR (a Swift `Character` holds CRLF whole, so
    /// splitting at `"\n"` alone would miss them).
    public static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// The tokens of the input to tag: the first column of each line, sentences split at blank lines.
    public static func readTokens(_ text: String) -> [[String]] {
        read(text).map { $0.map(\.0) }
    }

    /// `token<TAB>label` lines, a blank line after each sentence.
    public static func write(_ sentences: [[(String, String)]]) -> String {
        var out = ""
        for sentence in sentences {
            for (token, label) in sentence {
                out += token
                out += "\t"
                out += label
                out += "\n"
            }
            out += "\n"
        }
        return out
    }
}
