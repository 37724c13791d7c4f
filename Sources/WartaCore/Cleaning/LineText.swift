/// One line of input with the facts the cleaning rules look at, computed once.
struct LineText: Sendable {
    /// 1-based line number in the input.
    var number: Int
    /// The line with runs of white space collapsed and the ends trimmed.
    var text: String
    /// Lower-cased ``text``: what lexicons compare against.
    var key: String
    /// The words (runs of letters and digits).
    var words: [Substring]

    init(number: Int, raw: some StringProtocol) {
        self.number = number
        self.text = Self.collapse(raw)
        self.key = Self.key(text)
        self.words = Self.words(in: text)
    }

    var wordCount: Int { words.count }

    /// Space-separated tokens: a URL counts as one.
    var tokenCount: Int { text.split(separator: " ").count }

    /// ``key`` without trailing `:`, `.`, `|` and spaces.
    var keyWithoutTrailingPunctuation: String {
        guard let last = key.unicodeScalars.last, Self.trailingPunctuation.contains(last) else { return key }
        var k = Substring(key)
        while let last = k.last, ":.|!?»>›→…".contains(last) || last == " " {
            k = k.dropLast()
        }
        return String(k)
    }

    static let trailingPunctuation = Set(":.|!?»>›→… ".unicodeScalars)

    /// Whether the line ends as a sentence does (., !, ?, a closing quote or bracket after one, an ellipsis).
    var endsLikeSentence: Bool {
        guard let last = text.last else { return false }
        if ".!?…".contains(last) { return true }
        if "\"”’'»)".contains(last) {
            let trimmed = text.dropLast().trimmingTrailingSpaces()
            if let previous = trimmed.last, ".!?…,\"”".contains(previous) { return true }
            return last != ")" && wordCount >= 6
        }
        return false
    }

    /// A paragraph of running prose: long enough and shaped like sentences.
    var isProse: Bool {
        wordCount >= 12 && (endsLikeSentence || text.contains(". ") || wordCount >= 25)
    }

    /// Share of words starting with an upper-case letter.
    var capitalisedShare: Double {
        guard !words.isEmpty else { return 0 }
        let capitalised = words.filter { $0.first.map { $0.isUppercase } ?? false }.count
        return Double(capitalised) / Double(words.count)
    }

    /// Whether every letter is upper case (and there is at least one).
    var isAllCaps: Bool {
        var letters = 0
        for c in text where c.isLetter {
            if c.isLowercase { return false }
            letters += 1
        }
        return letters > 0
    }

    static func collapse(_ raw: some StringProtocol) -> String {
        // Fast path: already collapsed (no leading, trailing or doubled spaces, no other white space).
        var clean = true
        var previousSpace = true
        for byte in raw.utf8 {
            if byte == 0x20 {
                if previousSpace { clean = false; break }
                previousSpace = true
            } else if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C || byte >= 0xC2 && byte <= 0xE3 {
                // Control white space, or a lead byte of a possible Unicode space (U+0085, U+00A0, U+2000…, U+3000).
                clean = false
                break
            } else {
                previousSpace = false
            }
        }
        if clean && !previousSpace { return String(raw) }
        var out = [UInt8]()
        out.reserveCapacity(raw.utf8.count)
        var pendingSpace = false
        for scalar in raw.unicodeScalars {
            if scalar == " " || (scalar.value < 0x80 ? (scalar.value >= 0x09 && scalar.value <= 0x0D) : isUnicodeSpace(scalar.value)) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                if scalar.value < 0x80 {
                    out.append(UInt8(truncatingIfNeeded: scalar.value))
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// White space beyond ASCII (Unicode's White_Space property).
    @inline(__always) static func isUnicodeSpace(_ v: UInt32) -> Bool {
        v == 0x85 || v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000
    }

    static func key(_ text: String) -> String {
        lowercased(collapse(text))
    }

    /// `text.lowercased()`, without the per-scalar work for ASCII and for scalars that lower-casing leaves alone.
    static func lowercased(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var changed = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A {
                    out.append(UInt8(v) | 0x20)
                    changed = true
                } else {
                    out.append(UInt8(v))
                }
            } else if scalar.properties.changesWhenLowercased {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                changed = true
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    static func words(in text: String) -> [Substring] {
        var result = [Substring]()
        var start: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let s = scalars[index]
            if WordTokens.isWordScalar(s) || (s.value >= 0x300 && start != nil && s.properties.generalCategory == .nonspacingMark) {
                if start == nil { start = index }
            } else if let first = start {
                result.append(text[first..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let first = start { result.append(text[first...]) }
        return result
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
