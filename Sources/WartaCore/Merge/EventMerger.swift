/// Merges the event mentions of many documents into real-world events: the same type, dates that agree at the
/// coarser precision, participants that resolve to the same entities, and compatible places. Arrivals and
/// welcomes (visit/host) join the meeting they lead to in the same document or on the same day.
///
/// The result does not depend on the order of the input: mentions are clustered as the connected components
/// of a pairwise compatibility relation, and every merged field is chosen by counts with fixed tie-breaks.
///
/// - Complexity: O(n log n + p) where p is the number of mention pairs sharing a participant and a type.
public struct EventMerger: Sendable {
    /// One event as one document reports it, with what the merger needs to know of its participants.
    public struct Input: Sendable, Hashable, Codable {
        public var document: String
        public var event: EventMention
        /// Per participant: a key that is the same for the same real-world actor across documents
        /// (a knowledge-base link, else the folded canonical name), and the names used for it in this document.
        public var participants: [Actor]

        public struct Actor: Sendable, Hashable, Codable {
            public var key: String
            public var name: String
            public var aliases: [String]
            public var isCountry: Bool
            /// The actor's country (English name), if known.
            public var country: String?

            public init(key: String, name: String, aliases: [String], isCountry: Bool, country: String? = nil) {
                self.country = country
                self.key = key
                self.name = name
                self.aliases = aliases
                self.isCountry = isCountry
            }
        }

        public init(document: String, event: EventMention, participants: [Actor]) {
            self.document = document
            self.event = event
            self.participants = participants
        }
    }

    /// A real-world event (FORMATS.md §3).
    public struct Merged: Sendable, Hashable, Codable {
        public var id: String
        public var type: String
        public var mode: String?
        public var modality: String
        public var participants: [String]
        public var aliases: [String: [String]]
        public var date: String?
        public var location: String?
        public var sources: [String]
        public var mentions: Int
        public var confidence: Double
        /// Where each mention is: document and evidence span.
        public var evidence: [Evidence]
        /// Participant keys, for filtering by actor.
        public var actorKeys: [String]
        /// The participants' countries (English names), for country filters and dyads.
        public var countries: [String]
        /// How the date was found when some reports gave no year: "year from the corpus: ...".
        public var dateNote: String?

        public struct Evidence: Sendable, Hashable, Codable {
            public var document: String
            public var start: Int
            public var end: Int
        }
    }

    public init() {}

    public func merge(_ inputs: [Input]) -> [Merged] {
        // A canonical order first, so that nothing below depends on the caller's order.
        let items = inputs.sorted { Self.sortKey($0) < Self.sortKey($1) }
        var parent = Array(items.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        // Block by participant key: only mentions sharing an actor can be the same event.
        var byActor = [String: [Int]]()
        for (i, item) in items.enumerated() {
            for key in Set(item.participants.map(\.key)) { byActor[key, default: []].append(i) }
        }
        for key in byActor.keys.sorted() {
            let group = byActor[key] ?? []
            for x in 0..<group.count {
                for y in (x + 1)..<group.count where Self.compatible(items[group[x]], items[group[y]]) {
                    union(group[x], group[y])
                }
            }
        }
        var clusters = [Int: [Int]]()
        for i in items.indices where !Self.isArrival(items[i]) { clusters[find(i), default: []].append(i) }
        // Each arrival joins one meeting: of its visitor, in the visited country, reported in the same document
        // (or held the same day), the same day first, else the earliest such meeting in the text.
        let roots = clusters.keys.sorted()
        for i in items.indices where Self.isArrival(items[i]) {
            let arrival = items[i]
            var best: (root: Int, rank: (Int, Int))?
            for root in roots {
                guard let members = clusters[root] else { continue }
                for m in members where !Self.isArrival(items[m]) && Self.joins(arrival, items[m]) {
                    let sameDay = (arrival.event.date?.count ?? 0) >= 10 && arrival.event.date == items[m].event.date
                    let rank = (sameDay ? 0 : 1, items[m].document == arrival.document ? items[m].event.evidence.start : Int.max)
                    if best.map({ rank < $0.rank }) ?? true { best = (root, rank) }
                }
            }
            if let best {
                clusters[best.root, default: []].append(i)
            } else {
                // Arrivals without a meeting are visits of their own (merged with the same visit elsewhere).
                let root = find(i)
                clusters[root, default: []].append(i)
            }
        }
        // A total order: clusters come out of a dictionary, whose order changes from one process to the next, and
        // two events may share an id (the same actors, type, date and first source, told apart by modality),
        // where a store keeps the first.
        return clusters.values.map { cluster -> (key: String, event: Merged) in
            let event = build(cluster.map { items[$0] })
            return (Self.orderKey(event), event)
        }
        .sorted { $0.key < $1.key }.map(\.event)
    }

    static func orderKey(_ event: Merged) -> String {
        let evidence = event.evidence.map { "\($0.document)\u{2}\($0.start)\u{2}\($0.end)" }.joined(separator: "\u{3}")
        return [event.date ?? "9999", event.id, event.modality, evidence].joined(separator: "\u{1}")
    }

    static func sortKey(_ input: Input) -> String {
        "\(input.document)\u{1}\(input.event.evidence.start)\u{1}\(input.event.type)\u{1}\(input.participants.map(\.key).joined(separator: ","))"
    }

    /// Whether two dates can name the same day: equal where both are known, `XXXX` matching any year.
    public static func datesAgree(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        let n = min(a.count, b.count)
        for (x, y) in zip(a.prefix(n), b.prefix(n)) where x != y && x != "X" && y != "X" { return false }
        return true
    }

    static func compatible(_ a: Input, _ b: Input) -> Bool {
        guard a.event.type == b.event.type else { return false }
        guard (a.event.modality == "asserted") == (b.event.modality == "asserted") else { return false }
        let sameDocument = a.document == b.document
        let keysA = Set(a.participants.map(\.key)), keysB = Set(b.participants.map(\.key))
        let shared = keysA.intersection(keysB)
        // Arrivals are attached to one meeting after clustering; between themselves they merge as visits.
        if isArrival(a) != isArrival(b) { return false }
        let dates: Bool
        if a.event.date == nil || b.event.date == nil {
            dates = sameDocument
        } else {
            dates = datesAgree(a.event.date, b.event.date)
        }
        guard dates else { return false }
        if let x = a.event.location, let y = b.event.location, NameKey.make(x) != NameKey.make(y) {
            // Places differ: only a city and its country may both be right; without knowing, keep them apart
            // unless one of them is a country participant (a visit to a country, a meeting in its capital).
            let countryNames = Set((a.participants + b.participants).filter(\.isCountry).map { NameKey.make($0.name) })
            if !countryNames.contains(NameKey.make(x)) && !countryNames.contains(NameKey.make(y)) && !Self.within(x, y) {
                return false
            }
        }
        if keysA == keysB { return true }
        if shared.count >= 2 { return true }
        // "delegasi China" in one report is the Chinese envoy named in another: a country matches a person of it.
        if shared.count == 1 {
            let restA = a.participants.filter { !shared.contains($0.key) }
            let restB = b.participants.filter { !shared.contains($0.key) }
            let countryMatchesPerson = restA.contains { x in
                restB.contains { y in
                    (x.isCountry && !y.isCountry && y.country == x.name) || (y.isCountry && !x.isCountry && x.country == y.name)
                }
            }
            if countryMatchesPerson, a.event.date != nil, b.event.date != nil { return true }
        }
        return false
    }

    /// Whether one place lies in the other (a city in its country), by the knowledge base.
    static func within(_ x: String, _ y: String) -> Bool {
        let kb = KnowledgeBase.standard
        func countryOf(_ place: String) -> String? {
            kb.lookup(place).first { $0.kind == .place }?.country
        }
        if let country = kb.country(named: y), countryOf(x) == country { return true }
        if let country = kb.country(named: x), countryOf(y) == country { return true }
        return false
    }

    /// A visit of one person to a country: an arrival, which joins the meeting it leads to.
    static func isArrival(_ input: Input) -> Bool {
        input.event.type == "CONSULT" && input.event.mode == "visit" && input.participants.count == 2
            && input.participants.contains(where: \.isCountry) && input.participants.contains(where: { !$0.isCountry })
    }

    /// Whether an arrival joins a meeting: same document or same day, the visitor takes part, and the other side
    /// is of the visited country (or of no known country).
    static func joins(_ arrival: Input, _ meeting: Input) -> Bool {
        guard meeting.event.type == "CONSULT", meeting.event.modality == arrival.event.modality else { return false }
        guard let visitor = arrival.participants.first(where: { !$0.isCountry }),
            meeting.participants.contains(where: { $0.key == visitor.key })
        else { return false }
        let visited = arrival.participants.first(where: \.isCountry)?.name
        let sameDocument = arrival.document == meeting.document
        let sameDay = (arrival.event.date?.count ?? 0) >= 10 && arrival.event.date == meeting.event.date
        guard sameDocument || sameDay else { return false }
        return meeting.participants.contains {
            $0.key != visitor.key && ($0.country == visited || $0.name == visited || ($0.country == nil && sameDocument))
        }
    }

    func build(_ members: [Input]) -> Merged {
        func mostCommon(_ values: [String]) -> String? {
            var counts = [String: Int]()
            for value in values { counts[value, default: 0] += 1 }
            return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        let type = members[0].event.type
        let asserted = members.filter { $0.event.modality == "asserted" }
        let modality = asserted.isEmpty ? (mostCommon(members.map(\.event.modality)) ?? "asserted") : "asserted"
        let mode = mostCommon(members.compactMap(\.event.mode).filter { $0 != "visit" }) ?? mostCommon(members.compactMap(\.event.mode))
        // Date: the finest precision that the mentions give, its most common value; a known year beats XXXX.
        // The finest precision the mentions give; at that precision meetings date the event better than the
        // arrivals merged into them; a known year beats XXXX.
        let dates = members.compactMap(\.event.date)
        let known = dates.filter { !$0.hasPrefix("X") }
        let pool = known.isEmpty ? dates : known
        let finest = pool.map(\.count).max() ?? 0
        let meetingDates = members.filter { $0.event.mode != "visit" }.compactMap(\.event.date).filter { $0.count == finest && pool.contains($0) }
        let date = mostCommon(meetingDates) ?? mostCommon(pool.filter { $0.count == finest })
        // Participants: every actor, the most frequent first; visit arrivals' countries only when no person covers them.
        var actorCount = [String: Int]()
        var firstName = [String: [String]]()
        var aliasSet = [String: Set<String>]()
        var isCountry = [String: Bool]()
        var countries = Set<String>()
        for member in members {
            for actor in member.participants {
                if let country = actor.country { countries.insert(country) }
                actorCount[actor.key, default: 0] += 1
                firstName[actor.key, default: []].append(actor.name)
                aliasSet[actor.key, default: []].formUnion(actor.aliases + [actor.name])
                isCountry[actor.key] = actor.isCountry
            }
        }
        var keys = actorCount.keys.sorted { (actorCount[$0] ?? 0, $1) > (actorCount[$1] ?? 0, $0) }
        let people = keys.filter { !(isCountry[$0] ?? false) }
        // People first; countries (from arrivals or delegations) after them.
        // A country stays only when none of the people is from it ("Kim Jong Un" covers "North Korea").
        var personCountries = Set<String>()
        for member in members {
            for actor in member.participants where !actor.isCountry { if let c = actor.country { personCountries.insert(c) } }
        }
        keys = people + keys.filter { key in
            guard isCountry[key] ?? false else { return false }
            let name = firstName[key]?.first ?? ""
            return !personCountries.contains(name)
        }
        var names = [String]()
        var aliases = [String: [String]]()
        for key in keys {
            let name = mostCommon(firstName[key] ?? []) ?? key
            names.append(name)
            let others = (aliasSet[key] ?? []).subtracting([name]).sorted()
            if !others.isEmpty { aliases[name] = others }
        }
        // The most specific place: a city over a country when the mentions give both.
        let allLocations = members.compactMap(\.event.location)
        let cities = allLocations.filter { KnowledgeBase.standard.country(named: $0) == nil }
        let locations = cities.isEmpty ? allLocations : cities
        let location = mostCommon(locations)
        let sources = Array(Set(members.map(\.document))).sorted()
        let confidence = min(0.99, (members.map(\.event.confidence).max() ?? 0.5) + 0.05 * Double(sources.count - 1))
        var dateNote: String?
        if let date, !date.hasPrefix("X"), dates.contains(where: { $0.hasPrefix("X") }) {
            let dated = Set(members.filter { $0.event.date.map { !$0.hasPrefix("X") } ?? false }.map(\.document)).sorted()
            dateNote = "anchor corpus: the year comes from \(dated.joined(separator: ", ")), which report the same event"
        }
        // A planned and a held meeting of the same actors, day and first report are two events: modality is
        // part of the id (left out for asserted events, so their ids stay as they were).
        var idParts = [type, keys.sorted().joined(separator: ","), date ?? "", sources.first ?? ""]
        if modality != "asserted" { idParts.append(modality) }
        let id = "ev-" + String(SHA256.hex(idParts.joined(separator: "|")).prefix(12))
        let evidence = members.map { Merged.Evidence(document: $0.document, start: $0.event.evidence.start, end: $0.event.evidence.end) }
        return Merged(
            id: id, type: type, mode: mode, modality: modality, participants: names, aliases: aliases, date: date,
            location: location, sources: sources, mentions: members.count, confidence: confidence, evidence: evidence,
            actorKeys: keys, countries: countries.sorted(), dateNote: dateNote)
    }
}
