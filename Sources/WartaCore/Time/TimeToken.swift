/// One token of a text as the time grammar sees it: a word, a run of digits, one punctuation
/// scalar, or a line break. Offsets are Unicode scalar offsets into the text; byte offsets
/// (UTF-8) are kept to cut the mention's text out again.
struct TimeToken: Sendable {
    enum Kind: UInt8, Sendable {
        case word, number, punct, newline
    }

    var kind: Kind
    /// White space (or the start of the text) comes right before the token.
    var spaceBefore: Bool
    /// Words: the first letter is upper case.
    var capitalized: Bool
    /// Words: every letter is upper case.
    var allCaps: Bool
    /// The document is English: which gated lexicon table `lexicon` points into.
    var english: Bool
    /// Words: 1 + the word's index in ``TimeLexicon``, or 0 for words it does not know.
    var lexicon: Int32
    private var length32: Int32
    var start: Int
    var end: Int
    var byteStart: Int
    var byteEnd: Int
    /// Numbers: their value, capped at 999,999,999. Punctuation: the scalar's value.
    /// One-letter ASCII words: the lower case letter's value.
    var value: Int

    init(kind: Kind, start: Int, end: Int, byteStart: Int, byteEnd: Int, spaceBefore: Bool, value: Int, length: Int,
         english: Bool) {
        self.kind = kind
        self.spaceBefore = spaceBefore
        capitalized = false
        allCaps = false
        self.english = english
        lexicon = 0
        length32 = Int32(clamping: length)
        self.start = start
        self.end = end
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.value = value
    }

    /// What the lexicon knows about the word, filtered to the document's language.
    var info: TimeWordInfo? {
        guard lexicon > 0 else { return nil }
        return TimeLexicon.gated[english ? 1 : 0][Int(lexicon) - 1]
    }

    /// Numbers: how many digits. Words: how many scalars.
    var length: Int { Int(length32) }

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isNewline: Bool { kind == .newline }

    var keyword: TimeKeyword? { info?.keyword }
    var month: Int { Int(info?.month ?? 0) }
    var weekday: Int { Int(info?.weekday ?? 0) }
    var unit: TimeUnit? { info?.unit }

    func isPunct(_ scalar: Unicode.Scalar) -> Bool {
        kind == .punct && value == Int(scalar.value)
    }

    /// A hyphen or one of the dashes used between the ends of a range.
    var isDash: Bool {
        guard kind == .punct else { return false }
        switch value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: return true
        default: return false
        }
    }

    /// Punctuation that ends a sentence.
    var endsSentence: Bool {
        kind == .newline || (kind == .punct && (value == 0x2E || value == 0x21 || value == 0x3F))
    }
}
