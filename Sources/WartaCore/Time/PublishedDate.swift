/// A document's publication time, read from ISO 8601: `2023-10-20T12:29:00+07:00`, `2014-12-29`,
/// `2023-10-20 12:29`. Only the calendar day and the clock time matter to the time stage.
struct PublishedDate: Sendable, Hashable {
    var date: CivilDate
    /// Minutes after midnight, when the stamp has a time of day.
    var minuteOfDay: Int?

    /// Reads the stamp; nil when it does not start with a valid `YYYY-MM-DD`.
    init?(parsing text: String?) {
        guard let text else { return nil }
        let b = Array(text.utf8.prefix(40))
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for k in from..<(from + count) {
                let c = b[k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        var start = 0
        while start < b.count, b[start] == 0x20 { start += 1 }
        guard let y = digits(start, 4), start + 10 <= b.count, b[start + 4] == 0x2D || b[start + 4] == 0x2F,
              let m = digits(start + 5, 2), let d = digits(start + 8, 2),
              (1...12).contains(m), CalendarMath.isValid(day: d, month: m, year: y), y >= 1 else { return nil }
        date = CivilDate(year: y, month: m, day: d)
        let t = start + 10
        if t < b.count, b[t] == 0x54 || b[t] == 0x20, let hh = digits(t + 1, 2), t + 3 < b.count, b[t + 3] == 0x3A,
           let mm = digits(t + 4, 2), hh < 24, mm < 60 {
            minuteOfDay = hh * 60 + mm
        }
    }
}
