import Testing
import WartaCore

/// Odd input never crashes and offsets count Unicode scalars.
@Suite("Robustness")
struct RobustnessTests {
    static let odd: [String] = [
        "",
        " ",
        "\n\n\n",
        "99999999 Juli",
        "pada 99999999999999999999999 Juli 99999999999",
        "tanggal 0 Januari 0000, tahun 99999, pukul 99.99 WIB, 31/02/2023",
        "Senin (",
        "Senin (17/",
        "Rabu, (13/9/20",
        "pukul",
        "9999 tahun lalu dan 5000 tahun lalu",
        "tahun tahun tahun lalu lalu lalu",
        "🙂🙂 17 Agustus 1945 🇮🇩 merdeka",
        "e\u{301}\u{301}\u{301} 3 Mei 2020",
        "\u{0}\u{FFFF}\u{10FFFF} 2020",
        String(repeating: "1", count: 5000),
        String(repeating: "Senin ", count: 2000),
        "kuartal V 2023 dan semester III",
        "1-2-3-4-5-6-7-8-9",
        "https://example.com/2023/09/17/berita-123",
    ]

    @Test("never crashes; every mention's offsets give its text", arguments: odd)
    func noCrash(_ text: String) {
        let mentions = TimeExtractor().extract(text: text, published: "2023-10-20", language: "id")
        let scalars = Array(text.unicodeScalars)
        for m in mentions {
            #expect(m.start >= 0 && m.start < m.end && m.end <= scalars.count)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[m.start..<m.end])
            #expect(String(view) == m.text)
        }
    }

    @Test("offsets count Unicode scalars, not UTF-16 units or bytes")
    func scalarOffsets() throws {
        let text = "🙂 e\u{301} 17 Agustus 1945"
        let m = try #require(TimeExtractor().extract(text: text, published: nil, language: "id").first)
        #expect(m.start == 5)
        #expect(m.end == 5 + "17 Agustus 1945".unicodeScalars.count)
        #expect(m.value == "1945-08-17")
    }

    @Test("a bad publication date is ignored")
    func badPublished() {
        for published in ["", "kemarin", "2023-13-45", "20231020", "2023-02-30T10:00"] {
            let m = TimeExtractor().extract(text: "Rapat digelar 5 Mei.", published: published, language: "id")
            #expect(m.map(\.value) == ["XXXX-05-05"])
        }
    }

    @Test("the explain helper lists one line per mention")
    func explain() {
        let lines = TimeExtractor().explain(text: "Rapat digelar bulan lalu.", anchor: "2023-10-20")
        #expect(lines == [#"14-24  "bulan lalu"  2023-09  published  (1 month before publication date 2023-10-20)"#])
    }
}

/// Random texts made of the pieces dates are made of: whatever comes out must hold together.
@Suite("Random input")
struct RandomInputTests {
    /// A small repeatable generator (xorshift), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
    }

    static let pieces = [
        "Senin", "Minggu", "minggu", "Jumat", "Rabu,", "(", ")", "/", "-", "–", ".", ",", ":", " ", " ", " ", "\n",
        "17", "9", "2023", "1953", "99999999", "0", "31", "12", "29", "Februari", "Juli", "Sept.", "May", "tanggal",
        "tahun", "bulan", "pekan", "hari", "ini", "itu", "lalu", "depan", "kemarin", "besok", "lusa", "kemudian",
        "sebelumnya", "pukul", "jam", "WIB", "GMT", "+", "malam", "pagi", "peringatan", "70", "ke", "HUT", "setiap",
        "tiga", "dua", "belas", "puluh", "sehari", "beberapa", "awal", "akhir", "kuartal", "III", "Q", "an", "s",
        "🙂", "e\u{301}", "\u{0}", "’", "'", "the", "last", "next", "ago", "on", "at", "p.m.", "of", "yang",
    ]

    @Test("random texts: offsets fit, texts match, values are not empty", arguments: 0..<40)
    func random(_ seed: Int) {
        var g = Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
        var text = ""
        for _ in 0..<(50 + g.next(400)) { text += Self.pieces[g.next(Self.pieces.count)] }
        let published: String? = g.next(3) == 0 ? nil : "2023-10-20T10:00:00+07:00"
        let hint: YearHint? = g.next(2) == 0 ? YearHint(year: g.next(2) == 0 ? 2024 : Int.max) : nil
        let scalars = Array(text.unicodeScalars)
        for language in ["id", "en"] {
            for m in TimeExtractor().extract(text: text, published: published, language: language, yearHint: hint) {
                #expect(m.start >= 0 && m.start < m.end && m.end <= scalars.count)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[m.start..<m.end])
                #expect(String(view) == m.text)
                #expect(!m.value.isEmpty && !m.anchor.isEmpty)
            }
        }
    }
}
