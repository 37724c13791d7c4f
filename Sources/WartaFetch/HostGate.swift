/// Spaces requests to one host at least `delay` apart, whoever asks: every caller reserves the next free
/// slot of its host, then sleeps until it comes.
actor HostGate {
    private var next: [String: ContinuousClock.Instant] = [:]

    /// Waits for the host's next slot.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func wait(host: String, delay: Duration) async throws {
        let slot = reserve(host: host, delay: delay)
        if slot > .now { try await Task.sleep(until: slot, clock: .continuous) }
    }

    private func reserve(host: String, delay: Duration) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        let slot = max(now, next[host] ?? now)
        next[host] = slot + delay
        return slot
    }
}
