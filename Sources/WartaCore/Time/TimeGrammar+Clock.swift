/// Clock times: "pukul 18.44 WIB", "jam 9 pagi", "12:29 WITA", "10.00 waktu setempat", "at 6:30 p.m.",
/// "18:44 GMT+7", and the ISO form after a date ("2023-09-17T18:44:00+07:00").
extension TimeGrammar {
    /// A clock time at `i`. Without a cue word ("pukul", "jam", "at") the digits count only with a
    /// zone, a.m./p.m. or "waktu setempat": "18.44" alone may be a decimal, "21:19" a score.
    /// `partOfDay` is one said before the time ("malam pukul 8"), which makes 8 mean 20:00.
    func clock(at i: Int, partOfDay: PartOfDay? = nil) -> (ClockTime, Int)? {
        var j = i
        var cued = false
        if let k = tok(j)?.keyword {
            if k == .pukul || (k == .at && english) {
                cued = true
                j += 1
            } else if k == .jam, !(tok(j - 1)?.isNumber ?? false) {
                cued = true
                j += 1
            }
            if cued, isKeyword(j, .around) { j += 1 }
        }
        guard let h = number(at: j, digits: 1...2, in: 0...24), startsFree(j) else { return nil }
        var hour = h
        var minute = 0
        var hasMinutes = false
        j += 1
        if let sep = tok(j), touches(j), sep.isPunct(".") || sep.isPunct(":"),
           let mm = number(at: j + 1, digits: 2...2, in: 0...59), touches(j + 1) {
            minute = mm
            hasMinutes = true
            j += 2
            if let sep2 = tok(j), touches(j), sep2.value == sep.value,
               number(at: j + 1, digits: 2...2, in: 0...59) != nil, touches(j + 1) {
                j += 2   // seconds
            }
        }
        let marker = amPm(at: j)
        guard marker != nil || endsFree(j) || tok(j)?.isDash == true || tok(j)?.info?.zoneMinutes != nil else { return nil }
        // "pukul 09.00-12.00 WIB", "pukul 07.00 hingga 09.00 WIB": the start, read over the end.
        if hasMinutes, let d = tok(j), d.isDash || d.keyword == .until, number(at: j + 1, digits: 1...2, in: 0...24) != nil,
           isPunct(j + 2, ".") || isPunct(j + 2, ":"), number(at: j + 3, digits: 2...2, in: 0...59) != nil,
           touches(j + 2), touches(j + 3), endsFree(j + 4) || tok(j + 4)?.info?.zoneMinutes != nil {
            j += 4
        }
        var pod = partOfDay
        if let (pm, e) = marker {
            hour = pm ? hour % 12 + 12 : hour % 12
            j = e
        } else {
            if let p = tok(j)?.info?.partOfDay {
                pod = p
                j += 1
            }
            if let p = pod { hour = p.hour24(hour) }
        }
        var zone: Int?
        if let z = tok(j), let minutes = z.info?.zoneMinutes, z.allCaps {
            zone = Int(minutes)
            j += 1
            if minutes == 0, let s = tok(j), touches(j), s.isPunct("+") || s.isDash,
               let zh = number(at: j + 1, digits: 1...2, in: 0...14), touches(j + 1) {
                var offset = zh * 60
                j += 2
                if isPunct(j, ":"), touches(j), let zm = number(at: j + 1, digits: 2...2, in: 0...59), touches(j + 1) {
                    offset += zm
                    j += 2
                }
                zone = s.isPunct("+") ? offset : -offset
            }
        }
        var local = false
        if isKeyword(j, .waktu), isKeyword(j + 1, .setempat) {
            local = true
            j += 2
        } else if english, isKeyword(j, .local), isKeyword(j + 1, .time) {
            local = true
            j += 2
        }
        guard hour <= 23 else { return nil }
        guard cued || zone != nil || marker != nil || local else { return nil }
        guard hasMinutes || marker != nil || cued else { return nil }
        return (ClockTime(hour: hour, minute: minute, zone: zone), j)
    }

    /// "pm", "PM", "p.m.", "a.m": whether it is after noon, and the end.
    private func amPm(at i: Int) -> (Bool, Int)? {
        guard let t = tok(i), t.isWord else { return nil }
        if t.keyword == .am || t.keyword == .pm {
            guard english || t.allCaps else { return nil }
            return (t.keyword == .pm, i + 1)
        }
        guard t.value == 0x61 || t.value == 0x70, isPunct(i + 1, "."), touches(i + 1),
              let m = tok(i + 2), m.isWord, m.value == 0x6D, touches(i + 2) else { return nil }
        let end = isPunct(i + 3, ".") && touches(i + 3) ? i + 4 : i + 3
        return (t.value == 0x70, end)
    }

    /// The time of an ISO date-time after its "T": `18:44`, `18:44:00`, `18:44:00.000Z`, `18:44:00+07:00`.
    func isoClock(at i: Int) -> (ClockTime, Int)? {
        guard let h = number(at: i, digits: 2...2, in: 0...23), touches(i), isPunct(i + 1, ":"), touches(i + 1),
              let m = number(at: i + 2, digits: 2...2, in: 0...59), touches(i + 2) else { return nil }
        var j = i + 3
        if isPunct(j, ":"), touches(j), number(at: j + 1, digits: 2...2, in: 0...60) != nil, touches(j + 1) { j += 2 }
        if isPunct(j, "."), touches(j), tok(j + 1)?.isNumber == true, touches(j + 1) { j += 2 }
        var zone: Int?
        if let z = tok(j), touches(j), z.isWord, z.value == 0x7A {
            zone = 0
            j += 1
        } else if let s = tok(j), touches(j), s.isPunct("+") || s.isDash,
                  let zh = number(at: j + 1, digits: 2...2, in: 0...14), touches(j + 1) {
            var offset = zh * 60
            j += 2
            if isPunct(j, ":"), touches(j), let zm = number(at: j + 1, digits: 2...2, in: 0...59), touches(j + 1) {
                offset += zm
                j += 2
            }
            zone = s.isPunct("+") ? offset : -offset
        }
        return (ClockTime(hour: h, minute: m, zone: zone), j)
    }

    /// A clock time, and the day it is on when one follows: "pukul 10.00 WIB, Senin (1/1/2024)",
    /// "pukul 06.18 WIB kemarin"; alone otherwise.
    func matchClockLed(at i: Int) -> TimeMatch? {
        guard let (c, e) = clock(at: i) else { return nil }
        var k = e
        if isPunct(k, ",") { k += 1 }
        if isKeyword(k, .cue) { k += 1 }
        if let m = dayMatch(at: k) {
            switch m.expression {
            case .date(var parts) where parts.isDayLevel && parts.clock == nil:
                parts.clock = c
                return TimeMatch(first: i, end: m.end, expression: .date(parts))
            case .shift(var s) where s.isDayLevel && s.clock == nil:
                s.clock = c
                return TimeMatch(first: i, end: m.end, expression: .shift(s))
            default:
                break
            }
        }
        return TimeMatch(first: i, end: e, expression: .clock(c))
    }

    /// A match at `i` that names a day, of any form.
    private func dayMatch(at i: Int) -> TimeMatch? {
        guard let t = tok(i) else { return nil }
        var candidates: [TimeMatch?] = []
        if t.isNumber { candidates.append(matchNumberDate(at: i)) }
        if t.weekday > 0 { candidates.append(matchWeekday(at: i, forced: false)) }
        if let k = t.keyword {
            switch k {
            case .hari: candidates.append(matchHari(at: i))
            case .tanggal: candidates.append(matchTanggal(at: i))
            case .yesterday, .tomorrow, .lusa, .today, .keesokan: candidates.append(matchDayWord(at: i))
            default: break
            }
        }
        return candidates.compactMap { $0 }.max { $0.end < $1.end }
    }
}
