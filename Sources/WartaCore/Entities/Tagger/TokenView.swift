/// One token as the feature extractor sees it: its forms, its shape and its flags, computed once.
struct TokenView {
    struct Flags: OptionSet {
        let rawValue: UInt16
        /// Starts with a capital letter.
        static let capitalised = Flags(rawValue: 1 << 0)
        /// A capital then at least one small letter (`Jakarta`).
        static let titleCase = Flags(rawValue: 1 << 1)
        /// Two or more letters, all capitals (`DPR`, `PDI-P`).
        static let allCaps = Flags(rawValue: 1 << 2)
        static let hasDigit = Flags(rawValue: 1 << 3)
        static let allDigits = Flags(rawValue: 1 << 4)
        static let hasHyphen = Flags(rawValue: 1 << 5)
        static let hasDot = Flags(rawValue: 1 << 6)
        /// No letter or digit at all.
        static let punctuation = Flags(rawValue: 1 << 7)
        /// Punctuation around the word (`(PKB)`, `Inc.`).
        static let wrapped = Flags(rawValue: 1 << 8)
        /// One capital letter, maybe with a dot: an initial (`M.`).
        static let initial = Flags(rawValue: 1 << 9)
        /// A small letter followed later by a capital (`iPhone`, `McDonald`).
        static let innerCapital = Flags(rawValue: 1 << 10)
        static let long = Flags(rawValue: 1 << 11)

        static let all: [Flags] = (0..<12).map { Flags(rawValue: 1 << $0) }
    }

    let raw: String
    /// The token without leading and trailing punctuation, lower-cased (`(PKB)` → `pkb`).
    let lower: String
    /// The lexicon and gazetteer form (``NERLexicon/key(_:)``).
    let key: String
    /// Capitals as X, small letters as x, digits as d, other marks as themselves; runs cut at four (`Xxxx`, `dd/dd`).
    let shape: String
    /// The shape with runs collapsed (`Xx`, `d/d`).
    let shortShape: String
    let flags: Flags

    init(_ raw: String) {
        self.raw = raw
        let scalars = Array(raw.unicodeScalars)
        var first = 0
        var last = scalars.count
        while first < last, !NERTokenizer.isWordScalar(scalars[first]) { first += 1 }
        while last > first, !NERTokenizer.isWordScalar(scalars[last - 1]) { last -= 1 }
        var flags: Flags = []
        let core: ArraySlice<Unicode.Scalar>
        if first == last {
            core = scalars[...]
            flags.insert(.punctuation)
        } else {
            core = scalars[first..<last]
            if first > 0 || last < scalars.count { flags.insert(.wrapped) }
        }

        var shape = String.UnicodeScalarView()
        var short = String.UnicodeScalarView()
        var previous: Unicode.Scalar = "\0"
        var run = 0
        var letters = 0
        var capitals = 0
        var digits = 0
        var sawSmall = false
        for (offset, c) in core.enumerated() {
            let mapped: Unicode.Scalar
            if NERTokenizer.isDigit(c) {
                mapped = "d"
                digits += 1
            } else if NERTokenizer.isUppercase(c) {
                mapped = "X"
                letters += 1
                capitals += 1
                if offset == 0 { flags.insert(.capitalised) }
                if sawSmall { flags.insert(.innerCapital) }
            } else if NERTokenizer.isLetter(c) {
                mapped = "x"
                letters += 1
                sawSmall = true
            } else {
                mapped = c
                if c == "-" { flags.insert(.hasHyphen) }
                if c == "." { flags.insert(.hasDot) }
            }
            if mapped == previous {
                run += 1
            } else {
                run = 1
                short.append(mapped)
            }
            if run <= 4 { shape.append(mapped) }
            previous = mapped
        }
        if raw.unicodeScalars.last == "." && !flags.contains(.punctuation) { flags.insert(.hasDot) }
        if flags.contains(.capitalised) && capitals < letters { flags.insert(.titleCase) }
        if letters >= 2 && capitals == letters { flags.insert(.allCaps) }
        if digits > 0 { flags.insert(.hasDigit) }
        if digits > 0 && digits == core.count { flags.insert(.allDigits) }
        if letters == 1 && capitals == 1 && core.count == 1 { flags.insert(.initial) }
        if core.count > 12 { flags.insert(.long) }
        if flags.contains(.innerCapital) && flags.contains(.allCaps) { flags.remove(.innerCapital) }

        var coreView = String.UnicodeScalarView()
        coreView.append(contentsOf: core)
        let lower = String(coreView).lowercased()
        self.lower = lower
        self.key = lower
        self.shape = String(shape)
        self.shortShape = String(short)
        self.flags = flags
    }
}
