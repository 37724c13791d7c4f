/// Recognises photo captions by the credit they end with: "(Foto: KCNA via Reuters)", "(Sumber: KCNA) |",
/// "Foto: Korea Times/Yonhap", "(Handout / RUSSIAN FOREIGN MINISTRY / AFP)", "(ANTARA FOTO/Nama)".
enum CaptionCredit {
    /// Words that open a credit.
    static let creditWords: [String] = [
        "foto", "photo", "photos", "sumber", "source", "dok", "dok.", "dokumentasi", "doc", "handout", "istimewa", "ist",
        "ist.", "image", "images", "gambar", "kredit", "credit", "courtesy", "pic", "picture", "ilustrasi",
        "illustration", "tangkapan layar", "screenshot", "screengrab", "file photo", "antara foto", "antara",
        "reuters", "afp", "ap", "ap photo", "kcna", "yonhap", "xinhua", "tass", "ria", "ria novosti", "sputnik",
        "epa", "epa-efe", "getty", "getty images", "anadolu", "bernama", "kyodo", "shutterstock", "pool",
    ]

    static let markers: [[UInt8]] = ["foto:", "photo:", "foto :", "image:", "credit:", "photograph:", "sumber foto:"].map {
        Array($0.utf8)
    }

    /// The credit a caption line ends with, if it is one.
    static func credit(in line: LineText) -> String? {
        guard line.wordCount >= 4, line.wordCount <= 90 else { return nil }
        var text = Substring(line.text)
        while let last = text.last, last == "|" || last == " " { text = text.dropLast() }
        if text.last == ")", let open = matchingOpen(text) {
            let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if let credit = creditContent(inside), text.distance(from: text.startIndex, to: open) > 12 {
                return credit
            }
        }
        // "... gencatan senjata. Foto: Reuters" — a credit after the last sentence.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return nil }
        // ASCII letters lowered only, so byte offsets stay those of `text`.
        let lower = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for marker in markers {
            guard let offset = ByteSearch.lastIndex(of: marker, in: lower) else { continue }
            let markerStart = text.utf8.index(text.startIndex, offsetBy: offset)
            let before = text[..<markerStart].trimmingTrailingSpaces()
            let rest = text[text.utf8.index(markerStart, offsetBy: marker.count)...]
            let restWords = LineText.words(in: String(rest)).count
            if let end = before.last, ".!?”\")|–-".contains(end), restWords >= 1, restWords <= 8 {
                return rest.trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The credit inside brackets, if the bracketed text is one.
    static func creditContent(_ inside: Substring) -> String? {
        let content = inside.trimmingCharacters(in: .whitespaces)
        let lower = content.lowercased()
        guard !content.isEmpty, LineText.words(in: content).count <= 12 else { return nil }
        for word in creditWords where lower.hasPrefix(word) {
            let rest = lower.dropFirst(word.count)
            guard rest.isEmpty || rest.first.map({ !$0.isLetter }) == true else { continue }
            // "Foto: X", "Sumber: X", "Foto/X": strip the opening word when a name follows it.
            if ["foto", "photo", "sumber", "source", "credit", "kredit", "image", "gambar", "pic", "picture"].contains(word),
                let first = rest.first, first == ":" || first == "/" || first == " "
            {
                let stripped = content.dropFirst(word.count + 1).trimmingCharacters(in: CharacterSet(charactersIn: " :/"))
                return stripped.isEmpty ? content : stripped
            }
            return content
        }
        // "KCNA via Reuters", "Handout / X / AFP": an agency-style slash or "via" list.
        if lower.contains(" via ") || (content.contains("/") && content.first?.isUppercase == true) {
            return content
        }
        return nil
    }

    static func matchingOpen(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == ")" { depth += 1 }
            if text[index] == "(" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }
}

internal import Foundation
