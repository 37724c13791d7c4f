/// ISO 8601 strings for the values the time stage writes.
enum TimeValueFormat {
    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(abs(n))
        let padded = s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        return n < 0 ? "-" + padded : padded
    }

    /// `2023`, or `XXXX` for an unknown year.
    static func year(_ y: Int?) -> String {
        y.map { pad($0, 4) } ?? "XXXX"
    }

    /// `2023`, `2023-09`, `2023-09-13`, `XXXX-07-18`, `2023-09-13T18:44+07:00`.
    static func date(year: Int?, month: Int?, day: Int?, clock: ClockTime? = nil) -> String {
        var s = self.year(year)
        guard let month else { return s }
        s += "-" + pad(month, 2)
        guard let day else { return s }
        s += "-" + pad(day, 2)
        if let clock { s += time(clock) }
        return s
    }

    static func date(_ d: CivilDate, clock: ClockTime? = nil) -> String {
        date(year: d.year, month: d.month, day: d.day, clock: clock)
    }

    /// `T18:44`, `T18:44+07:00`.
    static func time(_ clock: ClockTime) -> String {
        var s = "T" + pad(clock.hour, 2) + ":" + pad(clock.minute, 2)
        if let z = clock.zone { s += zone(z) }
        return s
    }

    /// `+07:00`, `-05:00`, `+00:00`.
    static func zone(_ minutes: Int) -> String {
        (minutes < 0 ? "-" : "+") + pad(abs(minutes) / 60, 2) + ":" + pad(abs(minutes) % 60, 2)
    }

    /// `2023-W07`.
    static func week(year: Int, week: Int) -> String {
        pad(year, 4) + "-W" + pad(week, 2)
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func weekdayName(_ w: Int) -> String {
        (1...7).contains(w) ? weekdayNames[w - 1] : "?"
    }
}
