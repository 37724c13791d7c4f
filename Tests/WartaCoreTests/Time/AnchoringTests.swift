import Foundation
import Testing
import WartaCore

/// Documents without a publication date, year hints, weekday conflicts, notes and the JSON shape.
@Suite("Anchoring")
struct AnchoringTests {
    let extractor = TimeExtractor()

    @Test("an anniversary with a base year gives the document's year")
    func anniversary() throws {
        let text = "Negara itu merayakan peringatan 50 tahun kemerdekaan (1 Juni 1973). Pawai digelar 1 Juni. "
            + "Tahun lalu pawai dibatalkan."
        let m = extractor.extract(text: text, published: nil, language: "id")
        #expect(m.map { "\($0.text)=\($0.value)" } == ["1 Juni 1973=1973-06-01", "1 Juni=2023-06-01", "Tahun lalu=2022"])
        let parade = try #require(m.first { $0.text == "1 Juni" })
        #expect(parade.anchor == "context")
        #expect(parade.note?.contains("50 years after 1973") == true)
    }

    @Test("a weekday beside a day and month pins the year near the document's other years")
    func weekdayPinsYear() {
        let text = "Kesepakatan itu mengakhiri konflik sejak 2022. Kedua menteri bertemu Kamis, 14 September. "
            + "Sehari kemudian mereka berpisah."
        let m = extractor.extract(text: text, published: nil, language: "id")
        #expect(m.map { "\($0.text)=\($0.value)" } == ["2022=2022", "Kamis, 14 September=2023-09-14", "Sehari kemudian=2023-09-15"])
        #expect(m.first { $0.text.hasPrefix("Kamis") }?.anchor == "context")
    }

    @Test("a year hint fills documents with no year of their own")
    func yearHint() {
        let text = "Delegasi tiba pada 3 Maret. Presiden menerima mereka pada bulan Februari lalu. Dua bulan lalu ada KTT."
        let hint = YearHint(year: 2022, anchor: "knowledge", note: "term of office")
        let m = extractor.extract(text: text, published: nil, language: "id", yearHint: hint)
        #expect(m.map { "\($0.text)=\($0.value)" } == ["3 Maret=2022-03-03", "bulan Februari lalu=2022-02", "Dua bulan lalu=2022-01"])
        #expect(m.first?.anchor == "knowledge")
        #expect(m.first?.note?.contains("term of office") == true)
        #expect(m.last?.anchor == "context")
    }

    @Test("without any year the year stays XXXX and relative expressions are dropped")
    func unknownYear() {
        let m = extractor.extract(text: "Pada 9 Juli mereka bertemu. Bulan lalu tidak ada rapat.", published: nil, language: "id")
        #expect(m.map { "\($0.text)=\($0.value)" } == ["9 Juli=XXXX-07-09"])
    }

    @Test("a day named as a day of every year keeps XXXX even when the year is known")
    func genericDay() {
        let text = "Pada 1 Juni 2023 pawai digelar. Tanggal 1 Juni diperingati sebagai hari lahir Pancasila."
        let m = extractor.extract(text: text, published: "2023-06-02", language: "id")
        #expect(m.map { "\($0.text)=\($0.value)" } == ["1 Juni 2023=2023-06-01", "Tanggal 1 Juni=XXXX-06-01"])
    }

    @Test("a weekday that does not fall on the date keeps the date and says so")
    func weekdayConflict() throws {
        let m = extractor.extract(text: "Sidang digelar Jumat, 18 Oktober 2023.", published: "2023-10-20", language: "id")
        let mention = try #require(m.first)
        #expect(mention.value == "2023-10-18")
        #expect(mention.conflict == true)
        #expect(mention.note == "weekday Jumat conflicts with 2023-10-18 (a Wednesday)")
        let fine = extractor.extract(text: "Sidang digelar Rabu, 18 Oktober 2023.", published: "2023-10-20", language: "id")
        #expect(fine.first?.conflict == nil)
    }

    @Test("relative expressions take the latest date of a document without publication date")
    func contextReference() {
        let text = "KTT berlangsung 10 Mei 2024 dan 12 Mei 2024. Tiga bulan lalu persiapan dimulai."
        let m = extractor.extract(text: text, published: nil, language: "id")
        #expect(m.last.map { "\($0.text)=\($0.value)@\($0.anchor)" } == "Tiga bulan lalu=2024-02@context")
    }

    @Test("a bare clock time takes the date before it in its paragraph, else a later publication time, else nothing")
    func bareClock() {
        let a = extractor.extract(text: "Pada Rabu (18/10/2023) api muncul pukul 14.00 WIB.", published: "2023-10-20", language: "id")
        #expect(a.map { "\($0.text)=\($0.value)" } == ["Rabu (18/10/2023)=2023-10-18", "pukul 14.00 WIB=2023-10-18T14:00+07:00"])
        let b = extractor.extract(text: "Api muncul pukul 14.00 WIB.", published: "2023-10-20T09:00:00+07:00", language: "id")
        #expect(b.isEmpty)
        let c = extractor.extract(text: "Api muncul pukul 08.30 WIB.", published: "2023-10-20T09:00:00+07:00", language: "id")
        #expect(c.map(\.value) == ["2023-10-20T08:30+07:00"])
    }

    @Test("ISO weeks across a year boundary")
    func isoWeekAcrossYears() {
        let m = extractor.extract(text: "Harga turun pekan lalu.", published: "2021-01-05", language: "id")
        #expect(m.map(\.value) == ["2020-W53"])
        let n = extractor.extract(text: "Harga turun pekan lalu.", published: "2024-01-08", language: "id")
        #expect(n.map(\.value) == ["2024-W01"])
    }

    @Test("leap days are checked against the year")
    func leapDays() {
        #expect(extractor.extract(text: "Pada 29 Februari 2024 hujan.", published: nil, language: "id").map(\.value) == ["2024-02-29"])
        // No 29 February in 2023: only the month is read.
        #expect(extractor.extract(text: "Pada 29 Februari 2023 hujan.", published: nil, language: "id").map(\.value) == ["2023-02"])
    }

    private static func encode(_ m: TimeMention) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(m)
    }

    @Test("JSON keys are the format's names; note and conflict only when set")
    func encoding() throws {
        let plain = TimeMention(start: 3, end: 7, text: "2020", value: "2020", anchor: "explicit")
        let json = String(decoding: try Self.encode(plain), as: UTF8.self)
        #expect(json == #"{"anchor":"explicit","end":7,"start":3,"text":"2020","value":"2020"}"#)
        let noted = TimeMention(start: 0, end: 4, text: "Rabu", value: "2023-10-18", anchor: "published", note: "n", conflict: true)
        let json2 = String(decoding: try Self.encode(noted), as: UTF8.self)
        #expect(json2.contains(#""note":"n""#) && json2.contains(#""conflict":true"#))
    }
}

