import ArgumentParser
import Foundation
import WartaCore

/// Options shared by the commands that list events.
struct EventFilterOptions: ParsableArguments {
    @Option(help: "Only events with this actor (a name, short name, alias or country).")
    var actor: String?

    @Option(help: "Only events of this PLOVER type (CONSULT, AGREE, ...).")
    var type: String?

    @Option(help: "Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only events on or before this date.")
    var until: String?

    @Option(help: "asserted (default), planned, denied, claimed, hypothetical or all.")
    var modality: String = "asserted"

    var query: EventQuery { EventQuery(actor: actor, type: type, since: since, until: until, modality: modality) }

    func validate() throws {
        if let problem = query.problem { throw ValidationError(problem) }
    }
}

enum EventFormat: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl, csv
}

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "List the merged real-world events of the database.")

    @OptionGroup var filter: EventFilterOptions

    @Option(help: "table, jsonl or csv.")
    var format: EventFormat = .table

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    func run() async throws {
        let store = try await openExisting(db)
        let events = try await store.events().filter(filter.query.matches)
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for event in events { Terminal.print(String(decoding: try encoder.encode(EventLine(event)), as: UTF8.self)) }
        case .csv:
            Terminal.print("id,type,mode,modality,date,location,participants,sources,mentions,confidence")
            for event in events {
                let fields = [
                    event.id, event.type, event.mode ?? "", event.modality, event.date ?? "", event.location ?? "",
                    event.participants.joined(separator: "; "), event.sources.joined(separator: "; "), "\(event.mentions)",
                    String(format: "%.2f", event.confidence),
                ]
                Terminal.print(fields.map(CSV.field).joined(separator: ","))
            }
        case .table:
            for event in events {
                Terminal.print(
                    "\((event.date ?? "????").padding(toLength: 10, withPad: " ", startingAt: 0))  \(event.type.padding(toLength: 9, withPad: " ", startingAt: 0)) \(event.participants.joined(separator: " · "))"
                        + (event.location.map { "  @ \($0)" } ?? "") + (event.modality == "asserted" ? "" : "  [\(event.modality)]")
                        + "  (\(event.sources.count) source\(event.sources.count == 1 ? "" : "s"))")
            }
        }
    }
}

enum CSV {
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Events in date order, one line each, with their sources.")

    @OptionGroup var filter: EventFilterOptions

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    func run() async throws {
        let store = try await openExisting(db)
        let events = try await store.events().filter(filter.query.matches)
        for event in events {
            let mode = event.mode.map { "/\($0)" } ?? ""
            Terminal.print(
                "\(event.date ?? "????-??-??")  \(event.type)\(mode)  \(event.participants.joined(separator: ", "))"
                    + (event.location.map { " in \($0)" } ?? "") + (event.modality == "asserted" ? "" : " [\(event.modality)]"))
            Terminal.print("            sources: \(event.sources.joined(separator: ", "))")
        }
        if events.isEmpty { Terminal.error("warta: no events match") }
    }
}

struct DyadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dyad", abstract: "Events between two actors or countries, and their count per month.")

    @Argument(help: "The first actor or country.")
    var a: String

    @Argument(help: "The second actor or country.")
    var b: String

    @Option(help: "asserted (default), planned, denied, claimed, hypothetical or all.")
    var modality: String = "asserted"

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    func run() async throws {
        let store = try await openExisting(db)
        let query = EventQuery(modality: modality, between: [a, b])
        if let problem = query.problem { throw ValidationError(problem) }
        let events = try await store.events().filter(query.matches)
        for event in events {
            Terminal.print("\(event.date ?? "????")  \(event.type)  \(event.participants.joined(separator: ", "))  (\(event.sources.joined(separator: ", ")))")
        }
        Terminal.print("\n\(events.count) events between \(a) and \(b)")
        for (month, count) in EventQuery.monthCounts(events) {
            Terminal.print("  \(month)  \(String(repeating: "■", count: count)) \(count)")
        }
    }
}

struct EntitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities", abstract: "Canonical entities with their mention and document counts.")

    @Option(help: "PER, ORG or LOC.")
    var type: String?

    @Option(help: "table or jsonl.")
    var format: String = "table"

    @Option(help: "At most this many.")
    var limit: Int = 50

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    func run() async throws {
        let store = try await openExisting(db)
        let entities = try await store.entities(type: type?.uppercased()).prefix(limit)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for entity in entities {
            if format == "jsonl" {
                Terminal.print(String(decoding: try encoder.encode(entity), as: UTF8.self))
            } else {
                let aliases = entity.aliases.prefix(4).joined(separator: ", ")
                Terminal.print("\(entity.type)  \(entity.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%5d mentions %4d docs", entity.mentions, entity.documents))  \(aliases)")
            }
        }
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export merged events (plover, jsonl or csv).")

    @Option(help: "plover (PLOVER-style JSON Lines with actor country codes), jsonl or csv.")
    var format: String = "plover"

    @OptionGroup var filter: EventFilterOptions

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    func run() async throws {
        let store = try await openExisting(db)
        let events = try await store.events().filter(filter.query.matches)
        let kb = KnowledgeBase.standard
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch format {
        case "plover":
            for event in events {
                let codes = event.participants.enumerated().map { index, _ -> String? in
                    let key = index < event.actorKeys.count ? event.actorKeys[index] : ""
                    if key.hasPrefix("country:") { return String(key.dropFirst(8)) }
                    if key.hasPrefix("person:"), let person = kb.people[String(key.dropFirst(7))] { return person.country }
                    if key.hasPrefix("org:"), let org = kb.organizations[String(key.dropFirst(4))] { return org.country }
                    return nil
                }
                let record = PloverRecord(
                    id: event.id, date: event.date, eventType: event.type, mode: event.mode, contexts: [],
                    actor1: event.participants.first, actor1Country: codes.first ?? nil,
                    actor2: event.participants.dropFirst().first, actor2Country: codes.dropFirst().first ?? nil,
                    location: event.location, modality: event.modality, sources: event.sources, confidence: event.confidence)
                Terminal.print(String(decoding: try encoder.encode(record), as: UTF8.self))
            }
        case "jsonl":
            for event in events { Terminal.print(String(decoding: try encoder.encode(EventLine(event)), as: UTF8.self)) }
        case "csv":
            var command = EventsCommand()
            command.filter = filter
            command.format = .csv
            command.db = db
            try await command.run()
        default:
            throw ValidationError("unknown export format \(format) (plover, jsonl, csv)")
        }
    }
}

struct PloverRecord: Encodable {
    var id: String
    var date: String?
    var eventType: String
    var mode: String?
    var contexts: [String]
    var actor1: String?
    var actor1Country: String?
    var actor2: String?
    var actor2Country: String?
    var location: String?
    var modality: String
    var sources: [String]
    var confidence: Double
}
