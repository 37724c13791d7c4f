import Foundation
import Testing

/// Third-party data lives outside the repository in `../shared`; tests read it from there.
///
/// When it is missing the test is skipped on a developer machine but fails under CI (`CI=true`), so a
/// broken checkout never passes silently.
enum SharedData {
    static let root: URL = {
        let repo = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        if let custom = ProcessInfo.processInfo.environment["WARTA_SHARED"] {
            return URL(fileURLWithPath: custom)
        }
        return repo.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The URL of `relative` inside `../shared`, or nil (recording an issue under CI) when it is missing.
    static func url(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let url = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if isCI { Issue.record("missing shared data \(url.path)", sourceLocation: sourceLocation) }
        return nil
    }

    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }
}

enum Fixtures {
    static func url(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
    }
}

/// The scorer's notion of "a line is in the text": its words appear as one contiguous run.
enum WordRun {
    static func words(_ text: String) -> [String] {
        var words = [String]()
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func contains(_ text: String, _ line: String) -> Bool {
        let lineWords = words(line)
        guard !lineWords.isEmpty else { return true }
        return (" " + words(text).joined(separator: " ") + " ").contains(" " + lineWords.joined(separator: " ") + " ")
    }
}
