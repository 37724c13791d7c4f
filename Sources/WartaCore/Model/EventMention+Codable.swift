extension EventMention {
    /// Writes every field of FORMATS.md §2, unknown ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(mode, forKey: .mode)
        try container.encode(participants, forKey: .participants)
        try container.encode(date, forKey: .date)
        try container.encode(location, forKey: .location)
        try container.encode(reportedBy, forKey: .reportedBy)
        try container.encode(modality, forKey: .modality)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(confidence, forKey: .confidence)
    }
}

extension Entity {
    enum CodingKeys: String, CodingKey {
        case id, name, type, aliases, titles, country, link, mentions
    }

    /// Writes every field of FORMATS.md §2, an unknown country as `null`; `link` only when there is one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(aliases, forKey: .aliases)
        try container.encode(titles, forKey: .titles)
        try container.encode(country, forKey: .country)
        try container.encodeIfPresent(link, forKey: .link)
        try container.encode(mentions, forKey: .mentions)
    }
}
