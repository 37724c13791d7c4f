import Foundation

/// Writing to the terminal: errors to stderr, a progress bar only when stderr is a terminal.
enum Terminal {
    static let isInteractive: Bool = isatty(STDERR_FILENO) == 1

    static func error(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data((message + "\n").utf8))
    }

    /// A line to stdout. When the reader has gone (`warta events | head`), ends quietly as a broken pipe
    /// does by default: SwiftNIO, which the PostgreSQL store loads, ignores SIGPIPE, and a write to a closed
    /// pipe would otherwise trap.
    static func print(_ message: String) {
        write(message + "\n")
    }

    /// Text to stdout as it is, ending quietly on a broken pipe as `print` does.
    static func write(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            exit(1)
        }
    }
}

/// A one-line progress bar on stderr: documents done, documents per second, time left.
final class ProgressBar {
    let total: Int
    let label: String
    private let started = Date()
    private var lastDraw = Date.distantPast
    private(set) var done = 0
    private let enabled: Bool

    init(total: Int, label: String, enabled: Bool = Terminal.isInteractive) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = enabled
    }

    func advance(_ count: Int = 1) {
        done += count
        guard enabled else { return }
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.1 || done >= total {
            lastDraw = now
            draw(now)
        }
    }

    private func draw(_ now: Date) {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let fraction = min(Double(done) / Double(total), 1)
        let width = 28
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let remaining = rate > 0 ? Double(max(total - done, 0)) / rate : 0
        let line = "\r\(label) \(bar) \(done)/\(total) docs  \(Int(rate)) docs/s  ETA \(Self.duration(remaining))  "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar so the summary line starts clean.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }
}
