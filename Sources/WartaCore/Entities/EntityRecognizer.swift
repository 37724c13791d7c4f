/// Finds the people, organisations and places of a document and resolves every mention to one entity:
/// names from the knowledge base (longest match), names from a statistical tagger for everyone else, titles
/// kept on the mention ("Menteri Pertahanan Rusia"), titles alone resolved through the knowledge base at the
/// document's date ("Presiden Rusia" in 2023 is Vladimir Putin), and short forms ("Kim", "Tn. Kim") joined to the
/// full name they abbreviate in the same document.
public struct EntityRecognizer: Sendable {
    public var knowledge: KnowledgeBase
    /// Labels tokens BIO over PER/ORG/LOC; nil uses the knowledge base alone.
    public var tagger: (@Sendable ([String]) -> [String])?
    /// Taggers that replace ``tagger`` for text in one language (`id`: Warta's tagger with its news features, which
    /// it learned from Indonesian news only).
    public var taggersByLanguage: [String: @Sendable ([String]) -> [String]] = [:]

    public init(
        knowledge: KnowledgeBase = .standard, tagger: (@Sendable ([String]) -> [String])? = nil,
        taggersByLanguage: [String: @Sendable ([String]) -> [String]] = [:]
    ) {
        self.knowledge = knowledge
        self.tagger = tagger
        self.taggersByLanguage = taggersByLanguage
    }

    /// A name found in the text before resolution.
    struct Span {
        var start: Int  // token index
        var end: Int  // token index, exclusive
        var type: String
        var entry: KnowledgeBase.Entry?
        var title: String?
        var titleCountry: String?
        /// A mention made of a title alone, resolved through the knowledge base.
        var titleOnly = false
        /// Where the title starts (token index, then scalar offset), when the title is an honorific ("Tn.").
        var honorificStart: Int?
    }

    /// The entities of `text`. `date` (ISO, any precision) is when the document speaks of, for titles alone.
    public func recognize(text: String, date: String?, language: String) -> [Entity] {
        let scalars = Array(text.unicodeScalars)
        var spans = [Span]()
        let tagger = taggersByLanguage[language] ?? tagger
        for sentence in Sentences.ranges(in: scalars) {
            let tokens = WordTokens.tokens(in: scalars[sentence])
            spans.append(contentsOf: sentenceSpans(tokens, date: date, tagger: tagger).map { ($0, tokens) }.map { span, tokens in
                var s = span
                s.start = tokens[span.start].start
                s.end = tokens[span.end - 1].end
                s.honorificStart = span.honorificStart.map { tokens[$0].start }
                return s
            })
        }
        return addShortForms(resolve(spans, scalars: scalars), scalars: scalars)
    }

    /// Month and weekday names in full, Indonesian and English, which name no actor on their own ("May" is left
    /// out: it is also a surname).
    static let calendarWords: Set<String> = Set(
        (TimeLexicon.monthsID + TimeLexicon.monthsEN + TimeLexicon.weekdaysID + TimeLexicon.weekdaysEN).map(\.0))

    /// Words the tagger may take for a name that name no actor: legal forms of companies, God.
    static let notNames: Set<String> = ["persero", "tbk", "pt", "cv", "inc", "ltd", "allah", "allah swt", "swt", "tuhan", "god"]

    /// Where a person's name starts once the longest title at its head ("Irjen", "Menteri Luar Negeri") is set
    /// aside; the span's own start when no title heads it or nothing would be left.
    func leadingTitleEnd(_ start: Int, _ end: Int, _ tokens: [WordToken]) -> Int {
        var best = start
        var words = [String]()
        var k = start
        while k < end - 1, k - start < 5 {
            words.append(tokens[k].text)
            if tokens[k].isWord, let title = knowledge.titles[NameKey.make(words.joined(separator: " "))], title.kind == "role" {
                best = k + 1
            }
            k += 1
        }
        return best
    }

    /// Words before a title that say its person is not the one in office: former, late, would-be.
    static let notTheHolder: Set<String> = [
        "mantan", "eks", "bekas", "almarhum", "mendiang", "calon", "capres", "former", "ex", "late", "candidate",
    ]

    static let connectors: Set<String> = ["bin", "binti", "van", "de", "der", "al", "el", "da", "von", "la", "di"]

    static func isCapitalized(_ token: WordToken) -> Bool {
        guard let first = token.text.unicodeScalars.first else { return false }
        return NERTokenizer.isUppercase(first)
    }

    /// Spans in token indices of one sentence.
    func sentenceSpans(_ tokens: [WordToken], date: String?, tagger: (@Sendable ([String]) -> [String])?) -> [Span] {
        var spans = [Span]()
        var covered = Array(repeating: false, count: tokens.count)
        // 1. Knowledge-base names, longest first.
        var i = 0
        while i < tokens.count {
            guard tokens[i].isWord, Self.isCapitalized(tokens[i]) else {
                i += 1
                continue
            }
            var matched: (Int, KnowledgeBase.Entry)?
            var j = i
            var key = ""
            while j < tokens.count, j - i < knowledge.longestName + 2 {
                let token = tokens[j]
                if token.isWord {
                    key += (key.isEmpty ? "" : " ") + NameKey.make(token.text)
                } else if token.text == "." || token.text == "-" {
                    j += 1
                    continue
                } else {
                    break
                }
                if let entries = knowledge.names[key], let best = Self.preferred(entries), Self.isCapitalized(tokens[j]) || j > i {
                    matched = (j + 1, best)
                }
                j += 1
            }
            if let (end, entry) = matched {
                // One-word all-lower-case matches of short aliases ("as") are not names.
                spans.append(Span(start: i, end: end, type: entry.type, entry: entry))
                for k in i..<end { covered[k] = true }
                i = end
            } else {
                i += 1
            }
        }
        // 2. The tagger for the rest.
        if let tagger {
            let labels = tagger(tokens.map(\.text))
            var k = 0
            while k < tokens.count {
                let label = k < labels.count ? labels[k] : "O"
                guard label.hasPrefix("B-") || label.hasPrefix("I-") else {
                    k += 1
                    continue
                }
                let type = String(label.dropFirst(2))
                var end = k + 1
                while end < tokens.count, end < labels.count, labels[end] == "I-\(type)" { end += 1 }
                // A nationality word ("Russian", "Korea Utara" as an adjective) is not a name of its own.
                let isDemonym = end - k == 1 && knowledge.demonyms[NameKey.make(tokens[k].text)] != nil
                // Nor is a month or a weekday ("on Wednesday", "July 12").
                let isCalendar = end - k == 1 && Self.calendarWords.contains(String(tokens[k].lower.filter { $0 != "'" && $0 != "\u{2019}" }))
                // Nor a company's legal form or the name of God ("(Persero)", "Allah SWT").
                let key = NameKey.make(Self.join(tokens[k..<end]))
                let isNotAName = end - k <= 2 && Self.notNames.contains(key)
                    // A title or honorific alone ("Bapak", "Presiden") is no name; titles alone are resolved below.
                    || (type == "PER" && knowledge.titles[key] != nil)
                if !isDemonym, !isCalendar, !isNotAName, !(k..<end).contains(where: { covered[$0] }), (k..<end).contains(where: { Self.isCapitalized(tokens[$0]) }) {
                    // A rank or title the tagger took into the name ("Irjen Firli") stands before it instead.
                    let start = type == "PER" ? leadingTitleEnd(k, end, tokens) : k
                    spans.append(Span(start: start, end: end, type: type == "GPE" ? "LOC" : type))
                    for m in k..<end { covered[m] = true }
                }
                k = end
            }
        } else {
            // Without a tagger: runs of two or more capitalised words after a title are people.
            var k = 0
            while k < tokens.count {
                if !covered[k], Self.isCapitalized(tokens[k]), k > 0, titleEnding(at: k, tokens) != nil,
                    titleReaching(into: k, tokens) == nil
                {
                    var end = k
                    while end < tokens.count, !covered[end], tokens[end].isWord, Self.isCapitalized(tokens[end]) { end += 1 }
                    if end - k >= 2 {
                        spans.append(Span(start: k, end: end, type: "PER"))
                        for m in k..<end { covered[m] = true }
                    }
                    k = max(end, k + 1)
                } else {
                    k += 1
                }
            }
        }
        spans.sort { $0.start < $1.start }
        spans = Self.joiningCoordinatedInstitutions(Self.namingFacilities(spans, tokens), tokens)
        // 3. Titles before people, with the country they name; countries inside a title are not mentions.
        var result = [Span]()
        var dropped = Set<Int>()
        for (index, span) in spans.enumerated() where span.type == "PER" {
            var titleStart = span.start
            var country: String?
            // A country (or its adjective) right before the name belongs to the title: "Presiden Rusia Vladimir Putin".
            if let previous = spans[..<index].last, previous.end == span.start, previous.type == "LOC",
                previous.entry?.kind == .country, let title = titleEnding(at: previous.start, tokens)
            {
                country = previous.entry?.id
                titleStart = title
                dropped.insert(index - 1)
                // Also drop an organisation inside the title ("Juru Bicara Kremlin").
            } else if let previous = spans[..<index].last, previous.type == "ORG" || previous.type == "LOC",
                span.start - previous.end <= 1, (previous.end..<span.start).allSatisfy({ tokens[$0].text == "," }),
                let title = titleEnding(at: previous.start, tokens) ?? titleReaching(into: previous.start, tokens)
            {
                if previous.type == "LOC" { country = previous.entry?.id }
                titleStart = title
                dropped.insert(index - 1)
            } else if let title = titleEnding(at: span.start, tokens) {
                titleStart = title
                // "Menteri Luar Negeri Rusia" with the country word matched as an adjective inside the title.
            }
            if titleStart < span.start {
                var s = span
                var title = Substring(Self.join(tokens[titleStart..<span.start]))
                while let last = title.last, last == "," || last == " " || last == ":" { title = title.dropLast() }
                s.title = String(title)
                if knowledge.titles[NameKey.make(title)]?.kind == "honorific" { s.honorificStart = titleStart }
                // The country the title names, else the one it implies ("Irjen": Indonesia's police).
                s.titleCountry = country ?? titleCountryWord(tokens[titleStart..<span.start])
                    ?? knowledge.titles[NameKey.make(title)]?.country
                spans[index] = s
            }
        }
        for (index, span) in spans.enumerated() where !dropped.contains(index) { result.append(span) }
        // 4. Titles alone ("Pemimpin Korea Utara", "Presiden Rusia") resolved through the knowledge base.
        result.append(contentsOf: titleOnlySpans(tokens, taken: result, date: date))
        return result.sorted { $0.start < $1.start }
    }

    /// Words that make the person named after them a place ("Bandara Sultan Hasanuddin", "Jalan Jenderal
    /// Sudirman") or an institution ("Universitas Gadjah Mada", "Rumah Sakit Cipto Mangunkusumo"), lower case.
    static let facilityHeads: [String: String] = {
        var heads = [String: String]()
        for word in [
            "jalan", "jl", "bandara", "bandar", "stadion", "masjid", "gedung", "lapangan", "pelabuhan", "makam", "taman",
            "monumen", "museum", "tugu", "gelanggang", "terminal", "stasiun", "pangkalan", "lanud", "kompleks", "wisma",
            "aula", "balai", "pendopo", "jembatan", "bendungan", "airport", "street", "avenue",
        ] { heads[word] = "LOC" }
        for word in ["universitas", "institut", "sekolah", "akademi", "yayasan", "rumah", "rs", "rsud", "rspad", "university", "foundation"] {
            heads[word] = "ORG"
        }
        return heads
    }()

    /// Words that complete a facility word without naming the facility: "Bandara Internasional", "Rumah Sakit Umum".
    static let facilityHeadWords: Set<String> = ["internasional", "sakit", "udara", "raya", "umum", "daerah", "pusat"]

    /// Spans (sorted, token indices) with each person whose name follows a facility word ("Bandara Internasional
    /// Sultan Mahmud Badaruddin II") made into that place or institution, head and any capitalised words between
    /// included; a place or organisation span that ends at the name and holds the head is joined to it.
    static func namingFacilities(_ spans: [Span], _ tokens: [WordToken]) -> [Span] {
        var result = [Span]()
        for span in spans {
            guard span.type == "PER", span.start > 0 else {
                result.append(span)
                continue
            }
            // The head: a capitalised facility word at most three capitalised words before the name.
            var k = span.start - 1
            var head: (index: Int, type: String)?
            while k >= 0, span.start - k <= 4, tokens[k].isWord, isCapitalized(tokens[k]) || tokens[k].lower == "internasional" {
                // "Rumah" only as "Rumah Sakit": "Rumah Anies Baswedan" is still his house.
                if isCapitalized(tokens[k]), let type = facilityHeads[tokens[k].lower],
                    tokens[k].lower != "rumah" || tokens[k + 1].lower == "sakit"
                {
                    head = (k, type)
                }
                k -= 1
            }
            guard let head else {
                result.append(span)
                continue
            }
            // "Bandara Internasional" already found as a place is one name with the person's; "Rumah Sakit MMC
            // Jakarta", a name already, is where the person after it works.
            if result.contains(where: { found in
                found.end > head.index
                    && (found.start..<found.end).contains { facilityHeads[tokens[$0].lower] == nil && !facilityHeadWords.contains(tokens[$0].lower) }
            }) {
                result.append(span)
                continue
            }
            var start = head.index
            while let last = result.last, last.end > start {
                start = min(start, last.start)
                result.removeLast()
            }
            result.append(Span(start: start, end: span.end, type: head.type))
        }
        return result
    }

    /// Words that start the name of a ministry or agency whose remit may be a list: "Departemen Pertanian,
    /// Perikanan dan Kehutanan", "Ministry of Agriculture, Fisheries and Forestry".
    static let institutionHeads: Set<String> = [
        "departemen", "kementerian", "kementrian", "kemenko", "dinas", "badan", "komisi", "direktorat", "biro",
        "department", "ministry", "office", "commission", "agency", "bureau",
    ]

    /// Spans (sorted, token indices) with every organisation that starts with an institution word extended over the
    /// capitalised remits listed after it with commas and closed by "dan"/"and" ("Departemen Pertanian, Perikanan dan
    /// Kehutanan"); names the tagger found inside the list are dropped. A list not closed by "dan" is not joined:
    /// "Departemen Pertanian, Jakarta" stays two names.
    static func joiningCoordinatedInstitutions(_ spans: [Span], _ tokens: [WordToken]) -> [Span] {
        var result = [Span]()
        var index = 0
        func capitalizedRun(from start: Int) -> Int {
            var end = start
            while end < tokens.count, tokens[end].isWord, isCapitalized(tokens[end]) { end += 1 }
            return end
        }
        while index < spans.count {
            var span = spans[index]
            index += 1
            guard span.type == "ORG", institutionHeads.contains(tokens[span.start].lower) else {
                result.append(span)
                continue
            }
            var k = span.end
            var closedAt: Int?
            while k + 1 < tokens.count {
                let word = tokens[k].lower
                if word == "," {
                    // "Politik, Hukum, dan Keamanan": a comma before the closing "dan".
                    if ["dan", "and"].contains(tokens[k + 1].lower) {
                        k += 1
                        continue
                    }
                    // A list of institutions ("Kementerian Pertahanan, Kementerian Luar Negeri dan ...") is several.
                    let end = capitalizedRun(from: k + 1)
                    if end == k + 1 || institutionHeads.contains(tokens[k + 1].lower) { break }
                    k = end
                } else if word == "dan" || word == "and" || word == "&" {
                    let end = capitalizedRun(from: k + 1)
                    if end > k + 1, !institutionHeads.contains(tokens[k + 1].lower) { closedAt = end }
                    break
                } else {
                    break
                }
            }
            guard let end = closedAt, tokens[span.end].text == "," else {
                result.append(span)
                continue
            }
            span.end = end
            span.entry = nil
            while index < spans.count, spans[index].start < end { index += 1 }
            result.append(span)
        }
        return result
    }

    /// Tokens as written: a space between words, none before punctuation.
    static func join(_ tokens: ArraySlice<WordToken>) -> String {
        var out = ""
        var previousEnd: Int?
        for token in tokens {
            if let previousEnd, token.start > previousEnd { out += " " }
            out += token.text
            previousEnd = token.end
        }
        return out
    }

    static func preferred(_ entries: [KnowledgeBase.Entry]) -> KnowledgeBase.Entry? {
        let order: [KnowledgeBase.Entry.Kind] = [.person, .country, .organization, .place]
        return entries.min { (order.firstIndex(of: $0.kind) ?? 9) < (order.firstIndex(of: $1.kind) ?? 9) }
    }

    /// The token index where a title ends right before `index` starts, if one does: the start of that title.
    func titleEnding(at index: Int, _ tokens: [WordToken]) -> Int? {
        var best: Int?
        var start = index - 1
        var words = [String]()
        while start >= 0, index - start <= 6 {
            let token = tokens[start]
            if !token.isWord && token.text != "." { break }
            words.insert(token.text == "." ? "." : token.text, at: 0)
            let phrase = NameKey.make(words.joined(separator: " "))
            if knowledge.titles[phrase] != nil { best = start }
            start -= 1
        }
        if best != nil { return best }
        // A title head followed by the capitalised name of its office: "Menteri Perdagangan", "Ketua Umum",
        // "Kepala Departemen Internasional".
        var s = index - 1
        while s >= 0, index - s <= 6, tokens[s].isWord, Self.isCapitalized(tokens[s]) {
            for end in (s + 1)...min(index, s + 3) where end < index || end == index {
                let head = NameKey.make(tokens[s..<end].map(\.text).joined(separator: " "))
                if let title = knowledge.titles[head], title.kind == "role" { return s }
            }
            s -= 1
        }
        return nil
    }

    /// The start of a title that begins before token `index` and runs into it ("Sekretaris | Dewan Keamanan").
    func titleReaching(into index: Int, _ tokens: [WordToken]) -> Int? {
        for start in stride(from: index - 1, through: max(0, index - 5), by: -1) {
            guard tokens[start].isWord else { break }
            var words = tokens[start..<index].map(\.text)
            var end = index
            while end < tokens.count, end - start < 7, tokens[end].isWord {
                words.append(tokens[end].text)
                end += 1
                if knowledge.titles[NameKey.make(words.joined(separator: " "))] != nil { return start }
            }
        }
        return nil
    }

    func titleCountryWord(_ tokens: ArraySlice<WordToken>) -> String? {
        for token in tokens {
            if let iso3 = knowledge.country(named: token.text) { return iso3 }
        }
        return nil
    }

    /// "Pemimpin Korea Utara", "Presiden Rusia", "Menteri Luar Negeri Rusia" with no name after them.
    func titleOnlySpans(_ tokens: [WordToken], taken: [Span], date: String?) -> [Span] {
        guard let date else { return [] }
        var spans = [Span]()
        var covered = Array(repeating: false, count: tokens.count)
        for span in taken { for k in span.start..<span.end { covered[k] = true } }
        var i = 0
        while i < tokens.count {
            guard !covered[i], tokens[i].isWord, Self.isCapitalized(tokens[i]) else {
                i += 1
                continue
            }
            // Longest title starting here.
            var titleEnd: Int?
            var role: String?
            var words = [String]()
            var j = i
            while j < tokens.count, j - i < 6, tokens[j].isWord, !covered[j] {
                words.append(tokens[j].text)
                if let title = knowledge.titles[NameKey.make(words.joined(separator: " "))], title.kind == "role" {
                    titleEnd = j + 1
                    role = title.role
                }
                j += 1
            }
            guard let end = titleEnd, let role else {
                i += 1
                continue
            }
            // "mantan Presiden Rusia", "calon Presiden AS": not whoever holds the office on the day.
            if i > 0, Self.notTheHolder.contains(tokens[i - 1].lower) {
                i = end
                continue
            }
            // A country right after it (a knowledge-base match already in `taken`).
            guard let countrySpan = taken.first(where: { $0.start == end && $0.entry?.kind == .country }),
                let iso3 = countrySpan.entry?.id
            else {
                i = end
                continue
            }
            let next = countrySpan.end
            // Followed by a name: not a title alone.
            if taken.contains(where: { $0.start == next && $0.type == "PER" }) {
                i = next
                continue
            }
            let holders = knowledge.holders(role: role, country: iso3, on: date)
            if holders.count == 1, let person = holders.first {
                var span = Span(
                    start: i, end: next, type: "PER",
                    entry: KnowledgeBase.Entry(kind: .person, id: person.id, name: person.name, type: "PER", country: person.country))
                span.title = Self.join(tokens[i..<next])
                span.titleCountry = iso3
                span.titleOnly = true
                spans.append(span)
            }
            i = next
        }
        return spans
    }
}
