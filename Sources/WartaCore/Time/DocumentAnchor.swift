/// What a document tells about its own time: the publication date, or, for a document without
/// one, the year it is about, read from the text or taken from a ``YearHint``.
struct DocumentAnchor: Sendable {
    /// How a document without a publication date got its year.
    enum YearSource: Sendable {
        /// "peringatan 70 tahun ... (27 Juli 1953)": the base year plus the anniversary.
        case anniversary
        /// "Rabu 13 September": the year near the document's other years in which that day is a Wednesday.
        case weekday
        /// The latest date with a year that the text gives.
        case explicitDate
        /// A ``YearHint`` from another stage.
        case hint
    }

    struct DocumentYear: Sendable {
        var year: Int
        var source: YearSource
        var anchor: String
        var note: String
        /// The explicit date the year came from (`explicitDate` only).
        var date: CivilDate?
    }

    var published: PublishedDate?
    var year: DocumentYear?
    /// Years pinned by a weekday beside a day and month, by match index.
    var pinned: [Int: Int] = [:]

    init(grammar: TimeGrammar, matches: [TimeMatch], published: PublishedDate?, hint: YearHint?) {
        self.published = published
        guard published == nil else { return }

        // Dates with a year (and a month) that the text gives, and bare years.
        var latest: CivilDate?
        var bareYears: [Int] = []
        for m in matches {
            guard case .date(let p) = m.expression, let y = p.year, !p.generic else { continue }
            if let month = p.month {
                let d = CivilDate(year: y, month: month, day: p.day ?? 1)
                if latest.map({ d > $0 }) ?? true { latest = d }
            } else {
                bareYears.append(y)
            }
        }

        var anniversaryYear: DocumentYear?
        for a in grammar.anniversaries() {
            guard let base = Self.baseYear(near: a.token, grammar: grammar, matches: matches) else { continue }
            let y = base + a.years
            guard CalendarMath.yearRange.contains(y) else { continue }
            anniversaryYear = DocumentYear(
                year: y, source: .anniversary, anchor: "context",
                note: "year \(y) from an anniversary: \(a.years) years after \(base)")
            break
        }

        let hintYear = hint.flatMap { CalendarMath.yearRange.contains($0.year) ? $0.year : nil }
        let center = anniversaryYear?.year ?? latest?.year ?? hintYear ?? bareYears.max()
        var firstPinned: DocumentYear?
        if let center {
            for (index, m) in matches.enumerated() {
                guard case .date(let p) = m.expression, p.year == nil, p.relativeYear == nil, !p.generic,
                      let w = p.weekday, let month = p.month, let day = p.day,
                      let y = Self.year(withWeekday: w, month: month, day: day, near: center) else { continue }
                pinned[index] = y
                if firstPinned == nil {
                    firstPinned = DocumentYear(
                        year: y, source: .weekday, anchor: "context",
                        note: "year \(y): the year near \(center) in which \(TimeValueFormat.date(year: y, month: month, day: day)) is a \(TimeValueFormat.weekdayName(w))")
                }
            }
        }

        if let a = anniversaryYear {
            year = a
        } else if let p = firstPinned {
            year = p
        } else if let d = latest {
            year = DocumentYear(year: d.year, source: .explicitDate, anchor: "context",
                                note: "year from \(TimeValueFormat.date(d)), the latest date in the document", date: d)
        } else if let hint, CalendarMath.yearRange.contains(hint.year) {
            let why = hint.note.isEmpty ? "" : ": \(hint.note)"
            year = DocumentYear(year: hint.year, source: .hint, anchor: hint.anchor,
                                note: "year \(hint.year) from \(hint.anchor)\(why)")
        }
    }

    /// The explicit year in the same sentence as the anniversary phrase at `token`, nearest after it, else before.
    private static func baseYear(near token: Int, grammar: TimeGrammar, matches: [TimeMatch]) -> Int? {
        let sentence = grammar.sentence(around: token)
        var before: Int?
        for m in matches where sentence.contains(m.first) {
            guard case .date(let p) = m.expression, let y = p.year, p.relativeYear == nil else { continue }
            if m.first > token { return y }
            before = y
        }
        return before
    }

    /// The year nearest `center` (within 12) in which `day` `month` falls on `weekday`.
    static func year(withWeekday weekday: Int, month: Int, day: Int, near center: Int) -> Int? {
        for delta in 0...12 {
            for y in delta == 0 ? [center] : [center - delta, center + delta] {
                guard CalendarMath.yearRange.contains(y), CalendarMath.isValid(day: day, month: month, year: y) else { continue }
                if CivilDate(year: y, month: month, day: day).weekday == weekday { return y }
            }
        }
        return nil
    }
}
