/// Separates an article from the page around it, line by line, and keeps the reason for every line it
/// takes out.
///
/// The rules are general, never a list of one site's lines:
/// - boilerplate phrases from ``BoilerplateLexicon`` (ads, share and follow prompts, "Baca juga" links,
///   comment counters, navigation and section words, pagination, credits, "Sumber" lines);
/// - shapes: ad placeholders (`[iklan_2]`), font-size widgets (`A A A`), initials credits (`(WIL)`),
///   author credit lines (`Nama (Menurut AP, ...)`), lines printed twice;
/// - structure: the title and the byline before the body; short lines that are not sentences before the
///   first and after the last paragraph of prose;
/// - metadata taken out on the way: title, author, publication time and zone, source URL, dateline,
///   photo captions (kept in the text) with their credits.
///
/// - Complexity: O(n) in the number of lines, each line looked at a constant number of times.
public struct Cleaner: Sendable {
    public var lexicon: BoilerplateLexicon

    public init(lexicon: BoilerplateLexicon = .standard) {
        self.lexicon = lexicon
    }

    /// A kept paragraph of the body.
    public struct Paragraph: Sendable, Hashable {
        public var text: String
        /// The photo credit when the paragraph is a caption.
        public var caption: String??
        public var isCaption: Bool { caption != nil }
    }

    /// What cleaning gives back.
    public struct Result: Sendable {
        public var paragraphs: [Paragraph] = []
        public var title: String?
        public var author: String?
        public var published: String?
        public var url: String?
        public var dateline: String?
        public var publisher: String?
        public var removed: [Document.RemovedLine] = []
    }

    private enum Verdict {
        case keep
        case caption(String?)
        case drop(String, kept: String?)
    }

    /// Cleans normalised text.
    ///
    /// - Parameters:
    ///   - text: the article as scraped, normalised by ``TextNormalizer``.
    ///   - knownTitle: a title the input already gives (JSON Lines, HTML); lines repeating it are removed.
    ///   - structured: the lines come from a page's main content, already told apart from the page around it
    ///     (``HTMLReader``): short lines printed twice are kept (a menu's "Eat every 2–3 hours"), only whole
    ///     paragraphs printed twice go.
    public func clean(_ text: String, knownTitle: String? = nil, structured: Bool = false) -> Result {
        var lines = [LineText]()
        var number = 0
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map({ Substring($0) }) {
            number += 1
            let line = LineText(number: number, raw: raw)
            if !line.text.isEmpty { lines.append(line) }
        }
        var result = Result()
        var verdicts = [Verdict?](repeating: nil, count: lines.count)

        // 1. Rules that need no context.
        for (i, line) in lines.enumerated() {
            if let verdict = shapeRule(line, result: &result) { verdicts[i] = verdict }
        }

        // A "Baca juga" / "Berita terkait" label on a line of its own heads a list of linked headlines.
        for i in lines.indices where Self.isListLabel(lines[i], verdicts[i]) {
            var j = i + 1
            while j < lines.count, j <= i + 6, verdicts[j] == nil, Self.isHeadline(lines[j]) {
                verdicts[j] = .drop("read-also", kept: nil)
                j += 1
            }
        }

        // 2. Captions anywhere (kept, but they do not make the body).
        for i in lines.indices where verdicts[i] == nil {
            if let credit = CaptionCredit.credit(in: lines[i]) { verdicts[i] = .caption(credit) }
        }

        // 3. The body: from the first to the last paragraph of prose; bylines around it.
        let prose = lines.indices.filter { verdicts[$0] == nil && lines[$0].isProse }
        let firstProse = prose.first ?? lines.count
        let lastProse = prose.last ?? -1
        for i in lines.indices where verdicts[i] == nil && (i < firstProse || i > lastProse) {
            if let verdict = bylineRule(lines[i], result: &result) { verdicts[i] = verdict }
        }

        // 4. The title: given, or the last short line before the byline, or the first line of the head.
        let titleKey = knownTitle.map { LineText.key($0) } ?? findTitle(lines, verdicts, before: firstProse).map { i in
            result.title = lines[i].text
            return lines[i].key
        }
        if let titleKey, !titleKey.isEmpty {
            var seen = false
            for i in lines.indices where lines[i].key == titleKey || lines[i].keyWithoutTrailingPunctuation == titleKey {
                if case .caption = verdicts[i] { continue }
                verdicts[i] = .drop(seen ? "title-repeated" : "title", kept: seen ? nil : "title")
                seen = true
            }
        }

        // A name alone on the line next to a dated byline is its author ("Sari Wulandari" / "Selasa, 12 Maret 2024").
        if result.author == nil, let byline = lines.indices.first(where: { i in
            if case .drop(let reason, _) = verdicts[i] ?? .keep { return reason == "byline" }
            return false
        }) {
            for j in [byline - 1, byline + 1] where lines.indices.contains(j) && verdicts[j] == nil && (j < firstProse || j > lastProse) {
                guard let name = Self.bylineName(lines[j]) else { continue }
                result.author = name
                verdicts[j] = .drop("byline", kept: "author: \(name)")
                break
            }
        }

        // 5. Short non-sentences outside the body.
        for i in lines.indices where verdicts[i] == nil && (i < firstProse || i > lastProse) && !prose.isEmpty {
            let line = lines[i]
            if !line.endsLikeSentence && line.wordCount <= (i < firstProse ? 10 : 14) {
                verdicts[i] = .drop(i < firstProse ? "outside-body-head" : "outside-body-tail", kept: nil)
            }
        }

        // 6. Lines printed twice; then assemble.
        var seenKeys = Set<String>()
        for (i, line) in lines.enumerated() {
            let verdict = verdicts[i] ?? .keep
            switch verdict {
            case .drop(let reason, let kept):
                result.removed.append(Document.RemovedLine(line: line.number, text: line.text, reason: reason, kept: kept))
            case .keep, .caption:
                guard seenKeys.insert(line.key).inserted || (structured && line.wordCount < 8) else {
                    result.removed.append(Document.RemovedLine(line: line.number, text: line.text, reason: "repeated"))
                    continue
                }
                var caption: String??
                if case .caption(let credit) = verdict { caption = .some(credit) }
                result.paragraphs.append(Paragraph(text: line.text, caption: caption))
            }
        }

        // 7. The dateline of the first paragraph of the body; junk left where a scrape lost a dateline.
        if let first = result.paragraphs.firstIndex(where: { !$0.isCaption }) {
            let stripped = Self.stripLeadingJunk(result.paragraphs[first].text)
            if stripped.isEmpty {
                result.paragraphs.remove(at: first)
            } else {
                result.paragraphs[first].text = stripped
                if let found = Dateline.find(in: stripped) {
                    result.dateline = found.place
                    if result.publisher == nil { result.publisher = found.publisher }
                }
            }
        }
        return result
    }

    /// Rules that look at one line alone.
    private func shapeRule(_ line: LineText, result: inout Result) -> Verdict? {
        if let rule = lexicon.rule(for: line) {
            var kept: String?
            if rule == "source", let url = Self.firstURL(in: line.text) {
                if result.url == nil { result.url = url }
                kept = "url: \(url)"
            }
            if rule == "credit", let name = Self.authorFromCredit(line), result.author == nil {
                result.author = name
                kept = "author: \(name)"
            }
            return .drop(rule, kept: kept)
        }
        let text = line.text
        // [iklan_2], [Gambas:Video 20detik], [ads], <!-- ... -->
        if text.hasPrefix("[") && text.hasSuffix("]") && line.wordCount <= 4 { return .drop("ad", kept: nil) }
        if text.hasPrefix("<!--") || text.hasPrefix("{{") || text.hasPrefix("{%") { return .drop("markup", kept: nil) }
        // A A A, A- A+, Aa
        if line.words.allSatisfy({ $0 == "A" || $0 == "a" || $0 == "Aa" }),
            text.allSatisfy({ $0 == "A" || $0 == "a" || $0 == " " || $0 == "-" || $0 == "+" })
        {
            return .drop("font-size", kept: nil)
        }
        // Komentar (0), 12 Komentar, Comments (3)
        let key = line.key
        if line.wordCount <= 3, line.words.contains(where: { ["komentar", "comments", "comment", "tanggapan"].contains($0.lowercased()) }),
            line.words.allSatisfy({ $0.allSatisfy(\.isNumber) || ["komentar", "comments", "comment", "tanggapan", "lihat", "view"].contains($0.lowercased()) })
        {
            return .drop("comments", kept: nil)
        }
        // (WIL), (abc/def), (ant/ara) — editor's initials.
        if text.hasPrefix("(") && text.hasSuffix(")") && text.count <= 24 {
            let inner = text.dropFirst().dropLast()
            let parts = inner.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " || $0 == "," })
            if (1...4).contains(parts.count), parts.allSatisfy({ (1...6).contains($0.count) && $0.allSatisfy(\.isLetter) }) {
                return .drop("credit", kept: nil)
            }
        }
        // Pagination: "1 2 3", "1 / 3", "« 1 2 »", "Halaman: 1 2 3", "1 2 3 Selanjutnya", "Page 2 of 5".
        if line.wordCount >= 1, line.wordCount <= 10, Self.isPagination(line) {
            return .drop("pagination", kept: nil)
        }
        // A menu: "Home | World | Business", "Beranda › Internasional › Asia".
        if Self.isMenu(text) { return .drop("navigation", kept: nil) }
        // A bare URL.
        if !text.contains(" "), text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www.") {
            return .drop("link", kept: nil)
        }
        // Author credit line: "Nguyen Tuyet (Menurut AP, Barron's, Yahoo!News)".
        if let name = Self.attributionName(line) {
            if result.author == nil { result.author = name }
            return .drop("credit", kept: "author: \(name)")
        }
        _ = key
        return nil
    }

    /// A byline: a short line with a date, or "Oleh/By NAME"; its author and time go to metadata.
    private func bylineRule(_ line: LineText, result: inout Result) -> Verdict? {
        guard line.wordCount <= 24, !line.isProse else { return nil }
        let lower = line.key
        for lead in ["oleh ", "oleh:", "by ", "penulis ", "reporter "] where lower.hasPrefix(lead) && line.wordCount <= 8 {
            let rest = line.text.dropFirst(lead.count).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            let name = Self.nameSegment(rest)
            if let name, result.author == nil { result.author = name }
            return .drop("byline", kept: name.map { "author: \($0)" })
        }
        guard let published = PublicationDate.parse(line.text) else { return nil }
        var kept = ["published: \(published)"]
        if result.published == nil { result.published = published }
        if let name = Self.nameSegment(line.text), result.author == nil {
            result.author = name
            kept.insert("author: \(name)", at: 0)
        }
        return .drop("byline", kept: kept.joined(separator: ", "))
    }

    /// A read-also or related-links label standing alone on its line ("BACA JUGA", "Berita Terkait:").
    private static func isListLabel(_ line: LineText, _ verdict: Verdict?) -> Bool {
        guard case .drop(let reason, _) = verdict, reason == "read-also", line.wordCount <= 4 else { return false }
        return !line.text.contains(":") || line.text.hasSuffix(":")
    }

    /// A linked headline: short, not a sentence of prose (a question mark is allowed), no caption credit.
    static func isHeadline(_ line: LineText) -> Bool {
        guard (2...20).contains(line.wordCount), CaptionCredit.credit(in: line) == nil else { return false }
        guard let last = line.text.last else { return false }
        return last != "." && last != "," && last != ";" && line.capitalisedShare >= 0.3
    }

    /// "Sari Wulandari", "Yohanes Wenda - Warta Timur", "Martin Hale, Jakarta correspondent": the author's
    /// name when a whole short line is a byline without a date.
    static func bylineName(_ line: LineText) -> String? {
        guard line.wordCount <= 8, !line.endsLikeSentence, let name = nameSegment(line.text) else { return nil }
        let nameWords = name.split(separator: " ").count
        guard (2...4).contains(nameWords) else { return nil }
        if name == line.text { return name }
        let rest = line.text.dropFirst(name.count).trimmingCharacters(in: CharacterSet(charactersIn: " -–—|,•·/"))
        let restWords = rest.split(separator: " ")
        guard !restWords.isEmpty, restWords.count <= 4 else { return nil }
        let roles: Set<String> = [
            "correspondent", "reporter", "editor", "writer", "staff", "wartawan", "kontributor", "koresponden",
            "jurnalis", "penulis", "redaksi",
        ]
        if restWords.contains(where: { roles.contains($0.lowercased()) }) { return name }
        // "Name - Publisher": the rest is a capitalised name too (a site, an agency).
        if restWords.allSatisfy({ $0.first?.isUppercase == true || $0.contains(".") }) { return name }
        return nil
    }

    /// Three or more short items between "|", "›", "»", "/" or "•" separators.
    static func isMenu(_ text: String) -> Bool {
        // Cheap test first: every separator has "|", ">", "/" or a non-ASCII lead byte.
        guard text.utf8.contains(where: { $0 == 0x7C || $0 == 0x3E || $0 == 0x2F || $0 >= 0xC2 }) else { return false }
        let bytes = Array(text.utf8)
        for separator in menuSeparators {
            let items = ByteSearch.split(bytes, separator: separator)
            if items.count >= 3, items.allSatisfy({ item in
                item.count(where: { $0 == 0x20 }) <= 2 && !item.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
            }) {
                return true
            }
        }
        return false
    }

    static let menuSeparators: [[UInt8]] = [" | ", " › ", " » ", " > ", " / ", " • ", " · "].map { Array($0.utf8) }

    static let paginationWords: Set<String> = [
        "halaman", "hal", "page", "pages", "of", "dari", "selanjutnya", "berikutnya", "sebelumnya", "next", "prev",
        "previous", "first", "last", "pertama", "terakhir", "lanjut", "kembali",
    ]

    /// A line made only of page numbers and paging words, with at least one number.
    static func isPagination(_ line: LineText) -> Bool {
        var numbers = 0
        for word in line.words {
            if word.allSatisfy(\.isNumber) {
                guard word.count <= 3 else { return false }
                numbers += 1
            } else if !paginationWords.contains(word.lowercased()) {
                return false
            }
        }
        guard numbers > 0 else { return false }
        return line.text.allSatisfy { $0.isLetter || $0.isNumber || " /|«»<>-:.,()[]…‹›".contains($0) }
    }

    /// The author at the head of a byline: text before the first separator, if it looks like a name.
    static func nameSegment(_ text: some StringProtocol) -> String? {
        var segment = Substring(text)
        for separator in [",", "•", "|", " - ", " – ", " — ", "·", "/"] {
            if let range = segment.range(of: separator) { segment = segment[..<range.lowerBound] }
        }
        var name = segment.trimmingCharacters(in: .whitespaces)
        for lead in ["Oleh:", "Oleh", "By", "Penulis:", "Penulis", "Reporter:", "Reporter", "Laporan"] where name.hasPrefix(lead + " ") || name.hasPrefix(lead + ":") {
            name = name.dropFirst(lead.count).trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        }
        return looksLikeName(name) ? name : nil
    }

    /// One to five capitalised words (particles allowed), no digits, not a date or weekday word.
    static func looksLikeName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (1...5).contains(words.count), name.count <= 60 else { return false }
        let particles: Set<String> = ["bin", "binti", "van", "de", "der", "al", "el", "da", "dos", "von", "la"]
        for word in words {
            let lower = word.lowercased()
            if PublicationDate.months[lower] != nil || weekdays.contains(lower) || lower.contains(".com")
                || lower.contains(".id")
            {
                return false
            }
            if particles.contains(lower) { continue }
            guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "'" || $0 == "-" })
            else { return false }
        }
        return true
    }

    static let weekdays: Set<String> = [
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "jurnalis", "wartawan", "kontributor", "redaksi",
        "admin", "tim", "editor", "reporter", "penulis",
    ]

    /// "Nama Penulis (Menurut AP, Barron's)", "Nama (dari berbagai sumber)", "Name (with AFP)": the name.
    static func attributionName(_ line: LineText) -> String? {
        let text = line.text
        guard text.hasSuffix(")"), line.wordCount <= 20, let open = text.firstIndex(of: "(") else { return nil }
        let inner = text[text.index(after: open)...].lowercased()
        let leads = ["menurut ", "sumber:", "sumber ", "dari ", "via ", "according to ", "source:", "from ", "with ", "dengan ", "dilansir "]
        guard leads.contains(where: { inner.hasPrefix($0) }) else { return nil }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        return looksLikeName(name) ? name : nil
    }

    /// "Penulis: Nama", "Reporter: Nama", "Writing by Nama": the name, for credit lines that name an author.
    static func authorFromCredit(_ line: LineText) -> String? {
        let lower = line.key
        guard ["penulis", "reporter", "writer", "written by", "oleh", "pewarta"].contains(where: { lower.hasPrefix($0) }) else {
            return nil
        }
        guard let colon = line.text.firstIndex(where: { $0 == ":" }) else { return nil }
        return nameSegment(line.text[line.text.index(after: colon)...])
    }

    static func firstURL(in text: String) -> String? {
        for token in text.split(separator: " ") where token.hasPrefix("http://") || token.hasPrefix("https://") {
            var url = Substring(token)
            while let last = url.last, ".,;)]|".contains(last) { url = url.dropLast() }
            return String(url)
        }
        return nil
    }

    /// Removes punctuation left at the start of a paragraph where a scrape lost a dateline (", ,- ", "- ").
    static func stripLeadingJunk(_ text: String) -> String {
        var rest = Substring(text)
        while let first = rest.first, first == "-" || first == "–" || first == "—" || first == "," || first == " "
            || first == ":" || first == ";" || first == "|" || first == "•" || first == "·"
        {
            rest = rest.dropFirst()
        }
        return String(rest)
    }

    private func findTitle(_ lines: [LineText], _ verdicts: [Verdict?], before firstProse: Int) -> Int? {
        // Candidates: lines of the head that nothing has claimed and that are not sentences.
        func candidate(_ i: Int) -> Bool {
            guard verdicts[i] == nil else { return false }
            let line = lines[i]
            guard (3...30).contains(line.wordCount), line.text.last != "." || line.text.hasSuffix("..."),
                !line.text.hasSuffix(":"), line.capitalisedShare >= 0.2
            else { return false }
            return true
        }
        let bylineIndex = lines.indices.first { i in
            if case .drop(let reason, _) = verdicts[i] ?? .keep { return reason == "byline" }
            return false
        }
        if let bylineIndex, bylineIndex <= firstProse {
            let before = stride(from: bylineIndex - 1, through: 0, by: -1).filter { candidate($0) }
            // An author's name printed just above the byline is not the title when a longer line precedes it.
            if let first = before.first {
                let line = lines[first]
                if before.count > 1, Self.bylineName(line) != nil { return before[1] }
                return first
            }
            // Some pages print the title right after the byline only.
            if let i = (bylineIndex + 1..<max(bylineIndex + 1, firstProse)).first(where: { candidate($0) }) { return i }
            return nil
        }
        guard firstProse < lines.count else { return nil }
        return (0..<firstProse).first(where: { candidate($0) && !lines[$0].isAllCaps })
            ?? (0..<firstProse).first(where: { candidate($0) })
    }
}

internal import Foundation
