/// A day of the proleptic Gregorian calendar, with the integer arithmetic the time stage needs:
/// day counts, weekdays, ISO weeks and month steps. No `Calendar`, no time zones.
struct CivilDate: Sendable, Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    init(daysSinceEpoch days: Int) {
        // Count from 0000-03-01 so that the leap day ends each 400-year era.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let marchMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    var weekday: Int { CalendarMath.weekday(daysSinceEpoch: daysSinceEpoch) }

    /// ISO 8601 week-numbering year and week.
    var isoWeek: (year: Int, week: Int) {
        let days = daysSinceEpoch
        let thursday = days - (CalendarMath.weekday(daysSinceEpoch: days) - 1) + 3
        let thursdayDate = CivilDate(daysSinceEpoch: thursday)
        let firstOfYear = CivilDate(year: thursdayDate.year, month: 1, day: 1).daysSinceEpoch
        return (thursdayDate.year, (thursday - firstOfYear) / 7 + 1)
    }

    func adding(days n: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// The same day `n` months later, the day clamped to the month's length (31 March + 1 month = 30 April).
    func adding(months n: Int) -> CivilDate {
        let (y, m) = CalendarMath.addMonths(year: year, month: month, n)
        return CivilDate(year: y, month: m, day: min(day, CalendarMath.daysIn(month: m, year: y)))
    }

    static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// Calendar arithmetic on plain integers.
enum CalendarMath {
    /// Years the stage writes; anything outside comes from a misread number.
    static let yearRange = 1...9999

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2: return year.map { isLeap($0) ? 29 : 28 } ?? 29
        case 4, 6, 9, 11: return 30
        case 1...12: return 31
        default: return 0
        }
    }

    /// Whether `day` exists in `month` (in `year` when known; 29 February passes without a year).
    static func isValid(day: Int, month: Int, year: Int?) -> Bool {
        day >= 1 && day <= daysIn(month: month, year: year)
    }

    static func weekday(daysSinceEpoch days: Int) -> Int {
        // 1970-01-01 was a Thursday (4).
        let r = ((days % 7) + 7) % 7
        return (r + 3) % 7 + 1
    }

    static func addMonths(year: Int, month: Int, _ n: Int) -> (year: Int, month: Int) {
        let total = year * 12 + (month - 1) + n
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        return (y, total - y * 12 + 1)
    }
}
