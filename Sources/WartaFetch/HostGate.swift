/// Spaces requests to one host at least `delay` apart, whoever asks: every caller reserves the next free
/// slot of its host, then sleeps until it comes; a finished request pushes the next free slot to `delay`
/// after its end, so that a slow host is asked less often.
actor HostGate {
    private var next: [String: ContinuousClock.Instant] = [:]

    /// Waits for the host's next slot.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func wait(host: String, delay: Duration) async throws {
        let slot = reserve(host: host, delay: delay)
        if slot > .now { try await Task.sleep(until: slot, clock: .continuous) }
    }

    /// Marks the end of a request to the host.
    func finished(host: String, delay: Duration) {
        let after = ContinuousClock.now + delay
        if after > next[host] ?? after - delay { next[host] = after }
    }

    private func reserve(host: String, delay: Duration) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        let slot = max(now, next[host] ?? now)
        next[host] = slot + delay
        return slot
    }
}
