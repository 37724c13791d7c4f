public import Foundation

/// What Warta knows of the world before it reads a word: countries, places, organisations and news agencies,
/// office holders with their terms, titles, and well-known summits. Loaded from the TSV resource files in
/// `Resources/Knowledge` (see `SOURCES.md` there) and from users' own files in the same formats.
///
/// Every fact drawn from here is traceable: entries carry their file and line (`source`).
public struct KnowledgeBase: Sendable {
    public struct Country: Sendable, Hashable {
        public var iso3: String
        public var iso2: String?
        public var name: String
        public var nameID: String?
        public var aliases: [String]
        public var adjectives: [String]
        public var capital: String?
        public var source: String
    }

    public struct Place: Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var country: String?
        public var kind: String
        public var source: String
    }

    public struct Organization: Sendable, Hashable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var kind: String
        public var country: String?
        public var source: String
    }

    /// One office a person held.
    public struct Term: Sendable, Hashable {
        public var role: String
        public var roleID: String?
        public var country: String?
        /// ISO dates; nil when open.
        public var start: String?
        public var end: String?
        public var source: String

        /// Whether `date` (ISO, any precision) can fall inside the term.
        public func covers(_ date: String) -> Bool {
            if let start, date.count >= 4, let startKey = Optional(String(start.prefix(date.count))), date < startKey {
                return false
            }
            if let end, date.count >= 4, date > String(end.prefix(date.count)) { return false }
            return true
        }
    }

    public struct Person: Sendable, Hashable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var country: String?
        public var terms: [Term]
    }

    public struct Title: Sendable, Hashable {
        public var title: String
        public var language: String?
        /// `role` or `honorific`.
        public var kind: String
        public var role: String?
        public var country: String?
    }

    public struct Summit: Sendable, Hashable {
        public var id: String
        public var date: String
        public var endDate: String?
        public var type: String?
        public var participants: [String]
        public var location: String?
        public var description: String?
        public var source: String
    }

    /// Something a name in text can refer to.
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case country, place, organization, person }
        public var kind: Kind
        /// `iso3` for countries, the name for places, the id for organisations and people.
        public var id: String
        public var name: String
        /// `PER`, `ORG` or `LOC`.
        public var type: String
        public var country: String?
    }

    public private(set) var countries: [String: Country] = [:]
    public private(set) var places: [Place] = []
    public private(set) var organizations: [String: Organization] = [:]
    public private(set) var people: [String: Person] = [:]
    public private(set) var titles: [String: Title] = [:]
    public private(set) var summits: [Summit] = []
    /// Name key → what it may name.
    public private(set) var names: [String: [Entry]] = [:]
    /// Country adjective or demonym key ("russian", "rusia") → iso3.
    public private(set) var demonyms: [String: String] = [:]
    /// The most words any known name has.
    public private(set) var longestName = 1

    public init() {}

    /// The folder of the shipped knowledge-base files (`Resources/Knowledge`).
    public static var resourceDirectory: URL? {
        Bundle.module.url(forResource: "Knowledge", withExtension: nil, subdirectory: "Resources")
    }

    /// The model file of the shipped tagger (`Resources/Entities/ner-model.bin`).
    public static var taggerModelURL: URL? {
        Bundle.module.url(forResource: "ner-model", withExtension: "bin", subdirectory: "Resources/Entities")
    }

    /// The knowledge base shipped with Warta.
    public static let standard: KnowledgeBase = {
        var kb = KnowledgeBase()
        for file in ["countries", "places", "organizations", "people", "titles", "summits"] {
            guard let url = Bundle.module.url(forResource: file, withExtension: "tsv", subdirectory: "Resources/Knowledge"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            do {
                try kb.add(tsv: text, name: "\(file).tsv")
            } catch {
                preconditionFailure("Warta's knowledge base is malformed: \(error)")
            }
        }
        return kb
    }()

    /// Adds a user's file; its kind is told by its header (`iso3` countries, `kind`+`country_iso3` without `id`
    /// places, `id`+`kind` organisations, `role` people, `title` titles, `participants` summits).
    ///
    /// - Throws: ``KnowledgeError`` naming the line that cannot be read.
    public mutating func add(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        try add(tsv: text, name: url.lastPathComponent)
    }

    public mutating func add(tsv text: String, name: String) throws(KnowledgeError) {
        let table = try TSVTable(text: text, name: name)
        let columns = Set(table.columns)
        func where_(_ row: TSVTable.Row) -> String { "\(name):\(row.line)" }
        if columns.contains("iso3") {
            for row in table.rows {
                guard let iso3 = row["iso3"], let english = row["name_en"] else {
                    throw KnowledgeError(file: name, line: row.line, message: "a country needs iso3 and name_en")
                }
                let country = Country(
                    iso3: iso3, iso2: row["iso2"], name: english, nameID: row["name_id"], aliases: row.list("aliases"),
                    adjectives: row.list("adjectives"), capital: row["capital"], source: where_(row))
                countries[iso3] = country
                let entry = Entry(kind: .country, id: iso3, name: english, type: "LOC", country: iso3)
                for alias in [english] + [country.nameID].compactMap({ $0 }) + country.aliases { index(alias, entry) }
                for adjective in country.adjectives { demonyms[NameKey.make(adjective)] = iso3 }
            }
        } else if columns.contains("participants") {
            for row in table.rows {
                guard let id = row["id"], let date = row["date"] else {
                    throw KnowledgeError(file: name, line: row.line, message: "a summit needs id and date")
                }
                summits.append(Summit(
                    id: id, date: date, endDate: row["end_date"], type: row["type"], participants: row.list("participants"),
                    location: row["location"], description: row["description_en"], source: where_(row)))
            }
        } else if columns.contains("title") {
            for row in table.rows {
                guard let title = row["title"] else { continue }
                titles[NameKey.make(title)] = Title(
                    title: title, language: row["lang"], kind: row["kind"] ?? "role", role: row["role"],
                    country: row["country_iso3"])
            }
        } else if columns.contains("role") {
            for row in table.rows {
                guard let id = row["id"], let full = row["name"] else {
                    throw KnowledgeError(file: name, line: row.line, message: "a person needs id and name")
                }
                let term = Term(
                    role: row["role"] ?? "", roleID: row["role_id"], country: row["country_iso3"], start: row["start"],
                    end: row["end"], source: where_(row))
                var person = people[id] ?? Person(id: id, name: full, aliases: [], country: row["country_iso3"], terms: [])
                for alias in row.list("aliases") where !person.aliases.contains(alias) { person.aliases.append(alias) }
                if !term.role.isEmpty { person.terms.append(term) }
                people[id] = person
                let entry = Entry(kind: .person, id: id, name: person.name, type: "PER", country: person.country)
                for alias in [full] + row.list("aliases") { index(alias, entry) }
            }
        } else if columns.contains("id") && columns.contains("kind") {
            for row in table.rows {
                guard let id = row["id"], let full = row["name"] else {
                    throw KnowledgeError(file: name, line: row.line, message: "an organisation needs id and name")
                }
                let organization = Organization(
                    id: id, name: full, aliases: row.list("aliases"), kind: row["kind"] ?? "", country: row["country_iso3"],
                    source: where_(row))
                organizations[id] = organization
                let entry = Entry(kind: .organization, id: id, name: full, type: "ORG", country: organization.country)
                for alias in [full] + organization.aliases { index(alias, entry) }
            }
        } else if columns.contains("name") && columns.contains("kind") {
            for row in table.rows {
                guard let full = row["name"] else { continue }
                let place = Place(
                    name: full, aliases: row.list("aliases"), country: row["country_iso3"], kind: row["kind"] ?? "city",
                    source: where_(row))
                places.append(place)
                let entry = Entry(kind: .place, id: full, name: full, type: "LOC", country: place.country)
                for alias in [full] + place.aliases { index(alias, entry) }
            }
        } else {
            throw KnowledgeError(file: name, line: 1, message: "unknown kind of knowledge file (columns: \(table.columns.joined(separator: ", ")))")
        }
    }

    private mutating func index(_ name: String, _ entry: Entry) {
        let key = NameKey.make(name)
        guard !key.isEmpty else { return }
        if names[key]?.contains(entry) == true { return }
        names[key, default: []].append(entry)
        longestName = max(longestName, key.split(separator: " ").count)
    }

    /// What `name` may refer to, people first, then organisations, countries and places.
    public func lookup(_ name: some StringProtocol) -> [Entry] {
        names[NameKey.make(name)] ?? []
    }

    /// The country a name, adjective or demonym names ("Rusia", "Russian", "Korut"), as iso3.
    public func country(named name: some StringProtocol) -> String? {
        let key = NameKey.make(name)
        if let iso3 = demonyms[key] { return iso3 }
        return names[key]?.first(where: { $0.kind == .country })?.id
    }

    /// People who held `role` (English or Indonesian, e.g. "President", "Presiden") for `country` on `date`.
    public func holders(role: String, country: String?, on date: String?) -> [Person] {
        let key = NameKey.make(role)
        return people.values.filter { person in
            person.terms.contains { term in
                (NameKey.make(term.role) == key || term.roleID.map(NameKey.make) == key)
                    && (country == nil || term.country == country)
                    && (date.map(term.covers) ?? true)
            }
        }.sorted { $0.id < $1.id }
    }
}
