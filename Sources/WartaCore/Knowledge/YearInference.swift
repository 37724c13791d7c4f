/// Dates a document that carries no year from what the knowledge base knows of the world.
///
/// A document that says "19 Juni" and names Vladimir Putin and Kim Jong Un is about the year of their known summit
/// on 19 June (the summits table); a person named with a title they held only in certain years (a term of office)
/// rules out the other years. The answer explains itself so that every inferred date can be traced.
public struct YearInference: Sendable {
    public var knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
    }

    public struct Answer: Sendable, Hashable {
        public var year: Int
        public var note: String
    }

    /// - Parameters:
    ///   - entities: the document's entities (linked people count).
    ///   - dates: values of its time expressions without a year (`XXXX-06-19`, `XXXX-06`).
    public func infer(entities: [Entity], dates: [String]) -> Answer? {
        let people = Set(entities.compactMap { $0.link }.filter { $0.hasPrefix("person:") }.map { String($0.dropFirst(7)) })
        let partial = dates.filter { $0.hasPrefix("XXXX-") }.map { String($0.dropFirst(5)) }
        // Years allowed by the titles people carry in the text.
        var allowed: ClosedRange<Int>?
        var termNote: String?
        for entity in entities where entity.type == "PER" {
            guard let link = entity.link, link.hasPrefix("person:"), let person = knowledge.people[String(link.dropFirst(7))] else { continue }
            for title in entity.titles {
                let titleKey = NameKey.make(title)
                // The term whose role words appear in the title ("Sekretaris Dewan Keamanan Rusia" → that office).
                let matching = person.terms.filter { term in
                    [term.roleID, term.role].compactMap { $0 }.contains { role in
                        let key = NameKey.make(role)
                        return !key.isEmpty && titleKey.hasPrefix(key)
                    }
                }
                guard matching.count == 1, let term = matching.first else { continue }
                let start = term.start.flatMap { Int($0.prefix(4)) } ?? 1900
                let end = term.end.flatMap { Int($0.prefix(4)) } ?? 2100
                let range = start...end
                allowed = allowed.map { $0.clamped(to: range) } ?? range
                termNote = "\(person.name) was \(term.role) from \(term.start ?? "?") to \(term.end ?? "now") (\(term.source))"
            }
        }
        // Known summits of the people named, on a day or in a month the text gives. Each year scores what it
        // explains: a day and month of the text on a summit's day counts 2, a month alone 1.
        var score = [Int: Int]()
        var reason = [Int: String]()
        var candidates = [(Int, String)]()
        for date in Set(partial) {
            var best = [Int: (Int, String)]()
            for summit in knowledge.summits {
                let named = summit.participants.filter { people.contains($0) }
                guard named.count >= 2 || (named.count == 1 && summit.participants.count == 1),
                    let year = Int(summit.date.prefix(4))
                else { continue }
                if let allowed, !allowed.contains(year) { continue }
                let day = String(summit.date.dropFirst(5))  // MM-DD
                let points = date == day ? 2 : (date.count == 2 && date == day.prefix(2)) ? 1 : 0
                guard points > 0 else { continue }
                if points > (best[year]?.0 ?? 0) {
                    best[year] = (points, "\(summit.description ?? summit.id) on \(summit.date) (\(summit.source))")
                }
            }
            for (year, (points, why)) in best {
                score[year, default: 0] += points
                if reason[year] == nil || points == 2 { reason[year] = why }
                candidates.append((year, why))
            }
        }
        let ranked = score.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        if let top = ranked.first, ranked.count == 1 || ranked[1].value < top.value, let why = reason[top.key] {
            return Answer(year: top.key, note: "year from the knowledge base: \(why)")
        }
        if candidates.isEmpty, let allowed, allowed.count == 1, let termNote {
            return Answer(year: allowed.lowerBound, note: "year from the knowledge base: \(termNote)")
        }
        return nil
    }
}
