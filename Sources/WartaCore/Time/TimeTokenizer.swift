/// Splits a text into ``TimeToken``s in one pass over its UTF-8 bytes.
///
/// Words are runs of letters (apostrophes inside a word are kept: "Jum'at"); numbers are runs
/// of ASCII digits; every other scalar that is not white space is a punctuation token of its
/// own; a run of line breaks is one newline token. Words are looked up in ``TimeLexicon``
/// as they are read, straight from the bytes.
///
/// - Complexity: O(n) in the length of the text.
struct TimeTokenizer: Sendable {
    let english: Bool

    init(language: String) {
        english = LanguageSet(code: language) == .en
    }

    func tokens(of text: String) -> [TimeToken] {
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return tokens }
        return Array(text.utf8).withUnsafeBufferPointer { scan($0) }
    }

    /// The scalar at byte `i` and its length in bytes. The bytes come from a `String`, so they are valid UTF-8.
    @inline(__always)
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        let n = b.count
        if c < 0xE0, i + 1 < n { return ((UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0, i + 2 < n {
            return ((UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F), 3)
        }
        if i + 3 < n {
            return ((UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6)
                    | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    private func scan(_ b: UnsafeBufferPointer<UInt8>) -> [TimeToken] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { key in
            key.initialize(repeating: 0)
            return scan(b, key: key)
        }
    }

    private func scan(_ b: UnsafeBufferPointer<UInt8>, key: UnsafeMutableBufferPointer<UInt8>) -> [TimeToken] {
        let lexicon = Lookup(english: english)
        var tokens: [TimeToken] = []
        tokens.reserveCapacity(b.count / 5)
        var space = true
        var i = 0          // byte offset
        var scalar = 0     // scalar offset
        let n = b.count
        while i < n {
            let (c, width) = Self.decode(b, i)
            if Self.isNewline(c) {
                if let last = tokens.last, last.kind == .newline {
                    tokens[tokens.count - 1].end = scalar + 1
                    tokens[tokens.count - 1].byteEnd = i + width
                } else {
                    tokens.append(TimeToken(kind: .newline, start: scalar, end: scalar + 1, byteStart: i, byteEnd: i + width,
                                            spaceBefore: space, value: 0, length: 1, english: english))
                }
                space = true
                i += width
                scalar += 1
            } else if Self.isSpace(c) {
                space = true
                i += width
                scalar += 1
            } else if c >= 0x30 && c <= 0x39 {
                let start = scalar
                let byteStart = i
                var value = 0
                while i < n, b[i] >= 0x30, b[i] <= 0x39 {
                    value = value < 100_000_000 ? value * 10 + Int(b[i] - 0x30) : 999_999_999
                    i += 1
                    scalar += 1
                }
                tokens.append(TimeToken(kind: .number, start: start, end: scalar, byteStart: byteStart, byteEnd: i,
                                        spaceBefore: space, value: value, length: scalar - start, english: english))
                space = false
            } else if Self.isLetter(c) {
                let start = scalar
                let byteStart = i
                var keyCount = 0
                var ascii = true
                var upper = 0
                var letters = 0
                var apostrophe = -1
                var firstUpper = false
                while i < n {
                    let (v, w) = Self.decode(b, i)
                    if Self.isLetter(v) {
                        let isUpper: Bool
                        if v < 0x80 {
                            isUpper = v <= 0x5A
                            if keyCount < 32 { key[keyCount] = UInt8(isUpper ? v + 32 : v) }
                            keyCount += 1
                        } else {
                            ascii = false
                            isUpper = Unicode.Scalar(v)?.properties.isUppercase ?? false
                        }
                        if isUpper {
                            upper += 1
                            if letters == 0 { firstUpper = true }
                        }
                        letters += 1
                    } else if Self.isApostrophe(v), letters > 0, i + w < n,
                              Self.isLetter(Self.decode(b, i + w).0) {
                        apostrophe = keyCount
                    } else {
                        break
                    }
                    i += w
                    scalar += 1
                }
                var token = TimeToken(kind: .word, start: start, end: scalar, byteStart: byteStart, byteEnd: i,
                                      spaceBefore: space, value: letters == 1 && ascii ? Int(key[0]) : 0,
                                      length: scalar - start, english: english)
                token.capitalized = firstUpper
                token.allCaps = upper == letters
                if ascii, keyCount < 32 {
                    token.lexicon = lexicon.find(UnsafeBufferPointer(key), count: keyCount, apostrophe: apostrophe)
                }
                tokens.append(token)
                space = false
            } else {
                tokens.append(TimeToken(kind: .punct, start: scalar, end: scalar + 1, byteStart: i, byteEnd: i + width,
                                        spaceBefore: space, value: Int(c), length: 1, english: english))
                space = false
                i += width
                scalar += 1
            }
        }
        return tokens
    }

    /// The lexicon tables held once per text, not fetched from their statics per word.
    private struct Lookup {
        let shapes: [Bool]
        let index: LexiconIndex
        let gated: [TimeWordInfo?]

        init(english: Bool) {
            shapes = TimeLexicon.shapes
            index = TimeLexicon.index
            gated = TimeLexicon.gated[english ? 1 : 0]
        }

        /// 1 + the lexicon index of a folded word usable in this document's language, or 0.
        func find(_ key: UnsafeBufferPointer<UInt8>, count: Int, apostrophe: Int) -> Int32 {
            var found = find(UnsafeBufferPointer(rebasing: key[0..<count]))
            if found == nil, apostrophe > 0, count == apostrophe + 1, key[apostrophe] == UInt8(ascii: "s") {
                found = find(UnsafeBufferPointer(rebasing: key[0..<apostrophe]))   // "today's"
            }
            guard let i = found, gated[i] != nil else { return 0 }
            return Int32(i + 1)
        }

        private func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
            guard key.count > 0, key.count < 32, shapes[TimeLexicon.shape(key)] else { return nil }
            return index.find(key)
        }
    }

    @inline(__always)
    static func isNewline(_ c: UInt32) -> Bool {
        c == 0x0A || c == 0x0D || c == 0x85 || c == 0x2028 || c == 0x2029
    }

    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool {
        if c == 0x20 || c == 0x09 { return true }
        if c < 0x80 { return c == 0x0B || c == 0x0C }
        switch c {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    static func isApostrophe(_ c: UInt32) -> Bool {
        c == 0x27 || c == 0x2019 || c == 0x60 || c == 0x2032
    }

    @inline(__always)
    static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        guard let s = Unicode.Scalar(c) else { return false }
        let properties = s.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
    }
}
