/// Finds the dateline that opens an article's first paragraph: "MOSKOW - ", "Pyongyang: ",
/// "JAKARTA, KOMPAS.com - ", "TEMPO.CO, Jakarta - ", "Jakarta (ANTARA) - ", "SEOUL (Reuters) - ".
enum Dateline {
    struct Found {
        /// The place, in title case ("Moskow").
        var place: String
        /// The publisher named beside it ("KOMPAS.com", "ANTARA"), if any.
        var publisher: String?
    }

    static let separators = [" -- ", " - ", " – ", " — ", " —", "— ", ": ", " -"]

    static func find(in paragraph: String) -> Found? {
        let head = paragraph.prefix(80)
        var best: (Substring.Index, String)?
        for separator in separators {
            if let range = head.range(of: separator), best.map({ range.lowerBound < $0.0 }) ?? true {
                best = (range.lowerBound, separator)
            }
        }
        guard let (cut, separator) = best else { return nil }
        let prefix = head[..<cut].trimmingCharacters(in: .whitespaces)
        guard !prefix.isEmpty, LineText.words(in: prefix).count <= 6 else { return nil }
        var places = [String]()
        var publisher: String?
        // Split "JAKARTA, KOMPAS.com" and "Jakarta (ANTARA)" into parts; what is in parentheses is the publisher.
        var inParentheses = Set<String>()
        var depth = 0
        var current = ""
        for character in prefix {
            if character == "(" || character == ")" || (character == "," && depth == 0) {
                let part = current.trimmingCharacters(in: .whitespaces)
                if depth > 0 && !part.isEmpty { inParentheses.insert(part) }
                current = ""
                depth = character == "(" ? depth + 1 : character == ")" ? max(0, depth - 1) : depth
            } else {
                current.append(character)
            }
        }
        let parts = prefix.split(whereSeparator: { $0 == "," || $0 == "(" || $0 == ")" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for part in parts {
            if isMonthDay(part) { continue }  // "JAKARTA, Sept 7 (Reuters) -"
            if inParentheses.contains(part), LineText.words(in: part).count <= 4 {
                publisher = part
            } else if isPublisher(part) {
                publisher = part
            } else if isPlace(part, strict: separator == ": " || parts.count == 1 && !isAllCaps(part)) {
                places.append(part)
            } else {
                return nil
            }
        }
        guard let place = places.first, places.count <= 2 else { return nil }
        return Found(place: titleCase(place), publisher: publisher)
    }

    /// "Sept 7", "7 September", "Oct. 19": a date inside a dateline.
    static func isMonthDay(_ part: String) -> Bool {
        let words = part.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
        guard words.count == 2 else { return false }
        let isMonth = { (w: String) in PublicationDate.months[w] != nil || ["sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].contains(w) }
        return (isMonth(words[0]) && Int(words[1]) != nil) || (Int(words[0]) != nil && isMonth(words[1]))
    }

    static func isPublisher(_ part: String) -> Bool {
        let lower = part.lowercased()
        if lower.hasSuffix(".com") || lower.hasSuffix(".co") || lower.hasSuffix(".id") || lower.hasSuffix(".co.id")
            || lower.hasSuffix(".net") || lower.hasSuffix(".org") || lower.hasSuffix(".tv") || lower.hasSuffix(".news")
        {
            return true
        }
        return agencies.contains(lower)
    }

    static let agencies: Set<String> = [
        "antara", "antaranews", "reuters", "afp", "ap", "xinhua", "tass", "ria", "ria novosti", "yonhap", "kcna",
        "bernama", "kyodo", "cnn indonesia", "cnn", "bbc", "voa", "dw", "sputnik", "anadolu", "detikcom", "kompas",
        "tempo", "okezone", "sindonews", "liputan6", "tribunnews", "republika", "medcom", "metrotvnews", "jpnn",
        "inews", "idn times", "kumparan", "suara", "viva", "bloomberg", "associated press", "nhk", "upi", "efe",
    ]

    /// A place name as datelines print it: one to three words, each capitalised (or all capitals).
    static func isPlace(_ part: String, strict: Bool) -> Bool {
        let words = part.split(separator: " ")
        guard (1...3).contains(words.count) else { return false }
        for word in words {
            guard let first = word.first, first.isUppercase || (word.count <= 3 && ["de", "di", "al"].contains(word.lowercased()))
            else { return false }
            guard word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "'" || $0 == "-" }) else { return false }
        }
        if strict {
            // A capitalised word before ": " could be a label ("Catatan: ..."); one or two words only.
            return words.count <= 2 && !labels.contains(part.lowercased())
        }
        return !labels.contains(part.lowercased())
    }

    /// Capitalised words that open a line before a colon or dash without being a place.
    static let labels: Set<String> = [
        "catatan", "note", "update", "editor", "penulis", "reporter", "sumber", "source", "foto", "photo", "video",
        "baca", "baca juga", "lihat", "simak", "tonton", "info", "breaking", "breaking news", "eksklusif", "exclusive",
        "opini", "opinion", "analisis", "analysis", "ringkasan", "summary", "kesimpulan", "pertanyaan", "jawaban",
        "tanya", "jawab", "q", "a", "kata", "menurut", "presiden", "menteri", "pemimpin", "ketua",
    ]

    static func isAllCaps(_ part: String) -> Bool {
        part.contains(where: { $0.isLetter }) && !part.contains(where: { $0.isLowercase })
    }

    static func titleCase(_ place: String) -> String {
        guard isAllCaps(place) else { return place }
        return place.split(separator: " ").map { word in
            word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}

internal import Foundation
