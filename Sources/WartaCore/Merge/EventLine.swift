/// One merged event as JSON (FORMATS.md §3): a line of `warta events --format jsonl`, an item of `GET /api/events`.
public struct EventLine: Encodable, Sendable {
    public var event: EventMerger.Merged

    public init(_ event: EventMerger.Merged) { self.event = event }

    enum Keys: String, CodingKey {
        case id, type, mode, modality, participants, aliases, date, location, sources, mentions, confidence, evidence, countries
        case dateNote = "date_note"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(event.id, forKey: .id)
        try c.encode(event.type, forKey: .type)
        try c.encode(event.mode, forKey: .mode)
        try c.encode(event.modality, forKey: .modality)
        try c.encode(event.participants, forKey: .participants)
        try c.encode(event.aliases, forKey: .aliases)
        try c.encode(event.date, forKey: .date)
        try c.encode(event.location, forKey: .location)
        try c.encode(event.sources, forKey: .sources)
        try c.encode(event.mentions, forKey: .mentions)
        try c.encode((event.confidence * 100).rounded() / 100, forKey: .confidence)
        try c.encode(event.evidence, forKey: .evidence)
        try c.encode(event.countries, forKey: .countries)
        try c.encodeIfPresent(event.dateNote, forKey: .dateNote)
    }
}
