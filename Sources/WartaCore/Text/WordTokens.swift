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
        result.reserveCapacity(scalars.count / 5)
        var i = scalars.startIndex
        let end = scalars.endIndex
        var ascii = [UInt8]()
        var lowerASCII = [UInt8]()
        while i < end {
            let s = scalars[i]
            if isSpace(s) {
                i += 1
                continue
            }
            if isWordScalar(s) {
                var j = i + 1
                var allASCII = s.value < 0x80
                while j < end {
                    let next = scalars[j]
                    if isWordScalar(next) {
                        allASCII = allASCII && next.value < 0x80
                        j += 1
                    } else if j + 1 < end, next == "-" || next == "'" || next == "\u{2019}", isWordScalar(scalars[j + 1]),
                        !isPossessive(scalars, at: j)
                    {
                        allASCII = allASCII && next.value < 0x80 && scalars[j + 1].value < 0x80
                        j += 2
                    } else {
                        break
                    }
                }
                if allASCII {
                    ascii.removeAll(keepingCapacity: true)
                    lowerASCII.removeAll(keepingCapacity: true)
                    var hasUpper = false
                    for k in i..<j {
                        let byte = UInt8(truncatingIfNeeded: scalars[k].value)
                        ascii.append(byte)
                        let isUpper = byte >= 0x41 && byte <= 0x5A
                        hasUpper = hasUpper || isUpper
                        lowerASCII.append(isUpper ? byte | 0x20 : byte)
                    }
                    let text = String(decoding: ascii, as: UTF8.self)
                    let lower = hasUpper ? String(decoding: lowerASCII, as: UTF8.self) : text
                    result.append(WordToken(text: text, start: i, end: j, lower: lower, isWord: true))
                } else {
                    let text = String(String.UnicodeScalarView(scalars[i..<j]))
                    result.append(WordToken(text: text, start: i, end: j, lower: text.lowercased(), isWord: true))
                }
                i = j
            } else if isPossessive(scalars, at: i) {
                // "Korea's": the name, then "'s" as one token that is not a word.
                let text = String(String.UnicodeScalarView(scalars[i..<i + 2]))
                result.append(WordToken(text: text, start: i, end: i + 2, lower: text.lowercased(), isWord: false))
                i += 2
            } else {
                let text = String(s)
                result.append(WordToken(text: text, start: i, end: i + 1, lower: text, isWord: false))
                i += 1
            }
        }
        return result
    }

    /// An English possessive ending at `index`: an apostrophe, then "s" that ends the word ("Korea's", "Russia’s").
    @inline(__always) static func isPossessive(_ scalars: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        let apostrophe = scalars[index]
        guard apostrophe == "'" || apostrophe == "\u{2019}", index > scalars.startIndex, index + 1 < scalars.endIndex,
            isWordScalar(scalars[index - 1])
        else { return false }
        let s = scalars[index + 1]
        guard s == "s" || s == "S" else { return false }
        return index + 2 == scalars.endIndex || !isWordScalar(scalars[index + 2])
    }

    /// A letter or a digit, with a fast path for ASCII.
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return s.properties.isWhitespace
    }
}
