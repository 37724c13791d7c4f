/// Anchors matched expressions to the calendar and writes their values.
///
/// Three passes over the matches of one document:
/// 1. expressions that need no reference date: explicit dates, and partial dates whose year comes
///    from the publication date or from the document's year (``DocumentAnchor``);
/// 2. the reference date: the publication date, else the latest date found in pass 1, else the
///    document's year;
/// 3. in text order, everything relative: weekdays, "bulan lalu", "hari itu", "sebulan kemudian",
///    clock times; "context" expressions count from the last date before them.
struct TimeResolver: Sendable {
    let text: String
    let tokens: [TimeToken]
    let matches: [TimeMatch]
    let document: DocumentAnchor

    /// A date as far as it is known: a year, maybe a month, maybe a day.
    struct Point: Sendable, Hashable {
        var year: Int
        var month: Int?
        var day: Int?

        init(year: Int, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }

        init(_ d: CivilDate) {
            self.init(year: d.year, month: d.month, day: d.day)
        }

        var civil: CivilDate? {
            guard let month, let day else { return nil }
            return CivilDate(year: year, month: month, day: day)
        }

        var isValid: Bool {
            guard CalendarMath.yearRange.contains(year) else { return false }
            guard let month else { return day == nil }
            guard (1...12).contains(month) else { return false }
            return day.map { CalendarMath.isValid(day: $0, month: month, year: year) } ?? true
        }

        var iso: String { TimeValueFormat.date(year: year, month: month, day: day) }
    }

    /// The date relative expressions count from, and how to name it in a note.
    struct Reference: Sendable {
        var point: Point
        var anchor: String
        var label: String
    }

    struct Outcome: Sendable {
        var value: String
        var anchor: String
        var note: String?
        var conflict = false
        /// The date the value names, for later "context" expressions; nil for weeks, ranges, unknown years.
        var point: Point?
    }

    private enum FirstPass {
        case done(Outcome?)
        case later
    }

    /// One mention per resolvable match, in text order.
    func mentions() -> [TimeMention] {
        var outcomes = [Outcome?](repeating: nil, count: matches.count)
        var pending = [Bool](repeating: false, count: matches.count)
        for (i, m) in matches.enumerated() {
            switch firstPass(i, m) {
            case .done(let o): outcomes[i] = o
            case .later: pending[i] = true
            }
        }
        let reference = makeReference(outcomes)
        var history: [(point: Point, paragraph: Int)] = []
        let paragraphs = paragraphIndex()
        for (i, m) in matches.enumerated() {
            let paragraph = paragraphs(m.first)
            if pending[i] { outcomes[i] = resolveRelative(m, reference: reference, history: history, paragraph: paragraph) }
            if let p = outcomes[i]?.point { history.append((p, paragraph)) }
        }
        var out: [TimeMention] = []
        for (i, m) in matches.enumerated() {
            guard let o = outcomes[i], m.first < m.end, m.end <= tokens.count else { continue }
            let start = tokens[m.first].start
            let end = tokens[m.end - 1].end
            var note = o.note
            if let edge = m.edge {
                let words = edge == .start ? "the start of" : (edge == .end ? "the end of" : "the middle of")
                note = "\(words) \(o.value)" + (note.map { "; " + $0 } ?? "")
            }
            out.append(TimeMention(start: start, end: end, text: text(tokens: m.first, m.end), value: o.value, anchor: o.anchor,
                                   note: note, conflict: o.conflict ? true : nil))
        }
        return out
    }

    // MARK: - Pass 1

    private func firstPass(_ index: Int, _ m: TimeMatch) -> FirstPass {
        switch m.expression {
        case .date(let p):
            if let y = p.year { return .done(explicit(p, year: y, match: m)) }
            if p.generic {
                return .done(Outcome(value: TimeValueFormat.date(year: nil, month: p.month, day: p.day), anchor: "explicit",
                                     note: "a day of every year: the year is left open"))
            }
            guard p.relativeYear == nil, let month = p.month else { return .later }
            if p.lean != .none && document.published == nil { return .later }
            return .done(partial(p, month: month, index: index, match: m))
        case .range(let a, let b):
            return .done(range(a, b, index: index))
        case .decade(let d):
            guard d >= 100, d <= 999 else { return .done(nil) }
            return .done(Outcome(value: String(d), anchor: "explicit", note: "the decade \(d)0s"))
        case .quarter(let y?, let q, let half):
            return .done(Outcome(value: TimeValueFormat.year(y) + (half ? "-H\(q)" : "-Q\(q)"), anchor: "explicit"))
        case .quarter(nil, _, _), .shift, .clock:
            return .later
        case .vague:
            return .done(nil)
        }
    }

    /// A date whose year the text gives.
    private func explicit(_ p: DateParts, year: Int, match m: TimeMatch) -> Outcome? {
        let point = Point(year: year, month: p.month, day: p.day)
        guard point.isValid else { return nil }
        var o = Outcome(value: dayValue(point, clock: p.clock), anchor: "explicit", point: point)
        checkWeekday(&o, p, match: m)
        return o
    }

    /// A month (and day) without a year: the year from the publication date, a weekday, the document or nothing.
    private func partial(_ p: DateParts, month: Int, index: Int, match m: TimeMatch) -> Outcome? {
        var year: Int?
        var anchor = "explicit"
        var note: String
        if let pub = document.published {
            year = Self.closestYear(month: month, day: p.day, lean: p.lean, to: Point(pub.date), forward: m.future)
            anchor = "published"
            note = "year from publication date \(TimeValueFormat.date(pub.date))"
        } else if let y = document.pinned[index], let w = p.weekday {
            year = y
            anchor = "context"
            note = "year \(y): the year near the document's others in which this day is a \(TimeValueFormat.weekdayName(w))"
        } else if let doc = document.year {
            if doc.source == .explicitDate, let d = doc.date {
                year = Self.closestYear(month: month, day: p.day, lean: p.lean, to: Point(d), forward: m.future)
            } else {
                year = doc.year
            }
            anchor = doc.anchor
            note = doc.note
        } else {
            note = "year unknown: no publication date and no year in the document"
        }
        guard let y = year else {
            return Outcome(value: TimeValueFormat.date(year: nil, month: month, day: p.day), anchor: anchor, note: note)
        }
        let point = Point(year: y, month: month, day: p.day)
        guard point.isValid else { return nil }
        var o = Outcome(value: dayValue(point, clock: p.clock), anchor: anchor, note: note, point: point)
        checkWeekday(&o, p, match: m)
        return o
    }

    private func range(_ a: DateParts, _ b: DateParts, index: Int) -> Outcome? {
        var start = a
        var end = b
        var anchor = "explicit"
        var note: String?
        if start.year == nil, let y = end.year {
            start.year = y
            if let sm = start.month, let em = end.month, (sm, start.day ?? 0) > (em, end.day ?? 0) { start.year = y - 1 }
        } else if start.year == nil, let month = start.month {
            guard let o = partial(DateParts(month: month, day: start.day), month: month, index: index,
                                  match: TimeMatch(first: 0, end: 0, expression: .vague)) else { return nil }
            start.year = o.point?.year
            anchor = o.anchor
            note = o.note
        }
        if end.year == nil { end.year = start.year }
        let from = TimeValueFormat.date(year: start.year, month: start.month, day: start.day)
        let to = TimeValueFormat.date(year: end.year, month: end.month, day: end.day)
        if let y1 = start.year, let y2 = end.year {
            guard Point(year: y1, month: start.month, day: start.day).isValid,
                  Point(year: y2, month: end.month, day: end.day).isValid else { return nil }
        }
        return Outcome(value: from + "/" + to, anchor: anchor, note: note)
    }

    /// The weekday named beside a date must fall on it; when not, the date stays and the note says so.
    private func checkWeekday(_ o: inout Outcome, _ p: DateParts, match m: TimeMatch) {
        guard let w = p.weekday, let d = o.point?.civil, d.weekday != w else { return }
        let word = weekdayWord(in: m) ?? TimeValueFormat.weekdayName(w)
        let conflict = "weekday \(word) conflicts with \(TimeValueFormat.date(d)) (a \(TimeValueFormat.weekdayName(d.weekday)))"
        o.note = o.note.map { $0 + "; " + conflict } ?? conflict
        o.conflict = true
    }

    // MARK: - Pass 2

    private func makeReference(_ outcomes: [Outcome?]) -> Reference? {
        if let pub = document.published {
            return Reference(point: Point(pub.date), anchor: "published",
                             label: "publication date \(TimeValueFormat.date(pub.date))")
        }
        var bestDay: Outcome?
        var bestMonth: Outcome?
        for o in outcomes.compactMap({ $0 }) {
            guard let p = o.point, let m = p.month else { continue }
            if let d = p.civil {
                if bestDay?.point?.civil.map({ d > $0 }) ?? true { bestDay = o }
            } else if bestMonth?.point.map({ (p.year, m) > ($0.year, $0.month ?? 0) }) ?? true {
                bestMonth = o
            }
        }
        if let o = bestDay ?? bestMonth, let p = o.point {
            // Say where that date's year came from when the text did not give it.
            let year = o.anchor == "explicit" ? "" : " (year from \(o.anchor == "published" ? "publication" : o.anchor))"
            return Reference(point: p, anchor: "context", label: "\(p.iso)\(year), the latest date in the document")
        }
        if let doc = document.year {
            return Reference(point: Point(year: doc.year), anchor: doc.anchor, label: "the year \(doc.year) (\(doc.note))")
        }
        return nil
    }

    // MARK: - Pass 3

    private func resolveRelative(_ m: TimeMatch, reference: Reference?, history: [(point: Point, paragraph: Int)],
                                 paragraph: Int) -> Outcome? {
        switch m.expression {
        case .date(let p):
            guard let ref = reference else { return nil }
            return relativeDate(p, reference: ref, match: m)
        case .quarter(nil, let q, let half):
            guard let ref = reference else { return nil }
            return Outcome(value: TimeValueFormat.year(ref.point.year) + (half ? "-H\(q)" : "-Q\(q)"), anchor: ref.anchor,
                           note: "year from \(ref.label)")
        case .shift(let s):
            switch s.base {
            case .reference:
                guard let ref = reference else { return nil }
                return shifted(s, from: ref.point, anchor: ref.anchor, label: ref.label)
            case .context:
                let needMonth = s.unit != .year || s.precision == .day
                let needDay = s.unit == .day || s.unit == .week || (s.precision == .day && s.unit != .month && s.unit != .year)
                guard let base = history.last(where: { (!needMonth || $0.point.month != nil) && (!needDay || $0.point.day != nil) })
                else { return nil }
                return shifted(s, from: base.point, anchor: "context", label: "\(base.point.iso), the date before it in the text")
            }
        case .clock(let c):
            if let last = history.last, last.paragraph == paragraph, let d = last.point.civil {
                return Outcome(value: TimeValueFormat.date(d, clock: c), anchor: "context",
                               note: "day from \(TimeValueFormat.date(d)), the date before it in the paragraph")
            }
            if let pub = document.published, let minute = pub.minuteOfDay, minute >= c.hour * 60 + c.minute {
                return Outcome(value: TimeValueFormat.date(pub.date, clock: c), anchor: "published",
                               note: "day from publication date \(TimeValueFormat.date(pub.date)), published after this time")
            }
            return nil
        default:
            return nil
        }
    }

    /// Weekdays alone, days of the month alone, months that lean ("Juni lalu"), "Juni tahun lalu".
    private func relativeDate(_ p: DateParts, reference ref: Reference, match m: TimeMatch) -> Outcome? {
        let r = ref.point
        if let offset = p.relativeYear {
            let y = r.year + offset
            let point = Point(year: y, month: p.month, day: p.day)
            guard point.isValid else { return nil }
            var o = Outcome(value: dayValue(point, clock: p.clock), anchor: ref.anchor,
                            note: "year \(y) from \(ref.label)", point: point)
            checkWeekday(&o, p, match: m)
            return o
        }
        if let month = p.month {
            let y = r.month == nil ? r.year : Self.closestYear(month: month, day: p.day, lean: p.lean, to: r, forward: m.future)
            let point = Point(year: y, month: month, day: p.day)
            guard point.isValid else { return nil }
            var o = Outcome(value: dayValue(point, clock: p.clock), anchor: ref.anchor,
                            note: "year from \(ref.label)", point: point)
            checkWeekday(&o, p, match: m)
            return o
        }
        if let day = p.day {
            guard let rm = r.month, let rd = r.day else { return nil }
            var (y, mo) = (r.year, rm)
            if p.lean == .past, day > rd { (y, mo) = CalendarMath.addMonths(year: y, month: mo, -1) }
            if p.lean == .future, day < rd { (y, mo) = CalendarMath.addMonths(year: y, month: mo, 1) }
            let point = Point(year: y, month: mo, day: day)
            guard point.isValid else { return nil }
            return Outcome(value: dayValue(point, clock: p.clock), anchor: ref.anchor,
                           note: "month from \(ref.label)", point: point)
        }
        if let w = p.weekday {
            guard let d = r.civil else { return nil }
            let today = d.weekday
            var lean = p.lean
            if lean == .none && m.future { lean = .future }
            let offset: Int
            let how: String
            switch lean {
            case .none:
                offset = -((today - w + 7) % 7)
                how = "on or before"
            case .past:
                offset = -((today - w + 6) % 7 + 1)
                how = "before"
            case .future:
                offset = (w - today + 6) % 7 + 1
                how = "after"
            case .current:
                offset = w - today
                how = "in the week of"
            case .previousWeek:
                offset = w - today - 7
                how = "in the week before"
            case .nextWeek:
                offset = w - today + 7
                how = "in the week after"
            }
            let date = d.adding(days: offset)
            let point = Point(date)
            guard point.isValid else { return nil }
            return Outcome(value: dayValue(point, clock: p.clock), anchor: ref.anchor,
                           note: "the \(TimeValueFormat.weekdayName(w)) \(how) \(ref.label)", point: point)
        }
        return nil
    }

    /// A date some units from `base`, at the precision the expression and the base allow.
    private func shifted(_ s: Shift, from base: Point, anchor: String, label: String) -> Outcome? {
        let n = s.amount
        let precision = s.precision ?? s.unit
        let what = Self.describe(s)
        var point: Point?
        var value: String
        switch s.unit {
        case .day, .week:
            guard let d = base.civil else { return nil }
            let date = d.adding(days: s.unit == .day ? n : 7 * n)
            if s.unit == .week && precision != .day {
                let w = date.isoWeek
                guard CalendarMath.yearRange.contains(w.year) else { return nil }
                value = TimeValueFormat.week(year: w.year, week: w.week)
            } else {
                point = Point(date)
                value = dayValue(Point(date), clock: s.clock)
            }
        case .month:
            guard let bm = base.month else { return nil }
            if precision == .day, let d = base.civil {
                point = Point(d.adding(months: n))
            } else {
                let (y, m) = CalendarMath.addMonths(year: base.year, month: bm, n)
                point = Point(year: y, month: m)
            }
            value = point.map { dayValue($0, clock: s.clock) } ?? ""
        case .year:
            let y = base.year + n
            if precision == .day, let bm = base.month {
                var day = base.day
                if let d = day { day = min(d, CalendarMath.daysIn(month: bm, year: y)) }
                point = Point(year: y, month: bm, day: day)
            } else {
                point = Point(year: y)
            }
            value = point.map { dayValue($0, clock: s.clock) } ?? ""
        }
        if let p = point, !p.isValid { return nil }
        return Outcome(value: value, anchor: anchor, note: "\(what) \(label)", point: point)
    }

    // MARK: - Helpers

    private func dayValue(_ p: Point, clock: ClockTime?) -> String {
        TimeValueFormat.date(year: p.year, month: p.month, day: p.day, clock: p.day == nil ? nil : clock)
    }

    /// The year that puts `month`/`day` nearest the reference: before it when the text leans to
    /// the past ("Juni lalu"), after it when it leans to the future, else the nearest to a point
    /// two months before the reference (news mostly tells what happened; `forward` clauses,
    /// "akan", two months after), so that the date falls within 8 months before to 4 after.
    static func closestYear(month: Int, day: Int?, lean: Lean, to ref: Point, forward: Bool = false) -> Int {
        guard let rm = ref.month else { return ref.year }
        let key = month * 32 + (day ?? 0)
        let refKey = rm * 32 + (day == nil ? 0 : (ref.day ?? 0))
        switch lean {
        case .past, .previousWeek: return key <= refKey ? ref.year : ref.year - 1
        case .future, .nextWeek: return key >= refKey ? ref.year : ref.year + 1
        case .current: return ref.year
        case .none:
            let refDays = CivilDate(year: ref.year, month: rm, day: min(ref.day ?? 15, 28)).daysSinceEpoch + (forward ? 61 : -61)
            var best = ref.year
            var bestDistance = Int.max
            for y in [ref.year - 1, ref.year, ref.year + 1] {
                let d = CivilDate(year: y, month: month, day: min(day ?? 15, CalendarMath.daysIn(month: month, year: y)))
                let distance = abs(d.daysSinceEpoch - refDays)
                if distance < bestDistance {
                    bestDistance = distance
                    best = y
                }
            }
            return best
        }
    }

    private static func describe(_ s: Shift) -> String {
        let unit: String
        switch s.unit {
        case .day: unit = "day"
        case .week: unit = "week"
        case .month: unit = "month"
        case .year: unit = "year"
        }
        if s.amount == 0 { return "the same \(unit) as" }
        let n = abs(s.amount)
        return "\(n) \(unit)\(n == 1 ? "" : "s") \(s.amount < 0 ? "before" : "after")"
    }

    private func weekdayWord(in m: TimeMatch) -> String? {
        for i in m.first..<min(m.end, tokens.count) where tokens[i].weekday > 0 {
            return text(tokens: i, i + 1)
        }
        return nil
    }

    /// The text of tokens `first..<end`.
    private func text(tokens first: Int, _ end: Int) -> String {
        guard first >= 0, first < end, end <= tokens.count else { return "" }
        let utf8 = text.utf8
        let a = utf8.index(utf8.startIndex, offsetBy: tokens[first].byteStart)
        let b = utf8.index(utf8.startIndex, offsetBy: tokens[end - 1].byteEnd)
        return String(Substring(utf8[a..<b]))
    }

    /// A function from token index to paragraph number (count of line breaks before the token).
    private func paragraphIndex() -> (Int) -> Int {
        var starts: [Int] = []
        for (i, t) in tokens.enumerated() where t.isNewline { starts.append(i) }
        return { token in
            var lo = 0
            var hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < token { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }
}
