/// Tells Indonesian from English by their commonest function words.
public enum LanguageGuesser {
    static let indonesian: Set<String> = [
        "yang", "dan", "di", "ke", "dari", "dengan", "untuk", "pada", "ini", "itu", "tidak", "akan", "dalam", "adalah",
        "juga", "oleh", "bahwa", "kata", "telah", "sudah", "karena", "tersebut", "para", "atau", "bisa", "ada",
    ]
    static let english: Set<String> = [
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "said", "by", "as", "are", "it",
        "his", "her", "has", "have", "from", "at", "be", "this", "which", "were",
    ]

    /// `id` or `en` (Indonesian when the text is too short to tell).
    public static func guess(_ text: some StringProtocol) -> String {
        var id = 0
        var en = 0
        // Function words are ASCII: scan bytes, lower-casing ASCII letters; any other byte ends a word,
        // and words with non-ASCII letters never match, which is what we want.
        var word = [UInt8]()
        var seen = 0
        var tainted = false
        func finish() {
            if !word.isEmpty && !tainted && word.count <= 8 {
                let lower = String(decoding: word, as: UTF8.self)
                if indonesian.contains(lower) { id += 1 } else if english.contains(lower) { en += 1 }
            }
            if !word.isEmpty { seen += 1 }
            word.removeAll(keepingCapacity: true)
            tainted = false
        }
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x61...0x7A: word.append(byte)
            case 0x80...: tainted = true; word.append(byte)
            default:
                finish()
                if seen > 600 { break }
            }
            if seen > 600 { break }
        }
        finish()
        return en > id ? "en" : "id"
    }
}
