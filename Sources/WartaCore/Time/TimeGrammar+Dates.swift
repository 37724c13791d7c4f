/// Dates: numeric forms, day-month-year, month-day-year, weekdays, "tanggal", parts of day.
extension TimeGrammar {
    // MARK: - Building blocks: the date itself, without the words around it

    /// `2023-09-17`, `17/9/2023`, `17-09-2023`, `17.09.2023`, `17/9/23`; with `allowShort` also `17/9`
    /// (Indonesian news writes "Rabu (13/9)").
    func numericDate(at i: Int, allowShort: Bool) -> (DateParts, Int)? {
        guard let a = tok(i), a.isNumber, startsFree(i), let sep = tok(i + 1), touches(i + 1),
              sep.isDash || sep.isPunct("/") || sep.isPunct(".") else { return nil }
        if a.length == 4 {
            guard (1000...2999).contains(a.value), !sep.isPunct(".") || tok(i + 2)?.length == 2,
                  let m = number(at: i + 2, digits: 1...2, in: 1...12), touches(i + 2),
                  let sep2 = tok(i + 3), touches(i + 3), sep2.value == sep.value,
                  let d = number(at: i + 4, digits: 1...2, in: 1...31), touches(i + 4),
                  CalendarMath.isValid(day: d, month: m, year: a.value) else { return nil }
            var parts = DateParts(year: a.value, month: m, day: d)
            var end = i + 5
            if let t = tok(end), t.isWord, t.value == 0x74, touches(end), let (clock, e) = isoClock(at: end + 1) {
                parts.clock = clock
                end = e
            }
            return endsFree(end) ? (parts, end) : nil
        }
        guard a.length <= 2, let m = number(at: i + 2, digits: 1...2, in: 1...12), touches(i + 2) else { return nil }
        let d = a.value
        if let sep2 = tok(i + 3), touches(i + 3), sep2.value == sep.value,
           let y = tok(i + 4), y.isNumber, touches(i + 4), y.length == 4 || (y.length == 2 && !sep.isPunct(".")) {
            guard endsFree(i + 5) else { return nil }
            let year = y.length == 4 ? y.value : (y.value < 50 ? 2000 + y.value : 1900 + y.value)
            guard (1000...2999).contains(year), CalendarMath.isValid(day: d, month: m, year: year) else { return nil }
            return (DateParts(year: year, month: m, day: d), i + 5)
        }
        if allowShort, sep.isPunct("/"), endsFree(i + 3), CalendarMath.isValid(day: d, month: m, year: nil) {
            return (DateParts(month: m, day: d), i + 3)
        }
        return nil
    }

    /// A year in digits after a date: four digits, not a count ("5 Mei, 2000 orang").
    func yearAt(_ i: Int) -> Int? {
        guard let y = number(at: i, digits: 4...4, in: 1000...2999), endsFree(i + 1),
              tok(i + 1)?.keyword != .countNoun else { return nil }
        return y
    }

    /// A month word usable here: abbreviations and everyday words ("May", "Mar") only capitalized.
    func monthWord(at i: Int) -> Int? {
        guard let t = tok(i), t.isWord, let info = t.info, info.month > 0 else { return nil }
        if info.monthNeedsNumber && !t.capitalized { return nil }
        return Int(info.month)
    }

    /// Skips the dot after an abbreviated month ("Sept.").
    private func afterMonth(_ i: Int) -> Int {
        if isPunct(i + 1, "."), touches(i + 1), tok(i)?.info?.monthNeedsNumber == true { return i + 2 }
        return i + 1
    }

    /// "17 September 2023", "17 Sept. 2023", "17th of September", "18 Juli", "13 Juni tahun lalu".
    func dayMonthYear(at i: Int, afterDash: Bool = false) -> (DateParts, Int)? {
        guard let d = dayNumber(at: i), afterDash || startsFree(i) else { return nil }
        var j = i + 1
        if isKeyword(j, .ordinalSuffix), touches(j) {
            j += 1
        } else if !endsFree(j) {
            return nil
        }
        if english, isKeyword(j, .of) { j += 1 }
        guard let m = monthWord(at: j) else { return nil }
        j = afterMonth(j)
        var parts = DateParts(month: m, day: d)
        var k = j
        if isPunct(k, ",") { k += 1 }
        if let y = yearAt(k) {
            parts.year = y
            j = k + 1
        } else if let (offset, e) = relativeYearWords(at: j) {
            parts.relativeYear = offset
            j = e
        }
        guard CalendarMath.isValid(day: d, month: m, year: parts.year) else { return nil }
        return (parts, j)
    }

    /// "September 17, 2023", "Sept. 17", "November 2014", "Juli 2023".
    /// A month and a day without a year only in English text ("Juli 18 orang" is a count).
    func monthDayYear(at i: Int) -> (DateParts, Int)? {
        guard let m = monthWord(at: i) else { return nil }
        let j = afterMonth(i)
        if let d = dayNumber(at: j), !touches(j) {
            var k = j + 1
            if isKeyword(k, .ordinalSuffix), touches(k) {
                k += 1
            } else if !endsFree(k) && !(english && tok(k)?.isDash == true) {
                return nil
            }
            guard tok(k)?.keyword != .countNoun else { return nil }
            var parts = DateParts(month: m, day: d)
            var end = k
            var q = k
            if isPunct(q, ",") { q += 1 }
            if let y = yearAt(q) {
                parts.year = y
                end = q + 1
            } else if !english {
                return nil
            }
            guard CalendarMath.isValid(day: d, month: m, year: parts.year) else { return nil }
            return (parts, end)
        }
        if let y = yearAt(j) { return (DateParts(year: y, month: m), j + 1) }
        return nil
    }

    /// The longest date of any written form at `i`.
    func anyDate(at i: Int, allowShort: Bool) -> (DateParts, Int)? {
        var best: (DateParts, Int)?
        for candidate in [numericDate(at: i, allowShort: allowShort), dayMonthYear(at: i), monthDayYear(at: i)] {
            if let c = candidate, c.1 > (best?.1 ?? i) { best = c }
        }
        return best
    }

    /// "tahun lalu", "tahun ini", "tahun depan" (or "last year" in English) after a month: the year's offset.
    func relativeYearWords(at i: Int) -> (Int, Int)? {
        if english {
            guard let k = tok(i)?.keyword, tok(i + 1)?.unit == .year else { return nil }
            switch k {
            case .last: return (-1, i + 2)
            case .this: return (0, i + 2)
            case .next: return (1, i + 2)
            default: return nil
            }
        }
        guard tok(i)?.unit == .year, let (lean, e) = leanWord(at: i + 1) else { return nil }
        switch lean {
        case .past: return (-1, e)
        case .future: return (1, e)
        default: return (0, e)
        }
    }

    // MARK: - Patterns

    /// Dates that start with a number: "17 September 2023", "17/9/2023", "25-27 Juli", "25 Juli - 2 Agustus 2023".
    func matchNumberDate(at i: Int) -> TimeMatch? {
        if let d1 = dayNumber(at: i), startsFree(i), let t = tok(i + 1), t.isDash || t.keyword == .until {
            if let (p2, e) = dayMonthYear(at: i + 2, afterDash: true), let d2 = p2.day, let m = p2.month, d1 < d2, p2.relativeYear == nil,
               CalendarMath.isValid(day: d1, month: m, year: p2.year) {
                let p1 = DateParts(year: p2.year, month: m, day: d1)
                return TimeMatch(first: i, end: e, expression: .range(p1, p2))
            }
        }
        // "pada 29/12", "sejak 1/10": a short day/month after a word that introduces a date.
        let cued = isCue(i - 1) && !isKeyword(i - 1, .start) && !isKeyword(i - 1, .end)
        guard let (parts, e) = anyDate(at: i, allowShort: cued) else { return nil }
        if parts.day != nil, let t = tok(e), t.isDash || t.keyword == .until,
           let (p2, e2) = anyDate(at: e + 1, allowShort: false), p2.day != nil, p2.month != nil {
            var p1 = parts
            if p1.year == nil { p1.year = p2.year }
            return TimeMatch(first: i, end: e2, expression: .range(p1, p2))
        }
        return finishDay(parts, first: i, end: e)
    }

    /// Dates that start with a month name: "September 17, 2023", "November 2014", "Juli-Agustus 2023",
    /// and a month alone where a word marks it as a date ("pada Juni", "Juni lalu", "bulan Juni").
    func matchMonth(at i: Int, cued: Bool) -> TimeMatch? {
        guard let t = tok(i), let info = t.info, info.month > 0 else { return nil }
        if let m1 = monthWord(at: i), let dash = tok(i + 1), dash.isDash, let m2 = monthWord(at: i + 2), m1 < m2,
           let y = yearAt(i + 3) {
            return TimeMatch(first: i, end: i + 4,
                             expression: .range(DateParts(year: y, month: m1), DateParts(year: y, month: m2)))
        }
        if let (parts, e) = monthDayYear(at: i) {
            // "Oct. 18-21", "July 3-5, 2023"
            if english, let d1 = parts.day, let m = parts.month, let dash = tok(e), dash.isDash, touches(e) || dash.value != 0x2D,
               let d2 = dayNumber(at: e + 1), d2 > d1, endsFree(e + 2) {
                var end = e + 2
                var year = parts.year
                if year == nil {
                    var q = end
                    if isPunct(q, ",") { q += 1 }
                    if let y = yearAt(q) {
                        year = y
                        end = q + 1
                    }
                }
                if CalendarMath.isValid(day: d2, month: m, year: year) {
                    return TimeMatch(first: i, end: end, expression: .range(DateParts(year: year, month: m, day: d1),
                                                                            DateParts(year: year, month: m, day: d2)))
                }
            }
            return finishDay(parts, first: i, end: e)
        }
        if info.monthNeedsCue {
            // "in May", "since March": capitalized, after a cue, not at the head of a sentence.
            guard english, t.capitalized, isCue(i - 1) || cued else { return nil }
            var parts = DateParts(month: Int(info.month))
            var end = i + 1
            if let (offset, e) = relativeYearWords(at: end) {
                parts.relativeYear = offset
                end = e
            }
            return TimeMatch(first: i, end: end, expression: .date(parts))
        }
        guard !info.monthNeedsNumber else { return nil }
        var parts = DateParts(month: Int(info.month))
        var end = i + 1
        if let (offset, e) = relativeYearWords(at: end) {
            parts.relativeYear = offset
            end = e
        } else if !english, let (lean, e) = leanWord(at: end) {
            parts.lean = lean
            end = e
        } else if !(cued || isCue(i - 1)) {
            return nil
        }
        return TimeMatch(first: i, end: end, expression: .date(parts))
    }

    /// A word that introduces a date: "pada", "sejak", "hingga", "in", "since", "awal", "early".
    func isCue(_ i: Int) -> Bool {
        guard let k = tok(i)?.keyword else { return false }
        switch k {
        case .cue, .until, .start, .end, .middle: return true
        default: return false
        }
    }

    /// A weekday, with its date when one follows: "Minggu (17/9/2023)", "Rabu, (13/9/2023)",
    /// "Jumat, 20 Oktober 2023", "Sunday, Sept. 17", "Rabu", "Senin lalu", "Senin pekan depan".
    func matchWeekday(at i: Int, forced: Bool) -> TimeMatch? {
        guard let t = tok(i), let info = t.info, info.weekday > 0 else { return nil }
        if !forced && !isWeekdayReading(i) { return nil }
        let weekday = Int(info.weekday)
        var j = i + 1
        if isPunct(j, ",") { j += 1 }
        if isPunct(j, "(") {
            if let (d, e) = anyDate(at: j + 1, allowShort: true), d.day != nil, isPunct(e, ")") {
                var parts = d
                parts.weekday = weekday
                return finishDay(parts, first: i, end: e + 1)
            }
        } else if let (d, e) = anyDate(at: j, allowShort: false), d.day != nil {
            var parts = d
            parts.weekday = weekday
            return finishDay(parts, first: i, end: e)
        }
        guard !info.weekdayNeedsDate, !english || t.capitalized else { return nil }
        // "Senin-Jumat", "Senin hingga Jumat": a span of every week, not a date.
        if let d = tok(i + 1), d.isDash || d.keyword == .until, (tok(i + 2)?.weekday ?? 0) > 0 {
            return TimeMatch(first: i, end: i + 3, expression: .vague)
        }
        // A capitalized word before a weekday alone makes it a name ("Pasar Minggu", "Black Friday"),
        // unless a part of the day or "lalu"/"ini" follows ("kata Handanu Senin malam").
        if let p = tok(i - 1), p.isWord, p.capitalized, english ? p.keyword == .holidayPrefix : p.info == nil {
            let next = tok(i + 1)
            let timeFollows = next?.info?.partOfDay != nil || next?.keyword == .dini || next?.unit == .week
                || leanWord(at: i + 1) != nil
            if english || !timeFollows { return nil }
        }
        var parts = DateParts(weekday: weekday)
        var end = i + 1
        if !english {
            if tok(i + 1)?.unit == .week, let k = tok(i + 2)?.keyword {
                switch k {
                case .ago, .yesterday: parts.lean = .previousWeek; end = i + 3
                case .next: parts.lean = .nextWeek; end = i + 3
                case .this: parts.lean = .current; end = i + 3
                default: break
                }
            } else if let (lean, e) = leanWord(at: i + 1) {
                parts.lean = lean
                end = e
                // "Sabtu kemarin (14/9/2019)": the date after all.
                if isPunct(e, "("), let (d, de) = anyDate(at: e + 1, allowShort: true), d.day != nil, isPunct(de, ")") {
                    var dated = d
                    dated.weekday = weekday
                    return finishDay(dated, first: i, end: de + 1)
                }
            }
        }
        let m = finishDay(parts, first: i, end: end)
        // "Sabtu dini hari (14/9/2019)": the date after all.
        if isPunct(m.end, "("), case .date(let said) = m.expression,
           let (d, de) = anyDate(at: m.end + 1, allowShort: true), d.day != nil, isPunct(de, ")") {
            var dated = d
            dated.weekday = weekday
            dated.partOfDay = said.partOfDay
            dated.clock = said.clock
            return TimeMatch(first: i, end: de + 1, expression: .date(dated))
        }
        return m
    }

    /// "Minggu" is Sunday or a week: Sunday when capitalized inside a sentence, or at the head of
    /// one unless "lalu", "depan" or "ini" follows ("Minggu lalu, ..." is last week).
    func isWeekdayReading(_ i: Int) -> Bool {
        guard let t = tok(i) else { return false }
        guard t.unit == .week else { return true }
        guard t.capitalized else { return false }
        return !(sentenceStart(i) && leanWord(at: i + 1) != nil)
    }

    /// "tanggal 17 September 2023", "Tanggal 10 Agustus", "tanggal 24 kemarin" (a day of the current month).
    func matchTanggal(at i: Int) -> TimeMatch? {
        let j = i + 1
        if let m = matchNumberDate(at: j) {
            var m2 = m
            m2.first = i
            return m2
        }
        if let (parts, e) = numericDate(at: j, allowShort: true) { return finishDay(parts, first: i, end: e) }
        guard let d = dayNumber(at: j), startsFree(j), endsFree(j + 1) else { return nil }
        var parts = DateParts(day: d)
        var end = j + 1
        if let (lean, e) = leanWord(at: end) {
            parts.lean = lean
            end = e
        }
        return finishDay(parts, first: i, end: end)
    }

    /// A part of the day before a date: "malam 13 September", "pagi hari tanggal 5".
    func matchPartOfDayLed(at i: Int) -> TimeMatch? {
        guard !english, let pod = tok(i)?.info?.partOfDay else { return nil }
        var j = i + 1
        if isKeyword(j, .hari) { j += 1 }
        let inner = isKeyword(j, .tanggal) ? matchTanggal(at: j) : matchNumberDate(at: j)
        guard let m = inner, case .date(var parts) = m.expression, parts.day != nil else { return nil }
        parts.partOfDay = pod
        return TimeMatch(first: i, end: m.end, expression: .date(parts))
    }

    /// "setiap 17 Agustus", "every Monday": a recurring day names no single date; read and dropped.
    func matchEvery(at i: Int) -> TimeMatch? {
        var j = i + 1
        if isKeyword(j, .tanggal) || isKeyword(j, .hari) { j += 1 }
        guard let m = matchNumberDate(at: j) ?? matchWeekday(at: j, forced: true) ?? matchMonth(at: j, cued: true)
        else { return nil }
        return TimeMatch(first: i, end: m.end, expression: .vague)
    }

    // MARK: - What may follow a day

    /// Completes a date match: a part of the day, a clock time, "waktu setempat", a trailing "lalu" or "kemarin".
    func finishDay(_ parts: DateParts, first: Int, end: Int) -> TimeMatch {
        var parts = parts
        var j = end
        if parts.isDayLevel {
            let ext = dayExtension(at: j)
            if let p = ext.partOfDay { parts.partOfDay = p }
            if let c = ext.clock { parts.clock = c }
            j = ext.end
        }
        if !english, let k = tok(j)?.keyword, k == .ago || k == .yesterday || (k == .yang && isKeyword(j + 1, .ago)) {
            if parts.year == nil && parts.lean == .none { parts.lean = .past }
            j += k == .yang ? 2 : 1
        }
        return TimeMatch(first: first, end: j, expression: .date(parts))
    }

    /// After a day: "pagi", "malam hari", "dini hari", ", pukul 18.44 WIB", "waktu setempat", "local time".
    func dayExtension(at start: Int) -> (partOfDay: PartOfDay?, clock: ClockTime?, end: Int) {
        var j = start
        var partOfDay: PartOfDay?
        if let p = tok(j)?.info?.partOfDay {
            partOfDay = p
            j += 1
            if isKeyword(j, .hari) { j += 1 }
        } else if isKeyword(j, .dini), isKeyword(j + 1, .hari) {
            partOfDay = .dawn
            j += 2
        }
        var k = j
        if isPunct(k, ",") { k += 1 }
        if isKeyword(k, .around) { k += 1 }
        if let (c, e) = clock(at: k, partOfDay: partOfDay) { return (partOfDay, c, e) }
        if isKeyword(j, .waktu), isKeyword(j + 1, .setempat) {
            j += 2
        } else if english, isKeyword(j, .local), isKeyword(j + 1, .time) {
            j += 2
        }
        return (partOfDay, nil, j)
    }
}
