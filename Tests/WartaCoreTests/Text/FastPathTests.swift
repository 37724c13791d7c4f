import Foundation
import Testing

@testable import WartaCore

/// The ASCII fast paths give exactly what the general Unicode paths give.
@Suite struct FastPathTests {
    @Test func nameKeyASCIIMatchesScalarPath() {
        // Letters, digits, spaces and the punctuation the keys treat specially.
        for text in randomTexts(count: 2_000, from: "aZkJ09 -_/.'`,()\"\t\nqM\r!?", maxLength: 24, seed: 7) {
            #expect(NameKey.makeASCII(text) == NameKey.makeScalars(text), "\(text.debugDescription)")
        }
        #expect(NameKey.make("Kim Jong-un") == "kim jong un")
        #expect(NameKey.make("Tn. KIM") == "tn kim")
        #expect(NameKey.makeASCII("Ségolène") == nil)
        #expect(NameKey.make("Ségolène Royal") == "ségolène royal")
    }

    @Test func wordTokensOfASCIIAndAccentedText() {
        let text = "Kim Jong-un bertemu Shoigu di Pyongyang, 13/9 pukul 10.30 WIB; Ségolène's café D'Arc, Korea’s Kang, Jum'at"
        let scalars = Array(text.unicodeScalars)
        let tokens = WordTokens.tokens(in: scalars[...])
        // A possessive "'s" is a token of its own, not a word, so "North Korea's" holds the name "North Korea".
        #expect(tokens.filter(\.isWord).map(\.text) == [
            "Kim", "Jong-un", "bertemu", "Shoigu", "di", "Pyongyang", "13", "9", "pukul", "10", "30", "WIB", "Ségolène",
            "café", "D'Arc", "Korea", "Kang", "Jum'at",
        ])
        #expect(tokens.filter { !$0.isWord }.map(\.text).filter { $0.count == 2 } == ["'s", "’s"])
        for token in tokens {
            #expect(token.lower == token.text.lowercased())
            #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == token.text)
        }
        #expect(!tokens.contains { $0.text == " " })
    }

    @Test func lineWordsKeepAccentsAndSplitOnPunctuation() {
        #expect(LineText.words(in: "Baca juga: Kim–Putin, café 2024!").map(String.init) == ["Baca", "juga", "Kim", "Putin", "café", "2024"])
        #expect(LineText.words(in: "").isEmpty)
    }
}

@Suite struct ByteSearchTests {
    @Test func splitMatchesFoundationComponents() {
        for text in randomTexts(count: 1_000, from: "ab |›", maxLength: 20, seed: 11) {
            for separator in [" | ", " › ", "a"] {
                let parts = ByteSearch.split(Array(text.utf8), separator: Array(separator.utf8)).map { String(decoding: $0, as: UTF8.self) }
                #expect(parts == text.components(separatedBy: separator), "\(text.debugDescription) / \(separator)")
            }
        }
    }

    @Test func collapseKeepsNonASCIIAndFoldsUnicodeSpaces() {
        #expect(LineText.collapse("  “Kata”\u{00A0}\u{00A0}dia —\tlalu\n ") == "“Kata” dia — lalu")
        #expect(LineText.collapse("sudah rapi") == "sudah rapi")
        #expect(Cleaner.isMenu("Beranda › Internasional › Asia"))
        #expect(!Cleaner.isMenu("Harga naik 5 | turun 3 | tetap 2"))
        #expect(!Cleaner.isMenu("Kim bertemu Putin / Shoigu"))
    }
}

@Suite struct FoldingTests {
    @Test func lowercasingMatchesTheStandardLibrary() {
        for text in randomTexts(count: 2_000, from: "aZ Ä ß İ Σ ç É ǅ ŉ “Kim” Jong-un ΑΒΓ ДЖ ﬀ 1 \u{0301}", maxLength: 16, seed: 5) {
            #expect(LineText.lowercased(text) == text.lowercased(), "\(text.debugDescription)")
        }
    }

    @Test func unicodeSpacesAreTheWhiteSpaceProperty() {
        for v in UInt32(0x80)..<0x3100 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(LineText.isUnicodeSpace(v) == scalar.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    @Test func normalizingASCIIChangesNothingAndControlsStillGo() {
        #expect(TextNormalizer.normalize("Kim bertemu Putin.\nLalu pulang.") == "Kim bertemu Putin.\nLalu pulang.")
        #expect(TextNormalizer.normalize("a\r\nb\tc\u{7}d\u{00A0}e\u{200B}f “g”") == "a\nb cd ef “g”")
    }
}

@Suite struct ClassHintTests {
    @Test func oneScanFindsWhatNeedleByNeedleFinds() {
        var generator = SeededGenerator(seed: 3)
        let words = ClassHints.positive + ClassHints.negative + ["grid", "col", "x", "-", "_", " ", "articl", "navi"]
        for _ in 0..<3_000 {
            let classes = (0..<Int.random(in: 0...4, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: ["", "-", " ", "__"].randomElement(using: &generator)!)
            let bytes = Array(classes.utf8)
            let expected = ClassHints.negative.contains { ByteSearch.firstIndex(of: Array($0.utf8), in: bytes) != nil }
            let needles = ClassHints.negative.map { Array($0.utf8) }
            #expect(ByteSearch.containsAny(bytes, needles, byFirst: ByteSearch.firstByteTable(needles)) == expected, "\(classes)")
        }
        #expect(ClassHints.hint("story-body__inner") == 1)
        #expect(ClassHints.hint("related-links") == -1)
        #expect(ClassHints.hint("related-posts") == 0)  // "post" says article, "related" furniture
        #expect(ClassHints.hint("ad-slot") == -1)
        #expect(ClassHints.hint("grid col") == 0)
    }
}

/// `count` seeded random strings of up to `maxLength` scalars drawn from `alphabet`.
func randomTexts(count: Int, from alphabet: String, maxLength: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: seed)
    let scalars = Array(alphabet.unicodeScalars)
    return (0..<count).map { _ in
        let length = Int.random(in: 0...maxLength, using: &generator)
        return String(String.UnicodeScalarView((0..<length).map { _ in scalars.randomElement(using: &generator)! }))
    }
}
