/// Turns sentences into typed events (PLOVER types and modes) with participants, date, place, modality and the
/// source that reports them, each tied to its evidence span.
///
/// It reads what the earlier stages found (entities with their mentions, resolved time expressions) and the
/// trigger lexicon; it never invents a participant that has no mention in the sentence.
public struct EventExtractor: Sendable {
    public var lexicon: EventLexicon
    public var knowledge: KnowledgeBase

    public init(lexicon: EventLexicon = .standard, knowledge: KnowledgeBase = .standard) {
        self.lexicon = lexicon
        self.knowledge = knowledge
    }

    struct Placed {
        var entity: Int
        var start: Int
        var end: Int
    }

    static let placeWords: Set<String> = [
        "di", "ke", "dari", "in", "at", "to", "from", "menuju", "kota", "ibu", "kompleks", "gedung", "komplek",
    ]
    static let agreementWords: [String] = [
        "perjanjian", "kesepakatan", "nota", "memorandum", "mou", "deklarasi", "rencana", "kontrak", "pakta", "piagam",
        "protokol", "persetujuan", "komunike", "agreement", "treaty", "deal", "declaration", "plan", "pact", "accord",
        "charter", "protocol", "contract", "communique", "communiqué", "statement",
    ]
    /// Words right before the one who says it: "menurut Fachir", "kata Peskov", "according to".
    static let sourceWords: Set<String> = ["menurut", "kata", "ujar", "according", "lapor", "dilansir", "mengutip", "ucap", "tutur", "jelas"]
    static let topicWords: Set<String> = [
        "perang", "konflik", "krisis", "situasi", "serangan", "pertempuran", "invasi", "operasi", "war", "conflict",
        "crisis", "situation", "fighting", "invasion", "attacks", "operation",
    ]
    static let reportWords: Set<String> = [
        "menurut", "lapor", "melaporkan", "dilaporkan", "laporan", "kata", "ujar", "mengutip", "dikutip", "dilansir",
        "according", "reported", "reports", "said", "told", "cited", "quoted", "via",
    ]

    /// The events of one document.
    ///
    /// - Parameters:
    ///   - text: the clean text (offsets count its Unicode scalars).
    ///   - entities: its entities, with mentions.
    ///   - times: its resolved time expressions.
    ///   - language: `id` or `en`.
    public func extract(
        text: String, entities: [Entity], times: [TimeMention], language: String, published: String? = nil
    ) -> [EventMention] {
        // Without a date of its own, an event of a dated report is placed in the report's month (the context the
        // reader has), never on the report's day.
        let publishedMonth = published.flatMap { $0.count >= 7 ? String($0.prefix(7)) : nil }
        let scalars = Array(text.unicodeScalars)
        var placed = [Placed]()
        for (index, entity) in entities.enumerated() {
            for mention in entity.mentions { placed.append(Placed(entity: index, start: mention.start, end: mention.end)) }
        }
        placed.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        let paragraphs = Self.paragraphStarts(scalars)
        var events = [EventMention]()
        let sortedTimes = times.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var placedCursor = 0
        var paragraphCursor = 0
        var timeCursor = 0
        var lastDate: String?
        var lastParagraph = -1
        var lastEvent: EventMention?
        var previousDate: String?
        var documentLastDate: String?
        // The last place a sentence said someone visited, for "saat itu" sentences after it.
        var lastVisited: String?
        let visitPhrases = lexicon.triggers.filter { $0.type == "CONSULT" && $0.mode == "visit" }.map(\.words)
        for sentence in Sentences.ranges(in: scalars) {
            while paragraphCursor + 1 < paragraphs.count, paragraphs[paragraphCursor + 1] <= sentence.lowerBound { paragraphCursor += 1 }
            let paragraph = paragraphCursor
            if paragraph != lastParagraph {
                lastParagraph = paragraph
                lastDate = nil
            }
            let tokens = WordTokens.tokens(in: scalars[sentence])
            let words = tokens.map(\.lower)
            // Mentions and times are sorted by start; walk them alongside the sentences (linear in the text).
            while placedCursor < placed.count, placed[placedCursor].start < sentence.lowerBound { placedCursor += 1 }
            var inSentence = [Placed]()
            var p = placedCursor
            while p < placed.count, placed[p].start < sentence.upperBound {
                if placed[p].end <= sentence.upperBound { inSentence.append(placed[p]) }
                p += 1
            }
            while timeCursor < sortedTimes.count, sortedTimes[timeCursor].start < sentence.lowerBound { timeCursor += 1 }
            var sentenceTimes = [TimeMention]()
            var q = timeCursor
            while q < sortedTimes.count, sortedTimes[q].start < sentence.upperBound {
                if sortedTimes[q].end <= sentence.upperBound { sentenceTimes.append(sortedTimes[q]) }
                q += 1
            }
            let visited = visitedPlace(inSentence, tokens: tokens, entities: entities, phrases: visitPhrases)
            var i = 0
            var found = [EventMention]()
            while i < words.count {
                guard let (trigger, length) = lexicon.trigger(at: i, in: words, language: language) else {
                    i += 1
                    continue
                }
                if trigger.type == "NONE" || !Self.objectFits(trigger, after: i + length, tokens: tokens)
                    || Self.receivesAThing(trigger, at: i, length: length, tokens: tokens)
                    || (trigger.type == "CONSULT" && Self.isSports(words))
                {
                    i += length
                    continue
                }
                // "... menandatangani perjanjian pada pertemuan puncak": a meeting named as the setting of another event.
                if found.contains(where: { $0.confidence != Self.inheritedConfidence }), i > 0,
                    ["pada", "dalam", "di", "at", "during", "on"].contains(words[i - 1])
                {
                    i += length
                    continue
                }
                let triggerStart = tokens[i].start
                let triggerEnd = tokens[i + length - 1].end
                if let event = makeEvent(
                    trigger: trigger, triggerRange: triggerStart..<triggerEnd, tokenIndex: i, tokens: tokens,
                    sentence: sentence, mentions: inSentence, entities: entities, times: sentenceTimes,
                    fallbackDate: (Self.refersBack(words) ? documentLastDate : nil) ?? lastDate
                        ?? Self.sameMonthDay(previousDate, publishedMonth) ?? publishedMonth ?? previousDate,
                    language: language, previous: found.last ?? lastEvent, published: published,
                    fallbackPlace: visited ?? (Self.refersBack(words) ? lastVisited : nil)),
                    !found.contains(where: { $0.type == event.type && Set($0.participants) == Set(event.participants) })
                {
                    var event = event
                    // An event dated after the report cannot have happened yet: a later day, or a later month or year
                    // ("bulan depan").
                    if event.modality == "asserted", let date = event.date, let published, date.count >= 4,
                        !date.hasPrefix("X"), !date.contains("W"), date > String(published.prefix(date.count))
                    {
                        event.modality = "planned"
                    }
                    found.append(event)
                }
                i += length
            }
            if let dated = sentenceTimes.last(where: { !$0.value.contains("/") && !Self.isReportDate($0, tokens: tokens) }) {
                lastDate = Self.dateValue(dated.value)
                documentLastDate = lastDate
            }
            if let visited { lastVisited = visited }
            events.append(contentsOf: found)
            if let event = found.last(where: { $0.type == "CONSULT" || $0.type == "AGREE" }) {
                lastEvent = event
                if let date = event.date { previousDate = date }
            }
        }
        return events
    }

    static func paragraphStarts(_ scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        return starts
    }

    /// "menerima", "menyambut", "received", "welcomed" host someone only when a visitor follows: a name, a title,
    /// or a word for guests ("delegasi", "kunjungan"); "menerima umpan", "menerima uang" are not meetings.
    static func objectFits(_ trigger: EventLexicon.Trigger, after index: Int, tokens: [WordToken]) -> Bool {
        func capitalised(_ token: WordToken) -> Bool {
            token.text.unicodeScalars.first.map(NERTokenizer.isUppercase) ?? false
        }
        // "X diterima Presiden", "disambut dengan hangat oleh Menlu": a host names who received; "diterima di sisi
        // Allah", "diterima dengan tangan terbuka", "disambut tarian Betawi" receive no one.
        if trigger.mode == "host", trigger.roles == .passive, trigger.words.count == 1 {
            var k = index
            while k < tokens.count, k - index < 4, passiveFillers.contains(tokens[k].lower) { k += 1 }
            guard k < tokens.count else { return false }
            return capitalised(tokens[k]) || visitorWords.contains(tokens[k].lower)
        }
        // "mengunjungi Papua", "berkunjung ke kantor PBB"; not "mengunjungi butik Burberry" or "ke makam".
        if trigger.mode == "visit", trigger.roles == .agent, ["mengunjungi", "berkunjung", "visited", "visits", "visit"].contains(trigger.words.first ?? "") {
            guard index < tokens.count else { return false }
            return capitalised(tokens[index]) || visitedPlaces.contains(tokens[index].lower) || visitorWords.contains(tokens[index].lower)
        }
        guard trigger.mode == "host", trigger.roles == .agent, trigger.words.count == 1 else { return true }
        guard index < tokens.count else { return false }
        let next = tokens[index]
        if capitalised(next) { return true }
        return visitorWords.contains(next.lower)
    }

    /// Whether a host trigger receives money or a thing, not a guest: "menerima Rp 91 juta dari X", "uang itu
    /// diterima X melalui rekening", "paket sembako diterima oleh Kepala Dinas".
    static func receivesAThing(_ trigger: EventLexicon.Trigger, at index: Int, length: Int, tokens: [WordToken]) -> Bool {
        guard trigger.mode == "host" else { return false }
        func isThing(_ token: WordToken) -> Bool {
            receivedThings.contains(token.lower) || token.lower.hasPrefix("rp") && token.lower.dropFirst(2).allSatisfy(\.isNumber)
        }
        if trigger.roles == .passive {
            var k = index - 1
            while k >= 0, index - k <= 4, tokens[k].isWord {
                if isThing(tokens[k]) { return true }
                k -= 1
            }
            return false
        }
        var k = index + length
        while k < tokens.count, k - index - length < 2 {
            if isThing(tokens[k]) { return true }
            k += 1
        }
        return false
    }

    /// Money and things that are received, where a host trigger would otherwise receive a guest.
    static let receivedThings: Set<String> = [
        "uang", "dana", "duit", "usd", "paket", "laporan", "surat", "bantuan", "sumbangan", "suap", "gratifikasi",
        "hadiah", "proposal", "usulan", "masukan", "permohonan", "pengaduan", "aduan", "berkas", "keputusan", "sembako",
        "gaji", "honor", "fee", "setoran", "transfer", "cek", "donasi", "penghargaan", "sertifikat", "kiriman", "barang",
        "money", "funds", "bribe", "bribes", "payment", "payments", "award", "letter", "report", "donation",
    ]

    /// The first place of the sentence that someone visits or arrives in, right after the words of a visit trigger
    /// (`phrases`): "mengunjungi Indonesia", "berkunjung ke PEA", "tiba di Pyongyang", "visited Moscow".
    func visitedPlace(_ mentions: [Placed], tokens: [WordToken], entities: [Entity], phrases: [[String]]) -> String? {
        for mention in mentions where entities[mention.entity].type == "LOC" || entities[mention.entity].type == "GPE" {
            guard let index = tokens.lastIndex(where: { $0.end <= mention.start }) else { continue }
            let follows = phrases.contains { phrase in
                phrase.count <= index + 1 && zip(phrase, tokens[(index + 1 - phrase.count)...index]).allSatisfy { word, token in
                    word.hasSuffix("*") ? token.lower.hasPrefix(word.dropLast()) : token.lower == word
                }
            }
            if follows { return entities[mention.entity].name }
        }
        return nil
    }

    /// Words between a passive host trigger and who hosted: "diterima langsung oleh", "disambut dengan hangat oleh".
    static let passiveFillers: Set<String> = [
        "oleh", "langsung", "secara", "resmi", "dengan", "hangat", "ramah", "baik", "hormat", "akrab", "by",
    ]

    /// Places a visit goes to that are not names: "mengunjungi kantor ...", "berkunjung ke istana".
    static let visitedPlaces: Set<String> = [
        "kantor", "istana", "kediaman", "markas", "kedutaan", "kementerian", "negara", "negeri", "kota", "ibu",
        "provinsi", "kabupaten", "ibukota", "parlemen", "gedung", "pangkalan", "kapal", "sejumlah", "beberapa",
        "kawasan", "wilayah", "pusat",
    ]

    static let visitorWords: Set<String> = [
        "delegasi", "kunjungan", "kedatangan", "utusan", "tamu", "rombongan", "para", "duta", "dubes", "menteri",
        "presiden", "perdana", "raja", "ratu", "pangeran", "kepala", "ketua", "wakil", "sekretaris", "pemimpin",
        "a", "the", "his", "her", "visiting", "delegation", "visit", "envoy", "foreign", "prime", "president", "king",
        "queen", "crown", "secretary", "minister", "leader", "top", "senior",
    ]

    /// Sport reports meet on the pitch, not at the table: a sentence with these words holds no CONSULT.
    static func isSports(_ words: [String]) -> Bool {
        var hits = 0
        for word in words where sportsWords.contains(word) {
            hits += 1
            if hits >= 1 { return true }
        }
        return false
    }

    static let sportsWords: Set<String> = [
        "laga", "pertandingan", "gol", "skor", "umpan", "liga", "timnas", "klub", "tandang", "kandang", "pembalap",
        "balapan", "sirkuit", "babak", "turnamen", "juara", "striker", "gelandang", "bek", "kiper", "pelatih", "stadion",
        "matchday", "match", "goal", "league", "club", "striker", "coach", "tournament", "race", "stadium", "kickoff",
        "semifinal", "final", "bulu", "tangkis", "sepak", "bola", "futsal", "motogp", "f1", "imbang", "bertanding",
        "petarung", "petinju", "tinju", "ufc", "skuad", "skuat", "atlet", "pebulutangkis", "serie", "kejuaraan",
    ]

    /// The confidence of an event whose actors come from the previous one ("kedua pemimpin", "pertemuan itu").
    static let inheritedConfidence = 0.55

    /// "saat itu", "ketika itu", "at the time": the sentence refers to the time last named.
    static func refersBack(_ words: [String]) -> Bool {
        for (i, word) in words.enumerated() where i + 1 < words.count {
            let next = words[i + 1]
            if ["saat", "ketika", "waktu", "kala"].contains(word) && (next == "itu" || next == "tersebut") { return true }
            if word == "the", next == "time", i > 0, words[i - 1] == "at" { return true }
        }
        return false
    }

    /// The previous event's day when it falls in the report's month (the same story goes on), else nil.
    static func sameMonthDay(_ previous: String?, _ month: String?) -> String? {
        guard let previous, let month, previous.count >= 10, previous.hasPrefix(month) else { return nil }
        return previous
    }

    /// A time value as an event date: the day, month or year part (no clock time, no range).
    static func dateValue(_ value: String) -> String? {
        if value.contains("/") { return nil }
        if let t = value.firstIndex(of: "T") { return String(value[..<t]) }
        return value
    }

    // swiftlint:disable:next function_parameter_count
    func makeEvent(
        trigger: EventLexicon.Trigger, triggerRange: Range<Int>, tokenIndex: Int, tokens: [WordToken],
        sentence: Range<Int>, mentions: [Placed], entities: [Entity], times: [TimeMention], fallbackDate: String?,
        language: String, previous: EventMention? = nil, published: String? = nil, fallbackPlace: String? = nil
    ) -> EventMention? {
        let words = tokens.map(\.lower)
        func tokenBefore(_ offset: Int) -> WordToken? { tokens.last(where: { $0.end <= offset && $0.isWord }) }
        // Candidates: mentions that are not a modifier of the person after them ("Presiden Rusia Vladimir Putin")
        // and not a place after "di"/"ke" ("tiba di Pyongyang").
        var candidates = [Placed]()
        var places = [Placed]()
        var buildings = [Placed]()
        for (k, mention) in mentions.enumerated() {
            let entity = entities[mention.entity]
            if entity.type != "PER", k + 1 < mentions.count, entities[mentions[k + 1].entity].type == "PER",
                mentions[k + 1].start - mention.end <= 1
            {
                continue
            }
            if let before = tokenBefore(mention.start), Self.placeWords.contains(before.lower) {
                // "perang di Ukraina", "the war in Ukraine": a topic, not where the event is.
                if let topic = tokens.last(where: { $0.end <= before.start && $0.isWord }), Self.topicWords.contains(topic.lower) {
                    continue
                }
                if entity.type == "LOC" || entity.type == "GPE" {
                    places.append(mention)
                    continue
                }
                // "di Istana Kepresidenan", "ke Kremlin": a building named like an organisation is a place here.
                if entity.type == "ORG" {
                    buildings.append(mention)
                    continue
                }
            }
            // "utusan Presiden Xi Jinping", "juru bicara Kremlin": someone acting for the actor, not the actor.
            if Self.isRepresented(mention, tokens: tokens) { continue }
            if mention.start < triggerRange.upperBound && mention.end > triggerRange.lowerBound { continue }
            // Cities and sites are where things happen, never who takes part.
            if entity.type == "LOC" || entity.type == "GPE", !isCountry(entity) {
                places.append(mention)
                continue
            }
            candidates.append(mention)
        }
        // Agencies that report are sources, not participants.
        var reporters = [String]()
        candidates.removeAll { mention in
            let entity = entities[mention.entity]
            let isAgency = entity.link.flatMap { link in
                link.hasPrefix("org:") ? knowledge.organizations[String(link.dropFirst(4))]?.kind == "agency" : nil
            } ?? false
            let before = tokenBefore(mention.start)?.lower ?? ""
            if isAgency || ((entity.type == "ORG" || entity.type == "PER") && Self.sourceWords.contains(before)) {
                if !reporters.contains(entity.name) { reporters.append(entity.name) }
                return true
            }
            return false
        }
        // Most specific actors: people, else organisations, else countries.
        func distinct(_ list: [Placed]) -> [Placed] {
            var seen = Set<Int>()
            return list.filter { seen.insert($0.entity).inserted }
        }
        let people = distinct(candidates.filter { entities[$0.entity].type == "PER" })
        let organizations = distinct(candidates.filter { entities[$0.entity].type == "ORG" })
        let countries = distinct(candidates.filter { entities[$0.entity].type != "PER" && entities[$0.entity].type != "ORG" && isCountry(entities[$0.entity]) })
        var chosen: [Placed]
        if people.count >= 2 {
            chosen = people
        } else if people.count == 1 {
            let others = organizations.isEmpty ? countries : organizations
            chosen = people + others.prefix(1)
            if chosen.count < 2, trigger.mode == "visit", let place = places.first(where: { isCountry(entities[$0.entity]) }) {
                chosen.append(place)
            }
        } else if organizations.count >= 2 {
            chosen = organizations
        } else {
            chosen = distinct(organizations + countries)
            if chosen.count < 2, trigger.mode == "visit", let place = places.first(where: { isCountry(entities[$0.entity]) }) {
                chosen.append(place)
            }
        }
        chosen = distinct(chosen)
        var visitedCountry: EventMention.Participant?
        // A person's own country is not their counterpart ("Lavrov ... berterima kasih kepada Rusia").
        let ownCountries = Set(chosen.compactMap { entities[$0.entity].type == "PER" ? entities[$0.entity].country : nil })
        chosen.removeAll { mention in
            let entity = entities[mention.entity]
            return entity.type != "PER" && isCountry(entity) && ownCountries.contains(entity.name)
        }
        // A visit goes somewhere: the visited country (or the country of the city) completes a lone visitor.
        if trigger.mode == "visit", chosen.count == 1, entities[chosen[0].entity].type == "PER",
            let place = places.first(where: { $0.start >= triggerRange.lowerBound && placeCountry(entities[$0.entity]) != nil }),
            let iso3 = placeCountry(entities[place.entity]), let country = knowledge.countries[iso3],
            !ownCountries.contains(country.name)
        {
            if let index = entities.firstIndex(where: { $0.link == "country:\(iso3)" }) {
                chosen.append(Placed(entity: index, start: place.start, end: place.end))
            } else {
                // The country is not named, only its city: it takes part through the knowledge base.
                visitedCountry = EventMention.Participant(name: country.name, entity: nil)
            }
        }
        // A visit by actors all named before the trigger with no one visited after it ("A dan B tiba di X")
        // is not a meeting between them.
        if trigger.mode == "visit", trigger.roles == .agent, chosen.count >= 2, chosen.allSatisfy({ $0.start < triggerRange.lowerBound }) {
            let sorted = chosen.sorted { $0.start < $1.start }
            let between = tokens.filter { $0.start >= sorted[0].end && $0.end <= sorted[1].start }.map(\.lower)
            if between.contains("dan") || between.contains("and") || between.contains("serta") { return nil }
        }
        // Signing makes an AGREE only when what is signed is an agreement, not a letter or a decree: an agreement
        // word near the trigger, not anywhere in the sentence ("meneken penolakan terhadap rencana penambangan"). It
        // comes after an active trigger ("menandatangani nota kesepahaman"), and before a passive one with its
        // parties ("perjanjian ekstradisi antara Australia dan Indonesia ditandatangani").
        let before = trigger.roles == .passive ? 8 : 4
        let near = words[max(0, tokenIndex - before)..<min(words.count, tokenIndex + trigger.words.count + 5)]
        if trigger.type == "AGREE", !near.contains(where: { word in Self.agreementWords.contains(where: { word.hasPrefix($0) }) }) {
            return nil
        }
        // "kedua pemimpin menandatangani ...", "both leaders signed": the actors of the previous event.
        let anaphoricTrigger = ["ini", "itu", "tersebut"].contains(trigger.words.last ?? "") || trigger.words.first == "the"
        // "pertemuan ini/tersebut" is the meeting already reported: it adds a mention to it, never a new meeting.
        if anaphoricTrigger && previous == nil { return nil }
        if chosen.count < 2 || anaphoricTrigger, let previous,
            let anaphor = anaphoricTrigger ? .actors : Self.anaphor(before: tokenIndex, in: words)
        {
            // "pertemuan itu" names the meeting already reported: its date stays (a date here dates the report).
            return inherit(
                previous, anaphor: anaphor, trigger: trigger, sentence: sentence, entities: entities,
                times: anaphoricTrigger ? [] : times.filter { !Self.isReportDate($0, tokens: tokens) }, fallbackDate: fallbackDate,
                sameEvent: anaphoricTrigger)
        }
        // Organisations nobody knows (clubs, firms) meeting each other are rarely what analysts follow, and often
        // a misreading: an event needs a person or an actor of the knowledge base.
        if (trigger.type == "CONSULT" || trigger.type == "AGREE"),
            !chosen.contains(where: { entities[$0.entity].type == "PER" || entities[$0.entity].link != nil })
        {
            return nil
        }
        let needed = visitedCountry == nil ? 2 : 1
        guard chosen.count >= needed || (trigger.type != "CONSULT" && trigger.type != "AGREE" && chosen.count >= 1) else { return nil }
        chosen = Array(chosen.prefix(5))
        // Order: for agent triggers the actor before the trigger first; for passive ones, the actor after it.
        switch trigger.roles {
        case .agent:
            chosen.sort { a, b in
                let aBefore = a.start < triggerRange.lowerBound, bBefore = b.start < triggerRange.lowerBound
                if aBefore != bBefore { return aBefore }
                return aBefore ? a.start > b.start : a.start < b.start
            }
        case .passive:
            chosen.sort { a, b in
                let aAfter = a.start >= triggerRange.upperBound, bAfter = b.start >= triggerRange.upperBound
                if aAfter != bAfter { return aAfter }
                return a.start < b.start
            }
        case .symmetric:
            chosen.sort { $0.start < $1.start }
        }
        // Date: the expression of the clause nearest the trigger, else the paragraph's last date.
        let dated = times.filter { Self.dateValue($0.value) != nil && !Self.isReportDate($0, tokens: tokens) }
        let nearest = dated.min { abs($0.start - triggerRange.lowerBound) < abs($1.start - triggerRange.lowerBound) }
        var date = nearest.flatMap { Self.dateValue($0.value) } ?? fallbackDate
        // "Jumat, 18 September 2019" in a report of Friday 20 September: the weekday names the day the reader
        // knows (it agrees with the publication date), the number is the typo.
        if let nearest, nearest.conflict == true, let published,
            let weekday = nearest.text.split(whereSeparator: { !$0.isLetter }).first,
            let resolved = TimeExtractor().extract(text: String(weekday), published: published, language: language).first,
            let day = Self.dateValue(resolved.value), day.count == 10
        {
            date = day
        }
        // Place: the most specific place the sentence gives after "di"/"in" (a city over a country).
        func introducedAsVenue(_ mention: Placed) -> Bool {
            guard let before = tokenBefore(mention.start) else { return false }
            return ["di", "ke", "in", "at", "to", "kota", "kompleks", "gedung"].contains(before.lower)
        }
        let place = places.filter { mention in
            // "dari Moskow", "from Moscow": where someone came from; "antara Moskow dan Pyongyang": the two sides.
            guard let index = tokens.lastIndex(where: { $0.end <= mention.start }) else { return true }
            let before = tokens[max(0, index - 2)...index].map(\.lower)
            return !["dari", "from", "asal"].contains(tokens[index].lower) && !before.contains("antara") && !before.contains("between")
        }.sorted { a, b in
            let aVenue = introducedAsVenue(a), bVenue = introducedAsVenue(b)
            if aVenue != bVenue { return aVenue }
            let aKnown = entities[a.entity].link != nil, bKnown = entities[b.entity].link != nil
            if aKnown != bKnown { return aKnown }
            let aCountry = isCountry(entities[a.entity]), bCountry = isCountry(entities[b.entity])
            if aCountry != bCountry { return !aCountry }
            return abs(a.start - triggerRange.lowerBound) < abs(b.start - triggerRange.lowerBound)
        }.first.map { venue -> String in
            // "di Base Ops Lanud Halim Perdanakusuma, Jakarta": an unknown venue followed by the known city it is in
            // gives the city.
            if entities[venue.entity].link == nil,
                let city = mentions.first(where: { $0.start >= venue.end && entities[$0.entity].link?.hasPrefix("place:") == true }),
                tokens.filter({ $0.start >= venue.end && $0.end <= city.start }).map(\.text) == [","]
            {
                return entities[city.entity].name
            }
            return entities[venue.entity].name
        } ?? buildings.first.map { entities[$0.entity].name }
        var location = place
        if location == nil, trigger.mode == "visit",
            let visited = chosen.first(where: { $0.start >= triggerRange.upperBound && isCountry(entities[$0.entity]) })
        {
            location = entities[visited.entity].name
        }
        // "Song Tao mengunjungi Indonesia dan bertemu Jokowi": the place visited; "Saat itu, Prabowo bertemu ..."
        // after "Prabowo berkunjung ke PEA": the place visited before (`fallbackPlace`).
        if location == nil { location = fallbackPlace }
        // Modality: a cue in the few words before the trigger.
        var modality = "asserted"
        if words[..<tokenIndex].contains(where: { ["mengundang", "diundang", "undangan", "invited", "invites", "invitation"].contains($0) }) {
            modality = "planned"
        }
        // Every cue of the clause before the trigger counts, the strongest wins: a denial governs a plan
        // ("membantah bahwa Putin akan bertemu"), and an explicit "asserted" cue ("tidak hanya") cancels a negation.
        let priority = ["asserted": 4, "denied": 3, "hypothetical": 2, "planned": 1, "claimed": 0]
        let windowStart = max(0, tokenIndex - 8)
        var k = tokenIndex
        var best: (modality: String, rank: Int)?
        while k > windowStart {
            if let cue = lexicon.cue(endingAt: k, in: words, language: language) {
                let rank = priority[cue.modality] ?? 0
                if rank > (best?.rank ?? -1) { best = (cue.modality, rank) }
            }
            if [",", ".", ";", ":"].contains(tokens[k - 1].lower) { break }
            k -= 1
        }
        if let best { modality = best.modality }
        // Who reports it: agencies named with a reporting word anywhere in the sentence.
        for mention in mentions {
            let entity = entities[mention.entity]
            let isAgency = entity.link.flatMap { link in
                link.hasPrefix("org:") ? knowledge.organizations[String(link.dropFirst(4))]?.kind == "agency" : nil
            } ?? false
            if isAgency, !reporters.contains(entity.name) { reporters.append(entity.name) }
        }
        var confidence = 0.5
        if people.count >= 2 { confidence += 0.2 }
        if nearest != nil { confidence += 0.1 }
        if place != nil { confidence += 0.1 }
        return EventMention(
            type: trigger.type, mode: trigger.mode,
            participants: chosen.map { EventMention.Participant(name: entities[$0.entity].name, entity: entities[$0.entity].id) }
                + [visitedCountry].compactMap { $0 },
            date: date, location: location, reportedBy: reporters, modality: modality,
            evidence: EventMention.Span(start: sentence.lowerBound, end: sentence.upperBound),
            confidence: min(confidence, 0.95))
    }

    /// Words of a press release handed to the newsroom: "keterangan tertulis yang diterima detikcom, Minggu".
    static let releaseWords: Set<String> = ["diterima", "keterangan", "keterangannya", "siaran", "rilis"]

    /// A date given for the report rather than the event: "kata media pemerintah pada 27 Juli", "reported on Friday".
    static func isReportDate(_ time: TimeMention, tokens: [WordToken]) -> Bool {
        guard let index = tokens.lastIndex(where: { $0.end <= time.start }) else { return false }
        var k = index
        var seen = 0
        while k >= 0, seen < 12 {
            let word = tokens[k].lower
            if reportWords.contains(word) || releaseWords.contains(word) { return true }
            // The comma right before the date ends the report's clause: "keterangan yang diterima X, Minggu (13/7)".
            if word == ",", k == index {
                k -= 1
                continue
            }
            if word == "." || word == ";" || word == "," { return false }
            k -= 1
            seen += 1
        }
        return false
    }

    enum Anaphor { case actors, countries }

    /// "kedua pemimpin", "keduanya", "kedua belah pihak", "kedua negara", "both leaders", "the two sides" before the trigger.
    static func anaphor(before index: Int, in words: [String]) -> Anaphor? {
        let window = words[max(0, index - 4)..<index].joined(separator: " ")
        for phrase in ["kedua belah pihak", "kedua negara", "both countries", "the two countries", "both sides", "the two sides"]
        where window.contains(phrase) {
            return .countries
        }
        for phrase in ["kedua pemimpin", "keduanya", "kedua tokoh", "kedua menteri", "mereka", "both leaders", "the two leaders", "the two", "they"]
        where window.contains(phrase) {
            return .actors
        }
        return nil
    }

    /// An event whose actors are those of `previous` (or their countries).
    // swiftlint:disable:next function_parameter_count
    func inherit(
        _ previous: EventMention, anaphor: Anaphor, trigger: EventLexicon.Trigger, sentence: Range<Int>, entities: [Entity],
        times: [TimeMention], fallbackDate: String?, sameEvent: Bool = false
    ) -> EventMention? {
        var participants = previous.participants
        if anaphor == .countries {
            participants = previous.participants.compactMap { participant -> EventMention.Participant? in
                guard let id = participant.entity, let entity = entities.first(where: { $0.id == id }) else { return nil }
                if entity.link?.hasPrefix("country:") == true { return participant }
                guard let country = entity.country, let iso3 = knowledge.country(named: country) else { return nil }
                let countryEntity = entities.first { $0.link == "country:\(iso3)" }
                return EventMention.Participant(name: knowledge.countries[iso3]?.name ?? country, entity: countryEntity?.id)
            }
            var seen = Set<String>()
            participants = participants.filter { seen.insert($0.name).inserted }
        }
        guard participants.count >= 2 else { return nil }
        let date = times.compactMap { Self.dateValue($0.value) }.first ?? previous.date ?? fallbackDate
        return EventMention(
            type: trigger.type, mode: trigger.mode, participants: participants, date: date, location: previous.location,
            // "pertemuan tersebut" after "akan bertemu" is the planned meeting, still planned.
            reportedBy: previous.reportedBy, modality: sameEvent ? previous.modality : "asserted",
            evidence: EventMention.Span(start: sentence.lowerBound, end: sentence.upperBound), confidence: Self.inheritedConfidence)
    }

    /// Words for someone who acts or speaks for another ("utusan Presiden X"): the X after them is not a participant.
    static let representatives: Set<String> = [
        "utusan", "penasihat", "juru", "jubir", "ajudan", "istri", "suami", "putra", "putri", "anak", "pesan",
        "surat", "kantor", "envoy", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
        "wife", "son", "daughter", "message", "letter", "office", "behalf", "kepercayaan",
    ]

    /// Whether a relational word ("utusan", "envoy of") comes shortly before the mention in the same clause.
    static func isRepresented(_ mention: Placed, tokens: [WordToken]) -> Bool {
        guard let index = tokens.lastIndex(where: { $0.end <= mention.start }) else { return false }
        var k = index
        var seen = 0
        while k >= 0, seen < 5 {
            let token = tokens[k]
            if token.lower == "," {
                k -= 1
                continue
            }
            if !token.isWord || ["dan", "and", "dengan", "with", "bertemu", "menerima", "met"].contains(token.lower) { return false }
            if representatives.contains(token.lower) { return true }
            k -= 1
            seen += 1
        }
        return false
    }

    /// The country of a place entity (itself for a country), as iso3.
    func placeCountry(_ entity: Entity) -> String? {
        if let link = entity.link, link.hasPrefix("country:") { return String(link.dropFirst(8)) }
        if let link = entity.link, link.hasPrefix("place:") {
            return knowledge.places.first { $0.name == String(link.dropFirst(6)) }?.country
        }
        return nil
    }

    func isCountry(_ entity: Entity) -> Bool {
        if let link = entity.link { return link.hasPrefix("country:") }
        return knowledge.lookup(entity.name).contains { $0.kind == .country }
    }
}
