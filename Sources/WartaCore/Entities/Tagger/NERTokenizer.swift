/// Splits cleaned article text into sentences of tokens the way the tagger's training data is tokenized.
///
/// Words keep inner hyphens (`Jong-un`, `pejabat-pejabat`, `PDI-P`), inner apostrophes (`Ma'ruf`), numbers keep
/// their separators (`2.000`, `3,5`, `10/9/2019`), dotted abbreviations and initials keep their dots (`Tn.`, `Dr.`,
/// `M.`, `S.H.`) and web names stay whole (`Tribunnews.com`). Every other punctuation mark is a token of its own:
/// quotes, commas, brackets, a sentence's final dot. A line break always ends a sentence; within a line a sentence
/// ends at `.`, `!` or `?` (with any closing quote or bracket after it) before a capital, a digit, an opening quote
/// or the end.
///
/// ```swift
/// let sentences = NERTokenizer.sentences(in: "Kim Jong-un tiba di Seoul. \"Baik,\" katanya.")
/// // [["Kim", "Jong-un", "tiba", "di", "Seoul", "."], ["\"", "Baik", ",", "\"", "katanya", "."]]
/// ```
public enum NERTokenizer {
    /// The sentences of `text`, each a list of tokens with Unicode-scalar offsets into `text`.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func sentences(in text: String) -> [[Token]] {
        sentences(in: text, abbreviations: NERLexicon.standard.abbreviations)
    }

    /// The tokens of `text`, with no sentence split.
    public static func tokens(in text: String) -> [Token] {
        sentences(in: text).flatMap { $0 }
    }

    static func sentences(in text: String, abbreviations: Set<String>) -> [[Token]] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [[Token]] = []
        var lineStart = 0
        var index = 0
        while index <= scalars.count {
            if index == scalars.count || isLineBreak(scalars[index]) {
                let tokens = scan(scalars, from: lineStart, to: index, abbreviations: abbreviations)
                sentences.append(contentsOf: split(tokens, scalars: scalars))
                lineStart = index + 1
            }
            index += 1
        }
        return sentences
    }

    // MARK: - Tokens

    private static func scan(
        _ s: [Unicode.Scalar], from lower: Int, to upper: Int, abbreviations: Set<String>
    ) -> [Token] {
        var tokens: [Token] = []
        var i = lower
        func make(_ start: Int, _ end: Int) -> Token {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[start..<end])
            return Token(text: String(view), start: start, end: end)
        }
        func at(_ k: Int) -> Unicode.Scalar? { k >= lower && k < upper ? s[k] : nil }

        while i < upper {
            let c = s[i]
            if isSpace(c) {
                i += 1
                continue
            }
            guard isWordScalar(c) else {
                // A run of the same dot, as in an ellipsis, is one token; every other mark stands alone.
                var end = i + 1
                if c == "." { while end < upper, s[end] == "." { end += 1 } }
                tokens.append(make(i, end))
                i = end
                continue
            }
            var end = i + 1
            while end < upper {
                let d = s[end]
                if isWordScalar(d) {
                    end += 1
                    continue
                }
                guard let next = at(end + 1), isWordScalar(next) else { break }
                let previous = s[end - 1]
                let joins: Bool
                switch d {
                case "-", "\u{2010}", "\u{2011}", "'", "\u{2019}":
                    joins = true
                case ".":
                    // 2.000, 3.5, Tribunnews.com, S.H (the closing dot is added below)
                    // but not "Zulmi.Lalu", a missing space between sentences
                    joins = (isDigit(previous) && isDigit(next))
                        || (isLetter(previous) && isLetter(next) && !(isUppercase(next) && !isUppercase(previous)))
                case ",", "/", ":":
                    joins = isDigit(previous) && isDigit(next)
                default:
                    joins = false
                }
                guard joins else { break }
                end += 2
            }
            // A dot that closes an abbreviation, an initial or a dotted acronym stays with it.
            if end < upper, s[end] == ".", !(at(end + 1).map { $0 == "." } ?? false) {
                let word = make(i, end).text
                let dotted = word.unicodeScalars.contains(".")
                let initial = word.unicodeScalars.count == 1 && isUppercase(word.unicodeScalars.first!)
                    && !isSentenceEnd(after: end + 1, in: s, upper: upper)
                if dotted || initial || abbreviations.contains(word.lowercased()) {
                    end += 1
                }
            }
            tokens.append(make(i, end))
            i = end
        }
        return tokens
    }

    /// Whether nothing but spaces and closing marks follow `index` on the line.
    private static func isSentenceEnd(after index: Int, in s: [Unicode.Scalar], upper: Int) -> Bool {
        var k = index
        while k < upper {
            if !isSpace(s[k]) && !"\"”’')]".unicodeScalars.contains(s[k]) { return false }
            k += 1
        }
        return true
    }

    // MARK: - Sentences

    private static func split(_ tokens: [Token], scalars: [Unicode.Scalar]) -> [[Token]] {
        var sentences: [[Token]] = []
        var current: [Token] = []
        var openQuotes = 0
        var k = 0
        while k < tokens.count {
            let token = tokens[k]
            current.append(token)
            if token.text == "\"" { openQuotes ^= 1 }
            k += 1
            guard token.text == "." || token.text == "!" || token.text == "?" || token.text == "..." else { continue }
            // Closing quotes and brackets belong to the sentence they close.
            while k < tokens.count {
                let text = tokens[k].text
                let closes = text == ")" || text == "]" || text == "”" || text == "’"
                    || (text == "\"" && openQuotes == 1)
                guard closes else { break }
                if text == "\"" { openQuotes = 0 }
                current.append(tokens[k])
                k += 1
            }
            guard k < tokens.count else { break }
            let first = tokens[k].text.unicodeScalars.first!
            if isUppercase(first) || isDigit(first) || "\"“‘'([".unicodeScalars.contains(first) {
                sentences.append(current)
                current = []
                openQuotes = 0
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    // MARK: - Scalar classes

    @inline(__always)
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}"
    }

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c == " " || c == "\t" || c == "\u{0B}" || c == "\u{0C}" }
        return c.properties.isWhitespace || c == "\u{200B}" || c == "\u{FEFF}"
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.generalCategory == .decimalNumber
    }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    @inline(__always)
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x41 && c.value <= 0x5A }
        return c.properties.isUppercase
    }

    /// Letters, digits and combining marks: what words are made of.
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return isLetter(c) || isDigit(c) || c == "_" }
        if c.properties.isAlphabetic || c.properties.numericType != nil { return true }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
