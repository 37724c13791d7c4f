internal import Foundation
internal import WartaCore

/// The merged events, read from the store at most every `maxAge` (and again after a write through this server),
/// each with its JSON encoded once: the API answers from memory instead of decoding every event per request.
///
/// Another process writing to the same store (`warta ingest` while serving) shows within `maxAge`.
actor EventCache {
    struct Snapshot: Sendable {
        var events: [EventMerger.Merged]
        /// `EventLine` JSON of each event, in the same order.
        var json: [[UInt8]]
        var index: [String: Int]

        func event(_ id: String) -> EventMerger.Merged? { index[id].map { events[$0] } }
    }

    private let store: any EventStore
    private let maxAge: Duration
    private var snapshot: Snapshot?
    private var loadedAt = ContinuousClock.now
    private var loading: Task<Snapshot, any Error>?
    /// Counts invalidations, so that a read begun before a write is not kept after it.
    private var generation = 0

    init(store: any EventStore, maxAge: Duration = .seconds(2)) {
        self.store = store
        self.maxAge = maxAge
    }

    func current() async throws -> Snapshot {
        if let snapshot, ContinuousClock.now - loadedAt < maxAge { return snapshot }
        if let loading { return try await loading.value }
        let store = self.store
        let task = Task { try await Self.load(store) }
        let started = generation
        loading = task
        let fresh: Snapshot
        do {
            fresh = try await task.value
        } catch {
            if generation == started { loading = nil }
            throw error
        }
        if generation == started {
            loading = nil
            snapshot = fresh
            loadedAt = .now
        }
        return fresh
    }

    /// Forgets what was read, after this server wrote to the store.
    func invalidate() {
        generation += 1
        snapshot = nil
        loading = nil
    }

    static func load(_ store: any EventStore) async throws -> Snapshot {
        let events = try await store.events()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try events.map { [UInt8](try encoder.encode(EventLine($0))) }
        return Snapshot(
            events: events, json: json,
            index: Dictionary(events.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}
