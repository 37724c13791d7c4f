import Testing
import WartaCore

@Suite("NERTokenizer")
struct NERTokenizerTests {
    /// `text[start:end]` in Unicode scalars, as Python slices a `str`.
    func slice(_ text: String, _ token: Token) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[token.start..<token.end])
        return String(view)
    }

    @Test("offsets count Unicode scalars, like Python's text[start:end]")
    func offsets() {
        // "é" written as e + combining acute is two scalars; the emoji is one.
        let text = "Cafe\u{301} 😀 di Jakarta, Kim Jong-un tiba."
        let tokens = NERTokenizer.sentences(in: text).flatMap { $0 }
        #expect(tokens.map(\.text) == ["Cafe\u{301}", "😀", "di", "Jakarta", ",", "Kim", "Jong-un", "tiba", "."])
        for token in tokens { #expect(slice(text, token) == token.text) }
        #expect(tokens[2].start == 8)
        #expect(tokens[3].start == 11 && tokens[3].end == 18)
    }

    @Test(
        "tokens split as the training data does",
        arguments: [
            ("Tn. Ahmad tiba di AS (Amerika Serikat).", ["Tn.", "Ahmad", "tiba", "di", "AS", "(", "Amerika", "Serikat", ")", "."]),
            ("\"Kami siap,\" ujar M. Hendra.", ["\"", "Kami", "siap", ",", "\"", "ujar", "M.", "Hendra", "."]),
            ("Harga naik 2.000 rupiah atau 3,5 persen pada 10/9/2019.", ["Harga", "naik", "2.000", "rupiah", "atau", "3,5", "persen", "pada", "10/9/2019", "."]),
            ("Dr. Budi, S.H. dari Tribunnews.com dan PDI-P.", ["Dr.", "Budi", ",", "S.H.", "dari", "Tribunnews.com", "dan", "PDI-P", "."]),
            ("Ma'ruf Amin berkata...", ["Ma'ruf", "Amin", "berkata", "..."]),
        ])
    func tokens(text: String, expected: [String]) {
        #expect(NERTokenizer.tokens(in: text).map(\.text) == expected)
    }

    @Test("sentences end at a final stop before a capital, and at every line break")
    func sentences() {
        let text = "Jokowi tiba di Bandung. \"Saya senang.\" Ia lalu pergi ke Jl. Merdeka.\nBaris baru tanpa titik\nLagi"
        let sentences = NERTokenizer.sentences(in: text).map { $0.map(\.text).joined(separator: " ") }
        #expect(
            sentences == [
                "Jokowi tiba di Bandung .", "\" Saya senang . \"", "Ia lalu pergi ke Jl. Merdeka .",
                "Baris baru tanpa titik", "Lagi",
            ])
        #expect(NERTokenizer.sentences(in: "").isEmpty)
        #expect(NERTokenizer.sentences(in: "  \n ").isEmpty)
    }
}
