/// The patterns of time expressions, matched over ``TimeToken``s by hand-written code.
///
/// The grammar reads left to right; at each token it tries every pattern that can start there
/// and keeps the longest match, then goes on after it. A match says what the text gives
/// (``TimeExpression``); anchoring to a calendar is ``TimeResolver``'s work.
///
/// Patterns live in extensions by family: dates (`+Dates`), years and quarters (`+Years`),
/// relative expressions (`+Relative`), clock times (`+Clock`), anniversaries (`+Anniversary`).
///
/// - Complexity: O(n) in the number of tokens; each pattern looks a bounded number of tokens ahead.
struct TimeGrammar: Sendable {
    let tokens: [TimeToken]
    let english: Bool

    init(tokens: [TimeToken], language: String) {
        self.tokens = tokens
        english = LanguageSet(code: language) == .en
    }

    /// Every expression in the text, in order, vague ones dropped.
    func matches() -> [TimeMatch] {
        var out: [TimeMatch] = []
        var i = 0
        while i < tokens.count {
            if var m = longestMatch(at: i) {
                i = max(m.end, i + 1)
                if case .vague = m.expression { continue }
                markGeneric(&m)
                m.future = looksForward(before: m.first)
                out.append(m)
            } else {
                i += 1
            }
        }
        return out
    }

    private func longestMatch(at i: Int) -> TimeMatch? {
        var best: TimeMatch?
        func consider(_ m: TimeMatch?) {
            if let m, m.end > (best?.end ?? i) { best = m }
        }
        let t = tokens[i]
        switch t.kind {
        case .number:
            consider(matchNumberDate(at: i))
            consider(matchYear(at: i, cued: false))
            consider(matchQuantity(at: i))
            consider(matchClockLed(at: i))
        case .word:
            if t.value == 0x71, t.capitalized { consider(matchQuarter(at: i)) }   // "Q3 2023"
            guard let info = t.info else { return best }
            if info.weekday > 0 { consider(matchWeekday(at: i, forced: false)) }
            if info.month > 0 { consider(matchMonth(at: i, cued: false)) }
            if info.partOfDay != nil { consider(matchPartOfDayLed(at: i)) }
            if info.unit != nil { consider(matchUnitLed(at: i)) }
            if info.number >= 0 || info.oneUnit != nil { consider(matchQuantity(at: i)) }
            if info.ordinal > 0 { consider(matchQuarter(at: i)) }
            if let k = info.keyword { consider(matchKeywordLed(k, at: i)) }
        case .punct, .newline:
            break
        }
        return best
    }

    private func matchKeywordLed(_ k: TimeKeyword, at i: Int) -> TimeMatch? {
        switch k {
        case .hari: return matchHari(at: i)
        case .tanggal: return matchTanggal(at: i)
        case .yesterday, .tomorrow, .lusa, .today, .keesokan: return matchDayWord(at: i)
        case .start, .end, .middle, .startOf, .endOf, .middleOf: return matchEdge(at: i)
        case .last, .next, .this, .before, .later: return english ? matchEnglishRelative(at: i) : nil
        case .the, .that: return english ? matchThe(at: i) : nil
        case .pukul, .jam, .at: return matchClockLed(at: i)
        case .quarter, .half: return matchQuarter(at: i)
        case .vague: return matchQuantity(at: i)
        case .every: return matchEvery(at: i)
        default: return nil
        }
    }

    // MARK: - Token helpers

    func tok(_ i: Int) -> TimeToken? {
        i >= 0 && i < tokens.count ? tokens[i] : nil
    }

    func isKeyword(_ i: Int, _ k: TimeKeyword) -> Bool {
        tok(i)?.info?.keyword == k
    }

    func isPunct(_ i: Int, _ s: Unicode.Scalar) -> Bool {
        tok(i)?.isPunct(s) ?? false
    }

    /// Token `i` exists and touches the token before it (no white space between).
    func touches(_ i: Int) -> Bool {
        guard let t = tok(i) else { return false }
        return !t.spaceBefore
    }

    /// A number token of `digits` digits (a range of counts) whose value lies in `range`.
    func number(at i: Int, digits: ClosedRange<Int>, in range: ClosedRange<Int>) -> Int? {
        guard let t = tok(i), t.isNumber, digits.contains(t.length), range.contains(t.value) else { return nil }
        return t.value
    }

    /// A day of the month written in digits: 1-31.
    func dayNumber(at i: Int) -> Int? {
        number(at: i, digits: 1...2, in: 1...31)
    }

    /// A number that starts a date does not continue a code or a decimal ("MH17", "1.5").
    func startsFree(_ i: Int) -> Bool {
        guard let t = tok(i) else { return false }
        if t.spaceBefore { return true }
        guard let p = tok(i - 1) else { return true }
        switch p.kind {
        case .word, .number: return false
        case .newline: return true
        case .punct: return Self.isOpening(p.value)
        }
    }

    /// A number that ends a date is not followed by more of a number or code ("2023.5", "17/9/2023/1").
    func endsFree(_ i: Int) -> Bool {
        guard let t = tok(i), !t.spaceBefore else { return true }
        switch t.kind {
        case .word:
            return t.info?.keyword == .ordinalSuffix
        case .number:
            return false
        case .newline:
            return true
        case .punct:
            if t.value == 0x2F || t.value == 0x5C || t.value == 0x25 { return false }   // / \ %
            if t.value == 0x2E || t.value == 0x2C || t.value == 0x3A || t.isDash {
                // "2023." ends a sentence; "2023.5" and "2023-24" go on.
                return !(tok(i + 1).map { $0.isNumber && !$0.spaceBefore } ?? false)
            }
            return true
        }
    }

    static func isOpening(_ v: Int) -> Bool {
        v == 0x28 || v == 0x5B || v == 0x22 || v == 0x27 || v == 0x201C || v == 0x2018 || v == 0xAB
    }

    /// The token starts a sentence: nothing before it but a line break, an end mark or an opening quote.
    func sentenceStart(_ i: Int) -> Bool {
        var j = i - 1
        while let p = tok(j), p.kind == .punct, Self.isOpening(p.value) { j -= 1 }
        guard let p = tok(j) else { return true }
        return p.endsSentence
    }

    /// "lalu", "kemarin", "depan", "ini", "yang lalu" after an expression: its lean and the end.
    func leanWord(at i: Int) -> (Lean, Int)? {
        guard let k = tok(i)?.keyword else { return nil }
        switch k {
        case .ago, .yesterday: return (.past, i + 1)
        case .next: return english ? nil : (.future, i + 1)
        case .this: return english ? nil : (.current, i + 1)
        case .yang: return isKeyword(i + 1, .ago) ? (.past, i + 2) : nil
        default: return nil
        }
    }

    /// A count written in digits (up to 4) or words: "3", "tiga", "dua belas", "dua puluh lima", "twenty-one".
    func count(at i: Int) -> (value: Int, end: Int)? {
        guard let t = tok(i) else { return nil }
        if t.isNumber {
            guard t.length <= 4, startsFree(i), endsFree(i + 1) else { return nil }
            return (t.value, i + 1)
        }
        guard let n = t.info?.number, n >= 0 else { return nil }
        var value = Int(n)
        var j = i + 1
        if value < 10, isKeyword(j, .belas) { return (10 + value, j + 1) }
        if value < 10, isKeyword(j, .puluh) {
            value *= 10
            j += 1
            if let u = tok(j)?.info?.number, u > 0, u < 10 { return (value + Int(u), j + 1) }
            return (value, j)
        }
        if english, value >= 20, value < 100, value % 10 == 0 {
            var k = j
            if tok(k)?.isDash == true, touches(k) { k += 1 }
            if let u = tok(k)?.info?.number, u >= 1, u < 10, (tok(k)?.length ?? 0) >= 3 { return (value + Int(u), k + 1) }
        }
        return (value, j)
    }

    /// The clause before token `i` looks forward in time ("akan", "will", "dijadwalkan").
    private func looksForward(before i: Int) -> Bool {
        var j = i - 1
        var steps = 0
        while let t = tok(j), steps < 8, !t.endsSentence {
            if t.info?.keyword == .future { return true }
            j -= 1
            steps += 1
        }
        return false
    }

    /// A date without a year at the head of a sentence that names it as a day of the year
    /// ("Tanggal 27 Juli dikenal sebagai Hari Kemenangan") is every year's date.
    private func markGeneric(_ m: inout TimeMatch) {
        guard case .date(var parts) = m.expression, parts.year == nil, parts.relativeYear == nil,
              parts.month != nil, parts.day != nil else { return }
        guard sentenceStart(m.first) else { return }
        var j = m.end
        if isPunct(j, ",") { j += 1 }
        guard isKeyword(j, .generic) || (tok(j)?.isWord == true && isKeyword(j + 1, .generic)) else { return }
        parts.generic = true
        m.expression = .date(parts)
    }
}
