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
        var word = ""
        var seen = 0
        for c in text {
            if c.isLetter {
                word.append(c)
                continue
            }
            if !word.isEmpty {
                let lower = word.lowercased()
                if indonesian.contains(lower) { id += 1 } else if english.contains(lower) { en += 1 }
                word = ""
                seen += 1
                if seen > 600 { break }
            }
        }
        return en > id ? "en" : "id"
    }
}
