/// The words of dates and times in Indonesian and English.
///
/// Keys are lower case ASCII without apostrophes ("Jum'at" is looked up as `jumat`). Words of
/// one language are still found in a document of the other; the grammar lets a foreign word
/// count only where it cannot be anything else (a month name between a day and a year).
enum TimeLexicon {
    static let monthsID: [(String, Int)] = [
        ("januari", 1), ("februari", 2), ("pebruari", 2), ("maret", 3), ("april", 4), ("mei", 5),
        ("juni", 6), ("juli", 7), ("agustus", 8), ("september", 9), ("oktober", 10),
        ("november", 11), ("nopember", 11), ("desember", 12),
    ]
    static let monthAbbreviationsID: [(String, Int)] = [
        ("jan", 1), ("feb", 2), ("peb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
        ("agu", 8), ("agt", 8), ("ags", 8), ("agst", 8), ("agus", 8), ("sep", 9), ("sept", 9),
        ("okt", 10), ("nov", 11), ("nop", 11), ("des", 12),
    ]
    static let monthsEN: [(String, Int)] = [
        ("january", 1), ("february", 2), ("april", 4), ("june", 6), ("july", 7), ("august", 8),
        ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ]
    /// Abbreviations, and month names that are everyday words too.
    static let monthAbbreviationsEN: [(String, Int)] = [
        ("jan", 1), ("feb", 2), ("mar", 3), ("march", 3), ("apr", 4), ("may", 5), ("jun", 6),
        ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]

    static let weekdaysID: [(String, Int)] = [
        ("senin", 1), ("selasa", 2), ("rabu", 3), ("kamis", 4), ("jumat", 5), ("sabtu", 6),
        ("minggu", 7), ("ahad", 7),
    ]
    static let weekdaysEN: [(String, Int)] = [
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5),
        ("saturday", 6), ("sunday", 7),
    ]
    static let weekdayAbbreviationsEN: [(String, Int)] = [
        ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4),
        ("fri", 5), ("sat", 6), ("sun", 7),
    ]

    static let numbersID: [(String, Int)] = [
        ("satu", 1), ("dua", 2), ("tiga", 3), ("empat", 4), ("lima", 5), ("enam", 6), ("tujuh", 7),
        ("delapan", 8), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11), ("seratus", 100),
    ]
    static let numbersEN: [(String, Int)] = [
        ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
        ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11),
        ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
        ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
        ("hundred", 100),
    ]
    static let ordinals: [(String, Int, LanguageSet)] = [
        ("pertama", 1, .id), ("kedua", 2, .id), ("ketiga", 3, .id), ("keempat", 4, .id),
        ("first", 1, .en), ("second", 2, .en), ("third", 3, .en), ("fourth", 4, .en),
    ]
    static let romans: [(String, Int)] = [("i", 1), ("ii", 2), ("iii", 3), ("iv", 4)]

    static let unitsID: [(String, TimeUnit)] = [
        ("hari", .day), ("minggu", .week), ("pekan", .week), ("bulan", .month), ("tahun", .year),
    ]
    static let unitsEN: [(String, TimeUnit)] = [
        ("day", .day), ("days", .day), ("week", .week), ("weeks", .week), ("month", .month),
        ("months", .month), ("year", .year), ("years", .year),
    ]
    /// "sehari" is "one day": the number and the unit in one word.
    static let oneUnitsID: [(String, TimeUnit)] = [
        ("sehari", .day), ("seminggu", .week), ("sepekan", .week), ("sebulan", .month), ("setahun", .year),
    ]

    static let partsOfDay: [(String, PartOfDay, LanguageSet)] = [
        ("subuh", .dawn, .id), ("pagi", .morning, .id), ("siang", .midday, .id), ("sore", .afternoon, .id),
        ("petang", .evening, .id), ("malam", .night, .id),
        ("morning", .morning, .en), ("afternoon", .afternoon, .en), ("evening", .evening, .en),
        ("night", .night, .en), ("noon", .midday, .en),
    ]

    /// Zone abbreviations and their UTC offsets in minutes.
    static let zones: [(String, Int)] = [
        ("wib", 420), ("wita", 480), ("wit", 540), ("gmt", 0), ("utc", 0), ("est", -300), ("edt", -240),
        ("cst", -360), ("cdt", -300), ("pst", -480), ("pdt", -420), ("cet", 60), ("cest", 120),
        ("bst", 60), ("jst", 540), ("kst", 540), ("msk", 180),
    ]

    static let keywords: [(String, TimeKeyword, LanguageSet)] = [
        ("lalu", .ago, .id), ("silam", .ago, .id), ("ago", .ago, .en),
        ("kemarin", .yesterday, .id), ("yesterday", .yesterday, .en),
        ("besok", .tomorrow, .id), ("esok", .tomorrow, .id), ("tomorrow", .tomorrow, .en),
        ("lusa", .lusa, .id),
        ("ini", .this, .id), ("this", .this, .en), ("itu", .that, .id), ("that", .that, .en),
        ("depan", .next, .id), ("mendatang", .next, .id), ("next", .next, .en), ("coming", .next, .en),
        ("upcoming", .next, .en), ("last", .last, .en), ("lagi", .fromNow, .id),
        ("kemudian", .later, .id), ("setelahnya", .later, .id), ("sesudahnya", .later, .id),
        ("berikutnya", .later, .id), ("later", .later, .en), ("afterwards", .later, .en),
        ("sebelumnya", .before, .id), ("earlier", .before, .en), ("before", .before, .en), ("after", .after, .en),
        ("yang", .yang, .id), ("sama", .same, .id), ("same", .same, .en), ("hari", .hari, .id), ("harinya", .harinya, .id),
        ("today", .today, .en), ("tonight", .tonight, .en),
        ("tanggal", .tanggal, .id), ("tgl", .tanggal, .id), ("pukul", .pukul, .id), ("pkl", .pukul, .id),
        ("jam", .jam, .id), ("at", .at, .en),
        ("sekitar", .around, .id), ("sekira", .around, .id), ("around", .around, .en),
        ("about", .around, .en), ("approximately", .around, .en),
        ("dan", .and, .id), ("and", .and, .en),
        ("awal", .start, .id), ("early", .start, .en), ("beginning", .startOf, .en), ("start", .startOf, .en),
        ("akhir", .end, .id), ("late", .end, .en), ("end", .endOf, .en),
        ("pertengahan", .middle, .id), ("medio", .middle, .id), ("mid", .middle, .en), ("middle", .middleOf, .en),
        ("tadi", .tadi, .id), ("keesokan", .keesokan, .id),
        ("beberapa", .vague, .id), ("puluhan", .vague, .id), ("belasan", .vague, .id),
        ("ratusan", .vague, .id), ("berbulan", .vague, .id), ("bertahun", .vague, .id),
        ("several", .vague, .en), ("few", .vague, .en), ("many", .vague, .en), ("some", .vague, .en),
        ("couple", .vague, .en), ("numerous", .vague, .en),
        ("setiap", .every, .id), ("tiap", .every, .id), ("saban", .every, .id), ("every", .every, .en),
        ("each", .every, .en),
        ("peringatan", .commemorate, .id), ("memperingati", .commemorate, .id),
        ("anniversary", .anniversary, .en), ("ulang", .ulang, .id), ("hut", .hut, .id), ("ke", .ke, .id),
        ("dikenal", .generic, .id), ("diperingati", .generic, .id), ("ditetapkan", .generic, .id),
        ("dirayakan", .generic, .id), ("known", .generic, .en), ("celebrated", .generic, .en),
        ("observed", .generic, .en), ("commemorated", .generic, .en),
        ("waktu", .waktu, .id), ("setempat", .setempat, .id), ("local", .local, .en), ("time", .time, .en),
        ("kuartal", .quarter, .id), ("triwulan", .quarter, .id), ("quarter", .quarter, .en),
        ("semester", .half, .id), ("half", .half, .en),
        ("akan", .future, .id), ("bakal", .future, .id), ("hendak", .future, .id),
        ("dijadwalkan", .future, .id), ("rencananya", .future, .id), ("will", .future, .en),
        ("scheduled", .future, .en),
        ("the", .the, .en), ("of", .of, .en),
        ("following", .following, .en), ("previous", .previous, .en), ("preceding", .previous, .en),
        ("prior", .previous, .en),
        ("black", .holidayPrefix, .en), ("cyber", .holidayPrefix, .en), ("good", .holidayPrefix, .en),
        ("easter", .holidayPrefix, .en), ("palm", .holidayPrefix, .en), ("super", .holidayPrefix, .en),
        ("ash", .holidayPrefix, .en), ("holy", .holidayPrefix, .en), ("maundy", .holidayPrefix, .en),
        ("th", .ordinalSuffix, .en), ("st", .ordinalSuffix, .en), ("nd", .ordinalSuffix, .en),
        ("rd", .ordinalSuffix, .en), ("an", .an, .id), ("s", .s, .en),
        ("am", .am, .en), ("pm", .pm, .en), ("dini", .dini, .id),
        ("pada", .cue, .id), ("sejak", .cue, .id), ("hingga", .until, .id), ("sampai", .until, .id),
        ("selama", .cue, .id), ("per", .cue, .id), ("menjelang", .cue, .id), ("jelang", .cue, .id),
        ("in", .cue, .en), ("on", .cue, .en), ("since", .cue, .en), ("until", .until, .en),
        ("till", .until, .en), ("by", .cue, .en), ("during", .cue, .en), ("from", .cue, .en),
        ("through", .until, .en),
        ("nomor", .numberLabel, .id), ("nomer", .numberLabel, .id), ("no", .numberLabel, .both),
        ("nr", .numberLabel, .both), ("number", .numberLabel, .en), ("penerbangan", .numberLabel, .id),
        ("flight", .numberLabel, .en), ("kode", .numberLabel, .id), ("code", .numberLabel, .en),
        ("seri", .numberLabel, .id), ("series", .numberLabel, .en), ("tipe", .numberLabel, .id),
        ("type", .numberLabel, .en), ("model", .numberLabel, .both), ("pasal", .numberLabel, .id),
        ("ayat", .numberLabel, .id), ("article", .numberLabel, .en), ("jalan", .numberLabel, .id),
        ("jl", .numberLabel, .id), ("rp", .numberLabel, .id), ("usd", .numberLabel, .both),
        ("idr", .numberLabel, .both), ("us", .numberLabel, .both), ("rute", .numberLabel, .id),
        ("kamar", .numberLabel, .id), ("room", .numberLabel, .en), ("gate", .numberLabel, .en),
        ("sebanyak", .numberLabel, .id), ("sejumlah", .numberLabel, .id), ("total", .numberLabel, .both),
        ("mencapai", .numberLabel, .id), ("reached", .numberLabel, .en),
        ("orang", .countNoun, .id), ("jiwa", .countNoun, .id), ("unit", .countNoun, .id),
        ("buah", .countNoun, .id), ("ekor", .countNoun, .id), ("kali", .countNoun, .id),
        ("kaki", .countNoun, .id), ("meter", .countNoun, .both), ("m", .countNoun, .both),
        ("km", .countNoun, .both), ("kg", .countNoun, .both), ("ton", .countNoun, .both),
        ("mil", .countNoun, .id), ("hektare", .countNoun, .id), ("hektar", .countNoun, .id),
        ("ha", .countNoun, .both), ("rumah", .countNoun, .id), ("kendaraan", .countNoun, .id),
        ("penumpang", .countNoun, .id), ("pasukan", .countNoun, .id), ("tentara", .countNoun, .id),
        ("personel", .countNoun, .id), ("prajurit", .countNoun, .id), ("warga", .countNoun, .id),
        ("korban", .countNoun, .id), ("peserta", .countNoun, .id), ("pengungsi", .countNoun, .id),
        ("lembar", .countNoun, .id), ("persen", .countNoun, .id), ("dolar", .countNoun, .id),
        ("dollar", .countNoun, .both), ("dollars", .countNoun, .en), ("rupiah", .countNoun, .id),
        ("miliar", .countNoun, .id), ("juta", .countNoun, .id), ("ribu", .countNoun, .id),
        ("triliun", .countNoun, .id), ("kilometer", .countNoun, .both), ("mw", .countNoun, .both),
        ("people", .countNoun, .en), ("persons", .countNoun, .en), ("feet", .countNoun, .en),
        ("meters", .countNoun, .en), ("metres", .countNoun, .en), ("miles", .countNoun, .en),
        ("troops", .countNoun, .en), ("soldiers", .countNoun, .en), ("units", .countNoun, .en),
        ("times", .countNoun, .en), ("percent", .countNoun, .en), ("tons", .countNoun, .en),
        ("passengers", .countNoun, .en), ("residents", .countNoun, .en), ("homes", .countNoun, .en),
        ("houses", .countNoun, .en), ("vehicles", .countNoun, .en), ("million", .countNoun, .en),
        ("billion", .countNoun, .en), ("hectares", .countNoun, .en), ("cc", .countNoun, .both),
    ]

    /// Every word, keyed by its folded spelling.
    static let words: [String: TimeWordInfo] = build()

    /// The words in a fixed order; a word's position is its index in ``index`` and the gated tables.
    static let keys: [String] = words.keys.sorted()

    static let index = LexiconIndex(keys: keys)

    /// The entries as a document in Indonesian (`[0]`) or English (`[1]`) sees them: a word of the other
    /// language keeps only its month, weekday, zone and numeral roles, and only beside numbers.
    static let gated: [[TimeWordInfo?]] = [
        keys.map { gate(words[$0], to: .id) },
        keys.map { gate(words[$0], to: .en) },
    ]

    /// Whether some lexicon word has this shape (first two letters and length, see ``shape(_:)``):
    /// a cheap test that skips the hash table for most words of a text.
    static let shapes: [Bool] = {
        var table = [Bool](repeating: false, count: 27 * 27 * 32)
        for key in keys {
            let bytes = Array(key.utf8)
            guard !bytes.isEmpty, bytes.count < 32 else { continue }
            table[bytes.withUnsafeBufferPointer { shape($0) }] = true
        }
        return table
    }()

    /// The slot of a folded word (1-31 bytes) in ``shapes``: its first two letters and its length.
    @inline(__always)
    static func shape(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        func letter(_ b: UInt8) -> Int { b >= 97 && b <= 122 ? Int(b - 96) : 0 }
        let second = key.count > 1 ? letter(key[1]) : 0
        return (letter(key[0]) * 27 + second) * 32 + key.count
    }

    private static func gate(_ info: TimeWordInfo?, to languages: LanguageSet) -> TimeWordInfo? {
        guard let info else { return nil }
        guard info.languages.isDisjoint(with: languages) else { return info }
        guard info.month > 0 || info.weekday > 0 || info.zoneMinutes != nil || info.roman > 0 else { return nil }
        var foreign = TimeWordInfo(languages: info.languages)
        foreign.month = info.month
        foreign.monthNeedsNumber = true
        foreign.weekday = info.weekday
        foreign.weekdayNeedsDate = true
        foreign.zoneMinutes = info.zoneMinutes
        foreign.roman = info.roman
        return foreign
    }

    private static func build() -> [String: TimeWordInfo] {
        var table: [String: TimeWordInfo] = [:]
        func edit(_ word: String, _ languages: LanguageSet, _ change: (inout TimeWordInfo) -> Void) {
            var info = table[word] ?? TimeWordInfo()
            info.languages.formUnion(languages)
            change(&info)
            table[word] = info
        }
        for (w, m) in monthsID { edit(w, .id) { $0.month = Int8(m) } }
        for (w, m) in monthsEN { edit(w, .en) { $0.month = Int8(m) } }
        for (w, m) in monthAbbreviationsID where table[w]?.month ?? 0 == 0 {
            edit(w, .id) { $0.month = Int8(m); $0.monthNeedsNumber = true }
        }
        for (w, m) in monthAbbreviationsEN {
            edit(w, .en) { info in
                if info.month == 0 || info.monthNeedsNumber { info.month = Int8(m); info.monthNeedsNumber = true }
                if w == "may" || w == "march" { info.monthNeedsCue = true }
            }
        }
        for (w, d) in weekdaysID { edit(w, .id) { $0.weekday = Int8(d) } }
        for (w, d) in weekdaysEN { edit(w, .en) { $0.weekday = Int8(d) } }
        for (w, d) in weekdayAbbreviationsEN { edit(w, .en) { $0.weekday = Int8(d); $0.weekdayNeedsDate = true } }
        for (w, n) in numbersID { edit(w, .id) { $0.number = Int16(n) } }
        for (w, n) in numbersEN { edit(w, .en) { $0.number = Int16(n) } }
        for (w, n, l) in ordinals { edit(w, l) { $0.ordinal = Int8(n) } }
        for (w, n) in romans { edit(w, .both) { $0.roman = Int8(n) } }
        for (w, u) in unitsID { edit(w, .id) { $0.unit = u } }
        for (w, u) in unitsEN { edit(w, .en) { $0.unit = u } }
        for (w, u) in oneUnitsID { edit(w, .id) { $0.oneUnit = u } }
        for (w, p, l) in partsOfDay { edit(w, l) { $0.partOfDay = p } }
        for (w, z) in zones { edit(w, .both) { $0.zoneMinutes = Int16(z) } }
        for (w, k, l) in keywords { edit(w, l) { if $0.keyword == nil { $0.keyword = k } } }
        edit("belas", .id) { $0.keyword = .belas }
        edit("puluh", .id) { $0.keyword = .puluh }
        return table
    }
}
