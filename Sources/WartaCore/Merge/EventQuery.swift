/// Filters over merged events, shared by the CLI and the HTTP API.
public struct EventQuery: Sendable, Hashable {
    public var actor: String?
    public var type: String?
    public var since: String?
    public var until: String?
    /// `asserted` by default; `all` for every modality.
    public var modality: String

    public init(actor: String? = nil, type: String? = nil, since: String? = nil, until: String? = nil, modality: String = "asserted") {
        self.actor = actor
        self.type = type
        self.since = since
        self.until = until
        self.modality = modality
    }

    public func matches(_ event: EventMerger.Merged) -> Bool {
        if let type, event.type.uppercased() != type.uppercased() { return false }
        if modality != "all", event.modality != modality { return false }
        if let since, (event.date ?? "") < since, !(event.date.map { since.hasPrefix($0) } ?? false) { return false }
        if let until, let date = event.date, String(date.prefix(until.count)) > until { return false }
        if let actor, !Self.involves(event, actor) { return false }
        return true
    }

    /// Whether `actor` (a name, a short name, an alias or a country) takes part in `event`.
    public static func involves(_ event: EventMerger.Merged, _ actor: String) -> Bool {
        let wanted = NameKey.fold(actor)
        guard !wanted.isEmpty else { return true }
        for name in event.participants {
            let names = [name] + (event.aliases[name] ?? [])
            if names.contains(where: { NameKey.fold($0) == wanted }) { return true }
            // A surname or given name alone: "Putin" for "Vladimir Putin".
            if NameKey.make(name).split(separator: " ").contains(where: { String($0) == NameKey.make(actor) }) { return true }
        }
        if event.countries.contains(where: { NameKey.fold($0) == wanted }) { return true }
        if let iso3 = KnowledgeBase.standard.country(named: actor), let country = KnowledgeBase.standard.countries[iso3] {
            return event.countries.contains(country.name) || event.actorKeys.contains("country:\(iso3)")
        }
        return false
    }
}
