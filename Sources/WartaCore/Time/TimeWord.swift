/// A calendar unit named by a word ("hari", "pekan", "month").
enum TimeUnit: UInt8, Sendable {
    case day, week, month, year
}

/// A part of the day ("pagi", "malam", "evening"); it names no calendar point of its own.
enum PartOfDay: UInt8, Sendable {
    case dawn, morning, midday, afternoon, evening, night

    /// Hours written "pukul 8 malam" are evening hours: the hour to add to reach a 24-hour clock.
    func hour24(_ hour: Int) -> Int {
        switch self {
        case .dawn, .morning: return hour == 12 ? 0 : hour
        case .midday: return hour < 6 ? hour + 12 : hour
        case .afternoon, .evening: return hour < 12 ? hour + 12 : hour
        case .night: return hour >= 6 && hour < 12 ? hour + 12 : (hour == 12 ? 0 : hour)
        }
    }
}

/// The languages a word belongs to.
struct LanguageSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let id = LanguageSet(rawValue: 1)
    static let en = LanguageSet(rawValue: 2)
    static let both: LanguageSet = [.id, .en]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(code: String) {
        self = code.lowercased().hasPrefix("en") ? .en : .id
    }
}

/// Function words the grammar looks for, Indonesian and English mapped together where they
/// play the same part.
enum TimeKeyword: UInt8, Sendable {
    /// lalu, silam, ago
    case ago
    /// kemarin, yesterday
    case yesterday
    /// besok, esok, tomorrow
    case tomorrow
    /// lusa (the day after tomorrow)
    case lusa
    /// ini, this
    case this
    /// itu, that
    case that
    /// depan, mendatang, next, coming, upcoming
    case next
    /// last (English, before the unit)
    case last
    /// lagi ("tiga hari lagi": three days from now)
    case fromNow
    /// kemudian, setelahnya, sesudahnya, berikutnya, later, afterwards
    case later
    /// sebelumnya, earlier, before
    case before
    /// after ("the day after tomorrow")
    case after
    /// yang ("dua tahun yang lalu")
    case yang
    /// sama, same
    case same
    /// hari (day) as a head word: "hari ini", "hari Rabu", "hari itu"
    case hari
    /// harinya ("keesokan harinya": the next day)
    case harinya
    /// today
    case today
    /// tonight
    case tonight
    /// tanggal, tgl (date)
    case tanggal
    /// pukul, pkl (o'clock)
    case pukul
    /// jam (hour; "jam 9" is nine o'clock)
    case jam
    /// at
    case at
    /// sekitar, sekira, around, about, approximately
    case around
    /// dan, and
    case and
    /// awal, early
    case start
    /// akhir, late
    case end
    /// pertengahan, medio, mid
    case middle
    /// English nouns that need "of": "the beginning of", "the end of", "the middle of"
    case startOf, endOf, middleOf
    /// tadi ("tadi pagi": this morning)
    case tadi
    /// keesokan ("keesokan harinya": the next day)
    case keesokan
    /// beberapa, puluhan, several, few, ...: a vague count
    case vague
    /// setiap, tiap, saban, every, each: a recurring date
    case every
    /// peringatan, memperingati
    case commemorate
    /// anniversary
    case anniversary
    /// ulang ("ulang tahun ke-70")
    case ulang
    /// HUT ("HUT ke-78")
    case hut
    /// ke ("ke-70")
    case ke
    /// dikenal, diperingati, ditetapkan, dirayakan, known, celebrated, observed: a date named as a day of the year
    case generic
    /// waktu ("waktu setempat")
    case waktu
    /// setempat ("waktu setempat": local time)
    case setempat
    /// local ("local time")
    case local
    /// time ("local time")
    case time
    /// kuartal, triwulan, quarter
    case quarter
    /// semester, half
    case half
    /// akan, bakal, hendak, dijadwalkan, rencananya, will, scheduled: the clause looks forward
    case future
    /// the
    case the
    /// of
    case of
    /// following, previous, preceding, prior: "the following day", "the previous day"
    case following
    case previous
    /// th, st, nd, rd after a number
    case ordinalSuffix
    /// an ("1990-an")
    case an
    /// s ("1990s")
    case s
    /// am, pm (also written a.m., p.m.)
    case am
    case pm
    /// dini ("dini hari": small hours)
    case dini
    /// pada, sejak, selama, in, on, since, by, during, from: words that introduce a date
    case cue
    /// hingga, sampai, until, till, through: words that introduce a date or join the ends of a range
    case until
    /// nomor, no, penerbangan, kode, seri, tipe, Rp, ...: the number after is a label or amount, not a year
    case numberLabel
    /// orang, kaki, unit, persen, people, feet, ...: the number before is a count, not a year
    case countNoun
    /// black, cyber, good, easter, palm, super, ash: "Black Friday" is a name, not a weekday
    case holidayPrefix
    /// belas ("dua belas": twelve)
    case belas
    /// puluh ("dua puluh": twenty)
    case puluh
}

/// What the lexicon knows about one word. A word may have several roles: "minggu" is both
/// Sunday and week; "hari" is the unit day and the head of "hari ini".
struct TimeWordInfo: Sendable {
    var languages: LanguageSet = []
    /// 1...12, or 0.
    var month: Int8 = 0
    /// The month word is an abbreviation ("Sept", "Okt") or a common word too ("May", "March"):
    /// it counts only beside a day or a year.
    var monthNeedsNumber = false
    /// "May", "March": a month alone only capitalized after a cue ("in May").
    var monthNeedsCue = false
    /// ISO weekday 1 (Monday) ... 7 (Sunday), or 0.
    var weekday: Int8 = 0
    /// The weekday word is an abbreviation ("Sat", "Wed"): it counts only before a date.
    var weekdayNeedsDate = false
    /// Value of a number word ("tiga", "twelve"), or -1.
    var number: Int16 = -1
    /// Ordinal word ("ketiga", "third"), or 0.
    var ordinal: Int8 = 0
    /// Roman numeral ("III"), or 0.
    var roman: Int8 = 0
    var unit: TimeUnit?
    /// A word that is one of a unit: "sehari", "sebulan".
    var oneUnit: TimeUnit?
    var partOfDay: PartOfDay?
    /// UTC offset in minutes of a zone abbreviation ("WIB": 420).
    var zoneMinutes: Int16?
    var keyword: TimeKeyword?
}
