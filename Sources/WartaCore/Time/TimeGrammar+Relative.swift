/// Relative expressions: "kemarin", "hari ini", "bulan lalu", "tiga bulan lalu", "sebulan kemudian",
/// "hari itu", "awal tahun", "last week", "two years ago", "the next day".
extension TimeGrammar {
    /// A shift of a day or more, completed with a part of the day or a clock time when it names a day.
    func finishShift(_ shift: Shift, first: Int, end: Int) -> TimeMatch {
        var shift = shift
        var j = end
        if shift.isDayLevel {
            let ext = dayExtension(at: j)
            shift.partOfDay = ext.partOfDay
            shift.clock = ext.clock
            j = ext.end
        }
        return TimeMatch(first: first, end: j, expression: .shift(shift))
    }

    private func shift(_ unit: TimeUnit, _ lean: Lean, first: Int, end: Int) -> TimeMatch? {
        let amount: Int
        switch lean {
        case .past: amount = -1
        case .future: amount = 1
        case .current: amount = 0
        default: return nil
        }
        return finishShift(Shift(unit: unit, amount: amount, base: .reference), first: first, end: end)
    }

    /// "tahun 2020", "tahun lalu", "bulan Juni", "bulan lalu", "pekan depan", "minggu ini".
    /// "tahun-tahun", "hari-hari": a plural, no single period.
    func isReduplicated(_ i: Int) -> Bool {
        guard let t = tok(i), let d = tok(i - 1), d.isDash, !d.spaceBefore, !t.spaceBefore, let p = tok(i - 2) else { return false }
        return p.isWord && p.unit == t.unit && p.length == t.length
    }

    func matchUnitLed(at i: Int) -> TimeMatch? {
        guard !english, let t = tok(i), let unit = t.unit, !isReduplicated(i) else { return nil }
        // "berusia 30 tahun ini", "66 juta tahun yang lalu": a count of units, not this year.
        if let p = tok(i - 1), p.isNumber || (p.info?.number ?? -1) >= 0 || p.keyword == .countNoun
            || p.keyword == .belas || p.keyword == .puluh || p.keyword == .vague { return nil }
        switch unit {
        case .year:
            if var m = matchYear(at: i + 1, cued: true) {
                m.first = i
                return m
            }
        case .month:
            if tok(i + 1)?.month ?? 0 > 0, var m = matchMonth(at: i + 1, cued: true) {
                m.first = i
                return m
            }
        case .week:
            // "Minggu lalu" inside a sentence is last Sunday.
            if t.weekday > 0, t.capitalized, !sentenceStart(i) { return nil }
        case .day:
            return nil
        }
        // "tahun sebelumnya", "bulan berikutnya": a unit before or after the date in question.
        if let k = tok(i + 1)?.keyword, k == .before || k == .later {
            return TimeMatch(first: i, end: i + 2,
                             expression: .shift(Shift(unit: unit, amount: k == .before ? -1 : 1, base: .context)))
        }
        guard let (lean, e) = leanWord(at: i + 1) else { return nil }
        return shift(unit, lean, first: i, end: e)
    }

    /// "hari ini", "hari itu", "hari yang sama", "hari sebelumnya", "hari berikutnya", "hari Rabu".
    func matchHari(at i: Int) -> TimeMatch? {
        guard let next = tok(i + 1), !isReduplicated(i) else { return nil }
        if next.weekday > 0, var m = matchWeekday(at: i + 1, forced: true) {
            m.first = i
            return m
        }
        switch next.keyword {
        case .this?:
            return finishShift(Shift(unit: .day, amount: 0, base: .reference), first: i, end: i + 2)
        case .that?:
            return finishShift(Shift(unit: .day, amount: 0, base: .context), first: i, end: i + 2)
        case .yang? where isKeyword(i + 2, .same):
            return finishShift(Shift(unit: .day, amount: 0, base: .context), first: i, end: i + 3)
        case .before?:
            return finishShift(Shift(unit: .day, amount: -1, base: .context), first: i, end: i + 2)
        case .later?:
            return finishShift(Shift(unit: .day, amount: 1, base: .context), first: i, end: i + 2)
        default:
            return nil
        }
    }

    /// "kemarin", "kemarin lusa", "besok", "esok hari", "esok harinya", "lusa", "keesokan harinya",
    /// "yesterday", "today", "tomorrow".
    func matchDayWord(at i: Int) -> TimeMatch? {
        guard let t = tok(i), let k = t.keyword else { return nil }
        // "USA TODAY" is a newspaper.
        if t.allCaps, t.length > 1, let p = tok(i - 1), p.isWord, p.allCaps { return nil }
        var amount = 0
        var base = ShiftBase.reference
        var end = i + 1
        switch k {
        case .yesterday:
            amount = -1
            if !english, isKeyword(i + 1, .lusa) {
                amount = -2
                end = i + 2
            }
        case .tomorrow:
            amount = 1
            if !english {
                if isKeyword(i + 1, .harinya) {
                    base = .context
                    end = i + 2
                } else if isKeyword(i + 1, .hari) {
                    end = i + 2
                }
            }
        case .lusa:
            amount = 2
        case .today:
            amount = 0
        case .keesokan:
            guard isKeyword(i + 1, .harinya) || isKeyword(i + 1, .hari) else { return nil }
            amount = 1
            base = .context
            end = i + 2
        default:
            return nil
        }
        return finishShift(Shift(unit: .day, amount: amount, base: base), first: i, end: end)
    }

    /// A count of units and a direction: "tiga bulan lalu", "3 hari lagi", "dua tahun yang lalu",
    /// "sebulan kemudian", "hampir tiga minggu kemudian", "two years ago", "a day later".
    /// With a vague count ("beberapa hari lalu", "several days ago") it is read and dropped.
    func matchQuantity(at i: Int) -> TimeMatch? {
        guard let t = tok(i) else { return nil }
        var amount = 1
        var unit: TimeUnit
        var j: Int
        var vague = false
        if let u = t.info?.oneUnit {
            unit = u
            j = i + 1
        } else if t.keyword == .vague {
            vague = true
            j = i + 1
            if isKeyword(j, .of) { j += 1 }
            guard let u = tok(j)?.unit else { return nil }
            unit = u
            j += 1
        } else if let (n, e) = count(at: i) {
            guard n <= 5000, let u = tok(e)?.unit else { return nil }
            amount = n
            unit = u
            j = e + 1
        } else {
            return nil
        }
        guard let k = tok(j)?.keyword else { return nil }
        var sign = 0
        var base = ShiftBase.reference
        var end = j + 1
        switch k {
        case .ago:
            sign = -1
        case .yesterday where !english:
            sign = -1
        case .yang where !english:
            guard isKeyword(j + 1, .ago) else { return nil }
            sign = -1
            end = j + 2
        case .fromNow:
            sign = 1
        case .later:
            sign = 1
            base = .context
        case .before:
            // English "before" only at the end of a clause: "two days before the vote" counts from the vote.
            if english, tok(j)?.length == 6, let next = tok(j + 1), next.kind == .word || next.kind == .number {
                return nil
            }
            sign = -1
            base = .context
        default:
            return nil
        }
        if vague { return TimeMatch(first: i, end: end, expression: .vague) }
        let shift = Shift(unit: unit, amount: sign * amount, base: base, precision: base == .context ? .day : nil)
        return finishShift(shift, first: i, end: end)
    }

    /// "awal bulan", "akhir tahun lalu", "pertengahan Juli", "awal 2023", "late last year", "mid-2023",
    /// "the end of the month": the period itself, the edge kept for the note.
    func matchEdge(at i: Int) -> TimeMatch? {
        guard let k = tok(i)?.keyword else { return nil }
        let edge: PeriodEdge
        switch k {
        case .start, .startOf: edge = .start
        case .end, .endOf: edge = .end
        case .middle, .middleOf: edge = .middle
        default: return nil
        }
        var j = i + 1
        if english {
            if tok(j)?.isDash == true, touches(j) { j += 1 }
            if k == .startOf || k == .endOf || k == .middleOf {
                guard isKeyword(j, .of) else { return nil }
                j += 1
            }
            if isKeyword(j, .the) { j += 1 }
        }
        guard let t = tok(j) else { return nil }
        var inner: TimeMatch?
        if t.month > 0 {
            inner = matchMonth(at: j, cued: true)
        } else if t.isNumber {
            inner = matchYear(at: j, cued: true)
        } else if let unit = t.unit, unit != .day {
            inner = matchUnitLed(at: j)
            if inner == nil, unit != .week || edge == .start {
                inner = TimeMatch(first: j, end: j + 1, expression: .shift(Shift(unit: unit, amount: 0, base: .reference)))
            }
        } else if english {
            inner = matchEnglishRelative(at: j)
        }
        guard var m = inner, m.first == j else { return nil }
        m.first = i
        m.edge = edge
        return m
    }

    /// English: "last week", "next month", "this year", "last Monday", "next June", "earlier this month".
    func matchEnglishRelative(at i: Int) -> TimeMatch? {
        guard english, let k = tok(i)?.keyword else { return nil }
        if k == .before || k == .later {
            guard isKeyword(i + 1, .this), let unit = tok(i + 2)?.unit, unit != .day else { return nil }
            return TimeMatch(first: i, end: i + 3, expression: .shift(Shift(unit: unit, amount: 0, base: .reference)))
        }
        let amount: Int
        switch k {
        case .last: amount = -1
        case .next: amount = 1
        case .this: amount = 0
        default: return nil
        }
        guard let t = tok(i + 1) else { return nil }
        if let unit = t.unit, unit != .day {
            return TimeMatch(first: i, end: i + 2, expression: .shift(Shift(unit: unit, amount: amount, base: .reference)))
        }
        let lean: Lean = amount < 0 ? .past : (amount > 0 ? .future : .current)
        if t.weekday > 0, t.info?.weekdayNeedsDate == false {
            return finishDay(DateParts(weekday: t.weekday, lean: lean), first: i, end: i + 2)
        }
        if let m = monthWord(at: i + 1), t.info?.monthNeedsNumber == false || t.info?.monthNeedsCue == true {
            return TimeMatch(first: i, end: i + 2, expression: .date(DateParts(month: m, lean: lean)))
        }
        return nil
    }

    /// English phrases with "the" or "that": "the next day", "the following day", "the previous day",
    /// "the same day", "the day before yesterday", "the day after tomorrow", "the 1990s",
    /// "the end of June", "that day".
    func matchThe(at i: Int) -> TimeMatch? {
        guard english, let k = tok(i)?.keyword else { return nil }
        if k == .that {
            guard tok(i + 1)?.unit == .day, tok(i + 1)?.length == 3 else { return nil }
            return finishShift(Shift(unit: .day, amount: 0, base: .context), first: i, end: i + 2)
        }
        let j = i + 1
        guard let t = tok(j) else { return nil }
        let isDayWord = { (n: Int) in self.tok(n)?.unit == .day && self.tok(n)?.length == 3 }
        switch t.keyword {
        case .next?, .following?:
            if isDayWord(j + 1) { return finishShift(Shift(unit: .day, amount: 1, base: .context), first: i, end: j + 2) }
        case .previous?:
            if isDayWord(j + 1) { return finishShift(Shift(unit: .day, amount: -1, base: .context), first: i, end: j + 2) }
        case .same?:
            if isDayWord(j + 1) { return finishShift(Shift(unit: .day, amount: 0, base: .context), first: i, end: j + 2) }
        case .start?, .end?, .middle?, .startOf?, .endOf?, .middleOf?:
            if var m = matchEdge(at: j) {
                m.first = i
                return m
            }
        default:
            break
        }
        if isDayWord(j) {
            if isKeyword(j + 1, .before) {
                if isKeyword(j + 2, .yesterday) {
                    return finishShift(Shift(unit: .day, amount: -2, base: .reference), first: i, end: j + 3)
                }
                if let n = tok(j + 2), n.kind == .word || n.kind == .number { return nil }
                return finishShift(Shift(unit: .day, amount: -1, base: .context), first: i, end: j + 2)
            }
            if isKeyword(j + 1, .after), isKeyword(j + 2, .tomorrow) {
                return finishShift(Shift(unit: .day, amount: 2, base: .reference), first: i, end: j + 3)
            }
        }
        if t.isNumber, var m = matchYear(at: j, cued: false), case .decade = m.expression {
            m.first = i
            return m
        }
        return nil
    }
}
