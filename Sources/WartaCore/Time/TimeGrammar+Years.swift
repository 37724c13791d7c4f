/// Years: "2014", "tahun 2020", "1950-1953", "2024/25", "1990-an", "the 1990s", quarters and halves.
extension TimeGrammar {
    /// A year in digits. Without a cue ("tahun") a bare number counts as a year only when it is
    /// 1900-2100 and reads as one: not a label ("nomor 2019", "Rp 2000"), not a count
    /// ("2000 orang"), not part of a code or a decimal.
    func matchYear(at i: Int, cued: Bool) -> TimeMatch? {
        guard let t = tok(i), t.isNumber, t.length == 4, startsFree(i) else { return nil }
        // After "pada", "sejak", "in", "since" an older year reads as one too ("born in 1889").
        let range = cued ? 1000...2999 : (isCue(i - 1) && !isKeyword(i - 1, .start) ? 1500...2100 : 1900...2100)
        guard range.contains(t.value) else { return nil }
        let year = t.value
        // Ranges: 1950-1953, 2024/2025, 2024/25.
        if let sep = tok(i + 1), touches(i + 1), sep.isDash || sep.isPunct("/"), let u = tok(i + 2), u.isNumber,
           touches(i + 2), endsFree(i + 3) {
            var other: Int?
            if u.length == 4 { other = u.value } else if u.length == 2 { other = year / 100 * 100 + u.value }
            if let y2 = other, y2 > year, y2 - year <= 200 {
                return TimeMatch(first: i, end: absorbLean(i + 3),
                                 expression: .range(DateParts(year: year), DateParts(year: y2)))
            }
            return nil
        }
        // Decades: 1990-an, 1990an, 1990s.
        if year % 10 == 0 {
            var j = i + 1
            if tok(j)?.isDash == true, touches(j) { j += 1 }
            if touches(j), let k = tok(j)?.keyword, k == .an || k == .s, endsFreeWord(j + 1) {
                return TimeMatch(first: i, end: j + 1, expression: .decade(year / 10))
            }
        }
        guard endsFree(i + 1) else { return nil }
        if !cued {
            if let next = tok(i + 1), next.keyword == .countNoun || next.isPunct("%") || next.value == 0x78 && next.isWord {
                return nil
            }
            if let prev = tok(i - 1) {
                if prev.keyword == .numberLabel || prev.isNumber { return nil }
                // A licence plate: "B 1990 PCF", "L 2014 FB".
                if prev.isWord, prev.allCaps, prev.length <= 2, let next = tok(i + 1), next.isWord, next.allCaps,
                   next.length <= 3 { return nil }
                if prev.kind == .punct, [0x24, 0x20AC, 0xA3, 0x23, 0x2116].contains(prev.value) { return nil }   // $ € £ # №
            }
        }
        return TimeMatch(first: i, end: absorbLean(i + 1), expression: .date(DateParts(year: year)))
    }

    /// "tahun 2014 ini", "1988 lalu": the words say no more than the year, but belong to the mention.
    private func absorbLean(_ i: Int) -> Int {
        guard !english, let k = tok(i)?.keyword else { return i }
        return k == .this || k == .ago ? i + 1 : i
    }

    private func endsFreeWord(_ i: Int) -> Bool {
        guard let t = tok(i), !t.spaceBefore else { return true }
        return t.kind != .word && t.kind != .number
    }

    /// "kuartal III 2023", "triwulan ke-2 2024", "semester I/2023", "Q3 2023", "the third quarter of 2023",
    /// "kuartal pertama": a quarter or a half year. Without a year only quarters count, from the anchor year.
    func matchQuarter(at i: Int) -> TimeMatch? {
        guard let t = tok(i) else { return nil }
        var j = i
        var index = 0
        var half = false
        if t.info?.ordinal ?? 0 > 0 {
            // the third quarter (of) 2023
            guard english, let k = tok(i + 1)?.keyword, k == .quarter || k == .half else { return nil }
            index = Int(t.info?.ordinal ?? 0)
            half = k == .half
            j = i + 2
            if isKeyword(j, .of) { j += 1 }
        } else if t.isWord, t.value == 0x71, let n = number(at: i + 1, digits: 1...1, in: 1...4), touches(i + 1) {
            index = n
            j = i + 2
        } else if let k = t.keyword, k == .quarter || k == .half {
            half = k == .half
            j = i + 1
            if isKeyword(j, .ke) {
                j += 1
                if tok(j)?.isDash == true { j += 1 }
            }
            if let r = tok(j)?.info?.roman, r > 0, tok(j)?.allCaps == true {
                index = Int(r)
            } else if let o = tok(j)?.info?.ordinal, o > 0 {
                index = Int(o)
            } else if let n = number(at: j, digits: 1...1, in: 1...4) {
                index = n
            } else {
                return nil
            }
            j += 1
        } else {
            return nil
        }
        guard index >= 1, index <= (half ? 2 : 4) else { return nil }
        var k = j
        if let s = tok(k), s.isDash || s.isPunct("/") || s.isPunct(",") { k += 1 }
        if tok(k)?.unit == .year { k += 1 }
        if let y = number(at: k, digits: 4...4, in: 1000...2999), endsFree(k + 1) {
            return TimeMatch(first: i, end: k + 1, expression: .quarter(year: y, index: index, half: half))
        }
        guard !half, t.keyword == .quarter || t.info?.ordinal ?? 0 > 0 else { return nil }
        return TimeMatch(first: i, end: j, expression: .quarter(year: nil, index: index, half: false))
    }
}
