/// Reads the publication date, time and zone that bylines and date lines print:
/// "Minggu, 17 September 2023 |18:44 WIB", "20 Oktober 2023 12:29", "10/09/2019, 21:48 WIB",
/// "Sept. 17, 2023 6:44 PM GMT+7", "2023-09-17T18:44:00+07:00".
public enum PublicationDate {
    /// Month names and abbreviations, Indonesian and English, to month numbers.
    static let months: [String: Int] = [
        "januari": 1, "january": 1, "jan": 1,
        "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
        "maret": 3, "march": 3, "mar": 3,
        "april": 4, "apr": 4,
        "mei": 5, "may": 5,
        "juni": 6, "june": 6, "jun": 6,
        "juli": 7, "july": 7, "jul": 7,
        "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "agust": 8,
        "september": 9, "sep": 9, "sept": 9,
        "oktober": 10, "october": 10, "okt": 10, "oct": 10,
        "november": 11, "nov": 11, "nop": 11, "nopember": 11,
        "desember": 12, "december": 12, "des": 12, "dec": 12,
    ]

    /// Time zones named in Indonesian and English bylines, to UTC offsets.
    static let zones: [String: String] = [
        "wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "utc": "+00:00", "gmt": "+00:00", "z": "+00:00",
    ]

    /// The ISO 8601 date-time in `text`, if it holds a full date (day, month, year).
    ///
    /// - Returns: `2023-09-17T18:44:00+07:00` with time and zone, `2023-09-17T18:44:00` with a time but no
    ///   zone, `2023-09-17` with a date alone.
    public static func parse(_ text: String) -> String? {
        let tokens = tokenize(text)
        var date: (y: Int, m: Int, d: Int)?
        var dateEnd = 0
        var i = 0
        while i < tokens.count && date == nil {
            let t = tokens[i]
            if let iso = isoDate(t) {
                date = iso.date
                if let time = iso.time { return compose(iso.date, time: time, zone: iso.zone ?? zone(in: tokens, from: i + 1)) }
                dateEnd = i + 1
            } else if let numeric = numericDate(t) {
                date = numeric
                dateEnd = i + 1
            } else if i + 2 < tokens.count, let d = day(t), let m = months[tokens[i + 1]], let y = year(tokens[i + 2]) {
                date = (y, m, d)
                dateEnd = i + 3
            } else if i + 2 < tokens.count, let m = months[t], let d = day(tokens[i + 1]), let y = year(tokens[i + 2]) {
                date = (y, m, d)
                dateEnd = i + 3
            }
            i += 1
        }
        guard let date else { return nil }
        var time: (h: Int, m: Int)?
        var j = dateEnd
        while j < min(tokens.count, dateEnd + 4) {
            if tokens[j] == "pukul" || tokens[j] == "jam" || tokens[j] == "at" || tokens[j] == "-" {
                j += 1
                continue
            }
            if let t = clock(tokens[j]) {
                time = t
                if j + 1 < tokens.count {
                    if tokens[j + 1] == "pm", t.h < 12 { time = (t.h + 12, t.m) }
                    if tokens[j + 1] == "am", t.h == 12 { time = (0, t.m) }
                }
                break
            }
            j += 1
        }
        guard let time else { return compose(date, time: nil, zone: nil) }
        return compose(date, time: time, zone: zone(in: tokens, from: j + 1))
    }

    static func compose(_ date: (y: Int, m: Int, d: Int), time: (h: Int, m: Int)?, zone: String?) -> String? {
        guard (1...12).contains(date.m), (1...daysIn(month: date.m, year: date.y)).contains(date.d) else { return nil }
        var s = "\(pad(date.y, 4))-\(pad(date.m, 2))-\(pad(date.d, 2))"
        if let time {
            s += "T\(pad(time.h, 2)):\(pad(time.m, 2)):00"
            if let zone { s += zone }
        }
        return s
    }

    static func zone(in tokens: [String], from index: Int) -> String? {
        guard index < tokens.count else { return nil }
        for t in tokens[index..<min(tokens.count, index + 3)] {
            if let z = zones[t] { return z }
            if (t.hasPrefix("gmt") || t.hasPrefix("utc")) && t.count > 3 {
                return offset(String(t.dropFirst(3)))
            }
            if t.hasPrefix("+") || (t.hasPrefix("-") && t.count > 1) { return offset(t) }
        }
        return nil
    }

    /// "+7" → "+07:00", "+0700" → "+07:00", "+07:00" → "+07:00".
    static func offset(_ raw: String) -> String? {
        guard let sign = raw.first, sign == "+" || sign == "-" else { return nil }
        let digits = raw.dropFirst().filter { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let value = Int(digits) else { return nil }
        let (h, m) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
        guard h <= 14, m < 60 else { return nil }
        return "\(sign)\(pad(h, 2)):\(pad(m, 2))"
    }

    static func tokenize(_ text: String) -> [String] {
        var tokens = [String]()
        var current = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == ":" || c == "/" || c == "+" || c == "." || c == "-" {
                current.append(c)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.compactMap { token in
            var t = Substring(token)
            while let last = t.last, last == "." || last == ":" || (last == "-" && t.count > 1) { t = t.dropLast() }
            return t.isEmpty ? (token == "-" ? "-" : nil) : String(t)
        }
    }

    static func day(_ t: String) -> Int? {
        guard t.count <= 2, let d = Int(t), (1...31).contains(d) else { return nil }
        return d
    }

    static func year(_ t: String) -> Int? {
        guard t.count == 4, let y = Int(t), (1900...2100).contains(y) else { return nil }
        return y
    }

    /// "17/9/2023", "17-09-2023", "17.09.2023" (day first, as Indonesian and most non-US news write).
    static func numericDate(_ t: String) -> (y: Int, m: Int, d: Int)? {
        for separator in ["/", "-", "."] as [Character] where t.contains(separator) {
            let parts = t.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), parts[2].count == 4,
                let y = Int(parts[2]), (1...31).contains(d), (1...12).contains(m), (1900...2100).contains(y)
            else { continue }
            return (y, m, d)
        }
        return nil
    }

    /// "2023-09-17" or "2023-09-17t18:44:00+07:00" (lower-cased by the tokenizer).
    static func isoDate(_ t: String) -> (date: (y: Int, m: Int, d: Int), time: (h: Int, m: Int)?, zone: String?)? {
        let parts = t.split(separator: "t", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        let dateParts = first.split(separator: "-")
        guard dateParts.count == 3, dateParts[0].count == 4, let y = Int(dateParts[0]), let m = Int(dateParts[1]),
            let d = Int(dateParts[2])
        else { return nil }
        guard parts.count == 2 else { return ((y, m, d), nil, nil) }
        var rest = String(parts[1])
        var zone: String?
        if rest.hasSuffix("z") {
            zone = "+00:00"
            rest.removeLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = offset(String(rest[signIndex...]))
            rest = String(rest[..<signIndex])
        }
        let hm = rest.split(separator: ":")
        guard hm.count >= 2, let h = Int(hm[0]), let mm = Int(hm[1]), h < 24, mm < 60 else { return ((y, m, d), nil, nil) }
        return ((y, m, d), (h, mm), zone)
    }

    /// "18:44", "18.44", "6:44" (hours 0–23, minutes 00–59), seconds ignored.
    static func clock(_ t: String) -> (h: Int, m: Int)? {
        for separator in [":", "."] as [Character] where t.contains(separator) {
            let parts = t.split(separator: separator)
            guard parts.count >= 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
                h < 24, m < 60
            else { continue }
            return (h, m)
        }
        return nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
