extension EntityRecognizer {
    /// Groups spans (now in scalar offsets) into entities: knowledge-base links first, then short forms joined to
    /// the full names they abbreviate (the nearest one before them, so two different people called "Kim" stay
    /// apart), then the rest by name.
    func resolve(_ rawSpans: [Span], scalars: [Unicode.Scalar]) -> [Entity] {
        // Spans inside a title-alone mention (its country) go.
        let titleOnly = rawSpans.filter(\.titleOnly)
        let spans = rawSpans.filter { span in
            span.titleOnly || !titleOnly.contains { $0.start <= span.start && span.end <= $0.end }
        }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        func text(_ span: Span) -> String { String(String.UnicodeScalarView(scalars[span.start..<span.end])) }

        var keys = [String](repeating: "", count: spans.count)
        // Linked and full names first.
        for (i, span) in spans.enumerated() {
            if let entry = span.entry {
                keys[i] = "\(entry.kind.rawValue):\(entry.id)"
            }
        }
        // Unlinked people: a short form takes the key of a longer name containing its words.
        var personNames = [(index: Int, words: [String])]()
        for (i, span) in spans.enumerated() where span.type == "PER" {
            let words = NameKey.make(text(span)).split(separator: " ").map(String.init)
            personNames.append((i, words))
        }
        for (i, span) in spans.enumerated() where keys[i].isEmpty {
            let name = text(span)
            let words = NameKey.make(name).split(separator: " ").map(String.init)
            if span.type == "PER" {
                let longer = personNames.filter { other in
                    other.index != i && other.words.count > words.count && Self.contains(other.words, words)
                }
                // The nearest before it, else the first after it.
                let before = longer.filter { $0.index < i }.last
                let chosen = before ?? longer.first
                if let chosen {
                    let target = chosen.index
                    if keys[target].isEmpty { keys[target] = "name:PER:" + NameKey.make(text(spans[target])) }
                    keys[i] = keys[target]
                    continue
                }
            }
            keys[i] = "name:\(span.type):" + NameKey.make(name)
        }
        // Second pass: short forms whose longer name got its key after them.
        var order = [String]()
        var groups = [String: [Int]]()
        for (i, key) in keys.enumerated() {
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var entities = [Entity]()
        for key in order {
            guard let members = groups[key], let first = members.first else { continue }
            let type = spans[first].type
            var mentions = [Entity.Mention]()
            var names = [String]()
            var titles = [String]()
            var countryCode: String?
            for m in members {
                let span = spans[m]
                let mentionText = text(span)
                if let honorific = span.honorificStart, honorific < span.start {
                    // "Tn. Kim": the honorific belongs to the mention.
                    let withHonorific = String(String.UnicodeScalarView(scalars[honorific..<span.end]))
                    mentions.append(Entity.Mention(start: honorific, end: span.end, text: withHonorific))
                } else {
                    mentions.append(Entity.Mention(start: span.start, end: span.end, text: mentionText))
                }
                if !span.titleOnly, !names.contains(mentionText) { names.append(mentionText) }
                if let title = span.title, !titles.contains(title) { titles.append(title) }
                if countryCode == nil { countryCode = span.titleCountry }
            }
            let entry = spans[first].entry
            let name: String
            if let entry {
                name = entry.name
                if countryCode == nil { countryCode = entry.country }
            } else {
                name = names.max { a, b in
                    (a.split(separator: " ").count, a.count) < (b.split(separator: " ").count, b.count)
                } ?? mentions[0].text
            }
            let country = countryCode.map { knowledge.countries[$0]?.name ?? $0 }
            entities.append(Entity(
                id: "e\(entities.count + 1)", name: name, type: type,
                aliases: names.filter { $0 != name }, titles: titles, country: country,
                link: entry.map { "\(Self.linkPrefix($0.kind)):\($0.id)" }, mentions: mentions))
        }
        return entities
    }

    static func linkPrefix(_ kind: KnowledgeBase.Entry.Kind) -> String {
        switch kind {
        case .person: "person"
        case .country: "country"
        case .organization: "org"
        case .place: "place"
        }
    }

    /// Whether `short` appears in `long` as a contiguous run of words.
    static func contains(_ long: [String], _ short: [String]) -> Bool {
        guard !short.isEmpty, short.count <= long.count else { return false }
        for start in 0...(long.count - short.count) where Array(long[start..<(start + short.count)]) == short {
            return true
        }
        return false
    }

    /// Family or given names standing alone ("Kim", "Bapak Shoigu", "Putin") where the text named the person in
    /// full: another mention of that person, when exactly one person of the document carries that word.
    func addShortForms(_ entities: [Entity], scalars: [Unicode.Scalar]) -> [Entity] {
        var owners = [String: Set<Int>]()
        for (index, entity) in entities.enumerated() where entity.type == "PER" {
            for name in [entity.name] + entity.aliases + entity.mentions.map(\.text) {
                let words = name.split(whereSeparator: { $0 == " " || $0 == "-" })
                guard words.count >= 2, let first = words.first, let last = words.last else { continue }
                // An honorific kept on a mention ("Bapak Jokowi") is nobody's name: "Bapak" alone is not Jokowi; nor
                // is the country of a title that stood for the person ("Perdana Menteri Israel").
                for word in [first, last]
                where word.count >= 3 && knowledge.titles[NameKey.make(String(word))] == nil
                    && knowledge.country(named: String(word)) == nil
                {
                    owners[String(word), default: []].insert(index)
                }
            }
        }
        var taken = [Range<Int>]()
        for entity in entities { for mention in entity.mentions { taken.append(mention.start..<mention.end) } }
        taken.sort { $0.lowerBound < $1.lowerBound }
        var result = entities
        let tokens = WordTokens.tokens(in: scalars[...])
        for (k, token) in tokens.enumerated() where token.isWord && Self.isCapitalized(token) {
            guard let owner = owners[token.text], owner.count == 1, let index = owner.first else { continue }
            // Not part of a longer capitalised name ("Kim Yo Jong" is someone else).
            if k + 1 < tokens.count, tokens[k + 1].isWord, Self.isCapitalized(tokens[k + 1]), tokens[k + 1].start == token.end + 1 { continue }
            if k > 0, tokens[k - 1].isWord, Self.isCapitalized(tokens[k - 1]), tokens[k - 1].end + 1 == token.start,
                knowledge.titles[NameKey.make(tokens[k - 1].text)] == nil
            {
                continue
            }
            if Self.overlapsAny(token.start..<token.end, taken) { continue }
            // "Tn. Kim", "Bapak Shoigu": the honorific belongs to the mention.
            var start = token.start
            var honorificStart = k
            if k >= 2, tokens[k - 1].text == ".", tokens[k - 2].isWord { honorificStart = k - 2 } else if k >= 1, tokens[k - 1].isWord { honorificStart = k - 1 }
            if honorificStart < k {
                let word = tokens[honorificStart...k - 1].map(\.text).joined()
                if knowledge.titles[NameKey.make(word)]?.kind == "honorific" { start = tokens[honorificStart].start }
            }
            let text = String(String.UnicodeScalarView(scalars[start..<token.end]))
            result[index].mentions.append(Entity.Mention(start: start, end: token.end, text: text))
            if !result[index].aliases.contains(token.text) && token.text != result[index].name {
                result[index].aliases.append(token.text)
            }
        }
        for index in result.indices { result[index].mentions.sort { $0.start < $1.start } }
        return result
    }

    /// Whether `range` overlaps one of `sorted` (sorted by lower bound; mentions are short, so a few steps back do).
    static func overlapsAny(_ range: Range<Int>, _ sorted: [Range<Int>]) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].lowerBound < range.upperBound { low = mid + 1 } else { high = mid }
        }
        var k = low - 1
        while k >= 0 {
            if sorted[k].overlaps(range) { return true }
            if range.lowerBound - sorted[k].lowerBound > 400 { break }
            k -= 1
        }
        return false
    }
}
