import Foundation
import Testing
import WartaCore

@Suite struct TextReadingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try TextDecoder.decode(Array("Menlu Rusia tiba.".utf8), document: "a.txt")
        let bom = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Menlu Rusia tiba.".utf8), document: "b.txt")
        #expect(plain.0 == "Menlu Rusia tiba.")
        #expect(bom.0 == plain.0)
        #expect(bom.1 == .utf8)
    }

    @Test func windows1252Fallback() throws {
        // "café “Merdeka”" in Windows-1252: é = E9, curly quotes = 93/94.
        let bytes: [UInt8] = Array("caf".utf8) + [0xE9, 0x20, 0x93] + Array("Merdeka".utf8) + [0x94]
        let (text, encoding) = try TextDecoder.decode(bytes, document: "old.txt")
        #expect(encoding == .windows1252)
        #expect(text == "café \u{201C}Merdeka\u{201D}")
    }

    @Test(arguments: [
        ([0x00, 0x01, 0x02, 0x41] as [UInt8], "binary"),
        ([0x20, 0x0A, 0x20] as [UInt8], "empty"),
        ([0xFF, 0xFE, 0x41, 0x00] as [UInt8], "not-text"),
    ])
    func refusedBytes(bytes: [UInt8], code: String) {
        do {
            _ = try TextDecoder.decode(bytes, document: "x.txt")
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
            #expect(error.description.hasPrefix("x.txt: "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test(arguments: [
        ("a\r\nb\rc", "a\nb\nc"),
        ("kata\u{00A0}kunci", "kata kunci"),
        ("zero\u{200B}width", "zerowidth"),
        ("soft\u{00AD}hyphen", "softhyphen"),
        ("tab\there", "tab here"),
        ("Cafe\u{0301}", "Caf\u{00E9}"),
    ])
    func normalisation(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    @Test(arguments: [
        // UTF-8 read as Windows-1252, and as Mac Roman.
        ("\u{00E2}\u{20AC}\u{0153}Kami siap\u{00E2}\u{20AC}\u{009D}, katanya", "\u{201C}Kami siap\u{201D}, katanya"),
        ("Kim\u{00E2}\u{20AC}\u{2122}s visit", "Kim\u{2019}s visit"),
        ("\u{201A}\u{00C4}\u{00FA}Kami siap\u{201A}\u{00C4}\u{00F9}", "\u{201C}Kami siap\u{201D}"),
        ("harga\u{00AC}\u{2020}naik", "harga naik"),
    ])
    func mojibakeRepair(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test func ordinaryAccentsAreNotTouched() {
        let text = "Résumé of São Paulo — naïve “quotes” ¬ sign"
        #expect(TextNormalizer.normalize(text) == text)
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = String(repeating: "a", count: 1_000)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test(arguments: [
        ("Pemerintah mengatakan bahwa kerja sama itu akan dilanjutkan pada tahun depan dengan anggaran yang lebih besar.", "id"),
        ("The government said that the cooperation would continue next year with a larger budget for both sides.", "en"),
    ])
    func languageGuess(text: String, language: String) {
        #expect(LanguageGuesser.guess(text) == language)
    }
}
