/// Splits text into sentences, as ranges of Unicode-scalar offsets (the offsets of ``Document/text``).
///
/// A line break always ends a sentence; inside a paragraph a sentence ends at `.`, `!` or `?` (and closing quotes
/// after it) followed by white space and a capital letter, digit or opening quote, unless the word before the
/// stop is an abbreviation ("Tn.", "Dr.", "U.S.") or a single initial.
public enum Sentences {
    static let abbreviations: Set<String> = [
        "tn", "ny", "nn", "dr", "drs", "prof", "ir", "h", "hj", "jl", "no", "dll", "dsb", "dkk", "st", "mr", "mrs", "ms",
        "gen", "lt", "col", "sgt", "capt", "rev", "jr", "sr", "u.s", "u.n", "a.s", "vs", "sdr", "bpk", "kol", "letjen",
        "mayjen", "brigjen", "jend", "kapt", "sept", "oct", "nov", "dec", "jan", "feb", "mar", "apr", "aug", "no", "p",
        "s.h", "m.si", "s.e", "s.ip", "m.a", "ph.d", "inc", "ltd", "co", "corp", "ft", "mt",
    ]

    public static func ranges(in text: String) -> [Range<Int>] {
        ranges(in: Array(text.unicodeScalars))
    }

    public static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result = [Range<Int>]()
        var start = 0
        func close(_ end: Int) {
            var s = start
            var e = end
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if s < e { result.append(s..<e) }
            start = end
        }
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            if c == "\n" {
                close(i)
                start = i + 1
                i += 1
                continue
            }
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < n, "\"'\u{201D}\u{2019})".unicodeScalars.contains(scalars[j]) { j += 1 }
                guard j < n, scalars[j] == " " else {
                    i += 1
                    continue
                }
                var k = j
                while k < n, scalars[k] == " " { k += 1 }
                guard k < n else {
                    i += 1
                    continue
                }
                let next = scalars[k]
                let opensSentence = NERTokenizer.isUppercase(next) || NERTokenizer.isDigit(next) || (next.value >= 0x80 && next.properties.numericType != nil)
                    || "\"'\u{201C}\u{2018}(".unicodeScalars.contains(next)
                if opensSentence && !(c == "." && endsAbbreviation(scalars, before: i)) {
                    close(j)
                    i = k
                    continue
                }
            }
            i += 1
        }
        close(n)
        return result
    }

    /// Whether the word ending just before the dot at `dot` is an abbreviation or an initial.
    static func endsAbbreviation(_ scalars: [Unicode.Scalar], before dot: Int) -> Bool {
        var s = dot
        while s > 0, scalars[s - 1].properties.isAlphabetic || scalars[s - 1] == "." { s -= 1 }
        let word = String(String.UnicodeScalarView(scalars[s..<dot])).lowercased()
        if word.isEmpty { return false }
        if word.count == 1, NERTokenizer.isUppercase(scalars[s]) { return true }
        return abbreviations.contains(word)
    }
}
