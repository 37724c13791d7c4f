/// Which way an expression leans from its reference date: "Juni lalu" is the June before,
/// "Senin depan" the Monday after, "Senin ini" the Monday of this week.
enum Lean: UInt8, Sendable {
    case none, past, future, current
    /// "Senin pekan lalu": the weekday in the week before.
    case previousWeek
    /// "Senin pekan depan": the weekday in the week after.
    case nextWeek
}

/// A time of day as written ("pukul 18.44 WIB"). Stored small: matches are copied often.
struct ClockTime: Sendable, Hashable {
    private var h: Int8
    private var m: Int8
    /// Zone offset in minutes, or `Int16.min` for none.
    private var z: Int16

    var hour: Int {
        get { Int(h) }
        set { h = Int8(clamping: newValue) }
    }
    var minute: Int {
        get { Int(m) }
        set { m = Int8(clamping: newValue) }
    }
    /// Offset from UTC in minutes when a zone was named.
    var zone: Int? {
        get { z == .min ? nil : Int(z) }
        set { z = newValue.map { Int16(clamping: $0) } ?? .min }
    }

    init(hour: Int, minute: Int, zone: Int?) {
        h = Int8(clamping: hour)
        m = Int8(clamping: minute)
        z = zone.map { Int16(clamping: $0) } ?? .min
    }
}

/// The edge of a period that a modifier names ("awal bulan", "late 2023"); kept for the note only,
/// since the value is the period itself.
enum PeriodEdge: UInt8, Sendable {
    case start, middle, end
}

/// The parts of a calendar date that a text gives; missing parts are nil. Stored small (a
/// sentinel for "missing") because matches are copied often.
struct DateParts: Sendable, Hashable {
    private var y: Int32
    private var mo: Int8
    private var d: Int8
    private var wd: Int8
    private var ry: Int16
    var clock: ClockTime?
    var partOfDay: PartOfDay?
    var lean: Lean
    /// A day of every year ("setiap 17 Agustus", "27 Juli dikenal sebagai ..."): its year stays XXXX.
    var generic = false

    init(year: Int? = nil, month: Int? = nil, day: Int? = nil, weekday: Int? = nil, lean: Lean = .none) {
        y = year.map { Int32(clamping: $0) } ?? .min
        mo = month.map { Int8(clamping: $0) } ?? 0
        d = day.map { Int8(clamping: $0) } ?? 0
        wd = weekday.map { Int8(clamping: $0) } ?? 0
        ry = .min
        self.lean = lean
    }

    var year: Int? {
        get { y == .min ? nil : Int(y) }
        set { y = newValue.map { Int32(clamping: $0) } ?? .min }
    }
    /// 1...12.
    var month: Int? {
        get { mo == 0 ? nil : Int(mo) }
        set { mo = newValue.map { Int8(clamping: $0) } ?? 0 }
    }
    /// 1...31.
    var day: Int? {
        get { d == 0 ? nil : Int(d) }
        set { d = newValue.map { Int8(clamping: $0) } ?? 0 }
    }
    /// The weekday named beside (or instead of) the date, 1 = Monday.
    var weekday: Int? {
        get { wd == 0 ? nil : Int(wd) }
        set { wd = newValue.map { Int8(clamping: $0) } ?? 0 }
    }
    /// "Juni tahun lalu": the year is this many years from the reference year.
    var relativeYear: Int? {
        get { ry == .min ? nil : Int(ry) }
        set { ry = newValue.map { Int16(clamping: $0) } ?? .min }
    }

    /// The text names a single day (or a weekday, which resolves to one).
    var isDayLevel: Bool { day != nil || weekday != nil }
}

/// Where a shifted expression counts from.
enum ShiftBase: UInt8, Sendable {
    /// The document's reference date: "kemarin", "bulan lalu", "tiga tahun lalu".
    case reference
    /// The last date the text gave before the expression: "hari itu", "sebulan kemudian".
    case context
}

/// A date some units away from a base date.
struct Shift: Sendable, Hashable {
    var unit: TimeUnit
    var amount: Int
    var base: ShiftBase
    /// The precision of the value; nil: the unit's own (day, week, month, year).
    var precision: TimeUnit?
    var clock: ClockTime?
    var partOfDay: PartOfDay?

    var isDayLevel: Bool { (precision ?? unit) == .day }
}

/// What a matched expression says, before it is anchored.
enum TimeExpression: Sendable, Hashable {
    /// A full or partial date, a weekday, a month, a year.
    case date(DateParts)
    /// From one date to another ("25-27 Juli", "1950-1953").
    indirect case range(DateParts, DateParts)
    /// A decade: "1990-an" is 199.
    case decade(Int)
    /// A quarter ("kuartal III 2023") or a half year ("semester I"); nil year: from the anchor.
    case quarter(year: Int?, index: Int, half: Bool)
    case shift(Shift)
    /// A time of day with no date of its own.
    case clock(ClockTime)
    /// A vague expression ("beberapa hari lalu"): read so that its words are not taken apart, never output.
    case vague
}

/// A matched expression: the tokens `first..<end` and what they say.
struct TimeMatch: Sendable {
    var first: Int
    var end: Int
    var expression: TimeExpression
    var edge: PeriodEdge?
    /// The clause looks forward ("akan", "will"): a bare weekday is the next one, not the last.
    var future = false

    init(first: Int, end: Int, expression: TimeExpression, edge: PeriodEdge? = nil) {
        self.first = first
        self.end = end
        self.expression = expression
        self.edge = edge
    }
}
