/// Filters over merged events, shared by the CLI and the HTTP API.
public struct EventQuery: Sendable, Hashable {
    public var actor: String?
    public var type: String?
    public var since: String?
    public var until: String?
    /// `asserted` by default; `all` for every modality.
    public var modality: String
    /// Actors or countries that must all take part (a dyad or a country pair); empty for no such filter.
    public var between: [String]

    /// The modalities an event can have, and `all`.
    public static let modalities = ["asserted", "planned", "denied", "claimed", "hypothetical", "all"]

    public init(
        actor: String? = nil, type: String? = nil, since: String? = nil, until: String? = nil,
        modality: String = "asserted", between: [String] = []
    ) {
        self.actor = actor
        self.type = type
        self.since = since
        self.until = until
        self.modality = modality
        self.between = between
    }

    /// What is wrong with the filter, in a user's words, or `nil` when it can be used.
    ///
    /// Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the type is a PLOVER word; the modality one of ``modalities``.
    public var problem: String? {
        for (name, value) in [("since", since), ("until", until)] {
            if let value, !Self.isPartialDate(value) {
                return "\(name) must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"\(value)\""
            }
        }
        if let type, type.isEmpty || !type.allSatisfy({ $0.isLetter || $0 == "_" }) {
            return "type must be a PLOVER event type such as CONSULT or AGREE, not \"\(type)\""
        }
        if !Self.modalities.contains(modality) {
            return "modality must be one of \(Self.modalities.joined(separator: ", ")), not \"\(modality)\""
        }
        return nil
    }

    static func isPartialDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return false }
        if parts.count > 1, parts[1].count != 2 || !(1...12).contains(Int(parts[1]) ?? 0) { return false }
        if parts.count > 2, parts[2].count != 2 || !(1...31).contains(Int(parts[2]) ?? 0) { return false }
        return true
    }

    public func matches(_ event: EventMerger.Merged) -> Bool {
        if let type, event.type.uppercased() != type.uppercased() { return false }
        if modality != "all", event.modality != modality { return false }
        if let since, (event.date ?? "") < since, !(event.date.map { since.hasPrefix($0) } ?? false) { return false }
        if let until, let date = event.date, String(date.prefix(until.count)) > until { return false }
        if let actor, !Self.involves(event, actor) { return false }
        if !between.allSatisfy({ Self.involves(event, $0) }) { return false }
        return true
    }

    /// How many events fall in each month (`YYYY-MM`, or `unknown` without a date), in month order.
    public static func monthCounts(_ events: [EventMerger.Merged]) -> [(month: String, count: Int)] {
        var months = [String: Int]()
        for event in events { months[String((event.date ?? "unknown").prefix(7)), default: 0] += 1 }
        return months.keys.sorted().map { ($0, months[$0] ?? 0) }
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
