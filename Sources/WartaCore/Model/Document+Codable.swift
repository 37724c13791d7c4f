extension Document {
    enum CodingKeys: String, CodingKey {
        case id, hash, source, language, title, author, published, dateline, text, captions, entities, times, events
        case removed
    }

    /// Writes every field of FORMATS.md §2, `null` where a value is unknown; `removed` only when asked for.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(hash, forKey: .hash)
        try c.encode(source, forKey: .source)
        try c.encode(language, forKey: .language)
        try c.encode(title, forKey: .title)
        try c.encode(author, forKey: .author)
        try c.encode(published, forKey: .published)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(text, forKey: .text)
        try c.encode(captions, forKey: .captions)
        try c.encode(entities, forKey: .entities)
        try c.encode(times, forKey: .times)
        try c.encode(events, forKey: .events)
        try c.encodeIfPresent(removed, forKey: .removed)
    }
}

extension Document.Source {
    enum CodingKeys: String, CodingKey { case path, url, publisher }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(url, forKey: .url)
        try c.encode(publisher, forKey: .publisher)
    }
}
