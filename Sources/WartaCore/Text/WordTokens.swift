/// Words of a text with their Unicode-scalar offsets: runs of letters and digits (with inner hyphens, dots of
/// abbreviations and apostrophes); every other visible character is a token of its own.
public struct WordToken: Sendable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int
    /// Lower case, for matching lexicons.
    public var lower: String
    public var isWord: Bool
}

public enum WordTokens {
    public static func tokens(in scalars: ArraySlice<Unicode.Scalar>) -> [WordToken] {
        var result = [WordToken]()
        var i = scalars.startIndex
        let end = scalars.endIndex
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s.properties.numericType != nil
        }
        while i < end {
            let s = scalars[i]
            if s.properties.isWhitespace {
                i += 1
                continue
            }
            if isWordScalar(s) {
                var j = i + 1
                while j < end {
                    if isWordScalar(scalars[j]) {
                        j += 1
                    } else if j + 1 < end, "-'\u{2019}".unicodeScalars.contains(scalars[j]), isWordScalar(scalars[j + 1]) {
                        j += 2
                    } else {
                        break
                    }
                }
                let text = String(String.UnicodeScalarView(scalars[i..<j]))
                result.append(WordToken(text: text, start: i, end: j, lower: text.lowercased(), isWord: true))
                i = j
            } else {
                let text = String(s)
                result.append(WordToken(text: text, start: i, end: i + 1, lower: text, isWord: false))
                i += 1
            }
        }
        return result
    }
}
