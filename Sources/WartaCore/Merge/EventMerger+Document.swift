extension EventMerger {
    /// The key that names the same real-world actor in every document: its knowledge-base link, else its type and
    /// folded name.
    public static func actorKey(_ entity: Entity) -> String {
        entity.link ?? "name:\(entity.type):\(NameKey.make(entity.name))"
    }

    /// The merge inputs of one document's events.
    public static func inputs(of document: Document) -> [Input] {
        let byID = Dictionary(document.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return document.events.map { event in
            let actors = event.participants.map { participant -> Input.Actor in
                guard let id = participant.entity, let entity = byID[id] else {
                    if let iso3 = KnowledgeBase.standard.country(named: participant.name) {
                        return Input.Actor(
                            key: "country:\(iso3)", name: participant.name, aliases: [], isCountry: true, country: participant.name)
                    }
                    return Input.Actor(
                        key: "name:\(NameKey.make(participant.name))", name: participant.name, aliases: [], isCountry: false)
                }
                return Input.Actor(
                    key: actorKey(entity), name: entity.name, aliases: entity.aliases,
                    isCountry: entity.link?.hasPrefix("country:") ?? false,
                    country: entity.link?.hasPrefix("country:") == true ? entity.name : entity.country)
            }
            return Input(document: document.id, event: event, participants: actors)
        }
    }
}
